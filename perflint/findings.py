"""A finding: what perflint reports about one place in one document."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Optional


@dataclass(frozen=True)
class Replacement:
    """In the source text between two positions (1-based, end exclusive), `old` becomes `new`."""

    line: int
    column: int
    end_line: int
    end_column: int
    old: str
    new: str


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def fails(self, fail_on: str) -> bool:
        """Whether a finding of this severity fails a run with this --fail-on (`never`: none does)."""
        return fail_on != "never" and self.rank >= Severity(fail_on).rank


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    message: str
    pointer: str
    # Where a person finds it in forms without lines (表1 第3行 第2列, 项目1!C5, 第3页 表1 第4行 第2列).
    label: Optional[str] = None
    fix: tuple["Replacement", ...] = ()  # what `--fix` may change; not part of the JSON
    # False where the source has no lines (Word, Excel, PDF): line and column are then only a running
    # number that orders the findings, and every output gives null (or nothing) instead.
    has_lines: bool = True

    @property
    def place(self) -> str:
        return self.label or f"{self.line}:{self.column}"

    @property
    def span(self) -> tuple[Optional[int], Optional[int], Optional[int], Optional[int]]:
        """line, column, end_line, end_column as outputs give them: None where the source has no lines."""
        if not self.has_lines:
            return None, None, None, None
        return self.line, self.column, self.end_line, self.end_column

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.pointer)

    def to_json(self) -> dict:
        """Exactly the keys of cli.md, in its order."""
        line, column, end_line, end_column = self.span
        return {
            "path": self.path,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "pointer": self.pointer,
            "label": self.label,
        }
