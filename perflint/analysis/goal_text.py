"""Whether a goal text can be assessed: what it commits to in numbers, dates or counted outputs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional

from perflint.analysis.commitments import extract, lexicon
from perflint.analysis.indicator_terms import states_time_limit
from perflint.analysis.reading import text
from perflint.load.model import Document
from perflint.text import Text
from perflint.values.units import lookup


class GoalText(NamedTuple):
    pointer: str
    place: Text
    text: str


def goal_texts(document: Document) -> Iterator[GoalText]:
    """Each goal a reviewer reads as one: a project's annual goals together, its midterm goals together,
    and the department's overall and annual goals."""
    for project in document.projects:
        for field, zh, en in (("goals", "年度绩效目标", "annual goal"), ("midterm_goals", "中期绩效目标", "midterm goal")):
            joined = "；".join(text(goal) for goal in getattr(project, field) if text(goal))
            if joined:
                place = Text(f"项目“{project.name}”的{zh}", f"The {en} of project {project.name!r}")
                yield GoalText(project.at(field), place, joined)
    overall = document.overall
    if overall is not None:
        for field, zh, en in (("goal", "部门总体绩效目标", "department's overall goal"),
                              ("annual_goal", "部门年度绩效目标", "department's annual goal")):
            if text(getattr(overall, field)):
                yield GoalText(overall.at(field), Text(zh, f"The {en}"), text(getattr(overall, field)))


@lru_cache(maxsize=1)
def _counted() -> re.Pattern:
    # 开设田间实训班二十期, 新建三所学校: a count in Chinese numerals, which the prose reader leaves out.
    return re.compile(r"[一二两三四五六七八九十百千万]+\s*(" + "|".join(lexicon()["goal_text"]["measure_words"]) + ")")


def is_measurable(goal: str) -> bool:
    """A goal that commits to something checkable: a number with a unit, a rate, a deadline or a count."""
    return bool(extract(goal)) or states_time_limit(goal) or bool(_counted().search(goal))


def inputs_only(goal: str) -> Optional[list[str]]:
    """The commitments of a goal that only lists what is spent (聘用人员1人, 出差8人, 预算总金额3万元), or None
    when it commits to some output or effect."""
    found = extract(goal)
    if not found:
        return None
    words = lexicon()["goal_text"]["inputs"]
    for commitment in found:
        unit = lookup(commitment.constraint.unit or "")
        spent = unit is not None and unit.dimension == "money"
        if not spent and not any(word in commitment.metric for word in words):
            return None
    return [c.text for c in found]
