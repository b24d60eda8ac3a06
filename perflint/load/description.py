"""A project described in numbered prose before its table, as department budget disclosures print it:

    1.“城管执法车辆维修燃油费”项目。
    (1)项目概述: …            (2)立项依据: …        (3)实施主体: 蒙城县卫生健康委员会。
    (4)起止时间: …            (5)项目内容: …        (6)年度预算安排: 340.00万元
    (7)绩效目标: …
    项目支出绩效目标申报表 …

The item's text follows its label on the same line or on the next. What the table does not say is taken
from here: 项目内容 is the project's 资金用途 and 绩效目标 one of its goals; 实施主体 names whose project it
is, from which the document's department may be inferred. The other items have no field and are
reported as not read.
"""

from __future__ import annotations

import re
from typing import Optional

from perflint.load.blocks import Cell, span
from perflint.load.draft import Draft, excerpt
from perflint.load.labels import label_of

_ITEM = re.compile(r"^[（(]\s*\d{1,2}\s*[）)]\s*([^：:。，,]{2,12}?)\s*[：:。]\s*(.*)$", re.S)
FIELDS = {"项目内容": "uses", "项目主要内容": "uses", "绩效目标": "goals", "项目绩效目标": "goals",
          "实施主体": "implementer", "项目实施主体": "implementer"}
# Items the format has no field for: reported, with the text under them.
OTHERS = ("项目概述", "项目概况", "立项依据", "项目立项依据", "起止时间", "项目起止时间", "年度预算安排", "实施期限")


class Description:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.fields: dict[str, Cell] = {}  # for the next project table
        self.implementers: list[Cell] = []  # every 实施主体 named, for the department
        self.awaiting: Optional[tuple[Optional[str], Cell]] = None  # an item whose text is on the next line

    def feed(self, cell: Cell, opens_something: bool) -> bool:
        """Read the paragraph if it is an item of a description or the text of the item above it."""
        item = _ITEM.match(cell.text)
        label = label_of(item.group(1)) if item else ""
        if item and (label in FIELDS or label in OTHERS):
            self.awaiting = None
            text = item.group(2).strip()
            if text:
                self._item(FIELDS.get(label), Cell(text, cell.location), cell)
            else:
                self.awaiting = (FIELDS.get(label), cell)
            return True
        if self.awaiting is not None:
            field, label_cell = self.awaiting
            self.awaiting = None
            if not opens_something:
                self._item(field, cell, label_cell)
                return True
        return False

    def _item(self, field: Optional[str], value: Cell, label: Cell) -> None:
        if field is None:
            below = value.location != label.location  # the text on the line under its label
            self.draft.report("import-skipped", span(label.location, value.location) if below else label.location,
                              text=excerpt(label.text + value.text if below else label.text))
            return
        if field == "implementer":
            self.implementers.append(Cell(value.text.rstrip("。；;"), value.location))
        self.fields[field] = value

    def take(self) -> dict[str, Cell]:
        fields, self.fields, self.awaiting = self.fields, {}, None
        return fields
