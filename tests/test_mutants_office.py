"""Word, Excel, old Excel, PDF and YAML readers: behaviours a user sees that no other test pinned down —
the order and text of a Word table's findings, a limit's message in English, the path of a workbook
saved under the wrong name, where a cut-off old workbook stops, a row exactly at the limit of what a
row may hold, and Chinese keys read by a process that has read no YAML before.

Also what each office reader hands on, checked where it is made: the running numbers, columns and labels
of Word paragraphs and cells (merged ones blank), the sheets an .xlsx or .xls reader gives workbook.py
(each cell's place, value and number format, a sheet's width, what a limit left out), and how workbook.py
lays them out (empty rows between, lines running on across sheets, the cells a workbook may hold, exactly
at the limit and one past it). Text in a shared-strings part, as Excel writes it (openpyxl writes text
inline, so no other test has one)."""

import io
import sys
from pathlib import Path

import docx
import openpyxl
import pytest
import xlwt

from perflint.check import active_rules
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import (STDIN, docx_reader, load_bytes, load_path, pdf_reader, workbook, xls_reader, xlsx_reader,
                           yaml_reader)

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


# -- Word: what is read, and where ----------------------------------------------------------------------------

def _word_blocks(word) -> tuple:
    """The blocks a Word document is read as, (kind, [(text, line, column, label)]), and the reader's problems."""
    from perflint.load.blocks import Paragraph

    out = io.BytesIO()
    word.save(out)
    reader = docx_reader._Reader(docx.Document(io.BytesIO(out.getvalue())))
    blocks = [("paragraph", [block.cell]) if isinstance(block, Paragraph) else ("row", block.cells)
              for block in reader.blocks()]
    return [(kind, [(c.text, c.location.line, c.location.column, c.location.label) for c in cells])
            for kind, cells in blocks], reader.problems


def test_a_word_cell_merged_down_its_last_column_is_blank_below_its_first_row():
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 0).text = "项目名称", "主管部门"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "2026年法律援助"
    blocks, _ = _word_blocks(word)
    assert [[text for text, *_ in cells] for _, cells in blocks] == [["项目名称", "2026年法律援助"], ["主管部门", ""]]


def test_word_paragraphs_and_cells_are_numbered_in_reading_order_and_blank_paragraphs_are_not_counted():
    word = docx.Document()
    word.add_paragraph("  溧平县司法局  ")
    word.add_paragraph("   ")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", "2026年法律援助"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "说明\n\n  第二行 "
    word.add_paragraph("附注")
    word.add_table(rows=1, cols=1).cell(0, 0).text = "另表"
    blocks, problems = _word_blocks(word)
    assert blocks == [
        ("paragraph", [("溧平县司法局", 1, 1, "第1段")]),
        ("row", [("项目名称", 2, 1, "表1 第1行 第1列"), ("2026年法律援助", 3, 2, "表1 第1行 第2列")]),
        ("row", [("说明\n第二行", 4, 1, "表1 第2行 第1列"), ("", 5, 2, "表1 第2行 第2列")]),  # merged across
        ("paragraph", [("附注", 6, 1, "第2段")]),
        ("row", [("另表", 7, 1, "表2 第1行 第1列")])]
    assert problems == []


def test_an_empty_word_table_is_reported_at_its_last_cell_by_its_number():
    word = docx.Document()
    word.add_paragraph("溧平县司法局")
    word.add_table(rows=1, cols=2)
    blocks, problems = _word_blocks(word)
    assert len(blocks) == 1
    assert [(p.rule, p.message, p.args, p.location.line, p.location.column, p.location.label) for p in problems] == [
        ("import-empty-table", "default", {"table": "表1"}, 3, 1, "表1")]


def test_a_table_nested_in_a_merged_word_cell_is_reported_once_where_the_merged_cell_begins():
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目名称"
    merged = table.cell(0, 1).merge(table.cell(1, 1))
    merged.add_table(rows=1, cols=1).cell(0, 0).text = "嵌套"
    _, problems = _word_blocks(word)
    assert [(p.rule, p.message, p.location.line, p.location.column, p.location.label) for p in problems] == [
        ("import-skipped", "nested-table", 2, 2, "表1 第1行 第2列")]


def test_a_word_document_holding_exactly_as_many_items_as_it_may_is_read_whole(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_ITEMS", 3)
    word = docx.Document()
    for text in ("甲", "乙", "丙"):
        word.add_paragraph(text)
    blocks, problems = _word_blocks(word)
    assert len(blocks) == 3 and problems == []
    word.add_paragraph("丁")
    blocks, problems = _word_blocks(word)
    assert len(blocks) == 3
    (limit,) = problems
    assert (limit.rule, limit.message, limit.location.line, limit.location.column, limit.location.label) == (
        "import-skipped", "limit", 4, 1, "第4段")
    assert {k: v.en for k, v in limit.args.items()} == {
        "what": "The document", "limit": "3 paragraphs and table cells", "rest": "the content from 第4段 on"}
    assert {k: v.zh for k, v in limit.args.items()} == {
        "what": "文档", "limit": "3 个段落和表格单元格", "rest": "从第4段起的内容"}


def test_a_word_table_cut_by_the_limit_in_its_first_row_is_not_called_empty(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_ITEMS", 2)
    word = docx.Document()
    word.add_paragraph("溧平县司法局")
    word.add_table(rows=2, cols=2).cell(0, 0).text = "项目名称"
    word.add_paragraph("附注")
    blocks, problems = _word_blocks(word)
    assert blocks == [("paragraph", [("溧平县司法局", 1, 1, "第1段")])]
    assert [(p.rule, p.location.line, p.location.label) for p in problems] == [("import-skipped", 3, "表1 第1行")]


def test_a_word_table_cut_by_the_limit_keeps_its_whole_rows_and_nothing_after_it_is_read(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_ITEMS", 5)
    word = docx.Document()
    table = word.add_table(rows=3, cols=2)
    for r in range(3):
        for c in range(2):
            table.cell(r, c).text = f"{r}{c}"
    word.add_paragraph("附注")
    blocks, problems = _word_blocks(word)
    assert [[text for text, *_ in cells] for _, cells in blocks] == [["00", "01"], ["10", "11"]]
    assert [(p.location.line, p.location.label) for p in problems] == [(6, "表1 第3行")]


def test_tables_inside_a_content_control_are_read_and_numbered():
    from docx.oxml import OxmlElement

    word = docx.Document()
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", "2026年法律援助"
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    table._tbl.addprevious(sdt)
    sdt.append(content)
    content.append(table._tbl)
    word.add_table(rows=1, cols=1).cell(0, 0).text = "另表"
    blocks, _ = _word_blocks(word)
    assert [cells[0][3] for _, cells in blocks] == ["表1 第1行 第1列", "表2 第1行 第1列"]


def test_an_empty_content_control_is_passed_over():
    from docx.oxml import OxmlElement

    word = docx.Document()
    first = word.add_paragraph("溧平县司法局")
    first._p.addnext(OxmlElement("w:sdt"))
    word.add_paragraph("附注")
    blocks, _ = _word_blocks(word)
    assert [cells[0][3] for _, cells in blocks] == ["第1段", "第2段"]


# -- workbooks: how the sheets are laid out ---------------------------------------------------------------------

def _cells(row: int, *values, first: int = 1) -> tuple:
    return row, {first + i: workbook.SheetCell(row, first + i, f"{workbook.column_letters(first + i)}{row}", value)
                 for i, value in enumerate(values) if value is not None}


def _laid_out(sheets) -> list:
    """The blocks the sheets are read as: (kind, [(text, line, column, label)])."""
    from perflint.load.blocks import Break, Paragraph

    problems: list = []
    out = []
    for block in workbook._blocks(sheets, problems):
        if isinstance(block, Break):
            where = block.location
            out.append(("break", [("", where.line, where.column, where.label)]))
        else:
            cells = [block.cell] if isinstance(block, Paragraph) else block.cells
            out.append(("paragraph" if isinstance(block, Paragraph) else "row",
                        [(c.text, c.location.line, c.location.column, c.location.label) for c in cells]))
    return out


def test_sheets_are_laid_out_from_their_first_column_with_the_empty_rows_between_and_lines_running_on():
    first = workbook.Sheet("甲", True, rows=[_cells(2, "部门", "溧平县司法局", first=2), _cells(4, "说明", first=2)],
                           first_column=2, last_column=3)
    second = workbook.Sheet("乙", True, rows=[_cells(1, "年度", 2026)], last_column=2)
    assert _laid_out([first, second]) == [
        ("break", [("", 1, 1, "甲!A1")]),
        ("row", [("部门", 2, 2, "甲!B2"), ("溧平县司法局", 2, 3, "甲!C2")]),
        ("row", [("", 3, 2, "甲!B3"), ("", 3, 3, "甲!C3")]),
        ("paragraph", [("说明", 4, 2, "甲!B4")]),  # alone in the first column: a line of its own
        ("break", [("", 5, 1, "乙!A1")]),  # the lines of 乙 follow the last row of 甲
        ("row", [("年度", 5, 1, "乙!A1"), ("2026", 5, 2, "乙!B1")])]


def test_a_value_alone_in_a_later_column_is_a_row_not_a_paragraph():
    sheet = workbook.Sheet("甲", True, rows=[_cells(1, None, "溧平县司法局")], last_column=2)
    assert _laid_out([sheet])[1] == ("row", [("", 1, 1, "甲!A1"), ("溧平县司法局", 1, 2, "甲!B1")])


def test_an_empty_sheet_takes_one_line_and_the_next_sheet_follows_it():
    sheets = [workbook.Sheet("空", True), workbook.Sheet("乙", True, rows=[_cells(1, "年度", 2026)], last_column=2)]
    assert _laid_out(sheets)[1] == ("break", [("", 2, 1, "乙!A1")])
    loaded = workbook.read_workbook(sheets, "book.xlsx")
    assert [(p.rule, p.message, p.args, p.location.label) for p in loaded.problems
            if p.rule == "import-empty-table"] == [("import-empty-table", "sheet", {"table": "空"}, "空!A1")]


def test_the_cells_a_workbook_may_lay_out_count_the_empty_rows_and_fit_exactly(monkeypatch):
    # Two columns: row 1 costs 2 cells, row 3 costs 4 (the empty row 2 is laid out with it).
    sheet = workbook.Sheet("甲", True, rows=[_cells(1, "部门", "溧平县司法局"), _cells(3, "年度", 2026)], last_column=2)
    monkeypatch.setattr(workbook, "MAX_CELLS", 6)
    assert [kind for kind, _ in _laid_out([sheet])] == ["break", "row", "row", "row"]
    monkeypatch.setattr(workbook, "MAX_CELLS", 5)
    problems: list = []
    assert [type(b).__name__ for b in workbook._blocks([sheet, workbook.Sheet("乙", True)], problems)] == [
        "Break", "Row"]
    (limit,) = problems
    assert (limit.rule, limit.message, limit.location.label, limit.location.line) == ("import-skipped", "limit",
                                                                                      "甲!A3", 3)
    assert limit.args["what"].en == "The workbook" and limit.args["limit"].en == "5 cells"
    assert limit.args["rest"].en == "sheet '甲' from row 3 on, and the sheets after it ('乙')"
    assert limit.args["rest"].zh == "工作表“甲”第 3 行起的内容，以及其后的工作表“乙”"


def test_what_a_sheet_leaves_out_past_its_rows_and_columns_is_said_in_english_where_it_begins():
    sheet = workbook.Sheet("甲", True, rows=[_cells(1, "部门", "溧平县司法局")], last_column=2, row_beyond=10_050,
                           cell_beyond=(1, 300))
    loaded = workbook.read_workbook([sheet], "book.xlsx")
    limits = [(p.location.label, p.location.line, p.location.column, p.args["what"].en, p.args["limit"].en,
               p.args["rest"].en) for p in loaded.problems if p.rule == "import-skipped"]
    assert limits == [
        ("甲!KN1", 1, 300, "Sheet '甲'", "256 columns", "the cells from column IW on (the first holding anything: KN1)"),
        ("甲!A10050", 10_050, 1, "Sheet '甲'", "10000 rows",
         "the content from row 10001 on (the first row holding any: 10050)")]
    assert [p.args["rest"].zh for p in loaded.problems if p.rule == "import-skipped"] == [
        "第 IW 列起的单元格（第一个有内容的是 KN1）", "第 10001 行起的内容（第一行有内容的是第 10050 行）"]


def test_a_formula_without_its_result_is_reported_where_it_is_and_read_as_blank():
    cell = workbook.SheetCell(2, 2, "B2", None, formula="=SUM(C2:D2)")
    sheet = workbook.Sheet("甲", True, rows=[_cells(1, "部门", "溧平县司法局"), (2, {2: cell})], last_column=2)
    loaded = workbook.read_workbook([sheet], "book.xlsx")
    (problem,) = [p for p in loaded.problems if p.rule == "import-formula-without-value"]
    assert (problem.location.label, problem.location.line, problem.location.column) == ("甲!B2", 2, 2)
    assert problem.args == {"formula": "=SUM(C2:D2)"}


def test_cell_values_read_as_the_sheet_shows_them():
    import datetime

    assert workbook.cell_text(True, "General") == "True" and workbook.cell_text(False, "0.00") == "False"
    assert workbook.cell_text(3, "0.00") == "3.00"
    assert workbook.cell_text(datetime.datetime(2026, 11, 30), "yyyy-mm-dd") == "2026-11-30"
    assert workbook.cell_text(datetime.datetime(2026, 11, 30, 8, 30), "General") == "2026-11-30 08:30:00"
    assert workbook.cell_text(datetime.date(2026, 6, 1), "General") == "2026-06-01"
    assert workbook.cell_text("  加强管理 \n\n 确保质量  ", "General") == "加强管理\n确保质量"
    assert workbook.number_text(1.5, "General") == "1.5" and workbook.number_text(7, "0.0") == "7.0"
    assert workbook.number_text(0.5, "0 %") == "50%"


def test_column_letters_name_columns_as_a_spreadsheet_does():
    assert [workbook.column_letters(n) for n in (1, 26, 27, 52, 256, 702, 703)] == [
        "A", "Z", "AA", "AZ", "IV", "ZZ", "AAA"]


def test_a_hidden_sheet_is_reported_on_the_line_of_the_next_sheet_and_takes_none():
    sheets = [workbook.Sheet("甲", True, rows=[_cells(2, "部门", "溧平县司法局")], last_column=2),
              workbook.Sheet("隐藏", False), workbook.Sheet("乙", True, rows=[_cells(1, "年度", 2026)], last_column=2)]
    loaded = workbook.read_workbook(sheets, "book.xlsx")
    (hidden,) = [p for p in loaded.problems if p.rule == "import-sheet-skipped"]
    assert (hidden.args, hidden.location.line, hidden.location.column, hidden.location.label) == (
        {"sheet": "隐藏"}, 3, 1, "隐藏!A1")
    assert loaded.source.value("/year").line == 3


def test_a_sheet_the_reader_stopped_in_ends_the_workbook_and_is_not_called_empty():
    sheets = [workbook.Sheet("甲", True, stopped_at=1), workbook.Sheet("乙", True, rows=[_cells(1, "年度", 2026)])]
    problems: list = []
    assert [type(b).__name__ for b in workbook._blocks(sheets, problems)] == ["Break"]
    (limit,) = problems
    assert (limit.rule, limit.location.label, limit.location.line) == ("import-skipped", "甲!A1", 1)
    assert limit.args["rest"].en == "sheet '甲' from row 1 on, and the sheets after it ('乙')"


def test_a_sheet_the_reader_stopped_in_last_names_no_sheets_after_it():
    sheets = [workbook.Sheet("甲", True, rows=[_cells(1, "部门", "溧平县司法局")], last_column=2, stopped_at=4)]
    problems: list = []
    list(workbook._blocks(sheets, problems))
    (limit,) = problems
    assert (limit.location.label, limit.location.line) == ("甲!A4", 4)
    assert (limit.args["rest"].zh, limit.args["rest"].en) == ("工作表“甲”第 4 行起的内容",
                                                              "sheet '甲' from row 4 on")
    assert limit.args["limit"].zh == "200000 个单元格" and limit.args["what"].zh == "工作簿"


# -- Excel (.xlsx) as Excel writes it: shared strings ------------------------------------------------------------

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _excel_workbook(strings: list, rows: str) -> bytes:
    """The template workbook with its text in a shared-strings part, as Excel and WPS write it (openpyxl
    writes text inline): `strings` are the items' XML, `rows` the sheet's rows, citing them by index."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(attacks.workbook([b""]))) as template:
        parts = {name: template.read(name) for name in template.namelist()}
    parts["xl/worksheets/sheet1.xml"] = attacks.SHEET_HEAD + f"<sheetData>{rows}</sheetData></worksheet>".encode()
    parts["xl/sharedStrings.xml"] = (f'<sst xmlns="{_MAIN_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">'
                                     + "".join(f"<si>{item}</si>" for item in strings) + "</sst>").encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_text_in_shared_strings_is_read_with_its_rich_text_runs_and_escaped_underscores():
    strings = ["<t>部门</t>", "<r><rPr><b/></rPr><t>溧平县</t></r><r><t>司法局</t></r>", "<t>年度</t>",
               "<t>项目名称</t>", "<t>法律援助_x005F_x0031_</t>"]
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>2026</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="s"><v>4</v></c></row>')
    loaded = load_bytes(_excel_workbook(strings, rows), "excel.xlsx")
    assert [p.rule for p in loaded.problems if p.rule == "unreadable-file"] == []
    assert (loaded.document.department, loaded.document.year) == ("溧平县司法局", 2026)
    assert loaded.document.projects[0].name == "法律援助_x0031_"
    assert loaded.source.value("/department").label == "项目!B1"


# -- Excel (.xlsx): the sheet the reader hands on ----------------------------------------------------------------

def _sheets(rows: str, after: str = "") -> list:
    data = attacks.workbook([attacks.SHEET_HEAD + f"<sheetData>{rows}</sheetData>{after}</worksheet>".encode()])
    return xlsx_reader._read(data)


def _values(sheet) -> list:
    return [(number, {column: (cell.coordinate, cell.value, cell.formula) for column, cell in cells.items()})
            for number, cells in sheet.rows]


def _inline(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_a_sheet_is_as_wide_as_its_cells_styled_or_filled_from_its_first_to_its_last_column():
    rows = (f'<row r="2">{_inline("C2", "部门")}{_inline("D2", "溧平县司法局")}</row>'
            '<row r="3"><c r="B3" s="0"/><c r="D3" s="0"/><c r="F3" s="0"/></row>')
    (sheet,) = _sheets(rows)
    assert (sheet.title, sheet.visible, sheet.first_column, sheet.last_column) == ("项目", True, 2, 6)
    assert _values(sheet) == [(2, {3: ("C2", "部门", None), 4: ("D2", "溧平县司法局", None)})]


def test_a_sheet_starting_past_column_a_is_laid_out_from_its_first_column():
    (sheet,) = _sheets(f'<row r="1">{_inline("C1", "部门")}{_inline("D1", "溧平县司法局")}</row>')
    assert (sheet.first_column, sheet.last_column) == (3, 4)


def test_rows_and_cells_without_references_take_their_places_in_turn():
    rows = ('<row><c t="inlineStr"><is><t>部门</t></is></c><c t="inlineStr"><is><t>溧平县司法局</t></is></c></row>'
            '<row><c t="inlineStr"><is><t>年度</t></is></c><c><v>2026</v></c></row>')
    (sheet,) = _sheets(rows)
    assert _values(sheet) == [(1, {1: ("A1", "部门", None), 2: ("B1", "溧平县司法局", None)}),
                              (2, {1: ("A2", "年度", None), 2: ("B2", 2026, None)})]


def test_a_formula_gives_its_saved_result_and_without_one_the_formula():
    rows = ('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>SUM(C1:D1)</f></c>'
            '<c r="C1"><f>1</f><v></v></c></row>')
    (sheet,) = _sheets(rows)
    assert _values(sheet) == [(1, {1: ("A1", 2, None), 2: ("B1", None, "=SUM(C1:D1)"), 3: ("C1", None, "=1")})]


def test_a_merged_range_keeps_its_top_left_cell_and_blanks_the_rest_within_it():
    rows = (f'<row r="1">{_inline("A1", "甲")}{_inline("B1", "乙")}{_inline("C1", "丙")}{_inline("D1", "丁")}</row>'
            f'<row r="2">{_inline("A2", "戊")}{_inline("B2", "己")}{_inline("C2", "庚")}</row>')
    merges = '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D1"/></mergeCells>'
    (sheet,) = _sheets(rows, merges)
    assert [(n, sorted(c)) for n, c in sheet.rows] == [(1, [1, 3, 4]), (2, [3])]


def test_a_merged_range_past_the_columns_read_widens_the_sheet_to_the_last_column_read():
    rows = f'<row r="1">{_inline("A1", "部门")}</row>'
    (sheet,) = _sheets(rows, '<mergeCells count="1"><mergeCell ref="A1:KZ1"/></mergeCells>')
    assert (sheet.first_column, sheet.last_column) == (1, 256)


def test_the_first_cell_past_the_columns_read_is_noted_and_does_not_widen_the_sheet():
    rows = (f'<row r="1">{_inline("A1", "部门")}{_inline("IW1", "远处")}{_inline("IX1", "更远")}</row>'
            f'<row r="2">{_inline("IZ2", "又一处")}</row>')
    (sheet,) = _sheets(rows)
    assert sheet.cell_beyond == (1, 257) and sheet.last_column == 1  # not widened by what is not read
    assert _values(sheet) == [(1, {1: ("A1", "部门", None)})]


def test_the_first_row_holding_something_past_the_rows_read_is_noted():
    rows = (f'<row r="1">{_inline("A1", "部门")}</row><row r="10001"><c r="A10001" s="0"/></row>'
            f'<row r="10003">{_inline("A10003", "远处")}</row><row r="10002">{_inline("A10002", "近处")}</row>')
    (sheet,) = _sheets(rows)
    assert sheet.row_beyond == 10_002 and [n for n, _ in sheet.rows] == [1]


def test_hidden_sheets_are_handed_on_unread():
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append(["部门"])
    hidden = book.create_sheet("代码表")
    hidden.append(["x"])
    hidden.sheet_state = "veryHidden"
    out = io.BytesIO()
    book.save(out)
    sheets = xlsx_reader._read(out.getvalue())
    assert [(s.title, s.visible, len(list(s.rows))) for s in sheets] == [("封面", True, 1), ("代码表", False, 0)]


def test_numbers_keep_their_number_format_builtin_or_the_workbooks_own():
    import datetime

    book = openpyxl.Workbook()
    book.active.append([0.3, 20, 7, 1, 1.5])
    book.active["A1"].number_format = "0%"
    book.active["B1"].number_format = "0.00"
    book.active["C1"].number_format = "0.000"
    book.active["E1"].number_format = "[h]:mm:ss"
    out = io.BytesIO()
    book.save(out)
    (sheet,) = xlsx_reader._read(out.getvalue())
    assert [c.number_format for c in sheet.rows[0][1].values()] == ["0%", "0.00", "0.000", "General", "[h]:mm:ss"]
    # A duration is read as openpyxl reads it: a length of time, not the number it is stored as.
    assert sheet.rows[0][1][5].value == datetime.timedelta(days=1, hours=12)


def test_entities_a_sheet_defines_are_not_expanded():
    doctype = '?><!DOCTYPE worksheet [<!ENTITY dept "溧平县司法局">]><worksheet'.encode()
    head = attacks.SHEET_HEAD.replace(b"?><worksheet", doctype)
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>部门</t></is></c><c r="B1" t="inlineStr"><is><t>&dept;</t></is>'
            '</c></row><row r="2"><c r="A2" t="inlineStr"><is><t>年度</t></is></c><c r="B2"><v>2026</v></c></row>')
    loaded = load_bytes(attacks.workbook([head + b"<sheetData>" + rows.encode() + b"</sheetData></worksheet>"]),
                        "entity.xlsx")
    assert loaded.document.year == 2026 and loaded.document.department is None


def test_a_comment_just_past_what_libxml2_accepts_makes_the_workbook_unreadable():
    # libxml2 refuses a text node or a comment over 10,000,000 bytes, unless told to take huge ones.
    data = attacks.comment_xlsx(10_000_001, level=1, unit=attacks.varied())
    (finding,) = lint(load_bytes(data, "comment.xlsx"), RULES, "en")
    assert finding.message == "Cannot read the file: not a valid Excel workbook (.xlsx)"


def test_a_wide_merged_range_over_a_row_of_few_cells_blanks_those_it_covers():
    rows = (f'<row r="3">{_inline("A3", "甲")}{_inline("C3", "乙")}{_inline("AB3", "丙")}</row>'
            f'<row r="5">{_inline("B5", "丁")}</row><row r="7">{_inline("B7", "戊")}</row>')
    # A6:B7 begins in a row that holds nothing: the rows after it are still blanked.
    merges = '<mergeCell ref="A3:Z4"/><mergeCell ref="A5:C5"/><mergeCell ref="A6:B7"/>'
    (sheet,) = _sheets(rows, f"<mergeCells>{merges}</mergeCells>")
    assert [(n, sorted(c)) for n, c in sheet.rows] == [(3, [1, 28]), (5, []), (7, [])]


def test_merged_ranges_past_the_rows_or_columns_read_are_passed_over():
    rows = f'<row r="1">{_inline("A1", "部门")}</row>'
    merges = '<mergeCells count="2"><mergeCell ref="A10001:B10002"/><mergeCell ref="IW1:IX1"/></mergeCells>'
    (sheet,) = _sheets(rows, merges)
    assert (sheet.first_column, sheet.last_column) == (1, 1)


def test_merged_ranges_piled_past_the_sheets_area_make_the_workbook_unreadable():
    merges = "".join('<mergeCell ref="A1:IV10000"/>' for _ in range(2))
    data = attacks.workbook([attacks.SHEET_HEAD + b"<sheetData>" + attacks.FIRST_ROWS + b"</sheetData><mergeCells>"
                             + merges.encode() + b"</mergeCells></worksheet>"])
    (problem,) = load_bytes(data, "merged.xlsx").problems
    assert problem.rule == "unreadable-file" and problem.args["reason"] is xlsx_reader.NOT_EXCEL
    once = attacks.workbook([attacks.SHEET_HEAD + b"<sheetData>" + attacks.FIRST_ROWS + b"</sheetData><mergeCells>"
                             + b'<mergeCell ref="A1:IV10000"/></mergeCells></worksheet>'])
    assert [p.rule for p in load_bytes(once, "merged.xlsx").problems if p.rule == "unreadable-file"] == []


def test_a_row_numbered_as_a_decimal_takes_its_number():
    (sheet,) = _sheets(f'<row r="2.0">{_inline("A2", "部门")}</row><row>{_inline("A3", "年度")}</row>')
    assert [n for n, _ in sheet.rows] == [2, 3]


def test_the_cells_an_xlsx_may_keep_are_counted_across_its_sheets(monkeypatch):
    book = openpyxl.Workbook()
    book.active.title = "甲"
    for r in range(2):
        book.active.append([f"项{r}", r])
    book.create_sheet("乙").append(["x"])
    out = io.BytesIO()
    book.save(out)
    monkeypatch.setattr(xlsx_reader, "MAX_CELLS", 4)
    assert [(s.title, s.stopped_at, [n for n, _ in s.rows]) for s in xlsx_reader._read(out.getvalue())] == [
        ("甲", None, [1, 2]), ("乙", 1, [])]
    monkeypatch.setattr(xlsx_reader, "MAX_CELLS", 5)
    assert [(s.title, s.stopped_at, [n for n, _ in s.rows]) for s in xlsx_reader._read(out.getvalue())] == [
        ("甲", None, [1, 2]), ("乙", None, [1])]
    monkeypatch.setattr(xlsx_reader, "MAX_CELLS", 3)
    assert [(s.title, s.stopped_at, [n for n, _ in s.rows]) for s in xlsx_reader._read(out.getvalue())] == [
        ("甲", 2, [1]), ("乙", 1, [])]


def test_a_row_of_too_many_elements_is_refused_in_english_too(monkeypatch):
    monkeypatch.setattr(xlsx_reader, "MAX_ROW_ELEMENTS", 4)
    row = '<row r="1">' + "".join(f'<c r="{c}1"><v>1</v></c>' for c in "ABC") + "</row>"
    (finding,) = lint(load_bytes(attacks.workbook([attacks.SHEET_HEAD + f"<sheetData>{row}</sheetData></worksheet>"
                                                   .encode()]), "row.xlsx"), RULES, "en")
    assert finding.message == "Cannot read the file: a row of sheet '项目' has more XML elements than the limit of 4"


# -- old Excel (.xls): the sheets the reader hands on -------------------------------------------------------------

def _xls_sheets(monkeypatch, book) -> list:
    """The sheets the .xls reader hands on to be laid out."""
    monkeypatch.setattr(xls_reader, "read_workbook", lambda sheets, path: sheets)
    out = io.BytesIO()
    book.save(out)
    return load_bytes(out.getvalue(), "book.xls")


def test_xls_cells_keep_their_places_formats_and_typed_values(monkeypatch):
    import datetime

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("封面")
    sheet.write(0, 1, "部门")
    sheet.write(0, 2, 0.3, xlwt.easyxf(num_format_str="0%"))
    sheet.write(2, 1, True)
    sheet.write(2, 3, datetime.date(2026, 11, 30), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
    sheet.row(3).set_cell_error(1, "#DIV/0!")
    sheet.write(4, 0, "", xlwt.easyxf(num_format_str="0.00"))  # a blank cell with a format: nothing
    (read,) = _xls_sheets(monkeypatch, book)
    assert (read.title, read.visible, read.first_column, read.last_column) == ("封面", True, 1, 4)
    assert [(n, [(c.row, c.column, c.coordinate, c.value, c.number_format) for c in cells.values()])
            for n, cells in read.rows] == [
        (1, [(1, 2, "B1", "部门", "General"), (1, 3, "C1", 0.3, "0%")]),
        (3, [(3, 2, "B3", True, "General"), (3, 4, "D3", datetime.datetime(2026, 11, 30), "yyyy-mm-dd")]),
        (4, [(4, 2, "B4", "#DIV/0!", "General")])]


def test_an_xls_sheet_past_the_rows_and_columns_read_notes_the_first_place_left_out(monkeypatch):
    monkeypatch.setattr(xls_reader, "MAX_SHEET_ROWS", 3)
    monkeypatch.setattr(xls_reader, "MAX_SHEET_COLUMNS", 2)
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("甲")
    sheet.write(0, 0, "部门")
    sheet.write(1, 0, "年度")
    sheet.write(1, 3, "远处")
    sheet.write(1, 4, "更远")
    sheet.write(2, 2, "又一处")
    sheet.write(4, 0, "近处")
    sheet.write(5, 0, "远行")
    (read,) = _xls_sheets(monkeypatch, book)
    assert (read.cell_beyond, read.row_beyond, read.last_column) == ((2, 4), 5, 2)
    assert [(n, sorted(cells)) for n, cells in read.rows] == [(1, [1]), (2, [1]), (3, [])]


def test_an_xls_sheet_holding_exactly_the_cells_left_is_read_whole(monkeypatch):
    monkeypatch.setattr(xls_reader, "MAX_CELLS", 4)
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("甲")
    for r in range(2):
        sheet.write(r, 0, f"项{r}")
        sheet.write(r, 1, r)
    book.add_sheet("乙").write(0, 0, "x")
    read = _xls_sheets(monkeypatch, book)
    assert [(s.title, s.stopped_at, [n for n, _ in s.rows]) for s in read] == [("甲", None, [1, 2]), ("乙", 1, [])]
    monkeypatch.setattr(xls_reader, "MAX_CELLS", 3)
    read = _xls_sheets(monkeypatch, book)
    # Once a sheet is stopped in, no cell of the sheets after it is kept.
    assert [(s.title, s.stopped_at, [n for n, _ in s.rows]) for s in read] == [("甲", 2, [1]), ("乙", 1, [])]


def test_findings_in_an_xls_point_at_the_sheet_cell_with_its_column():
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("封面")
    for r, (label, value) in enumerate([("部门", "溧平县司法局"), ("年度", 2026)]):
        sheet.write(r + 2, 0, label)
        sheet.write(r + 2, 1, value)
    out = io.BytesIO()
    book.save(out)
    where = load_bytes(out.getvalue(), "book.xls").source.value("/year")
    assert (where.label, where.line, where.column) == ("封面!B4", 4, 2)


def test_an_xls_whose_sheet_xlrd_cannot_parse_is_unreadable_not_a_traceback():
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("封面")
    sheet.write(0, 0, "部门")
    sheet.write(0, 1, "溧平县司法局")
    out = io.BytesIO()
    book.save(out)
    data = bytearray(out.getvalue())
    # The sheet's first text cell (a LABELSST record: 0x00FD, 10 bytes) cites a shared string that is not there.
    record = data.find(b"\xfd\x00\x0a\x00")
    data[record + 10:record + 14] = b"\xff\xff\xff\x7f"
    (finding,) = lint(load_bytes(bytes(data), "book.xls"), RULES, "en")
    assert finding.message == "Cannot read the file: not a valid Excel 97–2003 workbook (.xls)"


def test_a_web_page_under_an_xls_name_is_recognised_by_how_it_begins():
    pages = [b"  \r\n<HTML><body>x</body></HTML>", b"<!DOCTYPE html><p>x", b"<table><tr><td>x</td></tr></table>",
             b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>']
    for page in pages:
        (problem,) = load_bytes(page, "book.xls").problems
        assert problem.args["reason"] is xls_reader.WEB_PAGE, page
    (problem,) = load_bytes(b"<p>" + b"x" * 200, "book.xls").problems
    assert problem.args["reason"] is xls_reader.NOT_XLS


def test_the_tags_of_a_streamed_sheet_do_not_count_against_the_markup_parsed_whole(monkeypatch):
    import zipfile

    from perflint.load import archive

    styled = b"".join(b'<row r="%d"><c r="A%d" s="0"/></row>' % (r, r) for r in range(4, 500))
    data = attacks.workbook([attacks.SHEET_HEAD + b"<sheetData>" + attacks.FIRST_ROWS + styled
                             + b"</sheetData></worksheet>"])
    with zipfile.ZipFile(io.BytesIO(data)) as parts:
        whole = sum(parts.read(name).count(b"<") for name in parts.namelist()
                    if not name.startswith("xl/worksheets/"))
    monkeypatch.setattr(archive, "MAX_MARKUP", whole)  # the parts parsed whole fit exactly; the sheet is far more
    assert load_bytes(data, "book.xlsx").document.department == "溧平县司法局"
    monkeypatch.setattr(archive, "MAX_MARKUP", whole - 1)
    (problem,) = load_bytes(data, "book.xlsx").problems
    assert problem.rule == "unreadable-file" and "the XML parsed whole has more tags" in problem.args["reason"].en


@pytest.mark.parametrize("name, data", [("book.xlsx", b"PK\x03\x04 truncated"), ("book.xls", b"garbage"),
                                        ("book.xls", b"<html></html>"), ("doc.docx", b"PK\x03\x04 truncated")])
def test_an_office_file_that_cannot_be_read_is_reported_without_a_line_to_point_at(name, data):
    # A report gives no line and column for it (GitHub annotations, GitLab, the text report's source line).
    (finding,) = lint(load_bytes(data, name), RULES, "en")
    assert finding.code == "PF001" and finding.has_lines is False
