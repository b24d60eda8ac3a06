"""`--format jsonl`: one JSON object per finding per line, for streaming into other tools."""

from __future__ import annotations

import json

from perflint.report.base import DocumentResult, Reporter


class JsonLinesReporter(Reporter):
    def document(self, result: DocumentResult) -> None:
        for f in result.findings:
            self.out.write(json.dumps(f.to_json(), ensure_ascii=False) + "\n")
