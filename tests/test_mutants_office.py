"""Word, Excel, old Excel, PDF and YAML readers: behaviours a user sees that no other test pinned down —
the order and text of a Word table's findings, a limit's message in English, the path of a workbook
saved under the wrong name, where a cut-off old workbook stops, a row exactly at the limit of what a
row may hold, and Chinese keys read by a process that has read no YAML before."""

import io
import sys
from pathlib import Path

import docx
import openpyxl
import xlwt

from perflint.check import active_rules
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import STDIN, load_bytes, load_path, pdf_reader, workbook, xls_reader, xlsx_reader, yaml_reader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import attack_batch as attacks  # noqa: E402  (builders of hand-made workbooks and PDFs)

RULES = active_rules(Settings())


def _limits(findings) -> list:
    return [f for f in findings if f.code == "PF020" and ("上限" in f.message or "the limit" in f.message)]


# -- Word -----------------------------------------------------------------------------------------------------

def _word_with_a_table_holding_only_a_nested_table() -> bytes:
    word = docx.Document()
    word.add_paragraph("溧平县司法局")
    word.add_paragraph("2026年部门预算绩效文本")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "嵌套"
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_an_empty_word_table_is_named_in_its_finding_in_both_languages():
    loaded = load_bytes(_word_with_a_table_holding_only_a_nested_table(), "doc.docx")
    (zh,) = [f for f in lint(loaded, RULES, "zh") if f.code == "PF028"]
    (en,) = [f for f in lint(loaded, RULES, "en") if f.code == "PF028"]
    assert zh.label == "表1" and zh.message == "表1 是空表格，没有可读取的内容"
    assert en.message == "表1 is an empty table: there is nothing to read"


def test_a_word_tables_own_finding_is_listed_before_the_findings_of_its_last_cell():
    # The table's text is all in a table nested in its last cell: the table is empty, and the nested table
    # is not read. The finding about the table as a whole comes first, then the one about its cell.
    findings = [(f.code, f.label) for f in lint(load_bytes(_word_with_a_table_holding_only_a_nested_table(), "doc.docx"),
                                                RULES) if f.label and f.label.startswith("表1")]
    assert findings == [("PF028", "表1"), ("PF020", "表1 第1行 第2列")]


# -- PDF ------------------------------------------------------------------------------------------------------

def test_a_pdf_stream_past_the_limit_is_reported_in_english_too(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_STREAM", 1 << 20)
    data = attacks.inflating_pdf(2 << 20, level=1)
    (zh,) = _limits(lint(load_bytes(data, "bomb.pdf"), RULES, "zh"))
    (en,) = _limits(lint(load_bytes(data, "bomb.pdf"), RULES, "en"))
    assert zh.label == "第1页" and zh.message == "第1页的数据流解压后超过上限（每个 1 MiB），这一页未被读取"
    assert en.message == "A decoded stream of page 1 goes past the limit (1 MiB each); not read: the page"


# -- old Excel (.xls) -----------------------------------------------------------------------------------------

def test_an_xlsx_saved_under_an_xls_name_is_read_and_its_findings_name_the_file():
    book = openpyxl.Workbook()
    book.active.title = "项目"
    for row in (["部门", "溧平县司法局"], ["年度", 2026], ["附注", "另附"]):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    loaded = load_bytes(out.getvalue(), "预算/绩效.xls")
    assert loaded.document.department == "溧平县司法局"
    findings = lint(loaded, RULES)
    assert findings and {f.path for f in findings} == {"预算/绩效.xls"}


def test_past_the_cells_an_xls_may_have_the_rest_is_reported_from_the_row_that_did_not_fit(monkeypatch):
    monkeypatch.setattr(workbook, "MAX_CELLS", 50)
    monkeypatch.setattr(xls_reader, "MAX_CELLS", 50)
    book = xlwt.Workbook(encoding="utf-8")
    for title in ("甲", "乙", "丙"):
        sheet = book.add_sheet(title)
        for r in range(10):
            for c, value in enumerate([f"{title}{r}", r, r + 1, r + 2]):
                sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    (limit,) = _limits(lint(load_bytes(out.getvalue(), "cells.xls"), RULES))
    # 甲 takes 40 cells; 乙 two rows more (48); its third row does not fit.
    assert limit.label == "乙!A3"
    assert limit.message == "工作簿超过上限（50 个单元格），工作表“乙”第 3 行起的内容，以及其后的工作表“丙”未被读取"


# -- Excel (.xlsx) --------------------------------------------------------------------------------------------

def test_rows_holding_exactly_as_many_elements_as_a_row_may_are_read(monkeypatch):
    monkeypatch.setattr(xlsx_reader, "MAX_ROW_ELEMENTS", 6)

    def text(ref: str, value: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'  # three elements

    rows = "".join(f'<row r="{r}">{text(f"A{r}", label)}{text(f"B{r}", value)}</row>'
                   for r, (label, value) in enumerate([("部门", "溧平县司法局"), ("年度", "2026")], 1))
    data = attacks.workbook([attacks.SHEET_HEAD + b"<sheetData>" + rows.encode() + b"</sheetData></worksheet>"])
    loaded = load_bytes(data, "rows.xlsx")
    assert [p.rule for p in loaded.problems if p.rule == "unreadable-file"] == []
    assert (loaded.document.department, loaded.document.year) == ("溧平县司法局", 2026)


# -- YAML -----------------------------------------------------------------------------------------------------

def test_chinese_keys_are_read_by_a_process_that_has_read_no_yaml_before(monkeypatch):
    # Which Chinese label names which field is worked out once a process and kept: start from nothing.
    monkeypatch.setattr(yaml_reader._Aliases, "_cache", {})
    loaded = yaml_reader.read_yaml_text("部门: 溧平县司法局\n年度: 2026\n", "doc.yaml")
    assert (loaded.document.department, loaded.document.year) == ("溧平县司法局", 2026)


# -- decoding, standard input ---------------------------------------------------------------------------------

def test_bytes_that_read_as_gbk_only_with_a_control_character_are_undecodable_not_guessed():
    # Not UTF-8; as GB18030 they decode, but to text holding \x01: that is no document, and no guess is made.
    data = b"a\x01" + "部门".encode("gbk")
    (finding,) = lint(load_bytes(data, "doc.yaml"), RULES, "en")
    assert (finding.rule, finding.line, finding.column) == ("undecodable-file", 1, 3)
    assert finding.message == "The file is not valid UTF-8: byte 2 is 0xB2; save it as UTF-8"


def test_standard_input_past_the_size_limit_is_reported_as_too_large():
    (finding,) = lint(load_path(STDIN, stdin=b"x" * 20, max_size=10), RULES, "en")
    assert (finding.code, finding.rule) == ("PF013", "file-too-large")
    assert finding.message.startswith("Standard input goes past the limit of 10 bytes")


# -- Word: content controls -----------------------------------------------------------------------------------

def test_paragraphs_inside_a_word_content_control_are_read():
    from docx.oxml import OxmlElement

    word = docx.Document()
    department = word.add_paragraph("部门：溧平县司法局")
    word.add_paragraph("年度：2026")
    # Wrap the department's paragraph in a content control (<w:sdt><w:sdtContent>…), as a template does.
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    department._p.addprevious(sdt)
    sdt.append(content)
    content.append(department._p)
    out = io.BytesIO()
    word.save(out)
    loaded = load_bytes(out.getvalue(), "doc.docx")
    assert (loaded.document.department, loaded.document.year) == ("溧平县司法局", 2026)


# -- workbooks ------------------------------------------------------------------------------------------------

def test_a_hidden_sheet_is_reported_in_reading_order_between_the_sheets_around_it():
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append(["部门", "溧平县司法局"])
    book.active.append(["年度", 2026])
    hidden = book.create_sheet("隐藏")
    hidden.append(["x"])
    hidden.sheet_state = "hidden"
    book.create_sheet("项目").append(["项目名称", "某项目"])
    out = io.BytesIO()
    book.save(out)
    findings = [(f.code, f.label) for f in lint(load_bytes(out.getvalue(), "hidden.xlsx"), RULES)]
    assert findings == [("PF114", "封面!A1"), ("PF029", "隐藏!A1"), ("PF102", "项目!A1")]


def test_a_workbook_limit_is_listed_after_the_findings_of_the_rows_before_it(monkeypatch):
    monkeypatch.setattr(workbook, "MAX_CELLS", 50)
    monkeypatch.setattr(xls_reader, "MAX_CELLS", 50)
    book = xlwt.Workbook(encoding="utf-8")
    first = book.add_sheet("甲")
    for r in range(10):
        for c, value in enumerate([f"甲{r}", r, r + 1, r + 2]):
            first.write(r, c, value)
    book.add_sheet("隐藏").write(0, 0, "x")
    book.get_sheet(1).visibility = 1  # hidden
    last = book.add_sheet("乙")
    for r in range(10):
        for c, value in enumerate([f"乙{r}", r, r + 1, r + 2]):
            last.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    findings = [(f.code, f.label) for f in lint(load_bytes(out.getvalue(), "cells.xls"), RULES)]
    # 甲 takes 40 cells (its rows are lines 1–10), the hidden sheet is line 11; 乙's third row does not fit.
    assert findings[-2:] == [("PF029", "隐藏!A1"), ("PF020", "乙!A3")]


def test_a_file_named_xls_that_is_no_workbook_is_reported_under_its_name():
    (finding,) = lint(load_bytes(b"garbage", "预算/绩效.xls"), RULES, "en")
    assert (finding.path, finding.code) == ("预算/绩效.xls", "PF001")
    assert finding.message == "Cannot read the file: not a valid Excel 97–2003 workbook (.xls)"


def test_a_row_of_styled_cells_without_references_still_lets_the_sheet_be_read():
    # Excel writes <c r="A1">; other producers leave the reference out, and a cell's place is its position.
    styled = b'<row r="4"><c s="0"/><c s="0"/></row>'
    data = attacks.workbook([attacks.SHEET_HEAD + b"<sheetData>" + attacks.FIRST_ROWS + styled
                             + b"</sheetData></worksheet>"])
    loaded = load_bytes(data, "styled.xlsx")
    assert [p.rule for p in loaded.problems if p.rule == "unreadable-file"] == []
    assert (loaded.document.department, loaded.document.year) == ("溧平县司法局", 2026)


# -- YAML -----------------------------------------------------------------------------------------------------

def test_a_control_character_in_yaml_is_a_syntax_error_at_the_start():
    loaded = load_bytes("部门: 溧平县\x01司法局\n年度: 2026\n".encode(), "doc.yaml")
    (finding,) = lint(loaded, RULES, "en")
    assert (finding.code, finding.line, finding.column) == ("PF003", 1, 1)
    assert finding.message.startswith("YAML syntax error: unacceptable character #x0001")


# -- PDF: pages, tables and stream filters ----------------------------------------------------------------------

def _text(text: str) -> bytes:
    return b"BT /F1 10 Tf 50 800 Td (" + text.encode("latin-1") + b") Tj ET\n"


def _ruled_table(x: int, y: int, texts: list) -> bytes:
    """A ruled table of one row and two columns at (x, y), each cell's text in it (or nothing)."""
    drawn = b"%d %d 200 20 re S %d %d m %d %d l S\n" % (x, y, x + 100, y, x + 100, y + 20)
    for i, text in enumerate(texts):
        if text:
            drawn += b"BT /F1 10 Tf %d %d Td (%s) Tj ET\n" % (x + 5 + 100 * i, y + 6, text.encode("latin-1"))
    return drawn


def _places(data: bytes, name: str = "doc.pdf") -> list:
    return [(f.code, f.label) for f in lint(load_bytes(data, name), RULES)]


def test_a_second_table_on_a_pdf_page_is_named_table_2_and_findings_follow_reading_order():
    content = _text("Intro") + _ruled_table(50, 700, ["a", "b"]) + _ruled_table(50, 600, ["", ""])
    assert _places(attacks.raw_pdf([(content, False)])) == [
        ("PF009", "第1页 第1段"), ("PF009", "第1页 第1段"), ("PF020", "第1页 第1段"),
        ("PF020", "第1页 表1 第1行 第1列"), ("PF028", "第1页 表2")]


def test_a_pdf_page_with_exactly_as_many_characters_as_a_page_may_hold_is_read(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_OBJECTS", 5)
    findings = lint(load_bytes(attacks.raw_pdf([(_text("Intro"), False)]), "doc.pdf"), RULES, "en")
    assert _limits(findings) == []
    assert "This text fits no part of the document and was not read: 'Intro'" in [f.message for f in findings]


def test_a_crowded_pdf_page_is_reported_and_listed_with_the_text_of_the_next_page(monkeypatch):
    # Page 1 is not read; page 2's first paragraph takes the running number page 1 would have had.
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_OBJECTS", 5)
    data = attacks.raw_pdf([(_text("Crowded page"), False), (_text("Intro"), False)])
    assert _places(data) == [("PF009", "第2页 第1段"), ("PF009", "第2页 第1段"), ("PF020", "第1页"),
                             ("PF020", "第2页 第1段")]
    (limit,) = _limits(lint(load_bytes(data, "doc.pdf"), RULES, "en"))
    assert limit.message == ("The content of page 1 goes past the limit (5 characters and shapes); "
                             "not read: the page")


def test_a_fax_encoded_content_stream_that_can_just_fit_the_limit_is_decoded(monkeypatch):
    # 16 bytes of CCITT G4 at 8 pixels (one byte) a row decode to at most 8 × 16 rows: exactly the limit.
    monkeypatch.setattr(pdf_reader, "MAX_STREAM", 8 * 16)
    fax = b"/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 8 >>"
    data = attacks.raw_pdf([(b"\xff" * 16, fax), (_text("Intro"), False)])
    findings = lint(load_bytes(data, "doc.pdf"), RULES, "en")
    assert _limits(findings) == []
    assert [f.label for f in findings if f.code == "PF020"] == ["第2页 第1段"]
