"""`--format csv`: UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly.

The column headers are the JSON keys whatever `--lang` is: scripts read them (the xlsx report is the
one with headers for people). A text that a spreadsheet would read as a formula (=, +, -, @ first) is
quoted with an apostrophe."""

from __future__ import annotations

import csv

from perflint.report.base import DocumentResult, Reporter
from perflint.report.escape import spreadsheet_text

HEADERS = ("path", "department", "label", "line", "column", "code", "rule", "severity", "message", "pointer")


class CsvReporter(Reporter):
    def __init__(self, out, context) -> None:
        super().__init__(out, context)
        out.write("\ufeff")
        self.writer = csv.writer(out)
        self.writer.writerow(HEADERS)

    def document(self, result: DocumentResult) -> None:
        for f in result.findings:
            line, column, _, _ = f.span
            self.writer.writerow((spreadsheet_text(f.path), spreadsheet_text(result.department or ""),
                                  spreadsheet_text(f.label or ""), "" if line is None else line,
                                  "" if column is None else column, f.code, f.rule, f.severity.value,
                                  spreadsheet_text(f.message), f.pointer))
