"""The pipeline of `perflint check`: load → read values → run rules → report.

Documents are checked in parallel worker processes when there are many; results come back in the
order of the sorted paths, one at a time, so output is deterministic and memory does not grow with
the number of documents.
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import nullcontext
from dataclasses import dataclass
from typing import IO, Iterable, Iterator, Optional

from perflint.config import Settings
from perflint.cache import ResultCache
from perflint.engine.budget import TimeBudgetExceeded, time_budget
from perflint.engine.configure import RuleSet, configure
from perflint.engine.registry import load_catalog
from perflint.engine.round_rule import with_facts
from perflint.engine.runner import fails, lint
from perflint.findings import Finding
from perflint.load import STDIN, iter_paths, load_bytes, read_source
from perflint.load.document import LoadedDocument
from perflint.load.problems import Problem
from perflint.location import SourceMap
from perflint.report.base import DocumentResult, Reporter

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
            loaded = source if isinstance(source, LoadedDocument) else load_bytes(source, path)
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
    return with_facts(_result(loaded, findings, tuple(keys) if settings.write_baseline else ()), loaded, rules)


def _unchecked(path: str, problem: Problem) -> LoadedDocument:
    """A document that could not be checked at all, with the reason as its only finding."""
    return LoadedDocument(path, None, SourceMap(), problems=[problem])


def _result(loaded: LoadedDocument, findings: list[Finding], baseline_keys: tuple) -> DocumentResult:
    document = loaded.document
    return DocumentResult(
        path=loaded.path,
        department=document.department if document else None,
        year=document.year if document else None,
        projects=len(document.projects) if document else 0,
        indicators=sum(len(p.indicators) + len(p.midterm_indicators) for p in document.projects) if document else 0,
        findings=tuple(findings),
        baseline_keys=baseline_keys,
    )


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
                 stdin_filename: Optional[str] = None) -> Iterator[DocumentResult]:
    """A result per path, in the order given."""
    cache = ResultCache.for_run(settings, rules)
    if STDIN in names:
        # One byte past the limit tells that the input is too large, without reading all of it.
        data = sys.stdin.buffer.read(settings.max_file_size + 1)
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


def _progress(results: Iterable[DocumentResult], total: int, lang: str) -> Iterator[DocumentResult]:
    """A progress bar on standard error, only when it is a terminal and there is more than one document."""
    if total < 2 or not sys.stderr.isatty():
        yield from results
        return
    import click

    label = "checking" if lang == "en" else "检查中"
    with click.progressbar(results, length=total, label=label, file=sys.stderr) as bar:
        yield from bar


def document_paths(paths: list[str], settings: Settings) -> list[str]:
    """The documents a command covers: the files named and those found in directories, sorted, once each."""
    return sorted(set(iter_paths(paths, settings.exclude, settings.base)))


def run_check(paths: list[str], settings: Settings, report: Reporter, jobs: Optional[int] = None,
              stdin_filename: Optional[str] = None, rules: Optional[RuleSet] = None,
              keys: Optional[list] = None) -> Outcome:
    """Check and report every document; with `keys`, also collect their baseline keys into it."""
    rules = rules or active_rules(settings)
    settle_collector()
    names = document_paths(paths, settings)
    outcome = Outcome()
    results = _progress(iter_results(names, rules, settings, jobs or os.cpu_count() or 1, stdin_filename),
                        len(names), settings.lang)
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


def open_output(path: Optional[str], binary: bool) -> IO:
    """The stream a report goes to: the file named by --output, or standard output."""
    if path is None:
        return nullcontext(sys.stdout.buffer if binary else sys.stdout)
    return open(path, "wb") if binary else open(path, "w", encoding="utf-8", newline="")
