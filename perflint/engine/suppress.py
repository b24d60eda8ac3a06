"""Inline suppression with YAML comments.

- `value: 有效提升  # perflint: ignore[PF201] 理由` — on the offending line;
- a comment alone on its line applies to the next line;
- `# perflint: ignore-file[PF501] 理由` — anywhere, for the whole file;
- a bare `ignore` / `ignore-file` (no brackets) suppresses every rule.

Codes and slugs alike name a rule, in any letter case. The text after the directive is the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from perflint.findings import Finding

# A YAML comment starts at a `#` preceded by white space or at the start of the line.
_DIRECTIVE = re.compile(
    r"(?:^|(?<=\s))#\s*perflint:\s*(?P<kind>ignore-file|ignore)\b(?:\[(?P<codes>[^\]]*)\])?(?P<reason>.*)$"
)


@dataclass
class Directive:
    line: int  # where the comment is
    column: int
    target: Optional[int]  # the line it applies to; None for the whole file
    names: Optional[frozenset[str]]  # lower-cased codes or slugs; None for every rule
    reason: str
    used: set[str] = field(default_factory=set)  # the names that suppressed something ("*" for a bare one)

    def covers(self, finding: Finding) -> Optional[str]:
        """The name under which this directive suppresses the finding, if it does."""
        if self.target is not None and finding.line != self.target:
            return None
        if self.names is None:
            return "*"
        for name in (finding.code.lower(), finding.rule):
            if name in self.names:
                return name
        return None

    def unused(self) -> list[str]:
        if self.names is None:
            return [] if self.used else ["*"]
        return sorted(self.names - self.used)


def parse_directives(lines: list[str]) -> list[Directive]:
    found = []
    for number, line in enumerate(lines, start=1):
        if "perflint" not in line:
            continue
        match = _DIRECTIVE.search(line)
        if match is None:
            continue
        codes = match.group("codes")
        names = None if codes is None else frozenset(c.strip().lower() for c in codes.split(",") if c.strip())
        alone = not line[: match.start()].strip()
        if match.group("kind") == "ignore-file":
            target = None
        else:
            target = _next_content_line(lines, number) if alone else number
        found.append(Directive(number, match.start() + 1, target, names, match.group("reason").strip()))
    return found


def _next_content_line(lines: list[str], number: int) -> int:
    """The line a comment standing alone refers to: the next one that is not blank or a comment."""
    for following in range(number, len(lines)):
        stripped = lines[following].strip()
        if stripped and not stripped.startswith("#"):
            return following + 1
    return number


def apply(findings: Iterable[Finding], directives: list[Directive]) -> list[Finding]:
    """The findings no directive covers; each directive records what it suppressed."""
    kept = []
    for finding in findings:
        suppressed = False
        for directive in directives:
            name = directive.covers(finding)
            if name is not None:
                directive.used.add(name)
                suppressed = True
        if not suppressed:
            kept.append(finding)
    return kept
