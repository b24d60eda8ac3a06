"""The rows of an indicator table, into a project's (or a department's) indicator lists.

Every column the table has is a field of every row it makes, empty or not (None for an empty cell),
so that rules can tell a column the form lacks from a cell left empty. Merged 一级/二级 cells are
carried down; a row that gives only a 二级指标 is an indicator whose other cells were left empty, one
that gives only a 一级指标 is a heading of the rows below it. In text from a PDF, a line that carries on
the cells of the row above is joined to it.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from perflint.load.blocks import Cell, Row, span
from perflint.load.columns import Group, IndicatorColumns, blank
from perflint.load.draft import Draft, excerpt
from perflint.load.labels import LEVEL1_NAMES, PERIODS, label_of
from perflint.load.model import Indicator
from perflint.load.pdf_text import join_wrapped
from perflint.location import join_pointer

_LEVELS = ("level1", "level2")
# A target that stops at its comparator: the text was cut off after it.
_BARE_COMPARATOR = re.compile(r"^(?:[≥≤＞＜><=＝≧≦]|大于等于|小于等于|大于|小于|不低于|不高于|不超过)$")
# One cell that says a second-level indicator and its target: 质量指标：学校的教育教学秩序良好，……
_PROSE_INDICATOR = re.compile(r"^(\S{2,16}指标)\s*[：:]\s*(.+)$", re.S)


class IndicatorRows:
    def __init__(self, draft: Draft, raw: dict, pointer: str, wrapped_rows: bool, midterm: bool = True) -> None:
        self.draft = draft
        self.raw = raw
        self.pointer = pointer
        self.wrapped_rows = wrapped_rows
        self.midterm = midterm  # a department-level table has one list
        self.columns: Optional[IndicatorColumns] = None
        self.period = "indicators"
        self.period_column: Optional[int] = None
        self.carried: dict[int, dict[str, Cell]] = {}  # per group: merged level cells, carried down
        self.previous: Optional[tuple[dict[str, Any], str, set[str]]] = None  # last indicator, for wrapped rows
        self.blank_rows: list[Row] = []

    # -- header ------------------------------------------------------------------------------------

    def header(self, row: Row) -> bool:
        columns = IndicatorColumns.find(row)
        if columns is None:
            return False
        self.columns, self.previous, self.carried, self.blank_rows = columns, None, {}, []
        self.period_column = None if 0 in columns.columns else 0
        lead = label_of(row.text(0))
        if self.period_column is not None and lead in PERIODS:
            self.period = self._period(PERIODS[lead])
        spare = () if self.period_column is None else (0,)
        for cell in columns.unknown(spare):
            self.draft.report("import-unknown-column", cell.location, header=excerpt(cell.text))
        return True

    def _period(self, period: Optional[str]) -> str:
        return "indicators" if not self.midterm or period is None else period

    def switch_period(self, period: str) -> None:
        self.period, self.carried, self.previous, self.blank_rows = self._period(period), {}, None, []

    # -- rows --------------------------------------------------------------------------------------

    def blank(self, row: Row) -> None:
        """An empty row inside the table: an indicator left blank, if more rows of the table follow."""
        if self.columns is not None and self.carried:
            self.blank_rows.append(row)

    def row(self, row: Row) -> None:
        columns = self.columns
        if columns is None:  # rows after prose indicators that are not prose indicators
            self.draft.skip_row(row)
            return
        if row.ends_text and self._cut(row):
            self.draft.report("import-skipped", row.location, message="cut", text=excerpt(row.excerpt()))
            return
        if self.period_column is not None and row.text(self.period_column):
            period = PERIODS.get(label_of(row.text(self.period_column)))
            if period is None:
                self.draft.skip_cell(row.cells[self.period_column], block=(self.pointer, "period"))
            elif self._period(period) != self.period:
                self.switch_period(period)
        columns.align(row)  # first: the cells it moves into a column are read, not reported as stray
        spare = () if self.period_column is None else (self.period_column,)
        for i, cell in row.filled():
            if i not in columns.columns and i not in spare and not blank(cell.text):
                self.draft.skip_cell(cell, block=(self.pointer, "indicators", id(columns)))
        for group in columns.groups:
            group.decide(row)
        read = [(index, group, self._cells(row, group)) for index, group in enumerate(columns.groups)]
        if not any(cells for _, _, cells in read):
            return
        for blank_row in self.blank_rows:
            self._add(0, columns.groups[0], {}, blank_row)
        self.blank_rows = []
        for index, group, cells in read:
            self._group_row(index, group, cells, row)

    def _cut(self, row: Row) -> bool:
        """The last row of an excerpt is cut off when its cells stop before the table's last column or its
        target stops at the comparator; read, it would be an indicator the document does not have."""
        if len(row.cells) <= max(i for i, _ in self.columns.header.filled()):
            return True  # no cell under the last column the header names
        values = [i for g in self.columns.groups for i, name in g.fields.items() if name == "value"]
        return any(_BARE_COMPARATOR.match(row.text(i).strip()) for i in values)

    @staticmethod
    def _cells(row: Row, group: Group) -> dict[str, Cell]:
        return {name: row.cells[i] for i, name in group.fields.items()
                if i < len(row.cells) and not blank(row.cells[i].text)}

    def _group_row(self, index: int, group: Group, cells: dict[str, Cell], row: Row) -> None:
        if not cells:
            return
        single = len(self.columns.groups) == 1
        if single and (self.wrapped_rows or row.after_page_break) and self._continues(cells):
            self._join(cells, row)
            return
        if not cells.keys() - set(_LEVELS):
            if not all(cell.text.endswith("指标") or cell.text in LEVEL1_NAMES for cell in cells.values()):
                self.draft.skip_row(row)  # 填报说明：…, 填报人 | 张三: not levels
                return
            if "level2" not in cells:
                self._carry(index, cells)  # a 一级指标 heading the rows below it
                return
        self._carry(index, cells)
        self._add(index, group, cells, row)

    def _add(self, index: int, group: Group, cells: dict[str, Cell], row: Row) -> None:
        period = self._period(group.period) if group.period else self.period
        item: dict[str, Any] = {}
        pointer = self.draft.append(self.raw, self.pointer, period, item, row.location)
        given = {**self.carried.get(index, {}), **cells}
        for column, name in sorted(group.fields.items()):
            cell = given.get(name)
            where = cell.location if cell is not None else (row.cells[column].location if column < len(row.cells)
                                                             else row.location)
            self.draft.put(Indicator, item, pointer, name, cell.text if cell is not None else None, where)
        self.previous = (item, pointer, set(cells))

    def _carry(self, index: int, cells: dict[str, Cell]) -> None:
        """Remember merged level cells; a new 一级 starts its own 二级."""
        carried = self.carried.setdefault(index, {})
        if "level1" in cells:
            carried.clear()
            carried["level1"] = cells["level1"]
        if "level2" in cells:
            carried["level2"] = cells["level2"]

    def _continues(self, cells: dict[str, Cell]) -> bool:
        """A line that wraps the cells of the indicator above: no level, no new name-and-value pair,
        and text only where the row above had text."""
        if self.previous is None or cells.keys() & set(_LEVELS):
            return False
        if "name" in cells and "value" in cells:
            return False
        return cells.keys() <= self.previous[2]

    def _join(self, cells: dict[str, Cell], row: Row) -> None:
        item, pointer, _ = self.previous
        for name, cell in cells.items():
            child = join_pointer(pointer, name)
            item[name] = join_wrapped(item.get(name) or "", cell.text)
            self.draft.source.add(child, span(self.draft.source.value(child), cell.location))
        if "name" in cells and "value" not in cells:
            # Could also be an indicator whose 指标值 was left blank: say what was done.
            self.draft.report("import-row-joined", row.location, join_pointer(pointer, "name"), name=item["name"])

    # -- indicators written as prose, one per cell ------------------------------------------------

    def prose_row(self, row: Row, start: int) -> bool:
        """产出指标 | 质量指标：学校的教育教学秩序良好…: a level and its target in one cell, with no header."""
        cells = [(i, c) for i, c in row.filled() if i >= start]
        if not cells or not _PROSE_INDICATOR.match(cells[-1][1].text):
            return False
        for _, cell in cells[:-1]:
            if label_of(cell.text) in LEVEL1_NAMES:
                self.carried[0] = {"level1": cell}
            else:
                self.draft.skip_cell(cell, block=(self.pointer, "prose"))
        last = cells[-1][1]
        level2, value = _PROSE_INDICATOR.match(last.text).groups()
        item: dict[str, Any] = {}
        pointer = self.draft.append(self.raw, self.pointer, self.period, item, row.location)
        level1 = self.carried.get(0, {}).get("level1")
        self.draft.put(Indicator, item, pointer, "level1", level1.text if level1 else None,
                       level1.location if level1 else last.location)
        self.draft.put(Indicator, item, pointer, "level2", level2, last.location)
        self.draft.put(Indicator, item, pointer, "value", value.strip(), last.location)
        return True
