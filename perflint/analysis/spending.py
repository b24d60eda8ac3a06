"""Reading the checkpoints of a 资金支出计划 (cumulative percent spent by a month's end)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

_MONTH = re.compile(r"^\s*(\d{1,2})\s*月")
_YEAR_END_WORDS = ("年底", "年末", "全年")


def month_of(label: str) -> Optional[int]:
    """12 for 12月底 / 12月末 / 年底; None for a label that names no month."""
    match = _MONTH.match(label)
    if match:
        month = int(match.group(1))
        return month if 1 <= month <= 12 else None
    return 12 if any(word in label for word in _YEAR_END_WORDS) else None


def year_end(plan: dict[str, Optional[Decimal]]) -> Optional[str]:
    """The label of the year-end checkpoint, if the plan has one."""
    for label in plan:
        if month_of(label) == 12:
            return label
    return None


def checkpoints(plan: dict[str, Optional[Decimal]]) -> list[tuple[int, str, Decimal]]:
    """(month, label, percent) for each filled checkpoint, in calendar order."""
    points = [(month_of(label), label, value) for label, value in plan.items() if value is not None]
    return sorted((m, label, v) for m, label, v in points if m is not None)
