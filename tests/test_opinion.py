"""The review opinion (`--format docx -o DIR`, issue 15): one Word document per department, every finding in
it exactly once, grouped by project and review dimension, the conclusion by the documented rule, names safe
on Windows and text from documents unable to inject anything. Each file is opened with python-docx, and
converted to PDF with LibreOffice when it is installed."""

import json
import re
import shutil
import stat
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pdfplumber
import pytest
from click.testing import CliRunner

from forms import build_docx
from perflint.cli import main
from perflint.load import load_path
from perflint.engine.registry import load_catalog
from perflint.engine.rule import Category
from perflint.findings import Severity
from perflint.report import dimensions
from perflint.sources import load_sources

ROOT = Path(__file__).parent.parent
# What the opinion leaves out of a document's text (the test's own statement of it, not the code's).
REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}

HOSTILE = r'''department: "\x01溧平县<审计>局\x1b[31m\u202e"
year: 2026
projects:
  - name: "\"/><w:p>injected</w:p>\x07"
    budget: {total: 10, fiscal: 10}
    spending_plan: {3月底: 25%, 6月底: 50%, 9月底: 75%, 12月底: 100%}
    goals: ["完成培训\x0c100人次]]>"]
    indicators:
      - {level1: 产出指标, level2: 数量指标, name: "培训\x00人次", value: "有效提升\x1f", basis: "<w:t>x</w:t>"}
'''


def run(*args, expect=(0, 1)):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code in expect, result.output
    return result


def _clean(text: str) -> str:
    return REMOVED.sub("", text).replace("\t", " ")


def _department(text: str, department: str) -> str:
    return re.sub(r"^department: .*$", lambda _: f"department: {department}", text, count=1, flags=re.M)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("opinion")
    docs = base / "docs"
    docs.mkdir()
    seed = (ROOT / "fixtures" / "seed.yaml").read_text(encoding="utf-8")
    for name in ("seed.yaml", "seed-zh.yaml", "clean-2015.yaml", "clean-2021.yaml"):
        shutil.copy(ROOT / "fixtures" / name, docs / name)
    (docs / "civil.yaml").write_text(seed.replace("溧平县司法局", "溧平县民政局"), encoding="utf-8")
    # The seed as a Word file of the same department: its findings are placed by table, row and column.
    (docs / "seed-word.docx").write_bytes(build_docx(load_path(str(ROOT / "fixtures" / "seed.yaml")).document))
    # Warnings and no error: the conclusion is 修改后通过.
    clean = (ROOT / "fixtures" / "clean-2015.yaml").read_text(encoding="utf-8")
    (docs / "warnings.yaml").write_text(
        _department(clean, "溧平县水务局").replace("value: ≥95%", "value: 有效提升", 1), encoding="utf-8")
    (docs / "broken.yaml").write_text("department: [\n", encoding="utf-8")
    (docs / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    # Names Windows would refuse, and two that differ only in case.
    for i, name in enumerate(('"A<B>:C/D\\\\E|F?G*H"', "CON", "'溧平县..'", "Abc局", "abc局")):
        (docs / f"odd-{i}.yaml").write_text(_department(seed, name), encoding="utf-8")
    # The batch is made of copies of the fixtures, which the rules across documents (tests/test_round.py)
    # would rightly report as copied from one department to another: not what these tests are about.
    (base / "perflint.toml").write_text('ignore = ["PF240", "PF241", "PF340"]\n', encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(base)
        findings = json.loads(run("check", "docs", "--format", "json", "--no-cache").output)
        files = json.loads(run("check", "docs", "--summary", "file", "--format", "json", "--no-cache").output)
        run("check", "docs", "--format", "docx", "-o", "opinions", "--no-cache")
        run("check", "docs", "--format", "docx", "--lang", "en", "-o", "opinions-en", "--no-cache")
    # The summary names a document without a department as unreadable; the opinions put them together.
    departments = {row["file"]: None if row["department"] == "（无法读取）" else row["department"] for row in files}
    zh, en = sorted((base / "opinions").iterdir()), sorted((base / "opinions-en").iterdir())
    return {"base": base, "findings": findings, "departments": departments, "zh": zh, "en": en,
            "addressed": {"zh": _addressees(zh, "{}：", "各有关单位："), "en": _addressees(en, "To: {}", "To: the units concerned")}}


def _addressees(paths: list, form: str, nobody: str) -> dict:
    """Each opinion by the department it is addressed to (its second paragraph), None for documents naming none."""
    found = {}
    for path in paths:
        line = docx.Document(path).paragraphs[1].text
        department = None if line == nobody else line[len(form.split("{}")[0]): len(line) - len(form.split("{}")[1])]
        assert department not in found
        found[department] = path
    return found


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _finding_rows(document, head: str) -> list:
    """The rows of the findings tables: (place, message, action)."""
    rows = []
    for table in document.tables:
        cells = [c.text for c in table.rows[0].cells]
        if cells[3:4] != [head]:
            continue
        rows.extend((row.cells[2].text, row.cells[3].text, row.cells[4].text) for row in table.rows[1:])
    return rows


def _opinion_of(batch, lang: str, department) -> Path:
    return batch["addressed"][lang][None if department is None else _clean(department).strip()]


def _expected(batch, department) -> Counter:
    """Each finding of the department's documents as (message, action) — in the opinion exactly once."""
    action = {s.value: dimensions.ACTION[s].zh for s in Severity}
    return Counter((_clean(f["message"]), action[f["severity"]]) for f in batch["findings"]
                   if batch["departments"][f["path"]] == department)


def test_one_file_per_department_with_names_safe_on_windows(batch):
    departments = {d for d in batch["departments"].values()}
    assert len(batch["zh"]) == len(departments) == len(batch["en"])
    assert set(batch["addressed"]["zh"]) == {None if d is None else _clean(d).strip() for d in departments}
    names = [p.name for p in batch["zh"] + batch["en"]]
    for name in names:
        stem = name[: -len(".docx")]
        assert name.endswith(".docx") and not WINDOWS_FORBIDDEN.search(name)
        assert not stem.endswith((".", " ")) and stem.split(".")[0].upper() not in DEVICES
    # Names that differ only in case stay apart (Windows would make one file of them).
    assert len({n.casefold() for n in names}) == len(names)
    assert "审核意见-未注明部门.docx" in names and "review-opinion-no-department.docx" in names
    assert all(p.parent == batch["base"] / "opinions" for p in batch["zh"])


def test_every_finding_appears_exactly_once(batch):
    for department in {d for d in batch["departments"].values()}:
        document = docx.Document(_opinion_of(batch, "zh", department))
        rows = _finding_rows(document, "问题及修改意见")
        assert Counter((message, action) for _, message, action in rows) == _expected(batch, department), department
        # Each row says where the finding is: a line of a YAML document, a cell or paragraph of a Word file.
        assert all(re.match(r"第\d+行|表\d+ 第\d+行 第\d+列|第\d+段", place) for place, _, _ in rows), rows


def test_the_opinion_reads_as_a_bureau_writes_it(batch):
    document = docx.Document(_opinion_of(batch, "zh", "溧平县司法局"))
    text = _text(document)
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "关于溧平县司法局2026年度部门整体和项目支出绩效目标的审核意见"
    assert paragraphs[1] == "溧平县司法局："
    assert "财预〔2015〕88号" in paragraphs[2] and "完整性、相关性、适当性、可行性" in paragraphs[2]
    assert "审核结论：退回修改。" in text  # the seed has an error (PF101)
    assert any(p.startswith("审核人：") and "日期：" in p for p in paragraphs)
    # The department's three documents are listed, with their figures, and its findings grouped by file.
    listed = [row for table in document.tables for row in table.rows if row.cells[1].text.startswith("docs/seed")]
    assert [row.cells[1].text for row in listed] == ["docs/seed-word.docx", "docs/seed-zh.yaml", "docs/seed.yaml"]
    assert listed[2].cells[3].text == "2"  # two projects
    assert "文件：docs/seed-word.docx" in paragraphs
    word = _finding_rows(document, "问题及修改意见")
    assert any(re.match(r"表\d+ 第\d+行 第\d+列 · 年度绩效指标第\d+行", place) for place, _, _ in word)
    # The findings are grouped by project, each heading naming it with its code.
    headings = [p for p in paragraphs if p.startswith("（")]
    assert "（二）项目“2026年人民调解办案业务费”（项目编码：13082426P00030810010F）" in headings
    assert "（一）部门整体绩效目标" in headings
    # Counts per dimension add up to all findings.
    counts = next(t for t in document.tables if t.rows[0].cells[0].text == "审核维度")
    assert [r.cells[0].text for r in counts.rows[1:]] == ["完整性", "相关性", "适当性", "可行性", "合计"]
    assert int(counts.rows[-1].cells[5].text) == sum(_expected(batch, "溧平县司法局").values())


def test_findings_are_in_the_dimension_of_their_rule(batch):
    catalog = {rule.code: rule for rule in load_catalog()}
    document = docx.Document(_opinion_of(batch, "zh", "溧平县民政局"))
    findings = [f for f in batch["findings"] if batch["departments"][f["path"]] == "溧平县民政局"]
    by_message = {_clean(f["message"]): catalog[f["code"]].category for f in findings}
    for table in document.tables:
        if table.rows[0].cells[3].text != "问题及修改意见":
            continue
        names = [row.cells[1].text for row in table.rows[1:]]  # merged cells read as the same text
        for name, row in zip(names, table.rows[1:]):
            assert name == dimensions.dimension_of(by_message[row.cells[3].text]).name.zh


def test_the_conclusion_follows_the_severities(batch):
    def conclusion(department):
        text = _text(docx.Document(_opinion_of(batch, "zh", department)))
        return re.search(r"审核结论：(\S+?)。", text).group(1)

    assert conclusion("溧平县司法局") == "退回修改"
    assert conclusion("溧平县水务局") == "修改后通过"
    assert conclusion("溧平县农业农村局") == "审核通过"
    assert "未发现需要修改的问题。" in _text(docx.Document(_opinion_of(batch, "zh", "溧平县农业农村局")))
    assert dimensions.conclusion([Severity.INFO]) is dimensions.Conclusion.PASS
    assert dimensions.conclusion([Severity.INFO, Severity.WARNING]) is dimensions.Conclusion.PASS_AFTER_REVISION
    assert dimensions.conclusion([Severity.WARNING, Severity.ERROR]) is dimensions.Conclusion.RETURN


def test_documents_without_a_department_get_their_own_opinion(batch):
    document = docx.Document(batch["base"] / "opinions" / "审核意见-未注明部门.docx")
    text = _text(document)
    assert document.paragraphs[0].text.endswith("（未注明部门的文件）")
    assert document.paragraphs[1].text == "各有关单位："
    assert "broken.yaml" in text and "审核结论：退回修改。" in text
    assert Counter((m, a) for _, m, a in _finding_rows(document, "问题及修改意见")) == _expected(batch, None)


def test_text_from_a_document_cannot_inject_anything(batch):
    department = next(d for d in batch["departments"].values() if d and "审计" in d)
    path = _opinion_of(batch, "zh", department)
    assert path.name == "审核意见-溧平县_审计_局[31m.docx"
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert REMOVED.search(xml) is None
    # What the document says is text in a run, never markup: one paragraph per paragraph python-docx made.
    assert "<w:p>injected</w:p>" not in xml and "&lt;w:p&gt;injected&lt;/w:p&gt;" in xml
    document = docx.Document(path)
    assert document.paragraphs[1].text == "溧平县<审计>局[31m："
    assert Counter((m, a) for _, m, a in _finding_rows(document, "问题及修改意见")) == _expected(batch, department)


def test_the_english_opinion(batch):
    document = docx.Document(_opinion_of(batch, "en", "溧平县司法局"))
    text = _text(document)
    assert document.paragraphs[0].text == \
        "Review opinion on the 2026 department-wide and project performance targets of 溧平县司法局"
    assert "Conclusion: Returned for revision." in text and "Reviewer:" in text and "Date:" in text
    rows = _finding_rows(document, "Point and revision")
    action = {s.value: dimensions.ACTION[s].en for s in Severity}
    expected = Counter((_clean(f["message"]), action[f["severity"]]) for f in batch["findings"]
                       if batch["departments"][f["path"]] == "溧平县司法局")
    # The messages are the English run's own: compare how many there are, and the actions.
    assert Counter(a for _, _, a in rows) == Counter(a for _, a in expected.elements())
    assert all(re.match(r"line \d+|表\d+ 第\d+行 第\d+列|第\d+段", place) for place, _, _ in rows)


def test_each_category_has_a_review_dimension_and_the_source_is_listed():
    assert set(dimensions.CATEGORY_DIMENSION) == set(Category)
    assert {dimensions.dimension_of(c).name.zh for c in Category} == {"完整性", "相关性", "适当性", "可行性"}
    document = load_sources().by_number(dimensions.SOURCE_NUMBER)
    assert document is not None and document.title in dimensions.SOURCE.zh and document.issuer in dimensions.SOURCE.zh


def test_file_names_are_safe_whatever_the_department_is_called():
    from perflint.report.files import safe_stem, unique_name

    assert safe_stem("CON", "x") == "_CON" and safe_stem("com1.txt", "x") == "_com1.txt"
    assert safe_stem("CON", "x", "审核意见-") == "审核意见-CON"
    assert safe_stem('a<b>:c"d/e\\f|g?h*i', "x") == "a_b__c_d_e_f_g_h_i"
    assert safe_stem("..", "x") == "x" and safe_stem(" ", "x") == "x" and safe_stem(None, "x") == "x"
    assert safe_stem("局. ", "x") == "局" and len(safe_stem("局" * 300, "x")) == 80
    taken = set()
    assert [unique_name(s, ".docx", taken) for s in ("Abc", "abc", "ABC")] == ["Abc.docx", "abc-2.docx", "ABC-3.docx"]


def test_output_must_name_a_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "fixtures" / "seed.yaml", "seed.yaml")
    Path("report.txt").write_text("", encoding="utf-8")
    cases = [([], "请用 -o/--output 指定输出目录"), (["-o", "report.txt"], "应为目录，而 report.txt 是文件"),
             (["-o", "意见.docx"], "应为目录（每个部门一个 .docx 文件）")]
    for options, message in cases:
        result = run("check", "seed.yaml", "--format", "docx", *options, expect=(2,))
        assert message in result.output
    english = run("check", "seed.yaml", "--format", "docx", "--lang", "en", expect=(2,))
    assert "name a directory with -o/--output" in english.output
    # A directory that does not exist yet is made; another format refuses a directory.
    run("check", "seed.yaml", "--format", "docx", "-o", "new/opinions")
    assert [p.name for p in Path("new/opinions").iterdir()] == ["审核意见-溧平县司法局.docx"]  # no temporary left
    # As readable as any file the user makes (a temporary file's 0600 would not do for a letter to send on).
    Path("new/opinions/reference").write_text("", encoding="utf-8")
    modes = {stat.S_IMODE(p.stat().st_mode) for p in Path("new/opinions").iterdir()}
    assert len(modes) == 1
    assert "--output new 是目录" in run("check", "seed.yaml", "--format", "html", "-o", "new", expect=(2,)).output


def test_a_second_run_does_not_read_the_opinions_it_wrote(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    shutil.copy(ROOT / "fixtures" / "seed.yaml", "docs/seed.yaml")
    for _ in range(2):
        run("check", "docs", "--format", "docx", "-o", "docs/opinions")
    assert [p.name for p in Path("docs/opinions").iterdir()] == ["审核意见-溧平县司法局.docx"]


def test_opinions_convert_to_pdf_with_libreoffice(batch, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the opinions were opened with python-docx only, "
                    "not converted to PDF (Debian: apt-get install libreoffice-writer-nogui)")
    sources = batch["zh"] + batch["en"][:2]
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, sources)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    for source in sources:
        pdf = tmp_path / "pdf" / (source.stem + ".pdf")
        assert pdf.exists(), source.name
        with pdfplumber.open(pdf) as opened:
            text = "".join(page.extract_text() or "" for page in opened.pages).replace(" ", "").replace("\n", "")
        title = docx.Document(source).paragraphs[0].text.replace(" ", "")
        assert title[:12] in text, source.name
        assert ("审核人：" in text) or ("Reviewer:" in text), source.name
