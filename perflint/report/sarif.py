"""`--format sarif`: SARIF 2.1.0, the log GitHub and GitLab code scanning read.

One run. Its rules are written first (the active rules are known before any document is checked),
then each finding as a result while the documents stream past, so memory does not grow with their
number.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import PurePath
from urllib.parse import quote

from perflint.findings import Finding, Severity
from perflint.report.base import DocumentResult, Reporter

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Message language as a SARIF (RFC 5646) tag; also the language of the documents themselves.
_LANGUAGE = {"zh": "zh-CN", "en": "en-US"}
# One encoder for all results: json.dumps with options builds a new one per call.
_encode = json.JSONEncoder(ensure_ascii=False).encode
_HELP = {
    "zh": ("检查什么", "为什么", "依据"),
    "en": ("What it checks", "Why it matters", "Source"),
}


def _uri(path: str) -> dict:
    """An artifactLocation. Relative paths resolve against the checkout (%SRCROOT%), as code scanning
    expects; non-ASCII file names (司法局.yaml) are percent-encoded to make a valid URI."""
    if os.path.isabs(path):
        return {"uri": PurePath(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/"), safe="/"), "uriBaseId": "%SRCROOT%"}


def _descriptor(rule, lang: str) -> dict:
    what, why, source = rule.doc.what.get(lang), rule.doc.why.get(lang), rule.doc.source
    heads = _HELP[lang]
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary.get(lang)},
        "fullDescription": {"text": what},
        "help": {
            "text": f"{what}\n\n{why}\n\n{heads[2]}: {source}",
            "markdown": f"**{heads[0]}**: {what}\n\n**{heads[1]}**: {why}\n\n**{heads[2]}**: {source}",
        },
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.category.english, rule.category.value]},
    }


def _region(f: Finding) -> dict:
    region = {"startLine": max(1, f.line), "startColumn": max(1, f.column)}
    # perflint's end column is exclusive, as SARIF's is; a backwards span is dropped rather than sent.
    if (f.end_line, f.end_column) >= (f.line, f.column):
        region.update(endLine=f.end_line, endColumn=max(1, f.end_column))
    return region


class SarifReporter(Reporter):
    def __init__(self, out, context) -> None:
        super().__init__(out, context)
        lang = context.lang
        rules = [context.rules[code] for code in sorted(context.rules)]
        self.index = {rule.code: i for i, rule in enumerate(rules)}
        tool = {"driver": {
            "name": "perflint", "version": context.version, "semanticVersion": context.version,
            "language": _LANGUAGE[lang], "rules": [_descriptor(rule, lang) for rule in rules],
        }}
        out.write(f'{{"$schema": "{SCHEMA}", "version": "2.1.0", "runs": [{{"tool": '
                  f'{json.dumps(tool, ensure_ascii=False)}, "columnKind": "unicodeCodePoints", "results": [')
        self.first = True

    def document(self, result: DocumentResult) -> None:
        seen: Counter = Counter()
        uris: dict[str, dict] = {}
        for f in result.findings:
            # Code scanning tracks an alert across commits by this fingerprint: the rule and the field
            # (not the line, which moves when text is added above), numbered if a field has several.
            seen[f.code, f.pointer] += 1
            identity = f"{f.code}\0{f.pointer}\0{seen[f.code, f.pointer]}"
            uri = uris.get(f.path) or uris.setdefault(f.path, _uri(f.path))
            physical: dict = {"artifactLocation": uri}
            if f.has_lines:  # a Word or Excel file has no lines: the label below says where
                physical["region"] = _region(f)
            location: dict = {"physicalLocation": physical}
            if f.label:
                location["message"] = {"text": f.label}
            item = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [location],
                "partialFingerprints": {"perflint/v1": hashlib.sha256(identity.encode()).hexdigest()[:32]},
                "properties": {"pointer": f.pointer, "department": result.department or "", "label": f.label},
            }
            if f.code in self.index:
                item["ruleIndex"] = self.index[f.code]
            self.out.write(("\n" if self.first else ",\n") + _encode(item))
            self.first = False

    def close(self) -> None:
        self.out.write("\n]}]}\n")
