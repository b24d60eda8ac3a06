"""The outline of a 部门预算绩效文本, from paragraphs and table rows to the document.

The forms differ (text extracted from a PDF, a Word document, a workbook); the outline does not:
a cover (部门, 2026 年部门预算绩效文本, （草案）, …编制, …审核), 第一部分 部门整体绩效目标 with
一、总体绩效目标, 二、分项绩效目标 (（一）title, 绩效目标：…, 绩效指标：…) and 三、工作保障措施, then
第二部分 with one 项目支出绩效目标表 per project (table_model reads those). A workbook may label
the same things in its first column instead (部门 | 溧平县司法局, 分项绩效目标 | 名称 | 绩效目标 …).
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Optional

from perflint.load.blocks import Block, Break, Cell, Paragraph, Row, span
from perflint.load.document import LoadedDocument
from perflint.load.draft import Draft, excerpt, field_label
from perflint.load.model import Document, Measure, Overall, Target, aliases
from perflint.load.columns import Columns
from perflint.load.description import Description
from perflint.load.labels import MEASURE_LABELS, PROJECT_LABELS, TARGET_LABELS, label_of
from perflint.load.listing import BudgetListing, IndicatorListing
from perflint.load.table_model import OverallTable, ProjectTable, Table, department_name, read_record, unit_name
from perflint.load.partial import validate_partial
from perflint.load.yaml_reader import assign_pointers
from perflint.location import Location, join_pointer

_NUMERAL = "一二三四五六七八九十"
_PART = re.compile(rf"^第[{_NUMERAL}]+部分\s*(.*)$")
_SECTION = re.compile(rf"^[{_NUMERAL}]+\s*[、.．]\s*(.+)$")
_SUBSECTION = re.compile(rf"^[（(]\s*[{_NUMERAL}]+\s*[）)]\s*(.*)$", re.S)
_PROJECT_HEADING = re.compile(r"^(?:\d{1,3}\s*[.、．]\s*)?(.*?)(?:项目支出|项目)?绩效(?:目标|评价指标)(?:申报|设定)?表\s*\d{0,3}"
                              r"(?:\s*[（(]?[^（）()]*?[）)])?(?:\s*20\d{2}\s*年度?)?$")
# A department's name: an organ, office or institution (溧平县司法局, 六安市金安区残疾人联合会, 鄂州市机关事务服务中心).
ORGANIZATION = (r"(?:局|委员会|委|院|所|中心|办公室|办|厅|联合会|联社|合作社|政府|大队|支队|队|站|馆|学校|中学|小学|"
                r"幼儿园|医院|法院|检察院|党校|协会|处|街道办事处|街道|镇|乡)")
# A table title that opens with whose it is: 溧平县司法局2026年…, 六安市金安区残疾人联合会-残疾人精准康复.
_ORGANIZATION = re.compile(rf"{ORGANIZATION}$")
_HEADING_DEPARTMENT = re.compile(rf"^(?P<department>\S{{2,30}}?{ORGANIZATION})\s*(?:[-—－_–]\s*|(?=20\d{{2}}\s*年))"
                                 rf"(?P<rest>.*)$")
_HEADING_YEAR = re.compile(r"^20\d{2}\s*年度?\s*(?:部门预算|部门|预算)?$")
# A department-level table: 部门整体支出绩效目标表, 部门（单位）整体支出项目绩效目标申报表.
_OVERALL_HEADING = re.compile(r"部门(?:[（(]单位[）)])?整体支出(?:项目)?绩效目标(?:申报)?表")
# The year under a table's title: (2025年度), ( 2024 年度), 2020年度), （2021年）.
_SUBTITLE = re.compile(r"^[（(]?\s*(20\d{2})\s*年度?\s*[）)]$")
_MONEY_LINE = re.compile(r"^(?:金额)?单位\s*[：:]\s*(万元|元)$")
_TITLE = re.compile(r"^(.{0,30}?)(20\d{2})\s*年度?\s*(.{0,20}(?:绩效文本|绩效目标|部门预算))$")
_STATUS = re.compile(r"^[（(]\s*([^（）()]{1,6}稿|草案)\s*[）)]$")
_PREPARED = re.compile(r"^(.{2,30}?)(编制|审核)$")
_TOC = re.compile(r"^目\s*录$")
_TOC_LEADER = re.compile(r"(?:[.…·]{3,}|\s)\s*\d{1,4}$")
_PAGE = re.compile(r"^\d{1,4}$")
_UNIT_LINE = re.compile(r"^\d{6,}\s*\S{2,40}$")
_YEAR = re.compile(r"(20\d{2})\s*年")
_NUMBERED = re.compile(r"^\d{1,3}\s*[.、．]")
_COVER_FIELD = re.compile(r"^([^：:]{2,12})[：:]\s*(.+)$")  # 部门：溧平县司法局, 填报单位（盖章）：…
_TARGET_FIELD = re.compile(r"^(绩效目标|绩效指标)\s*[：:]\s*(.*)$", re.S)
_PART_NAMES = {"overall": ("部门整体绩效目标", "整体绩效目标"), "projects": ("预算项目绩效目标", "项目支出绩效目标",
                                                               "项目绩效目标")}
_DOCUMENT_FIELDS = ("department", "year", "title", "status", "prepared_by", "reviewed_by")
DOCUMENT_LABELS = {**{label: name for name in _DOCUMENT_FIELDS for label in aliases(Document, name)[1:]},
                   "填报单位": "department", "部门名称": "department"}
_OVERALL_ROWS = {label: name for name in ("goal", "targets", "measures") for label in aliases(Overall, name)[1:]}
_SECTIONS = (("总体", "goal"), ("分项", "targets"), ("保障措施", "measures"), ("措施", "measures"))
_TARGET_FIELDS = {"绩效目标": "goal", "绩效指标": "indicators"}


def _part_of(name: str) -> Optional[str]:
    return next((part for part, names in _PART_NAMES.items() if name in names), None)


def _is_heading(text: str) -> bool:
    return bool(_PART.match(text) or _SECTION.match(text) or _SUBSECTION.match(text)
                or _NUMBERED.match(text))


class Outline:
    def __init__(self, wrapped_rows: bool) -> None:
        self.draft = Draft()
        self.wrapped_rows = wrapped_rows
        self.part: Optional[str] = None  # None: the cover; "overall" or "projects"
        self.expect_part_name = False
        self.section: Optional[str] = None
        self.cover: list[Cell] = []  # cover lines before the title: the department's name
        self.columns: Optional[Columns] = None  # the header of 分项绩效目标 / 工作保障措施 as a table
        self.item: Optional[tuple[dict, str, Optional[str]]] = None  # the target or measure being read
        self.table: Optional[Table] = None
        self.money_unit: Optional[Cell] = None  # 单位：元 above the tables
        self.listing: Optional[IndicatorListing] = None
        self.budgets: list[BudgetListing] = []
        self.budget_listing: Optional[BudgetListing] = None
        self.heading: Optional[Cell] = None  # the current project's heading: its name if the table has none
        self.headings: list[Cell] = []
        self.first: Optional[Location] = None
        self.description = Description(self.draft)  # a project described in prose before its table

    # -- entry --------------------------------------------------------------------------------------

    def read(self, blocks: Iterable[Block]) -> None:
        for block in blocks:
            if isinstance(block, Break):
                self._close_project()
                self.section, self.item, self.columns = None, None, None
                self.listing = self.budget_listing = None
            elif isinstance(block, Paragraph):
                if block.cell.text:
                    self.first = self.first or block.cell.location
                    self._paragraph(block.cell)
            elif block.filled():
                self.first = self.first or block.location
                self._row(block)
            elif self.table is not None:
                self.table.feed_blank(block)
        self._close_project()
        for listing in self.budgets:
            listing.apply(self)
        self._skip_cover()
        self._infer()

    # -- paragraphs ---------------------------------------------------------------------------------

    def _paragraph(self, cell: Cell) -> None:
        text = cell.text
        if _TOC.match(text) or (len(text) <= 60 and _TOC_LEADER.search(text) and _is_heading(text)):
            return
        if self.expect_part_name:
            self.expect_part_name = False
            if _part_of(text):
                return
        part = _PART.match(text)
        if part or _part_of(text):
            name = part.group(1) if part else text
            self._open_part(_part_of(name) or ("projects" if "项目" in name else "overall"))
            self.expect_part_name = bool(part) and not name
            return
        heading = _PROJECT_HEADING.match(text)
        if self.description.feed(cell, bool(heading or _OVERALL_HEADING.search(text) or _SUBTITLE.match(text))):
            return
        if self._table_furniture(cell):
            return
        if _OVERALL_HEADING.search(text):
            self._open_overall(cell)
        elif heading and not _TITLE.match(text):
            self.open_project(cell.location, cell, self._heading_name(heading.group(1).strip(), cell))
        elif self.table is not None:
            self._project_paragraph(cell)
        elif self.part is None and self._cover(cell):
            return
        elif self.part in (None, "overall"):
            self._overall_paragraph(cell)
        else:
            self.draft.report("import-skipped", cell.location, text=excerpt(text))

    def _table_furniture(self, cell: Cell) -> bool:
        """The lines printed around a table: the year under its title, 单位：万元."""
        subtitle = _SUBTITLE.match(cell.text)
        if subtitle:
            if "year" not in self.draft.raw:
                self._put_document("year", subtitle.group(1), cell.location)
            self.headings.append(cell)
            return True
        money = _MONEY_LINE.match(cell.text)
        if money:
            self.money_unit = Cell(money.group(1), cell.location)
            return True
        return False

    def _open_overall(self, cell: Cell) -> None:
        self._skip_cover()
        self._close_project()
        self.section, self.item, self.columns = None, None, None
        self.table = OverallTable(self.draft, cell.location, self.wrapped_rows, self.money_unit)
        self.heading = None
        self.headings.append(cell)

    def _cover(self, cell: Cell) -> bool:
        text = cell.text
        put = self._put_document
        title = _TITLE.match(text)
        if title:
            prefix, year, _ = title.groups()
            department = self.cover.pop() if not prefix and self.cover else None
            if prefix and self.cover and self.cover[-1].text == prefix:
                self.cover.pop()  # the department's name above a title that repeats it
            if department is not None:
                put("department", department.text, department.location)
            elif prefix:
                put("department", prefix, cell.location)
            put("year", year, cell.location)
            put("title", (department.text if department else "") + text, cell.location)
            self._skip_cover()
            return True
        status = _STATUS.match(text)
        prepared = _PREPARED.match(text)
        field = _COVER_FIELD.match(text)
        if status:
            put("status", status.group(1), cell.location)
        elif prepared:
            put("prepared_by" if prepared.group(2) == "编制" else "reviewed_by", prepared.group(1), cell.location)
        elif field and label_of(field.group(1)) in DOCUMENT_LABELS:
            put(DOCUMENT_LABELS[label_of(field.group(1))], field.group(2), cell.location)
        elif _SECTION.match(text) or _SUBSECTION.match(text) or label_of(text) in _OVERALL_ROWS:
            return False
        elif "title" in self.draft.raw:
            self.draft.report("import-skipped", cell.location, text=excerpt(text))
        else:
            self.cover.append(cell)  # perhaps the department's name, above the title
        return True

    def _skip_cover(self) -> None:
        for cell in self.cover:
            self.draft.report("import-skipped", cell.location, text=excerpt(cell.text))
        self.cover = []

    def _put_document(self, name: str, value: Any, where: Location) -> None:
        self.draft.put(Document, self.draft.raw, "", name, value, where)

    def _open_part(self, part: str) -> None:
        self._skip_cover()
        self._close_project()
        self.part, self.section, self.item, self.columns = part, None, None, None

    # -- 部门整体绩效目标 -------------------------------------------------------------------------------

    def _overall(self, where: Location) -> dict:
        if "overall" not in self.draft.raw:
            self.draft.put(Document, self.draft.raw, "", "overall", {}, where)
        return self.draft.raw["overall"]

    def _open_section(self, section: Optional[str], cell: Cell) -> None:
        self._skip_cover()
        self.section, self.item, self.columns = section, None, None
        if section is None:
            self.draft.report("import-skipped", cell.location, text=excerpt(cell.text))
        else:
            self.part = "overall"  # a document may start at 一、总体绩效目标
            self._overall(cell.location)

    def _overall_paragraph(self, cell: Cell) -> None:
        text = cell.text
        section = _SECTION.match(text)
        if section:
            self._open_section(next((kind for word, kind in _SECTIONS if word in section.group(1)), None), cell)
            return
        if label_of(text) in _OVERALL_ROWS:  # 总体绩效目标 as a heading without its number
            self._open_section(_OVERALL_ROWS[label_of(text)], cell)
            return
        sub = _SUBSECTION.match(text)
        if sub and self.section in ("targets", "measures"):
            self._open_item(sub.group(1), cell)
        elif self.section == "goal":
            self._append_text(self._overall(cell.location), "/overall", "goal", Overall, cell)
        elif self.section == "targets" and self.item is not None:
            field = _TARGET_FIELD.match(text)
            container, pointer, last = self.item
            name = _TARGET_FIELDS[field.group(1)] if field else last
            if name is None:
                self.draft.report("import-skipped", cell.location, text=excerpt(text))
                return
            self._append_text(container, pointer, name, Target, Cell(field.group(2) if field else text, cell.location))
            self.item = (container, pointer, name)
        elif self.section == "measures" and self.item is not None:
            container, pointer, _ = self.item
            self._append_text(container, pointer, "text", Measure, cell)
        else:
            self.draft.report("import-skipped", cell.location, text=excerpt(text))

    def _open_item(self, heading: str, cell: Cell) -> None:
        """（一）加强人民调解工作 — or, for a measure, （三）加强绩效运行监控。按要求开展……"""
        overall = self._overall(cell.location)
        item: dict[str, Any] = {}
        pointer = self.draft.append(overall, "/overall", self.section, item, cell.location)
        model = Target if self.section == "targets" else Measure
        title, _, rest = heading.partition("。") if self.section == "measures" else (heading, "", "")
        self.draft.put(model, item, pointer, "title", title.strip(), cell.location)
        if rest.strip():
            self.draft.put(model, item, pointer, "text", rest.strip(), cell.location)
        self.item = (item, pointer, None)

    def _append_text(self, container: dict, pointer: str, name: str, model: type, cell: Cell) -> None:
        """Prose that goes on over several paragraphs is one field, its paragraphs on their own lines."""
        if container.get(name):
            child = join_pointer(pointer, name)
            container[name] += "\n" + cell.text
            self.draft.source.add(child, span(self.draft.source.value(child), cell.location))
        elif cell.text:
            self.draft.put(model, container, pointer, name, cell.text, cell.location)

    # -- rows outside a project: a workbook's labelled cover and overall sheet ---------------------

    def _row(self, row: Row) -> None:
        if self.listing is not None:
            self.listing.feed(row)
            return
        if self.budget_listing is not None:
            self.budget_listing.feed(self, row)
            return
        if self._listing_header(row):
            return
        if self.table is not None and not self.table.starts_new(row):
            self.table.feed(row)
            return
        lead = label_of(row.text(0))
        if self.table is None:
            if self._toc_entry(row):
                return
            if lead in DOCUMENT_LABELS or lead in _OVERALL_ROWS or (self.section in ("targets", "measures")
                                                                    and lead not in PROJECT_LABELS):
                self._labelled_row(row, lead)
                return
        self.open_project(row.location, None, "")
        self.table.feed(row)

    def _listing_header(self, row: Row) -> bool:
        """A header that lists many projects: indicators (05-2) or amounts (05-1)."""
        if self.table is not None and self.table.raw.get("indicators"):
            return False
        listing = IndicatorListing.find(self, row)
        if listing is not None:
            self._close_project()
            self.listing = listing
            return True
        if self.table is None or not self.table.raw:
            budget = BudgetListing.find(row)
            if budget is not None:
                self._close_project()
                self.budget_listing = budget
                self.budgets.append(budget)
                return True
        return False

    def _toc_entry(self, row: Row) -> bool:
        filled = row.filled()
        return len(filled) == 2 and _is_heading(filled[0][1].text) and bool(_PAGE.match(filled[1][1].text))

    def _labelled_row(self, row: Row, lead: str) -> None:
        values = [c for i, c in row.filled() if i > 0]
        if lead in DOCUMENT_LABELS:
            self.section, self.columns = None, None
            if values:
                self._put_document(DOCUMENT_LABELS[lead], values[0].text, values[0].location)
            for extra in values[1:]:
                self.draft.skip_cell(extra)
        elif lead in _OVERALL_ROWS:
            self._open_section(_OVERALL_ROWS[lead], row.cells[0])
            if self.section == "goal":
                for value in values:
                    self._append_text(self._overall(row.location), "/overall", "goal", Overall, value)
            elif values:
                self._record_row(Row(tuple(row.cells[1:])))
        else:
            self._record_row(row)

    def _record_row(self, row: Row) -> None:
        """分项绩效目标 and 工作保障措施 as tables: a header (名称 | 绩效目标 | 绩效指标), then a row each."""
        kind, columns = self.section, self.columns
        model, labels = (Target, TARGET_LABELS) if kind == "targets" else (Measure, MEASURE_LABELS)
        if columns is None:
            self.columns = Columns.find(row, labels, ("title",))
            if self.columns is None:
                self.draft.skip_row(row)
            else:
                for cell in self.columns.unknown():
                    self.draft.report("import-unknown-column", cell.location, header=excerpt(cell.text))
            return
        for cell in columns.stray(row):
            self.draft.skip_cell(cell)
        cells = columns.read(row)
        if cells:
            item: dict[str, Any] = {}
            pointer = self.draft.append(self._overall(row.location), "/overall", kind, item, row.location)
            read_record(self.draft, model, item, pointer, cells, columns, row)

    # -- 预算项目绩效目标 -------------------------------------------------------------------------------

    def open_project(self, where: Location, heading: Optional[Cell], name: str) -> None:
        self._skip_cover()
        self._close_project()
        self.section, self.item, self.columns = None, None, None
        index = len(self.draft.raw.get("projects", []))
        self.table = ProjectTable(self.draft, index, where, self.wrapped_rows, self.money_unit)
        self.table.described = self.description.take()
        # A heading that only says 项目支出绩效目标表 names no project.
        self.heading = Cell(name, heading.location) if heading is not None and name else None
        if heading is not None:
            self.headings.append(heading)

    def _heading_name(self, name: str, cell: Cell) -> str:
        """The project a table title names, once the department it may open with is taken as the document's:
        溧平县司法局2026年项目支出绩效目标表 names no project, 六安市金安区残疾人联合会-残疾人精准康复 names one."""
        whose = _HEADING_DEPARTMENT.match(name)
        if whose is None:
            return name
        if "department" not in self.draft.raw:
            self._put_document("department", whose.group("department"), cell.location)
        rest = whose.group("rest").strip()
        return "" if _HEADING_YEAR.match(rest) else rest

    def _project_paragraph(self, cell: Cell) -> None:
        if _UNIT_LINE.match(cell.text) and not self.table.has("unit"):
            self.table.set_field("unit", Cell(unit_name(cell.text), cell.location))
        else:
            self.table.feed(Row((cell,)))

    def _close_project(self) -> None:
        table = self.table
        if table is not None:
            table.close()
        if isinstance(table, ProjectTable) and not table.raw:
            # A heading with no table under it (a contents line without its page number) is no project.
            self.draft.raw["projects"].pop()
            if self.heading is not None:
                # Quote the heading itself, not a year line (（2026年度）) printed under it.
                heading = next((c for c in reversed(self.headings) if c.location == self.heading.location), self.heading)
                self.draft.report("import-skipped", heading.location, text=excerpt(heading.text))
        elif isinstance(table, ProjectTable) and not table.has("name") and self.heading is not None:
            table.set_field("name", self.heading)
        self.table, self.heading = None, None

    # -- what a document leaves out ---------------------------------------------------------------------

    def _infer(self) -> None:
        """A budget system's export has project tables only: whose and which year, said once, with where
        it was taken from — an inference, so reported as one."""
        raw = self.draft.raw
        projects = raw.get("projects", [])
        if "department" not in raw:
            candidates = self._distinct(projects, "competent_department", department_name)
            if not candidates:
                candidates = self._distinct(projects, "unit", department_name)
            if not candidates:  # 实施主体：蒙城县卫生健康委员会 in a project's description
                candidates = {c.text: c.location for c in self.description.implementers if _ORGANIZATION.search(c.text)}
            self._inferred("department", candidates)
        if "year" not in raw:
            years: dict[str, Location] = {}
            for cell in self.headings:
                for year in _YEAR.findall(cell.text):
                    years.setdefault(year, cell.location)
            for i, project in enumerate(projects):
                for year in _YEAR.findall(project.get("name") or ""):
                    years.setdefault(year, self.draft.source.value(f"/projects/{i}/name"))
            self._inferred("year", years)

    def _distinct(self, projects: list[dict], name: str, value_of) -> dict[str, Location]:
        found: dict[str, Location] = {}
        for i, project in enumerate(projects):
            if project.get(name):
                found.setdefault(value_of(project[name]), self.draft.source.value(f"/projects/{i}/{name}"))
        return found

    def _inferred(self, name: str, candidates: dict[str, Location]) -> None:
        if len(candidates) != 1:
            return
        value, where = next(iter(candidates.items()))
        self._put_document(name, value, where)
        self.draft.report("import-field-inferred", where, f"/{name}", field=field_label(Document, name), value=value)


def read_blocks(blocks: Iterable[Block], path: str, lines: list[str], wrapped_rows: bool = False,
                problems: Iterable = (), has_lines: bool = True) -> LoadedDocument:
    """The document the blocks hold, validated like a YAML document; `problems` are the reader's own."""
    outline = Outline(wrapped_rows)
    outline.draft.problems.extend(problems)
    outline.read(blocks)
    draft = outline.draft
    if outline.first is None:
        draft.report("empty-document", Location.point(1, 1))
        return LoadedDocument(path, None, draft.source, lines, draft.problems, has_lines=has_lines)
    draft.source.add("", outline.first)
    document = validate_partial(draft.raw, draft.problems)
    if document is not None:
        assign_pointers(document, "")
    return LoadedDocument(path, document, draft.source, lines, draft.problems, has_lines=has_lines)
