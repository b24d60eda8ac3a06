"""Published text (.txt extracted from a PDF, .md): the seed reads as its hand-made YAML does, every
layout of the 项目支出绩效目标表 in fixtures/text/ gives the expected projects, indicators and
values, what cannot be read is a finding, and `to_yaml` writes what reads back the same."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from perflint.check import active_rules
from perflint.cli import main
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import load_bytes, load_path
from perflint.load.writer import to_yaml

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures"
TEXTS = FIXTURES / "text"
SEED_TEXT = ROOT.parent / "shared" / "seed" / "liping-justice-2026-draft.txt"
RULES = active_rules(Settings())


def findings(loaded):
    return sorted((f.code, f.pointer) for f in lint(loaded, RULES))


def text(source: str, name: str = "doc.txt"):
    return load_bytes(source.encode("utf-8"), name)


def at(document, pointer: str):
    """The value at a JSON Pointer of the model."""
    node = document.model_dump()
    for part in pointer.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


# -- the seed: the published draft against its transcription ----------------------------------------

# CI lays shared/ beside the checkout: there the seed text must be checked, never skipped.
needs_seed = pytest.mark.skipif(not SEED_TEXT.exists() and not os.environ.get("CI"),
                                reason="the shared seed text is not present")


@needs_seed
def test_the_seed_text_reads_as_its_yaml_transcription():
    imported, transcribed = load_path(str(SEED_TEXT)), load_path(str(FIXTURES / "seed.yaml"))
    assert imported.problems == []
    assert imported.document.model_dump() == transcribed.document.model_dump()


@needs_seed
def test_the_seed_text_has_the_seed_yaml_defects_at_lines_of_the_text():
    imported = load_path(str(SEED_TEXT))
    assert findings(imported) == findings(load_path(str(FIXTURES / "seed.yaml")))
    lines = imported.lines
    for finding in lint(imported, RULES):
        if finding.pointer.startswith("/projects/"):
            assert finding.label is None and 1 <= finding.line <= len(lines)
    unit = imported.source.value("/projects/0/unit")
    assert lines[unit.line - 1][unit.column - 1:].startswith("324001 滦平县司法局本级")
    value = imported.source.value("/projects/1/indicators/3/value")  # ≤2.27 万 元/人, as the PDF spaced it
    assert lines[value.line - 1][value.column - 1:].startswith("≤2.27 万 元/人")


@needs_seed
def test_check_reports_the_seed_text_at_its_lines():
    result = CliRunner().invoke(main, ["check", "--select", "PF309,PF501", str(SEED_TEXT)], catch_exceptions=False)
    reported = [line.split(": ")[0] for line in result.output.splitlines()[:-1]]
    assert reported[0] == f"{SEED_TEXT}:121:1"
    assert len(reported) == 4 and all(r.startswith(f"{SEED_TEXT}:15") for r in reported[1:])


@needs_seed
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_seed_text_imported_to_yaml_reads_back_the_same(lang):
    imported = load_path(str(SEED_TEXT))
    written = load_bytes(to_yaml(imported.document, lang).encode("utf-8"), "seed.yaml")
    assert written.problems == []
    assert written.document.model_dump() == imported.document.model_dump()
    assert findings(written) == findings(imported)


# -- the layouts in fixtures/text ---------------------------------------------------------------------

# name: (indicators per project, midterm indicators per project, import problems, {pointer: value})
LAYOUTS = {
    "01-seed-layout.txt": ([7, 6], [0, 0], [], {
        "/department": "溧平县民政局", "/status": "草案", "/reviewed_by": "溧平县财政局",
        "/overall/targets/1/indicators": "新建村级互助养老服务点12个；服务对象满意度≥90%。",
        "/overall/measures/1/text": "按季度开展绩效运行监控，发现偏差及时纠正。",
        "/projects/0/budget/total": Decimal("1280.00"), "/projects/0/budget/other": None,
        "/projects/0/spending_plan": {"3月底": Decimal(25), "6月底": Decimal(50), "9月底": Decimal(75)},
        "/projects/0/indicators/1/level2": "数量指标", "/projects/0/indicators/1/name": "特困人员供养人数",
        "/projects/0/indicators/5/name": "困难群众基本生活得到保障",
        "/projects/0/indicators/6/value": "≥90%",
        "/projects/1/spending_plan/12月底": Decimal(100),
        "/projects/1/indicators/2/value": "2026年10月底前",
    }),
    "02-midterm-split.txt": ([7], [4], [], {
        "/projects/0/name": "2026—2028年农村供水保障工程", "/projects/0/period": "3年",
        "/projects/0/competent_department": "溧平县水利局",
        "/projects/0/implementing_unit": "338001 溧平县水利局本级",
        "/projects/0/budget/total": Decimal("600.00"), "/projects/0/budget/other": Decimal(0),
        "/projects/0/midterm_goals": ["新建改造农村供水管网360公里。", "农村自来水普及率达到99.5%以上。"],
        "/projects/0/goals": ["新建改造农村供水管网120公里。", "农村自来水普及率达到99%以上。"],
        "/projects/0/midterm_indicators/1/level1": "产出指标",
        "/projects/0/midterm_indicators/1/value": "=100%",
        "/projects/0/indicators/1/level2": "数量指标", "/projects/0/indicators/6/value": "≥90%",
    }),
    "03-operator-unit-columns.txt": ([7], [0], [], {
        "/projects/0/unit": "341001 溧平县文化广电和旅游局本级", "/projects/0/budget/other": Decimal(0),
        "/projects/0/indicators/0/op": "≥", "/projects/0/indicators/0/value": "120",
        "/projects/0/indicators/0/unit": "场", "/projects/0/indicators/2/unit": "%",
        "/projects/0/indicators/3/op": "定性", "/projects/0/indicators/3/unit": None,
        "/projects/0/indicators/4/unit": "万元/场",
    }),
    "04-note-column.txt": ([6, 4], [0, 0], [], {
        "/projects/1/name": "2026年家庭医生签约服务", "/projects/1/unit": "352001 溧平县卫生健康局本级",
        "/projects/0/indicators/0/level1": "成本指标", "/projects/0/indicators/0/note": "常住人口按56.8万人计",
        "/projects/0/indicators/1/note": None, "/projects/0/indicators/5/note": "每季度抽样不少于300人",
    }),
    "05-breakdown.txt": ([6], [0], ["import-total-row"], {
        "/projects/0/breakdown/0/item": "道路保洁人员工资", "/projects/0/breakdown/0/quantity": Decimal(120),
        "/projects/0/breakdown/0/unit_price": Decimal("4.8"), "/projects/0/breakdown/2/amount": Decimal("72.00"),
        "/projects/0/breakdown/1/basis": "16台×9.5万元/台·年",
        "/projects/0/indicators/2/value": "当日22时前",
    }),
    "06-header-rows.txt": ([6], [0], [], {
        "/projects/0/code": "13082426P000331100014", "/projects/0/attribute": "经常性",
        "/projects/0/period": "2026年1月—2026年12月", "/projects/0/money_unit": "万元",
        "/projects/0/budget/fiscal": Decimal("480.00"),
        "/projects/0/spending_plan": {"3月底": Decimal(25), "6月底": Decimal(50), "9月底": Decimal(75),
                                      "12月底": Decimal(100)},
        "/projects/0/indicators/2/level2": "质量指标",
    }),
    "07-wrapped-lines.txt": ([6], [0], ["import-row-joined"], {
        "/projects/0/goals": ["完成850公里农村公路日常养护，优良中等路率达到85%以上，完成农村公路桥梁定期检查42座。"],
        "/projects/0/indicators/0/name": "农村公路日常养护里程",
        "/projects/0/indicators/0/description": "纳入日常养护的农村公路里程",
        "/projects/0/indicators/0/basis": "《溧平县农村公路养护规划》",
        "/projects/0/indicators/2/description": "技术状况评定为优、良、中的路段里程÷评定总里程×100%",
        "/projects/0/indicators/4/description": "列入养护计划的里程÷农村公路总里程×100%",
    }),
    "08-markdown.md": ([6], [0], [], {
        "/title": "溧平县自然资源和规划局2026年部门预算绩效文本",
        "/overall/targets/0/title": "国土变更调查", "/projects/0/budget/other": None,
        "/projects/0/indicators/3/value": "≤327元/个",
    }),
}


def test_there_are_at_least_six_text_layouts():
    assert sorted(p.name for p in TEXTS.iterdir()) == sorted(LAYOUTS)
    assert len(LAYOUTS) >= 6


@pytest.mark.parametrize("name", LAYOUTS)
def test_text_layout_imports(name):
    indicators, midterm, problems, values = LAYOUTS[name]
    loaded = load_path(str(TEXTS / name))
    assert [p.rule for p in loaded.problems] == problems
    document = loaded.document
    assert document.year == 2026 and document.department.startswith("溧平县")
    assert [len(p.indicators) for p in document.projects] == indicators
    assert [len(p.midterm_indicators) for p in document.projects] == midterm
    for project in document.projects:
        assert project.name and project.budget.total and project.goals
        assert all(i.level1 and i.level2 and i.name and i.value for i in project.indicators)
    for pointer, expected in values.items():
        assert at(document, pointer) == expected, pointer


def test_a_wrapped_name_is_reported_where_it_was_joined():
    loaded = load_path(str(TEXTS / "07-wrapped-lines.txt"))
    (problem,) = loaded.problems
    assert problem.pointer == "/projects/0/indicators/0/name" and problem.location.line == 21
    where = loaded.source.value("/projects/0/indicators/0/name")
    assert (where.line, where.end_line) == (20, 21)  # both pieces of the cell


# -- what cannot be read with confidence ---------------------------------------------------------------

HEAD = "溧平县司法局\n2026年部门预算绩效文本\n\n1. 2026年法律援助绩效目标表\n"
INDICATOR_HEADER = "一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据\n"


def rules_of(loaded):
    return [(p.rule, p.message) for p in loaded.problems]


def test_an_empty_text_is_an_empty_document():
    assert rules_of(text("\n  \n")) == [("empty-document", "default")]


def test_text_that_is_not_a_document_is_reported_not_dropped():
    loaded = text("会议纪要\n\n今天讨论了三件事。\n")
    assert ("missing-field", "default") in rules_of(loaded)
    assert loaded.document is None


def test_prose_after_the_title_that_fits_nowhere_is_skipped_with_a_finding():
    loaded = text(HEAD.replace("\n\n1.", "\n\n注：本文本金额单位为万元。\n\n1.") + "项目名称\t2026年法律援助\n")
    assert rules_of(loaded) == [("import-skipped", "default")]
    assert loaded.problems[0].location.line == 4


def test_a_run_of_unknown_rows_is_one_finding():
    loaded = text(HEAD + "项目名称\t2026年法律援助\n" + "填报人\t张三\n联系电话\t0000-1234567\n审核人\t李四\n")
    (problem,) = loaded.problems
    assert (problem.rule, problem.message, problem.args["count"]) == ("import-skipped", "rows", 3)
    assert (problem.location.line, problem.location.end_line) == (6, 8)


def test_an_unknown_column_is_reported_and_its_cells_not_read():
    loaded = text(HEAD + "项目名称\t2026年法律援助\n" + INDICATOR_HEADER.replace("\n", "\t联系人\n")
                  + "产出指标\t数量指标\t办理法律援助案件数\t≥300件\t工作计划\t张三\n")
    assert rules_of(loaded) == [("import-unknown-column", "default"), ("import-skipped", "cell")]
    assert loaded.document.projects[0].indicators[0].basis == "工作计划"


def test_a_weight_column_is_read_as_the_indicator_weight():
    loaded = text(HEAD + "项目名称\t2026年法律援助\n" + INDICATOR_HEADER.replace("\n", "\t权重\n")
                  + "产出指标\t数量指标\t办理法律援助案件数\t≥300件\t工作计划\t20\n")
    assert rules_of(loaded) == []
    assert loaded.document.projects[0].indicators[0].weight == Decimal("20")


def test_a_field_given_twice_keeps_the_first_and_reports_the_second():
    loaded = text(HEAD + "项目名称\t2026年法律援助\n项目编码\tA1\n主管部门\t溧平县司法局\n主管部门\t溧平县财政局\n")
    assert rules_of(loaded) == [("import-duplicate-field", "default")]
    assert loaded.problems[0].pointer == "/projects/0/competent_department"
    assert loaded.document.projects[0].competent_department == "溧平县司法局"


def test_percentages_that_do_not_line_up_with_the_checkpoints_are_reported():
    loaded = text(HEAD + "项目名称\t2026年法律援助\n资金支出计划（%）\t3月底\t6月底\t10月底\t12月底\n"
                  "\t25%\t50%\t100%\t\t\t90%\n")
    assert rules_of(loaded) == [("import-plan-unpaired", "default")]
    assert loaded.document.projects[0].spending_plan == {"3月底": Decimal(25), "6月底": Decimal(50),
                                                          "10月底": Decimal(100)}


def test_percentages_shifted_by_a_merged_cell_pair_in_order():
    loaded = text(HEAD + "项目名称\t2026年法律援助\n资金支出计划（%）\t3月底\t\t6月底\t\t12月底\n\t25%\t50%\t100%\n")
    assert loaded.problems == []
    assert loaded.document.projects[0].spending_plan == {"3月底": Decimal(25), "6月底": Decimal(50),
                                                          "12月底": Decimal(100)}


def test_an_amount_with_a_unit_other_than_the_tables_is_a_type_error_not_a_guess():
    loaded = text(HEAD + "单位：万元\n项目名称\t2026年法律援助\n预算规模\t预算数\t20万元\t财政资金\t200000元\n")
    assert rules_of(loaded) == [("wrong-type", "number")]
    assert loaded.problems[0].pointer == "/projects/0/budget/fiscal"
    assert loaded.document.projects[0].budget.total == Decimal(20)


def test_a_note_under_the_indicator_table_is_not_read_as_a_level():
    loaded = text(HEAD + "项目名称\t2026年法律援助\n" + INDICATOR_HEADER
                  + "产出指标\t数量指标\t办理法律援助案件数\t≥300件\t工作计划\n填报说明：指标值均为全年目标。\n")
    assert rules_of(loaded) == [("import-skipped", "row")]
    assert len(loaded.document.projects[0].indicators) == 1


def test_a_budget_systems_export_without_a_cover_says_where_department_and_year_came_from():
    loaded = text("项目支出绩效目标表\n项目名称\t2026年法律援助\n主管部门\t溧平县司法局\n" + INDICATOR_HEADER
                  + "产出指标\t数量指标\t办理法律援助案件数\t≥300件\t工作计划\n")
    assert rules_of(loaded) == [("import-field-inferred", "default")] * 2
    assert [p.pointer for p in loaded.problems] == ["/department", "/year"]
    assert (loaded.document.department, loaded.document.year) == ("溧平县司法局", 2026)


def test_gbk_text_is_read_with_a_finding():
    loaded = load_bytes((HEAD + "项目名称\t2026年法律援助\n").encode("gbk"), "doc.txt")
    assert rules_of(loaded)[0][0] == "legacy-encoding"
    assert loaded.document.projects[0].name == "2026年法律援助"


def test_text_and_markdown_files_are_read_only_when_named(tmp_path):
    (tmp_path / "README.md").write_text("# 说明\n", "utf-8")
    (tmp_path / "doc.yaml").write_text("department: 溧平县司法局\nyear: 2026\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)], catch_exceptions=False)
    assert "README" not in result.output


# -- the writer ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ["seed.yaml", "clean-2015.yaml", "clean-2021.yaml"])
def test_to_yaml_reads_back_the_same_model(name, lang):
    original = load_path(str(FIXTURES / name)).document
    written = to_yaml(original, lang)
    again = load_bytes(written.encode("utf-8"), "out.yaml")
    assert again.problems == []
    assert again.document.model_dump() == original.model_dump()


def test_to_yaml_writes_the_forms_labels_in_the_models_order():
    document = load_path(str(FIXTURES / "seed.yaml")).document
    written = to_yaml(document, "zh")
    assert written.startswith("部门: 溧平县司法局\n年度: 2026\n标题: ")
    assert "    预算数: 20.00\n" in written and "    3月底: 30%\n" in written
    # A blank cell of the form stays a blank field (null), so the column is not lost on the way.
    assert "    其他资金: null\n" in written
    english = to_yaml(document, "en")
    project = english[english.index("projects:"):]
    assert project.index("code:") < project.index("name:") < project.index("indicators:")
    assert "      - level1: 产出指标\n" in english


def test_to_yaml_quotes_only_what_yaml_would_misread():
    document = load_bytes("department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: '2026'\n    indicators:\n"
                          "      - {name: '人数: 全县', value: '52', basis: 'yes', note: \"第一行\\n第二行\"}\n"
                          .encode("utf-8"), "x.yaml").document
    written = to_yaml(document, "en")
    assert "name: '2026'" in written and "value: '52'" in written and "basis: 'yes'" in written
    assert "note: |-\n" in written
    assert load_bytes(written.encode("utf-8"), "y.yaml").document.model_dump() == document.model_dump()


def test_a_project_heading_with_no_table_under_it_is_no_project():
    loaded = text(HEAD.replace("1. 2026年法律援助绩效目标表\n", "1. 2026年法律援助绩效目标表\n2. 2026年普法宣传绩效目标表\n")
                  + "项目名称\t2026年普法宣传\n")
    assert rules_of(loaded) == [("import-skipped", "default")] and loaded.problems[0].location.line == 4
    assert [p.name for p in loaded.document.projects] == ["2026年普法宣传"]


def test_markdown_emphasis_is_not_part_of_a_cell(tmp_path):
    text = (TEXTS / "08-markdown.md").read_text("utf-8")
    assert "| 每个图斑核查成本 | 项目支出÷核查图斑数 | ≤327元/个 |" in text
    bold = text.replace("| 每个图斑核查成本 | 项目支出÷核查图斑数 | ≤327元/个 |",
                        "| **每个图斑核查成本** | 项目支出÷核查图斑数 | __≤327元/个__ |")
    (tmp_path / "bold.md").write_text(bold, encoding="utf-8")
    indicator = load_path(str(tmp_path / "bold.md")).document.projects[0].indicators[3]
    assert (indicator.name, indicator.value) == ("每个图斑核查成本", "≤327元/个")


def test_an_undecodable_text_file_is_a_problem_of_that_file(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02\xff\xfe\x00" * 50)
    loaded = load_path(str(path))
    assert (loaded.path, loaded.document) == (str(path), None)
    assert [p.rule for p in loaded.problems] == ["binary-file"]
