"""One project's 项目支出绩效目标表, from its rows to the project's fields.

Shared by the text, Word and Excel importers: whatever the form, the table is a set of labelled
rows (项目名称, 预算规模, 资金支出计划, 绩效目标 …), the indicator rows under a header (一级指标 |
二级指标 | 三级指标 | 指标值 …), and sometimes a 测算明细 block. A label in the first column
opens a block that goes on while that column is blank (the cell is merged down); a row the
table does not explain is reported, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from perflint.load.blocks import Cell, Row, span
from perflint.load.draft import Draft, excerpt
from perflint.load.model import BreakdownItem, Budget, Indicator, Measure, Project, Target, aliases
from perflint.load.pdf_text import join_wrapped
from perflint.location import Location, join_pointer

_SPACES = re.compile(r"\s+")
_PARENS = re.compile(r"[（(][^（）()]*[）)]")
_MONEY_UNIT = re.compile(r"[（(]\s*(万元|元)\s*[）)]")
_INLINE_LABEL = re.compile(r"^([^：:]{2,12})[：:]\s*(.+)$", re.S)
_UNIT_CODE = re.compile(r"^(\d{6,})\s*(\S.*)$")
_CHECKPOINT = re.compile(r"^(?:\d{1,2}月(?:底|末)?|第?[一二三四1-4]季度末?|年底|年末|全年)$")
_TOTAL_ROW = re.compile(r"^(?:合计|小计|总计)$")


def label_of(text: str) -> str:
    """A label cell as a key: 资金支出计 划（%） → 资金支出计划, 其中：财政 资金 → 财政资金."""
    text = _PARENS.sub("", _SPACES.sub("", text)).rstrip("：:")
    return re.sub(r"^其中[：:]?", "", text)


def unit_name(text: str) -> str:
    """A budget unit as the system prints it, code and name apart: 324001 溧平县司法局本级."""
    match = _UNIT_CODE.match(text)
    return f"{match.group(1)} {match.group(2)}" if match else text


def _labels(model: type, extra: dict[str, tuple[str, ...]], fields: Optional[tuple[str, ...]] = None) -> dict[str, str]:
    """Chinese label → field: the model's own labels, and the variants the forms use."""
    table = {label: name for name in fields or tuple(model.model_fields) for label in aliases(model, name)[1:]}
    table.update({label: name for name, labels in extra.items() for label in labels})
    return table


PROJECT_LABELS = _labels(Project, {
    "code": ("项目代码",),
    "unit": ("单位名称", "预算单位名称", "预算单位及代码"),
    "competent_department": ("主管部门及代码", "主管单位"),
    "implementing_unit": ("实施单位及代码",),
    "period": ("项目周期", "项目实施期", "实施周期"),
    "money_unit": ("单位",),  # 单位：万元
}, fields=("code", "name", "unit", "money_unit", "uses", "competent_department", "implementing_unit",
           "attribute", "period"))
BUDGET_LABELS = _labels(Budget, {
    "total": ("年度资金总额", "资金总额", "项目资金总额", "预算金额", "预算总额", "年度预算数"),
    "fiscal": ("财政拨款", "本级财政资金", "一般公共预算", "财政资金"),
    "other": ("其他",),
})
INDICATOR_LABELS = _labels(Indicator, {
    "name": ("指标名称",),
    "description": ("指标内容",),
    "value": ("目标值", "年度指标值"),
    "basis": ("确定依据", "指标值设定依据", "设定依据"),
    "op": ("符号", "比较符号"),
    "unit": ("单位",),
    "note": ("指标说明", "评分标准"),
})
BREAKDOWN_LABELS = _labels(BreakdownItem, {
    "item": ("明细项目", "支出内容", "测算内容", "费用名称", "名称", "项目"),
    "amount": ("测算金额", "金额小计"),
    "basis": ("计算依据", "依据", "说明"),
})
TARGET_LABELS = _labels(Target, {})
MEASURE_LABELS = _labels(Measure, {})

# A label in the first column that opens a block of rows.
BLOCKS = {
    **{label: "budget" for label in ("预算规模", "预算规模及资金用途", "项目资金", "项目资金情况", "资金情况")},
    **{label: "plan" for label in ("资金支出计划", "支出计划", "资金支出进度", "支出进度计划")},
    **{label: "goals" for label in (*aliases(Project, "goals")[1:], "年度目标", "项目绩效目标", "总体目标")},
    **{label: "midterm_goals" for label in (*aliases(Project, "midterm_goals")[1:], "中期目标", "长期目标",
                                             "实施期目标")},
    **{label: "breakdown" for label in (*aliases(Project, "breakdown")[1:], "成本测算明细", "项目测算明细",
                                         "支出测算明细", "资金测算明细")},
}
GOAL_COLUMNS = {label: kind for label, kind in BLOCKS.items() if kind in ("goals", "midterm_goals")}
# Which list the indicator rows go to: a 长期/年度 split labels its halves.
PERIODS = {
    **{label: "indicators" for label in (*aliases(Project, "indicators")[1:], "年度指标")},
    **{label: "midterm_indicators" for label in (*aliases(Project, "midterm_indicators")[1:], "中期指标", "长期指标",
                                                 "实施期指标")},
}
_ROW_LABELS = {*PROJECT_LABELS, *BUDGET_LABELS, *BLOCKS}
_LEVELS = ("level1", "level2")
# A goal's own numbering (1. 目标内容 1 …, 目标2：…) is not part of it; it also separates goals in one cell.
_MARK = r"(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|目标(?:内容)?\s*\d{1,2}\s*[:：]?)"
_GOAL_START = re.compile(rf"(?:^|(?<=[。；;]))\s*(?:{_MARK}\s*)+")
_SENTENCE_END = re.compile(r"[。；;！!？?.]$")


def split_goals(text: str) -> list[str]:
    """The goals a cell lists, one per line or numbered (1. 目标内容 1 …; 目标1：… 目标2：…)."""
    goals = []
    for line in text.splitlines():
        starts = [m for m in _GOAL_START.finditer(line) if m.group(0).strip()]
        bounds = [0] + [m.start() for m in starts if m.start()] + [len(line)]
        for begin, end in zip(bounds, bounds[1:]):
            piece = _GOAL_START.sub("", line[begin:end], count=1).strip()
            if piece:
                goals.append(piece)
    return goals


def split_inline_label(row: Row) -> Row:
    """A row of one cell written "项目名称：xxx" read as a label cell and a value cell."""
    filled = row.filled()
    if len(filled) != 1:
        return row
    cell = filled[0][1]
    match = _INLINE_LABEL.match(cell.text)
    if not match or label_of(match.group(1)) not in _ROW_LABELS:
        return row
    return Row((Cell(match.group(1), cell.location), Cell(match.group(2).strip(), cell.location)))


@dataclass
class Columns:
    """A header row: which column holds which field."""

    fields: dict[int, str]
    header: Row

    @classmethod
    def find(cls, row: Row, labels: dict[str, str], required: tuple[str, ...]) -> Optional["Columns"]:
        fields: dict[int, str] = {}
        for i, cell in row.filled():
            name = labels.get(label_of(cell.text))
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


def read_record(draft: Draft, model: type, item: dict[str, Any], pointer: str, cells: dict[str, Cell],
                columns: Columns) -> None:
    """One row of a header-labelled table into `item`, field by field in column order."""
    for name in columns.fields.values():
        if name in cells:
            draft.put(model, item, pointer, name, cells[name].text, cells[name].location)


class ProjectTable:
    """Reads the rows of one project's table, in order, into `draft.raw['projects'][index]`."""

    def __init__(self, draft: Draft, index: int, start: Location, wrapped_rows: bool) -> None:
        self.draft = draft
        self.pointer = f"/projects/{index}"
        self.raw: dict[str, Any] = {}
        draft.raw.setdefault("projects", []).append(self.raw)
        draft.source.add(self.pointer, start)
        # Text from a PDF wraps a long cell onto the next line; Word and Excel rows are rows.
        self.wrapped_rows = wrapped_rows
        self.block: Optional[str] = None
        self.uses_in_block = False
        self.goal_default = "goals"
        self.goal_columns: dict[int, str] = {}
        self.plan_columns: dict[int, Cell] = {}
        self.indicator_columns: Optional[Columns] = None
        self.period_column: Optional[int] = None
        self.period = "indicators"
        self.carried: dict[str, Cell] = {}  # merged 一级/二级 cells, carried down
        self.previous: Optional[tuple[dict[str, Any], str, set[str]]] = None  # last indicator, for wrapped rows
        self.breakdown_columns: Optional[Columns] = None

    # -- project fields ---------------------------------------------------------------------------

    def has(self, name: str) -> bool:
        return name in self.raw

    def set_field(self, name: str, cell: Cell, key: Optional[Cell] = None) -> None:
        text = cell.text
        if name == "money_unit" and text not in ("万元", "元"):
            name = "unit"  # 单位：324001 溧平县司法局本级
        if name in ("unit", "implementing_unit"):
            text = unit_name(text)
        self.draft.put(Project, self.raw, self.pointer, name, text, cell.location, key.location if key else None)

    def starts_new(self, row: Row) -> bool:
        """A row naming a project (项目名称, 项目编码) when this table already has one."""
        for _, cell in row.filled():
            name = PROJECT_LABELS.get(label_of(cell.text))
            if name in ("code", "name") and self.has(name):
                return True
        return False

    # -- rows -------------------------------------------------------------------------------------

    def feed(self, row: Row) -> None:
        row = split_inline_label(row)
        if not row.filled():
            return
        if self._indicator_header(row) or self._breakdown_header(row):
            return
        lead = label_of(row.text(0))
        if lead in BLOCKS:
            self._open(BLOCKS[lead], row)
        elif lead in PERIODS and len(row.filled()) == 1:
            self._switch_period(PERIODS[lead])
        elif lead in PROJECT_LABELS:
            self.block = None
            self._pairs(row, 0)
        elif self.block == "indicators":
            self._indicator_row(row)
        elif self.block == "breakdown":
            self._breakdown_row(row)
        elif not lead and self.block in ("budget", "plan", "goals"):
            getattr(self, f"_{self.block}_row")(row, 1)
        else:
            self.draft.skip_row(row)

    def _open(self, kind: str, row: Row) -> None:
        lead = row.cells[0]
        self.block = "goals" if kind in ("goals", "midterm_goals") else kind
        if kind == "budget":
            self.uses_in_block = "用途" in lead.text
            money = _MONEY_UNIT.search(lead.text)
            if money and not self.has("money_unit"):
                self.set_field("money_unit", Cell(money.group(1), lead.location))
            if not self.has("budget"):
                self.draft.put(Project, self.raw, self.pointer, "budget", {}, lead.location, lead.location)
            self._budget_row(row, 1)
        elif kind == "plan":
            self.plan_columns = {}
            if not self.has("spending_plan"):
                self.draft.put(Project, self.raw, self.pointer, "spending_plan", {}, lead.location, lead.location)
            self._plan_row(row, 1)
        elif kind == "breakdown":
            self.breakdown_columns = None
            if len(row.filled()) > 1 and not self._breakdown_header(row, spare=(0,)):
                self.draft.skip_row(row)
        else:
            self.goal_default, self.goal_columns = kind, {}
            self._goals_row(row, 1)

    def _pairs(self, row: Row, start: int) -> list[Cell]:
        """Label → the cell right of it (项目编码 | X | 项目名称 | Y); the filled cells before any label are
        returned."""
        loose: list[Cell] = []
        label: Optional[Cell] = None
        values: list[Cell] = []
        for cell in (*row.cells[start:], None):
            name = self._pair_label(cell.text) if cell is not None and cell.text else None
            if cell is not None and not name:
                if label is not None:
                    values.append(cell)
                elif cell.text:
                    loose.append(cell)
                continue
            if label is not None:
                self._pair(label, values)
            label, values = cell, []
        return loose

    @staticmethod
    def _pair_label(text: str) -> Optional[tuple[type, str]]:
        """The field a label cell names: (Budget, field) for a 预算规模 figure, else (Project, field)."""
        key = label_of(text)
        if key in BUDGET_LABELS:
            return Budget, BUDGET_LABELS[key]
        return (Project, PROJECT_LABELS[key]) if key in PROJECT_LABELS else None

    def _pair(self, label: Cell, values: list[Cell]) -> None:
        model, name = self._pair_label(label.text)
        # The value is the cell right of its label, merged over the rest; a blank one is a blank value,
        # never the next filled cell, which may belong to something else.
        for extra in values[1:]:
            if extra.text:
                self.draft.skip_cell(extra)
        value = values[0] if values and values[0].text else None
        if model is Budget:
            if not self.has("budget"):
                self.draft.put(Project, self.raw, self.pointer, "budget", {}, label.location, label.location)
            amount = self._amount(value.text) if value else None
            where = value.location if value else label.location
            self.draft.put(Budget, self.raw["budget"], join_pointer(self.pointer, "budget"), name, amount, where,
                           label.location)
        elif value is not None:
            self.set_field(name, value, label)

    def _amount(self, text: str) -> str:
        """An amount as a number: thousands separators and the table's own money unit written out are dropped."""
        text = text.replace(",", "").replace("，", "")
        unit = self.raw.get("money_unit") or "万元"
        return text[: -len(unit)].strip() if text.endswith(unit) else text

    # -- 预算规模 / 资金支出计划 / 绩效目标 ---------------------------------------------------------

    def _budget_row(self, row: Row, start: int) -> None:
        for cell in self._pairs(row, start):
            if self.uses_in_block:
                self.set_field("uses", cell)
            else:
                self.draft.skip_cell(cell)

    def _plan_row(self, row: Row, start: int) -> None:
        cells = [(i, c) for i, c in row.filled() if i >= start]
        labels = [(i, c) for i, c in cells if _CHECKPOINT.match(label_of(c.text))]
        values = [(i, c) for i, c in cells if not _CHECKPOINT.match(label_of(c.text))]
        if labels and values:  # 3月底 | 30% | 6月底 | 60%
            pairs, unpaired = self._alternating(cells)
        elif labels:
            self.plan_columns = dict(labels)
            return
        else:
            pairs, unpaired = self._by_column(values)
        for label, value in pairs:
            self._checkpoint(label, value)
        if unpaired:
            self.draft.report("import-plan-unpaired", row.location, join_pointer(self.pointer, "spending_plan"),
                              cells="、".join(c.text for c in unpaired))

    @staticmethod
    def _alternating(cells: list[tuple[int, Cell]]) -> tuple[list[tuple[Cell, Optional[Cell]]], list[Cell]]:
        pairs: list[tuple[Cell, Optional[Cell]]] = []
        unpaired: list[Cell] = []
        for _, cell in cells:
            if _CHECKPOINT.match(label_of(cell.text)):
                pairs.append((cell, None))
            elif pairs and pairs[-1][1] is None:
                pairs[-1] = (pairs[-1][0], cell)
            else:
                unpaired.append(cell)
        return pairs, unpaired

    def _by_column(self, values: list[tuple[int, Cell]]) -> tuple[list[tuple[Cell, Optional[Cell]]], list[Cell]]:
        """Percentages under the checkpoints above them; in order when a merged cell shifted them."""
        labels = self.plan_columns
        if not labels:
            return [], [c for _, c in values]
        if all(i in labels for i, _ in values):
            return [(label, dict(values).get(i)) for i, label in labels.items()], []
        if len(values) == len(labels) and min(labels) <= values[0][0] and values[-1][0] <= max(labels):
            return list(zip(labels.values(), (c for _, c in values))), []
        return [(labels[i], c) for i, c in values if i in labels], [c for i, c in values if i not in labels]

    def _checkpoint(self, label: Cell, value: Optional[Cell]) -> None:
        plan = self.raw["spending_plan"]
        where = value.location if value else label.location
        self.draft.put(Project, plan, join_pointer(self.pointer, "spending_plan"), label_of(label.text),
                       value.text if value else None, where, label.location)

    def _goals_row(self, row: Row, start: int) -> None:
        cells = [(i, c) for i, c in row.filled() if i >= start]
        columns = {i: GOAL_COLUMNS[label_of(c.text)] for i, c in cells if label_of(c.text) in GOAL_COLUMNS}
        if columns:  # 总体目标 | 中期目标（2026—2028年） | 年度目标（2026年）
            self.goal_columns = columns
        for i, cell in cells:
            if i in columns:
                continue
            left = [c for c in self.goal_columns if c <= i]
            kind = self.goal_columns[max(left)] if left else self.goal_default
            if self.wrapped_rows and self._goal_goes_on(kind, cell.text):
                goals = self.raw[kind]
                child = join_pointer(join_pointer(self.pointer, kind), len(goals) - 1)
                goals[-1] = join_wrapped(goals[-1], cell.text)
                self.draft.source.add(child, span(self.draft.source.value(child), cell.location))
                continue
            for goal in split_goals(cell.text):
                self.draft.append(self.raw, self.pointer, kind, goal, cell.location)

    def _goal_goes_on(self, kind: str, text: str) -> bool:
        """A line that carries on the goal above: that goal stops mid-sentence and this line is not numbered."""
        goals = self.raw.get(kind)
        return bool(goals) and not _SENTENCE_END.search(goals[-1]) and split_goals(text) == [text.strip()]

    # -- 绩效指标 -----------------------------------------------------------------------------------

    def _indicator_header(self, row: Row) -> bool:
        columns = Columns.find(row, INDICATOR_LABELS, ("name", "value"))
        if columns is None:
            return False
        self.block, self.indicator_columns, self.previous = "indicators", columns, None
        self.carried = {}
        self.period_column = None if 0 in columns.fields else 0
        lead = label_of(row.text(0))
        if self.period_column is not None and lead in PERIODS:
            self.period = PERIODS[lead]
        spare = () if self.period_column is None else (0,)
        for cell in columns.unknown(spare):
            self.draft.report("import-unknown-column", cell.location, header=excerpt(cell.text))
        return True

    def _switch_period(self, period: str) -> None:
        self.period, self.carried, self.previous = period, {}, None

    def _indicator_row(self, row: Row) -> None:
        columns = self.indicator_columns
        if self.period_column is not None and row.text(self.period_column):
            period = PERIODS.get(label_of(row.text(self.period_column)))
            if period is None:
                self.draft.skip_cell(row.cells[self.period_column])
            elif period != self.period:
                self._switch_period(period)
        spare = () if self.period_column is None else (self.period_column,)
        for cell in columns.stray(row, spare):
            self.draft.skip_cell(cell)
        cells = columns.read(row)
        if not cells:
            return
        if self.wrapped_rows and self._continues(cells):
            self._join(cells, row)
            return
        if not cells.keys() - set(_LEVELS):
            if all(cell.text.endswith("指标") for cell in cells.values()):
                self._carry(cells)  # a level with no indicator under it: the form's empty placeholder
            else:
                self.draft.skip_row(row)  # 填报说明：…, 填报人 | 张三: not levels
            return
        self._carry(cells)
        item: dict[str, Any] = {}
        pointer = self.draft.append(self.raw, self.pointer, self.period, item, row.location)
        read_record(self.draft, Indicator, item, pointer, {**self.carried, **cells}, columns)
        self.previous = (item, pointer, set(cells))

    def _carry(self, cells: dict[str, Cell]) -> None:
        """Remember merged level cells; a new 一级 starts its own 二级."""
        if "level1" in cells:
            self.carried = {"level1": cells["level1"]}
        if "level2" in cells:
            self.carried["level2"] = cells["level2"]

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

    # -- 测算明细 -----------------------------------------------------------------------------------

    def _breakdown_header(self, row: Row, spare: tuple[int, ...] = ()) -> bool:
        if self.block != "breakdown" or self.breakdown_columns is not None:
            return False
        columns = Columns.find(row, BREAKDOWN_LABELS, ("item",))
        if columns is None or not {"amount", "quantity", "unit_price"} & set(columns.fields.values()):
            return False
        self.breakdown_columns = columns
        for cell in columns.unknown(spare):
            self.draft.report("import-unknown-column", cell.location, header=excerpt(cell.text))
        return True

    def _breakdown_row(self, row: Row) -> None:
        columns = self.breakdown_columns
        if columns is None:
            self.draft.skip_row(row)
            return
        first = row.filled()[0][1].text
        if _TOTAL_ROW.match(label_of(first)):
            self.draft.report("import-total-row", row.location, text=excerpt(row.excerpt()))
            return
        for cell in columns.stray(row):
            self.draft.skip_cell(cell)
        cells = columns.read(row)
        if not cells:
            return
        for name in ("amount", "quantity", "unit_price"):
            if name in cells:
                cells[name] = Cell(self._amount(cells[name].text) if name != "quantity" else cells[name].text,
                                   cells[name].location)
        item: dict[str, Any] = {}
        pointer = self.draft.append(self.raw, self.pointer, "breakdown", item, row.location)
        read_record(self.draft, BreakdownItem, item, pointer, cells, columns)
