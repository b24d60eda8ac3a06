"""Old binary workbooks (.xls): read with their number formats, merged ranges, hidden sheets and dates,
like an .xlsx (the same sheet-to-model mapping, workbook.py); a workbook that is really an .xlsx or a
web page under an .xls name is read or named for what it is."""

import datetime

import pytest
from click.testing import CliRunner

from forms import XlsBook, XlsxBook
from perflint.check import active_rules
from perflint.cli import main
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import iter_paths, load_bytes

RULES = active_rules(Settings())


def _export(book) -> bytes:
    _fill(book)
    return book.output()


def _fill(book) -> None:
    """A budget system's export of one project: title, header rows, a plan in percentages, indicators."""
    sheet = book.sheet("绩效目标表", 5)
    sheet.row(["项目支出绩效目标表（2026年度）"], [5])
    sheet.row(["项目名称", "2026年法律援助"])
    sheet.row(["主管部门", "溧平县司法局"])
    sheet.row(["项目资金（万元）", "预算数", 20, "财政资金", 20], formats={2: "0.00", 4: "0.00"})
    sheet.row(["资金支出计划", "6月底", 0.5, "12月底", 1], formats={2: "0%", 4: "0%"})
    header = sheet.row(["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"], [1] * 5)
    sheet.row(["产出指标", "数量指标", "办理案件数", "≥300件", "计划标准"])
    sheet.row(["", "", "培训人次", "≥120人次", "计划标准"])
    sheet.row(["", "时效指标", "结案时间", datetime.date(2026, 11, 30), "计划标准"], formats={3: "yyyy-mm-dd"})
    sheet.merge_down(1, header + 1, header + 3)
    sheet.merge_down(2, header + 1, header + 2)


def test_an_xls_reads_as_the_same_workbook_saved_as_xlsx():
    xls, xlsx = load_bytes(_export(XlsBook()), "export.xls"), load_bytes(_export(XlsxBook()), "export.xlsx")
    assert xls.document.model_dump() == xlsx.document.model_dump()
    assert [(p.rule, p.location.label) for p in xls.problems] == [(p.rule, p.location.label) for p in xlsx.problems]
    assert sorted((f.code, f.pointer, f.label) for f in lint(xls, RULES)) == \
        sorted((f.code, f.pointer, f.label) for f in lint(xlsx, RULES))


def test_an_xls_shows_numbers_as_formatted_and_merged_cells_where_their_text_is():
    loaded = load_bytes(_export(XlsBook()), "export.xls")
    project = loaded.document.projects[0]
    assert {k: str(v) for k, v in project.spending_plan.items()} == {"6月底": "50", "12月底": "100"}
    assert str(project.budget.total) == "20.00"
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "办理案件数"), ("产出指标", "数量指标", "培训人次"), ("产出指标", "时效指标", "结案时间")]
    assert project.indicators[2].value == "2026-11-30"
    assert loaded.source.value("/projects/0/indicators/1/level1").label == "绩效目标表!A7"
    assert (loaded.document.department, loaded.document.year) == ("溧平县司法局", 2026)


def test_a_hidden_sheet_is_reported_and_not_read():
    book = XlsBook()
    _fill(book)
    hidden = book.book.add_sheet("代码表")
    hidden.write(0, 0, "下拉选项")
    hidden.visibility = 1
    loaded = load_bytes(book.output(), "export.xls")
    assert ("import-sheet-skipped", "代码表!A1") in [(p.rule, p.location.label) for p in loaded.problems]


def test_an_xlsx_saved_under_an_xls_name_is_read_as_what_it_is():
    loaded = load_bytes(_export(XlsxBook()), "export.xls")
    assert loaded.document.projects[0].name == "2026年法律援助"


@pytest.mark.parametrize("data, words", [
    ("<html><body><table><tr><td>项目名称</td></tr></table></body></html>".encode(), ("网页", "web page")),
    (b"", (".xls", ".xls")), (b"\xd0\xcf\x11\xe0 truncated", (".xls", ".xls"))], ids=["web-page", "empty", "truncated"])
def test_a_file_that_is_not_an_xls_is_a_finding_that_says_what_it_is(data, words):
    loaded = load_bytes(data, "export.xls")
    assert loaded.document is None
    (chinese,) = lint(loaded, RULES)
    (english,) = lint(loaded, RULES, "en")
    assert chinese.code == "PF001" and words[0] in chinese.message and words[1] in english.message


def test_check_reads_an_xls_with_sheet_cell_labels_and_directories_pick_it_up(tmp_path):
    source = tmp_path / "export.xls"
    source.write_bytes(_export(XlsBook()))
    assert list(iter_paths([str(tmp_path)])) == [str(source)]
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "csv"])
    assert "绩效目标表!" in result.output
