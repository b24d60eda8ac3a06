"""Run the active rules over one loaded document and turn what they find into findings."""

from __future__ import annotations

from typing import Iterable

from perflint.engine.configure import ActiveRule
from perflint.engine.suppress import is_suppressed, suppressions
from perflint.findings import Finding, Severity
from perflint.load.document import LoadedDocument
from perflint.location import Location

CRASH_SLUG = "rule-crashed"


def _finding(loaded: LoadedDocument, active: ActiveRule, where: Location, pointer: str,
             message: str, args: dict, lang: str) -> Finding:
    rule = active.rule
    text = rule.messages.get(message, rule.messages["default"]).format(lang, args)
    return Finding(loaded.path, where.line, where.column, where.end_line, where.end_column,
                   rule.code, rule.slug, active.severity, text, pointer)


def _input_findings(loaded: LoadedDocument, by_slug: dict[str, ActiveRule], lang: str) -> Iterable[Finding]:
    for problem in loaded.problems:
        active = by_slug[problem.rule]
        where = problem.location or loaded.source.value(problem.pointer)
        yield _finding(loaded, active, where, problem.pointer, problem.message, problem.args, lang)


def _rule_findings(loaded: LoadedDocument, rules: list[ActiveRule], by_slug: dict[str, ActiveRule],
                   lang: str) -> Iterable[Finding]:
    document = loaded.document
    for active in rules:
        try:
            hits = list(active.rule.check(document, active.context))
        except Exception as exc:  # one faulty rule must not stop the batch, nor pass silently
            crash = by_slug[CRASH_SLUG]
            yield _finding(loaded, crash, loaded.source.value(""), "", "default",
                           {"rule": active.rule.code, "error": f"{type(exc).__name__}: {exc}"}, lang)
            continue
        for hit in hits:
            where = loaded.source.value(hit.pointer)
            args = hit.args
            if hit.related:
                args = {**args, "related_line": loaded.source.value(hit.related).line}
            yield _finding(loaded, active, where, hit.pointer, hit.message, args, lang)


def lint(loaded: LoadedDocument, rules: list[ActiveRule], lang: str = "zh") -> list[Finding]:
    by_slug = {active.rule.slug: active for active in rules}
    findings = list(_input_findings(loaded, by_slug, lang))
    if loaded.document is not None:
        findings.extend(_rule_findings(loaded, [a for a in rules if not a.rule.always_on], by_slug, lang))
    table = suppressions(loaded.lines)
    if table:
        findings = [f for f in findings if not is_suppressed(table, f.line, f.code, f.rule)]
    findings.sort(key=Finding.sort_key)
    return findings


def fails(findings: Iterable[Finding], fail_on: str) -> bool:
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)

