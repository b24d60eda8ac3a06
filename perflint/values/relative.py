"""Targets set against a baseline: 较上年提高5%, 同比下降, 不低于上年, 控制在预算范围内.

The word lists are data (vocabulary.yaml, `relative`); the amount after the verb is read by the
value grammar. The number is the signed change from the baseline, 0 when only a direction is
given (较上年提高 → > 0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from perflint.values.constraint import Constraint
from perflint.values.reader import ReadError
from perflint.values.vocabulary import alternation, vocabulary

_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_MIRROR = {">=": "<=", "<=": ">=", ">": "<", "<": ">", "=": "=", "~": "~"}
_DIRECTION_ONLY = {"up": ">", "down": "<", "same": "="}


@dataclass(frozen=True)
class _Patterns:
    change: re.Pattern  # (较上年)(进一步)提高(5%)
    compare: re.Pattern  # 不低于上年(水平)
    within: re.Pattern  # (控制在)预算范围内
    implied: dict[str, str]  # 同比 → 同期
    verbs: dict[str, str]  # 提高 → up
    comparators: dict[str, str]


@lru_cache(maxsize=None)
def _patterns() -> _Patterns:
    data = vocabulary().relative
    # A named year is a baseline too: 较2024年提高5%.
    base = rf"(?:{alternation(data['baselines'])}|(?:19|20)\d\d年度?)"
    prefix = alternation(data["prefixes"])
    suffix = alternation(data["suffixes"])
    verbs = {verb: way for way in ("up", "down", "same") for verb in data[way]}
    modifiers = alternation(data["modifiers"])
    change = (
        rf"(?:(?:{prefix})(?P<base>{base})(?:{suffix})?"
        rf"|(?P<implied>{alternation(data['implied'])})"
        rf"|在?(?P<ground>{base})的?基础上)?"
        rf"(?:{modifiers})*(?P<verb>{alternation(verbs)})(?P<rest>.*)"
    )
    compare = rf"(?P<cmp>{alternation(data['comparators'])})(?:{prefix})?(?P<base>{base})(?:{suffix})?"
    within = rf"(?:{alternation(data['within_leads'])})?(?P<base>{base})(?:范围)?[以之]?内(?:完成)?"
    return _Patterns(re.compile(change), re.compile(compare), re.compile(within), dict(data["implied"]), verbs,
                     dict(data["comparators"]))


def read_relative(raw: str, text: str, read: Callable[[str], dict]) -> Optional[Constraint]:
    """The baseline reading of `text`, or None when it is not a baseline phrase.

    `read` parses the amount after the verb (the value grammar).
    """
    patterns = _patterns()
    found = patterns.within.fullmatch(text)
    if found:
        return Constraint(input=raw, kind="relative", op="<=", number=0, baseline=found["base"])
    found = patterns.compare.fullmatch(text)
    if found:
        return Constraint(input=raw, kind="relative", op=patterns.comparators[found["cmp"]], number=0,
                          baseline=found["base"])
    found = patterns.change.fullmatch(text)
    if not found:
        return None
    baseline = found["base"] or found["ground"] or patterns.implied.get(found["implied"] or "")
    way = patterns.verbs[found["verb"]]
    rest = found["rest"]
    if not rest:
        if baseline is None:
            return None  # a bare 提高 is a vague word, not a baseline target
        return Constraint(input=raw, kind="relative", op=_DIRECTION_ONLY[way], number=0, baseline=baseline)
    if way == "same":
        return None
    try:
        amount = read(rest)
    except ReadError:
        if baseline is not None and _CJK_ONLY.fullmatch(rest):
            # 较上年提高服务水平: the direction is there, the object is a remark.
            return Constraint(input=raw, kind="relative", op=_DIRECTION_ONLY[way], number=0, baseline=baseline,
                              remark=rest)
        return None
    if amount["kind"] not in ("quantity", "percent", "range"):
        return None
    return _change(raw, amount, way, baseline)


def _change(raw: str, amount: dict, way: str, baseline: Optional[str]) -> Constraint:
    """提高5% → ≥ +5, 下降5% → ≤ −5: the written amount as a signed change from the baseline."""
    fields = dict(amount, input=raw, kind="relative", baseline=baseline, implicit_op=False)
    if "low" in amount:
        low, high = amount["low"], amount["high"]
        if way == "down":
            low, high = -high, -low
        fields.update(low=low, high=high)
        return Constraint(**fields)
    # A bare amount after 提高 means "by at least that much".
    op = ">=" if amount["implicit_op"] else amount["op"]
    number = amount["number"]
    if way == "down":
        op, number = _MIRROR[op], -number if number else number
    fields.update(op=op, number=number)
    return Constraint(**fields)
