"""Indicator names that name no countable or checkable object: slogans, sentences, the work itself."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from perflint.analysis.indicator_terms import lexicon
from perflint.analysis.reading import bare_name, is_satisfaction_name
from perflint.load.model import Indicator

# A name written as a sentence: two clauses or more (改善生活质量,提升生活水平。) and longer than a name.
_CLAUSES = re.compile(r"[，,。；;！!]")
_LONG_NAME = 12
_NUMBERING = re.compile(r"^(?:指标\s*\d+|\d+)\s*[:：.、]\s*")  # 指标1: — template numbering


def _words() -> dict:
    return lexicon()["slogans"]


@lru_cache(maxsize=2048)
def slogan_kind(name: str) -> Optional[str]:
    """Why a name is no indicator: "sentence", "generic" (the work itself), "direction" (an aim opening
    with 提升/促进…) or "abstract" (…发展情况, …改善程度); None for a name of something measured."""
    name = _NUMBERING.sub("", bare_name(name))
    if not name or is_satisfaction_name(name):
        return None
    words = _words()
    measured = tuple(words["measured_endings"])
    aim = name.startswith(tuple(words["direction_verbs"]))
    last = _CLAUSES.split(name.rstrip("。.；;！!"))[-1]
    if len(name) >= _LONG_NAME and _CLAUSES.search(name.rstrip("。.；;")) and (aim or not last.endswith(measured)):
        return "sentence"  # 截至2026年12月底,项目开展率 ends in what it measures: a name with a time frame
    if any(word in name for word in words["generic_objects"]):
        return "generic"
    core = _CLAUSES.sub("", name)
    if core.endswith(measured):
        return None
    if core.startswith(tuple(words["direction_verbs"])):
        return "direction"
    if core.endswith(tuple(words["abstract_endings"])):
        return "abstract"
    return None


def counts_something(indicator: Indicator) -> bool:
    """The target is an amount of something (≥50人, ≤20万元): whatever the name, the row measures."""
    constraint = indicator.constraint
    return constraint.kind in ("quantity", "range") and constraint.unit not in (None, "%", "‰")
