"""Read the text of a published document (.txt extracted from its PDF, or .md) into the model.

A line holding tabs is a table row, its cells between the tabs (a merged cell is an empty one);
a Markdown table line (| a | b |) is a row too; any other line is a paragraph. Every cell keeps
the line and column where it starts, so findings point into the original file.
"""

from __future__ import annotations

import re
from typing import Iterator

from perflint.load.blocks import Block, Cell, Paragraph, Row
from perflint.load.decode import decode
from perflint.load.document import LoadedDocument
from perflint.load.outline import read_blocks
from perflint.load.pdf_text import clean
from perflint.location import Location, SourceMap

_MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_EMPHASIS = re.compile(r"\*\*|__")


def read_text(data: bytes, path: str) -> LoadedDocument:
    text, problems = decode(data)
    if text is None:
        return LoadedDocument(path, None, SourceMap(), [], problems)
    lines = text.splitlines()
    # ** is Markdown's emphasis; in a text file it is the document's own (≥**% is a template left unfilled).
    markdown = path.lower().endswith(".md")
    return read_blocks(_blocks(lines, markdown), path, lines, wrapped_rows=True, problems=problems)


def _blocks(lines: list[str], markdown: bool) -> Iterator[Block]:
    last = max((number for number, line in enumerate(lines, 1) if line.strip()), default=0)
    for number, line in enumerate(lines, 1):
        if "\t" in line:
            yield Row(tuple(_cells(number, line, "\t", 0, markdown)), ends_text=number == last)
        elif line.lstrip().startswith("|") and line.rstrip().endswith("|") and line.count("|") > 2:
            if not _MARKDOWN_RULE.match(line):
                start = line.index("|") + 1
                yield Row(tuple(_cells(number, line[start:line.rstrip().rindex("|")], "|", start, markdown)),
                          ends_text=number == last)
        else:
            heading = _MARKDOWN_HEADING.match(line)
            offset = heading.end() if heading else 0
            yield Paragraph(_cell(number, offset, line[offset:], markdown))


def _cells(number: int, line: str, separator: str, offset: int, markdown: bool) -> Iterator[Cell]:
    column = offset
    for raw in line.split(separator):
        yield _cell(number, column, raw, markdown)
        column += len(raw) + len(separator)


def _cell(number: int, column: int, raw: str, markdown: bool) -> Cell:
    """The cell's text cleaned; its place is where its text starts in the line."""
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    start = column + lead + 1
    return Cell(clean(_EMPHASIS.sub("", body) if markdown else body), Location(number, start, number, start + max(len(body), 1)))
