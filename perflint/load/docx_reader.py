"""Read a Word document (.docx) into the model: its paragraphs and tables in reading order.

python-docx returns a merged cell once for every grid column and row it covers; a cell that
repeats the one to its left or above is blank here, as a merged cell is in printed text. Word
has no lines, so a finding is placed by a label (表2 第5行 第3列, 第12段) and, for sorting, by
the running number of the paragraph or cell in the document.
"""

from __future__ import annotations

import io
from typing import Iterator

from perflint.text import Text
from perflint.load.blocks import Block, Cell, Paragraph, Row
from perflint.load.document import LoadedDocument
from perflint.load.outline import read_blocks
from perflint.load.problems import Problem
from perflint.location import START, Location, SourceMap

NOT_WORD = Text("不是有效的 Word 文档（.docx）", "not a valid Word document (.docx)")


def read_docx(data: bytes, path: str) -> LoadedDocument:
    import docx  # imported here so that checking YAML never loads it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # a zip that is not Word, a truncated file, broken XML: python-docx raises any of them
        return LoadedDocument(path, None, SourceMap(), [], [Problem("unreadable-file", location=START,
                                                                    args={"reason": NOT_WORD})], has_lines=False)
    reader = _Reader(document)
    blocks = list(reader.blocks())  # first: reading them finds the reader's own problems
    return read_blocks(blocks, path, [], problems=reader.problems, has_lines=False)


class _Reader:
    def __init__(self, document) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.ordinal = 0  # every paragraph and cell, in reading order
        self.paragraphs = 0
        self.tables = 0

    def _place(self, column: int, label: str) -> Location:
        self.ordinal += 1
        return Location.point(self.ordinal, column, label)

    def blocks(self) -> Iterator[Block]:
        yield from self._children(self.document.element.body)

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
        try:
            rows = self._rows(table, number)
        except Exception:  # a grid python-docx cannot lay out (inconsistent spans): the rest is still read
            rows = None
        where = Location.point(self.ordinal, 1, name)
        if rows is None:
            self.problems.append(Problem("import-skipped", location=where, message="table", args={"table": name}))
        elif not any(row.filled() for row in rows):
            self.problems.append(Problem("import-empty-table", location=where, args={"table": name}))
        else:
            yield from rows

    def _rows(self, table, number: int) -> list[Row]:
        above: list = []
        rows = []
        for r, word_row in enumerate(table.rows, 1):
            word_cells = list(word_row.cells)
            cells = []
            for c, word_cell in enumerate(word_cells, 1):
                where = self._place(c, f"表{number} 第{r}行 第{c}列")
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
