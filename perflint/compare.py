"""`perflint compare LAST_YEAR THIS_YEAR`: this year's round against last year's.

Both rounds (each a file or a directory) are checked as `perflint check` would, in worker processes and
through the result cache, but only for what the comparison needs: each document's compact facts
(perflint/analysis/digest.py) and the findings of input that cannot be read. Last year's facts are
indexed in an SQLite file in a temporary directory; then this year's documents stream past one at a
time, each project is matched with last year's (by 项目编码 first, then by its name without years within
the same department) and the years rules (perflint.engine.round_rule.YearsRule) compare the two. Their
findings point into this year's document and name last year's place (path and line or cell), and go to
the usual output formats. Memory holds one document's facts at a time, whatever the rounds' size.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Optional

from perflint.config import Settings
from perflint.engine.configure import RuleSet
from perflint.engine.round_rule import YearsRule
from perflint.engine.rule import Hit
from perflint.findings import Finding
from perflint.report.base import DocumentResult, Reporter
from perflint.round import CRASH, ScratchDatabase, place_of, where
from perflint.text import Text

_SCHEMA = """
CREATE TABLE documents (doc INTEGER PRIMARY KEY, path TEXT, dept TEXT, facts TEXT);
CREATE TABLE projects (doc INTEGER, project INTEGER, dept TEXT, code TEXT, kind TEXT);
"""
_INDEXES = """
CREATE INDEX projects_code ON projects (code);
CREATE INDEX projects_kind ON projects (dept, kind);
CREATE INDEX documents_dept ON documents (dept);
"""


@dataclass(frozen=True)
class ProjectPair:
    """A project of this year's round and the same project in last year's, as their facts give them."""

    this: dict
    last: dict
    this_doc: dict
    last_doc: dict
    last_path: str

    def last_place(self, pointer: str) -> Text:
        """Where last year's document has it: its path and line, or its path and cell."""
        return where(self.last_path, self.last_doc, pointer)

    def rows(self) -> list[tuple[dict, dict]]:
        """The indicator rows of both years with the same name (without years), each name once on each side."""
        last = _unique_rows(self.last["rows"])
        return [(row, last[key]) for key, row in _unique_rows(self.this["rows"]).items() if key in last]

    def dropped(self) -> list[dict]:
        """Last year's rows whose name this year's table no longer has."""
        present = {row["key"] for row in self.this["rows"]}
        return [row for row in self.last["rows"] if row["key"] and row["key"] not in present]


@dataclass(frozen=True)
class OverallPair:
    """A department's document this year and one of its documents last year (for its overall goal)."""

    this_doc: dict
    last_doc: dict
    last_path: str

    def last_place(self, pointer: str) -> Text:
        return where(self.last_path, self.last_doc, pointer)


def _unique_rows(rows: list[dict]) -> dict[str, dict]:
    seen: dict[str, dict] = {}
    twice = set()
    for row in rows:
        key = row["key"]
        if not key:
            continue
        if key in seen:
            twice.add(key)
        seen[key] = row
    return {key: row for key, row in seen.items() if key not in twice}


class LastYear(ScratchDatabase):
    """Last year's round on disk: its documents' facts, its projects indexed by code and by name."""

    def __init__(self) -> None:
        super().__init__("perflint-compare-", _SCHEMA)
        self.count = 0

    def add(self, result: DocumentResult) -> None:
        if result.facts is None:
            return
        facts = json.loads(result.facts)
        doc = self.count
        self.count += 1
        dept = facts.get("dept") or ""
        self.db.execute("INSERT INTO documents VALUES (?, ?, ?, ?)", (doc, result.path, dept, result.facts))
        self.db.executemany("INSERT INTO projects VALUES (?, ?, ?, ?, ?)",
                            [(doc, p, dept, project["code"], project["kind"])
                             for p, project in enumerate(facts["projects"])])

    def finish(self) -> None:
        self.db.executescript(_INDEXES)
        self.db.commit()

    def document(self, doc: int) -> tuple[str, dict]:
        path, facts = self.db.execute("SELECT path, facts FROM documents WHERE doc = ?", (doc,)).fetchone()
        return path, json.loads(facts)

    def match(self, dept: str, project: dict) -> Optional[tuple[int, int]]:
        """Last year's (document, project) for this year's project: the one with its 项目编码, else the one of
        the same department with its name; None when there is none, or more than one to choose from."""
        if project["code"]:
            found = self.db.execute("SELECT doc, project FROM projects WHERE code = ? LIMIT 2",
                                    (project["code"],)).fetchall()
            if len(found) == 1:
                return found[0]
            if found:
                return None
        if not project["kind"] or not dept:
            return None
        found = self.db.execute("SELECT doc, project FROM projects WHERE dept = ? AND kind = ? LIMIT 2",
                                (dept, project["kind"])).fetchall()
        return found[0] if len(found) == 1 else None

    def only_document(self, dept: str) -> Optional[int]:
        """The department's document last year, when it had exactly one."""
        found = self.db.execute("SELECT doc FROM documents WHERE dept = ? LIMIT 2", (dept,)).fetchall() if dept else []
        return found[0][0] if len(found) == 1 else None


def _finding(rules: RuleSet, result: DocumentResult, facts: dict, active, hit: Hit, lang: str) -> Optional[Finding]:
    from perflint.round import _suppressed

    rule = active.rule
    text = rule.message_text(hit.message, lang, hit.args)
    line, column, end_line, end_column, label = place_of(facts, hit.pointer)
    finding = Finding(result.path, line, column, end_line, end_column, rule.code, rule.slug, active.severity, text,
                      hit.pointer, label, (), facts.get("lines", True))
    if _suppressed(facts, finding) or finding.code in rules.ignored_in(result.path):
        return None
    return finding


def compare_document(last: LastYear, result: DocumentResult, rules: RuleSet, lang: str) -> DocumentResult:
    """This year's result with the years rules' findings about it merged in."""
    years = [active for active in rules.active if isinstance(active.rule, YearsRule)]
    if result.facts is None or not years:
        return replace(result, facts=None)
    facts = json.loads(result.facts)
    dept = facts.get("dept") or ""
    pairs = []
    sources: Counter = Counter()
    for project in facts["projects"]:
        matched = last.match(dept, project)
        if matched is not None:
            path, last_facts = last.document(matched[0])
            pairs.append(ProjectPair(project, last_facts["projects"][matched[1]], facts, last_facts, path))
            sources[matched[0]] += 1
    overall = None
    if facts.get("overall") is not None:
        # Last year's document of this one: where most of its projects were; else the department's only one.
        doc = sources.most_common(1)[0][0] if sources else last.only_document(dept)
        if doc is not None:
            path, last_facts = last.document(doc)
            overall = OverallPair(facts, last_facts, path)
    found: list[Finding] = []
    crash = rules.by_slug().get(CRASH)
    for active in years:
        try:
            hits = active.rule.checked(hit for pair in pairs for hit in active.rule.check_pair(pair, active.context))
            if overall is not None:
                hits += active.rule.checked(active.rule.check_overall(overall, active.context))
        except Exception as exc:  # one faulty rule must not stop the comparison, nor pass silently
            if crash is None:
                raise
            hits = []
            crashed = _finding(rules, result, facts, crash, Hit("", "default", {
                "rule": active.rule.code, "error": f"{type(exc).__name__}: {exc}"}), lang)
            found.extend([crashed] if crashed is not None else [])
        found.extend(f for f in (_finding(rules, result, facts, active, hit, lang) for hit in hits) if f is not None)
    if found:
        result = replace(result, findings=tuple(sorted(result.findings + tuple(found), key=Finding.sort_key)))
    return replace(result, facts=None)


def compare_rules(rules: RuleSet) -> RuleSet:
    """The rules a comparison runs on each document: those that report unreadable input, and the years
    rules (which only ask for the document's facts)."""
    return replace(rules, active=tuple(a for a in rules.active if a.rule.always_on or isinstance(a.rule, YearsRule)))


def compare_results(last_results: Iterable[DocumentResult], this_results: Iterable[DocumentResult],
                    rules: RuleSet, lang: str) -> Iterator[DocumentResult]:
    """Last year's results (their findings are about unreadable input only), then this year's with the
    comparisons; last year's are all read before the first of this year's is looked at."""
    with LastYear() as last:
        kept = []
        for result in last_results:
            last.add(result)
            if result.findings:  # a document of last year's that could not be read is still reported
                kept.append(replace(result, facts=None))
        last.finish()
        yield from kept
        for result in this_results:
            yield compare_document(last, result, rules, lang)


def run_compare(last_year: str, this_year: str, settings: Settings, report: Reporter, jobs: Optional[int] = None,
                rules: Optional[RuleSet] = None):
    from perflint.check import Outcome, _progress, active_rules, document_paths, iter_results, settle_collector
    from perflint.engine.runner import fails
    from perflint.errors import UsageError

    rules = compare_rules(rules or active_rules(settings))
    if not any(isinstance(a.rule, YearsRule) for a in rules.active):
        raise UsageError(Text("没有选中任何比较规则（见 perflint rules：PF115、PF242、PF243、PF342、PF343）",
                              "no comparison rule is selected (see perflint rules: PF115, PF242, PF243, PF342, PF343)"))
    settle_collector()
    names = {}
    for label, path in (("LAST_YEAR", last_year), ("THIS_YEAR", this_year)):
        if not os.path.exists(path):
            raise UsageError(Text(f"{label} {path} 不存在", f"{label} {path!r} does not exist"))
        names[label] = document_paths([path], settings)
        if not names[label]:
            raise UsageError(Text(f"{label} {path} 中没有可比较的文档", f"{label} {path!r} holds no document to compare"))
    jobs = jobs or os.cpu_count() or 1
    last_results, this_results = (_progress(iter_results(names[label], rules, settings, jobs), len(names[label]),
                                            settings.lang, True) for label in ("LAST_YEAR", "THIS_YEAR"))
    outcome = Outcome()
    results = compare_results(last_results, this_results, rules, settings.lang)
    for result in results:
        outcome.documents += 1
        outcome.failed = outcome.failed or fails(result.findings, settings.fail_on)
        report.document(result)
    report.close()
    return outcome


def command(last_year: str, this_year: str, settings: Settings, fmt: str, output: Optional[str],
            jobs: Optional[int]) -> int:
    """`perflint compare`: the report in the format asked for; the exit status."""
    import sys

    from perflint import __version__
    from perflint.check import active_rules
    from perflint.errors import UsageError
    from perflint.report import reporter_class
    from perflint.report.base import ReportContext
    from perflint.report.destination import refuse_inputs, report_output

    rules = active_rules(settings)
    chosen = reporter_class(fmt)
    if chosen.binary and output is None and sys.stdout.isatty():
        raise UsageError(Text(f"--format {fmt} 输出二进制文件，请用 --output 指定文件名",
                              f"--format {fmt} writes a binary file: name it with --output"))
    refuse_inputs(output, [last_year, this_year])
    context = ReportContext(settings.lang, {a.rule.code: type(a.rule) for a in rules.active}, __version__,
                            fail_on=settings.fail_on)
    with report_output(output, chosen.binary) as out:
        outcome = run_compare(last_year, this_year, settings, chosen(out, context), jobs, rules)
    return 1 if outcome.failed else 0
