"""The documents and practices the rules' sources cite (rules/sources.yaml), and what one source cites.

A rule's `doc.source` is a list of citations separated by "；". Each names an official document by its
文号 or standard number (with title and clause), or says `实务：<practice>（…）` for a practice, or names
perflint's own conventions (`perflint …`) for problems with the input itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from perflint.text import Text

PRACTICE = "实务："
OWN_CONVENTION = "perflint"
SEPARATOR = "；"

# 发文字号 (财预〔2015〕88号) and standard numbers (GB/T 9704-2012, GB 3100-1993) as a source writes them.
_NUMBER = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号|GB(?:/T)? \d+(?:\.\d+)?-\d{4}")
_TITLE = re.compile(r"《([^《》]+)》")


@dataclass(frozen=True)
class Document:
    number: Optional[str]
    issuer: str
    title: str
    parts: tuple[str, ...]
    date: Optional[str]
    replaced_by: Optional[str]
    takes: Text
    checked: Text

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.parts)


@dataclass(frozen=True)
class Practice:
    name: str
    what: Text
    evidence: Text


@dataclass(frozen=True)
class Sources:
    documents: tuple[Document, ...]
    practices: tuple[Practice, ...]

    def by_number(self, number: str) -> Optional[Document]:
        return next((d for d in self.documents if d.number == number), None)

    def by_title(self, title: str) -> Optional[Document]:
        return next((d for d in self.documents if title in d.titles), None)

    def practice(self, citation: str) -> Optional[Practice]:
        """The practice a `实务：…` citation names."""
        named = citation.removeprefix(PRACTICE)
        return next((p for p in self.practices if named.startswith(p.name)), None)


def _text(entry: dict) -> Text:
    return Text(entry["zh"], entry["en"])


def load_sources() -> Sources:
    from perflint.analysis.data import load_package_data

    data = load_package_data("perflint.rules", "sources.yaml")
    documents = tuple(Document(d["number"], d["issuer"], d["title"], tuple(d.get("parts", ())), d.get("date"),
                               d.get("replaced_by"), _text(d["takes"]), _text(d["checked"]))
                      for d in data["documents"])
    practices = tuple(Practice(p["name"], _text(p["what"]), _text(p["evidence"])) for p in data["practices"])
    return Sources(documents, practices)


_OPEN, _CLOSE = "（《“(", "）》”)"


def citations(source: str) -> list[str]:
    """The citations of a source: split at "；" outside brackets and quotes (a citation may say "（…；…）")."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(source):
        depth += (char in _OPEN) - (char in _CLOSE)
        if char == SEPARATOR and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    return [part.strip() for part in parts if part.strip()]


def numbers_cited(source: str) -> list[str]:
    return _NUMBER.findall(source)


def titles_cited(source: str) -> list[str]:
    return _TITLE.findall(source)
