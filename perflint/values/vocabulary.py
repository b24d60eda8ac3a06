"""The closed word lists (grammar/vocabulary.yaml): values that are words, not numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Optional

from perflint.values.constraint import Constraint
from perflint.values.data import load_yaml
from perflint.values.messages import unparseable

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class _Vocabulary:
    words: dict[str, tuple[str, Any]]  # word → (what it is, detail)
    graded: re.Pattern
    placeholder: re.Pattern
    markers: tuple[tuple[str, str], ...]  # (substring, reason), longest first
    vague_stems: re.Pattern
    relative: dict[str, Any]


def alternation(words) -> str:
    """A regular expression matching any of `words`, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def vocabulary() -> _Vocabulary:
    data = load_yaml("vocabulary.yaml")
    words: dict[str, tuple[str, Any]] = {}

    def add(word: str, what: tuple[str, Any]) -> None:
        if word in words:
            raise ValueError(f"vocabulary.yaml: {word!r} is listed twice")
        words[word] = what

    for word in data["graded"]:
        add(word, ("graded", None))
    for word in data["vague"]:
        add(word, ("vague", None))
    for word in data["boolean_true"]:
        add(word, ("boolean", True))
    for word in data["boolean_false"]:
        add(word, ("boolean", False))
    for word, number in data["percent_words"].items():
        add(word, ("percent", Decimal(str(number))))
    for reason, listed in data["unparseable"].items():
        for word in listed:
            add(word, (reason, None))
    for word in data["template_choices"]:
        add(word, ("choice", None))
    markers = tuple(sorted(((m, reason) for reason, listed in data["unparseable_markers"].items() for m in listed),
                           key=lambda pair: -len(pair[0])))
    return _Vocabulary(
        words=words,
        graded=re.compile("|".join(f"(?:{p})" for p in data["graded_patterns"])),
        placeholder=re.compile("|".join(f"(?:{p})" for p in data["placeholder_patterns"])),
        markers=markers,
        vague_stems=re.compile(alternation(data["vague_stems"])),
        relative=data["relative"],
    )


def read_word(raw: str, text: str) -> Optional[Constraint]:
    """The reading of a value that is one vocabulary word (or matches a graded pattern)."""
    vocab = vocabulary()
    found = vocab.words.get(text)
    if found is None:
        return Constraint(input=raw, kind="graded", grade=text) if vocab.graded.fullmatch(text) else None
    what, detail = found
    if what in ("graded", "vague"):
        return Constraint(input=raw, kind=what, grade=text if what == "graded" else None)
    if what == "boolean":
        return Constraint(input=raw, kind="boolean", op="=", value=detail)
    if what == "percent":
        return Constraint(input=raw, kind="percent", op="=", number=detail, unit="%", implicit_op=True)
    return unparseable(raw, what)


def has_placeholder(text: str) -> bool:
    """Template residue inside a value: xx, ≥**, ≥X%, ……"""
    return vocabulary().placeholder.search(text) is not None


def marker_reason(text: str) -> Optional[str]:
    """deferred / not-applicable / reference when the text says so somewhere (详见附件3)."""
    for marker, reason in vocabulary().markers:
        if marker in text:
            return reason
    return None


def is_vague_prose(text: str) -> bool:
    """Digit-free prose built on a degree or direction word (司法行政服务得到改善)."""
    return _DIGIT.search(text) is None and vocabulary().vague_stems.search(text) is not None
