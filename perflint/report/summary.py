"""`--statistics` and `--summary department|file|rule`: tables for a bureau auditing many documents.

Both render as a table (tabulate) or, with `--format json`, as JSON. Only counts are kept while the
documents stream past, so memory does not grow with their number.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional, Union

from perflint.findings import Severity
from perflint.report.base import DocumentResult, Reporter

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_HEADERS = {
    "statistics": {"zh": ("数量", "代码", "名称", "级别", "说明"), "en": ("count", "code", "rule", "severity", "summary")},
    "department": {"zh": ("部门", "文件数", "无法读取", "错误", "警告", "提示", "平均得分", "最低得分"),
                   "en": ("department", "files", "unreadable", "errors", "warnings", "info", "mean score",
                          "lowest score")},
    "file": {"zh": ("文件", "部门", "得分", "错误", "警告", "提示"),
             "en": ("file", "department", "score", "errors", "warnings", "info")},
    "rule": {"zh": ("代码", "名称", "问题数", "涉及文件数"), "en": ("code", "rule", "findings", "files")},
}
UNKNOWN_DEPARTMENT = {"zh": "（无法读取）", "en": "(unreadable)"}
# What a table shows for the score of a document that could not be read (JSON gives null).
NO_SCORE = {"zh": "无法读取", "en": "unreadable"}


def mean_score(total: int, count: int) -> Optional[str]:
    """The mean quality score of `count` documents that could be read, as "43.5"; None when none could."""
    if not count:
        return None
    return str((Decimal(total) / count).quantize(Decimal("0.1"), ROUND_HALF_UP))


def worst_first(score: Union[int, str, None]) -> tuple:
    """Sort key: unreadable documents (no score) first, as they need a reviewer most, then the lowest score."""
    return (score is not None, Decimal(score or 0))


def _render(kind: str, rows: list[tuple], lang: str, as_json: bool) -> str:
    headers = _HEADERS[kind]["en"]
    if as_json:
        return json.dumps([dict(zip(headers, row)) for row in rows], ensure_ascii=False, indent=2)
    from tabulate import tabulate

    shown = [tuple(NO_SCORE[lang] if value is None else value for value in row) for row in rows]
    return tabulate(shown, headers=_HEADERS[kind][lang], tablefmt="simple", disable_numparse=True)


class StatisticsReporter(Reporter):
    """Findings per rule, most frequent first."""

    def __init__(self, out, context, as_json: bool = False) -> None:
        super().__init__(out, context)
        self.as_json = as_json
        self.counts: Counter = Counter()
        self.meta: dict[str, tuple[str, str]] = {}

    def document(self, result: DocumentResult) -> None:
        for f in result.findings:
            self.counts[f.code] += 1
            self.meta[f.code] = (f.rule, f.severity.value)

    def close(self) -> None:
        lang = self.context.lang
        rows = []
        for code, count in sorted(self.counts.items(), key=lambda item: (-item[1], item[0])):
            rule = self.context.rules.get(code)
            summary = rule.summary.get(lang) if rule is not None else ""
            rows.append((count, code, *self.meta[code], summary))
        self.out.write(_render("statistics", rows, lang, self.as_json) + "\n")


@dataclass
class _Tally:
    files: int = 0
    unreadable: int = 0
    severities: Counter = field(default_factory=Counter)
    scores: list[int] = field(default_factory=list)  # of the documents that could be read


class SummaryReporter(Reporter):
    """One row per department (worst mean score first, as the HTML report ranks them), per file (worst
    first) or per rule. Documents that could not be read have no score: they are counted apart and listed
    first."""

    def __init__(self, out, context, by: str = "department", as_json: bool = False) -> None:
        super().__init__(out, context)
        self.by = by
        self.as_json = as_json
        self.tallies: dict[str, _Tally] = defaultdict(_Tally)
        self.files: list[tuple] = []
        self.rules: Counter = Counter()
        self.rule_files: Counter = Counter()
        self.slugs: dict[str, str] = {}

    def document(self, result: DocumentResult) -> None:
        counts = result.counts()
        department = result.department or UNKNOWN_DEPARTMENT[self.context.lang]
        if self.by == "department":
            tally = self.tallies[department]
            tally.files += 1
            tally.severities.update(counts)
            if result.readable:
                tally.scores.append(result.score)
            else:
                tally.unreadable += 1
        elif self.by == "file":
            self.files.append((result.path, department, result.score, *(counts[s] for s in _ORDER)))
        else:
            codes = Counter(f.code for f in result.findings)
            self.rules.update(codes)
            self.rule_files.update(codes.keys())
            self.slugs.update((f.code, f.rule) for f in result.findings)

    def _rows(self) -> list[tuple]:
        if self.by == "department":
            rows = [(name, t.files, t.unreadable, *(t.severities[s] for s in _ORDER),
                     mean_score(sum(t.scores), len(t.scores)), min(t.scores, default=None))
                    for name, t in self.tallies.items()]
            return sorted(rows, key=lambda row: (worst_first(row[-2]), row[0]))
        if self.by == "file":
            return sorted(self.files, key=lambda row: (worst_first(row[2]), row[0]))
        return [(code, self.slugs[code], count, self.rule_files[code])
                for code, count in sorted(self.rules.items(), key=lambda item: (-item[1], item[0]))]

    def close(self) -> None:
        self.out.write(_render(self.by, self._rows(), self.context.lang, self.as_json) + "\n")
