"""Calendar dates written in 指标值 (2026年12月31日, 12月底, 三季度末, 2025.12.31) as ISO-like text.

A date without a year is in the budget year, written XXXX. A date that names the end of a period
(年底, 12月底, 三季度末, 上半年, a bare year) is read as "by that day".

Two further forms of the `date` field:

- a span of dates is written start/end, as an ISO 8601 interval, each end at the precision written:
  2025年1月-12月 → 2025-01/2025-12, 2025年-2026年 → 2025/2026;
- a recurring date writes the repeating part as XX: 每月10日 → XXXX-XX-10 (the 10th of every month,
  period 月); 每年6月底 → XXXX-06-30 (period 年).
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
_NUMERIC = re.compile(r"(?P<year>\d{4})[-./](?P<month>\d{1,2})(?:[-./](?P<day>\d{1,2}))?(?P<end>[底末])?")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}
_MONTHLY = re.compile(r"(?:每个?|按)月的?(?P<day>\d{1,2}|[一二三四五六七八九十]{1,3})[日号]")
_YEARLY = re.compile(r"每年度?的?(?P<date>.+)")


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


def read_span_end(text: str) -> str:
    """One end of a span of dates, at the precision written: 2025年 → 2025 (not its last day)."""
    found = _CHINESE.fullmatch(text)
    if found is not None and found["year"] and not any(
            found[part] for part in ("month", "quarter", "half", "end")):
        return found["year"]
    return read_date(text).date


def read_recurring(text: str) -> tuple[DatePoint, str]:
    """A RECUR token (每月10日, 每年6月底): the date with XX for what repeats, and the period."""
    found = _MONTHLY.fullmatch(text)
    if found is not None:
        day = found["day"]
        day = int(day) if day.isdigit() else chinese_to_int(day)
        if not 1 <= day <= 31:
            raise ValueError(text)
        return DatePoint(f"{IMPLIED_YEAR}-XX-{day:02d}", False), "月"
    found = _YEARLY.fullmatch(text)
    if found is None:
        raise ValueError(text)
    return read_date(found["date"]), "年"


def _last_day(year, month: int) -> int:
    return calendar.monthrange(year or _COMMON_YEAR, month)[1]
