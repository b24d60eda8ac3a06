"""The official indicator hierarchy (hierarchy.yaml) and the normalisation of level names."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from perflint.load.model import Indicator, Project
from perflint.analysis.data import load_data

SYSTEM_LABEL = re.compile(r"[（(][^）)]*[）)]")  # 成本指标(必填硬性指标) → 成本指标


def _table() -> dict:
    return load_data("hierarchy.yaml")


@lru_cache(maxsize=1024)
def standard_name(label: Optional[str], first_level: bool) -> str:
    """The standard name of a level label: aliases resolved, system labels and spaces removed."""
    name = simplified(SYSTEM_LABEL.sub("", "".join((label or "").split())))
    if not name:
        return ""
    name = _table()["aliases"]["first" if first_level else "second"].get(name, name)
    if not name.endswith("指标") and f"{name}指标" in known_names():
        name = f"{name}指标"
    return name


@lru_cache(maxsize=1)
def _simplified() -> dict[int, str]:
    return str.maketrans(_table()["traditional"])


def simplified(label: str) -> str:
    return label.translate(_simplified())


@lru_cache(maxsize=1)
def template_labels() -> frozenset[str]:
    """Level labels official templates print that differ from the standard names (not a defect to report)."""
    return frozenset(_table()["template_labels"])


def framework(name: str) -> dict[str, list[str]]:
    return _table()["frameworks"][name]


def allowed_second_levels(framework_name: str, first: str) -> set[str]:
    return set(framework(framework_name).get(first, [])) | set(_table()["also_allowed"].get(first, []))


@lru_cache(maxsize=1)
def known_second_levels() -> frozenset[str]:
    return frozenset(l2 for fw in _table()["frameworks"].values() for l2s in fw.values() for l2 in l2s)


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    first = {l1 for fw in _table()["frameworks"].values() for l1 in fw}
    return frozenset(first) | known_second_levels()


def level1_of(indicator: Indicator) -> str:
    return standard_name(indicator.level1, first_level=True)


def level2_of(indicator: Indicator) -> str:
    return standard_name(indicator.level2, first_level=False)


def nested_frame(project: Project) -> bool:
    """A form one level deeper (实施效果指标 > 产出指标 > …, the investment-project table): its first level
    is outside the framework and its second levels are first-level names."""
    first = {n for fw in _table()["frameworks"].values() for n in fw}
    only_first = first - known_second_levels()  # 成本指标 is a second level too (2015)
    rows = (*project.indicators, *project.midterm_indicators)
    return (any(standard_name(i.level1, True) not in first | {""} for i in rows)
            and any(standard_name(i.level2, True) in only_first for i in rows))
