"""Facts about one document that several rules read, computed on first use and kept for the others.

The runner makes one `Facts` per document and hands it to every rule through its context, so no rule
repeats another's reading and no per-indicator question rescans the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, NamedTuple

from perflint.analysis.data import load_data
from perflint.analysis.period import runs_over_a_year
from perflint.load.model import Document, Project
from perflint.text import Text

class ExpectedField(NamedTuple):
    on_indicator: bool  # a column of the indicator table, else a field of the project's header
    fields: tuple[str, ...]  # the model fields any of which gives it
    label: Text


# Fields a reviewer expects a project's form to ask for; a form without any place for one is said once.
EXPECTED_FIELDS = {
    "basis": ExpectedField(True, ("basis",), Text("指标值确定依据", "basis of the target")),
    "spending_plan": ExpectedField(False, ("spending_plan",), Text("资金支出计划", "spending plan")),
    "code": ExpectedField(False, ("code",), Text("项目编码", "project code")),
    "unit": ExpectedField(False, ("unit", "implementing_unit", "competent_department"),
                          Text("预算单位", "budget unit")),
    "budget": ExpectedField(False, ("budget",), Text("预算数", "budget")),
    "goals": ExpectedField(False, ("goals",), Text("年度绩效目标", "annual goal")),
    # Asked of projects that run over a year only.
    "midterm_goals": ExpectedField(False, ("midterm_goals", "midterm_indicators"), Text("中期绩效目标", "midterm goal")),
}


def form_profiles() -> dict:
    """Named sets of required fields: the templates a bureau may declare in its configuration."""
    return load_data("form_profiles.yaml")


@dataclass(frozen=True)
class Form:
    """The fields the document's form has — a column or a header row, filled in or not. A YAML document
    has the keys written anywhere in its projects; an imported one the columns and rows found."""

    project_fields: frozenset[str]
    indicator_fields: frozenset[str]

    @classmethod
    def of(cls, document: Document) -> "Form":
        projects: set[str] = set()
        indicators: set[str] = set()
        for project in document.projects:
            projects |= project.model_fields_set
            for indicator in (*project.indicators, *project.midterm_indicators):
                indicators |= indicator.model_fields_set
        return cls(frozenset(projects), frozenset(indicators))

    def has(self, name: str) -> bool:
        """Whether the form has a place for one of EXPECTED_FIELDS."""
        expected = EXPECTED_FIELDS[name]
        present = self.indicator_fields if expected.on_indicator else self.project_fields
        return any(field in present for field in expected.fields)


class Facts:
    def __init__(self, document: Document, framework: str = "auto",
                 required_fields: Iterable[str] = ()) -> None:
        self.document = document
        self.framework = framework
        self.required_fields = frozenset(required_fields)
        self._frameworks: dict[int, str] = {}

    @cached_property
    def form(self) -> Form:
        return Form.of(self.document)

    def asks_for(self, field: str) -> bool:
        """Whether a field must be filled in: the form has it, or the configured template requires it."""
        return field in self.required_fields or self.form.has(field)

    def lacks(self) -> list[str]:
        """The expected fields the whole form has no place for and no configuration requires."""
        if not self.document.projects:
            return []
        multi_year = any(runs_over_a_year(p) for p in self.document.projects)
        return [name for name in EXPECTED_FIELDS
                if not self.asks_for(name) and (name != "midterm_goals" or multi_year)]

    def framework_of(self, project: Project) -> str:
        """2021 (成本指标 is a first level) or 2015 (成本指标 under 产出指标), detected unless configured."""
        if self.framework != "auto":
            return self.framework
        found = self._frameworks.get(id(project))
        if found is None:
            found = self._frameworks[id(project)] = detect_framework(project)
        return found


def detect_framework(project: Project) -> str:
    for indicator in project.indicators:
        if (indicator.level1 or "").strip().startswith("成本"):
            return "2021"
    return "2015"

