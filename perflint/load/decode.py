"""From a file's bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and GBK/GB18030 —
common in files saved on Chinese Windows — detected and decoded with a finding that says so.
Binary files and undecodable bytes are problems, never guesses."""

from __future__ import annotations

import codecs
import unicodedata
from typing import Optional

from perflint.load.problems import Problem
from perflint.location import Location

_SNIFF = 8192
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _position(text: str) -> Location:
    """The line and column just after `text`."""
    line = text.count("\n") + 1
    return Location.point(line, len(text) - (text.rfind("\n") + 1) + 1)


def _plausible(text: str) -> bool:
    """Decoded text of a document has no control characters besides line breaks and tabs."""
    return not any(unicodedata.category(c) == "Cc" and c not in "\t\r\n" for c in text)


def decode(data: bytes) -> tuple[Optional[str], list[Problem]]:
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:_SNIFF]:
        return None, [Problem("binary-file", location=Location.point(1, 1))]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    # Valid UTF-8 Chinese before the first bad byte means a file of mixed encodings: decoding it all as
    # GB18030 would garble the good part, so that is reported rather than guessed.
    mixed = any(byte >= 0x80 for byte in data[:first_bad])
    try:
        text = None if mixed else data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible(text):
        return text, [Problem("legacy-encoding", location=Location.point(1, 1), args={"encoding": "GB18030/GBK"})]
    where = _position(data[:first_bad].decode("utf-8", errors="replace"))
    return None, [Problem("undecodable-file", location=where,
                          args={"byte": f"0x{data[first_bad]:02X}", "offset": first_bad})]
