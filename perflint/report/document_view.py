"""A document as the tables it is made of, for the reports that show a finding in place (html, docx).

`build_view` turns a loaded document into a compact JSON-native value (dicts, lists, str, int, None) that
`DocumentResult.view` carries, so that the result cache keeps it as it is and a reporter, which sees only
results, can lay the document out again:

    {"sections": [                       # the document's header, the department-wide part, each project
        {"kind": "document" | "overall" | "project", "pointer": "/projects/0",
         "title": project name or None, "code": project code or None,
         "fields": [[key, text, pointer], ...],          # label | value rows (项目名称, 预算数, 资金用途 …)
         "tables": [{"key": "indicators", "pointer": "/projects/0/indicators",
                     "columns": ["level1", "level2", "name", "value", ...],
                     "rows": [[row pointer, [text or None per column]], ...]}]}]}

A table cell's pointer is its row's pointer and its column (`/projects/0/indicators/3/value`), the JSON
Pointer findings carry, so `ViewIndex.locate` finds the cell, row, table or section a finding is about.
Only the columns a document's form has are kept (a field given as blank is a column; one never given is
not), in the order of the usual forms.

`render_html` draws one document for the html report: highlighted cells, the messages beside them, and
anchors to and from the findings table (its rows are given ids and links by `SCRIPT`, which reads the
same data the page's own script does). Everything a document says is escaped, and characters that have
no business in a page or a Word file (C0/C1 controls, bidirectional overrides, lone surrogates) are
removed.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any, Iterable, NamedTuple, Optional

from perflint.findings import Finding, Severity
from perflint.report.escape import one_line, plain
from perflint.text import Text

# Labels of fields and columns, by where they appear: the same key is 项目名称 in a project's header and
# 三级指标 in an indicator table.
LABELS: dict[tuple[str, str], Text] = {
    ("document", "department"): Text("部门", "Department"),
    ("document", "year"): Text("年度", "Year"),
    ("document", "title"): Text("标题", "Title"),
    ("document", "status"): Text("状态", "Status"),
    ("document", "prepared_by"): Text("编制单位", "Prepared by"),
    ("document", "reviewed_by"): Text("审核单位", "Reviewed by"),
    ("overall", "functions"): Text("部门职能", "Duties"),
    ("overall", "money_unit"): Text("金额单位", "Money unit"),
    ("overall", "goal"): Text("总体绩效目标", "Overall goal"),
    ("overall", "annual_goal"): Text("年度绩效目标", "Annual goal"),
    ("project", "code"): Text("项目编码", "Project code"),
    ("project", "name"): Text("项目名称", "Project name"),
    ("project", "competent_department"): Text("主管部门", "Competent department"),
    ("project", "implementing_unit"): Text("实施单位", "Implementing unit"),
    ("project", "unit"): Text("预算单位", "Budget unit"),
    ("project", "attribute"): Text("项目属性", "Attribute"),
    ("project", "category"): Text("项目类别", "Category"),
    ("project", "period"): Text("项目期", "Period"),
    ("project", "money_unit"): Text("金额单位", "Money unit"),
    ("project", "uses"): Text("资金用途", "Uses of funds"),
    ("project", "spending_plan"): Text("资金支出计划（累计 %）", "Spending plan (cumulative %)"),
    ("project", "midterm_goals"): Text("中期绩效目标", "Midterm goals"),
    ("project", "goals"): Text("年度绩效目标", "Annual goals"),
    ("budget", "total"): Text("预算数", "Budget"),
    ("budget", "fiscal"): Text("财政资金", "Fiscal funds"),
    ("budget", "other"): Text("其他资金", "Other funds"),
    ("budget", "general"): Text("一般公共预算", "General public budget"),
    ("budget", "government_fund"): Text("政府性基金", "Government funds"),
    ("budget", "state_capital"): Text("国有资本经营预算", "State capital budget"),
    ("budget", "special_account"): Text("财政专户", "Special fiscal account"),
    ("budget", "unit_funds"): Text("单位资金", "Unit's own funds"),
    ("indicators", "level1"): Text("一级指标", "Level 1"),
    ("indicators", "level2"): Text("二级指标", "Level 2"),
    ("indicators", "name"): Text("三级指标", "Indicator"),
    ("indicators", "description"): Text("绩效指标描述", "Description"),
    ("indicators", "value_type"): Text("指标性质", "Kind"),
    ("indicators", "direction"): Text("指标方向", "Direction"),
    ("indicators", "op"): Text("计算符号", "Comparator"),
    ("indicators", "value"): Text("指标值", "Target"),
    ("indicators", "unit"): Text("计量单位", "Unit"),
    ("indicators", "weight"): Text("权重", "Weight"),
    ("indicators", "basis"): Text("指标值确定依据", "Basis of the target"),
    ("indicators", "note"): Text("指标解释", "Note"),
    ("indicators", "history"): Text("历史值", "History"),
    ("breakdown", "item"): Text("内容", "Item"),
    ("breakdown", "quantity"): Text("数量", "Quantity"),
    ("breakdown", "unit_price"): Text("单价", "Unit price"),
    ("breakdown", "amount"): Text("金额", "Amount"),
    ("breakdown", "basis"): Text("测算依据", "Basis"),
    ("tasks", "title"): Text("任务名称", "Task"),
    ("tasks", "text"): Text("主要内容", "Content"),
    ("tasks", "projects"): Text("对应项目", "Projects"),
    ("tasks", "amount"): Text("预算金额", "Amount"),
    ("targets", "title"): Text("名称", "Title"),
    ("targets", "goal"): Text("绩效目标", "Goal"),
    ("targets", "indicators"): Text("绩效指标", "Indicators"),
    ("measures", "title"): Text("名称", "Title"),
    ("measures", "text"): Text("内容", "Content"),
}
TABLE_TITLES = {
    ("project", "midterm_indicators"): Text("中期绩效指标", "Midterm indicators"),
    ("project", "indicators"): Text("年度绩效指标", "Annual indicators"),
    ("project", "breakdown"): Text("测算明细", "Cost breakdown"),
    ("overall", "tasks"): Text("年度主要任务", "Main tasks of the year"),
    ("overall", "targets"): Text("分项绩效目标", "Targets"),
    ("overall", "indicators"): Text("绩效指标", "Indicators"),
    ("overall", "measures"): Text("工作保障措施", "Measures"),
}
SECTION_TITLES = {
    "document": Text("文档信息", "Document"),
    "overall": Text("部门整体绩效目标", "Department-wide targets"),
    "project": Text("项目", "Project"),
}

_DOCUMENT_FIELDS = ("department", "year", "title", "status", "prepared_by", "reviewed_by")
_OVERALL_FIELDS = ("functions", "money_unit", "budget", "goal", "annual_goal")
_PROJECT_FIELDS = ("name", "code", "competent_department", "implementing_unit", "unit", "attribute", "category",
                   "period", "money_unit", "budget", "uses", "spending_plan", "midterm_goals", "goals")
_BUDGET_FIELDS = ("total", "fiscal", "other", "general", "government_fund", "state_capital", "special_account",
                  "unit_funds")
_INDICATOR_COLUMNS = ("level1", "level2", "name", "description", "value_type", "direction", "op", "value", "unit",
                      "weight", "basis", "note", "history")
_TABLES = {
    "project": (("midterm_indicators", _INDICATOR_COLUMNS), ("indicators", _INDICATOR_COLUMNS),
                ("breakdown", ("item", "quantity", "unit_price", "amount", "basis"))),
    "overall": (("tasks", ("title", "text", "projects", "amount")), ("targets", ("title", "goal", "indicators")),
                ("indicators", _INDICATOR_COLUMNS), ("measures", ("title", "text"))),
}
# Where a table's columns take their labels from (a project's midterm indicators are indicators too).
_COLUMN_CONTEXT = {"midterm_indicators": "indicators"}


def label(context: str, key: str, lang: str) -> str:
    """A field's or column's label; `budget/total` is a budget field wherever the budget is."""
    if key.startswith("budget/"):
        context, key = "budget", key[len("budget/"):]
    found = LABELS.get((_COLUMN_CONTEXT.get(context, context), key))
    return found.get(lang) if found else key


# Building --------------------------------------------------------------------------------------------

def _text(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return plain(value)


def _given(node) -> set:
    """The fields the source gave (blank ones included), less the stand-ins for what it lacked."""
    return set(node.model_fields_set) - set(node.missing)


def _fields(node, names: tuple[str, ...], base: str) -> list:
    given, rows = _given(node), []
    for name in names:
        if name not in given:
            continue
        value = getattr(node, name)
        if name == "budget":
            if value is not None:
                rows.extend([f"budget/{part}", _text(getattr(value, part)), f"{base}/budget/{part}"]
                            for part in _BUDGET_FIELDS if part in _given(value))
            continue
        if name == "spending_plan":
            value = None if value is None else "；".join(
                f"{plain(point)}：{_text(share) if share is not None else '—'}" for point, share in value.items())
        elif isinstance(value, list):
            value = "\n".join(plain(v) for v in value)
        rows.append([name, _text(value), f"{base}/{name}"])
    return rows


def _tables(node, kind: str, base: str) -> list:
    tables = []
    for key, columns in _TABLES[kind]:
        rows = getattr(node, key)
        if not rows:
            continue
        given = set().union(*(_given(row) for row in rows))
        shown = [c for c in columns if c in given]
        tables.append({
            "key": key,
            "pointer": f"{base}/{key}",
            "columns": shown,
            "rows": [[f"{base}/{key}/{r}", [_text(getattr(row, c)) for c in shown]] for r, row in enumerate(rows)],
        })
    return tables


def build_view(document) -> Optional[dict]:
    """The document's table view (see the module's docstring), or None when nothing could be read."""
    if document is None:
        return None
    sections = [{"kind": "document", "pointer": "", "title": None, "code": None,
                 "fields": _fields(document, _DOCUMENT_FIELDS, ""), "tables": []}]
    if document.overall is not None:
        sections.append({"kind": "overall", "pointer": "/overall", "title": None, "code": None,
                         "fields": _fields(document.overall, _OVERALL_FIELDS, "/overall"),
                         "tables": _tables(document.overall, "overall", "/overall")})
    for p, project in enumerate(document.projects):
        base = f"/projects/{p}"
        named = "name" not in project.missing
        sections.append({"kind": "project", "pointer": base,
                         "title": plain(project.name) if named and project.name else None,
                         "code": plain(project.code) if project.code else None,
                         "fields": _fields(project, _PROJECT_FIELDS, base),
                         "tables": _tables(project, "project", base)})
    return {"sections": sections}


# Finding where a finding is --------------------------------------------------------------------------

class Place(NamedTuple):
    """Where in a view a pointer lands. `part` is the field's or table's index in its section."""

    kind: str  # "field", "cell", "row", "table" or "section"
    section: int
    part: Optional[int] = None
    row: Optional[int] = None
    column: Optional[int] = None


class ViewIndex:
    """Every pointer a view shows, to look findings up by."""

    def __init__(self, view: dict) -> None:
        self.view = view
        places: dict[str, Place] = {}
        for s, section in enumerate(view["sections"]):
            places.setdefault(section["pointer"], Place("section", s))
            for f, (_, _, pointer) in enumerate(section["fields"]):
                places[pointer] = Place("field", s, f)
            for t, table in enumerate(section["tables"]):
                places[table["pointer"]] = Place("table", s, t)
                for r, (row_pointer, _) in enumerate(table["rows"]):
                    places[row_pointer] = Place("row", s, t, r)
                    for c, column in enumerate(table["columns"]):
                        places[f"{row_pointer}/{column}"] = Place("cell", s, t, r, c)
        self.places = places

    def locate(self, pointer: str) -> Optional[Place]:
        """The deepest part of the view the pointer is in: a field of `/projects/0/spending_plan/12月底` is
        the spending plan; anything else falls back to its section, and to the document."""
        probe = pointer.rstrip("/") if pointer != "/" else ""
        while True:
            found = self.places.get(probe)
            if found is not None:
                return found
            if not probe:
                return None
            probe = probe.rpartition("/")[0]

    def section(self, place: Place) -> dict:
        return self.view["sections"][place.section]

    def describe(self, place: Optional[Place], lang: str) -> str:
        """The place in words, within its section: 年度绩效指标第5行（受援人满意度）· 指标值确定依据."""
        if place is None or place.kind == "section":
            return ""
        section = self.section(place)
        if place.kind == "field":
            key = section["fields"][place.part][0]
            return label(section["kind"], key, lang)
        table = section["tables"][place.part]
        title = _table_title(section["kind"], table["key"], lang)
        if place.kind == "table":
            return title
        row_pointer, cells = table["rows"][place.row]
        name = _row_name(table, cells)
        where = f"{title}第{place.row + 1}行" if lang == "zh" else f"{title}, row {place.row + 1}"
        if name:
            where += f"（{one_line(name)}）" if lang == "zh" else f" ({one_line(name)})"
        if place.kind == "cell":
            where += " · " + label(table["key"], table["columns"][place.column], lang)
        return where


def _table_title(kind: str, key: str, lang: str) -> str:
    found = TABLE_TITLES.get((kind, key))
    return found.get(lang) if found else key


def _row_name(table: dict, cells: list) -> Optional[str]:
    """What a row is called: an indicator's name, a task's or target's title, a cost line's item."""
    for column in ("name", "title", "item"):
        if column in table["columns"]:
            text = cells[table["columns"].index(column)]
            if text:
                return text
    return None


# The html report's document view ------------------------------------------------------------------

WORDS = {
    "zh": {
        "heading": "文档原表",
        "intro": "每份文档按原表的栏目列出，有问题的单元格已标出，问题写在同一行右侧；"
                 "点击问题列表中的“表中位置”跳到这里，点击这里的“问题列表”跳回。",
        "notes": "问题", "in_table": "表中位置", "to_list": "问题列表", "count": "{n} 个问题",
        "expand": "全部展开", "collapse": "全部收起", "only": "只看此文档（便于打印）", "back": "返回完整报告",
    },
    "en": {
        "heading": "Documents as tables",
        "intro": "Each document laid out as its tables; cells with findings are marked and the messages stand "
                 "beside them in the same row. \u201cIn the table\u201d in the findings list jumps here, "
                 "\u201cfindings list\u201d here jumps back.",
        "notes": "Findings", "in_table": "in the table", "to_list": "findings list", "count": "{n} findings",
        "expand": "Expand all", "collapse": "Collapse all", "only": "this document only (to print)",
        "back": "back to the whole report",
    },
}
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _e(text: Any) -> str:
    return escape(plain(text), quote=True).replace("\n", "<br>")


class _Notes:
    """The findings of one document, attached to the places of its view, numbered as they are shown."""

    def __init__(self, index: ViewIndex, findings: Iterable[Finding]) -> None:
        self.by_cell: dict[tuple, list] = {}
        self.by_row: dict[tuple, list] = {}  # the whole row (or a field row): its notes column
        self.by_table: dict[tuple, list] = {}
        self.by_section: dict[int, list] = {}
        for j, finding in enumerate(findings):
            place = index.locate(finding.pointer)
            if place is None:
                place = Place("section", 0)
            entry = (j, finding)
            if place.kind == "field":
                self.by_cell.setdefault((place.section, "f", place.part, 0), []).append(entry)
                self.by_row.setdefault((place.section, "f", place.part), []).append((entry, place))
            elif place.kind == "cell":
                self.by_cell.setdefault((place.section, place.part, place.row, place.column), []).append(entry)
                self.by_row.setdefault((place.section, place.part, place.row), []).append((entry, place))
            elif place.kind == "row":
                self.by_row.setdefault((place.section, place.part, place.row), []).append((entry, place))
            elif place.kind == "table":
                self.by_table.setdefault((place.section, place.part), []).append(entry)
            else:
                self.by_section.setdefault(place.section, []).append(entry)
        self.number: dict[int, int] = {}

    def numbered(self, entries: list) -> list:
        """Number the entries in the order they are first shown (a cell's marks come before its notes)."""
        for j, _ in entries:
            self.number.setdefault(j, len(self.number) + 1)
        return entries


def _worst(entries: list) -> str:
    return min((f.severity for _, f in entries), key=_SEVERITY_ORDER.__getitem__).value


class _Renderer:
    def __init__(self, doc: int, index: ViewIndex, findings, lang: str) -> None:
        self.doc, self.index, self.lang = doc, index, lang
        self.notes = _Notes(index, findings)
        self.words = WORDS[lang]

    def note_list(self, entries: list) -> str:
        """Numbered messages, each with the id of what it is about and a link back to the findings table."""
        items = []
        for (j, finding), target in entries:
            n = self.notes.number.setdefault(j, len(self.notes.number) + 1)
            items.append(
                f'<li id="n{self.doc}-{j}" class="note sev-{finding.severity.value}" data-target="{target}">'
                f'<span class="mark">{n}</span> <span class="code">{_e(finding.code)}</span> {_e(finding.message)} '
                f'<a class="to-finding" href="#f{self.doc}-{j}">{_e(self.words["to_list"])}</a></li>')
        return f'<ol class="notes">{"".join(items)}</ol>' if items else ""

    def marks(self, entries: list) -> str:
        return "".join(f'<sup class="mark">{self.notes.number[j]}</sup>' for j, _ in self.notes.numbered(entries))

    def cell(self, tag: str, text: Optional[str], key: tuple, cell_id: str, extra: str = "") -> str:
        entries = self.notes.by_cell.get(key, [])
        classes = ["cell"] + (["blank"] if text in (None, "") else [])
        if entries:
            classes += ["hit", f"hit-{_worst(entries)}"]
        body = _e(text) if text is not None else ""
        return f'<{tag} id="{cell_id}" class="{" ".join(classes)}"{extra}>{body}{self.marks(entries)}</{tag}>'

    def row_notes(self, key: tuple) -> tuple[str, str]:
        """The notes column of a row, and the row's own class when a finding is about the whole row."""
        entries = self.notes.by_row.get(key, [])
        whole = [entry for entry, place in entries if place.kind == "row"]
        # Notes in the order of the row's cells, as a reader's eye moves along it.
        ordered = sorted(entries, key=lambda e: (-1 if e[1].column is None else e[1].column, e[0][0]))
        row_class = f' class="hit-row hit-{_worst(whole)}"' if whole else ""
        return self.note_list([(entry, self._target(place)) for entry, place in ordered]), row_class

    def _target(self, place: Place) -> str:
        s, d = place.section, self.doc
        if place.kind == "field":
            return f"c{d}-{s}-f{place.part}"
        if place.kind == "cell":
            return f"c{d}-{s}-{place.part}-{place.row}-{place.column}"
        if place.kind == "row":
            return f"r{d}-{s}-{place.part}-{place.row}"
        if place.kind == "table":
            return f"t{d}-{s}-{place.part}"
        return f"s{d}-{s}"

    def section(self, s: int, section: dict) -> str:
        lang, kind = self.lang, section["kind"]
        heading = SECTION_TITLES[kind].get(lang)
        if kind == "project":
            name = section["title"] or ""
            code = f"（{section['code']}）" if section["code"] and lang == "zh" else (
                f" ({section['code']})" if section["code"] else "")
            heading = f"{heading}：{name}{code}" if lang == "zh" else f"{heading}: {name}{code}"
        parts = [f'<section class="view-section" id="s{self.doc}-{s}"><h4>{_e(one_line(heading))}</h4>']
        section_notes = self.notes.by_section.get(s, [])
        if section_notes:
            target = f"s{self.doc}-{s}"
            parts.append(f'<div class="section-notes">{self.note_list([(e, target) for e in section_notes])}</div>')
        if section["fields"]:
            rows = []
            for f, (key, text, _) in enumerate(section["fields"]):
                notes, _ = self.row_notes((s, "f", f))
                cell = self.cell("td", text, (s, "f", f, 0), f"c{self.doc}-{s}-f{f}")
                rows.append(f"<tr><th>{_e(label(kind, key, lang))}</th>{cell}<td class=\"notes-cell\">{notes}</td></tr>")
            parts.append(f'<table class="form fields"><tbody>{"".join(rows)}</tbody></table>')
        for t, table in enumerate(section["tables"]):
            parts.append(self.table(s, t, kind, table))
        parts.append("</section>")
        return "".join(parts)

    def table(self, s: int, t: int, kind: str, table: dict) -> str:
        lang, columns = self.lang, table["columns"]
        table_notes = self.notes.by_table.get((s, t), [])
        caption = _e(_table_title(kind, table["key"], lang))
        if table_notes:
            target = f"t{self.doc}-{s}-{t}"
            caption += self.note_list([(e, target) for e in table_notes])
        hit = f' hit-table hit-{_worst(table_notes)}' if table_notes else ""
        head = "".join(f"<th>{_e(label(table['key'], c, lang))}</th>" for c in columns)
        spans = self._spans(s, t, table)
        rows = []
        for r, (_, cells) in enumerate(table["rows"]):
            notes, row_class = self.row_notes((s, t, r))
            tds = []
            for c, text in enumerate(cells):
                span = spans.get((r, c), 1)
                if span == 0:
                    continue  # covered by the merged cell above, as the printed form merges it
                extra = f' rowspan="{span}"' if span > 1 else ""
                tds.append(self.cell("td", text, (s, t, r, c), f"c{self.doc}-{s}-{t}-{r}-{c}", extra))
            rows.append(f'<tr id="r{self.doc}-{s}-{t}-{r}"{row_class}>{"".join(tds)}'
                        f'<td class="notes-cell">{notes}</td></tr>')
        return (f'<table class="form grid-view{hit}" id="t{self.doc}-{s}-{t}"><caption>{caption}</caption>'
                f'<thead><tr>{head}<th class="notes-head">{_e(self.words["notes"])}</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>')

    def _spans(self, s: int, t: int, table: dict) -> dict:
        """Level-1 and level-2 cells repeated down consecutive rows are merged, as the printed form merges
        them; a cell with a finding of its own, or in a row that has one, stays a cell of its own."""
        spans: dict = {}
        columns, rows = table["columns"], table["rows"]
        if table["key"] not in ("indicators", "midterm_indicators"):
            return spans
        merged = [c for c in (columns.index(k) for k in ("level1", "level2") if k in columns)]
        for depth, c in enumerate(merged):
            start = 0
            while start < len(rows):
                end = start + 1
                while (end < len(rows) and rows[end][1][c] == rows[start][1][c] and rows[start][1][c]
                       # a level-2 cell stays inside the merged level-1 cell it is under
                       and all(spans.get((end, m), 1) == 0 for m in merged[:depth])
                       and self._alone(s, t, end, c) and self._alone(s, t, start, c)):
                    end += 1
                if end - start > 1:
                    spans[(start, c)] = end - start
                    for r in range(start + 1, end):
                        spans[(r, c)] = 0
                start = end
        return spans

    def _alone(self, s: int, t: int, r: int, c: int) -> bool:
        return (s, t, r, c) not in self.notes.by_cell and not any(
            place.kind == "row" for _, place in self.notes.by_row.get((s, t, r), []))


def render_html(doc: int, path: str, department: str, findings, view: Optional[dict], lang: str) -> str:
    """One document of the html report's document view: a <details> with each section's tables."""
    if not view:
        return ""
    index = ViewIndex(view)
    renderer = _Renderer(doc, index, findings, lang)
    body = "".join(renderer.section(s, section) for s, section in enumerate(view["sections"]))
    words = WORDS[lang]
    count = escape(words["count"].format(n=len(findings)))
    return (f'<details class="doc-view" id="view-{doc}"><summary><span class="path">{_e(one_line(path))}</span>'
            f' <span class="dept">{_e(one_line(department))}</span> <span class="count">{count}</span></summary>'
            f'<p class="doc-tools"><a class="only-link" href="#only-{doc}">{_e(words["only"])}</a>'
            f'<a class="back-link" href="#document-view">{_e(words["back"])}</a></p>'
            f"{body}</details>\n")


def section_html(lang: str) -> str:
    words = WORDS[lang]
    return (f'<section id="document-view"><h2>{_e(words["heading"])}</h2><p class="intro">{_e(words["intro"])}</p>'
            f'<p><button type="button" id="view-expand">{_e(words["expand"])}</button> '
            f'<button type="button" id="view-collapse">{_e(words["collapse"])}</button></p>\n')


CSS = """
#document-view .intro { color: #5d6d7e; }
#document-view button { font: inherit; padding: 3px 10px; }
details.doc-view { background: #fff; border: 1px solid var(--line, #d9dee5); border-radius: 6px; margin: 10px 0;
  padding: 6px 14px; }
details.doc-view > summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
details.doc-view > summary .dept { color: #5d6d7e; font-weight: normal; margin-left: 8px; }
details.doc-view > summary .count { color: #5d6d7e; font-weight: normal; margin-left: 8px; }
.view-section h4 { margin: 14px 0 6px; font-size: 15px; }
table.form { border-collapse: collapse; width: 100%; margin: 6px 0 12px; background: #fff; }
table.form caption { text-align: left; font-weight: 600; padding: 4px 0; }
table.form th, table.form td { border: 1px solid #9aa7b4; padding: 4px 6px; vertical-align: top; text-align: left; }
table.form th { background: #e8edf3; font-weight: 600; }
table.fields th { width: 12em; }
table.form td.cell { overflow-wrap: anywhere; }
table.form .notes-cell, table.form .notes-head { width: 34%; min-width: 260px; background: #fbfcfd; font-size: 13px; }
table.form td.hit { box-shadow: inset 0 0 0 2px var(--warning, #e08e0b); background: #fff4d6; }
table.form td.hit-error { box-shadow: inset 0 0 0 2px var(--error, #c0392b); background: #fde3df; }
table.form td.hit-info { box-shadow: inset 0 0 0 2px var(--info, #2e86c1); background: #e3f0fa; }
table.form tr.hit-row > td.cell { background: #fff4d6; }
table.form tr.hit-row.hit-error > td.cell { background: #fde3df; }
table.form tr.hit-row.hit-info > td.cell { background: #e3f0fa; }
table.hit-table { outline: 2px solid var(--warning, #e08e0b); }
table.hit-table.hit-error { outline-color: var(--error, #c0392b); }
table.hit-table.hit-info { outline-color: var(--info, #2e86c1); }
sup.mark, .note .mark { display: inline-block; min-width: 1.5em; padding: 0 4px; border-radius: 8px; color: #fff;
  background: #5d6d7e; font-size: 11px; line-height: 1.5; text-align: center; font-weight: 600; }
sup.mark { margin-left: 3px; }
ol.notes { list-style: none; margin: 0; padding: 0; }
ol.notes li { margin: 0 0 4px; }
.note.sev-error .mark { background: var(--error, #c0392b); }
.note.sev-warning .mark { background: var(--warning, #e08e0b); }
.note.sev-info .mark { background: var(--info, #2e86c1); }
.note .code { font-family: ui-monospace, Consolas, monospace; font-size: 12px; color: #5d6d7e; }
.note a.to-finding, a.to-view { font-size: 12px; margin-left: 6px; white-space: nowrap; }
.section-notes { margin: 4px 0 8px; }
td:target, tr:target, table:target, li:target, section:target { outline: 3px solid #f5b041; }
.doc-tools { margin: 2px 0 6px; font-size: 13px; }
.doc-tools .back-link, body.only-view .doc-tools .only-link { display: none; }
body.only-view .doc-tools .back-link { display: inline; }
/* One document alone (#only-3), to read or print it without the rest of the report. */
body.only-view header.top, body.only-view main > section:not(#document-view), body.only-view footer,
body.only-view #document-view > h2, body.only-view #document-view > p,
body.only-view details.doc-view:not(.only) { display: none; }
tr.finding.flash { outline: 3px solid #f5b041; }
"""

# Gives each rendered row of the findings table its id (f<document>-<finding>) and a link to where the
# finding is shown in the document view, and makes the view's links back to the findings table work on
# any page of it. It reads #perflint-data as the page's own script does and matches a rendered row by what
# it shows (file, rule, field, message), so it needs nothing from that script but its table.
SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("perflint-data").textContent);
  var W = JSON.parse(document.getElementById("perflint-view-meta").textContent);
  var SEP = "\u0000", index = {};
  data.forEach(function (d, i) {
    d[3].forEach(function (f, j) {
      var key = [d[0], f[3], f[6], f[5]].join(SEP);
      (index[key] || (index[key] = [])).push([i, j]);
    });
  });
  var tbody = document.getElementById("finding-rows");
  function text(tr, selector) { var e = tr.querySelector(selector); return e ? e.textContent : ""; }
  function decorate() {
    var used = {};
    Array.prototype.forEach.call(tbody.querySelectorAll("tr.finding"), function (tr) {
      var key = [text(tr, "td.path"), text(tr, 'a[href^="#rule-"]'), text(tr, "td.ptr"), text(tr, "td.msg")].join(SEP);
      var found = index[key];
      if (!found) return;
      var n = used[key] || 0;
      used[key] = n + 1;
      var at = found[Math.min(n, found.length - 1)];
      tr.id = "f" + at[0] + "-" + at[1];
      var note = document.getElementById("n" + at[0] + "-" + at[1]);
      if (!note || tr.querySelector("a.to-view")) return;
      var cell = tr.querySelector("td.num") || tr.firstElementChild;
      var link = document.createElement("a");
      link.className = "to-view";
      link.href = "#" + note.getAttribute("data-target");
      link.textContent = W.in_table;
      cell.appendChild(document.createElement("br"));
      cell.appendChild(link);
    });
  }
  new MutationObserver(decorate).observe(tbody, {childList: true});

  function reveal(element) {
    for (var e = element; e; e = e.parentElement) if (e.tagName === "DETAILS") e.open = true;
  }
  function showTarget() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var target = id && document.getElementById(id);
    if (target && target.closest("#document-view")) {
      reveal(target);
      target.scrollIntoView({block: "center"});
    }
  }
  // A finding of the findings table: filter the table to its document, then find the page it is on.
  var pending = null;
  function pagerButtons() { return document.querySelectorAll("#finding-pager button"); }
  function showFinding() {
    if (!pending) return;
    var id = pending;
    pending = null;
    decorate();
    var buttons = pagerButtons();
    for (var guard = 0; buttons.length === 2 && !buttons[0].disabled && guard < 100000; guard++) {
      buttons[0].click();
      buttons = pagerButtons();
    }
    decorate();
    var row = document.getElementById(id);
    for (guard = 0; !row && buttons.length === 2 && !buttons[1].disabled && guard < 100000; guard++) {
      buttons[1].click();
      buttons = pagerButtons();
      decorate();
      row = document.getElementById(id);
    }
    if (!row) return;
    Array.prototype.forEach.call(document.querySelectorAll("tr.finding.flash"), function (r) {
      r.classList.remove("flash");
    });
    row.classList.add("flash");
    row.scrollIntoView({block: "center"});
    document.body.setAttribute("data-view-finding", id);
  }
  var views = document.querySelectorAll("details.doc-view");
  function only(hash) {
    var m = /^#only-(\d+)$/.exec(hash), chosen = m && document.getElementById("view-" + m[1]);
    document.body.classList.toggle("only-view", !!chosen);
    Array.prototype.forEach.call(views, function (d) { d.classList.toggle("only", d === chosen); });
    if (chosen) { chosen.open = true; window.scrollTo(0, 0); }
    return !!chosen;
  }
  function follow() {
    if (only(location.hash)) return;
    var m = /^#f(\d+)-(\d+)$/.exec(location.hash);
    if (m && data[+m[1]]) {
      pending = "f" + m[1] + "-" + m[2];
      var want = "#?file=" + encodeURIComponent(data[+m[1]][0]);
      // Replacing the fragment makes the page's own script filter the table (its hashchange listener
      // runs before this one), and keeps the back button on the view.
      location.replace(want);
      return;
    }
    if (pending) { showFinding(); return; }
    showTarget();
  }
  window.addEventListener("hashchange", follow);
  document.getElementById("view-expand").onclick = function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.doc-view"), function (d) { d.open = true; });
  };
  document.getElementById("view-collapse").onclick = function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.doc-view"), function (d) { d.open = false; });
  };
  // A short report opens its documents; a long one leaves them closed until one is asked for.
  if (views.length <= W.open_up_to) Array.prototype.forEach.call(views, function (d) { d.open = true; });
  decorate();
  follow();
  document.body.setAttribute("data-view-ready", "true");
})();
"""
OPEN_UP_TO = 5
