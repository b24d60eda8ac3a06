"""Report: findings to text for people or to machine formats."""

from __future__ import annotations

from typing import IO


def reporter(name: str, out: IO[str], lang: str):
    if name == "json":
        from perflint.report.json import JsonReporter

        return JsonReporter(out, lang)
    from perflint.report.text import TextReporter

    return TextReporter(out, lang)


FORMATS = ("text", "json")
