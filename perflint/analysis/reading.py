"""What several built-in rules need to read from a document: kept here once, not in each rule."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator, Optional

from perflint.analysis.hierarchy import simplified
from perflint.load.model import Document, Indicator, Node, Project, field_names
from perflint.values.units import BRACKETED_TAIL, Unit, lookup

PERCENT_UNITS = frozenset({"%", "‰", "个百分点"})
# Names measuring a change rather than a share may go past 100% or below 0.
CHANGE_WORDS = ("增长", "增幅", "增加", "提高", "提升", "下降", "降低", "减少", "同比", "较上年", "变化")
RATE_ENDINGS = ("率", "比例", "占比", "比重", "覆盖面", "满意度")
# Names of satisfaction measures (survey results), by their ending: 服务对象满意度, 群众满意率 — not
# 满意度调查覆盖率 or 满意度调查次数 (the survey itself), nor 不满意率.
SATISFACTION_ENDINGS = ("满意", "满意度", "满意率", "满意程度", "满意比例", "认可度", "认可率", "好评率")


def text(value: Optional[str]) -> str:
    return (value or "").strip()


def indicators(document: Document, midterm: bool = True) -> Iterator[tuple[Project, Indicator]]:
    """Every indicator row of every project, annual first, then the midterm ones; then the rows of the
    department-level table (部门整体支出绩效目标表), as those of a project standing for the department."""
    for project in document.projects:
        for indicator in project.indicators:
            yield project, indicator
        if midterm:
            for indicator in project.midterm_indicators:
                yield project, indicator
    whole = department_table(document)
    if whole is not None:
        for indicator in whole.indicators:
            yield whole, indicator


def tables(document: Document) -> Iterator[tuple[Project, str, list[Indicator]]]:
    """Each indicator table with its pointer: a project's annual rows, then its midterm rows; then the
    department-level table."""
    for project in document.projects:
        if project.indicators:
            yield project, project.at("indicators"), project.indicators
        if project.midterm_indicators:
            yield project, project.at("midterm_indicators"), project.midterm_indicators
    whole = department_table(document)
    if whole is not None:
        yield whole, whole.at("indicators"), whole.indicators


def table_owners(document: Document) -> Iterator[Project]:
    """The projects, then the department-level table read as a project: whatever holds indicator rows."""
    yield from document.projects
    whole = department_table(document)
    if whole is not None:
        yield whole


_WHOLE = "_department_table"


def department_table(document: Document) -> Optional[Project]:
    """The department-level indicator table read as a project of the department's (its budget, annual goal
    and rows), so that every row rule applies to it; None when the document has no such table. Kept with
    the document: rules ask for it many times."""
    if _WHOLE not in document.__dict__:
        overall = document.overall
        whole = None
        if overall is not None and overall.indicators:
            whole = Project.model_construct(
                name=f"{document.department}（部门整体）", budget=overall.budget, money_unit=overall.money_unit,
                goals=[overall.annual_goal] if overall.annual_goal else [], indicators=overall.indicators)
            whole.place_at("/overall")
        document.__dict__[_WHOLE] = whole
    return document.__dict__[_WHOLE]


def is_rate_name(name: str) -> bool:
    name = name.strip()
    return name.endswith(RATE_ENDINGS) or "率" in name[-3:]


def is_change_name(name: str) -> bool:
    return any(word in name for word in CHANGE_WORDS)


# A form that writes every name as a sentence about its target: 资助对象满意度达到目标值.
_TARGET_TAIL = ("达到目标值", "达到目标", "达目标值")


def bare_name(name: Optional[str]) -> str:
    """An indicator name without a trailing bracketed unit or note, or a phrase about reaching the target:
    培训人数（人） → 培训人数, 资助对象满意度达到目标值 → 资助对象满意度."""
    bare = BRACKETED_TAIL.sub("", text(name))
    for tail in _TARGET_TAIL:
        if bare.endswith(tail) and len(bare) > len(tail):
            return bare[: -len(tail)]
    return bare


def is_satisfaction_name(name: Optional[str]) -> bool:
    bare = simplified(bare_name(name))
    return bare.endswith(SATISFACTION_ENDINGS) and "不满意" not in bare


def is_cost(indicator: Indicator) -> bool:
    """A cost row under either framework: 成本指标 as first level (2021) or second level (2015)."""
    return text(indicator.level1).startswith("成本") or "成本" in text(indicator.level2)


def money_unit(unit_name: Optional[str]) -> Optional[Unit]:
    unit = lookup(unit_name) if unit_name else None
    return unit if unit is not None and unit.dimension == "money" else None


def budget_in_yuan(project: Project) -> Optional[Decimal]:
    """The project's budget total in 元, from the amount and the document's 金额单位."""
    total = project.budget_total
    unit = money_unit(project.money_unit)
    if total is None or unit is None:
        return None
    return total * unit.scale


def plain(number: Decimal) -> str:
    """A Decimal as people write it: no exponent, no trailing zeros after the point."""
    return format(number.normalize(), "f")


def in_money_unit(yuan: Decimal, project: Project) -> str:
    """An amount in 元 shown in the project's 金额单位 (万元 by default)."""
    unit = money_unit(project.money_unit)
    scale = unit.scale if unit is not None else Decimal(1)
    return f"{plain(yuan / scale)} {project.money_unit}"


def percent(part: Decimal, whole: Decimal) -> str:
    return plain((part * 100 / whole).quantize(Decimal("0.1")))


_STRINGS = "_strings"


def strings(document: Document) -> tuple[tuple[str, str], ...]:
    """(JSON Pointer, text) of every text field of the document; gathered once and kept with it,
    since several rules scan them all."""
    found = document.__dict__.get(_STRINGS)
    if found is None:
        collected: list[tuple[str, str]] = []
        _collect_strings(document, "", collected)
        found = document.__dict__[_STRINGS] = tuple(collected)
    return found


def _collect_strings(node: object, pointer: str, into: list[tuple[str, str]]) -> None:
    if isinstance(node, str):
        into.append((pointer, node))
    elif isinstance(node, Node):
        values = node.__dict__
        for name in field_names(type(node)):
            _collect_strings(values[name], f"{pointer}/{name}", into)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _collect_strings(item, f"{pointer}/{index}", into)

