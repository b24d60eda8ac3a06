"""The pipeline of `perflint check`: load → read values → run rules → report."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import IO

from perflint.config import Settings
from perflint.engine.configure import RuleSet, configure
from perflint.engine.registry import load_catalog
from perflint.engine.runner import fails, lint
from perflint.findings import Finding
from perflint.load import STDIN, iter_paths, load_path
from perflint.report import reporter


@dataclass
class Outcome:
    documents: int = 0
    failed: bool = False


def active_rules(settings: Settings) -> RuleSet:
    return configure(load_catalog(settings.plugins, settings.rules_dirs), settings)


def check_path(path: str, rules: RuleSet, settings: Settings, stdin: bytes | None = None,
               display: str | None = None) -> list[Finding]:
    loaded = load_path(path, stdin)
    if display:
        loaded.path = display
    findings = lint(loaded, rules, settings.lang)
    ignored = rules.ignored_in(loaded.path)
    return [f for f in findings if f.code not in ignored] if ignored else findings


def run_check(paths: list[str], settings: Settings, fmt: str, out: IO[str],
              stdin_filename: str | None = None) -> Outcome:
    rules = active_rules(settings)
    report = reporter(fmt, out, settings.lang)
    outcome = Outcome()
    names = sorted(set(iter_paths(paths)))
    stdin = sys.stdin.buffer.read() if STDIN in names else None
    for name in names:
        findings = check_path(name, rules, settings, stdin, stdin_filename if name == STDIN else None)
        outcome.documents += 1
        outcome.failed = outcome.failed or fails(findings, settings.fail_on)
        report.document(findings)
    report.close()
    return outcome
