"""The rules across a submission round: run after every document of a `perflint check` has been checked.

A finance bureau reviews a round, not a document: the same goal copied between departments, a unit cost
far from what the other departments state, a department whose every rate is 100%, are seen only across
documents. When `perflint check` covers more than one document and a round rule is selected, each
document's result passes through here:

1. as the results arrive (from worker processes or the result cache, in path order), each is written to
   a spool and its compact facts (perflint/analysis/digest.py) into indexed tables, both in an SQLite
   file in a temporary directory. Nothing of a document stays in memory, so memory stays flat from a
   thousand documents to ten thousand;
2. when the last has arrived, each round rule runs over those tables (one group of like texts, one cost
   indicator, one department at a time) and its findings are placed in the documents they are about —
   path, line and column or label, from the facts — after the documents' suppression comments and
   per-file-ignores;
3. the spooled results are read back in the same order with the round's findings merged in, so every
   output format, the quality scores and the exit status see them like any other finding, sorted as
   cli.md says (by path, then line). Output therefore comes once the round is complete.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections import OrderedDict
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Iterable, Iterator, Optional

from perflint.cache import finding_from_record, finding_record, result_from_record, result_record
from perflint.config import Settings
from perflint.engine.configure import ActiveRule, RuleSet
from perflint.engine.round_rule import RoundHit, RoundRule
from perflint.findings import Finding
from perflint.report.base import DocumentResult
from perflint.text import Text

CRASH = "rule-crashed"
_FACTS_KEPT = 64  # documents' facts kept parsed at once while the rules look them up

_SCHEMA = """
CREATE TABLE results (doc INTEGER PRIMARY KEY, path TEXT, record TEXT);
CREATE TABLE documents (doc INTEGER PRIMARY KEY, path TEXT, dept TEXT, facts TEXT);
CREATE TABLE texts (kind TEXT, key TEXT, doc INTEGER, project INTEGER, row INTEGER, pkind TEXT, length INTEGER);
CREATE TABLE costs (key TEXT, doc INTEGER, project INTEGER, row INTEGER, yuan TEXT);
CREATE TABLE rates (dept TEXT, doc INTEGER, project INTEGER, total INTEGER, full INTEGER);
CREATE TABLE findings (doc INTEGER, record TEXT);
"""
_INDEXES = """
CREATE INDEX texts_key ON texts (kind, key);
CREATE INDEX costs_key ON costs (key);
CREATE INDEX rates_dept ON rates (dept);
CREATE INDEX findings_doc ON findings (doc);
"""


def scratch_database(prefix: str, schema: str) -> tuple[str, sqlite3.Connection]:
    """A new SQLite file in a new temporary directory; a clear error when none can be made."""
    from perflint.errors import UsageError

    directory = None
    try:
        directory = tempfile.mkdtemp(prefix=prefix)
        db = sqlite3.connect(os.path.join(directory, "facts.sqlite"))
        # A temporary file: losing it on a crash loses nothing, so no journal and no syncs to wait for.
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + schema)
        return directory, db
    except (OSError, sqlite3.Error) as exc:
        if directory:
            shutil.rmtree(directory, ignore_errors=True)
        raise UsageError(Text(f"无法建立存放各文档要点的临时文件（请把 TMPDIR 设为可写的目录）：{exc}",
                              f"the documents' facts need a temporary file, which could not be made "
                              f"(set TMPDIR to a writable directory): {exc}")) from exc


@dataclass(frozen=True)
class TextRef:
    """Where a text of a group of like texts is: document, project (index into the facts), row or -1."""

    document: int
    project: int
    row: int
    kind: str  # the project's kind (its name without years or the department)


@dataclass(frozen=True)
class CostRef:
    document: int
    project: int
    row: int
    yuan: Decimal  # per unit, in 元


class ScratchDatabase:
    """An SQLite file in a temporary directory of its own, removed on close (also as a context manager)."""

    def __init__(self, prefix: str, schema: str) -> None:
        self.directory, self.db = scratch_database(prefix, schema)

    def close(self) -> None:
        self.db.close()
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class RoundStore(ScratchDatabase):
    """The round on disk, its documents' facts in SQLite."""

    def __init__(self) -> None:
        super().__init__("perflint-round-", _SCHEMA)
        self.count = 0
        self._facts: OrderedDict[int, dict] = OrderedDict()

    # -- filling ------------------------------------------------------------------------------------

    def add(self, result: DocumentResult, spool: bool = True) -> int:
        """Keep a result (to be read back later) and index its facts; the document's number in the round."""
        doc = self.count
        self.count += 1
        if spool:
            record = result_record(replace(result, facts=None))
            self.db.execute("INSERT INTO results VALUES (?, ?, ?)",
                            (doc, result.path, json.dumps(record, ensure_ascii=False)))
        if result.facts is not None:
            facts = json.loads(result.facts)
            self.db.execute("INSERT INTO documents VALUES (?, ?, ?, ?)",
                            (doc, result.path, facts.get("dept") or "", result.facts))
            self._index(doc, facts)
        return doc

    def _index(self, doc: int, facts: dict) -> None:
        texts, costs, rates = [], [], []
        overall = facts.get("overall")
        if overall is not None:  # a department's goal: alike in two departments is a copy, in one it is not
            texts.append(("overall", overall["key"], doc, -1, -1, facts.get("dept") or "", overall["len"]))
        for p, project in enumerate(facts["projects"]):
            kind = project["kind"]
            goal = project["goal"]
            if goal is not None:
                texts.append(("goal", goal["key"], doc, p, -1, kind, goal["len"]))
            if project["names"] is not None:
                texts.append(("names", project["names"][0], doc, p, -1, kind, project["names"][1]))
            total = full = 0
            for r, row in enumerate(project["rows"]):
                note = row.get("note")
                if note is not None:
                    texts.append(("note", note["key"], doc, p, r, kind, note["len"]))
                if row.get("cost_per"):
                    per, yuan = row["cost_per"]
                    costs.append((f"{row['key']}|{per}", doc, p, r, yuan))
                if row.get("sat") or row.get("rate"):
                    total += 1
                    full += 1 if row.get("full") else 0
            if total and facts.get("dept"):
                rates.append((facts["dept"], doc, p, total, full))
        self.db.executemany("INSERT INTO texts VALUES (?, ?, ?, ?, ?, ?, ?)", texts)
        self.db.executemany("INSERT INTO costs VALUES (?, ?, ?, ?, ?)", costs)
        self.db.executemany("INSERT INTO rates VALUES (?, ?, ?, ?, ?)", rates)

    def finish(self) -> None:
        """Index once everything is in: faster than keeping indexes up to date row by row."""
        self.db.executescript(_INDEXES)
        self.db.commit()

    # -- reading ------------------------------------------------------------------------------------

    def facts(self, doc: int) -> Optional[dict]:
        found = self._facts.get(doc)
        if found is not None:
            self._facts.move_to_end(doc)
            return found
        row = self.db.execute("SELECT facts FROM documents WHERE doc = ?", (doc,)).fetchone()
        if row is None:
            return None
        found = self._facts[doc] = json.loads(row[0])
        if len(self._facts) > _FACTS_KEPT:
            self._facts.popitem(last=False)
        return found

    def path(self, doc: int) -> str:
        row = self.db.execute("SELECT path FROM results WHERE doc = ? UNION ALL "
                              "SELECT path FROM documents WHERE doc = ?", (doc, doc)).fetchone()
        return row[0] if row else ""

    def put_findings(self, doc: int, findings: Iterable[Finding]) -> None:
        self.db.executemany("INSERT INTO findings VALUES (?, ?)",
                            ((doc, json.dumps(finding_record(f), ensure_ascii=False)) for f in findings))

    def findings_of(self, doc: int, path: str) -> list[Finding]:
        return [finding_from_record(json.loads(record), path)
                for (record,) in self.db.execute("SELECT record FROM findings WHERE doc = ?", (doc,))]

    def replay(self) -> Iterator[tuple[int, DocumentResult]]:
        for doc, path, record in self.db.execute("SELECT doc, path, record FROM results ORDER BY doc"):
            yield doc, result_from_record(json.loads(record), path)


def place_of(facts: dict, pointer: str) -> list:
    """[line, column, end_line, end_column, label] of a pointer the facts hold, or of the nearest enclosing one."""
    places = facts["places"]
    probe = pointer
    while probe:
        found = places.get(probe)
        if found is not None:
            return found
        probe = probe.rpartition("/")[0]
    return places.get("/department") or [1, 1, 1, 1, None]


def where(path: str, facts: Optional[dict], pointer: str) -> Text:
    """How a message names a place in another document: its path and line, or its path and cell."""
    if facts is None:
        return Text(path, path)
    line, _, _, _, label = place_of(facts, pointer)
    if label:
        return Text(f"{path} {label}", f"{path} {label}")
    if not facts.get("lines", True):
        return Text(path, path)
    return Text(f"{path} 第 {line} 行", f"{path} line {line}")


class RoundView:
    """What a round rule may ask about the round; every answer comes from the store, a group at a time."""

    def __init__(self, store: RoundStore) -> None:
        self.store = store

    @property
    def documents(self) -> int:
        return self.store.count

    def facts(self, doc: int) -> Optional[dict]:
        return self.store.facts(doc)

    def path(self, doc: int) -> str:
        return self.store.path(doc)

    def where(self, doc: int, pointer: str) -> Text:
        return where(self.path(doc), self.facts(doc), pointer)

    def project(self, doc: int, project: int) -> dict:
        return self.facts(doc)["projects"][project]

    def shared_texts(self, kind: str, min_length: int) -> Iterator[list[TextRef]]:
        """Groups of texts of one kind (goal, names, note) found alike in more than one document."""
        groups = self.store.db.execute(
            "SELECT key FROM texts WHERE kind = ? AND length >= ? GROUP BY key "
            "HAVING COUNT(DISTINCT doc) > 1 AND COUNT(DISTINCT pkind) > 1 ORDER BY MIN(doc), key",
            (kind, min_length)).fetchall()
        for (key,) in groups:
            rows = self.store.db.execute(
                "SELECT doc, project, row, pkind FROM texts WHERE kind = ? AND key = ? ORDER BY doc, project, row",
                (kind, key)).fetchall()
            yield [TextRef(*row) for row in rows]

    def cost_groups(self, min_documents: int) -> Iterator[tuple[str, list[CostRef]]]:
        """Each cost indicator (name and what it is per) that at least `min_documents` documents state."""
        groups = self.store.db.execute(
            "SELECT key FROM costs GROUP BY key HAVING COUNT(DISTINCT doc) >= ? ORDER BY MIN(doc), key",
            (min_documents,)).fetchall()
        for (key,) in groups:
            rows = self.store.db.execute(
                "SELECT doc, project, row, yuan FROM costs WHERE key = ? ORDER BY doc, project, row", (key,))
            yield key, [CostRef(doc, project, row, Decimal(yuan)) for doc, project, row, yuan in rows]

    def department_rates(self) -> Iterator[tuple[str, list[int], int, int, int]]:
        """Per department: its documents, the projects with satisfaction or rate targets, how many such
        targets and how many of them are 100%."""
        for dept, docs, projects, total, full in self.store.db.execute(
                "SELECT dept, GROUP_CONCAT(DISTINCT doc), COUNT(*), SUM(total), SUM(full) FROM rates "
                "GROUP BY dept ORDER BY MIN(doc)"):
            yield dept, sorted(int(d) for d in str(docs).split(",")), projects, total, full


# -- running the round rules ----------------------------------------------------------------------------

def _suppressed(facts: dict, finding: Finding) -> bool:
    """A suppression comment of the document covers the finding (as perflint.engine.suppress reads them)."""
    if not finding.has_lines:
        return False
    names = {finding.code.lower(), finding.rule}
    for target, named in facts.get("quiet") or ():
        if (target is None or target == finding.line) and (named is None or names & set(named)):
            return True
    return False


def _finding(store: RoundStore, active: ActiveRule, hit: RoundHit, lang: str) -> Optional[Finding]:
    facts = store.facts(hit.document)
    path = store.path(hit.document)
    rule = active.rule
    text = rule.message_text(hit.message, lang, hit.args)
    if facts is None:
        line, column, end_line, end_column, label, lines = 1, 1, 1, 1, None, True
    else:
        (line, column, end_line, end_column, label), lines = place_of(facts, hit.pointer), facts.get("lines", True)
    return Finding(path, line, column, end_line, end_column, rule.code, rule.slug, active.severity, text,
                   hit.pointer, label, (), lines)


def run_round_rules(store: RoundStore, rules: RuleSet, lang: str) -> int:
    """Run the active round rules over the store and keep their findings in it; how many were kept."""
    view = RoundView(store)
    crash = rules.by_slug().get(CRASH)
    kept = 0
    for active in rules.active:
        if not isinstance(active.rule, RoundRule):
            continue
        try:
            hits = active.rule.checked(active.rule.check_round(view, active.context))
        except Exception as exc:  # one faulty rule must not stop the round, nor pass silently
            if crash is None or store.count == 0:
                raise
            hits = []
            error = RoundHit(0, "", "default", {"rule": active.rule.code, "error": f"{type(exc).__name__}: {exc}"})
            store.put_findings(0, [_finding(store, crash, error, lang)])
            kept += 1
        by_document: dict[int, list[Finding]] = {}
        for hit in hits:
            finding = _finding(store, active, hit, lang)
            facts = store.facts(hit.document)
            if facts is not None and _suppressed(facts, finding):
                continue
            if finding.code in rules.ignored_in(finding.path):
                continue
            by_document.setdefault(hit.document, []).append(finding)
        for doc, findings in by_document.items():
            store.put_findings(doc, findings)
            kept += len(findings)
    return kept


def round_rules_active(rules: RuleSet) -> bool:
    return any(isinstance(active.rule, RoundRule) for active in rules.active)


def round_results(results: Iterable[DocumentResult], rules: RuleSet, settings: Settings) -> Iterator[DocumentResult]:
    """The results, in the order given, each with the round rules' findings about it merged in; the
    results themselves when no round rule is selected."""
    if not round_rules_active(rules):
        yield from results
        return
    with RoundStore() as store:
        for result in results:
            store.add(result)
        store.finish()
        run_round_rules(store, rules, settings.lang)
        for doc, result in store.replay():
            extra = store.findings_of(doc, result.path)
            if extra:
                result = replace(result, findings=tuple(sorted(result.findings + tuple(extra), key=Finding.sort_key)))
            yield result
