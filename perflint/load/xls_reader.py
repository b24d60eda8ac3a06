"""Read an old binary workbook (.xls, Excel 97–2003) into the model, with xlrd; the sheets are read as
workbook.py says, like an .xlsx.

xlrd, rather than a reader that gives values alone, because it also gives each cell's number format:
the budget system stores 30% as 0.3 shown as a percentage, and a reader without formats would read 0.3.
A workbook saved as .xlsx under an .xls name is read as the .xlsx it is.
"""

from __future__ import annotations

import io
from typing import Any

from perflint.load.document import LoadedDocument
from perflint.load.problems import Problem
from perflint.load.workbook import (MAX_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, Sheet, SheetCell, column_letters,
                                    read_workbook)
from perflint.location import START, SourceMap
from perflint.text import Text

NOT_XLS = Text("不是有效的 Excel 97–2003 工作簿（.xls）", "not a valid Excel 97–2003 workbook (.xls)")
WEB_PAGE = Text("这是以 .xls 为扩展名保存的网页（HTML），不是 Excel 工作簿；请在 Excel 或 WPS 中打开后另存为 .xlsx",
                "this is a web page (HTML) saved with an .xls name, not an Excel workbook; open it in Excel or WPS "
                "and save it as .xlsx")
_ZIP = b"PK\x03\x04"
_NOTHING = (0, 6)  # xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK: a cell with a format and no value


def read_xls(data: bytes, path: str) -> LoadedDocument:
    import xlrd  # imported here so that checking YAML never loads it

    if data.startswith(_ZIP):
        from perflint.load.xlsx_reader import read_xlsx

        return read_xlsx(data, path)
    try:
        # xlrd writes its warnings to standard output unless given somewhere else to write them. Rows
        # ragged: a row holds the cells it has, not as many as the widest row (one cell in column IV
        # would otherwise make every row 256 cells long); the sheets are loaded one at a time.
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=io.StringIO(), ragged_rows=True,
                                  on_demand=True)
    except Exception:  # not an .xls, truncated, encrypted: xlrd raises any of them
        return _unreadable(path, data)
    try:
        budget = [MAX_CELLS]  # cells kept, across the sheets
        sheets = [_sheet(book, index, budget) for index in range(book.nsheets)]
    except Exception:  # a sheet xlrd cannot parse: the workbook is not read, as when xlrd fails on opening it
        return _unreadable(path, data)
    finally:
        book.release_resources()
    return read_workbook(sheets, path)


def _unreadable(path: str, data: bytes) -> LoadedDocument:
    reason = WEB_PAGE if data.lstrip()[:100].lower().startswith((b"<html", b"<!doctype", b"<table", b"<?xml")) \
        else NOT_XLS
    return LoadedDocument(path, None, SourceMap(), [], [Problem("unreadable-file", location=START,
                                                                args={"reason": reason})], has_lines=False)


def _sheet(book: Any, index: int, budget: list[int]) -> Sheet:
    """The sheet's cells that hold something, within workbook.py's limits; the sheet is unloaded after."""
    sheet = book.sheet_by_index(index)
    try:
        if sheet.visibility != 0:
            return Sheet(sheet.name, False)
        read = Sheet(sheet.name, True, last_column=max(1, min(sheet.ncols, MAX_SHEET_COLUMNS)))
        rows = []
        for r in range(sheet.nrows):
            kinds = sheet.row_types(r)
            held = [c for c, kind in enumerate(kinds) if kind not in _NOTHING]
            if not held:
                continue
            if r >= MAX_SHEET_ROWS:
                read.row_beyond = r + 1
                break
            if held[-1] >= MAX_SHEET_COLUMNS and read.cell_beyond is None:
                read.cell_beyond = (r + 1, next(c for c in held if c >= MAX_SHEET_COLUMNS) + 1)
            cells = {c + 1: _cell(book, sheet.cell(r, c), r, c) for c in held if c < MAX_SHEET_COLUMNS}
            if len(cells) > budget[0]:
                read.stopped_at = r + 1
                budget[0] = 0
                break
            budget[0] -= len(cells)
            rows.append((r + 1, cells))
        read.rows = rows
        return read
    finally:
        book.unload_sheet(index)


def _cell(book: Any, cell: Any, r: int, c: int) -> SheetCell:
    import xlrd

    coordinate = f"{column_letters(c + 1)}{r + 1}"
    number_format = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    kind = cell.ctype
    if kind == xlrd.XL_CELL_DATE:
        value = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
    elif kind == xlrd.XL_CELL_BOOLEAN:
        value = bool(cell.value)
    elif kind == xlrd.XL_CELL_ERROR:
        value = xlrd.error_text_from_code.get(cell.value, "#ERROR")
    else:
        value = cell.value
    return SheetCell(r + 1, c + 1, coordinate, value, number_format)
