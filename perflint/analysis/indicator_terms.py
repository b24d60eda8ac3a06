"""What an indicator means, read from its levels and its name: what the indicator-meaning rules
(group B) share. Their vocabulary is data, in indicator_lexicon.yaml."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from perflint.load.model import Indicator
from perflint.analysis.data import load_data
from perflint.analysis.hierarchy import level2_of, simplified
from perflint.analysis.reading import PERCENT_UNITS, is_cost, text
from perflint.values.constraint import Constraint
from perflint.values.units import Unit, lookup

# An amount of money written inside a sentence (按800元/人的标准发放): the row does state a cost.
_MONEY_IN_TEXT = re.compile(r"[0-9０-９.]+\s*[万亿千百]?元")


def lexicon() -> dict:
    return load_data("indicator_lexicon.yaml")


def first_of(name: str, words: Iterable[str]) -> Optional[str]:
    """The first of `words` found in `name`, or None."""
    return next((word for word in words if word in name), None)


def value_unit(constraint: Constraint) -> Optional[Unit]:
    return lookup(constraint.unit) if constraint.unit else None


def is_percent(constraint: Constraint) -> bool:
    return constraint.kind in ("percent", "range") and constraint.unit in PERCENT_UNITS


# --- what the name says --------------------------------------------------------------------------

def negative_event(name: str) -> Optional[str]:
    """The adverse event a name counts (事故, 差错率 …), unless it measures their handling or absence."""
    words = lexicon()["negative_events"]
    term = first_of(name, words["terms"])
    if term is None or first_of(name, words["inverted_by"]):
        return None
    return term


def execution_rate(name: str) -> Optional[str]:
    """The money-flow term of a name (预算执行率, 资金到位率 …), or None."""
    words = lexicon()["execution_rates"]
    term = first_of(name, words["terms"])
    if term is None and first_of(name, words["money"]):
        term = first_of(name, words["flows"])
    return term


def names_input(name: str) -> bool:
    """A name counting an input (人员经费, 保障在职人员人数 …) rather than an output."""
    words = lexicon()["inputs"]
    if first_of(name, words["terms"]):
        return True
    return bool(words["guarantee"] in name and first_of(name, words["headcount"]) and first_of(name, words["staff"])
                and not first_of(name, words["beneficiaries"]))


def is_full_compliance(name: str) -> bool:
    """A rate the rules require in full: a payment's (足额发放率, 补助发放准确率, 政策兑现率 …) or the
    acceptance of works paid for (维修工程验收合格率)."""
    words = lexicon()["full_compliance"]
    name = simplified(name)
    return bool(first_of(name, words["terms"]) and first_of(name, words["payments"])
                or first_of(name, words["acceptance"]))


@lru_cache(maxsize=1)
def _time_limits() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(pattern) for pattern in lexicon()["time_limits"])


def states_time_limit(*texts: Optional[str]) -> bool:
    """Whether any text names a time limit: a date, a turnaround time or a schedule."""
    return any(pattern.search(text(t)) for t in texts for pattern in _time_limits())


def mentions_time(*texts: Optional[str]) -> bool:
    """Whether any text uses a word of time (及时, 按时, 进度, 工期 …), with or without a limit."""
    words = lexicon()["level2_cues"]["time_words"]
    return any(word in text(t) for t in texts for word in words)


# --- cost rows -----------------------------------------------------------------------------------

def is_side_cost(indicator: Indicator) -> bool:
    """社会成本 / 生态环境成本 (2021): side effects, which may be physical quantities or 无."""
    level2 = level2_of(indicator)
    return "社会成本" in level2 or "生态" in level2 or "环境成本" in level2


def _states_money(constraint: Constraint) -> bool:
    unit = value_unit(constraint)
    return ((unit is not None and unit.dimension == "money") or bool(_MONEY_IN_TEXT.search(constraint.input))
            or money_without_yuan(constraint))


def money_without_yuan(constraint: Constraint) -> bool:
    """An amount whose 元 was left out: ≤380万, ≤620万/月 (in a cost row, 万 is 万元)."""
    unit = constraint.unit or ""
    return constraint.number is not None and (unit in ("万", "亿") or unit.startswith(("万/", "亿/")))


def cost_without_money(indicator: Indicator) -> bool:
    """A cost row whose target is no amount of money: a rate, a count, 是, a date, a sentence, or a
    phrase (不超预算, 全额保障) — in a cost row the missing amount is the defect, not the vagueness.

    Values other rules own are left to them: empty or placeholder values and a bare number with no
    unit at all.
    """
    if not is_cost(indicator):
        return False
    constraint = indicator.constraint
    if _states_money(constraint):
        return False
    if constraint.kind == "quantity":
        return constraint.unit is not None
    if constraint.kind == "unparseable":
        return constraint.reason in ("syntax", "multiple")
    if constraint.kind == "relative":
        return not constraint.number
    return constraint.kind in ("percent", "range", "boolean", "graded", "deadline", "vague")


def side_cost_without_cost(indicator: Indicator) -> bool:
    """A 社会成本/生态环境成本 row whose target describes no cost: a rate to reach (100%), 是,
    a grade, a date or a sentence. Physical quantities (占用耕地 ≤5亩), ceilings (≤1%) and 无/未造成
    state a cost, or its absence."""
    if not cost_without_money(indicator):
        return False
    constraint = indicator.constraint
    if is_percent(constraint):
        return constraint.op not in ("<=", "<")
    if constraint.kind == "boolean":
        return bool(constraint.value)
    if constraint.kind == "unparseable":
        return not constraint.input.strip().startswith(tuple(lexicon()["no_side_cost"]))
    return constraint.kind in ("graded", "deadline")
