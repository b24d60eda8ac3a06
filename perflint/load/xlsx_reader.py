"""Read a workbook (.xlsx) into the model, with openpyxl; the sheets are read as workbook.py says."""

from __future__ import annotations

import io
from typing import Any, Iterator

from perflint.load.document import LoadedDocument
from perflint.load.problems import Problem
from perflint.load.workbook import Sheet, SheetCell, read_workbook
from perflint.location import START, SourceMap
from perflint.text import Text

NOT_EXCEL = Text("不是有效的 Excel 工作簿（.xlsx）", "not a valid Excel workbook (.xlsx)")


def read_xlsx(data: bytes, path: str) -> LoadedDocument:
    from openpyxl import load_workbook  # imported here so that checking YAML never loads it

    try:
        values = load_workbook(io.BytesIO(data), data_only=True)
        formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # a zip that is not Excel, a truncated file, broken XML: openpyxl raises any of them
        return LoadedDocument(path, None, SourceMap(), [], [Problem("unreadable-file", location=START,
                                                                    args={"reason": NOT_EXCEL})], has_lines=False)
    sheets = (Sheet(sheet.title, sheet.sheet_state == "visible", sheet.max_row, _rows(sheet, formulas[sheet.title]))
              for sheet in values.worksheets)
    return read_workbook(sheets, path)


def _rows(sheet: Any, formulas: Any) -> Iterator[list[SheetCell]]:
    for row in sheet.iter_rows(min_row=sheet.min_row, max_row=sheet.max_row, min_col=sheet.min_column,
                               max_col=sheet.max_column):
        yield [_cell(cell, formulas) for cell in row]


def _cell(cell: Any, formulas: Any) -> SheetCell:
    formula = None
    if cell.value is None:
        written = formulas.cell(cell.row, cell.column).value
        formula = written if isinstance(written, str) and written.startswith("=") else None
    return SheetCell(cell.row, cell.column, cell.coordinate, cell.value, cell.number_format, formula)
