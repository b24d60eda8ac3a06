"""PDF read directly: real PDFs written for the tests (tests/forms.py: ruled tables drawn cell by cell,
Chinese text in an embedded font), their tables read from the ruling lines — merged cells, tables that
go on over the next page, a row the page break cut — and findings placed at 第3页 表1 第4行 第2列. A
scanned PDF is a finding that says so; a broken one is a finding, never a traceback."""

import json

import pytest
from click.testing import CliRunner

from forms import PdfWriter, scanned_page
from perflint.check import active_rules
from perflint.cli import main
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import iter_paths, load_bytes
from perflint.load.pdf_reader import cell_text

RULES = active_rules(Settings())
HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"]


def _pdf(build) -> bytes:
    writer = PdfWriter()
    build(writer)
    return writer.output()


def _project(writer, rows, title="溧平县司法局2026年项目支出绩效目标表", breaks=()):
    """A title, its year, 单位：万元, and one project table: header rows, then the indicator rows with
    their 一级/二级 cells merged down."""
    writer.paragraph(title)
    writer.paragraph("（2026年度）")
    writer.paragraph("单位：万元")
    table = writer.table(5)
    table.row(["项目名称", "社区矫正"])
    table.row(["预算规模", "预算数", "20", "财政资金", "20"])
    table.row(["绩效目标", "完成社区矫正对象管理"])
    header = table.row(HEADER)
    for index, row in enumerate(rows):
        if index in breaks:
            table.break_page()
        table.row(row)
    for column in (0, 1):
        first = None
        for index, row in enumerate(rows + [[None] * 5]):
            if row[column] is not None and row[column] != "":
                if first is not None and index - 1 > first:
                    table.merge_down(column, header + 1 + first, header + index, rows[first][column])
                first = index
    return table


ROWS = [["产出指标", "数量指标", "管理人数", "≥50人", "计划标准"],
        ["", "", "走访次数", "≥12次", "计划标准"],
        ["", "质量指标", "矫正率", "100%", "行业标准"],
        ["效益指标", "社会效益指标", "重新犯罪率", "≤0.2%", "历史标准"],
        ["满意度指标", "服务对象满意度指标", "受援人满意度", "有效提升", "计划标准"]]


def test_a_text_pdf_reads_its_title_year_money_unit_and_ruled_table():
    loaded = load_bytes(_pdf(lambda w: _project(w, ROWS)), "doc.pdf")
    document = loaded.document
    assert loaded.problems == []
    assert (document.department, document.year) == ("溧平县司法局", 2026)
    project = document.projects[0]
    assert (project.name, project.money_unit, str(project.budget.total)) == ("社区矫正", "万元", "20")
    assert [(i.level1, i.level2, i.name, i.value) for i in project.indicators] == [
        ("产出指标", "数量指标", "管理人数", "≥50人"), ("产出指标", "数量指标", "走访次数", "≥12次"),
        ("产出指标", "质量指标", "矫正率", "100%"), ("效益指标", "社会效益指标", "重新犯罪率", "≤0.2%"),
        ("满意度指标", "服务对象满意度指标", "受援人满意度", "有效提升")]


def test_findings_are_placed_at_page_table_row_and_column():
    loaded = load_bytes(_pdf(lambda w: _project(w, ROWS)), "doc.pdf")
    vague = next(f for f in lint(loaded, RULES) if f.code == "PF201")
    assert vague.label == "第1页 表1 第9行 第4列"
    assert not vague.has_lines  # a PDF has no lines to point at: reports give the label alone
    assert loaded.source.value("/year").label == "第1页 第2段"
    # The merged 一级指标 cell is where its text is: the first row it covers.
    assert loaded.source.value("/projects/0/indicators/1/level1").label == "第1页 表1 第5行 第1列"


def test_a_table_goes_on_over_the_next_page_with_its_merged_cells():
    rows = [["产出指标", "数量指标", f"指标{n}", f"≥{n}次", "计划标准"] for n in range(1, 7)]
    rows += [["效益指标", "社会效益指标", "重新犯罪率", "≤0.2%", "历史标准"]]
    for row in rows[1:6]:
        row[0] = row[1] = ""
    loaded = load_bytes(_pdf(lambda w: _project(w, rows, breaks=(3,))), "doc.pdf")
    indicators = loaded.document.projects[0].indicators
    assert loaded.problems == []
    assert [i.name for i in indicators] == [f"指标{n}" for n in range(1, 7)] + ["重新犯罪率"]
    # The merged cells are cut by the page break: their text is on page 1, and carries on over page 2.
    assert {(i.level1, i.level2) for i in indicators[:6]} == {("产出指标", "数量指标")}
    assert loaded.source.value("/projects/0/indicators/3/name").label == "第2页 表1 第1行 第3列"


def test_a_row_the_page_break_cut_is_joined_to_its_first_part():
    def build(writer):
        table = _project(writer, [["产出指标", "数量指标", "司法协理员", "≥52人", "计划标准"],
                                  ["", "", "人数", "", ""],
                                  ["", "质量指标", "矫正率", "100%", "行业标准"]], breaks=(1,))
        return table

    loaded = load_bytes(_pdf(build), "doc.pdf")
    indicators = loaded.document.projects[0].indicators
    assert [(i.name, i.value) for i in indicators] == [("司法协理员人数", "≥52人"), ("矫正率", "100%")]
    assert [p.rule for p in loaded.problems] == ["import-row-joined"]
    assert loaded.problems[0].location.label == "第2页 表1 第1行 第3列"


def test_a_heading_repeated_at_the_top_of_the_next_page_is_read_as_the_header_again():
    def build(writer):
        table = _project(writer, ROWS[:3])
        table.break_page()
        table.row(HEADER)
        table.row(["效益指标", "社会效益指标", "重新犯罪率", "≤0.2%", "历史标准"])

    loaded = load_bytes(_pdf(build), "doc.pdf")
    assert loaded.problems == []
    assert [i.name for i in loaded.document.projects[0].indicators] == ["管理人数", "走访次数", "矫正率", "重新犯罪率"]


def test_wrapped_lines_of_a_cell_are_one_text_and_numbered_items_stay_apart():
    assert cell_text("加强社区矫正对象\n管理，确保矫正率") == "加强社区矫正对象管理，确保矫正率"
    assert cell_text("1.完成管理\n2.开展走访12\n次") == "1.完成管理\n2.开展走访12次"
    assert cell_text("GB/T\n30600-2022") == "GB/T 30600-2022"
    assert cell_text(None) == ""

    def build(writer):
        writer.paragraph("溧平县司法局2026年项目支出绩效目标表（2026年度）")
        table = writer.table(4)
        table.row(["项目名称", "社区矫正"])
        table.row(["绩效目标", "1.完成全县社区矫正对象的规范化管理工作，实现矫正率百分之百。\n2.开展入户走访。"], [1, 3])
        table.row(["一级指标", "二级指标", "三级指标", "指标值"])
        table.row(["产出指标", "数量指标", "管理人数", "≥50人"])

    goals = load_bytes(_pdf(build), "doc.pdf").document.projects[0].goals
    assert goals == ["完成全县社区矫正对象的规范化管理工作，实现矫正率百分之百。", "开展入户走访。"]


def test_paragraph_lines_that_run_to_the_edge_are_one_paragraph():
    goal = "全面落实社区矫正法，" * 12 + "确保矫正对象不脱管、不漏管。"

    def build(writer):
        writer.paragraph("溧平县司法局")
        writer.paragraph("2026年部门预算绩效文本")
        writer.paragraph("一、总体绩效目标")
        writer.paragraph(goal)
        writer.paragraph("第 1 页")  # page furniture, not content

    loaded = load_bytes(_pdf(build), "doc.pdf")
    assert loaded.document.overall.goal == goal
    assert loaded.problems == []


def test_a_scanned_pdf_is_a_finding_that_says_so():
    from fpdf import FPDF

    pdf = FPDF()
    scanned_page(pdf)
    scanned_page(pdf)
    loaded = load_bytes(bytes(pdf.output()), "scan.pdf")
    assert loaded.document is None
    (finding,) = lint(loaded, RULES)
    assert finding.code == "PF001" and "扫描" in finding.message and "OCR" in finding.message
    (english,) = lint(loaded, RULES, "en")
    assert "scanned" in english.message


def test_a_scanned_page_among_text_pages_is_reported_and_the_rest_read():
    def build(writer):
        _project(writer, ROWS)
        writer.scanned_page()

    loaded = load_bytes(_pdf(build), "doc.pdf")
    assert [(p.rule, p.message, p.args) for p in loaded.problems] == [("import-skipped", "scanned-page", {"page": 2})]
    assert loaded.problems[0].location.label == "第2页"
    assert len(loaded.document.projects[0].indicators) == 5


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4 truncated", b"not a pdf at all"], ids=["empty", "truncated", "text"])
def test_a_file_that_is_not_a_pdf_is_unreadable_not_a_traceback(data):
    loaded = load_bytes(data, "doc.pdf")
    assert loaded.document is None
    (finding,) = lint(loaded, RULES)
    assert finding.code == "PF001" and "PDF" in finding.message


def test_check_and_import_read_a_pdf_and_directories_pick_it_up(tmp_path):
    source = tmp_path / "绩效目标表.pdf"
    source.write_bytes(_pdf(lambda w: _project(w, ROWS)))
    (tmp_path / "notes.txt").write_text("不是文档", encoding="utf-8")
    assert list(iter_paths([str(tmp_path)])) == [str(source)]
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    found = json.loads(result.output)
    assert result.exit_code == 1 and any(f["code"] == "PF201" for f in found)
    assert all(f["line"] is None and f["label"].startswith("第1页") for f in found if f["code"] == "PF201")
    out = tmp_path / "doc.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "受援人满意度" in out.read_text(encoding="utf-8")
