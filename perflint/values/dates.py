"""Calendar dates written in 指标值 (2026年12月31日, 12月底, 三季度末, 2025.12.31) as ISO-like text.

A date without a year is in the budget year, written XXXX. A date that names the end of a period
(年底, 12月底, 三季度末, 上半年, a bare year) is read as "by that day".
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from perflint.values.numerals import chinese_to_int

IMPLIED_YEAR = "XXXX"
# Day-of-month checks when the year is implied: a leap year, so 2月29日 is allowed.
_LEAP_YEAR = 2024
# Last day of a month when the year is implied: a common year (2月底 → 02-28).
_COMMON_YEAR = 2023

_CHINESE = re.compile(
    r"(?:(?P<year>\d{4})|[本当今])?(?:年度?)?"
    r"(?:(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(?:(?P<day>\d{1,2})[日号])?"
    r"|第?(?P<quarter>[一二三四1-4])季度"
    r"|(?P<half>[上下])半年)?"
    r"(?P<end>[底末])?"
)
_NUMERIC = re.compile(r"(?P<year>\d{4})[-./](?P<month>\d{1,2})(?:[-./](?P<day>\d{1,2}))?")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}


class DatePoint(NamedTuple):
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY-Qn, XXXX for the budget year
    by_end: bool  # the text names the end of a period: read as "on or before"


def read_date(text: str) -> DatePoint:
    """Decode a YDATE/MDATE token; ValueError for a day that does not exist (2月30日)."""
    found = _NUMERIC.fullmatch(text) or _CHINESE.fullmatch(text)
    if found is None:
        raise ValueError(text)
    parts = found.groupdict()
    year = parts["year"] or IMPLIED_YEAR
    calendar_year = int(parts["year"]) if parts["year"] else None
    by_end = bool(parts.get("end"))
    if parts["month"]:
        month = int(parts["month"]) if parts["month"].isdigit() else chinese_to_int(parts["month"])
        if not 1 <= month <= 12:
            raise ValueError(text)
        if parts["day"]:
            day = int(parts["day"])
            if not 1 <= day <= calendar.monthrange(calendar_year or _LEAP_YEAR, month)[1]:
                raise ValueError(text)
            return DatePoint(f"{year}-{month:02d}-{day:02d}", False)
        if by_end:
            return DatePoint(f"{year}-{month:02d}-{_last_day(calendar_year, month):02d}", True)
        return DatePoint(f"{year}-{month:02d}", False)
    if parts.get("quarter"):
        quarter = _QUARTERS.get(parts["quarter"]) or int(parts["quarter"])
        if by_end:
            month = quarter * 3
            return DatePoint(f"{year}-{month:02d}-{_last_day(calendar_year, month):02d}", True)
        return DatePoint(f"{year}-Q{quarter}", False)
    if parts.get("half") == "上":
        return DatePoint(f"{year}-06-30", True)
    # 下半年, 年底, 年内, 本年度, 2025年: the year's last day.
    return DatePoint(f"{year}-12-31", True)


def _last_day(year, month: int) -> int:
    return calendar.monthrange(year or _COMMON_YEAR, month)[1]
