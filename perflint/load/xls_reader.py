"""Read an old binary workbook (.xls, Excel 97–2003) into the model, with xlrd; the sheets are read as
workbook.py says, like an .xlsx.

xlrd, rather than a reader that gives values alone, because it also gives each cell's number format:
the budget system stores 30% as 0.3 shown as a percentage, and a reader without formats would read 0.3.
A workbook saved as .xlsx under an .xls name is read as the .xlsx it is.
"""

from __future__ import annotations

import io
from typing import Any, Iterator

from perflint.load.document import LoadedDocument
from perflint.load.problems import Problem
from perflint.load.workbook import Sheet, SheetCell, read_workbook
from perflint.location import START, SourceMap
from perflint.text import Text

NOT_XLS = Text("不是有效的 Excel 97–2003 工作簿（.xls）", "not a valid Excel 97–2003 workbook (.xls)")
WEB_PAGE = Text("这是以 .xls 为扩展名保存的网页（HTML），不是 Excel 工作簿；请在 Excel 或 WPS 中打开后另存为 .xlsx",
                "this is a web page (HTML) saved with an .xls name, not an Excel workbook; open it in Excel or WPS "
                "and save it as .xlsx")
_ZIP = b"PK\x03\x04"


def read_xls(data: bytes, path: str) -> LoadedDocument:
    import xlrd  # imported here so that checking YAML never loads it

    if data.startswith(_ZIP):
        from perflint.load.xlsx_reader import read_xlsx

        return read_xlsx(data, path)
    try:
        # xlrd writes its warnings to standard output unless given somewhere else to write them.
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=io.StringIO())
    except Exception:  # not an .xls, truncated, encrypted: xlrd raises any of them
        reason = WEB_PAGE if data.lstrip()[:100].lower().startswith((b"<html", b"<!doctype", b"<table", b"<?xml")) \
            else NOT_XLS
        return LoadedDocument(path, None, SourceMap(), [], [Problem("unreadable-file", location=START,
                                                                    args={"reason": reason})], has_lines=False)
    sheets = (Sheet(sheet.name, sheet.visibility == 0, sheet.nrows, _rows(book, sheet)) for sheet in book.sheets())
    return read_workbook(sheets, path)


def _rows(book: Any, sheet: Any) -> Iterator[list[SheetCell]]:
    for r in range(sheet.nrows):
        yield [_cell(book, sheet.cell(r, c), r, c) for c in range(sheet.ncols)]


def _cell(book: Any, cell: Any, r: int, c: int) -> SheetCell:
    import xlrd

    coordinate = f"{_column_letters(c + 1)}{r + 1}"
    number_format = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        value = None
    elif kind == xlrd.XL_CELL_DATE:
        value = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
    elif kind == xlrd.XL_CELL_BOOLEAN:
        value = bool(cell.value)
    elif kind == xlrd.XL_CELL_ERROR:
        value = xlrd.error_text_from_code.get(cell.value, "#ERROR")
    else:
        value = cell.value
    return SheetCell(r + 1, c + 1, coordinate, value, number_format)


def _column_letters(number: int) -> str:
    """1 → A, 27 → AA: the column as a spreadsheet names it."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
