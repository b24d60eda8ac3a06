"""Report: findings to text for people or to machine formats, each format a `Reporter`."""

from __future__ import annotations

import importlib
from typing import IO

from perflint.report.base import ReportContext, Reporter

# name → "module:class", imported only when chosen.
FORMATS = {
    "text": "perflint.report.text:TextReporter",
    "json": "perflint.report.json:JsonReporter",
    "jsonl": "perflint.report.jsonl:JsonLinesReporter",
    "github": "perflint.report.github:GithubReporter",
    "gitlab": "perflint.report.gitlab:GitlabReporter",
    "csv": "perflint.report.csv:CsvReporter",
    "sarif": "perflint.report.sarif:SarifReporter",
    "junit": "perflint.report.junit:JunitReporter",
    "xlsx": "perflint.report.xlsx:XlsxReporter",
    "html": "perflint.report.html:HtmlReporter",
    "docx": "perflint.report.opinion:OpinionReporter",
}
SUMMARIES = ("department", "file", "rule")


def reporter_class(name: str) -> type[Reporter]:
    module, _, cls = FORMATS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def reporter(name: str, out: IO, context: ReportContext) -> Reporter:
    return reporter_class(name)(out, context)
