"""Turns the value grammar's parse into Constraint fields (Lark inline transformer).

Lark calls each method with the rule's children already transformed; the result of `start` is a
dict of Constraint fields without `input`. Problems that the grammar cannot see (a unit that is
not one, 2月30日, ≥95%以下) raise ReadError with a messages.py key.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple, Optional

from perflint.values.dates import IMPLIED_YEAR, read_date, read_recurring, read_span_end
from perflint.values.numerals import chinese_to_int
from perflint.values.units import is_scale_prefix, lookup, split_known_prefix

_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
# A unit the table does not know, kept as written for the unit rules to name the standard spelling:
# Latin letters (M, KM, Km, KG, T, M², KWH), perhaps scaled (万M) or per something (元/KM), or a
# compound of words (元/单位). A bare unknown word after an Arabic number (隻) is kept too.
_OPEN_UNIT = re.compile(r"(?:十万|百万|千万|万|千|亿)?[A-Za-z]+[²³]?(?:/[A-Za-z\u4e00-\u9fff]+[²³]?)*"
                         r"|[\u4e00-\u9fff]+(?:/[A-Za-z\u4e00-\u9fff]+[²³]?)+")
_CLOCK = re.compile(r"(?P<hour>\d{1,2})(?:[时点](?:(?P<min>\d{1,2})分)?|:(?P<minute>\d\d))")
_DIGITS_BACK = str.maketrans("²³", "23")
_DUE_WORD = re.compile(r"[以之]?[前内]$")
_LOWER = (">=", ">")
_UPPER = ("<=", "<")
_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "~": "约"}


class ReadError(Exception):
    """A value the grammar or its reader rejects; `key` names the message in messages.py.

    `pos` is where the grammar stopped reading (syntax errors only).
    """

    def __init__(self, key: str, pos: Optional[int] = None, **fields: str):
        super().__init__(key)
        self.key, self.pos, self.fields = key, pos, fields


class Op(NamedTuple):
    op: str
    soft: bool  # 达到/控制在/为: a following 以上/以下 decides the direction


# The grammar's comparator terminals, by name.
_LEADS = {
    "GE": Op(">=", False), "LE": Op("<=", False), "GT": Op(">", False), "LT": Op("<", False),
    "EQ": Op("=", False), "APPROX": Op("~", False),
    "SOFT_GE": Op(">=", True), "SOFT_LE": Op("<=", True), "SOFT_EQ": Op("=", True),
}
_POSTS = {"POST_GE": ">=", "POST_LE": "<=", "POST_APPROX": "~"}


class Amount(NamedTuple):
    number: Decimal
    unit: Optional[str]
    remark: Optional[str]  # text after a known unit (100%完成 → 完成)


def _direction(op: str) -> str:
    return "up" if op in _LOWER else "down" if op in _UPPER else op


def _combine(lead_token, post: Optional[tuple[str, str]]) -> tuple[str, bool]:
    """The comparator from a lead (≥, 不低于, 达到) and a post word (以上, 以内); and whether implicit."""
    lead = None if lead_token is None else _LEADS[lead_token.type]
    if post is None:
        return ("=", True) if lead is None else (lead.op, False)
    post_op, post_word = post
    if lead is None or lead.soft or lead.op == "~":
        return post_op, False
    if _direction(lead.op) == _direction(post_op):
        return lead.op, False
    raise ReadError("conflict", first=str(lead_token), second=post_word)


def _show(fields: dict) -> str:
    symbol = "" if fields["implicit_op"] else _SYMBOLS[fields["op"]]
    return f"{symbol}{fields['number']}{fields['unit'] or ''}"


def _remarks(*parts: Optional[str]) -> Optional[str]:
    kept = [p for p in parts if p]
    return "；".join(kept) if kept else None


def _number(numeral) -> Decimal:
    try:
        return Decimal(chinese_to_int(str(numeral)))
    except ValueError:
        raise ReadError("numeral", part=str(numeral)) from None


def _unit(text: Optional[str], chinese: bool) -> tuple[Optional[str], Optional[str]]:
    """Canonical unit and trailing remark for a UNIT token."""
    if text is None:
        return None, None
    text = str(text)
    unit = lookup(text)
    if unit is not None:
        return unit.name, None
    if is_scale_prefix(text):
        return text, None  # 10万-20万元: the scale alone, the unit follows on the other bound
    known, rest = split_known_prefix(text)
    if known is not None and _CJK_ONLY.fullmatch(rest):
        return known.name, rest
    if not chinese and (_OPEN_UNIT.fullmatch(text)
                        or (known is None and _CJK_ONLY.fullmatch(text) and not text.endswith("前"))):
        # The unit list is open (隻, 羽 …) and spellings vary (M for 米, KG): keep an unknown unit as
        # written for the unit rules; units.suggest names the standard one. M2 was made M² by
        # normalize.py so that its 2 is not read as a number: it is given back as typed. 时前 (25时前)
        # is no unit.
        return text.translate(_DIGITS_BACK), None
    # After a Chinese numeral an unknown word is prose (一站式服务), not a unit.
    raise ReadError("prose" if chinese else "unit", unit=text)


def _fields(op: str, implicit: bool, amount: Amount, *remarks: Optional[str]) -> dict:
    return {
        "kind": "percent" if amount.unit == "%" else "quantity",
        "op": op,
        "number": amount.number,
        "unit": amount.unit,
        "implicit_op": implicit,
        "remark": _remarks(amount.remark, *remarks),
    }


def _range_unit(low: Amount, high: Amount) -> Optional[str]:
    if low.unit is None or low.unit == high.unit:
        return high.unit or low.unit
    if high.unit is None:
        return low.unit
    if is_scale_prefix(low.unit) and high.unit.startswith(low.unit):
        return high.unit
    raise ReadError("range-units", low=low.unit, high=high.unit)


def _range(low: Decimal, high: Decimal, unit: Optional[str], *remarks: Optional[str]) -> dict:
    if low > high:
        low, high = high, low  # 95%-90% means the same interval
    return {"kind": "range", "low": low, "high": high, "unit": unit, "remark": _remarks(*remarks)}


class Reader:
    """Callbacks named after the grammar's rules."""

    def start(self, children: list) -> dict:
        before, fields, after = children
        notes = [p[1:-1] for p in (before, after) if p is not None]
        if notes:
            fields["remark"] = _remarks(fields.get("remark"), *notes)
        return fields

    # numbers and units
    def amount(self, children: list) -> Amount:
        number, unit = children
        if unit == "成":
            return Amount(Decimal(number) * 10, "%", None)  # 九成 = 90%: tenths
        return Amount(Decimal(number), *_unit(unit, False))

    def cn_amount(self, children: list) -> Amount:
        numeral, unit = children
        number = _number(numeral)
        if unit == "成":
            return Amount(number * 10, "%", None)
        return Amount(number, *_unit(unit, True))

    def cn_percent(self, children: list) -> Amount:
        (number,) = children
        return Amount(Decimal(number) if number.type == "NUMBER" else _number(number), "%", None)

    # values
    def post(self, children: list) -> tuple[str, str, Optional[str]]:
        word, tail = children
        return _POSTS[word.type], str(word), None if tail is None else str(tail)

    def comparison(self, children: list) -> dict:
        lead, amount, post = children
        if post is None:
            return _fields(*_combine(lead, None), amount)
        op, word, tail = post
        return _fields(*_combine(lead, (op, word)), amount, tail)

    def frequency(self, children: list) -> dict:
        every, fields = children
        period = str(every)[1:]
        if fields["unit"] is None:
            fields["remark"] = _remarks(fields["remark"], str(every))
            return fields
        written = f"{fields['unit']}/{period}"
        unit = lookup(written)
        fields["unit"] = unit.name if unit is not None else written
        return fields

    def span(self, children: list) -> dict:
        lead, low, high = children
        # 在90%-95%之间 and the redundant ≥90%-95% are ranges; ≤90%-95% says nothing sensible.
        if lead is not None and lead.type not in ("GE", "APPROX", "SOFT_GE", "SOFT_LE", "SOFT_EQ"):
            raise ReadError("conflict", first=str(lead), second=f"{low.number}-{high.number}")
        return _range(low.number, high.number, _range_unit(low, high), low.remark, high.remark)

    def tolerance(self, children: list) -> dict:
        (width,) = children
        return _range(-width.number, width.number, width.unit, width.remark)

    def centred(self, children: list) -> dict:
        centre, width = children
        unit = _range_unit(centre, width)
        return _range(centre.number - width.number, centre.number + width.number, unit, centre.remark, width.remark)

    def joined(self, children: list) -> dict:
        first, second = children
        if first["op"] in _UPPER and second["op"] in _LOWER:
            first, second = second, first
        if first["op"] not in _LOWER or second["op"] not in _UPPER:
            raise ReadError("multiple", first=_show(first), second=_show(second))
        if first["number"] > second["number"]:
            raise ReadError("impossible", first=_show(first), second=_show(second))
        if first["unit"] != second["unit"] and None not in (first["unit"], second["unit"]):
            raise ReadError("multiple", first=_show(first), second=_show(second))
        # The bounds' strictness (> vs ≥) is not kept: a range is inclusive.
        return _range(first["number"], second["number"], first["unit"] or second["unit"], first["remark"],
                      second["remark"])

    def deadline(self, children: list) -> dict:
        if len(children) == 4:
            lead, date, due, tail = children
        else:
            (date, due, tail), lead = children, None
        try:
            point = read_date(str(date))
        except ValueError:
            raise ReadError("date", date=str(date)) from None
        event = None
        post = None
        if due is not None:
            event = _DUE_WORD.sub("", str(due)) or None
            post = ("<=", str(due))
        elif point.by_end:
            post = ("<=", str(date))
        op, implicit = _combine(lead, post)
        return {"kind": "deadline", "op": op, "date": point.date, "implicit_op": implicit,
                "remark": _remarks(event, tail)}

    def schedule(self, children: list) -> dict:
        word, due, tail = children
        period = str(word)[1:].rstrip("底末")
        unit = lookup(period) or lookup(period.rstrip("份度"))
        fields = {"kind": "deadline", "period": unit.name if unit is not None else period}
        if due is not None:  # 每季度末前: by the end of each quarter
            fields.update(op="<=", remark=_remarks(_DUE_WORD.sub("", str(due)), tail))
        else:
            fields["remark"] = None if tail is None else str(tail)
        return fields

    def recurring(self, children: list) -> dict:
        word, due, tail = children
        try:
            point, period = read_recurring(str(word))
        except ValueError:
            raise ReadError("date", date=str(word)) from None
        post = ("<=", str(due)) if due is not None else ("<=", str(word)) if point.by_end else None
        op, implicit = _combine(None, post)
        event = None if due is None else _DUE_WORD.sub("", str(due)) or None
        return {"kind": "deadline", "op": op, "date": point.date, "period": period, "implicit_op": implicit,
                "remark": _remarks(event, tail)}

    def clock(self, children: list) -> dict:
        _day, time, due, tail = children
        found = _CLOCK.fullmatch(str(time))
        hour, minute = int(found["hour"]), int(found["min"] or found["minute"] or 0)
        if hour == 24 and minute:  # the CLOCK terminal allows hours 0-24 and minutes 0-59 only
            raise ReadError("date", date=str(time))
        event = _DUE_WORD.sub("", str(due)) or None
        return {"kind": "deadline", "op": "<=", "date": f"{IMPLIED_YEAR}-XX-XXT{hour:02d}:{minute:02d}",
                "period": "日", "remark": _remarks(event, tail)}

    def date_span(self, children: list) -> dict:
        first, second, tail = children
        try:
            start, end = read_span_end(str(first)), read_span_end(str(second))
        except ValueError:
            bad = first if not _valid_date(str(first)) else second
            raise ReadError("date", date=str(bad)) from None
        start_year, end_year = start[:4], end[:4]
        if start_year == IMPLIED_YEAR and end_year != IMPLIED_YEAR:
            start = end_year + start[4:]  # 1月-2026年12月: the year written once
        elif end_year == IMPLIED_YEAR and start_year != IMPLIED_YEAR:
            end = start_year + end[4:]  # 2025年1月-12月
        elif IMPLIED_YEAR not in start and "Q" not in start + end and start[:len(end)] > end[:len(start)]:
            raise ReadError("impossible", first=str(first), second=str(second))
        return {"kind": "deadline", "date": f"{start}/{end}", "remark": None if tail is None else str(tail)}

    def ratio(self, children: list) -> dict:
        lead, first, second, post = children
        if not Decimal(second):
            raise ReadError("unreadable")
        op, implicit = _combine(lead, None if post is None else post[:2])
        # A ratio has no unit; the ratio as written stays in remark.
        return {"kind": "quantity", "op": op, "number": _quotient(Decimal(first), Decimal(second)), "unit": None,
                "implicit_op": implicit, "remark": _remarks(f"{first}:{second}", None if post is None else post[2])}

    def window(self, children: list) -> dict:
        days, hours = children
        week = Decimal(days)
        if (hours.unit != "小时" or week != week.to_integral_value() or not 1 <= week <= 7
                or not 0 < hours.number <= 24):
            raise ReadError("unreadable")
        return {"kind": "quantity", "op": "=", "number": hours.number, "unit": "小时/天", "implicit_op": False,
                "remark": _remarks(f"每周{days}天", hours.remark)}


def _valid_date(text: str) -> bool:
    try:
        read_span_end(text)
    except ValueError:
        return False
    return True


def _quotient(antecedent: Decimal, consequent: Decimal) -> Decimal:
    """1:1 → 1, 3:2 → 1.5, 1:3 → 0.3333 (four places when the quotient does not terminate)."""
    quotient = Fraction(antecedent) / Fraction(consequent)
    number = Decimal(quotient.numerator) / Decimal(quotient.denominator)
    rest = quotient.denominator
    for factor in (2, 5):
        while rest % factor == 0:
            rest //= factor
    return number if rest == 1 else number.quantize(Decimal("0.0001"))

