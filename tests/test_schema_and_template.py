"""`perflint schema` (a valid JSON Schema that accepts the fixtures) and `perflint init`."""

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from perflint.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_schema_is_a_valid_2020_12_schema_that_accepts_both_key_languages():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(CliRunner().invoke(main, ["schema"], catch_exceptions=False).output)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(FIXTURES.glob("*.yaml")):
        assert list(validator.iter_errors(yaml.safe_load(path.read_text("utf-8")))) == [], path.name
    assert list(validator.iter_errors({"部门": "溧平县司法局", "年度": 2026, "项目": [{"项目名称": "x"}]})) == []
    assert list(validator.iter_errors({"department": "x", "year": 2026, "nmae": "x"}))
    assert list(validator.iter_errors({"department": "x"}))  # year is required


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_init_writes_a_template_that_passes_once_filled_in(tmp_path, lang):
    path = tmp_path / "doc.yaml"
    result = CliRunner().invoke(main, ["init", str(path), "--lang", lang], catch_exceptions=False)
    assert result.exit_code == 0
    text = path.read_text("utf-8")
    document = yaml.safe_load(text)
    assert ("部门" if lang == "zh" else "department") in document

    unfilled = CliRunner().invoke(main, ["check", "--format", "json", str(path)], catch_exceptions=False)
    assert unfilled.exit_code == 1, "placeholders must be reported until they are filled in"

    filled = fill(text)
    path.write_text(filled, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fail-on", "info", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def fill(text: str) -> str:
    """Replace every placeholder with a realistic value, as a budget officer would."""
    values = iter([
        "溧平县司法局", "做好人民调解工作，调解成功率达到96%以上。", "加强人民调解工作",
        "提升人民调解化解纠纷的能力。", "调解成功率达到96%以上。", "完善制度建设", "制定年度工作要点。",
        "13082426P000308100113", "2026年司法协理员工资保险", "324001 溧平县司法局本级", "司法协理员工资保险",
        "保障52名司法协理员工资保险按月发放，调解成功率达到96%以上。",
        "司法协理员人数", "全县在岗司法协理员人数", "≥52人", "溧政办〔2024〕28号",
        "工资发放准确率", "准确发放人数÷应发放人数", "100%", "溧政办〔2024〕28号",
        "工资发放时间", "每月工资发放到账的日期", "每月15日前", "《溧平县司法局财务管理制度》",
        "人均工资保险成本", "工资保险总额÷司法协理员人数", "≤3万元/人", "溧政办〔2024〕28号",
        "矛盾纠纷调解成功率", "调解成功件数÷受理件数", "≥96%", "历史标准：2025年实际95.2%",
        "被调解人满意度", "抽样问卷中满意及基本满意的比例", "≥90%", "《2026年满意度调查方案》",
    ])
    placeholder = re.compile(r"(请填写|FILL IN )[^#\n]*?(?=\s*(#|$))")
    lines = [line if line.lstrip().startswith("#") else placeholder.sub(lambda m: next(values), line)
             for line in text.splitlines()]
    assert next(values, None) is None, "every value was used"
    filled = "\n".join(lines) + "\n"
    return filled.replace("0.00  #", "156.00  #", 2).replace("0.00  #", "0  #", 1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_placeholder_of_the_template_is_a_finding(tmp_path, lang):
    """Not only those in the indicator table: 请填写部门全称 left in the department is residue too."""
    path = tmp_path / "doc.yaml"
    CliRunner().invoke(main, ["init", str(path), "--lang", lang])
    lines = path.read_text("utf-8").splitlines()
    placeholders = {number for number, line in enumerate(lines, 1)
                    if not line.lstrip().startswith("#") and re.search("请填写|FILL IN", line.split("  #")[0])}
    assert len(placeholders) >= 30
    findings = json.loads(CliRunner().invoke(main, ["check", "--format", "json", "--select", "PF205",
                                                    str(path)]).output)
    assert {f["line"] for f in findings} == placeholders
    department = next(f for f in findings if f["pointer"] == "/department")
    assert department["message"] == ("部门“请填写部门全称”中的“请填写”是模板残留，请删除或替换为实际内容" if lang == "zh"
                                     else "部门“FILL IN the department”中的“FILL IN”是模板残留，请删除或替换为实际内容")


# The JSON Schema -----------------------------------------------------------------------------------

def _schema():
    return json.loads(CliRunner().invoke(main, ["schema"]).output)


def test_every_field_has_a_chinese_description_and_scalar_fields_examples():
    from perflint.load.model import Document, Node, aliases, shape

    definitions = _schema()["$defs"]
    seen = set()

    def visit(model):
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            kind, item = shape(info.annotation)
            for label in aliases(model, name):
                prop = definitions[model.__name__]["properties"][label]
                assert re.search("[\u4e00-\u9fff]", prop["description"]), (model.__name__, name)
                nested = item if kind in (list, dict) else kind
                if not (isinstance(nested, type) and issubclass(nested, Node)):
                    assert prop.get("examples"), (model.__name__, name)
            nested = item if kind in (list, dict) else kind
            if isinstance(nested, type) and issubclass(nested, Node):
                visit(nested)

    visit(Document)
    assert len(seen) == 9


def test_the_level_names_and_other_fixed_lists_are_offered():
    indicator = _schema()["$defs"]["Indicator"]["properties"]
    assert indicator["一级指标"]["anyOf"][0] == {"enum": ["产出指标", "效益指标", "满意度指标", "成本指标"]}
    assert "服务对象满意度指标" in indicator["level2"]["anyOf"][0]["enum"]
    assert indicator["指标性质"]["anyOf"][0] == {"enum": ["定量", "定性"]}


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def _loader_reads(document) -> bool:
    """The YAML loader reads the document without a problem (no PF0xx finding)."""
    from perflint.load import load_bytes

    text = yaml.dump(document, Dumper=_NoAliases, allow_unicode=True)
    loaded = load_bytes(text.encode("utf-8"), "doc.yaml")
    return loaded.document is not None and not loaded.problems


def _document(**changes):
    document = {"department": "溧平县司法局", "year": 2026,
                "projects": [{"name": "2026年司法协理员工资保险", "budget": {"total": 155.99},
                              "indicators": [{"level1": "产出指标", "value": "≥52人"}]}]}
    project = document["projects"][0]
    for key, value in changes.items():
        target = {"doc": document, "project": project, "budget": project["budget"],
                  "indicator": project["indicators"][0]}[key.split("__")[0]]
        field = key.split("__")[1]
        if value is _DELETE:
            del target[field]
        else:
            target[field] = value
    return document


_DELETE = object()

AGREEMENT = [
    # (case, document, read by both)
    ("the example", _document(), True),
    ("Chinese keys", {"部门": "溧平县司法局", "年度": 2026, "项目": [{"项目名称": "x", "预算规模": {"预算数": 1}}]}, True),
    ("a quoted year", _document(doc__year="2026"), True),
    ("a year written 2026.0", _document(doc__year=2026.0), True),
    ("a year with a fraction", _document(doc__year=2026.5), False),
    ("a year in Chinese numerals", _document(doc__year="二〇二六"), False),
    ("a year of null", _document(doc__year=None), False),
    ("no year", _document(doc__year=_DELETE), False),
    ("no department", _document(doc__department=_DELETE), False),
    ("an amount as text", _document(budget__total="155.99"), True),
    ("an amount in full-width digits", _document(budget__total="１５５"), True),
    ("an amount with underscores", _document(budget__total="1_000"), True),
    ("an amount with an exponent", _document(budget__total="1e3"), True),
    ("an amount with its unit", _document(budget__total="20万元"), False),
    ("an amount with a thousands comma", _document(budget__total="1,000"), False),
    ("an amount that is no number", _document(budget__total="NaN"), False),
    ("an amount of true", _document(budget__total=True), False),
    ("a blank amount", _document(budget__total=None), True),
    ("a budget that is a number", _document(project__budget=5), False),
    ("spending shares with and without %", _document(project__spending_plan={"3月底": "25%", "12月底": 100}), True),
    ("a spending share that is text", _document(project__spending_plan={"3月底": "一季度"}), False),
    ("one goal as a string", _document(project__goals="保障工资按月发放"), True),
    ("a goal of null", _document(project__goals=[None]), False),
    ("a money unit of null (万元)", _document(project__money_unit=None), True),
    ("a project without a name", _document(project__name=_DELETE), False),
    ("a project name of null", _document(project__name=None), False),
    ("indicators as text", _document(project__indicators="见附表"), False),
    ("a level name the forms do not use", _document(indicator__level1="产出值"), True),
    ("a status of true", _document(doc__status=True), True),
    ("a department that is a mapping", _document(doc__department={"名称": "x"}), False),
    ("projects as a mapping", _document(doc__projects={"name": "x"}), False),
    ("an unknown key", _document(indicator__nmae="x"), False),
    ("a field in both languages", _document(doc__部门="溧平县司法局"), False),
    ("a weight as text", _document(indicator__weight="10"), True),
    ("a weight with a unit", _document(indicator__weight="10分"), False),
]


@pytest.mark.parametrize("document, readable", [(d, r) for _, d, r in AGREEMENT],
                         ids=[case for case, _, _ in AGREEMENT])
def test_the_schema_and_the_loader_agree(document, readable):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(_schema())
    assert _loader_reads(document) == readable
    assert validator.is_valid(document) == readable


def _beyond_any_budget(text: str) -> bool:
    from decimal import Decimal, InvalidOperation

    plain = text.replace("_", "").strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    try:
        number = Decimal(plain)
    except InvalidOperation:
        return False
    return number.is_finite() and number != 0 and not -15 <= number.adjusted() < 15


def test_the_schema_and_the_loader_agree_on_numbers_written_as_text():
    """Any text made of digits, signs, points, exponents, underscores, spaces and units: where the loader
    reads a number, the schema accepts it, and the other way round."""
    jsonschema = pytest.importorskip("jsonschema")
    from hypothesis import given, settings, strategies as st

    validator = jsonschema.Draft202012Validator(_schema())

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(st.text(alphabet="0123456789０９+-._eE %％万,", max_size=8), st.sampled_from(["total", "year", "plan"]))
    def agree(text, where):
        if where == "year" and re.match(r"\s*0[0_]*[-+]", text):
            return  # pydantic reads 0-7 as the year -7: a quirk the schema does not copy
        if where != "year" and _beyond_any_budget(text.strip().rstrip("%％ ")):
            return  # the loader refuses 1E100 and 1E-20 (issue 14); the schema's pattern does not count digits
        changes = {"total": {"budget__total": text}, "year": {"doc__year": text},
                   "plan": {"project__spending_plan": {"3月底": text}}}[where]
        document = _document(**changes)
        assert _loader_reads(document) == validator.is_valid(document), text

    agree()
