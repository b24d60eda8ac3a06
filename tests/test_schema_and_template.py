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
