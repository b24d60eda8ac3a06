"""A loaded document: the model, where each field came from, and what could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from perflint.load.model import Document
from perflint.load.problems import Problem
from perflint.location import SourceMap


@dataclass
class LoadedDocument:
    path: str
    document: Optional[Document]
    source: SourceMap
    lines: list[str] = field(default_factory=list)  # the text, for inline suppression comments
    problems: list[Problem] = field(default_factory=list)
    text: Optional[str] = None  # the decoded text as written, where the form is text (for --fix)
    # False for forms without lines (Word, Excel, PDF): their locations' line is a running number for
    # ordering, and findings give a label (表1 第2行 第2列, 项目1!B3) and no line or column.
    has_lines: bool = True
