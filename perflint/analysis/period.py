"""How long a project runs, from its 项目期 / 实施期 as written."""

from __future__ import annotations

import re
from typing import Optional

from perflint.load.model import Project

# 2026年1月, 2026.01, 2026-01, or a bare year (2026-2028年): the month must not swallow the next year.
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})\s*(?:年|[.\-/])?\s*(?:(\d{1,2})(?!\d)\s*月?)?")
_LENGTH = re.compile(r"(?:项目期|实施期)?\s*([0-9]{1,2}|[一二两三四五六七八九十]+)\s*(个月|年)期?")
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    if token.startswith("十"):
        return 10 + _NUMERALS[token[1]]
    if token.endswith("十"):
        return _NUMERALS[token[0]] * 10
    return _NUMERALS[token[0]] * 10 + _NUMERALS[token[-1]] if len(token) == 3 else _NUMERALS[token]


def period_months(period: str) -> Optional[int]:
    """How many months a 项目期 spans: 3年 → 36, 2026年1月—2028年12月 → 36, 2026年 → 12; None if unreadable."""
    period = period.strip()
    length = _LENGTH.fullmatch(period)
    if length:
        months = _number(length.group(1))
        return months * 12 if length.group(2) == "年" else months
    points = [(int(y), int(m) if m and 1 <= int(m) <= 12 else None) for y, m in _YEAR_MONTH.findall(period)]
    if not points:
        return None
    (start_year, start_month), (end_year, end_month) = points[0], points[-1]
    return (end_year - start_year) * 12 + (end_month or 12) - (start_month or 1) + 1


def runs_over_a_year(project: Project) -> bool:
    months = period_months((project.period or "").strip())
    return months is not None and months > 12
