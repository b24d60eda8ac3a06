"""The default output: one line per finding, then a summary by severity.

On a terminal the path, the code and the severity are coloured (click.style; `--color`, NO_COLOR);
with `--show-source` the line a finding is on follows it, with a caret span under the value that
counts wide (Chinese) characters as two columns.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

import click

from perflint.findings import Finding, Severity
from perflint.report.base import DocumentResult, Reporter
from perflint.report.escape import printable

_SEVERITY_STYLE = {Severity.ERROR: {"fg": "red", "bold": True}, Severity.WARNING: {"fg": "yellow", "bold": True},
                   Severity.INFO: {"fg": "cyan"}}
_TAB = "    "  # tabs (table rows of text documents) are shown as four spaces, so carets line up


def text_line(f: Finding, color: bool = False) -> str:
    """One finding as the text format prints it (cli.md); what comes from the document is made printable."""
    path, place, message = printable(f.path), printable(f.place), printable(f.message)
    if not color:
        return f"{path}:{place}: {f.code} [{f.severity.value}] {message}  ({f.rule})"
    return (f"{click.style(path, bold=True)}:{place}: {click.style(f.code, bold=True)} "
            f"{click.style(f'[{f.severity.value}]', **_SEVERITY_STYLE[f.severity])} {message}  "
            f"{click.style(f'({f.rule})', dim=True)}")


def _columns(text: str) -> int:
    """Display columns: a Chinese character takes two; characters of no width (or unprintable) none."""
    from wcwidth import wcswidth  # only with --show-source

    return sum(max(0, wcswidth(char)) for char in text)


def source_excerpt(f: Finding, line: Optional[str], color: bool = False) -> list[str]:
    """The source line under a finding, with carets under its span (to the end of the line when the span
    runs on), as `    99 |     value: 有效提升` / `       |            ^^^^^^^^`."""
    if line is None:
        return []
    number = str(f.line)
    start = max(0, f.column - 1)
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    shown = printable(line.replace("\t", _TAB))
    before = printable(line[:start].replace("\t", _TAB))
    span = printable(line[start:max(end, start)].replace("\t", _TAB))
    carets = "^" * max(1, _columns(span))
    if color:
        carets = click.style(carets, **_SEVERITY_STYLE[f.severity])
    gutter = " " * len(number)
    return [f"  {gutter} |", f"  {number} | {shown}", f"  {gutter} | {' ' * _columns(before)}{carets}"]


class TextReporter(Reporter):
    def __init__(self, out, context) -> None:
        super().__init__(out, context)
        self.counts: Counter = Counter()
        self.files = 0

    def document(self, result: DocumentResult) -> None:
        self.files += 1
        color = self.context.color
        for f in result.findings:
            self.counts[f.severity] += 1
            self.out.write(text_line(f, color) + "\n")
            if self.context.show_source and f.has_lines:
                for line in source_excerpt(f, result.source.get(f.line), color):
                    self.out.write(line + "\n")

    def close(self) -> None:
        if self.context.quiet:
            return
        errors, warnings, infos = (self.counts[s] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        total = errors + warnings + infos
        if self.context.lang == "en":
            noun = "file" if self.files == 1 else "files"
            line = (f"Found {total} problem{'s' if total != 1 else ''} in {self.files} {noun} "
                    f"({errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}, "
                    f"{infos} info)" if total else f"No problems found in {self.files} {noun}")
        else:
            line = (f"共检查 {self.files} 个文件，发现 {total} 个问题（错误 {errors}，警告 {warnings}，提示 {infos}）"
                    if total else f"共检查 {self.files} 个文件，未发现问题")
        self.out.write(line + "\n")
