"""What to make of a value the grammar rejected: salvage it, or say precisely what is wrong.

Salvaging keeps the stripped text in `remark`: an indicator name in front (满意度≥95%), a verb
behind (30分钟内响应), a stray unit from a merged column (%=99%). Everything else becomes an
unparseable reading with a message that tells the officer how to fix the cell.
"""

from __future__ import annotations

import re
from typing import Optional

from perflint.values.constraint import Constraint
from perflint.values.messages import unparseable
from perflint.values.parser import read
from perflint.values.reader import ReadError
from perflint.values.relative import read_relative
from perflint.values.units import lookup, suggest
from perflint.values.vocabulary import is_vague_prose, marker_reason, read_phrase

_COMPARATORS = "≥≤><=≈~"
_SEPARATORS = re.compile(r"[,;、]")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_NUMERALS = "零〇一二两三四五六七八九十百千"
_MIXED = re.compile(rf"[{_NUMERALS}]+\d+(?:\.\d+)?|\d+[{_NUMERALS}]+")
_NUMERAL_ONLY = re.compile(rf"[{_NUMERALS}]+")
_DIGIT = re.compile(r"\d")
# Indicator names that leak into the value are short; longer prefixes are prose.
_MAX_LABEL = 16
_GARBLED_GE = "》"
# Marks in front of or after a value (★≥95%: a template's "required" star, ※, ▲): the value is read
# and the marks kept in remark, for the template-residue rule to report.
_MARKS = "★☆※▲△●○◆◇■□◎"


def _attempt(raw: str, text: str) -> Optional[Constraint]:
    """The reading of `text` when it parses as it stands."""
    if not text:
        return None
    try:
        found = read_relative(raw, text, read)
        return found if found is not None else Constraint(input=raw, **read(text))
    except ReadError:
        return None


def _with_remark(found: Constraint, remark: str, before: bool) -> Constraint:
    parts = [remark, found.remark] if before else [found.remark, remark]
    return found.model_copy(update={"remark": "；".join(p for p in parts if p)})


def _error_pos(text: str) -> int:
    try:
        read(text)
    except ReadError as error:
        return error.pos if error.pos is not None else len(text)
    return len(text)


def _salvage(raw: str, text: str, pos: int) -> Optional[Constraint]:
    """A reading after stripping a stray %, a trailing verb or a leading indicator name."""
    if len(text) > 1 and text[0] == "%" and text[1] in _COMPARATORS:
        found = _attempt(raw, text[1:])
        if found is not None and found.is_numeric:
            return _with_remark(found, "%", before=True)
    if 0 < pos < len(text) and _CJK_ONLY.fullmatch(text[pos:]):
        found = _attempt(raw, text[:pos])
        if found is not None:
            return _with_remark(found, text[pos:], before=False)
    for end in range(1, min(len(text) - 1, _MAX_LABEL) + 1):
        label = text[:end]
        if not _CJK_ONLY.fullmatch(label):
            break
        if _NUMERAL_ONLY.fullmatch(label):
            continue
        found = _attempt(raw, text[end:])
        if found is not None and found.kind in ("quantity", "percent", "range", "relative"):
            return _with_remark(found, label, before=True)
    return None


def _unmarked(raw: str, text: str) -> Optional[Constraint]:
    """The value inside decoration marks (★≥95%, ≥95%※), the marks in remark."""
    bare = text.strip(_MARKS)
    if bare == text or not bare:
        return None
    found = _lenient(raw, bare)
    if found is None or found.kind == "unparseable":
        return None
    lead, trail = text[:text.index(bare)], text[text.index(bare) + len(bare):]
    if lead:
        found = _with_remark(found, lead, before=True)
    return _with_remark(found, trail, before=False) if trail else found


def _lenient(raw: str, text: str) -> Optional[Constraint]:
    return _attempt(raw, text) or _salvage(raw, text, _error_pos(text))


def _multiple(raw: str, text: str, pos: int) -> Optional[Constraint]:
    """Two targets in one cell: split at a separator, or where the first value ends."""
    parts = [p for p in _SEPARATORS.split(text) if p]
    if len(parts) > 1 and all(_lenient(raw, p) for p in parts):
        return unparseable(raw, "multiple", first=parts[0], second=parts[1])
    if 0 < pos < len(text):
        head, rest = text[:pos], text[pos:].lstrip(",;、 ")
        if rest and _lenient(raw, head) and _lenient(raw, rest):
            return unparseable(raw, "multiple", first=head, second=rest)
    return None


def _unit_problem(raw: str, unit: str) -> Constraint:
    meant = suggest(unit)
    if meant is not None:
        hint_zh, hint_en = f"（是否应为“{meant.name}”？）", f" (did you mean {meant.name}?)"
    else:
        hint_zh = hint_en = ""
    return unparseable(raw, "unit", unit=unit, hint_zh=hint_zh, hint_en=hint_en)


def recover(raw: str, text: str, error: ReadError) -> Constraint:
    """The best reading of a rejected value, or the diagnosis of what is wrong with it."""
    if error.key == "unit":
        return _unit_problem(raw, error.fields["unit"])
    if error.key not in ("unreadable", "prose"):
        return unparseable(raw, error.key, **error.fields)
    reason = marker_reason(text)
    if reason is not None:
        return unparseable(raw, reason)
    found = read_phrase(raw, text) or _unmarked(raw, text)
    if found is not None:
        return found
    if error.key == "prose":
        return Constraint(input=raw, kind="vague") if is_vague_prose(text) else unparseable(raw, "unreadable")
    mixed = _MIXED.search(text)
    if mixed:
        return unparseable(raw, "mixed-numerals", part=mixed.group(0))
    if text.startswith(_GARBLED_GE):
        rest = text[len(_GARBLED_GE):]
        if not rest or lookup(rest):
            return unparseable(raw, "missing-number-garbled")
        if _attempt(raw, "≥" + rest):
            return unparseable(raw, "garbled", fix="≥" + rest)
    pos = error.pos if error.pos is not None else len(text)
    found = _salvage(raw, text, pos)
    if found is not None:
        return found
    if 0 < pos < len(text) and text[pos:] in _COMPARATORS and text[0] not in _COMPARATORS and _attempt(raw, text[:pos]):
        return unparseable(raw, "comparator-after", fix=text[pos:] + text[:pos])
    found = _multiple(raw, text, pos)
    if found is not None:
        return found
    bare = text.lstrip(_COMPARATORS)
    if _DIGIT.search(text) is None and (not bare or lookup(bare)):
        return unparseable(raw, "missing-number")
    if is_vague_prose(text):
        return Constraint(input=raw, kind="vague")
    return unparseable(raw, "unreadable")
