"""`perflint compare LAST_YEAR THIS_YEAR` (issue 15): two rounds matched project by project, findings in
this year's documents naming last year's place."""

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from perflint.cli import main
from rounds import YEARS_CODES, found, planted, planted_kinds, write_round, write_years


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def compared(last, this, *options):
    result = run("compare", "--format", "json", "--lang", "en", *options, last, this)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.output)


@pytest.fixture(scope="module")
def planted_years(tmp_path_factory):
    return write_years(tmp_path_factory.mktemp("years"), 240, seed=5, plant=True)


def test_every_planted_change_is_found_and_nothing_else(planted_years):
    last, this = planted_years
    expected = planted(this)
    assert planted_kinds(this) == {"lowered-target", "copied-goal", "unchanged-project", "dropped-indicator",
                                   "unit-cost-jump"}
    assert {code for _, code, _ in expected} == {"PF115", "PF242", "PF243", "PF343"}
    status, findings = compared(last, this)
    assert found(findings, YEARS_CODES) == expected
    assert status == 1  # a lowered target is a warning


def test_findings_point_into_this_year_and_name_last_years_place(planted_years):
    last, this = planted_years
    _, findings = compared(last, this, "--select", "PF242")
    findings = [f for f in findings if f["code"] == "PF242"]  # not the input errors of broken documents
    assert findings and all(Path(f["path"]).parent == this for f in findings)
    first = findings[0]
    assert first["pointer"].endswith("/value") and first["line"] and first["label"] is None
    assert f"({last / Path(first['path']).name} line " in first["message"]
    assert "while the project's budget rose" in first["message"]


def test_two_identical_rounds_give_only_unchanged_text(tmp_path):
    first = write_round(tmp_path / "a", 120, seed=4, plant=False)
    second = write_round(tmp_path / "b", 120, seed=4, plant=False)
    status, findings = compared(first, second)
    codes = {f["code"] for f in findings if not f["code"].startswith("PF0")}
    assert codes == {"PF343"}
    assert {f["severity"] for f in findings if f["code"] == "PF343"} == {"info"}  # unchanged text is only a hint
    assert {f["pointer"].rpartition("/")[2] for f in findings if f["code"] == "PF343"} == {"goal", "goals", "indicators"}


def test_two_generated_years_without_planted_changes_give_nothing(tmp_path):
    last, this = write_years(tmp_path, 120, seed=6, plant=False)
    _, findings = compared(last, this)
    assert [f for f in findings if f["code"] in YEARS_CODES] == []


def _write(path: Path, department: str, year: int, target: str) -> Path:
    path.write_text(textwrap.dedent(f"""\
        department: {department}
        year: {year}
        projects:
          - code: 13082425P000318100011
            name: {year}年中小学教师全员培训
            budget: {{total: 100.00}}
            indicators:
              - {{level1: 产出指标, level2: 数量指标, name: 集中面授培训教师人数, value: {target}}}
        """), "utf-8")
    return path


def test_files_compare_too_and_an_unreadable_one_is_reported(tmp_path):
    last = _write(tmp_path / "2025.yaml", "溧平县教育局", 2025, "≥1500人")
    this = _write(tmp_path / "2026.yaml", "溧平县教育局", 2026, "≥1200人")
    status, findings = compared(last, this)
    assert status == 1 and [(f["code"], f["line"]) for f in findings] == [("PF242", 8)]
    last.write_text("department: [\n", "utf-8")
    status, findings = compared(last, this)
    assert [(Path(f["path"]).name, f["code"]) for f in findings] == [("2025.yaml", "PF003")]
    text = run("compare", last, this).output
    assert "PF003" in text and text.splitlines()[-1].startswith("共检查")


def test_bad_arguments_are_a_clear_message(tmp_path):
    this = _write(tmp_path / "2026.yaml", "溧平县教育局", 2026, "≥1200人")
    result = run("compare", tmp_path / "missing", this)
    assert result.exit_code == 2 and "LAST_YEAR" in result.output and "不存在" in result.output
    (tmp_path / "empty").mkdir()
    result = run("compare", this, tmp_path / "empty")
    assert result.exit_code == 2 and "没有可比较的文档" in result.output
    result = run("compare", "--select", "PF201", this, this, "--lang", "en")
    assert result.exit_code == 2 and "no comparison rule is selected" in result.output


def test_dropped_indicators_are_named_up_to_five_and_the_rest_counted(tmp_path):
    last = _write(tmp_path / "2025.yaml", "溧平县教育局", 2025, "≥1500人")
    extra = "".join(f"      - {{level1: 产出指标, level2: 数量指标, name: 培训项目{i}, value: ≥{i}期}}\n" for i in range(1, 7))
    last.write_text(last.read_text("utf-8") + extra, "utf-8")
    this = _write(tmp_path / "2026.yaml", "溧平县教育局", 2026, "≥1500人")
    for lang, expected in (("en", "培训项目1 (≥1期), 培训项目2 (≥2期), 培训项目3 (≥3期), 培训项目4 (≥4期), "
                                  "培训项目5 (≥5期) and 1 more"),
                           ("zh", "培训项目1（≥1期）、培训项目2（≥2期）、培训项目3（≥3期）、培训项目4（≥4期）、"
                                  "培训项目5（≥5期） 等 6 个")):
        output = run("compare", "--format", "json", "--lang", lang, "--select", "PF115", last, this).output
        assert [expected in f["message"] for f in json.loads(output)] == [True], output
