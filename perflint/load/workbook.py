"""A workbook's sheets into the model: what the .xlsx and .xls readers share.

Each visible sheet is read row by row, and a new sheet never continues the table of the one before.
A merged range has its text in its top-left cell only, as a merged cell in printed text. Numbers
read as the sheet shows them (20.00 under the format 0.00; 30% for 0.3 under 0%). A formula whose
result was never saved in the file cannot be read, and is reported. The readers differ only in how
they get at the cells (openpyxl and lxml for .xlsx, xlrd for .xls).

A reader gives only the rows that hold something; the empty rows between them are laid out here, as
the sheet shows them (an empty row inside an indicator table is an indicator left blank), and those
after the last are left out, as they change nothing. How much is read is bounded (the limits below): a
sheet's size says nothing of what it holds (a 239 KB workbook of a million empty rows took 152 s and
2.5 GB when every row was laid out), and what is left out is reported, never dropped silently.
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
from perflint.text import Text

_NUMBER_FORMAT = re.compile(r"0(?:\.(0+))?\s*(%)?")


# Real budget workbooks have at most a few thousand rows per sheet; 10,000 leaves room for the largest
# export and keeps a stray cell far down (row 1,048,576 is a valid address) from costing a million rows.
MAX_SHEET_ROWS = 10_000
# The forms have about a dozen columns; 256 is the width of an .xls sheet (column IV).
MAX_SHEET_COLUMNS = 256
# Cells laid out in a workbook, the empty ones between filled ones included: each becomes objects the
# later stages keep and work through (300,000 took 34 s and 245 MB to check). 200,000 is four times a
# large real workbook (3,000 rows of 15 columns) and keeps a document well inside its time budget.
MAX_CELLS = 200_000


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
    # The rows that hold something, in order: (row number, {column: cell}), within the limits above.
    rows: Iterable[tuple[int, dict[int, SheetCell]]] = ()
    first_column: int = 1  # the rows are laid out from this column
    last_column: int = 1  # … to this one (both within MAX_SHEET_COLUMNS)
    # What the reader left out, the first place of each: a row with content past MAX_SHEET_ROWS, a cell
    # with content past MAX_SHEET_COLUMNS, and the row where it stopped keeping cells (MAX_CELLS).
    row_beyond: Optional[int] = None
    cell_beyond: Optional[tuple[int, int]] = None  # (row, column)
    stopped_at: Optional[int] = None


def read_workbook(sheets: Iterable[Sheet], path: str) -> LoadedDocument:
    problems: list[Problem] = []
    blocks = list(_blocks(sheets, problems))
    return read_blocks(blocks, path, [], problems=problems, has_lines=False)


def _blocks(sheets: Iterable[Sheet], problems: list[Problem]) -> Iterator[Block]:
    # Lines run on across the sheets (the label keeps sheet!cell), so findings sort in reading order.
    offset = 0
    budget = MAX_CELLS
    sheets = iter(sheets)
    for sheet in sheets:
        first = Location.point(offset + 1, 1, f"{sheet.title}!A1")
        if not sheet.visible:
            problems.append(Problem("import-sheet-skipped", location=first, args={"sheet": sheet.title}))
            continue
        yield Break(first)
        found = False
        width = sheet.last_column - sheet.first_column + 1
        last = None  # the number of the last row laid out
        stopped = sheet.stopped_at
        for number, cells in sheet.rows:
            # The empty rows since the last one count: they are laid out too.
            cost = width * (number - last if last is not None else 1)
            if cost > budget:
                stopped = number
                break
            budget -= cost
            if last is not None:
                for empty in range(last + 1, number):
                    yield Row(tuple(_empty(sheet, offset, empty, c) for c in range(width)))
            block = Row(tuple(_cell(sheet.title, cells[column], problems, offset) if column in cells
                              else _empty(sheet, offset, number, column - sheet.first_column)
                              for column in range(sheet.first_column, sheet.last_column + 1)))
            filled = block.filled()
            found = found or bool(filled)
            # A line of its own in the first column (a title, 单位：万元) reads like a paragraph.
            yield Paragraph(filled[0][1]) if len(filled) == 1 and filled[0][0] == 0 else block
            last = number
        if not found and stopped is None:
            problems.append(Problem("import-empty-table", location=first, message="sheet",
                                    args={"table": sheet.title}))
        problems.extend(_left_out(sheet, offset, stopped, [s.title for s in sheets] if stopped is not None else []))
        offset += last or 1
        if stopped is not None:
            return


def _empty(sheet: Sheet, offset: int, row: int, index: int) -> Cell:
    column = sheet.first_column + index
    return Cell("", Location.point(offset + row, column, f"{sheet.title}!{column_letters(column)}{row}"))


def _left_out(sheet: Sheet, offset: int, stopped: Optional[int], after: list[str]) -> Iterator[Problem]:
    """What a limit left out of the sheet (and of the sheets after it), said where it begins."""
    name = Text(f"工作表“{sheet.title}”", f"Sheet {sheet.title!r}")
    if sheet.cell_beyond is not None:
        row, column = sheet.cell_beyond
        cell, border = f"{column_letters(column)}{row}", column_letters(MAX_SHEET_COLUMNS + 1)
        yield _limit(Location.point(offset + row, column, f"{sheet.title}!{cell}"), name,
                     Text(f"{MAX_SHEET_COLUMNS} 列", f"{MAX_SHEET_COLUMNS} columns"),
                     Text(f"第 {border} 列起的单元格（第一个有内容的是 {cell}）",
                          f"the cells from column {border} on (the first holding anything: {cell})"))
    if stopped is not None:
        rest = Text(f"工作表“{sheet.title}”第 {stopped} 行起的内容", f"sheet {sheet.title!r} from row {stopped} on")
        if after:
            rest = Text(f"{rest.zh}，以及其后的工作表“{'”“'.join(after)}”",
                        f"{rest.en}, and the sheets after it ({', '.join(repr(t) for t in after)})")
        yield _limit(Location.point(offset + stopped, 1, f"{sheet.title}!A{stopped}"), Text("工作簿", "The workbook"),
                     Text(f"{MAX_CELLS} 个单元格", f"{MAX_CELLS} cells"), rest)
    elif sheet.row_beyond is not None:
        yield _limit(Location.point(offset + sheet.row_beyond, 1, f"{sheet.title}!A{sheet.row_beyond}"), name,
                     Text(f"{MAX_SHEET_ROWS} 行", f"{MAX_SHEET_ROWS} rows"),
                     Text(f"第 {MAX_SHEET_ROWS + 1} 行起的内容（第一行有内容的是第 {sheet.row_beyond} 行）",
                          f"the content from row {MAX_SHEET_ROWS + 1} on (the first row holding any: "
                          f"{sheet.row_beyond})"))


def _limit(where: Location, what: Text, limit: Text, rest: Text) -> Problem:
    return Problem("import-skipped", location=where, message="limit", args={"what": what, "limit": limit, "rest": rest})


def column_letters(number: int) -> str:
    """1 → A, 27 → AA: the column as a spreadsheet names it."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


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
