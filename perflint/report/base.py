"""What every output format receives: one `DocumentResult` per checked document, in order."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
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
    # False when nothing could be read (a missing file, an old .doc, an empty workbook, broken YAML): such a
    # document has no quality score and is counted apart, never ranked above documents that were read.
    readable: bool = True
    source: Mapping[int, str] = field(default_factory=dict)  # with --show-source: line number → its text
    # For the formats that show findings in place (Settings.document_view): the document's tables, JSON-native
    # so that the result cache keeps it as it is (perflint.report.document_view). Not hashed: it is a dict.
    view: Optional[dict] = field(default=None, hash=False)
    # What the rules across documents need of it (perflint/analysis/digest.py), as its JSON text: the result
    # cache keeps it as it is, and a result in flight between processes holds one string, not thousands of
    # small objects. None when no such rule runs or the document could not be read.
    facts: Optional[str] = None

    def counts(self) -> Counter:
        return Counter(f.severity for f in self.findings)

    @property
    def score(self) -> Optional[int]:
        """0–100, for ranking submissions: 100 − 10 per error − 3 per warning − 1 per info; None for a
        document that could not be read."""
        if not self.readable:
            return None
        return max(0, 100 - sum(PENALTY[f.severity] for f in self.findings))


@dataclass(frozen=True)
class ReportContext:
    lang: str
    rules: Mapping[str, Any]  # code → rule class, for formats that describe the rules
    version: str
    fail_on: str = "warning"  # the lowest severity that fails the run (junit marks only those as failures)
    color: bool = False  # the text format may colour severities, codes and paths
    show_source: bool = False  # the text format shows each finding's line with a caret under it
    quiet: bool = False  # the text format prints the findings only, without the closing summary


class Reporter:
    """An output format. Text formats write to `out` (a text stream); binary ones to `out` as bytes."""

    binary: ClassVar[bool] = False
    # The format shows each document's tables, so its results must carry them (Settings.document_view).
    needs_view: ClassVar[bool] = False
    # The format writes files into a directory named by --output, not one stream: `out` is that directory.
    directory: ClassVar[bool] = False

    def __init__(self, out: IO, context: ReportContext) -> None:
        self.out = out
        self.context = context

    def document(self, result: DocumentResult) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Called once after the last document."""
