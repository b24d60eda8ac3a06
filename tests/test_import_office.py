"""Word and Excel: each YAML fixture is written out as the forms really come in — a .docx like the
published document (paragraphs, and tables with merged cells), an .xlsx like the budget system's
export (one row per 三级指标, merged ranges) — then imported: the same model, the same findings.
Broken files become findings, never tracebacks."""

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from perflint.config import Settings
from perflint.check import active_rules
from perflint.engine.runner import lint
from perflint.load import load_bytes, load_path
from perflint.load.model import Document, Indicator, Project

FIXTURES = Path(__file__).parent.parent / "fixtures"
YAML_FIXTURES = ["seed.yaml", "clean-2015.yaml", "clean-2021.yaml"]
NUMERALS = "一二三四五六七八九十"
RULES = active_rules(Settings())


def findings(loaded):
    return sorted((f.code, f.pointer) for f in lint(loaded, RULES))


def _amount(value):
    return "" if value is None else format(value, "f")


def _indicator_columns(project: Project) -> list[tuple[str, str]]:
    """(header, field) of the indicator table: the optional columns only when some row uses them."""
    columns = [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("绩效指标描述", "description"),
               ("指标值", "value"), ("指标值确定依据", "basis")]
    rows = project.indicators
    if any(i.op or i.unit for i in rows):
        columns += [("计算符号", "op"), ("计量单位", "unit")]
    if any(i.note for i in rows):
        columns.append(("指标解释", "note"))
    return columns


def _runs(rows: list[Indicator], key) -> list[tuple[int, int]]:
    """(first, last) indexes of the runs of rows sharing a merged level cell."""
    runs, start = [], 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or key(rows[i]) != key(rows[start]):
            runs.append((start, i - 1))
            start = i
    return runs


def _pairs(project: Project, *names: str) -> list[tuple[str, str]]:
    labels = {"code": "项目编码", "name": "项目名称", "unit": "预算单位", "money_unit": "金额单位",
              "competent_department": "主管部门", "implementing_unit": "实施单位", "attribute": "项目属性",
              "period": "项目期"}
    return [(labels[n], getattr(project, n)) for n in names if getattr(project, n)]


# -- Word ------------------------------------------------------------------------------------------

class _WordTable:
    def __init__(self, document, width: int) -> None:
        self.table = document.add_table(rows=0, cols=width)
        self.width = width

    def row(self, values: list[str], spans: list[int] = None):
        """One row; `spans` says how many grid columns each value covers (the last takes the rest)."""
        cells = self.table.add_row().cells
        spans = spans or [1] * (len(values) - 1) + [self.width - len(values) + 1]
        column = 0
        for value, width in zip(values, spans):
            cell = cells[column].merge(cells[column + width - 1]) if width > 1 else cells[column]
            lines = value.split("\n") if value else [""]
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            column += width
        return len(self.table.rows) - 1

    def merge_down(self, column: int, first: int, last: int, text: str) -> None:
        if last > first:
            cell = self.table.cell(first, column).merge(self.table.cell(last, column))
            cell.text = text

    def pairs(self, pairs: list[tuple[str, str]]) -> None:
        if not pairs:
            return
        half = self.width // len(pairs)
        spans = [s for _ in pairs for s in (1, half - 1)]
        spans[-1] = self.width - sum(spans[:-1])
        self.row([v for pair in pairs for v in pair], spans)


def build_docx(document: Document) -> bytes:
    word = docx.Document()
    add = word.add_paragraph
    assert document.title and document.title.startswith(document.department)
    add(document.department)
    add(document.title[len(document.department):])
    if document.status:
        add(f"（{document.status}）")
    add(f"{document.prepared_by}编制")
    add(f"{document.reviewed_by}审核")
    overall = document.overall
    add("第一部分 部门整体绩效目标")
    add("一、总体绩效目标")
    add(overall.goal)
    add("二、分项绩效目标")
    for number, target in zip(NUMERALS, overall.targets):
        add(f"（{number}）{target.title}")
        add(f"绩效目标：{target.goal}")
        add(f"绩效指标：{target.indicators}")
    add("三、工作保障措施")
    for number, measure in zip(NUMERALS, overall.measures):
        add(f"（{number}）{measure.title}")
        add(measure.text)
    add("第二部分 预算项目绩效目标")
    for number, project in enumerate(document.projects, 1):
        add(f"{number}. {project.name}绩效目标表")
        add(f"单位：{project.money_unit}")
        _word_project(word, project)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _word_project(word, project: Project) -> None:
    columns = _indicator_columns(project)
    table = _WordTable(word, max(7, len(columns)))
    table.pairs(_pairs(project, "code", "name"))
    table.pairs(_pairs(project, "unit"))
    table.pairs(_pairs(project, "competent_department", "implementing_unit"))
    table.pairs(_pairs(project, "attribute", "period"))
    budget = project.budget
    first = table.row(["预算规模及资金用途", "预算数", _amount(budget.total), "其中：财政资金", _amount(budget.fiscal),
                       "其他资金", _amount(budget.other)])
    table.row(["", project.uses], [1, table.width - 1])
    table.merge_down(0, first, first + 1, "预算规模及资金用途")
    plan = project.spending_plan
    first = table.row(["资金支出计划（%）", *plan])
    table.row(["", *(f"{v}%" for v in plan.values())])
    table.merge_down(0, first, first + 1, "资金支出计划（%）")
    table.row(["绩效目标", "\n".join(project.goals)], [1, table.width - 1])
    header = table.row([h for h, _ in columns])
    rows = project.indicators
    for indicator in rows:
        table.row([getattr(indicator, f) or "" for _, f in columns])
    for first, last in _runs(rows, lambda i: i.level1):
        table.merge_down(0, header + 1 + first, header + 1 + last, rows[first].level1)
    for first, last in _runs(rows, lambda i: (i.level1, i.level2)):
        table.merge_down(1, header + 1 + first, header + 1 + last, rows[first].level2)
    if project.breakdown:
        table.row(["测算明细"], [table.width])
        table.row(["内容", "数量", "单价", "金额", "测算依据"])
        for item in project.breakdown:
            table.row([item.item, _amount(item.quantity), _amount(item.unit_price), _amount(item.amount), item.basis])


# -- Excel -----------------------------------------------------------------------------------------

class _Sheet:
    def __init__(self, sheet, width: int) -> None:
        self.sheet = sheet
        self.width = width

    def row(self, values: list, spans: list[int] = None, formats: dict[int, str] = None) -> int:
        """One row; a value spanning several columns is a merged range."""
        number = self.sheet.max_row + 1 if self.sheet.max_row > 1 or self.sheet["A1"].value else 1
        spans = spans or [1] * (len(values) - 1) + [self.width - len(values) + 1]
        column = 1
        for index, (value, width) in enumerate(zip(values, spans)):
            cell = self.sheet.cell(number, column, value if value != "" else None)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text such as =100%, as the budget system stores it; not a formula
            if formats and index in formats:
                cell.number_format = formats[index]
            if width > 1:
                self.sheet.merge_cells(start_row=number, start_column=column, end_row=number,
                                       end_column=column + width - 1)
            column += width
        return number

    def merge_down(self, column: int, first: int, last: int) -> None:
        if last > first:
            self.sheet.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)

    def pairs(self, pairs: list[tuple[str, str]]) -> None:
        if pairs:
            half = self.width // len(pairs)
            spans = [s for _ in pairs for s in (1, half - 1)]
            spans[-1] = self.width - sum(spans[:-1])
            self.row([v for pair in pairs for v in pair], spans)


def _number(value):
    return None if value is None else (int(value) if value == value.to_integral_value() and value.as_tuple().exponent
                                       >= 0 else float(value))


def build_xlsx(document: Document) -> bytes:
    book = openpyxl.Workbook()
    sheet = _Sheet(book.active, 4)
    book.active.title = "部门整体绩效目标"
    for label, value in (("部门", document.department), ("年度", document.year), ("标题", document.title),
                         ("状态", document.status), ("编制单位", document.prepared_by),
                         ("审核单位", document.reviewed_by)):
        if value is not None:
            sheet.row([label, value])
    overall = document.overall
    sheet.row(["总体绩效目标", overall.goal])
    sheet.row(["分项绩效目标"], [4])
    sheet.row(["名称", "绩效目标", "绩效指标"])
    for target in overall.targets:
        sheet.row([target.title, target.goal, target.indicators])
    sheet.row(["工作保障措施"], [4])
    sheet.row(["名称", "内容"])
    for measure in overall.measures:
        sheet.row([measure.title, measure.text])
    for number, project in enumerate(document.projects, 1):
        _excel_project(_Sheet(book.create_sheet(f"项目{number}"), 9), project, document.year)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _excel_project(sheet: _Sheet, project: Project, year: int) -> None:
    sheet.row([f"项目支出绩效目标表（{year}年度）"], [sheet.width])
    sheet.pairs(_pairs(project, "name", "code"))
    sheet.pairs(_pairs(project, "unit", "money_unit"))
    sheet.pairs(_pairs(project, "competent_department", "implementing_unit"))
    sheet.pairs(_pairs(project, "attribute", "period"))
    budget = project.budget
    sheet.row(["项目资金（万元）", "预算数", _number(budget.total), "财政资金", _number(budget.fiscal), "其他资金",
               _number(budget.other)], formats={2: "0.00", 4: "0.00", 6: "0.00"})
    sheet.row(["资金用途", project.uses])
    plan = [v for label, value in project.spending_plan.items()
            for v in (label, None if value is None else float(value / 100))]
    sheet.row(["资金支出计划", *plan], formats={i: "0%" for i in range(2, len(plan) + 1, 2)})
    first = None
    for goal in project.goals:
        row = sheet.row(["年度绩效目标" if first is None else "", goal])
        first = first or row
    sheet.merge_down(1, first, row)
    columns = _indicator_columns(project)
    header = sheet.row([h for h, _ in columns] + [""] * (sheet.width - len(columns)), [1] * sheet.width)
    rows = project.indicators
    for indicator in rows:
        sheet.row([getattr(indicator, f) or "" for _, f in columns])
    for first, last in _runs(rows, lambda i: i.level1):
        sheet.merge_down(1, header + 1 + first, header + 1 + last)
    for first, last in _runs(rows, lambda i: (i.level1, i.level2)):
        sheet.merge_down(2, header + 1 + first, header + 1 + last)
    if project.breakdown:
        sheet.row(["测算明细"], [sheet.width])
        sheet.row(["内容", "数量", "单价", "金额", "测算依据"])
        for item in project.breakdown:
            sheet.row([item.item, _number(item.quantity), _number(item.unit_price), _number(item.amount), item.basis],
                      formats={3: "0.00"})


# -- round trips -----------------------------------------------------------------------------------

BUILDERS = {".docx": build_docx, ".xlsx": build_xlsx}


@pytest.mark.parametrize("suffix", BUILDERS)
@pytest.mark.parametrize("name", YAML_FIXTURES)
def test_round_trip_gives_the_same_model_and_findings(name, suffix):
    original = load_path(str(FIXTURES / name))
    data = BUILDERS[suffix](original.document)
    imported = load_bytes(data, f"doc{suffix}")
    assert imported.problems == []
    assert imported.document.model_dump() == original.document.model_dump()
    assert findings(imported) == findings(original)


def test_findings_point_at_word_cells_and_paragraphs_and_at_sheet_cells():
    seed = load_path(str(FIXTURES / "seed.yaml")).document
    word = load_bytes(build_docx(seed), "seed.docx")
    assert word.source.value("/projects/0/unit").label == "表1 第2行 第2列"
    assert word.source.value("/projects/1/indicators/3/value").label == "表2 第12行 第5列"
    assert word.source.value("/overall/targets/4/indicators").label.endswith("段")
    excel = load_bytes(build_xlsx(seed), "seed.xlsx")
    where = excel.source.value("/projects/1/indicators/3/value")
    assert (where.label, where.column) == ("项目2!E12", 5)
    # Lines run on across the sheets, so findings sort in reading order: sheet 项目2 comes after 项目1.
    assert where.line > excel.source.value("/projects/0/indicators/5/value").line
    assert excel.source.value("/projects/0/indicators/3/level1").label == "项目1!A9"  # the merged A9:A14
    assert excel.source.value("/overall/goal").label == "部门整体绩效目标!B7"


# -- what cannot be read ------------------------------------------------------------------------------

def _problems(data: bytes, name: str):
    loaded = load_bytes(data, name)
    return loaded, [(p.rule, p.message) for p in loaded.problems]


def _zip(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04broken", _zip({"hello.txt": "hi"})],
                         ids=["empty", "text", "truncated-zip", "zip-not-office"])
def test_a_file_that_is_not_word_or_excel_is_unreadable_not_a_traceback(data, suffix):
    loaded, problems = _problems(data, f"doc{suffix}")
    assert problems == [("unreadable-file", "default")] and loaded.document is None
    (finding,) = lint(loaded, RULES)
    assert finding.code == "PF001" and ("Word" in finding.message or "Excel" in finding.message)


def test_an_empty_word_document_is_empty():
    out = io.BytesIO()
    docx.Document().save(out)
    assert _problems(out.getvalue(), "doc.docx")[1] == [("empty-document", "default")]


def _word(build) -> bytes:
    word = docx.Document()
    word.add_paragraph("溧平县司法局")
    word.add_paragraph("2026年部门预算绩效文本")
    build(word)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_an_empty_word_table_and_a_nested_table_are_reported():
    def build(word):
        word.add_table(rows=2, cols=3)
        table = word.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", "2026年法律援助"
        table.cell(1, 1).add_table(rows=1, cols=1).cell(0, 0).text = "嵌套"

    loaded, problems = _problems(_word(build), "doc.docx")
    assert sorted(problems) == [("import-empty-table", "default"), ("import-skipped", "nested-table")]
    assert [p.location.label for p in loaded.problems] == ["表1", "表2 第2行 第2列"]
    assert loaded.document.projects[0].name == "2026年法律援助"


def test_a_word_paragraph_that_fits_nowhere_is_reported_by_its_number():
    loaded, problems = _problems(_word(lambda word: word.add_paragraph("附件：项目明细另附")), "doc.docx")
    assert problems == [("import-skipped", "default")]
    assert loaded.problems[0].location.label == "第3段"


def _book(build) -> bytes:
    book = openpyxl.Workbook()
    build(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_budget_system_export_without_department_or_year_says_where_they_came_from():
    def build(book):
        sheet = book.active
        sheet.title = "绩效目标表"
        for row in (["项目支出绩效目标表（2026年度）"], ["项目名称", "2026年法律援助"], ["主管部门", "溧平县司法局"],
                    ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "办理案件数", "≥300件"]):
            sheet.append(row)

    loaded, problems = _problems(_book(build), "export.xlsx")
    assert problems == [("import-field-inferred", "default")] * 2
    assert [p.location.label for p in loaded.problems] == ["绩效目标表!B3", "绩效目标表!A1"]
    assert (loaded.document.department, loaded.document.year) == ("溧平县司法局", 2026)


def test_hidden_and_empty_sheets_and_formulas_without_results_are_reported():
    def build(book):
        book.active.title = "项目"
        for row in (["部门", "溧平县司法局"], ["年度", 2026], ["项目名称", "2026年法律援助"],
                    ["预算规模", "预算数", "=SUM(D4:E4)", 12, 8]):
            book.active.append(row)
        book.create_sheet("空表")
        book.create_sheet("代码表").sheet_state = "hidden"

    loaded, problems = _problems(_book(build), "doc.xlsx")
    assert sorted(problems) == [("import-empty-table", "sheet"), ("import-formula-without-value", "default"),
                                ("import-sheet-skipped", "default"), ("import-skipped", "cell")]  # 12 and 8: one block
    labels = {p.rule: p.location.label for p in loaded.problems}
    assert labels["import-formula-without-value"] == "项目!C4"
    assert labels["import-sheet-skipped"] == "代码表!A1" and labels["import-empty-table"] == "空表!A1"
    assert loaded.document.projects[0].budget.total is None


def test_numbers_read_as_the_sheet_shows_them():
    from perflint.load.xlsx_reader import _number

    assert _number(20.0, "0.00") == "20.00"
    assert _number(0.3, "0%") == "30%"
    assert _number(0.855, "0.0%") == "85.5%"
    assert _number(2026, "General") == "2026"
    assert _number(20.0, "General") == "20"
    assert _number(0.006, "General") == "0.006"
    assert Decimal(_number(1280.5, "#,##0.00")) == Decimal("1280.50")


def test_a_word_table_python_docx_cannot_lay_out_is_skipped_with_a_finding(monkeypatch):
    from perflint.load import docx_reader

    def fail(self, table, number):
        raise IndexError("gridSpan beyond the grid")

    monkeypatch.setattr(docx_reader._Reader, "_rows", fail)
    loaded, problems = _problems(_word(lambda word: word.add_table(rows=1, cols=2)), "doc.docx")
    assert problems == [("import-skipped", "table")]
    assert loaded.problems[0].location.label == "表1" and loaded.document.department == "溧平县司法局"
