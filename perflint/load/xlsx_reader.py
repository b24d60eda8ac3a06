"""Read a workbook (.xlsx) into the model, once and streaming; the sheets are read as workbook.py says.

openpyxl reads the workbook's own parts (which sheets, their visibility, the shared strings, the
number formats); each visible sheet is then parsed here a row at a time, as openpyxl's read-only mode
does, with openpyxl's own cell parser, and only the cells that hold something are kept. Read-only mode
itself is not used: it gives a cell's formula or its saved result, not both (the reader used to load
every workbook twice for that), it does not give merged ranges, and it lays out every row and column a
sheet's <dimension> claims (a million rows, for a sheet that holds five). Here a cell gives its saved
result and, when there is none, its formula; the sheet's <mergeCells>, which come after its rows, blank
the cells a merged range covers (as Excel shows them, and as openpyxl does when it loads a sheet whole);
and the rows a sheet merely claims cost nothing.

The XML is parsed with lxml (libxml2) rather than expat, which openpyxl uses for sheets and shared
strings: expat 2.5 re-scans a token it has not seen the end of every time it is fed more, so a huge
comment takes time quadratic in its size (8 MiB: 2.5 s; 1.1 GiB: more than 300 s), while libxml2 reads
it in linear time and refuses a text node or a comment over 10 MB. Every element is dropped from the
tree once read (what a row holds, once the row is read), so that a sheet of a million rows never stands
in memory, and one row is bounded too (MAX_ROW_ELEMENTS).
"""

from __future__ import annotations

import io
import re
from typing import Any, Optional

from perflint.load.archive import ArchiveLimit, check_office_zip
from perflint.load.document import LoadedDocument
from perflint.load.problems import Problem
from perflint.load.workbook import (MAX_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, Sheet, SheetCell, column_letters,
                                    read_workbook)
from perflint.location import START, SourceMap
from perflint.text import Text

NOT_EXCEL = Text("不是有效的 Excel 工作簿（.xlsx）", "not a valid Excel workbook (.xlsx)")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _MERGE = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}mergeCell"
_VALUE, _FORMULA, _INLINE, _STRING = f"{_MAIN}v", f"{_MAIN}f", f"{_MAIN}is", f"{_MAIN}si"
# What a cell holds: kept in the tree until its row ends, when the row is read (t and r for inline text).
_IN_CELL = {_CELL, _VALUE, _FORMULA, _INLINE, f"{_MAIN}t", f"{_MAIN}r"}
# A row stands in memory as a tree until it ends, a hundred bytes or so an element. A real row has at most
# a few hundred cells of a few elements each; a sheet formatted to its last column (XFD), 16,384.
MAX_ROW_ELEMENTS = 100_000
# The sheets a reader streams (parsed here a row at a time); every other part is parsed whole.
_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml")


def read_xlsx(data: bytes, path: str) -> LoadedDocument:
    try:
        check_office_zip(data, parsed_whole=lambda name: not _WORKSHEET.fullmatch(name))
        sheets = _read(data)
    except ArchiveLimit as limit:
        return _unreadable(path, limit.reason)
    except Exception:  # a zip that is not Excel, a truncated file, broken XML: any of them can be raised
        return _unreadable(path, NOT_EXCEL)
    return read_workbook(sheets, path)


def _unreadable(path: str, reason: Text) -> LoadedDocument:
    return LoadedDocument(path, None, SourceMap(), [], [Problem("unreadable-file", location=START,
                                                                args={"reason": reason})], has_lines=False)


def _read(data: bytes) -> list[Sheet]:
    """Every sheet, read before any is turned into blocks: broken XML anywhere makes the workbook
    unreadable, as it did when openpyxl loaded it whole."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    class Book(ExcelReader):
        def read_strings(self) -> None:
            part = self.package.find(SHARED_STRINGS)
            if part is not None:
                with self.archive.open(part.PartName[1:]) as source:
                    self.shared_strings = _shared_strings(source)

        def read_worksheets(self) -> None:
            pass  # streamed below

    book = Book(io.BytesIO(data), read_only=True, data_only=True)
    try:
        book.read()
        budget = [MAX_CELLS]  # cells kept, across the sheets
        sheets = []
        for sheet, rel in book.parser.find_sheets():
            if rel.target not in book.valid_files or "chartsheet" in rel.Type:
                continue  # as openpyxl: a chart sheet has no cells
            if sheet.state != "visible":
                sheets.append(Sheet(sheet.name, False))
            elif budget[0] <= 0:
                sheets.append(Sheet(sheet.name, True, stopped_at=1))
            else:
                with book.archive.open(rel.target) as source:
                    sheets.append(_SheetReader(book, sheet.name, budget).read(source))
        return sheets
    finally:
        book.archive.close()


def _iterparse(source, **options):
    from lxml import etree

    # No entities resolved. lxml's defaults do the rest: "end" events, nothing fetched from the network
    # (no_network), and libxml2's limits on huge nodes kept (huge_tree off).
    return etree.iterparse(source, resolve_entities=False, **options)


def _drop(element) -> None:
    """Free an element that has been read, and the elements before it. The element itself stays, emptied,
    until the next one is read: libxml2 is still appending after it."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _inside_row(element) -> bool:
    """Whether the element is part of a row (rich text in a cell, say): it is read with its row."""
    parent = element.getparent()
    while parent is not None:
        if parent.tag == _ROW:
            return True
        parent = parent.getparent()
    return False


def _shared_strings(source) -> list[str]:
    from openpyxl.cell.text import Text as RichText

    strings = []
    for _, element in _iterparse(source, tag=_STRING):
        # As openpyxl's read_string_table: the text of the item and of its runs.
        strings.append(RichText.from_tree(element).content.replace("x005F_", ""))
        _drop(element)
    return strings


class _SheetReader:
    def __init__(self, book: Any, title: str, budget: list[int]) -> None:
        from openpyxl.worksheet._reader import WorkSheetParser

        workbook = book.wb
        # openpyxl's own parser of a sheet, for one cell at a time: values, dates, shared formulas
        # exactly as openpyxl reads them. data_only: the value is the result the file saved.
        self.cells = WorkSheetParser(None, book.shared_strings, data_only=True, epoch=workbook.epoch,
                                     date_formats=workbook._date_formats,
                                     timedelta_formats=workbook._timedelta_formats)
        self.styles = workbook._cell_styles
        self.formats = workbook._number_formats
        self.sheet = Sheet(title, True)
        self.rows: dict[int, dict[int, SheetCell]] = {}
        self.budget = budget
        self.first_column: Optional[int] = None
        self.last_column = 0
        self.merged_area = 0

    def read(self, source) -> Sheet:
        rows = pending = 0
        for _, element in _iterparse(source):
            tag = element.tag
            if tag == _ROW:
                self._row(element)
                element.clear()
                rows, pending = rows + 1, 0
                if rows % 256 == 0:
                    # The rows read before this one, all at once: cheaper than one at a time. Not the rows
                    # after it: libxml2 has parsed ahead, and they are in the tree already.
                    parent = element.getparent()
                    del parent[:parent.index(element)]
                continue
            if tag == _MERGE:
                self._merge(element.get("ref", ""))
            if tag not in _IN_CELL and not _inside_row(element):
                _drop(element)
                continue
            # Part of a row not yet ended: kept until the row is read.
            pending += 1
            if pending > MAX_ROW_ELEMENTS:
                raise ArchiveLimit(Text(f"工作表“{self.sheet.title}”中有一行的 XML 元素超过上限 {MAX_ROW_ELEMENTS} 个",
                                        f"a row of sheet {self.sheet.title!r} has more XML elements than the limit of "
                                        f"{MAX_ROW_ELEMENTS}"))
        sheet = self.sheet
        sheet.rows = sorted(self.rows.items())
        sheet.first_column = self.first_column or 1
        sheet.last_column = max(self.last_column, sheet.first_column)
        return sheet

    def _row(self, row) -> None:
        parser = self.cells
        number = row.get("r")
        number = parser.row_counter = int(number) if number is not None and number.isdigit() else \
            int(float(number)) if number is not None else parser.row_counter + 1
        parser.col_counter = 0
        if not len(row) or self.sheet.stopped_at is not None:
            return
        if number > MAX_SHEET_ROWS:
            beyond = self.sheet.row_beyond
            if (beyond is None or number < beyond) and any(map(len, row)):
                self.sheet.row_beyond = number
            return
        holding = any(map(len, row))  # a cell with a value, a formula or inline text
        if not holding:
            # Cells with only a style still widen the sheet, as they do in Excel and openpyxl; the first
            # and the last are enough to know by how much.
            self._span(self._column(row[0], 1), self._column(row[-1], len(row)))
            return
        cells = {}
        for element in row:
            parsed = parser.parse_cell(element)
            column = parsed["column"]
            formula = parser.parse_formula(element) if element.find(_FORMULA) is not None else None
            value = parsed["value"]
            if column > MAX_SHEET_COLUMNS:
                if (value is not None or formula is not None) and self.sheet.cell_beyond is None:
                    self.sheet.cell_beyond = (number, column)
                continue
            self._span(column, column)
            if value is None and not isinstance(formula, str):
                continue
            cells[column] = SheetCell(number, column, f"{column_letters(column)}{number}", value,
                                      self._number_format(parsed["style_id"]),
                                      formula if value is None else None)
        if not cells:
            return
        if len(cells) > self.budget[0]:
            self.sheet.stopped_at = number
            self.budget[0] = 0
            return
        self.budget[0] -= len(cells)
        self.rows.setdefault(number, {}).update(cells)

    def _column(self, cell, position: int) -> int:
        from openpyxl.utils.cell import coordinate_to_tuple

        reference = cell.get("r")
        return coordinate_to_tuple(reference)[1] if reference else position

    def _span(self, first: int, last: int) -> None:
        first, last = min(first, MAX_SHEET_COLUMNS), min(last, MAX_SHEET_COLUMNS)
        self.first_column = first if self.first_column is None else min(self.first_column, first)
        self.last_column = max(self.last_column, last)

    def _number_format(self, style: int) -> str:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

        number = self.styles[style].numFmtId  # as openpyxl's read-only cell finds it
        if number < BUILTIN_FORMATS_MAX_SIZE:
            return BUILTIN_FORMATS.get(number, "General")
        return self.formats[number - BUILTIN_FORMATS_MAX_SIZE]

    def _merge(self, reference: str) -> None:
        """A merged range shows its top-left cell only: the others it covers are read as empty."""
        from openpyxl.utils.cell import range_boundaries

        first_column, first_row, last_column, last_row = range_boundaries(reference)
        if first_column is None or first_row is None or first_row > MAX_SHEET_ROWS:
            return
        last_row = min(last_row or first_row, MAX_SHEET_ROWS)
        last_column = min(last_column or first_column, MAX_SHEET_COLUMNS)
        if first_column > last_column:
            return
        self._span(first_column, last_column)
        # Ranges of a sound sheet do not overlap, so together they cover no more than the sheet's area;
        # ranges piled on each other past it would make this quadratic, and no Excel file has them.
        self.merged_area += (last_row - first_row + 1) * (last_column - first_column + 1)
        if self.merged_area > MAX_SHEET_ROWS * MAX_SHEET_COLUMNS:
            raise ValueError("merged ranges overlap")
        for number in range(first_row, last_row + 1):
            cells = self.rows.get(number)
            if not cells:
                continue
            covered = [c for c in cells if first_column <= c <= last_column] if len(cells) < last_column - first_column \
                else [c for c in range(first_column, last_column + 1) if c in cells]
            for column in covered:
                if (number, column) != (first_row, first_column):
                    del cells[column]
