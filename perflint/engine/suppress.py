"""Inline suppression: `# perflint: ignore[PF201,vague-target]` (or bare `# perflint: ignore`) on a line."""

from __future__ import annotations

import re
from typing import Optional

# A YAML comment starts at a `#` preceded by white space or at the start of the line.
_DIRECTIVE = re.compile(r"(?:^|\s)#\s*perflint:\s*ignore(?:\[(?P<codes>[^\]]*)\])?")

ALL = frozenset({"*"})


def suppressions(lines: list[str]) -> dict[int, frozenset[str]]:
    """Line number (1-based) → codes suppressed there; ALL for a bare directive."""
    found: dict[int, frozenset[str]] = {}
    for number, line in enumerate(lines, start=1):
        if "perflint" not in line:
            continue
        match = _DIRECTIVE.search(line)
        if match:
            codes = match.group("codes")
            found[number] = ALL if codes is None else frozenset(c.strip().lower() for c in codes.split(",") if c.strip())
    return found


def is_suppressed(table: dict[int, frozenset[str]], line: int, code: str, slug: str) -> bool:
    """Codes and slugs alike name a rule in a directive, in any letter case."""
    codes: Optional[frozenset[str]] = table.get(line)
    return codes is not None and (codes is ALL or code.lower() in codes or slug in codes)
