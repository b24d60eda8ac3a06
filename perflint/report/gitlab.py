"""`--format gitlab`: a GitLab Code Quality report (`artifacts: reports: codequality:` in .gitlab-ci.yml).

A JSON array of issues with the fields GitLab documents for a custom tool: `description`, `check_name`,
`fingerprint` (unique per issue: GitLab shows only the first issue of a fingerprint), `severity` (info,
minor, major, critical or blocker) and `location` with a `path` relative to the repository and
`lines.begin`. Written as the documents are checked, like `--format json`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter

from perflint.findings import Severity
from perflint.report.base import DocumentResult, Reporter

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _repository_path(path: str) -> str:
    """The path as GitLab wants it: relative to the checkout (the current directory), with forward slashes."""
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        if not relative.startswith(".."):
            path = relative
    return path.replace(os.sep, "/")


class GitlabReporter(Reporter):
    def __init__(self, out, context) -> None:
        super().__init__(out, context)
        self.first = True
        out.write("[")

    def document(self, result: DocumentResult) -> None:
        seen: Counter = Counter()
        path = _repository_path(result.path)
        for f in result.findings:
            # Stable across commits: the file, the rule and the field, not the line (which moves when text
            # is added above); numbered when one field has several findings of a rule.
            seen[f.code, f.pointer] += 1
            identity = f"{path}\0{f.code}\0{f.pointer}\0{seen[f.code, f.pointer]}"
            lines = {"begin": max(1, f.line)} if f.has_lines else {"begin": 1}
            if f.has_lines and f.end_line > f.line:
                lines["end"] = f.end_line
            # Word and Excel files have no lines: the cell or paragraph is named in the description.
            where = "" if f.has_lines or not f.label else f"{f.label}: "
            issue = {
                "description": f"{f.code} {where}{f.message}",
                "check_name": f.code,
                "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32],
                "severity": SEVERITY[f.severity],
                "location": {"path": path, "lines": lines},
            }
            self.out.write("\n  " if self.first else ",\n  ")
            self.out.write(json.dumps(issue, ensure_ascii=False))
            self.first = False

    def close(self) -> None:
        self.out.write("]\n" if self.first else "\n]\n")
