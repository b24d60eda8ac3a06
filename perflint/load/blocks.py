"""What the .txt, .docx and .xlsx readers hand to the shared importer: paragraphs and table rows
in reading order, each cell with its text and where it is.

A merged cell is blank except where its text is (its first row and first column), as it is in
text extracted from a printed table; the importer fills merged 一级/二级 cells down itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from perflint.location import Location


@dataclass(frozen=True)
class Cell:
    text: str
    location: Location


def span(first: Location, last: Location) -> Location:
    """From the start of one place to the end of another (a cell wrapped over several lines)."""
    return Location(first.line, first.column, last.end_line, last.end_column, first.label)


@dataclass(frozen=True)
class Paragraph:
    cell: Cell


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    # The first row of a table's part on a new page of a PDF: perhaps the rest of a row the page break
    # cut, read like a wrapped line of text.
    after_page_break: bool = False
    # The text stops in this row: the last row of an excerpt (a published page that gives only the start of
    # a document), which may be cut off part-way.
    ends_text: bool = False

    def text(self, column: int) -> str:
        return self.cells[column].text if column < len(self.cells) else ""

    def filled(self) -> list[tuple[int, Cell]]:
        return [(i, c) for i, c in enumerate(self.cells) if c.text]

    @property
    def location(self) -> Location:
        filled = self.filled()
        return (filled[0][1] if filled else self.cells[0]).location

    def excerpt(self) -> str:
        return " | ".join(c.text for _, c in self.filled())


@dataclass(frozen=True)
class Break:
    """The end of a worksheet: what follows is not the same project's table."""

    location: Optional[Location] = None


Block = Union[Paragraph, Row, Break]
