"""The pipeline of `perflint check`: load → read values → run rules → report.

Documents are checked in parallel worker processes when there are many; results come back in the
order of the sorted paths, one at a time, so output is deterministic and memory does not grow with
the number of documents.
"""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from perflint.config import Settings
from perflint.cache import ResultCache
from perflint.engine.budget import TimeBudgetExceeded, time_budget
from perflint.engine.configure import RuleSet, configure
from perflint.engine.registry import load_catalog
from perflint.engine.round_rule import with_facts
from perflint.engine.runner import fails, lint
from perflint.findings import Finding
from perflint.load import DOCUMENT_SUFFIXES, STDIN, exclusion, iter_paths, load_bytes, read_source
from perflint.load.document import LoadedDocument
from perflint.load.problems import Problem
from perflint.location import SourceMap
from perflint.report.base import DocumentResult, Reporter
from perflint.text import Text

# Below this many documents per worker, starting processes costs more than it saves.
MIN_DOCUMENTS_PER_JOB = 8
STALE_BASELINE = "baseline-entry-stale"
TIME_EXCEEDED = "check-time-exceeded"
# A result with one of these is not kept: another run may finish in time, or with the rule mended.
_NOT_KEPT = {TIME_EXCEEDED, "rule-crashed"}


@dataclass
class Outcome:
    documents: int = 0
    failed: bool = False


def active_rules(settings: Settings) -> RuleSet:
    return configure(load_catalog(settings.plugins, settings.rules_dirs), settings)


def settle_collector() -> None:
    """What start-up made (modules, rules, lexicons, the grammar) lives as long as the process, so the
    cyclic garbage collector is told not to walk it again; and since checking a document makes many
    short-lived objects but few cycles, it runs less often. About 5% of a batch's time otherwise."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def check_path(path: str, rules: RuleSet, settings: Settings, stdin: Optional[bytes] = None,
               display: Optional[str] = None, cache: Optional[ResultCache] = None) -> DocumentResult:
    """The document's result: from the cache when these bytes were checked with these settings before."""
    source = read_source(path, stdin, settings.max_file_size)
    key = cache.key(display or path, source) if cache is not None and isinstance(source, bytes) else None
    if key is not None:
        kept = cache.get(key, display or path)
        if kept is not None:
            return kept
    result = _check(path, source, rules, settings, display)
    if key is not None and not any(f.rule in _NOT_KEPT for f in result.findings):
        cache.put(key, result)
    return result


def _check(path: str, source: bytes | LoadedDocument, rules: RuleSet, settings: Settings,
           display: Optional[str]) -> DocumentResult:
    try:
        with time_budget(settings.time_budget):
            # Standard input is read as its --stdin-filename says: a .docx or an old .doc piped in is read as one.
            loaded = source if isinstance(source, LoadedDocument) else load_bytes(source, display or path)
            if display:
                loaded.path = display
            findings = lint(loaded, rules, settings.lang)
    except TimeBudgetExceeded:
        loaded = _unchecked(display or path, Problem(TIME_EXCEEDED, "", args={"seconds": settings.time_budget}))
        findings = lint(loaded, rules, settings.lang)
    ignored = rules.ignored_in(loaded.path)
    if ignored:
        findings = [f for f in findings if f.code not in ignored]
    keys: list = []
    baseline_file = settings.baseline or settings.write_baseline
    if baseline_file:
        from perflint.engine.baseline import keys_of

        keys = keys_of(loaded, findings, baseline_file.parent)
    if settings.baseline:
        findings = _apply_baseline(loaded, findings, keys, rules, settings)
    source_lines = _source_lines(loaded.lines, findings) if settings.show_source else {}
    result = _result(loaded, findings, tuple(keys) if settings.write_baseline else (), source_lines,
                     settings.document_view)
    return with_facts(result, loaded, rules)


def _unchecked(path: str, problem: Problem) -> LoadedDocument:
    """A document that could not be checked at all, with the reason as its only finding."""
    return LoadedDocument(path, None, SourceMap(), problems=[problem])


def _result(loaded: LoadedDocument, findings: list[Finding], baseline_keys: tuple,
            source_lines: Optional[dict[int, str]] = None, view: bool = False) -> DocumentResult:
    document = loaded.document
    tables = None
    if view:  # only the formats that show findings in place pay for it
        from perflint.report.document_view import build_view

        tables = build_view(document)
    return DocumentResult(
        path=loaded.path,
        department=document.department if document else None,
        year=document.year if document else None,
        projects=len(document.projects) if document else 0,
        indicators=sum(len(p.indicators) + len(p.midterm_indicators) for p in document.projects) if document else 0,
        findings=tuple(findings),
        baseline_keys=baseline_keys,
        readable=document is not None,
        source=source_lines or {},
        view=tables,
    )


def _source_lines(lines: list[str], findings: list[Finding]) -> dict[int, str]:
    """The text of each line a finding starts on (for --show-source)."""
    return {f.line: lines[f.line - 1] for f in findings if f.has_lines and 0 < f.line <= len(lines)}


def _apply_baseline(loaded, findings: list[Finding], keys: list, rules: RuleSet, settings: Settings) -> list[Finding]:
    """The findings the baseline does not accept, plus its entries for this document that matched nothing."""
    from perflint.engine.baseline import read_baseline, relative_path, subtract

    accepted = read_baseline(settings.baseline).get(relative_path(loaded.path, settings.baseline.parent))
    if not accepted:
        return findings
    new, stale = subtract(findings, keys, accepted)
    reporter = rules.by_slug().get(STALE_BASELINE)
    if reporter is not None:
        for key in stale:
            text = reporter.rule.messages["default"].format(settings.lang, {
                "code": key.code, "pointer": key.pointer or "/", "value": key.value})
            new.append(Finding(loaded.path, 1, 1, 1, 1, reporter.rule.code, reporter.rule.slug, reporter.severity,
                               text, key.pointer))
    return sorted(new, key=Finding.sort_key)


# Each worker process builds the rules once (or inherits them when forked).
def iter_results(names: list[str], rules: RuleSet, settings: Settings, jobs: int,
                 stdin_filename: Optional[str] = None, stdin: Optional[bytes] = None) -> Iterator[DocumentResult]:
    """A result per path, in the order given; `stdin` is what standard input held, when already read."""
    cache = ResultCache.for_run(settings, rules)
    if STDIN in names:
        # One byte past the limit tells that the input is too large, without reading all of it.
        data = sys.stdin.buffer.read(settings.max_file_size + 1) if stdin is None else stdin
        display = stdin_filename or STDIN
        before, after = names[: names.index(STDIN)], names[names.index(STDIN) + 1:]
        yield from iter_results(before, rules, settings, jobs)
        yield check_path(STDIN, rules, settings, data, display, cache)
        yield from iter_results(after, rules, settings, jobs)
        return
    jobs = max(1, min(jobs, len(names) // MIN_DOCUMENTS_PER_JOB))
    if jobs == 1:
        for name in names:
            yield check_path(name, rules, settings, cache=cache)
        return
    from perflint.batch import pooled_results  # only a batch needs worker processes

    chunk = max(1, min(64, len(names) // (jobs * 16)))
    yield from pooled_results(names, rules, settings, jobs, chunk, lambda path: _lost(path, rules, settings))


def _lost(path: str, rules: RuleSet, settings: Settings) -> DocumentResult:
    """The result for a document whose worker process died while checking it (twice)."""
    loaded = _unchecked(path, Problem("worker-lost", ""))
    return _result(loaded, lint(loaded, rules, settings.lang), ())


def _progress(results: Iterable[DocumentResult], total: int, lang: str, show: bool) -> Iterator[DocumentResult]:
    """A progress bar on standard error, only when it is a terminal and there is more than one document."""
    if not show or total < 2 or not sys.stderr.isatty():
        yield from results
        return
    import click

    label = "checking" if lang == "en" else "检查中"
    with click.progressbar(results, length=total, label=label, file=sys.stderr) as bar:
        yield from bar


def document_paths(paths: list[str], settings: Settings) -> list[str]:
    """The documents a command covers: the files named and those found in directories, sorted, once each.
    With `force-exclude`, files named explicitly are subject to `exclude` too (pre-commit names every file)."""
    names = set(iter_paths(paths, settings.exclude, settings.base))
    if settings.force_exclude and settings.exclude:
        excluded = exclusion(settings.exclude, settings.base)
        names = {name for name in names if name == STDIN or not _excluded_file(excluded, name)}
    return sorted(names)


def _excluded_file(excluded, name: str) -> bool:
    """The file, or a directory it is in, matches an exclude pattern."""
    if excluded(name, False):
        return True
    parent = os.path.dirname(os.path.normpath(name))
    while parent and parent != os.path.dirname(parent):
        if excluded(parent, True):
            return True
        parent = os.path.dirname(parent)
    return False


def _read_when_named(directory: str) -> list[str]:
    """The text and Markdown files in a directory (not in hidden ones): read only when named."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files) if f.lower().endswith((".txt", ".md")))
    return found


def nothing_found(paths: list[str], settings: Settings) -> Optional[Text]:
    """Why the paths named hold no document to check, or None when every one of them was a file left out by
    --force-exclude (pre-commit naming only excluded files: nothing to do, and nothing wrong)."""
    kinds = " ".join(DOCUMENT_SUFFIXES)
    reasons = []
    for path in paths:
        if not os.path.isdir(path):
            continue
        named = _read_when_named(path)
        note = Text("", "")
        if named:
            note = Text(f"；其中 {len(named)} 个 .txt/.md 文件只在直接指定时才读取，如 perflint check {named[0]}",
                        f"; its {len(named)} .txt/.md file(s) are read only when named, e.g. perflint check {named[0]}")
        reasons.append(Text(f"目录 {path} 中没有 {kinds} 文件{note.zh}", f"directory {path} holds no {kinds} file{note.en}"))
    if not reasons:
        return None
    excluded = Text("（或已被 exclude 排除）", " (or they are excluded)") if settings.exclude else Text("", "")
    return Text("没有检查任何文件：" + "；".join(r.zh for r in reasons) + excluded.zh,
                "nothing was checked: " + "; ".join(r.en for r in reasons) + excluded.en)


def run_check(paths: list[str], settings: Settings, report: Reporter, jobs: Optional[int] = None,
              stdin_filename: Optional[str] = None, rules: Optional[RuleSet] = None,
              keys: Optional[list] = None, stdin: Optional[bytes] = None, progress: bool = True) -> Outcome:
    """Check and report every document; with `keys`, also collect their baseline keys into it. `stdin` is
    what standard input held, when it was read already (to be fixed first)."""
    rules = rules or active_rules(settings)
    settle_collector()
    names = document_paths(paths, settings)
    outcome = Outcome()
    results = _progress(iter_results(names, rules, settings, jobs or os.cpu_count() or 1, stdin_filename, stdin),
                        len(names), settings.lang, progress)
    if len(names) > 1:  # the rules across documents: their findings are merged into each document's
        from perflint.round import round_results

        results = round_results(results, rules, settings)
    for result in results:
        outcome.documents += 1
        outcome.failed = outcome.failed or fails(result.findings, settings.fail_on)
        if keys is not None:
            keys.extend(result.baseline_keys)
        report.document(result)
    report.close()
    return outcome
