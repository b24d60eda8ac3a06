"""Tables that list many projects, one row per 三级指标 or per project.

The department budget disclosure workbook (部门预算公开) lists every project's indicators on one sheet
(部门项目支出绩效目标表, 05-2): 项目名称 | 项目单位 | 预算数 | 年度绩效目标 | 一级指标 | … | 指标值 …, the
project's own cells repeated or merged down its rows. Its budget sheet (项目支出预算表, 05-1) gives
each project's amounts, one row per project. Published texts print the same listings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from perflint.load.blocks import Cell, Row
from perflint.load.columns import Columns, IndicatorColumns
from perflint.load.labels import BLOCKS, BUDGET_LABELS, PROJECT_LABELS, label_of
from perflint.load.model import Budget

if TYPE_CHECKING:
    from perflint.load.outline import Outline

_AMOUNTS = {**BUDGET_LABELS, "合计": "total", "金额": "total", "项目金额": "total", "预算数": "total",
            "本年预算数": "total", "一般公共预算": "general", "政府性基金": "government_fund",
            "国有资本经营预算": "state_capital", "财政专户": "special_account"}
_GOALS = {label for label, kind in BLOCKS.items() if kind in ("goals", "overall_goals")}
_PROJECT_COLUMNS = {**{label: ("project", name) for label, name in PROJECT_LABELS.items()},
                    **{label: ("budget", name) for label, name in _AMOUNTS.items()},
                    **{label: ("goals", "goals") for label in _GOALS}}


def _empty(row: Row, keep: set[int]) -> Row:
    """The row with only the cells of `keep`; the others blank (their places stay, so columns line up)."""
    return replace(row, cells=tuple(c if i in keep else Cell("", c.location) for i, c in enumerate(row.cells)))


class IndicatorListing:
    """項目 columns and indicator columns in one header; a new 项目名称 starts the next project."""

    def __init__(self, outline: "Outline", header: Row, project: dict[int, tuple[str, str]],
                 indicators: IndicatorColumns) -> None:
        self.outline = outline
        self.project = project
        self.name_column = next(i for i, (kind, name) in project.items() if name == "name")
        self.indicator_cells = indicators.columns
        self.header = _empty(header, self.indicator_cells)
        self.current: Optional[str] = None
        self.first: dict[int, str] = {}

    @classmethod
    def find(cls, outline: "Outline", row: Row) -> Optional["IndicatorListing"]:
        indicators = IndicatorColumns.find(row)
        if indicators is None:
            return None
        first = min(indicators.columns)
        project = {i: _PROJECT_COLUMNS[label_of(c.text)] for i, c in row.filled()
                   if i < first and label_of(c.text) in _PROJECT_COLUMNS}
        if ("project", "name") not in project.values():
            return None
        return cls(outline, row, project, indicators)

    def feed(self, row: Row) -> None:
        name = row.text(self.name_column)
        if name and name != self.current:
            self._start(row, name)
        elif self.outline.table is None:
            self.outline.draft.skip_row(row)
            return
        else:
            for i, cell in row.filled():
                if i in self.project and cell.text != self.first.get(i):
                    self.outline.draft.skip_cell(cell, block=(self.outline.table.pointer, "listing"))
        self.outline.table.indicators.row(_empty(row, self.indicator_cells))

    def _start(self, row: Row, name: str) -> None:
        outline = self.outline
        outline.open_project(row.location, None, "")
        table = outline.table
        self.current, self.first = name, {i: c.text for i, c in row.filled() if i in self.project}
        for i, (kind, field) in sorted(self.project.items()):
            cell = row.cells[i] if i < len(row.cells) else Cell("", row.location)
            if kind == "project" and field == "department":
                table.set_field(field, cell)
            elif kind == "project" and cell.text:
                table.set_field(field, cell)
            elif kind == "budget":
                table.budget_figure(field, cell)
            elif kind == "goals":
                table.goal_cell(cell)
        table.block = "indicators"
        table.indicators.header(self.header)


class BudgetListing:
    """项目名称 | 合计 | 一般公共预算 | …: each project's amounts, given to the project of that name."""

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.amounts: dict[str, tuple[Row, dict[str, Cell]]] = {}

    @classmethod
    def find(cls, row: Row) -> Optional["BudgetListing"]:
        labels = {**{label: "name" for label, name in PROJECT_LABELS.items() if name == "name"}, **_AMOUNTS}
        columns = Columns.find(row, labels, ("name",))
        if columns is None or len(columns.fields) < 2:
            return None
        return cls(columns)

    def feed(self, outline: "Outline", row: Row) -> None:
        cells = self.columns.read(row)
        name = cells.pop("name", None)
        if name is None or not cells:
            outline.draft.skip_row(row)
            return
        self.amounts[name.text] = (row, cells)

    def apply(self, outline: "Outline") -> None:
        """Amounts for the projects of that name that state none themselves; a row for no project is reported."""
        projects = outline.draft.raw.get("projects", [])
        for name, (row, cells) in self.amounts.items():
            index = next((i for i, p in enumerate(projects) if p.get("name") == name), None)
            if index is None:
                outline.draft.skip_row(row)
                continue
            project, pointer = projects[index], f"/projects/{index}"
            budget = project.setdefault("budget", {})
            outline.draft.source.add(f"{pointer}/budget", row.location)
            for field, cell in cells.items():
                if field not in budget:
                    amount = cell.text.replace(",", "")
                    outline.draft.put(Budget, budget, f"{pointer}/budget", field, amount, cell.location)
