"""Undo what extracting text from a published PDF does to Chinese prose and table cells.

A PDF has no words, only glyphs placed on a page; the extractor guesses the spaces. It puts
them between Chinese characters and digits (2026 年, ≥2000 份), where a line wrapped inside a
table cell (普法宣传品 制作数量), and math typeset by a converter leaves LaTeX behind
($\\geq 80\\%$). Chinese is written without spaces, so a space next to a Chinese character or
full-width punctuation mark is dropped; spaces between Latin words and numbers (GB/T 30600)
stay, and so does a space before the mark of an item in a list written on one line
(…出差8人 目标2:…).
"""

from __future__ import annotations

import re

from perflint.values.normalize import normalize

# Han characters, CJK and full-width punctuation (，。；：（）《》“” …).
_WIDE = "\u2018-\u201f\u2026\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
# A space before an item's mark (目标2：, （2）, 2.) separates the items of a list written on one line: kept.
_ITEM_MARK = r"(?:目标\s*\d{1,2}\s*[:：]|[（(]\d{1,2}[）)]|\d{1,2}[.．、](?!\d))"
_SPACE_BY_WIDE = re.compile(rf"(?<=[{_WIDE}]) +(?!{_ITEM_MARK})| +(?!{_ITEM_MARK})(?=[{_WIDE}])")
_WHITESPACE = re.compile(r"[ \t\u00a0\u3000]+")
# Inline math from a PDF-to-text converter: $\geq 80\%$. Its content is a value, read as one.
_MATH = re.compile(r"\$([^$\n]{1,80})\$")


def clean(text: str) -> str:
    """The cell or paragraph as it was written, without the extractor's spaces and LaTeX."""
    if "$" in text:
        text = _MATH.sub(lambda m: normalize(m.group(1)), text)
    text = _WHITESPACE.sub(" ", text).strip()
    return _SPACE_BY_WIDE.sub("", text)


def join_wrapped(first: str, rest: str) -> str:
    """Two pieces of one cell that the page wrapped onto two lines."""
    if not first or not rest:
        return first or rest
    return clean(f"{first} {rest}")
