"""What every output format receives: one `DocumentResult` per checked document, in order."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import IO, Any, ClassVar, Mapping, Optional

from perflint.findings import Finding, Severity

# The quality score of a document: 100 less these points per finding, never below 0.
PENALTY = {Severity.ERROR: 10, Severity.WARNING: 3, Severity.INFO: 1}


@dataclass(frozen=True)
class DocumentResult:
    path: str
    department: Optional[str]
    year: Optional[int]
    projects: int
    indicators: int
    findings: tuple[Finding, ...]
    baseline_keys: tuple = ()  # with --write-baseline: each finding's key (perflint.engine.baseline.Key)
    # What the rules across documents need of it (perflint/analysis/digest.py), as its JSON text: the result
    # cache keeps it as it is, and a result in flight between processes holds one string, not thousands of
    # small objects. None when no such rule runs or the document could not be read.
    facts: Optional[str] = None

    def counts(self) -> Counter:
        return Counter(f.severity for f in self.findings)

    @property
    def score(self) -> int:
        """0–100, for ranking submissions: 100 − 10 per error − 3 per warning − 1 per info."""
        return max(0, 100 - sum(PENALTY[f.severity] for f in self.findings))


@dataclass(frozen=True)
class ReportContext:
    lang: str
    rules: Mapping[str, Any]  # code → rule class, for formats that describe the rules
    version: str


class Reporter:
    """An output format. Text formats write to `out` (a text stream); binary ones to `out` as bytes."""

    binary: ClassVar[bool] = False

    def __init__(self, out: IO, context: ReportContext) -> None:
        self.out = out
        self.context = context

    def document(self, result: DocumentResult) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Called once after the last document."""
