"""Run the active rules over one loaded document and turn what they find into findings."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any, Iterable, Optional

from perflint.analysis.facts import Facts
from perflint.engine.configure import ActiveRule, RuleSet
from perflint.engine.suppress import Directive, apply, parse_directives
from perflint.engine.rule import Hit
from perflint.engine.round_rule import deferred_names
from perflint.text import Text
from perflint.findings import Finding, Replacement
from perflint.load.document import LoadedDocument
from perflint.load.model import Document, Node, aliases, field_type, shape
from perflint.location import Location

CRASH = "rule-crashed"
UNUSED = "unused-suppression"
NO_REASON = "suppression-without-reason"


def _finding(loaded: LoadedDocument, active: ActiveRule, where: Location, pointer: str,
             message: str, args: dict, lang: str, fix: tuple[Replacement, ...] = ()) -> Finding:
    rule = active.rule
    text = rule.message_text(message, lang, args)
    return Finding(loaded.path, where.line, where.column, where.end_line, where.end_column,
                   rule.code, rule.slug, active.severity, text, pointer, where.label, fix, loaded.has_lines)


def _place(where: Location) -> Text:
    """How a message names another place: its line, or the label of a table cell or paragraph."""
    if where.label:
        return Text(where.label, where.label)
    return Text(f"第 {where.line} 行", f"line {where.line}")


def _replacements(loaded: LoadedDocument, hit: Hit) -> tuple[Replacement, ...]:
    spans = ((loaded.source.value(edit.pointer), edit) for edit in hit.fix if edit.pointer in loaded.source)
    return tuple(Replacement(w.line, w.column, w.end_line, w.end_column, e.old, e.new) for w, e in spans)


def field_label(pointer: str) -> Optional[Text]:
    """The field a JSON Pointer ends at, named for a Chinese reader by its form label and for an English one
    by its key (`/projects/0/budget/total` → 预算数（total） / total); None past the model (a dict's key)."""
    model: Any = Document
    owner, name = None, ""
    for part in pointer.split("/")[1:]:
        if part.isdigit() and name:  # an item of the list just named
            continue
        if model is None or part not in model.model_fields:
            return None
        owner, name = model, part
        kind, item = shape(field_type(model, part))
        nested = item if kind in (list, dict) else kind
        model = nested if isinstance(nested, type) and issubclass(nested, Node) else None
    if owner is None:
        return None
    labels = aliases(owner, name)
    return Text(f"{labels[1]}（{name}）" if len(labels) > 1 else name, name)


def _input_findings(loaded: LoadedDocument, by_slug: dict[str, ActiveRule], lang: str) -> Iterable[Finding]:
    for problem in loaded.problems:
        where = problem.location or loaded.source.value(problem.pointer)
        args = problem.args
        if "field" in args:  # the loaders name fields by their English keys
            label = field_label(problem.pointer)
            if label is not None:
                args = {**args, "field": label}
        yield _finding(loaded, by_slug[problem.rule], where, problem.pointer, problem.message, args, lang)


def _rule_findings(loaded: LoadedDocument, rules: RuleSet, by_slug: dict[str, ActiveRule],
                   lang: str) -> Iterable[Finding]:
    document = loaded.document
    facts = Facts(document, rules.framework, rules.required_fields)
    for active in rules.active:
        if active.rule.always_on:
            continue
        try:
            hits = active.rule.checked(active.rule.check(document, replace(active.context, facts=facts)))
        except Exception as exc:  # one faulty rule must not stop the batch, nor pass silently
            if os.environ.get("PERFLINT_DEBUG"):  # unless its traceback is wanted (and in the test suite)
                raise
            yield _finding(loaded, by_slug[CRASH], loaded.source.value(""), "", "default",
                           {"rule": active.rule.code, "error": f"{type(exc).__name__}: {exc}"}, lang)
            continue
        for hit in hits:
            args = hit.args
            if hit.related:
                args = {**args, "related": _place(loaded.source.value(hit.related))}
            yield _finding(loaded, active, loaded.source.value(hit.pointer), hit.pointer, hit.message, args, lang,
                           _replacements(loaded, hit))


def _directive_findings(loaded: LoadedDocument, directives: list[Directive], rules: RuleSet,
                        by_slug: dict[str, ActiveRule], lang: str) -> Iterable[Finding]:
    """Suppressions that suppressed nothing, and (when required) those without a reason."""
    unused, no_reason = by_slug.get(UNUSED), by_slug.get(NO_REASON)
    # A rule that is known but not running this time cannot show whether its suppression is needed; nor can
    # a rule across documents, which runs after this document's check (perflint/round.py applies them).
    idle = rules.known - rules.active_names() | deferred_names(rules)
    for directive in directives:
        where = Location.point(directive.line, directive.column)
        if unused is not None:
            names = [n for n in directive.unused() if n not in idle]
            if names == ["*"]:
                yield _finding(loaded, unused, where, "", "bare", {}, lang)
            elif names:
                yield _finding(loaded, unused, where, "", "default", {"names": ", ".join(names).upper()}, lang)
        if no_reason is not None and no_reason.context.options["required"] and not directive.reason:
            yield _finding(loaded, no_reason, where, "", "default", {}, lang)


def lint(loaded: LoadedDocument, rules: RuleSet, lang: str = "zh") -> list[Finding]:
    by_slug = rules.by_slug()
    findings = list(_input_findings(loaded, by_slug, lang))
    if loaded.document is not None:
        findings.extend(_rule_findings(loaded, rules, by_slug, lang))
    directives = parse_directives(loaded.lines)
    if directives:
        findings = apply(findings, directives)
        findings.extend(_directive_findings(loaded, directives, rules, by_slug, lang))
    findings.sort(key=Finding.sort_key)
    return findings


def fails(findings: Iterable[Finding], fail_on: str) -> bool:
    return any(f.severity.fails(fail_on) for f in findings)
