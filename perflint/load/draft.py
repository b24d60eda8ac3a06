"""The document an importer is assembling: plain data under the model's English field names (as
the YAML reader builds it before validation), where each value came from, and what was not read.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional

from perflint.text import Text
from perflint.load.blocks import Cell, Row, span
from perflint.load.model import aliases
from perflint.load.problems import Problem
from perflint.location import Location, SourceMap, join_pointer

EXCERPT = 40


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def place(where: Location) -> Any:
    """Where something is, as a finding would say it: 表1 第3行 第2列, Sheet!C5, or a line."""
    return where.label or Text(f"第 {where.line} 行", f"line {where.line}")


def field_label(model: type, name: str) -> Text:
    """A field as the forms call it (项目名称) and by its English name."""
    names = aliases(model, name) if name in model.model_fields else [name]
    return Text(names[1] if len(names) > 1 else name, name)


class Draft:
    def __init__(self) -> None:
        self.raw: dict[str, Any] = {}
        self.source = SourceMap()
        self.problems: list[Problem] = []
        self._skipped_rows = 0  # rows skipped in a row just before, reported as one problem
        self._skipped_cells: dict[object, tuple[int, list[str]]] = {}  # block → (its problem, the cells' text)

    def put(self, model: type, container: dict, pointer: str, name: str, value: Any, where: Location,
            key: Optional[Location] = None) -> bool:
        """Set a field; a second value for a field already set is reported and not read."""
        child = join_pointer(pointer, name)
        if name in container:
            self.report("import-duplicate-field", where, child, field=field_label(model, name),
                        value=excerpt(str(value or "")), first=place(self.source.value(child)))
            return False
        self._skipped_rows = 0
        container[name] = value
        self.source.add(child, where, key)
        return True

    def append(self, container: dict, pointer: str, name: str, item: Any, where: Location) -> str:
        """Add an item to a list field; the item's pointer."""
        items = container.setdefault(name, [])
        child = join_pointer(join_pointer(pointer, name), len(items))
        items.append(item)
        self.source.add(child, where)
        self._skipped_rows = 0
        return child

    def report(self, rule: str, where: Optional[Location], pointer: str = "", message: str = "default",
               **args: Any) -> None:
        self.problems.append(Problem(rule, pointer, where, args, message))
        self._skipped_rows = 0

    def skip_cell(self, cell: Cell, block: object = None) -> None:
        """A cell not read. The cells of one block (a budget block's figures for the whole period, the
        contact rows of a header) are one problem that lists them, not one problem per cell."""
        if block is not None and block in self._skipped_cells:
            index, texts = self._skipped_cells[block]
            texts.append(cell.text)
            last = self.problems[index]
            self.problems[index] = replace(last, args={**last.args, "text": excerpt("、".join(texts))})
            return
        self.report("import-skipped", cell.location, message="cell", text=excerpt(cell.text))
        if block is not None:
            self._skipped_cells[block] = (len(self.problems) - 1, [cell.text])

    def skip_row(self, row: Row) -> None:
        """A row not understood; a run of them (a table perflint does not know) is one problem."""
        if self._skipped_rows:
            last = self.problems[-1]
            self._skipped_rows += 1
            self.problems[-1] = replace(last, location=span(last.location, row.location), message="rows",
                                        args={**last.args, "count": self._skipped_rows})
            return
        self.report("import-skipped", row.location, message="row", text=excerpt(row.excerpt()))
        self._skipped_rows = 1
