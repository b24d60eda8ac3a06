"""`--format json`: one JSON array of finding objects, written as the documents are checked."""

from __future__ import annotations

import json

from perflint.report.base import DocumentResult, Reporter


class JsonReporter(Reporter):
    def __init__(self, out, context) -> None:
        super().__init__(out, context)
        self.first = True
        out.write("[")

    def document(self, result: DocumentResult) -> None:
        for f in result.findings:
            self.out.write("\n  " if self.first else ",\n  ")
            self.out.write(json.dumps(f.to_json(), ensure_ascii=False))
            self.first = False

    def close(self) -> None:
        self.out.write("]\n" if self.first else "\n]\n")
