"""Typed readings of 指标值 (indicator value) strings.

    >>> parse_value("≥2000份").number
    Decimal('2000')

Importing this package does not import lark; the grammar is built on the first parse.
"""

from __future__ import annotations

from functools import lru_cache

from perflint.values.constraint import Constraint
from perflint.values.messages import unparseable

__all__ = ["Constraint", "parse_value"]

# A 指标值 is a short cell; anything longer is a paragraph pasted into the wrong column. Such
# text is not memoised, so a few huge cells cannot pin memory through the cache.
MAX_CELL = 200


def parse_value(text: str) -> Constraint:
    """The constraint `text` expresses; never raises: unreadable text is kind "unparseable"."""
    if isinstance(text, str) and len(text) <= MAX_CELL:
        return _memo(text)
    return _read(text)


@lru_cache(maxsize=2048)
def _memo(text: str) -> Constraint:
    return _read(text)


def _read(text: object) -> Constraint:
    raw = text if isinstance(text, str) else str(text)
    if len(raw) > MAX_CELL:
        return unparseable(raw, "too-long", length=str(len(raw)))
    from perflint.values.classify import classify

    try:
        return classify(raw)
    except Exception:  # noqa: BLE001 — one odd cell must not abort a lint run; say so instead
        return unparseable(raw, "unreadable")
