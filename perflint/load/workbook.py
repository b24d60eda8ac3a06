"""A workbook's sheets into the model: what the .xlsx and .xls readers share.

Each visible sheet is read row by row, and a new sheet never continues the table of the one before.
A merged range has its text in its top-left cell only, as a merged cell in printed text. Numbers
read as the sheet shows them (20.00 under the format 0.00; 30% for 0.3 under 0%). A formula whose
result was never saved in the file cannot be read, and is reported. The readers differ only in how
they get at the cells (openpyxl for .xlsx, xlrd for .xls).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Iterator, Optional

from perflint.load.blocks import Block, Break, Cell, Paragraph, Row
from perflint.load.document import LoadedDocument
from perflint.load.draft import excerpt
from perflint.load.outline import read_blocks
from perflint.load.problems import Problem
from perflint.location import Location

_NUMBER_FORMAT = re.compile(r"0(?:\.(0+))?\s*(%)?")


@dataclass(frozen=True)
class SheetCell:
    row: int  # 1-based, as the sheet numbers them
    column: int
    coordinate: str  # B3
    value: Any  # None for an empty cell
    number_format: str = "General"
    formula: Optional[str] = None  # a formula whose result the file does not hold


@dataclass
class Sheet:
    title: str
    visible: bool
    height: int  # its last row's number: lines run on across the sheets
    rows: Iterable[list[SheetCell]]


def read_workbook(sheets: Iterable[Sheet], path: str) -> LoadedDocument:
    problems: list[Problem] = []
    blocks = list(_blocks(sheets, problems))
    return read_blocks(blocks, path, [], problems=problems, has_lines=False)


def _blocks(sheets: Iterable[Sheet], problems: list[Problem]) -> Iterator[Block]:
    # Lines run on across the sheets (the label keeps sheet!cell), so findings sort in reading order.
    offset = 0
    for sheet in sheets:
        first = Location.point(offset + 1, 1, f"{sheet.title}!A1")
        if not sheet.visible:
            problems.append(Problem("import-sheet-skipped", location=first, args={"sheet": sheet.title}))
            continue
        yield Break(first)
        found = False
        for cells in sheet.rows:
            block = Row(tuple(_cell(sheet.title, cell, problems, offset) for cell in cells))
            filled = block.filled()
            found = found or bool(filled)
            # A line of its own in the first column (a title, 单位：万元) reads like a paragraph.
            yield Paragraph(filled[0][1]) if len(filled) == 1 and filled[0][0] == 0 else block
        if not found:
            problems.append(Problem("import-empty-table", location=first, message="sheet",
                                    args={"table": sheet.title}))
        offset += sheet.height


def _cell(title: str, cell: SheetCell, problems: list[Problem], offset: int) -> Cell:
    where = Location.point(offset + cell.row, cell.column, f"{title}!{cell.coordinate}")
    if cell.value is None:
        if cell.formula:
            problems.append(Problem("import-formula-without-value", location=where,
                                    args={"formula": excerpt(cell.formula)}))
        return Cell("", where)
    return Cell(cell_text(cell.value, cell.number_format), where)


def cell_text(value: Any, number_format: str) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return number_text(value, number_format)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "\n".join(line.strip() for line in str(value).splitlines() if line.strip())


def number_text(value: float, number_format: str) -> str:
    """The number as the cell displays it: the format's decimal places, percent as percent."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    shape = _NUMBER_FORMAT.search(number_format or "")
    if shape is None:
        return format(number.to_integral_value() if number == number.to_integral_value() else number, "f")
    places, percent = len(shape.group(1) or ""), shape.group(2)
    if percent:
        number *= 100
    return f"{number.quantize(Decimal(1).scaleb(-places)):f}{'%' if percent else ''}"
