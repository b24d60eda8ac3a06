"""Read a workbook (.xlsx) into the model: the budget system's export of 项目支出绩效目标表.

Each visible worksheet is read row by row, and a new sheet never continues the table of the one
before. A merged range has its text in its top-left cell only, as a merged cell in printed text.
Numbers read as the sheet shows them (20.00 under the format 0.00; 30% for 0.3 under 0%). A
formula whose result was never saved in the file cannot be read, and is reported.
"""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal
from typing import Any, Iterator

from perflint.text import Text
from perflint.load.blocks import Block, Break, Cell, Paragraph, Row
from perflint.load.document import LoadedDocument
from perflint.load.draft import excerpt
from perflint.load.outline import read_blocks
from perflint.load.problems import Problem
from perflint.location import START, Location, SourceMap

NOT_EXCEL = Text("不是有效的 Excel 工作簿（.xlsx）", "not a valid Excel workbook (.xlsx)")
_NUMBER_FORMAT = re.compile(r"0(?:\.(0+))?\s*(%)?")


def read_xlsx(data: bytes, path: str) -> LoadedDocument:
    from openpyxl import load_workbook  # imported here so that checking YAML never loads it

    try:
        values = load_workbook(io.BytesIO(data), data_only=True)
        formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # a zip that is not Excel, a truncated file, broken XML: openpyxl raises any of them
        return LoadedDocument(path, None, SourceMap(), [], [Problem("unreadable-file", location=START,
                                                                    args={"reason": NOT_EXCEL})], has_lines=False)
    problems: list[Problem] = []
    blocks = list(_blocks(values, formulas, problems))
    return read_blocks(blocks, path, [], problems=problems, has_lines=False)


def _blocks(values, formulas, problems: list[Problem]) -> Iterator[Block]:
    # Lines run on across the sheets (the label keeps sheet!cell), so findings sort in reading order.
    offset = 0
    for sheet in values.worksheets:
        first = Location.point(offset + 1, 1, f"{sheet.title}!A1")
        if sheet.sheet_state != "visible":
            problems.append(Problem("import-sheet-skipped", location=first, args={"sheet": sheet.title}))
            continue
        yield Break(first)
        found = False
        for row in sheet.iter_rows(min_row=sheet.min_row, max_row=sheet.max_row, min_col=sheet.min_column,
                                   max_col=sheet.max_column):
            cells = tuple(_cell(sheet.title, cell, formulas[sheet.title], problems, offset) for cell in row)
            block = Row(cells)
            filled = block.filled()
            found = found or bool(filled)
            # A line of its own in the first column (a title, 单位：万元) reads like a paragraph.
            yield Paragraph(filled[0][1]) if len(filled) == 1 and filled[0][0] == 0 else block
        if not found:
            problems.append(Problem("import-empty-table", location=first, message="sheet",
                                    args={"table": sheet.title}))
        offset += sheet.max_row


def _cell(title: str, cell: Any, formulas: Any, problems: list[Problem], offset: int) -> Cell:
    where = Location.point(offset + cell.row, cell.column, f"{title}!{cell.coordinate}")
    if cell.value is None:
        formula = formulas.cell(cell.row, cell.column).value
        if isinstance(formula, str) and formula.startswith("="):
            problems.append(Problem("import-formula-without-value", location=where,
                                    args={"formula": excerpt(formula)}))
        return Cell("", where)
    return Cell(_text(cell.value, cell.number_format), where)


def _text(value: Any, number_format: str) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return _number(value, number_format)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "\n".join(line.strip() for line in str(value).splitlines() if line.strip())


def _number(value: float, number_format: str) -> str:
    """The number as the cell displays it: the format's decimal places, percent as percent."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    shape = _NUMBER_FORMAT.search(number_format or "")
    if shape is None:
        return format(number.to_integral_value() if number == number.to_integral_value() else number, "f")
    places, percent = len(shape.group(1) or ""), shape.group(2)
    if percent:
        number *= 100
    return f"{number.quantize(Decimal(1).scaleb(-places)):f}{'%' if percent else ''}"
