"""Header rows: which column of a table holds which field.

A record table (分项绩效目标, 测算明细, 年度主要任务) has one header. An indicator table may have two
halves side by side (中期 | 年度: 二级指标 | 三级指标 | 指标值 twice, the 一级指标 column shared), columns
whose header does not say what they hold (a column headed 指标性质 that holds ≥/≤, one headed 指标方向
that holds 正向/反向: the first filled cell decides), and a header row shorter than its rows (a header
cell lost in extraction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from perflint.load.blocks import Cell, Row
from perflint.load.labels import BY_CONTENT, INDICATOR_LABELS, PERIOD_WORDS, label_of

_COMPARATOR = re.compile(r"^(?:[≥≤＞＜><=＝≧≦]|大于等于|小于等于|大于|小于|等于|不低于|不高于|不超过|是/否|是或否|定性|定量)$")
_DIRECTION = re.compile(r"^(?:正向|反向|中性)(?:指标)?$")
_VALUE_TYPE = re.compile(r"^(?:定量|定性)(?:指标)?$")
_STANDARD = re.compile(r"^(?:计划|历史|行业|其他|国家|地方)标准")
# A placeholder the template prints where a row may be added: not a cell's content.
_ELLIPSIS = re.compile(r"^[…\.。·]{1,6}$")
# What a column headed by one of BY_CONTENT holds when its first filled cell does not say.
_DEFAULT = {"指标性质": "value_type", "指标类型": "value_type", "指标方向": "direction", "绩效标准": "basis"}


def blank(text: str) -> bool:
    return not text or bool(_ELLIPSIS.match(text))


def by_content(header: str, text: str) -> str:
    """The field of a column whose header does not say, from a cell it holds."""
    if _DIRECTION.match(text):
        return "direction"
    if _VALUE_TYPE.match(text) and header != "指标方向":
        return "value_type"
    if _COMPARATOR.match(text):
        return "op"
    if header == "绩效标准":
        return "basis" if _STANDARD.match(text) else "description"
    return _DEFAULT[header]


@dataclass
class Columns:
    """A record table's header: which column holds which field."""

    fields: dict[int, str]
    header: Row

    @classmethod
    def find(cls, row: Row, labels: dict[str, str], required: tuple[str, ...], start: int = 0) -> Optional["Columns"]:
        fields: dict[int, str] = {}
        for i, cell in row.filled():
            name = labels.get(label_of(cell.text)) if i >= start else None
            if name and name not in fields.values():
                fields[i] = name
        return cls(fields, row) if all(r in fields.values() for r in required) else None

    def read(self, row: Row) -> dict[str, Cell]:
        return {name: row.cells[i] for i, name in self.fields.items() if i < len(row.cells) and row.cells[i].text}

    def stray(self, row: Row, spare: tuple[int, ...] = ()) -> list[Cell]:
        """Filled cells in columns whose header is not a field."""
        return [c for i, c in row.filled() if i not in self.fields and i not in spare]

    def unknown(self, spare: tuple[int, ...] = ()) -> list[Cell]:
        return [c for i, c in self.header.filled() if i not in self.fields and i not in spare]


@dataclass
class Group:
    """One half of an indicator table: its columns and the list its rows go to (None: the table's)."""

    fields: dict[int, str]
    period: Optional[str] = None
    undecided: dict[int, str] = field(default_factory=dict)  # column → header, for BY_CONTENT columns

    def decide(self, row: Row) -> None:
        decided = {}
        for i, header in self.undecided.items():
            text = row.cells[i].text if i < len(row.cells) else ""
            if not blank(text):
                decided[i] = by_content(header, text)
        # All at once: 指标性质 holding 正向 and 指标方向 holding ≥ swap their default fields.
        others = {n for c, n in self.fields.items() if c not in decided}
        for i, name in decided.items():
            if name not in others:
                self.fields[i] = name
                others.add(name)
            del self.undecided[i]


@dataclass
class IndicatorColumns:
    groups: list[Group]
    header: Row
    aligned: bool = False

    @classmethod
    def find(cls, row: Row, start: int = 0) -> Optional["IndicatorColumns"]:
        groups = [Group({})]
        for i, cell in row.filled():
            if i < start:
                continue
            key = label_of(cell.text)
            content = key in BY_CONTENT
            name = _DEFAULT[key] if content else INDICATOR_LABELS.get(key)
            if name is None:
                continue
            group = groups[-1]
            if name in group.fields.values() and name != "level1":
                group = Group({})  # the same column again: the table's second half
                groups.append(group)
            group.fields[i] = name
            if content:
                group.undecided[i] = key
            period = next((p for word, p in PERIOD_WORDS.items() if word in cell.text and key != cell.text), None)
            group.period = group.period or period
        groups = [g for g in groups if g.fields]
        if not any("value" in g.fields.values() and {"name", "level2", "description"} & set(g.fields.values())
                   for g in groups):
            return None
        for group in groups:
            names = set(group.fields.values())
            if "name" not in names and "description" in names:  # 指标内容 where there is no 三级指标 column
                column = next(i for i, n in group.fields.items() if n == "description")
                group.fields[column] = "name"
        if len(groups) > 1:
            level1 = {i: n for i, n in groups[0].fields.items() if n == "level1"}
            defaults = ("midterm_indicators", "indicators")
            for index, group in enumerate(groups):
                if "level1" not in group.fields.values():
                    group.fields = {**level1, **group.fields}
                if group.period is None and len(groups) == 2:
                    group.period = defaults[index]
        return cls(groups, row)

    @property
    def columns(self) -> set[int]:
        return {i for g in self.groups for i in g.fields}

    def unknown(self, spare: tuple[int, ...] = ()) -> list[Cell]:
        return [c for i, c in self.header.filled() if i not in self.columns and i not in spare]

    def align(self, row: Row) -> None:
        """A header shorter than its rows lost a cell: the 三级指标 column, whose header an extractor merged
        into its neighbour. The columns after the levels move right, and the first of them is the name."""
        if self.aligned:
            return
        self.aligned = True
        group = self.groups[0]
        excess = len(row.cells) - len(self.header.cells)
        names = set(group.fields.values())
        levels = [i for i, n in group.fields.items() if n in ("level1", "level2")]
        if len(self.groups) > 1 or excess <= 0 or "name" in names or not levels:
            return
        last = max(levels)
        if not any(c.text for c in row.cells[len(self.header.cells):]):
            return
        moved = {(i + excess if i > last else i): n for i, n in group.fields.items()}
        moved[last + 1] = "name"
        group.undecided = {(i + excess if i > last else i): h for i, h in group.undecided.items()}
        group.fields = moved
