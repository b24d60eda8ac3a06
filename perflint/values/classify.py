"""The reading pipeline for one cell: normalise → vocabulary → baseline phrases → grammar → recovery."""

from __future__ import annotations

from perflint.values.constraint import Constraint
from perflint.values.messages import unparseable
from perflint.values.normalize import normalize
from perflint.values.parser import read
from perflint.values.reader import ReadError
from perflint.values.recover import recover
from perflint.values.relative import read_relative
from perflint.values.vocabulary import has_placeholder, read_word

_VALUE_STARTS = frozenset("0123456789≥≤<>=≈~±+-%(")


def classify(raw: str) -> Constraint:
    text = normalize(raw)
    if not text:
        return unparseable(raw, "empty")
    found = read_word(raw, text)
    if found is not None:
        return found
    if has_placeholder(text):
        return unparseable(raw, "placeholder")
    # Baseline phrases start with a word (较上年, 同比, 不低于上年); most values start with a sign
    # or a digit and skip the three regular expressions.
    if text[0] not in _VALUE_STARTS:
        found = read_relative(raw, text, read)
        if found is not None:
            return found
    try:
        fields = read(text)
    except ReadError as error:
        return recover(raw, text, error)
    return Constraint(input=raw, **fields)
