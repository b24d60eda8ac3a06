"""`--format github`: GitHub Actions workflow commands, shown as annotations on the changed files."""

from __future__ import annotations

from perflint.findings import Severity
from perflint.report.base import DocumentResult, Reporter

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(text: str, property_value: bool = False) -> str:
    """Workflow-command escaping: %, CR and LF always; also : and , inside properties."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


class GithubReporter(Reporter):
    def document(self, result: DocumentResult) -> None:
        for f in result.findings:
            props = ",".join([
                f"file={_escape(f.path, True)}", f"line={f.line}", f"col={f.column}",
                f"endLine={f.end_line}", f"endColumn={f.end_column}",
                f"title={_escape(f'{f.code} {f.rule}', True)}",
            ])
            self.out.write(f"::{_LEVEL[f.severity]} {props}::{_escape(f.message)}\n")
