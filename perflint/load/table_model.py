"""One table of a document, from its rows to the model: a project's 项目支出绩效目标表, or a
department's 部门整体支出绩效目标表.

Shared by the text, Word, Excel and PDF importers: whatever the form, the table is a set of labelled
rows (项目名称, 预算规模, 资金支出计划, 绩效目标 …), the indicator rows under a header (indicator_rows.py),
and sometimes a cost table (成本构成 | 金额 | 测算依据) or, for a department, its tasks. A label in the
first column opens a block that goes on while that column is blank (the cell is merged down); a row
the table does not explain is reported, never dropped.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from perflint.load.blocks import Cell, Row, span
from perflint.load.columns import Columns
from perflint.load.draft import Draft, excerpt, field_label
from perflint.load.indicator_rows import IndicatorRows
from perflint.load.labels import (ANNUAL_TOTALS, BLOCKS, BREAKDOWN_LABELS, BUDGET_LABELS, GOAL_COLUMNS,
                                  OVERALL_BUDGET_BLOCKS, OVERALL_LABELS, PERIOD_BOUNDS, PERIOD_TOTALS, PERIODS,
                                  PROJECT_LABELS, ROW_LABELS, TASK_LABELS, label_of)
from perflint.load.model import BreakdownItem, Budget, Document, Overall, Project, Task
from perflint.load.pdf_text import join_wrapped
from perflint.location import Location, join_pointer

_MONEY_UNIT = re.compile(r"[（(]\s*(万元|元)\s*[）)]")
_INLINE_LABEL = re.compile(r"^([^：:]{2,12})[：:]\s*(.+)$", re.S)
# A cell that holds a label and its amount: 年度资金总额:16, 总额10606.7522万元, 二、自有资金:0万元 (其中: …).
_INLINE_AMOUNT = re.compile(r"^(?P<label>\D{1,30}?)[：:]?\s*(?P<amount>-?\d[\d,，]*(?:\.\d+)?)?\s*(?:万元|元)?\s*"
                            r"(?:[（(].*[）)])?$", re.S)
_LABELLED = re.compile(r"^(\D{2,30}?)\s*[：:]\s*(.*)$", re.S)
_UNIT_CODE = re.compile(r"^(\d{6,})\s*(\S.*)$")
_UNIT_LINE = re.compile(r"^\d{6,}\s*[^\d\s]\S{1,40}$")
_MONEY_CELL = re.compile(r"^(?:金额)?单位\s*[：:]\s*(万元|元)$")
_CHECKPOINT = re.compile(r"^(?:\d{1,2}月(?:底|末)?|第?[一二三四1-4]季度末?|年底|年末|全年)$")
_TOTAL_ROW = re.compile(r"^(?:合计|小计|总计)$")
# A choice printed as boxes: 新增项目□延续项目√ — the ticked one.
_TICKED = re.compile(r"([^□☑√■☐✓✔\s]+?)\s*[√☑■✓✔]")
_TICKBOX = re.compile(r"[□☐☑√■✓✔]")
_COMPETENT_CODE = re.compile(r"^\s*[\[【(（]\s*\d+\s*[\]】)）]\s*")
_SENTENCE_END = re.compile(r"[。；;！!？?.]$")
# A goal's own numbering (1. 目标内容 1 …, 目标2：…) is not part of it; it also separates goals in one cell.
_MARK = r"(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|目标(?:内容)?\s*\d{1,2}\s*[:：]?)"
_GOAL_START = re.compile(rf"(?:^|(?<=[。；;]))\s*(?:{_MARK}\s*)+")


def unit_name(text: str) -> str:
    """A budget unit as the system prints it, code and name apart: 324001 溧平县司法局本级."""
    match = _UNIT_CODE.match(text)
    return f"{match.group(1)} {match.group(2)}" if match else text


def department_name(text: str) -> str:
    """A department as a unit or competent-department cell names it: [042]六安市金安区体育局,
    (433)乌海市供销合作社联合社(部门), 776001-扎赉特旗人民检察院, 324001 溧平县司法局本级 → the name alone."""
    text = _COMPETENT_CODE.sub("", text)
    text = re.sub(r"^\d+\s*[-—－]?\s*", "", text)
    return re.sub(r"[（(]部门[）)]$|本级$", "", text).strip()


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


def split_inline_label(row: Row, labels: set) -> Row:
    """A row of one cell written "项目名称：xxx" read as a label cell and a value cell."""
    filled = row.filled()
    if len(filled) != 1:
        return row
    cell = filled[0][1]
    match = _INLINE_LABEL.match(cell.text)
    if not match or label_of(match.group(1)) not in labels:
        return row
    return Row((Cell(match.group(1), cell.location), Cell(match.group(2).strip(), cell.location)))


def read_record(draft: Draft, model: type, item: dict[str, Any], pointer: str, cells: dict[str, Cell],
                columns: Columns, row: Row) -> None:
    """One row of a header-labelled table into `item`: every column of the table, empty ones as None."""
    for column, name in columns.fields.items():
        cell = cells.get(name)
        where = cell.location if cell else (row.cells[column].location if column < len(row.cells) else row.location)
        draft.put(model, item, pointer, name, cell.text if cell else None, where)


class Table:
    """What a project's table and a department's table share: labelled rows, funding, goals, indicators."""

    model: type = Project
    labels: dict[str, str] = PROJECT_LABELS
    goal_kinds = {"goals": "goals", "midterm_goals": "midterm_goals", "overall_goals": "goals"}

    def __init__(self, draft: Draft, raw: dict, pointer: str, start: Location, wrapped_rows: bool,
                 money_unit: Optional[Cell] = None) -> None:
        self.draft = draft
        self.raw = raw
        self.pointer = pointer
        draft.source.add(pointer, start)
        # Text from a PDF wraps a long cell onto the next line; Word and Excel rows are rows.
        self.wrapped_rows = wrapped_rows
        self.block: Optional[str] = None
        self.uses_in_block = False
        self.goal_default: str  # the kind of goal a goals block gives: set when the block opens
        self.goal_columns: dict[int, str] = {}
        self.goal_header: Optional[Row] = None
        self.plan_columns: dict[int, Cell] = {}
        self.budget_from = 0  # budget cells left of this column give the whole period's figures
        self.indicators = IndicatorRows(draft, raw, pointer, wrapped_rows, midterm=self.model is Project)
        self.breakdown_columns: Optional[Columns] = None
        self.task_columns: Optional[Columns] = None
        self.period_bounds: dict[str, Cell] = {}
        self.pending_goals: list[tuple[str, Cell]] = []  # under 总体目标: long-term or the only goal, decided at the end
        self.money_unit = money_unit  # 单位：元 above the table
        self.described: dict[str, Cell] = {}  # what prose before the table said of the project (description.py)

    # -- fields ------------------------------------------------------------------------------------

    def has(self, name: str) -> bool:
        return name in self.raw

    def set_field(self, name: str, cell: Cell, key: Optional[Cell] = None) -> None:
        text = cell.text
        if name == "department":
            if "department" not in self.draft.raw:
                self.draft.put(Document, self.draft.raw, "", "department", department_name(text),
                               cell.location, key.location if key else None)
            return
        if name == "money_unit" and text not in ("万元", "元"):
            name = "unit"  # 单位：324001 溧平县司法局本级
        if name in ("unit", "implementing_unit"):
            text = unit_name(text)
        if name == "attribute" and _TICKBOX.search(text):
            ticked = _TICKED.findall(text)
            text = ticked[0] if len(ticked) == 1 else text
        if name not in self.model.model_fields:
            self.draft.skip_cell(cell, block=(self.pointer, "header"))
            return
        self.draft.put(self.model, self.raw, self.pointer, name, text, cell.location, key.location if key else None)

    def starts_new(self, row: Row) -> bool:
        """A row naming a project (项目名称, 项目编码, its unit) when this table already has one."""
        for _, cell in row.filled():
            name = self.labels.get(label_of(cell.text))
            if name in ("code", "name") and self.has(name):
                return True
            if name == "unit" and self.has("unit") and (self.raw.get("indicators") or self.raw.get("goals")):
                return True
        if self.raw.get("indicators") and any(_UNIT_LINE.match(c.text) for _, c in row.filled()):
            return True  # the next table's 207101天津市河北区人民法院 | 单位：万元
        return False

    # -- rows --------------------------------------------------------------------------------------

    def feed_blank(self, row: Row) -> None:
        if self.block == "indicators":
            self.indicators.blank(row)

    def feed(self, row: Row) -> None:
        row = split_inline_label(row, ROW_LABELS | set(self.labels))
        if not row.filled():
            return
        if self.indicators.header(row):
            self.block = "indicators"
            return
        if self._breakdown_header(row) or self._task_header(row):
            return
        if self._unit_row(row):
            return
        lead = label_of(row.text(0))
        if self._opens(lead, row):
            return
        if lead in PERIODS and len(row.filled()) == 1:
            self.block = "indicators"
            self.indicators.switch_period(PERIODS[lead])
        elif lead in self.labels or lead in PERIOD_BOUNDS or lead in BUDGET_LABELS or self._has_label(row):
            self.block = None
            money = _MONEY_UNIT.search(row.text(0))  # 下达中央预算内投资（万元） | 2350
            if money and lead in BUDGET_LABELS and not self.has("money_unit"):
                self.set_field("money_unit", Cell(money.group(1), row.cells[0].location))
            for cell in self._pairs(row, 0):
                self.draft.skip_cell(cell, block=(self.pointer, "header"))
        elif self.block == "indicators":
            if not self.indicators.prose_row(row, 1 if lead in PERIODS or "绩效指标" in lead else 0):
                self.indicators.row(row)
        elif self.block == "breakdown":
            self._breakdown_row(row)
        elif self.block == "tasks":
            self._task_row(row)
        elif not lead and self.block in ("budget", "plan", "goals"):
            getattr(self, f"_{self.block}_row")(row, 1)
        elif "绩效指标" in lead and self.indicators.prose_row(row, 1):
            self.block = "indicators"
        else:
            self.draft.skip_row(row)

    def _unit_row(self, row: Row) -> bool:
        """207101天津市河北区人民法院 | 单位：万元: the budget unit and the money unit above a table."""
        cells = [c for _, c in row.filled()]
        units = [c for c in cells if _UNIT_LINE.match(c.text)]
        money = [c for c in cells if _MONEY_CELL.match(c.text)]
        if not units or len(units) + len(money) != len(cells):
            return False
        for cell in units:
            if not self.has("unit") and self.model is Project:
                self.set_field("unit", cell)
            else:
                self.draft.skip_cell(cell, block=(self.pointer, "header"))
        for cell in money:
            if not self.has("money_unit"):
                self.set_field("money_unit", Cell(_MONEY_CELL.match(cell.text).group(1), cell.location))
        return True

    def _has_label(self, row: Row) -> bool:
        """A row of label–value pairs whose first label is not one of ours (项目总投资 | 20万元 | 其他资金 | 20万元)."""
        return any(self._pair_label(c.text) for i, c in row.filled() if i > 0) and not row.text(0) == ""

    def _opens(self, lead: str, row: Row) -> bool:
        if lead in BLOCKS:
            self._open(BLOCKS[lead], row)
            return True
        return False

    def _open(self, kind: str, row: Row) -> None:
        lead = row.cells[0]
        self.block = "goals" if kind in ("goals", "midterm_goals", "overall_goals") else kind
        if kind == "budget":
            self.uses_in_block = "用途" in lead.text
            self.budget_from = 0
            money = _MONEY_UNIT.search(lead.text)
            if money and not self.has("money_unit"):
                self.set_field("money_unit", Cell(money.group(1), lead.location))
            self._ensure_budget(lead)
            self._budget_row(row, 1)
        elif kind == "plan":
            self.plan_columns = {}
            if not self.has("spending_plan"):
                self.draft.put(Project, self.raw, self.pointer, "spending_plan", {}, lead.location, lead.location)
            self._plan_row(row, 1)
        elif kind == "breakdown":
            self.breakdown_columns = None
            if len(row.filled()) > 1 and not self._breakdown_header(row):
                self.draft.skip_row(row)
        else:
            self.goal_default, self.goal_columns, self.goal_header = kind, {}, None
            self._goals_row(row, 1)

    def budget_figure(self, field: str, cell: Cell) -> None:
        """One funding figure given in a column of its own (a listing's 预算数)."""
        self._ensure_budget(cell)
        self.draft.put(Budget, self.raw["budget"], join_pointer(self.pointer, "budget"), field,
                       self._amount(cell.text) if cell.text else None, cell.location)

    def goal_cell(self, cell: Cell) -> None:
        self._goal("goals", cell)

    def _ensure_budget(self, where: Cell) -> None:
        if not self.has("budget"):
            self.draft.put(self.model, self.raw, self.pointer, "budget", {}, where.location, where.location)

    # -- label | value pairs ------------------------------------------------------------------------

    def _tokens(self, cells: list[Cell]) -> list[tuple[str, Cell, Optional[Cell]]]:
        """Each cell as a label ("label", cell, inline value), a value, or a label we do not know."""
        tokens = []
        for cell in cells:
            if not cell.text:
                tokens.append(("value", cell, None))
                continue
            if self._pair_label(cell.text):
                tokens.append(("label", cell, None))
                continue
            inline = _INLINE_AMOUNT.match(cell.text)
            if inline and self._pair_label(inline.group("label")) and (inline.group("amount") or
                                                                       re.search(r"[：:]\s*$", cell.text)):
                amount = inline.group("amount")
                tokens.append(("label", Cell(inline.group("label"), cell.location),
                               Cell(amount or "", cell.location)))
                continue
            labelled = _LABELLED.match(cell.text)
            if labelled and self._pair_label(labelled.group(1)):
                tokens.append(("label", Cell(labelled.group(1), cell.location),
                               Cell(labelled.group(2).strip(), cell.location)))
            elif labelled:
                tokens.append(("unknown", cell, None))  # 按收入性质分：, 项目支出：82
            else:
                tokens.append(("value", cell, None))
        return tokens

    def _pairs(self, row: Row, start: int) -> list[Cell]:
        """Label → the cell right of it (项目编码 | X | 项目名称 | Y); the filled cells not under a label
        are returned."""
        loose: list[Cell] = []
        label: Optional[tuple[Cell, Optional[Cell]]] = None
        values: list[Cell] = []
        for kind, cell, inline in (*self._tokens(list(row.cells[start:])), ("end", None, None)):
            if kind == "value":
                if label is not None:
                    values.append(cell)
                elif cell.text:
                    loose.append(cell)
                continue
            if label is not None:
                self._pair(label[0], [label[1], *values] if label[1] is not None else values)
            label, values = None, []
            if kind == "label":
                label = (cell, inline)
            elif kind == "unknown":
                loose.append(cell)
        return loose

    def _pair_label(self, text: str) -> Optional[tuple[type, str]]:
        """The field a label cell names: (Budget, field) for a funding figure, else (the table's model, field)."""
        key = label_of(text)
        if key in BUDGET_LABELS and key not in self.labels:
            return Budget, BUDGET_LABELS[key]
        if key in PERIOD_BOUNDS:
            return None, key
        return (self.model, self.labels[key]) if key in self.labels else None

    def _pair(self, label: Cell, values: list[Cell]) -> None:
        model, name = self._pair_label(label.text)
        # The value is the cell right of its label, merged over the rest; a blank one is a blank value,
        # never the next filled cell, which may belong to something else.
        for extra in values[1:]:
            if extra.text:
                self.draft.skip_cell(extra, block=(self.pointer, "extra"))
        value = values[0] if values and values[0].text else None
        if model is Budget:
            self._ensure_budget(label)
            amount = self._amount(value.text) if value else None
            where = value.location if value else label.location
            self.draft.put(Budget, self.raw["budget"], join_pointer(self.pointer, "budget"), name, amount, where,
                           label.location)
        elif model is None:  # 项目开始日期 | 项目完成日期
            if value is not None:
                self.period_bounds[PERIOD_BOUNDS[name]] = value
        elif value is not None:
            self.set_field(name, value, label)
        elif name in self.model.model_fields and self.model.model_fields[name].annotation != str:
            self.draft.put(self.model, self.raw, self.pointer, name, None, label.location, label.location)

    def _amount(self, text: str) -> str:
        """An amount as a number: thousands separators and the table's own money unit written out are dropped."""
        text = text.replace(",", "").replace("，", "").strip()
        unit = self.raw.get("money_unit") or "万元"
        text = re.sub(r"[（(].*[）)]$", "", text).strip()  # 6923.3552万元(其中:上级财政资金…)
        return text[: -len(unit)].strip() if text.endswith(unit) else text

    # -- 预算规模 / 资金支出计划 / 绩效目标 ---------------------------------------------------------

    def _budget_row(self, row: Row, start: int) -> None:
        labels = {label_of(c.text): i for i, c in row.filled() if i >= start}
        annual = [labels[k] for k in ANNUAL_TOTALS if k in labels]
        period = [labels[k] for k in PERIOD_TOTALS if k in labels]
        if annual and period and min(period) < min(annual):
            self.budget_from = min(annual)  # 中期资金总额 | 68.50 | 年度资金总额 | 51.35
        if self.budget_from:
            for i, cell in row.filled():
                if start <= i < self.budget_from:
                    self.draft.skip_cell(cell, block=(self.pointer, "budget-period"))
            start = max(start, self.budget_from)
        for cell in self._pairs(row, start):
            if self.uses_in_block:
                self.set_field("uses", cell)
            else:
                self.draft.skip_cell(cell, block=(self.pointer, "budget"))

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
            self.goal_columns, self.goal_header = columns, row
            return
        for i, cell in cells:
            left = [c for c in self.goal_columns if c <= i]
            kind = self.goal_columns[max(left)] if left else self.goal_default
            self._goal(kind, cell)
        if self.goal_header is not None:
            # The form has a column for each kind of goal; one left empty is an empty goal, not a missing one.
            for i, kind in self.goal_columns.items():
                if not any(c >= i and not any(i < k <= c for k in self.goal_columns) for c, _ in cells):
                    self._goal(kind, Cell("", self.goal_header.cells[i].location))
            self.goal_header = None

    def _goal(self, kind: str, cell: Cell) -> None:
        if kind == "overall_goals":
            self.pending_goals.append((kind, cell))
            return
        self._add_goal(self.goal_kinds[kind], cell)

    def _add_goal(self, field: str, cell: Cell) -> None:
        if not cell.text:
            self.draft.append(self.raw, self.pointer, field, "", cell.location)
            return
        if self.wrapped_rows and self._goal_goes_on(field, cell.text):
            goals = self.raw[field]
            child = join_pointer(join_pointer(self.pointer, field), len(goals) - 1)
            goals[-1] = join_wrapped(goals[-1], cell.text)
            self.draft.source.add(child, span(self.draft.source.value(child), cell.location))
            return
        for goal in split_goals(cell.text):
            self.draft.append(self.raw, self.pointer, field, goal, cell.location)

    def _goal_goes_on(self, kind: str, text: str) -> bool:
        """A line that carries on the goal above: that goal stops mid-sentence and this line is not numbered."""
        goals = self.raw.get(kind)
        return bool(goals) and not _SENTENCE_END.search(goals[-1]) and split_goals(text) == [text.strip()]

    # -- 测算明细 / 成本构成 ------------------------------------------------------------------------

    def _breakdown_header(self, row: Row) -> bool:
        if self.block != "breakdown" or self.breakdown_columns is not None:
            return False
        columns = Columns.find(row, BREAKDOWN_LABELS, ("item",))
        if columns is None or not {"amount", "quantity", "unit_price"} & set(columns.fields.values()):
            return False
        self.breakdown_columns = columns
        for cell in columns.unknown():
            self.draft.report("import-unknown-column", cell.location, header=excerpt(cell.text))
        return True

    def _breakdown_row(self, row: Row) -> None:
        columns = self.breakdown_columns
        if columns is None:
            self.draft.skip_row(row)
            return
        first = row.filled()[0][1].text
        if _TOTAL_ROW.match(label_of(first)):
            self._total_row(row, columns)
            return
        for cell in columns.stray(row):
            self.draft.skip_cell(cell, block=(self.pointer, "breakdown"))
        cells = columns.read(row)
        if not cells:
            return
        for name in ("amount", "quantity", "unit_price"):
            if name in cells:
                cells[name] = Cell(self._amount(cells[name].text) if name != "quantity" else cells[name].text,
                                   cells[name].location)
        item: dict[str, Any] = {}
        pointer = self.draft.append(self.raw, self.pointer, "breakdown", item, row.location)
        read_record(self.draft, BreakdownItem, item, pointer, cells, columns, row)

    def _total_row(self, row: Row, columns: Columns) -> None:
        """合计 is not a cost line. When the table states no budget, it is the project's total."""
        amount = columns.read(row).get("amount")
        budget = self.raw.get("budget") or {}
        if amount is not None and budget.get("total") is None and self.model is Project:
            self._ensure_budget(amount)
            self.raw["budget"].pop("total", None)  # 预算数 printed with its cell left blank: the total row fills it
            self.draft.put(Budget, self.raw["budget"], join_pointer(self.pointer, "budget"), "total",
                           self._amount(amount.text), amount.location)
            self.draft.report("import-field-inferred", amount.location, f"{self.pointer}/budget/total",
                              field=field_label(Budget, "total"), value=amount.text)
            return
        self.draft.report("import-total-row", row.location, text=excerpt(row.excerpt()))

    # -- 年度主要任务 ---------------------------------------------------------------------------------

    def _task_header(self, row: Row) -> bool:
        return False

    def _task_row(self, row: Row) -> None:
        self.draft.skip_row(row)

    # -- the end of the table ------------------------------------------------------------------------

    def close(self) -> None:
        """What can only be decided once the whole table is read."""
        annual = self.has("goals")
        if "goals" in self.described:  # the goal the prose before the table states: a goal of its own
            described = self.described["goals"]
            for goal in split_goals(described.text):
                self.draft.append(self.raw, self.pointer, self.goal_kinds["goals"], goal, described.location)
        if "uses" in self.described and not self.has("uses") and self.model is Project:
            self.set_field("uses", self.described["uses"])
        if self.pending_goals:
            # 总体目标 beside a 年度目标 is the long-term goal; alone, it is the goal.
            field = "midterm_goals" if annual and self.model is Project else "goals"
            for _, cell in self.pending_goals:
                self._add_goal(self.goal_kinds[field], cell)
        bounds = self.period_bounds
        if bounds and not self.has("period"):
            if "start" in bounds and "end" in bounds:
                text = f"{bounds['start'].text}—{bounds['end'].text}"
                self.set_field("period", Cell(text, span(bounds["start"].location, bounds["end"].location)))
            else:
                for cell in bounds.values():
                    self.draft.skip_cell(cell, block=(self.pointer, "header"))
        if self.money_unit is not None and not self.has("money_unit") and self.raw:
            self.set_field("money_unit", self.money_unit)


class ProjectTable(Table):
    """A project's 项目支出绩效目标表, into `draft.raw['projects'][index]`."""

    def __init__(self, draft: Draft, index: int, start: Location, wrapped_rows: bool,
                 money_unit: Optional[Cell] = None) -> None:
        raw: dict[str, Any] = {}
        draft.raw.setdefault("projects", []).append(raw)
        super().__init__(draft, raw, f"/projects/{index}", start, wrapped_rows, money_unit)


class OverallTable(Table):
    """A department's 部门整体支出绩效目标表, into `draft.raw['overall']`: its functions, budget, goals,
    tasks and department-wide indicators."""

    model = Overall
    labels = OVERALL_LABELS
    goal_kinds = {"goals": "goal", "midterm_goals": "goal", "overall_goals": "goal", "goal": "goal",
                  "annual_goal": "annual_goal"}

    def __init__(self, draft: Draft, start: Location, wrapped_rows: bool, money_unit: Optional[Cell] = None) -> None:
        raw = draft.raw.setdefault("overall", {})
        super().__init__(draft, raw, "/overall", start, wrapped_rows, money_unit)

    def starts_new(self, row: Row) -> bool:
        return False

    def _opens(self, lead: str, row: Row) -> bool:
        if lead in OVERALL_BUDGET_BLOCKS:
            self._open("budget", row)
            return True
        name = self.labels.get(lead)
        if name in ("goal", "annual_goal", "functions"):
            self.block, self.goal_default, self.goal_columns, self.goal_header = "goals", name, {}, None
            self._goals_row(row, 1)
            return True
        if name == "tasks":
            self.block, self.task_columns = "tasks", None
            self._task_header(Row(row.cells), start=1)
            return True
        return False

    def _goal(self, kind: str, cell: Cell) -> None:
        """A department's goal is prose: its lines kept as they are, one per line."""
        field = self.goal_kinds.get(kind, kind)
        if not cell.text:
            return
        if self.raw.get(field):
            child = join_pointer(self.pointer, field)
            self.raw[field] += "\n" + cell.text
            self.draft.source.add(child, span(self.draft.source.value(child), cell.location))
        else:
            self.draft.put(Overall, self.raw, self.pointer, field, cell.text, cell.location)

    def _task_header(self, row: Row, start: int = 0) -> bool:
        if self.block != "tasks" or self.task_columns is not None:
            return False
        columns = Columns.find(row, TASK_LABELS, ("title",), start=start)
        if columns is None:
            return False
        self.task_columns = columns
        for cell in columns.unknown(spare=tuple(range(start))):
            self.draft.report("import-unknown-column", cell.location, header=excerpt(cell.text))
        return True

    def _task_row(self, row: Row) -> None:
        columns = self.task_columns
        if columns is None or label_of(row.text(0)):
            self.draft.skip_row(row)
            return
        for cell in columns.stray(row, spare=(0,)):
            self.draft.skip_cell(cell, block=(self.pointer, "tasks"))
        cells = columns.read(row)
        if not cells:
            return
        if "amount" in cells:
            cells["amount"] = Cell(self._amount(cells["amount"].text), cells["amount"].location)
        item: dict[str, Any] = {}
        pointer = self.draft.append(self.raw, self.pointer, "tasks", item, row.location)
        read_record(self.draft, Task, item, pointer, cells, columns, row)
