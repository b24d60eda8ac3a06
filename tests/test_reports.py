"""The report formats for bureaus and CI: sarif, junit, gitlab, csv, xlsx and html.

Each is produced by the command line from one small batch (the fixtures, a copy renamed to another
department, a Chinese file name with a space and an unreadable file) and checked against the JSON
findings of the same batch: SARIF against the official 2.1.0 schema, JUnit parsed as XML, the
workbook opened with openpyxl, and the HTML page rendered in headless Chromium.
"""

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import quote, unquote

import jsonschema
import openpyxl
import pytest
import rfc3986_validator  # noqa: F401 - without it the format checker lets any "uri-reference" pass
from click.testing import CliRunner

from browser import Elements, browse
from perflint.cli import main

ROOT = Path(__file__).parent.parent
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
ARTIFACTS = ROOT / "test-artifacts"
CHINESE_NAME = "司法局 2026年.yaml"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A working directory with docs/ in it; the reports are made from there, so paths are relative."""
    base = tmp_path_factory.mktemp("batch")
    docs = base / "docs"
    docs.mkdir()
    for path in (ROOT / "fixtures").glob("*.yaml"):
        shutil.copy(path, docs / path.name)
    seed = (ROOT / "fixtures" / "seed.yaml").read_text(encoding="utf-8")
    (docs / "civil.yaml").write_text(seed.replace("溧平县司法局", "溧平县民政局"), encoding="utf-8")
    shutil.copy(ROOT / "fixtures" / "seed-zh.yaml", docs / CHINESE_NAME)
    (docs / "broken.yaml").write_text("department: [\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(base)
        findings = json.loads(run("check", "docs", "--format", "json"))
        departments = json.loads(run("check", "docs", "--summary", "department", "--format", "json"))
        files = json.loads(run("check", "docs", "--summary", "file", "--format", "json"))
        outputs = {}
        for fmt, lang, name in (("sarif", "zh", "report.sarif"), ("junit", "zh", "report.xml"),
                                ("xlsx", "zh", "report.xlsx"), ("xlsx", "en", "report-en.xlsx"),
                                ("html", "zh", "report.html"), ("html", "en", "report-en.html"),
                                ("gitlab", "zh", "gl-code-quality-report.json"), ("csv", "zh", "report.csv"),
                                ("csv", "en", "report-en.csv")):
            run("check", "docs", "--format", fmt, "--lang", lang, "-o", name)
            outputs[fmt, lang] = base / name
    assert findings and {f["severity"] for f in findings} == {"error", "warning", "info"}
    return {"findings": findings, "departments": departments, "files": files, "out": outputs, "base": base}


# SARIF ------------------------------------------------------------------------------------------

def test_sarif_validates_against_the_official_schema(batch):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(batch["out"]["sarif", "zh"].read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_sarif_results_are_the_findings(batch):
    run_ = json.loads(batch["out"]["sarif", "zh"].read_text(encoding="utf-8"))["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert len(results) == len(batch["findings"])
    for result, finding in zip(results, batch["findings"]):
        location = result["locations"][0]["physicalLocation"]
        assert unquote(location["artifactLocation"]["uri"]) == finding["path"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        region = location["region"]
        assert (region["startLine"], region["startColumn"]) == (finding["line"], finding["column"])
        assert result["ruleId"] == finding["code"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == LEVEL[finding["severity"]]
        assert result["message"]["text"] == finding["message"]
    assert f"docs/{quote(CHINESE_NAME)}" in {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                                              for r in results}
    fingerprints = [r["partialFingerprints"]["perflint/v1"] + r["locations"][0]["physicalLocation"]
                    ["artifactLocation"]["uri"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    assert all(rule["help"]["text"] and rule["shortDescription"]["text"] for rule in rules)


# JUnit ------------------------------------------------------------------------------------------

def test_junit_has_a_suite_per_document_and_a_test_case_per_rule_found(batch):
    """A rule's test case fails when its findings reach --fail-on (warning by default), as the exit status
    counts them; a rule with info findings only passes, its findings in <system-out>."""
    root = ET.parse(batch["out"]["junit", "zh"]).getroot()
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    by_path: dict = {}
    failing: dict = {}
    for f in batch["findings"]:
        by_path.setdefault(f["path"], Counter())[f["code"]] += 1
        if f["severity"] != "info":
            failing.setdefault(f["path"], set()).add(f["code"])
    assert set(suites) == {row["file"] for row in batch["files"]}
    for path, suite in suites.items():
        codes = by_path.get(path, Counter())
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases) == max(1, len(codes))
        assert int(suite.get("failures")) == len(failing.get(path, ())) == len(suite.findall("testcase/failure"))
        for case in cases:
            failure, passed = case.find("failure"), case.find("system-out")
            if failure is None and passed is None:
                assert not codes
                continue
            code = case.get("name").split()[0]
            assert (failure is not None) == (code in failing.get(path, ()))
            # The failure's (or the passing case's) text lists every finding of the rule, one a line.
            assert len((failure if failure is not None else passed).text.splitlines()) == codes[code]
            assert failure is None or failure.get("type") in LEVEL
        properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
        score = next(row["score"] for row in batch["files"] if row["file"] == path)
        assert properties.get("score") == (None if score is None else str(score))
        assert properties["readable"] == ("false" if score is None else "true")
    assert all("." in case.get("classname") for case in root.iter("testcase"))
    assert any(case.find("system-out") is not None for case in root.iter("testcase"))


@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
def test_junit_failures_follow_fail_on_as_the_exit_status_does(batch, fail_on):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(batch["base"])
        result = CliRunner().invoke(main, ["check", "docs", "--format", "junit", "--fail-on", fail_on])
    root = ET.fromstring(result.output)
    failures = sum(int(suite.get("failures")) for suite in root.iter("testsuite"))
    assert (failures > 0) == (result.exit_code == 1)
    rank = {"info": 0, "warning": 1, "error": 2, "never": 3}
    expected = {(f["path"], f["code"]) for f in batch["findings"] if rank[f["severity"]] >= rank[fail_on]}
    failed = {(suite.get("name"), case.get("name").split()[0]) for suite in root.iter("testsuite")
              for case in suite.findall("testcase") if case.find("failure") is not None}
    assert failed == expected


# Documents that could not be read ----------------------------------------------------------------

def test_an_unreadable_document_has_no_score_and_is_counted_apart(batch):
    files = batch["files"]
    assert files[0]["file"] == "docs/broken.yaml" and files[0]["score"] is None  # listed first
    assert all(row["score"] is not None for row in files[1:])
    unreadable = next(d for d in batch["departments"] if d["department"] == "（无法读取）")
    assert unreadable["unreadable"] == unreadable["files"] == 1
    assert unreadable["mean score"] is None and unreadable["lowest score"] is None
    assert sum(d["unreadable"] for d in batch["departments"]) == 1
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(batch["base"])
        table = run("check", "docs", "--summary", "file").splitlines()
    assert table[2].split()[:3] == ["docs/broken.yaml", "（无法读取）", "无法读取"]
    documents = openpyxl.load_workbook(batch["out"]["xlsx", "zh"])["文件得分"]
    scores = {row[0]: row[5] for row in documents.iter_rows(min_row=2, values_only=True)}
    assert scores["docs/broken.yaml"] == "无法读取"
    assert {k: v for k, v in scores.items() if k != "docs/broken.yaml"} == {
        row["file"]: row["score"] for row in files[1:]}
    page = batch["out"]["html", "zh"].read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="perflint-data">(.*?)</script>', page, re.S).group(1))
    assert {record[0]: record[2] for record in data}["docs/broken.yaml"] is None


def test_departments_are_ranked_worst_first_as_in_the_html_report(batch):
    departments = batch["departments"]
    means = [float(d["mean score"]) for d in departments if d["mean score"] is not None]
    assert departments[0]["mean score"] is None  # the department of the unreadable document
    assert means == sorted(means) and len(means) == len(departments) - 1


# CSV --------------------------------------------------------------------------------------------

def test_csv_column_headers_do_not_change_with_the_language(batch):
    chinese = batch["out"]["csv", "zh"].read_text(encoding="utf-8-sig").splitlines()
    english = batch["out"]["csv", "en"].read_text(encoding="utf-8-sig").splitlines()
    assert chinese[0] == english[0] == "path,department,label,line,column,code,rule,severity,message,pointer"
    assert len(chinese) == len(english) == len(batch["findings"]) + 1


# GitLab Code Quality ------------------------------------------------------------------------------

# The fields GitLab documents for a custom tool's Code Quality report (docs.gitlab.com, "Code Quality
# report format"): an array of issues, each with these, location.lines.begin (or positions) required.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},  # relative to the repository
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1},
                                             "end": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def test_gitlab_code_quality_report_has_the_documented_fields(batch):
    issues = json.loads(batch["out"]["gitlab", "zh"].read_text(encoding="utf-8"))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    findings = batch["findings"]
    assert len(issues) == len(findings)
    # GitLab shows only the first issue of a fingerprint: each must be unique.
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    severity = {"error": "major", "warning": "minor", "info": "info"}
    assert [(i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"], i["severity"])
            for i in issues] == [(f["path"], f["line"] or 1, f["code"], severity[f["severity"]]) for f in findings]
    assert all(i["description"] == f"{f['code']} {f['message']}" for i, f in zip(issues, findings))


def test_gitlab_fingerprints_survive_edits_elsewhere(tmp_path):
    """A line added above a finding moves it, but it is the same issue to GitLab: only new ones show as new."""
    document = tmp_path / "seed.yaml"
    text = (Path(__file__).parent.parent / "fixtures" / "seed.yaml").read_text("utf-8")
    document.write_text(text, encoding="utf-8")
    before = json.loads(run("check", document, "--format", "gitlab"))
    document.write_text("# 修订说明：调整格式\n" + text, encoding="utf-8")
    after = json.loads(run("check", document, "--format", "gitlab"))
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert [i["location"]["lines"]["begin"] + 1 for i in before] == [i["location"]["lines"]["begin"] for i in after]


# xlsx -------------------------------------------------------------------------------------------

def test_xlsx_sheets_headers_filters_and_frozen_rows(batch):
    workbook = openpyxl.load_workbook(batch["out"]["xlsx", "zh"])
    assert workbook.sheetnames == ["部门汇总", "文件得分", "问题清单"]
    findings = workbook["问题清单"]
    assert [c.value for c in findings[1]] == ["文件", "部门", "位置", "行", "代码", "规则", "审核维度", "级别", "问题", "字段"]
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(sheet.max_column)}{sheet.max_row}"
        assert all(sheet.column_dimensions[openpyxl.utils.get_column_letter(i)].width >= 6
                   for i in range(1, sheet.max_column + 1))
    rows = list(findings.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3], r[4], r[8]) for r in rows] == [
        (f["path"], f["line"], f["code"], f["message"]) for f in batch["findings"]]
    assert Counter(r[7] for r in rows) == Counter({"error": "错误", "warning": "警告", "info": "提示"}[f["severity"]]
                                                   for f in batch["findings"])
    assert findings.column_dimensions["I"].width >= 60  # the message column is the wide one


def test_xlsx_department_summary_matches_the_summary_table(batch):
    sheet = openpyxl.load_workbook(batch["out"]["xlsx", "zh"])["部门汇总"]
    assert [c.value for c in sheet[1]] == ["部门", "文件数", "无法读取", "错误", "警告", "提示", "平均得分", "最低得分"]
    rows = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    score = lambda value, kind: "无法读取" if value is None else kind(value)  # noqa: E731
    expected = [[d["department"], d["files"], d["unreadable"], d["errors"], d["warnings"], d["info"],
                 score(d["mean score"], float), score(d["lowest score"], int)] for d in batch["departments"]]
    assert rows == expected
    assert len(rows) >= 4  # three fixture departments, the renamed copy and the unreadable file


def test_xlsx_prints_landscape_one_page_wide_with_the_header_on_every_page(batch):
    from perflint.report.xlsx import wrapped_height

    workbook = openpyxl.load_workbook(batch["out"]["xlsx", "zh"])
    for sheet in workbook:
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.print_title_rows == "$1:$1"
    findings = workbook["问题清单"]
    width = findings.column_dimensions["I"].width
    heights = {}
    for row in findings.iter_rows(min_row=2):
        message = row[8]
        assert message.alignment.wrap_text
        heights[message.row] = findings.row_dimensions[message.row].height
        expected = wrapped_height(message.value, width)
        # A message of one line keeps the default height; a longer one gets a row as tall as its lines.
        assert heights[message.row] == (None if expected == 15 else expected)
    assert any(h and h >= 45 for h in heights.values())


def test_wrapped_height_counts_chinese_characters_twice():
    from perflint.report.xlsx import wrapped_height

    assert wrapped_height("短", 80) == 15
    assert wrapped_height("问" * 39, 80) == 15  # 78 columns fit in one line of a column 80 wide
    assert wrapped_height("问" * 40, 80) == 30
    assert wrapped_height("a" * 150, 80) == 30
    assert wrapped_height("第一行\n第二行", 80) == 30


def test_xlsx_in_english(batch):
    workbook = openpyxl.load_workbook(batch["out"]["xlsx", "en"])
    assert workbook.sheetnames == ["Departments", "Documents", "Findings"]
    assert [c.value for c in workbook["Departments"][1]] == [
        "department", "documents", "unreadable", "errors", "warnings", "info", "mean score", "lowest score"]
    assert [c.value for c in workbook["Findings"][1]][:2] == ["file", "department"]
    assert {r[0] for r in workbook["Findings"].iter_rows(min_row=2, max_col=8, values_only=True)} <= {
        f["path"] for f in batch["findings"]}


# HTML -------------------------------------------------------------------------------------------

def test_html_is_one_file_that_loads_nothing(batch):
    page = batch["out"]["html", "zh"].read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)|@import|url\(""", page, re.I)
    assert '<html lang="zh-CN">' in page
    for code in {f["code"] for f in batch["findings"]}:
        assert f'id="rule-{code}"' in page


def _segments(counts: dict) -> int:
    return sum(1 for per in counts.values() for n in per.values() if n)


def test_html_renders_charts_and_table_in_chromium(batch, tmp_path):
    findings = batch["findings"]
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report-html.png"
    shutil.copy(batch["out"]["html", "zh"], ARTIFACTS / "report.html")
    dom = Elements(browse(batch["out"]["html", "zh"], tmp_path, screenshot=shot))
    assert shot.stat().st_size > 20_000
    assert dom.having("body", "")[0].get("data-rendered") == "true"  # the script ran to its end

    # One bar segment per department and severity with findings, and per rule and severity.
    by_department: dict = {}
    by_rule: dict = {}
    departments = {row["file"]: row["department"] for row in batch["files"]}
    for f in findings:
        by_department.setdefault(departments[f["path"]], Counter())[f["severity"]] += 1
        by_rule.setdefault(f["code"], Counter())[f["severity"]] += 1
    top_rules = dict(sorted(by_rule.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:20])
    bars = dom.having("rect", "bar")
    assert len(bars) == _segments(by_department) + _segments(top_rules)

    rows = dom.having("tr", "finding")
    assert len(rows) == min(100, len(findings))
    assert len(dom.having("tr", "document")) == min(50, len(batch["files"]))
    assert dom.text["card-2"].startswith(str(len(findings)))
    # The unreadable document has no score: counted on a card of its own, listed first, out of the mean.
    assert dom.text["card-8"] == "1无法读取"
    readable = [row["score"] for row in batch["files"] if row["score"] is not None]
    assert dom.text["card-6"] == f"{sum(readable) / len(readable):.1f}平均得分"
    assert "docs/broken.yaml" in dom.text["doc-rows"].split("无法读取")[0]
    # Every finding links to its rule's documentation in the same page.
    targets = {a["href"] for t, a in dom.tags if t == "a" and a.get("href", "").startswith("#rule-")}
    ids = {a["id"] for t, a in dom.tags if "id" in a}
    assert targets and {t[1:] for t in targets} <= ids
    options = {a.get("value") for t, a in dom.tags if t == "option"}
    assert {departments[f["path"]] for f in findings} <= options


def test_html_filters_from_the_fragment(batch, tmp_path):
    """A filtered view can be bookmarked: #?dept=…&sev=… shows only those findings."""
    departments = {row["file"]: row["department"] for row in batch["files"]}
    wanted = [f for f in batch["findings"]
              if departments[f["path"]] == "溧平县司法局" and f["severity"] == "warning"]
    assert wanted
    fragment = "#?" + "&".join(f"{k}={quote(v)}" for k, v in (("dept", "溧平县司法局"), ("sev", "warning")))
    dom = Elements(browse(batch["out"]["html", "zh"], tmp_path, fragment))
    rows = dom.having("tr", "finding")
    assert len(rows) == len(wanted)
    assert all(row["class"].split() == ["finding", "warning"] for row in rows)


def test_html_in_english(batch, tmp_path):
    page = browse(batch["out"]["html", "en"], tmp_path)
    dom = Elements(page)
    assert ("html", {"lang": "en"}) in dom.tags
    assert "Findings per department" in page and "Budget performance document review" in page
    assert "What it checks" in dom.text["rules"]
    assert len(dom.having("tr", "finding")) == min(100, len(batch["findings"]))
