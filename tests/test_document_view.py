"""The html report's document view (issue 15): each document shown as its tables, the cells with findings
marked and the messages beside them, linked both ways with the findings table; built only for the formats
that show it; everything a document says escaped. Checked as markup, and in headless Chromium with a
screenshot kept (under the test's temporary directory, and in $PERFLINT_ARTIFACTS when it is set)."""

import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import perflint.report.document_view as document_view
from browser import Elements, browse
from perflint.cli import main

ROOT = Path(__file__).parent.parent
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e]")

# A document written to break out of the page: markup, attribute and comment openers, control characters
# (escaped in YAML, so the file itself is valid) and a right-to-left override.
HOSTILE = r'''department: "<script>alert('dept')</script>\x01溧平县\x1b[31m审计局\u202e"
year: 2026
projects:
  - name: "\"onmouseover=alert(1) x=\"</td></tr></table><img src=x onerror=alert(2)>"
    code: "P\x07001"
    budget: {total: 10, fiscal: 10}
    spending_plan: {3月底: 25%, 6月底: 50%, 9月底: 75%, 12月底: 100%}
    goals: ["</script><script>alert(3)</script>完成培训\x0c100人次"]
    indicators:
      - {level1: 产出指标, level2: 数量指标, name: "培训<b>人次</b>", value: "有效提升<!--", basis: "'onfocus='alert(4)"}
      - {level1: 满意度指标, level2: 服务对象满意度指标, name: "满意度\x00", value: "≥90%", basis: "调查"}
'''


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output


def _many_findings() -> str:
    """A document with more than a page (100 rows) of findings in the findings table."""
    rows = "".join(f"      - {{level1: 产出指标, level2: 质量指标, name: 工作质量{i}, value: 有效提升, basis: 工作计划}}\n"
                   for i in range(70))
    return ("department: 溧平县水利局\nyear: 2026\nprojects:\n  - name: 河道整治\n    budget: {total: 50, fiscal: 50}\n"
            "    spending_plan: {3月底: 25%, 6月底: 50%, 9月底: 75%, 12月底: 100%}\n    goals: [整治河道]\n"
            "    indicators:\n" + rows)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("view")
    docs = base / "docs"
    docs.mkdir()
    for name in ("seed.yaml", "clean-2015.yaml"):
        shutil.copy(ROOT / "fixtures" / name, docs / name)
    (docs / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    (docs / "many.yaml").write_text(_many_findings(), encoding="utf-8")
    (docs / "broken.yaml").write_text("department: [\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(base)
        findings = json.loads(run("check", "docs", "--format", "json", "--no-cache"))
        run("check", "docs", "--format", "html", "-o", "report.html", "--no-cache")
        run("check", "docs", "--format", "html", "--lang", "en", "-o", "report-en.html", "--no-cache")
    paths = sorted({f["path"] for f in findings} | {"docs/clean-2015.yaml"})
    return {"base": base, "findings": findings, "paths": paths, "page": base / "report.html",
            "page_en": base / "report-en.html"}


def _by_document(batch) -> dict:
    """Each document's findings in report order, keyed by its index in the report (the order of paths)."""
    return {i: [f for f in batch["findings"] if f["path"] == path] for i, path in enumerate(batch["paths"])}


def test_every_finding_of_a_readable_document_is_shown_once_beside_its_place(batch):
    page = Elements(batch["page"].read_text(encoding="utf-8"))
    ids = page.ids()
    assert len(ids) == len(set(ids))  # anchors are unique
    documents = _by_document(batch)
    broken = batch["paths"].index("docs/broken.yaml")
    for i, findings in documents.items():
        notes = [a for a in page.having("li", "note") if a["id"].startswith(f"n{i}-")]
        if i == broken:
            assert notes == [] and f"view-{i}" not in ids  # nothing was read: no tables to show
            continue
        assert sorted(a["id"] for a in notes) == sorted(f"n{i}-{j}" for j in range(len(findings)))
        for j, finding in enumerate(findings):
            text = page.text[f"n{i}-{j}"]
            assert finding["code"] in text
            assert CONTROL.sub("", finding["message"]).replace("\t", " ") in text.replace("\n", "")
    # Every note names an element of its document's view, and a link back to the findings table.
    for note in page.having("li", "note"):
        assert note["data-target"] in ids
        assert note["data-target"].split("-")[0][1:] == note["id"].split("-")[0][1:]


def test_the_seed_is_shown_as_its_form_with_the_cells_marked(batch):
    page = Elements(batch["page"].read_text(encoding="utf-8"))
    seed = batch["paths"].index("docs/seed.yaml")
    findings = _by_document(batch)[seed]
    # The first project's indicator table, with the form's columns in the form's order.
    table = f"t{seed}-2-0"
    head = batch["page"].read_text(encoding="utf-8").split(f'id="{table}"')[1].split("</thead>")[0]
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", head)
    assert headers == ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", "问题"]
    # 有效提升 (PF201) is marked in the 指标值 cell of its row, and the note beside it says so.
    vague = next(j for j, f in enumerate(findings) if f["code"] == "PF201")
    note = next(a for a in page.having("li", "note") if a["id"] == f"n{seed}-{vague}")
    cell = note["data-target"]
    assert page.text[cell].startswith("有效提升")
    assert "hit" in next(a for _, a in page.tags if a.get("id") == cell)["class"].split()
    # 产出指标 down the first four rows is one merged cell, as the printed form has it.
    merged = [a for t, a in page.tags if t == "td" and a.get("id") == f"c{seed}-2-0-0-0"]
    assert merged and merged[0].get("rowspan") == "4"
    # The spending plan without 12月底 (PF101) is marked on its header row.
    plan = next(j for j, f in enumerate(findings) if f["code"] == "PF101")
    target = next(a for a in page.having("li", "note") if a["id"] == f"n{seed}-{plan}")["data-target"]
    assert page.text[target].startswith("3月底：30")


def test_hostile_text_is_escaped_and_control_characters_removed(batch):
    text = batch["page"].read_text(encoding="utf-8")
    page = Elements(text)
    assert CONTROL.search(text) is None
    # Only perflint's own scripts: the findings data, its words, the view's words, the page's script and
    # the view's; no element or attribute came from the document.
    assert len([t for t, _ in page.tags if t == "script"]) == 5
    assert [t for t, _ in page.tags if t in ("img", "b", "iframe", "object")] == []
    assert all(not name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert "<!--" not in text.split('id="document-view"')[1]
    hostile = batch["paths"].index("docs/hostile.yaml")
    summary = page.text[f"view-{hostile}"]
    assert "<script>alert('dept')</script>溧平县[31m审计局" in summary  # shown as text, without its controls
    assert "&lt;script&gt;alert(&#x27;dept&#x27;)&lt;/script&gt;" in text


def test_the_view_is_built_only_for_the_formats_that_show_it(tmp_path, monkeypatch):
    built = []
    original = document_view.build_view
    monkeypatch.setattr(document_view, "build_view", lambda document: built.append(1) or original(document))
    monkeypatch.chdir(ROOT)
    for fmt in ("text", "json", "csv", "sarif"):
        run("check", "fixtures/seed.yaml", "--format", fmt, "--no-cache", "-j", "1")
    run("check", "fixtures/seed.yaml", "--format", "xlsx", "-o", tmp_path / "r.xlsx", "--no-cache", "-j", "1")
    assert built == []
    run("check", "fixtures/seed.yaml", "--format", "html", "-o", tmp_path / "r.html", "--no-cache", "-j", "1")
    assert built == [1]


def test_the_view_is_json_native():
    from perflint.check import active_rules, iter_results
    from perflint.config import Settings

    settings = Settings(document_view=True)
    for result in iter_results([str(ROOT / "fixtures" / "seed-zh.yaml")], active_rules(settings), settings, 1):
        assert json.loads(json.dumps(result.view)) == result.view
        kinds = [s["kind"] for s in result.view["sections"]]
        assert kinds == ["document", "overall", "project", "project"]


# In Chromium ---------------------------------------------------------------------------------------

def _row_html(page: str, row_id: str) -> str:
    return page.split(f'id="{row_id}"')[1].split("</tr>")[0]


def _keep(screenshot: Path) -> None:
    """A copy of the screenshot where CI collects artifacts, when it says where."""
    directory = os.environ.get("PERFLINT_ARTIFACTS")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, Path(directory) / screenshot.name)


def test_a_finding_links_to_its_cell_which_opens_in_chromium(batch, tmp_path):
    seed = batch["paths"].index("docs/seed.yaml")
    findings = _by_document(batch)[seed]
    vague = next(j for j, f in enumerate(findings) if f["code"] == "PF201")
    static = Elements(batch["page"].read_text(encoding="utf-8"))
    cell = next(a for a in static.having("li", "note") if a["id"] == f"n{seed}-{vague}")["data-target"]
    dom = Elements(browse(batch["page"], tmp_path, "#" + cell))
    body = next(a for t, a in dom.tags if t == "body")
    assert body.get("data-view-ready") == "true" and body.get("data-rendered") == "true"
    # The document holding the cell is open (so the browser could scroll to it).
    view = next(a for t, a in dom.tags if t == "details" and a.get("id") == f"view-{seed}")
    assert "open" in view
    # With the findings table filtered to the seed, each row has its id and links to its place in the view.
    dom = Elements(browse(batch["page"], tmp_path, "#?file=docs%2Fseed.yaml"))
    rows = dom.having("tr", "finding")
    assert sorted(row["id"] for row in rows) == sorted(f"f{seed}-{j}" for j in range(len(findings)))
    links = [a["href"][1:] for a in dom.having("a", "to-view")]
    assert len(links) == len(findings) and set(links) <= set(dom.ids())
    row = next(a["id"] for a in rows if a["id"] == f"f{seed}-{vague}")
    assert f'<a class="to-view" href="#{cell}">' in _row_html(browse(batch["page"], tmp_path, "#?file=docs%2Fseed.yaml"), row)


def test_one_document_alone_in_a_screenshot(batch, tmp_path):
    """#only-N shows one document's tables alone (to read or print): the screenshot kept as an artifact
    shows the seed's tables with the cells that have findings filled in their severity's colour."""
    from PIL import Image

    seed = batch["paths"].index("docs/seed.yaml")
    shot = tmp_path / "document-view.png"
    dom = Elements(browse(batch["page"], tmp_path, f"#only-{seed}", screenshot=shot, size=(1400, 4200)))
    _keep(shot)
    body = next(a for t, a in dom.tags if t == "body")
    assert "only-view" in body.get("class", "").split()
    assert "only" in next(a for t, a in dom.tags if t == "details" and a.get("id") == f"view-{seed}")["class"].split()
    image = Image.open(shot).convert("RGB")
    pixels = Counter(image.getpixel((x, y)) for x in range(0, image.width, 2) for y in range(0, image.height, 2))
    # The fills of document_view.CSS: a warning's cell, an error's cell (the spending plan), an info's cell.
    for colour in ((0xFF, 0xF4, 0xD6), (0xFD, 0xE3, 0xDF), (0xE3, 0xF0, 0xFA)):
        assert pixels[colour] > 200, colour


def test_a_note_links_back_to_its_row_on_whichever_page_it_is(batch, tmp_path):
    many = batch["paths"].index("docs/many.yaml")
    findings = _by_document(batch)[many]
    assert len(findings) > 100  # the findings table shows 100 rows a page: the last is on the second
    last = len(findings) - 1
    dom = Elements(browse(batch["page"], tmp_path, f"#f{many}-{last}"))
    body = next(a for t, a in dom.tags if t == "body")
    assert body.get("data-view-finding") == f"f{many}-{last}"
    row = next(a for t, a in dom.tags if t == "tr" and a.get("id") == f"f{many}-{last}")
    assert "flash" in row["class"].split()
    # The table is filtered to that document, and shows the page the row is on.
    rows = dom.having("tr", "finding")
    assert len(rows) == len(findings) - 100 and all("many.yaml" in dom.text[a["id"]] for a in rows)


def test_hostile_document_runs_nothing_in_chromium(batch, tmp_path):
    hostile = batch["paths"].index("docs/hostile.yaml")
    dom = Elements(browse(batch["page"], tmp_path, f"#view-{hostile}"))
    assert [t for t, _ in dom.tags if t in ("img", "b", "iframe")] == []
    assert all(not name.startswith("on") for _, attrs in dom.tags for name in attrs)
    assert len([t for t, _ in dom.tags if t == "script"]) == 5


def test_the_view_in_english(batch, tmp_path):
    dom = Elements(browse(batch["page_en"], tmp_path))
    assert dom.text["document-view"].startswith("Documents as tables")
    seed = batch["paths"].index("docs/seed.yaml")
    assert "Annual indicators" in dom.text[f"view-{seed}"] and "Basis of the target" in dom.text[f"view-{seed}"]
