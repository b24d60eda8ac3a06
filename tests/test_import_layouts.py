"""Real layouts in small: what an import keeps when a required field is missing, the columns a form
has (set even when empty, absent when the form lacks them), listings of many projects, and the labels
every machine format carries for sources without lines."""

import csv
import io
import json

import openpyxl
from click.testing import CliRunner

from perflint.check import active_rules
from perflint.cli import main
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import load_bytes


RULES = active_rules(Settings())

NO_DEPARTMENT = """项目支出绩效目标表
项目名称\t社区矫正
项目资金(万元)\t年度资金总额:\t20
年度目标\t完成社区矫正对象管理
一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据
产出指标\t数量指标\t管理人数\t≥50人\t
\t时效指标\t完成时间\t2026年11月底前\t计划标准
"""


def text(source: str, name: str = "doc.txt"):
    return load_bytes(source.encode("utf-8"), name)


def test_an_import_without_department_or_year_keeps_everything_it_read():
    loaded = text(NO_DEPARTMENT)
    document = loaded.document
    assert [p.pointer for p in loaded.problems if p.rule == "missing-field"] == ["/department", "/year"]
    assert document.projects[0].name == "社区矫正" and len(document.projects[0].indicators) == 2
    assert (document.department, document.year) == (None, None)  # no stand-in
    codes = {f.code for f in lint(loaded, RULES)}
    assert "PF009" in codes and "PF000" not in codes  # reported, and no rule crashed on it
    assert "PF106" not in codes  # the other rules ran: the empty basis cell is a finding of its own …
    assert "PF104" in codes or "PF103" in codes or len(codes) > 2


def test_perflint_import_writes_the_yaml_and_exits_1_when_a_required_field_is_missing(tmp_path):
    source = tmp_path / "doc.txt"
    source.write_text(NO_DEPARTMENT, encoding="utf-8")
    out = tmp_path / "doc.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "PF009" in result.output and "department" in result.output
    written = out.read_text(encoding="utf-8")
    assert "社区矫正" in written and "部门:" not in written and "年度:" not in written


def test_every_column_the_form_has_is_set_even_when_empty_and_none_it_lacks():
    indicator = text(NO_DEPARTMENT).document.projects[0].indicators[0]
    assert {"level1", "level2", "name", "value", "basis"} <= indicator.model_fields_set
    assert indicator.basis is None  # the form has the column; this cell was left empty
    assert not {"description", "unit", "op", "note", "weight"} & indicator.model_fields_set


def test_comparator_and_direction_columns_are_read_by_what_they_hold():
    loaded = text("项目名称\t装备\n一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值\n"
                  "产出指标\t数量指标\t采购数量\t正向\t大于等于\t10\t台\t7.5\n", "doc.txt")
    indicator = loaded.document.projects[0].indicators[0]
    assert (indicator.direction, indicator.op, indicator.value, indicator.unit) == ("正向", "大于等于", "10", "台")
    assert str(indicator.weight) == "7.5"


def test_midterm_and_annual_halves_side_by_side():
    loaded = text("项目名称\t检测\n"
                  "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值\n"
                  "\t产出指标\t数量指标\t抽检批次\t≥300组\t数量指标\t抽检批次\t≥100组\n")
    project = loaded.document.projects[0]
    assert [i.value for i in project.midterm_indicators] == ["≥300组"]
    assert [i.value for i in project.indicators] == ["≥100组"]
    assert project.indicators[0].level1 == "产出指标"


def test_a_department_level_table_fills_the_overall_part():
    loaded = text("部门整体支出绩效目标表\n(2021年度)\n部门名称\t县食用菌研究所\n"
                  "年度预算申请(万元)\t资金总额\t222.45\n\t公共财政拨款\t222.45\t基本支出\t220.45\n"
                  "部门职能职责概述\t食用菌科研推广\n整体绩效目标\t培育品种\n"
                  "绩效目标\t一级指标\t二级指标\t三级指标\t预期达到目标\n\t产出指标\t数量指标\t培育品种数量\t2种\n")
    document = loaded.document
    assert (document.department, document.year) == ("县食用菌研究所", 2021)
    overall = document.overall
    assert (overall.functions, overall.goal) == ("食用菌科研推广", "培育品种")
    assert (str(overall.budget.total), str(overall.budget.general)) == ("222.45", "222.45")
    assert [i.value for i in overall.indicators] == ["2种"]
    assert not document.projects


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    budget = book.active
    budget.title = "部门项目支出预算表05-1"
    budget.append(["部门项目支出预算表"])
    budget.append(["单位：万元"])
    budget.append(["单位名称", "项目名称", "合计", "一般公共预算"])
    budget.append(["溧平县司法局", "法律援助", 12, 12])
    budget.append(["溧平县司法局", "人民调解", 8, 8])
    goals = book.create_sheet("部门项目支出绩效目标05-2")
    goals.append(["部门项目支出绩效目标表"])
    goals.append(["2026年度"])
    goals.append(["单位名称", "项目名称", "年度绩效目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                  "度量单位"])
    goals.append(["溧平县司法局", "法律援助", "办理法律援助案件", "产出指标", "数量指标", "办理案件数", "≥", 300, "件"])
    goals.append([None, None, None, None, "时效指标", "办结时间", "≤", 30, "日"])
    goals.merge_cells("A4:A5")
    goals.merge_cells("B4:B5")
    goals.merge_cells("C4:C5")
    goals.merge_cells("D4:D5")
    goals.append(["溧平县司法局", "人民调解", "调解纠纷", "产出指标", "数量指标", "调解纠纷数", "≥", 500, "件"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_budget_disclosure_workbook_is_one_document_with_all_its_projects():
    loaded = load_bytes(_workbook(), "公开.xlsx")
    document = loaded.document
    assert [p.name for p in document.projects] == ["法律援助", "人民调解"]
    first = document.projects[0]
    assert [(i.level2, i.name, i.op, i.value, i.unit) for i in first.indicators] == [
        ("数量指标", "办理案件数", "≥", "300", "件"), ("时效指标", "办结时间", "≤", "30", "日")]
    assert first.goals == ["办理法律援助案件"]
    assert (str(first.budget.total), str(first.budget.general)) == ("12", "12")
    assert str(document.projects[1].budget.total) == "8"
    assert loaded.source.value("/projects/0/indicators/1/value").label == "部门项目支出绩效目标05-2!H5"


def test_findings_of_a_workbook_carry_labels_and_no_line_in_every_format(tmp_path):
    path = tmp_path / "公开.xlsx"
    path.write_bytes(_workbook())
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(path), "--format", "json"], catch_exceptions=False)
    findings = json.loads(result.output)
    assert findings and all(f["line"] is None and f["column"] is None for f in findings)
    assert any(f["label"] and "!" in f["label"] for f in findings)
    csv_text = runner.invoke(main, ["check", str(path), "--format", "csv", "--lang", "en"], catch_exceptions=False).output
    rows = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff"))))
    header = rows[0]
    assert header[2:5] == ["label", "line", "column"]
    assert all(row[3] == "" for row in rows[1:]) and any("!" in row[2] for row in rows[1:])
    sarif = json.loads(runner.invoke(main, ["check", str(path), "--format", "sarif"], catch_exceptions=False).output)
    located = sarif["runs"][0]["results"][0]["locations"][0]
    assert "region" not in located["physicalLocation"] and "!" in located["message"]["text"]
    github = runner.invoke(main, ["check", str(path), "--format", "github"], catch_exceptions=False).output
    assert "line=" not in github and "!" in github
    lines = runner.invoke(main, ["check", str(path), "--format", "jsonl"], catch_exceptions=False).output.splitlines()
    assert all("label" in json.loads(line) for line in lines)


def test_yaml_findings_have_lines_and_a_null_label():
    loaded = load_bytes("department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: x\n    indicators:\n"
                        "      - {name: 人数, value: 有效提升}\n".encode("utf-8"), "doc.yaml")
    finding = next(f for f in lint(loaded, RULES) if f.code == "PF201")
    data = finding.to_json()
    assert data["line"] == 6 and data["label"] is None


def test_old_word_files_are_a_finding_that_names_the_fix():
    for suffix in (".doc", ".wps"):
        loaded = load_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), f"old{suffix}")
        (finding,) = lint(loaded, RULES)
        assert finding.code == "PF001" and ".docx" in finding.message
        (english,) = lint(loaded, RULES, "en")
        assert "save it as .docx" in english.message


TABLE = """项目名称\t社区矫正
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t管理人数\t≥50人
"""


def test_a_table_title_that_opens_with_the_department_names_it():
    loaded = text("溧平县司法局2026年项目支出绩效目标表\n" + TABLE)
    assert (loaded.document.department, loaded.document.year) == ("溧平县司法局", 2026)
    assert loaded.document.projects[0].name == "社区矫正"  # the title names no project: the table does
    assert loaded.source.value("/department").line == 1


def test_a_table_title_with_department_and_project_gives_both():
    loaded = text("六安市金安区残疾人联合会-残疾人精准康复项目绩效目标表\n（2023年度）\n"
                  "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t签约康复人数\t≥18000人\n")
    document = loaded.document
    assert (document.department, document.year) == ("六安市金安区残疾人联合会", 2023)
    assert document.projects[0].name == "残疾人精准康复"


def test_a_place_opening_a_table_title_is_not_a_department():
    loaded = text("鄂州市2022年市直部门预算项目支出绩效目标表\n" + TABLE)
    assert loaded.document.department is None
    assert "missing-field" in [p.rule for p in loaded.problems]


EXCERPT = """项目名称\t社区矫正
年度目标\t完成社区矫正对象管理
绩效指标\t一级指标\t二级指标\t三级指标\t指标值
\t产出指标\t数量指标\t管理人数\t≥50人
\t\t\t走访次数\t≥12次
"""


def _cut(last_line: str):
    loaded = text(EXCERPT + last_line)
    cut = [p for p in loaded.problems if p.message == "cut"]
    return loaded.document.projects[0].indicators, cut


def test_the_last_row_of_an_excerpt_whose_cells_stop_early_is_reported_cut_and_left_out():
    indicators, cut = _cut("\t\t质量指标\t验收合格率")  # the value column never came
    assert [i.name for i in indicators] == ["管理人数", "走访次数"]
    assert len(cut) == 1 and cut[0].location.line == 6 and cut[0].args["text"] == "质量指标 | 验收合格率"
    finding = next(f for f in lint(text(EXCERPT + "\t\t质量指标\t验收合格率"), RULES) if f.rule == "import-skipped")
    assert "中途结束" in finding.message


def test_the_last_row_of_an_excerpt_whose_target_stops_at_its_comparator_is_cut():
    indicators, cut = _cut("\t\t质量指标\t验收合格率\t≧")
    assert [i.name for i in indicators] == ["管理人数", "走访次数"] and len(cut) == 1


def test_a_complete_last_row_and_short_rows_before_the_end_are_read():
    indicators, cut = _cut("\t\t质量指标\t验收合格率\t100%")
    assert [i.name for i in indicators] == ["管理人数", "走访次数", "验收合格率"] and cut == []
    # A short row that is not the last is a row like any other (here: a 二级指标 left without indicators).
    loaded = text(EXCERPT + "\t\t时效指标\n\t\t\t完成时间\t2026年11月底前\n")
    assert [i.name for i in loaded.document.projects[0].indicators][-1] == "完成时间"
    assert not [p for p in loaded.problems if p.message == "cut"]


def test_a_cut_row_is_only_the_end_of_a_text_not_of_a_word_table():
    import docx

    word = docx.Document()
    word.add_paragraph("溧平县司法局2026年项目支出绩效目标表")
    table = word.add_table(rows=0, cols=5)
    for values in (["项目名称", "社区矫正", "", "", ""], ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"],
                   ["产出指标", "数量指标", "管理人数", "≧", ""]):
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value
    out = io.BytesIO()
    word.save(out)
    loaded = load_bytes(out.getvalue(), "doc.docx")
    assert [i.value for i in loaded.document.projects[0].indicators] == ["≧"]


def test_a_label_garbled_by_a_mirror_is_read():
    loaded = text("项目名称\t社区矫正\n绩??????效?????目??标\t完成社区矫正对象管理\n"
                  "绩????效???指????标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t管理人数\t≥50人\n")
    project = loaded.document.projects[0]
    assert project.goals == ["完成社区矫正对象管理"] and [i.name for i in project.indicators] == ["管理人数"]


DESCRIBED = """1.“国家基本公共卫生服务”项目。
(1)项目概述:
基本公共卫生服务县级配套。
(3)实施主体:蒙城县卫生健康委员会。
(5)项目内容:基本公共卫生服务项目县级配套经费。
(7)绩效目标:将评价结果与补助经费挂钩，提高项目资金的使用效益。
项目支出绩效目标申报表
(2024 年度)
项目名称\t国家基本公共卫生服务项目
实施单位\t卫健委
总体目标\t促进基本公共卫生服务均等化。
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t适龄儿童疫苗接种率\t≥90%
"""


def test_a_project_described_in_numbered_prose_before_its_table():
    loaded = text(DESCRIBED)
    document = loaded.document
    project = document.projects[0]
    assert project.uses == "基本公共卫生服务项目县级配套经费。"
    # The described goal and the table's 总体目标 (alone, so the year's goal) are both goals.
    assert project.goals == ["将评价结果与补助经费挂钩，提高项目资金的使用效益。", "促进基本公共卫生服务均等化。"]
    assert project.midterm_goals == []
    # 实施主体 names whose project it is: the department, inferred and said so.
    assert document.department == "蒙城县卫生健康委员会" and document.year == 2024
    inferred = [p for p in loaded.problems if p.rule == "import-field-inferred"]
    assert [p.pointer for p in inferred] == ["/department"] and inferred[0].location.line == 4
    # 项目概述 has no field: it is reported with its text, not dropped.
    skipped = {p.location.line: p for p in loaded.problems if p.rule == "import-skipped"}
    assert sorted(skipped) == [1, 2]
    assert skipped[2].args["text"] == "(1)项目概述:基本公共卫生服务县级配套。" and skipped[2].location.end_line == 3


def test_a_described_item_whose_text_is_missing_does_not_take_the_table_title():
    loaded = text("(5)项目内容:\n保障车辆的维修及燃油费用\n(7) 绩效目标。\n项目支出绩效目标申报表\n( 2023 年度)\n"
                  + TABLE)
    project = loaded.document.projects[0]
    assert project.uses == "保障车辆的维修及燃油费用" and project.goals == []
    assert loaded.document.year == 2023


def test_a_space_before_an_item_of_a_list_on_one_line_is_kept():
    from perflint.load.pdf_text import clean

    assert clean("达成以下目标: 目标1:聘用人员1人,出差8人 目标2:在岗率100%") == \
        "达成以下目标: 目标1:聘用人员1人,出差8人 目标2:在岗率100%"
    assert clean("完成管理 (2)开展走访 3.入户") == "完成管理 (2)开展走访 3.入户"
    assert clean("普法宣传品 制作数量 ≥2000 份") == "普法宣传品制作数量≥2000份"  # the extractor's spaces go
    assert clean("合格率 1.5 倍") == "合格率1.5倍"  # 1.5 is a number, not an item's mark
