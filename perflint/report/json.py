"""`--format json`: one JSON array of finding objects, written as the documents are checked."""

from __future__ import annotations

import json
from typing import IO, Iterable

from perflint.findings import Finding


class JsonReporter:
    def __init__(self, out: IO[str], lang: str) -> None:
        self.out = out
        self.first = True
        out.write("[")

    def document(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            self.out.write("\n  " if self.first else ",\n  ")
            self.out.write(json.dumps(f.to_json(), ensure_ascii=False))
            self.first = False

    def close(self) -> None:
        self.out.write("]\n" if self.first else "\n]\n")
