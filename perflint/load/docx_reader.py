"""Read a Word document (.docx) into the model: its paragraphs and tables in reading order.

python-docx returns a merged cell once for every grid column and row it covers; a cell that
repeats the one to its left or above is blank here, as a merged cell is in printed text. Word
has no lines, so a finding is placed by a label (表2 第5行 第3列, 第12段) and, for sorting, by
the running number of the paragraph or cell in the document.

The zip is checked before python-docx inflates it (archive.py): python-docx reads every part whole and
parses each into a tree, so what inflating and parsing cost is bounded there. Reading is bounded here:
past MAX_ITEMS paragraphs and cells the rest is left out, and reported.
"""

from __future__ import annotations

import io
from typing import Iterator

from perflint.text import Text
from perflint.load.archive import ArchiveLimit, check_office_zip
from perflint.load.blocks import Block, Cell, Paragraph, Row
from perflint.load.document import LoadedDocument
from perflint.load.outline import read_blocks
from perflint.load.problems import Problem
from perflint.location import START, Location, SourceMap

NOT_WORD = Text("不是有效的 Word 文档（.docx）", "not a valid Word document (.docx)")
# Paragraphs and table cells read. A large real document (a 3,000-row indicator table of 8 columns and
# 2,000 paragraphs) has about 26,000; python-docx takes tens of microseconds for each cell, so the limit
# also bounds the time (a table of 160,000 cells took 17 s).
MAX_ITEMS = 50_000


class _Full(Exception):
    """MAX_ITEMS are read: reading stops before `label`."""

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.label = label
        self.rows: list[Row] = []  # the rows of the table being read, before the one it stopped in


def read_docx(data: bytes, path: str) -> LoadedDocument:
    import docx  # imported here so that checking YAML never loads it

    try:
        check_office_zip(data)
        document = docx.Document(io.BytesIO(data))
    except ArchiveLimit as limit:
        return _unreadable(path, limit.reason)
    except Exception:  # a zip that is not Word, a truncated file, broken XML: python-docx raises any of them
        return _unreadable(path, NOT_WORD)
    reader = _Reader(document)
    blocks = list(reader.blocks())  # first: reading them finds the reader's own problems
    return read_blocks(blocks, path, [], problems=reader.problems, has_lines=False)


def _unreadable(path: str, reason: Text) -> LoadedDocument:
    return LoadedDocument(path, None, SourceMap(), [], [Problem("unreadable-file", location=START,
                                                                args={"reason": reason})], has_lines=False)


class _Reader:
    def __init__(self, document) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.ordinal = 0  # every paragraph and cell, in reading order
        self.paragraphs = 0
        self.tables = 0

    def _place(self, column: int, label: str) -> Location:
        if self.ordinal >= MAX_ITEMS:
            raise _Full(label)
        self.ordinal += 1
        return Location.point(self.ordinal, column, label)

    def blocks(self) -> Iterator[Block]:
        try:
            yield from self._children(self.document.element.body)
        except _Full as full:
            self.problems.append(Problem("import-skipped", location=Location.point(self.ordinal + 1, 1, full.label),
                                         message="limit", args={
                                             "what": Text("文档", "The document"),
                                             "limit": Text(f"{MAX_ITEMS} 个段落和表格单元格",
                                                           f"{MAX_ITEMS} paragraphs and table cells"),
                                             "rest": Text(f"从{full.label}起的内容", f"the content from {full.label} on")}))

    def _children(self, parent) -> Iterator[Block]:
        from docx.oxml.ns import qn
        from docx.table import Table
        from docx.text.paragraph import Paragraph as WordParagraph

        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                text = _lines(WordParagraph(child, self.document).text)
                if text:
                    self.paragraphs += 1
                    yield Paragraph(Cell(text, self._place(1, f"第{self.paragraphs}段")))
            elif child.tag == qn("w:tbl"):
                yield from self._table(Table(child, self.document))
            elif child.tag == qn("w:sdt"):  # a content control around paragraphs or tables
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from self._children(content)

    def _table(self, table) -> Iterator[Block]:
        self.tables += 1
        number = self.tables
        name = f"表{number}"
        full = None
        try:
            rows = self._rows(table, number)
        except _Full as stop:  # the rows read before the limit are read; nothing after them
            rows, full = stop.rows, stop
        except Exception:  # a grid python-docx cannot lay out (inconsistent spans): the rest is still read
            rows = None
        where = Location.point(self.ordinal, 1, name)
        if rows is None:
            self.problems.append(Problem("import-skipped", location=where, message="table", args={"table": name}))
        elif not any(row.filled() for row in rows):
            if full is None:
                self.problems.append(Problem("import-empty-table", location=where, args={"table": name}))
        else:
            yield from rows
        if full is not None:
            raise full

    def _rows(self, table, number: int) -> list[Row]:
        above: list = []
        rows = []
        for r, word_row in enumerate(table.rows, 1):
            word_cells = list(word_row.cells)
            cells = []
            for c, word_cell in enumerate(word_cells, 1):
                try:
                    where = self._place(c, f"表{number} 第{r}行 第{c}列")
                except _Full as full:
                    # Whole rows only: a row cut part-way would read as a different row.
                    full.rows, full.label = rows, f"表{number} 第{r}行"
                    raise
                merged = (c > 1 and word_cells[c - 2]._tc is word_cell._tc) or (
                    c <= len(above) and above[c - 1]._tc is word_cell._tc)
                cells.append(Cell("" if merged else _lines(word_cell.text), where))
                if not merged and word_cell.tables:
                    self.problems.append(Problem("import-skipped", location=where, message="nested-table"))
            above = word_cells
            rows.append(Row(tuple(cells)))
        return rows


def _lines(text: str) -> str:
    """A cell's paragraphs, each trimmed, one per line."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
