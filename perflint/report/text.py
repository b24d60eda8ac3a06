"""The default output: one line per finding, then a summary by severity."""

from __future__ import annotations

from collections import Counter

from perflint.findings import Finding, Severity
from perflint.report.base import DocumentResult, Reporter


def text_line(f: Finding) -> str:
    """One finding as the text format prints it (cli.md)."""
    return f"{f.path}:{f.place}: {f.code} [{f.severity.value}] {f.message}  ({f.rule})"


class TextReporter(Reporter):
    def __init__(self, out, context) -> None:
        super().__init__(out, context)
        self.counts: Counter = Counter()
        self.files = 0

    def document(self, result: DocumentResult) -> None:
        self.files += 1
        for f in result.findings:
            self.counts[f.severity] += 1
            self.out.write(text_line(f) + "\n")

    def close(self) -> None:
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
