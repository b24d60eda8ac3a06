"""The unit table (grammar/units.yaml): canonical names, aliases, dimensions and scales.

Simple units come from the table; 万/亿 … prefixes and A/B·C compounds are composed from it, so
万人次, 万㎡ and 元/人·天 need no entry of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from perflint.values.data import load_yaml

# Longest unit text split_known_prefix tries; real units are far shorter.
_MAX_UNIT_LEN = 16


@dataclass(frozen=True)
class Unit:
    name: str  # canonical text, e.g. "万元/人", "平方米", "%", "元/人·天"
    dimension: str  # of the numerator: "money", "count", "area", "ratio", ...
    scale: Decimal  # numerator scale to its base: 万元 → Decimal(10000), 元 → 1
    base: str  # numerator base unit: 万元/人 → "元"; 万人次 → "人次"
    per: tuple[str, ...] = ()  # denominator parts, canonical: "元/人·天" → ("人", "天")


@dataclass(frozen=True)
class _Table:
    simple: dict[str, Unit]  # canonical names and aliases
    prefixes: dict[str, Decimal]  # longest first
    per_only: frozenset[str]
    names: tuple[str, ...]
    not_units: frozenset[str]  # words that start with a unit spelling (方案, 部门)
    not_unit_lengths: tuple[int, ...]
    folded: dict[str, Unit]  # case-folded spellings: KM, Km → 公里


@lru_cache(maxsize=None)
def _table() -> _Table:
    data = load_yaml("units.yaml")
    simple: dict[str, Unit] = {}
    for entry in data["units"]:
        name = entry["name"]
        unit = Unit(name, entry["dimension"], Decimal(1), name)
        for text in (name, *entry.get("aliases", ())):
            if text in simple:
                raise ValueError(f"units.yaml: {text!r} is defined twice")
            simple[text] = unit
    prefixes = {p: Decimal(str(s)) for p, s in sorted(data["scale_prefixes"].items(), key=lambda kv: -len(kv[0]))}
    not_units = frozenset(data.get("not_units", ()))
    folded: dict[str, Unit] = {}
    for text, unit in simple.items():
        folded.setdefault(text.casefold(), unit)
    return _Table(simple, prefixes, frozenset(data.get("per_only", ())), tuple(e["name"] for e in data["units"]),
                  not_units, tuple(sorted({len(w) for w in not_units})), folded)


def _scaled(text: str) -> Optional[Unit]:
    """A table unit, or a scale prefix plus a table unit (万人次)."""
    table = _table()
    unit = table.simple.get(text)
    if unit is not None:
        return unit
    for prefix, factor in table.prefixes.items():
        if text.startswith(prefix):
            inner = table.simple.get(text[len(prefix):])
            if inner is not None:
                return Unit(prefix + inner.name, inner.dimension, factor, inner.name)
    return None


def _per_part(text: str) -> Optional[str]:
    if text in _table().per_only:
        return text
    unit = _scaled(text)
    return None if unit is None else unit.name


@lru_cache(maxsize=2048)
def lookup(text: str) -> Optional[Unit]:
    """The unit written as `text` (canonical name or alias, simple or compound), or None."""
    unit = _scaled(text)
    if unit is not None or "/" not in text:
        return unit
    head, _, tail = text.partition("/")
    numerator = _scaled(head)
    if numerator is None:
        return None
    per = []
    for part in tail.replace("/", "·").split("·"):
        name = _per_part(part)
        if name is None:
            return None
        per.append(name)
    return Unit(f"{numerator.name}/{'·'.join(per)}", numerator.dimension, numerator.scale, numerator.base, tuple(per))


def split_known_prefix(text: str) -> tuple[Optional[Unit], str]:
    """The longest known unit at the start of `text`, and the rest (份资料 → 份, 资料).

    A unit never ends inside a longer word that is not one: 方案 is not 方 (立方米) + 案.
    """
    for end in range(min(len(text), _MAX_UNIT_LEN), 0, -1):
        unit = lookup(text[:end])
        if unit is not None:
            if end < len(text) and _cuts_word(text, end):
                continue
            return unit, text[end:]
    return None, text


def _cuts_word(text: str, end: int) -> bool:
    """A word that is no unit (方案, 部门: units.yaml not_units) runs across position `end` of `text`."""
    table = _table()
    for length in table.not_unit_lengths:
        for start in range(max(0, end - length + 1), end):
            if text[start:start + length] in table.not_units:
                return True
    return False


def suggest(text: str) -> Optional[Unit]:
    """The unit a misspelt unit most likely means: KM, Km → 公里; KG → 公斤; M → 米; None if none."""
    unit = lookup(text)
    if unit is not None:
        return unit
    table = _table()
    import difflib

    # An exact case-folded spelling (KM → km) scores 1.0, so it is always the closest match.
    close = difflib.get_close_matches(text.casefold(), list(table.folded), n=1, cutoff=0.5)
    return table.folded[close[0]] if close else None


def is_scale_prefix(text: str) -> bool:
    """万, 亿 …: a scale written on its own (10万-20万元)."""
    return text in _table().prefixes


def known_units() -> list[str]:
    """Canonical names of the table's units, for "did you mean" suggestions."""
    return list(_table().names)


BRACKETED_TAIL = re.compile(r"\s*[（(]([^（）()]*)[）)]\s*$")  # 培训人数（人）: the unit or a note


def bracketed_unit(name: Optional[str]) -> Optional[str]:
    """The unit written in brackets after an indicator's name (培训人数（人）, 面积(亩)), if it is one."""
    match = BRACKETED_TAIL.search((name or "").strip())
    if match is None:
        return None
    unit = lookup(match.group(1).strip())
    return unit.name if unit is not None else None
