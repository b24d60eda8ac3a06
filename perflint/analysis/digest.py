"""A document's compact facts for the rules across documents (round and years rules).

Computed once per document, in the worker process that checks it, and carried in its `DocumentResult`
as JSON text (dicts, lists, strings, numbers; Decimals as strings) so that the result cache keeps them
and a cached result serves a later round without the document being read again. Only what those rules
compare is kept — fingerprints of texts, each indicator's target as read, unit costs in 元, the places
findings point to — a few kilobytes per document, never the document itself.

Shape (keys kept short: the facts travel between processes and into the cache for every document):

    {"v": 1, "department": str|None, "dept": normalised department, "year": int|None,
     "lines": whether the source has lines, "quiet": [[line|None, [names]|None], …] (suppressions),
     "places": {pointer: [line, column, end_line, end_column, label|None]},
     "overall": {"at", "key", "len", "text"}|None,          # 总体绩效目标
     "projects": [{"name", "code", "kind", "budget" (元, str)|None,
                   "goal": {"at", "key", "len", "text"}|None, "table": pointer, "names": [key, count]|None,
                   "rows": [{"at", "name", "key", "value", "c": [kind, op, number, unit, baseline]|None,
                             "dir": 1|-1, "sat", "rate", "full", "change", "cost", "cost_per": [per, 元]|None,
                             "note": {"at", "key", "len", "text"}|None, "rel": relative phrase|None}]}]}
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from typing import Optional

from perflint.analysis.indicator_terms import negative_event
from perflint.analysis.reading import (bare_name, budget_in_yuan, is_change_name, is_cost, is_rate_name,
                                       is_satisfaction_name, table_owners, text)
from perflint.analysis.structure import compact
from perflint.analysis.value_text import is_full_percent
from perflint.load.document import LoadedDocument
from perflint.load.model import Indicator, Project
from perflint.values.constraint import Constraint
from perflint.values.units import lookup

VERSION = 1
_EXCERPT = 24  # characters of a text shown in a message beside its fingerprint
# A year (2026年, 2026年度): masked so that a text copied with only its year changed still matches. Only with
# 年: 1950人 is a number, not a year.
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}\s*(?:年度|年)")
# A change on last year stated in a description or note: 较上年增长8%, 比上年提高2个百分点, 比去年增加20人.
RELATIVE_PHRASE = re.compile(r"(?:较|比)(?:上年|去年|上一年度?)(?:同期)?(?:增长|提高|增加|提升|上升|下降|降低|减少)"
                             r"\s*[0-9]+(?:\.[0-9]+)?\s*(?:%|％|个百分点|[^\s，,；;。）)0-9]{1,3})")
WHOLE_KIND = "（部门整体）"


def encode(facts: Optional[dict]) -> Optional[str]:
    """The facts as the compact JSON text a result carries."""
    return None if facts is None else json.dumps(facts, ensure_ascii=False, separators=(",", ":"))


def fingerprint(value: str) -> str:
    """Stands for a text already normalised (`normalised`): 16 hex digits, enough to tell texts apart."""
    return hashlib.blake2b(value.encode("utf-8"), digest_size=8).hexdigest()


def normalised(value: Optional[str]) -> str:
    """A text as the comparisons see it: no whitespace or punctuation, years masked."""
    return compact(_YEAR.sub("〇", text(value)))


def name_key(name: Optional[str]) -> str:
    """An indicator's or project's name as matched across documents and years: 2026年培训人数（人） and
    2025年 培训人数 are the same indicator."""
    return compact(_YEAR.sub("", bare_name(name)))


def excerpt(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= _EXCERPT else value[:_EXCERPT] + "…"


def unit_cost(constraint: Constraint) -> Optional[tuple[str, Decimal]]:
    """A cost per unit in 元 and what it is per, through the unit table: ≤0.126万元/人 → (人, 1260);
    ≤50万元/万人 → (人, 50). None when the target is no amount of money per something."""
    if constraint.kind != "quantity" or constraint.number is None or not constraint.unit:
        return None
    unit = lookup(constraint.unit)
    if unit is None or unit.dimension != "money" or not unit.per:
        return None
    per_scale, per = Decimal(1), []
    for part in unit.per:
        inner = lookup(part)
        if inner is not None:
            per_scale *= inner.scale
            per.append(inner.base)
        else:  # a noun that only follows a slash (元/人·天's 天 is a unit; 元/校 is such a noun)
            per.append(part)
    return "·".join(per), constraint.number * unit.scale / per_scale


def direction(indicator: Indicator) -> int:
    """1 when more is better (≥, or = for a count of outputs), -1 when less is (≤, or an adverse event)."""
    op = indicator.constraint.op
    if op in (">=", ">"):
        return 1
    if op in ("<=", "<"):
        return -1
    if "反向" in text(indicator.direction) or negative_event(text(indicator.name)):
        return -1
    return 1


class _Places:
    def __init__(self, loaded: LoadedDocument) -> None:
        self.source = loaded.source
        self.found: dict[str, list] = {}

    def __call__(self, pointer: str) -> str:
        if pointer not in self.found:
            where = self.source.value(pointer)
            self.found[pointer] = [where.line, where.column, where.end_line, where.end_column, where.label]
        return pointer


def _text_facts(place: _Places, pointer: str, value: Optional[str]) -> Optional[dict]:
    key = normalised(value)
    if not key:
        return None
    return {"at": place(pointer), "key": fingerprint(key), "len": len(key), "text": excerpt(text(value))}


def _target(constraint: Constraint) -> Optional[list]:
    if constraint.kind not in ("quantity", "percent", "relative") or constraint.number is None:
        return None
    return [constraint.kind, constraint.op, str(constraint.number), constraint.unit, constraint.baseline]


def _row(place: _Places, indicator: Indicator) -> dict:
    name = text(indicator.name)
    constraint = indicator.constraint
    row: dict = {"at": place(indicator.at("value")), "name": name, "key": name_key(name),
                 "value": constraint.input, "c": _target(constraint), "dir": direction(indicator)}
    percent = constraint.kind == "percent" and constraint.unit == "%"
    if percent and is_satisfaction_name(name):
        row["sat"] = True
    elif percent and is_rate_name(bare_name(name)) and not is_change_name(name) and not negative_event(name):
        row["rate"] = True
    if is_full_percent(constraint):
        row["full"] = True
    if is_change_name(name):
        row["change"] = True
    if is_cost(indicator):
        row["cost"] = True
        cost = unit_cost(constraint)
        if cost is not None:
            row["cost_per"] = [cost[0], str(cost[1])]
    note = _text_facts(place, indicator.at("note"), indicator.note)
    if note is not None:
        row["note"] = note
    if constraint.kind != "relative":
        for field in (indicator.description, indicator.note, indicator.name):
            match = RELATIVE_PHRASE.search(text(field))
            if match:
                row["rel"] = match.group(0)
                break
    return row


def _project(place: _Places, project: Project, department: str, whole: bool) -> dict:
    name = text(project.name)
    # What kind of project it is, to tell a copy from two projects of one kind alike by nature: its name
    # without years and the department; the department-level table is of its department's own kind.
    kind = WHOLE_KIND + department if whole else name_key(name.replace(department, "") if department else name)
    budget = budget_in_yuan(project)
    goal_at = "/overall/annual_goal" if whole else project.at("goals")
    rows = [_row(place, indicator) for indicator in project.indicators]
    keys = sorted({row["key"] for row in rows if row["key"]})
    return {
        "name": name, "code": compact(project.code).upper() or None, "kind": kind,
        "budget": None if budget is None else str(budget),
        "goal": _text_facts(place, goal_at, "".join(g.strip() for g in project.goals)),
        "table": place(project.at("indicators")),
        "names": [fingerprint("\n".join(keys)), len(keys)] if keys else None,
        "rows": rows,
    }


def document_facts(loaded: LoadedDocument) -> Optional[dict]:
    """The facts of a loaded document, or None when it could not be read."""
    document = loaded.document
    if document is None:
        return None
    from perflint.engine.suppress import parse_directives

    place = _Places(loaded)
    department = text(document.department)
    projects = [_project(place, project, department, project.pointer == "/overall")
                for project in table_owners(document)]
    overall = _text_facts(place, "/overall/goal", document.overall.goal) if document.overall else None
    place("/department")
    quiet = [[d.target, None if d.names is None else sorted(d.names)] for d in parse_directives(loaded.lines)]
    return {"v": VERSION, "department": department or None, "dept": compact(department), "year": document.year,
            "lines": loaded.has_lines, "quiet": quiet, "places": place.found, "overall": overall,
            "projects": projects}


def _per_scale(parts: tuple[str, ...]) -> tuple[Decimal, str]:
    scale, bases = Decimal(1), []
    for part in parts:
        inner = lookup(part)
        if inner is not None:
            scale *= inner.scale
            bases.append(inner.base)
        else:
            bases.append(part)
    return scale, "·".join(bases)


def amount(target: Optional[list]) -> Optional[tuple[Decimal, str]]:
    """A stated target (a row's "c") as a number in the base of its unit and the unit it is in, so that
    two years' targets compare whatever their scale: ≥1.2万人 → (12000, 人); ≥95% → (95, %). None for a
    target that is no amount (a relative one, a date, a grade)."""
    if target is None or target[0] not in ("quantity", "percent"):
        return None
    number, unit_name = Decimal(target[2]), target[3]
    if not unit_name:
        return number, ""
    unit = lookup(unit_name)
    if unit is None:
        return number, unit_name
    scale, per = _per_scale(unit.per)
    return number * unit.scale / scale, f"{unit.base}/{per}" if per else unit.base


def implied(last: Optional[list], relative: list) -> Optional[tuple[Decimal, str]]:
    """The target a relative one (比上年增长8%, 较上年提高2个百分点, 比上年增加20人, 与上年持平) means,
    applied to last year's stated target; None when the two do not combine."""
    base = amount(last)
    if base is None or relative[2] is None:
        return None
    value, unit = base
    change, change_unit = Decimal(relative[2]), relative[3]
    if change_unit in ("%", "％"):
        return value * (1 + change / 100), unit
    if change_unit == "个百分点":
        return (value + change, unit) if unit == "%" else None
    if not change_unit:
        return (value, unit) if change == 0 else None
    step = amount(["quantity", None, str(change), change_unit, None])
    return (value + step[0], unit) if step is not None and step[1] == unit else None
