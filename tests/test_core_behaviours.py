"""Core behaviours asserted by their outcome, not only reported: the value a duplicate key leaves,
suppression across comments and blank lines, baseline matching after edits, the quality score."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from perflint.cli import main
from perflint.findings import Finding, Severity
from perflint.load import load_bytes
from perflint.report.base import DocumentResult

ROOT = Path(__file__).parent.parent


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def findings(path, *args):
    result = run("check", "--format", "json", *args, path)
    return [(f["line"], f["code"]) for f in json.loads(result.output)]


# Duplicate keys: reported, and the first value is the one read -----------------------------------

@pytest.mark.parametrize("text, read, first", [
    ("department: 溧平县司法局\nyear: 2026\ndepartment: 滦平县司法局\n", lambda d: d.department, "溧平县司法局"),
    ("department: 溧平县司法局\nyear: 2026\n部门: 滦平县司法局\n", lambda d: d.department, "溧平县司法局"),
    ("department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: 甲项目\n    name: 乙项目\n",
     lambda d: d.projects[0].name, "甲项目"),
    ("department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: 甲项目\n    spending_plan: {6月底: 50%, 12月底: 100%, "
     "6月底: 60%}\n", lambda d: str(d.projects[0].spending_plan["6月底"]), "50"),
])
def test_a_duplicate_key_is_reported_and_the_first_value_kept(text, read, first):
    loaded = load_bytes(text.encode("utf-8"), "doc.yaml")
    assert [p.rule for p in loaded.problems] == ["duplicate-key"]
    assert read(loaded.document) == first


# Suppression: a comment alone applies to the next content line, over comments and blank lines -------

DOC = """department: 溧平县司法局
year: 2026
projects:
  - name: 2026年人民调解办案业务费
    indicators:
{above}      - {{level1: 产出指标, level2: 质量指标, name: 调解成功率, value: 有效提升}}{after}
      - {{level1: 效益指标, level2: 社会效益指标, name: 群众法律意识, value: 明显提高}}
"""


def check_with(tmp_path, above="", after=""):
    doc = tmp_path / "doc.yaml"
    doc.write_text(DOC.format(above=above, after=after), encoding="utf-8")
    return [code for _, code in findings(doc, "--select", "PF201,PF010")]


@pytest.mark.parametrize("above", [
    "      # perflint: ignore[PF201] 调解成功率另行考核\n",
    "      # perflint: ignore[PF201] 调解成功率另行考核\n      # 第二行说明\n",
    "      # perflint: ignore[PF201] 调解成功率另行考核\n\n",
    "      # perflint: ignore[PF201]\n      # 说明一\n\n      # 说明二\n\n",
    "      # 说明在前\n      # perflint: ignore[vague-target]\n",
])
def test_a_comment_alone_suppresses_the_next_content_line_only(tmp_path, above):
    assert check_with(tmp_path) == ["PF201", "PF201"]
    assert check_with(tmp_path, above=above) == ["PF201"]  # the second indicator is still reported


def test_a_trailing_comment_applies_to_its_own_line_not_the_next(tmp_path):
    assert check_with(tmp_path, after="  # perflint: ignore[PF201]") == ["PF201"]
    doc = (tmp_path / "doc.yaml").read_text("utf-8")
    assert [line for line, _ in findings(tmp_path / "doc.yaml", "--select", "PF201")] == [
        doc.splitlines().index(next(x for x in doc.splitlines() if "明显提高" in x)) + 1]


def test_a_comment_alone_with_nothing_after_it_is_unused(tmp_path):
    doc = tmp_path / "doc.yaml"
    doc.write_text(DOC.format(above="", after="") + "# perflint: ignore[PF201]\n\n# 完\n", encoding="utf-8")
    assert [code for _, code in findings(doc, "--select", "PF201,PF010")] == ["PF201", "PF201", "PF010"]


# Baselines: matched on document, rule, pointer and value, counted ---------------------------------

SEED = ROOT / "fixtures" / "seed.yaml"


@pytest.fixture
def baselined(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("seed.yaml").write_bytes(SEED.read_bytes())
    run("check", "seed.yaml", "--write-baseline", "baseline.json")
    return SEED.read_text("utf-8")


def with_baseline():
    return json.loads(run("check", "seed.yaml", "--baseline", "baseline.json", "--format", "json").output)


def test_a_finding_moved_to_another_line_still_matches(baselined):
    moved = baselined.replace("year: 2026", "year: 2026\n# 第一次修订\n# 第二次修订\n\n", 1)
    Path("seed.yaml").write_text(moved, encoding="utf-8")
    assert with_baseline() == []


def test_a_changed_value_is_a_new_finding_and_its_entry_stale(baselined):
    Path("seed.yaml").write_text(baselined.replace("value: 有效提升", "value: 有效提高"), encoding="utf-8")
    assert sorted((f["code"], f["pointer"]) for f in with_baseline()) == [
        ("PF015", "/projects/0/indicators/4/value"), ("PF201", "/projects/0/indicators/4/value")]


def test_a_baseline_counts_each_key(baselined):
    """Two findings with the same key need two entries: the baseline accepts no more than it recorded."""
    data = json.loads(Path("baseline.json").read_text("utf-8"))
    entry = next(e for e in data["entries"] if e["code"] == "PF201" and e["value"] == "有效提升")
    assert entry["count"] == 1
    Path("baseline.json").write_text(json.dumps({**data, "entries": [
        {**e, "count": 0} if e is entry else e for e in data["entries"]]}), encoding="utf-8")
    assert [(f["code"], f["pointer"]) for f in with_baseline()] == [("PF201", "/projects/0/indicators/4/value")]


# The quality score: 100 − 10 per error − 3 per warning − 1 per info, never below 0 --------------------

def _finding(severity):
    return Finding("d.yaml", 1, 1, 1, 2, "PF999", "x", severity, "m", "")


@pytest.mark.parametrize("errors, warnings, info, score", [
    (0, 0, 0, 100), (1, 0, 0, 90), (0, 1, 0, 97), (0, 0, 1, 99), (2, 5, 3, 62), (1, 12, 11, 43),
    (9, 3, 1, 0), (9, 0, 9, 1), (11, 0, 0, 0),
])
def test_the_quality_score_follows_its_formula(errors, warnings, info, score):
    severities = [Severity.ERROR] * errors + [Severity.WARNING] * warnings + [Severity.INFO] * info
    result = DocumentResult("d.yaml", None, None, 0, 0, tuple(map(_finding, severities)))
    assert result.score == score == max(0, 100 - 10 * errors - 3 * warnings - info)


def test_the_seed_scores_43_for_its_known_counts(monkeypatch):
    monkeypatch.chdir(ROOT)
    rows = json.loads(run("check", "--summary", "file", "--format", "json", "fixtures/seed.yaml").output)
    assert rows == [{"file": "fixtures/seed.yaml", "department": "溧平县司法局", "score": 43, "errors": 1,
                     "warnings": 12, "info": 11}]


# Excluding paths from a directory walk: gitignore patterns for folders and files ------------------

def test_exclude_patterns_skip_folders_and_files_in_a_walk(tmp_path, monkeypatch):
    for name in ("a.yaml", "draft-b.yaml", "archive/c.yaml", "sub/d.yaml", "sub/draft-e.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    checked = lambda *args: sorted({f["path"].removeprefix("./") for f in json.loads(  # noqa: E731
        run("check", "--format", "json", *args, ".").output)})
    assert checked() == ["a.yaml", "archive/c.yaml", "draft-b.yaml", "sub/d.yaml", "sub/draft-e.yaml"]
    assert checked("--exclude", "archive/", "--exclude", "draft-*.yaml") == ["a.yaml", "sub/d.yaml"]
    (tmp_path / "perflint.toml").write_text('exclude = ["sub/"]\n', encoding="utf-8")
    assert checked() == ["a.yaml", "archive/c.yaml", "draft-b.yaml"]


# How long a project runs (项目期), in months: what midterm-goal-missing weighs against one year ----------

@pytest.mark.parametrize("period, months", [
    ("二十个月", 20), ("三十六个月", 36), ("十八个月", 18), ("十个月", 10), ("3年", 36), ("两年", 24),
    ("2026年1月—2028年12月", 36), ("2026年", 12),
])
def test_the_project_period_in_months(period, months):
    from perflint.analysis.period import period_months

    assert period_months(period) == months
