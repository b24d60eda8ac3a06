"""Text from documents made harmless where a report shows it.

Documents (and their file names) are written by others: a reviewer's terminal must not obey an escape
sequence hidden in a goal (erase a line, forge a "no problems found", retitle the window), a line break
in a field must not forge a finding line, and a spreadsheet must not run a cell that begins with `=`.
"""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides and
# isolates that can make a line read differently from what it holds ("Trojan Source").
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# What makes Excel, LibreOffice and Google Sheets read a cell as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _shown(match: re.Match) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def printable(text: str) -> str:
    """The text with every control character written as an escape (`\\x1b`, `\\n`), visible and inert."""
    return _UNSAFE.sub(_shown, text) if _UNSAFE.search(text) else text


# For markup and Word: removed outright (python-docx refuses most C0 characters, XML 1.0 forbids them, and
# in a page they are noise at best), with code points that are not characters.
_REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"[\t\r\n]+")


def plain(text: Any) -> str:
    """The text with unsafe characters removed, for a page or a Word document; line breaks kept (as \\n)."""
    return _REMOVED.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def one_line(text: Any) -> str:
    """Plain text on one line: for names, titles and paths."""
    return _BREAKS.sub(" ", plain(text)).strip()


def spreadsheet_text(text: str) -> str:
    """A cell's text that no spreadsheet reads as a formula: one that would be is quoted with a leading
    apostrophe, which the spreadsheet shows as text (OWASP's advice for CSV)."""
    return "'" + text if text.startswith(FORMULA_START) else text
