"""Word and Excel: each YAML fixture is written out as the forms really come in (tests/forms.py) — a
.docx like the published document (paragraphs, and tables with merged cells), an .xlsx like the budget
system's export (one row per 三级指标, merged ranges) — then imported: the same model, the same findings.
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
from forms import build_docx, build_xlsx

FIXTURES = Path(__file__).parent.parent / "fixtures"
YAML_FIXTURES = ["seed.yaml", "clean-2015.yaml", "clean-2021.yaml"]
RULES = active_rules(Settings())


def findings(loaded):
    return sorted((f.code, f.pointer) for f in lint(loaded, RULES))


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
    from perflint.load.workbook import number_text as _number

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
