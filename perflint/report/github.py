"""`--format github`: GitHub Actions workflow commands, shown as annotations on the changed files."""

from __future__ import annotations

from perflint.findings import Severity
from perflint.report.base import DocumentResult, Reporter
from perflint.report.escape import printable

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(text: str, property_value: bool = False) -> str:
    """Workflow-command escaping: %, CR and LF always; also : and , inside properties. Other control
    characters are made printable: the Actions log would obey an escape sequence."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    text = printable(text)
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


class GithubReporter(Reporter):
    def document(self, result: DocumentResult) -> None:
        for f in result.findings:
            place = [f"line={f.line}", f"col={f.column}", f"endLine={f.end_line}", f"endColumn={f.end_column}"]
            # A Word or Excel file has no lines: the annotation goes on the file, the cell is named in it.
            title = f"{f.code} {f.rule}" + (f" {f.label}" if f.label else "")
            props = ",".join([f"file={_escape(f.path, True)}", *(place if f.has_lines else []),
                              f"title={_escape(title, True)}"])
            message = f.message if f.has_lines or not f.label else f"{f.label}: {f.message}"
            self.out.write(f"::{_LEVEL[f.severity]} {props}::{_escape(message)}\n")
