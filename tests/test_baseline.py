"""Baselines: keyed on document, rule, pointer and value — not lines; stale entries are reported."""

import json
from collections import Counter
from pathlib import Path

import pytest

from click.testing import CliRunner

from perflint.cli import main

SEED = Path(__file__).parent.parent / "fixtures" / "seed.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def codes(result):
    return [(f["line"], f["code"]) for f in json.loads(result.output)]


def test_write_then_check_reports_nothing_old(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("seed.yaml").write_bytes(SEED.read_bytes())
    written = run("check", "seed.yaml", "--write-baseline", "baseline.json")
    assert written.exit_code == 0
    entries = json.loads(Path("baseline.json").read_text("utf-8"))["entries"]
    assert {"path": "seed.yaml", "code": "PF201", "pointer": "/projects/0/indicators/4/value", "value": "有效提升",
            "count": 1} in entries
    assert all("line" not in entry for entry in entries)
    result = run("check", "seed.yaml", "--baseline", "baseline.json", "--format", "json")
    assert (result.exit_code, json.loads(result.output)) == (0, [])


def test_edits_elsewhere_keep_the_baseline_and_new_findings_show(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("seed.yaml").write_bytes(SEED.read_bytes())
    run("check", "seed.yaml", "--write-baseline", "baseline.json")
    text = SEED.read_text("utf-8").replace("department: 溧平县司法局", "# 修订稿\n\ndepartment: 溧平县司法局")
    text = text.replace("value: ≥95%", "value: ≥60%", 1)
    Path("seed.yaml").write_text(text, encoding="utf-8")
    result = run("check", "seed.yaml", "--baseline", "baseline.json", "--format", "json")
    assert result.exit_code == 1
    assert codes(result) == [(107, "PF204")]


def test_fixed_findings_leave_stale_entries_that_are_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("seed.yaml").write_bytes(SEED.read_bytes())
    run("check", "seed.yaml", "--write-baseline", "baseline.json")
    Path("seed.yaml").write_text(SEED.read_text("utf-8").replace("value: 有效提升", "value: ≥90%"), encoding="utf-8")
    findings = json.loads(run("check", "seed.yaml", "--baseline", "baseline.json", "--format", "json").output)
    assert [(f["code"], f["pointer"]) for f in findings] == [("PF015", "/projects/0/indicators/4/value")]
    assert "有效提升" in findings[0]["message"] and findings[0]["severity"] == "info"


def test_a_broken_baseline_is_a_usage_error(tmp_path):
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("check", SEED, "--baseline", bad)
    assert result.exit_code == 2 and "无法读取基线文件" in result.output
    result = run("check", SEED, "--baseline", bad, "--lang", "en")
    assert result.exit_code == 2 and "cannot read baseline" in result.output


def test_a_baseline_kept_in_another_folder_still_matches(tmp_path, monkeypatch):
    """Paths are stored relative to the baseline's own folder, whichever folder perflint runs in."""
    monkeypatch.chdir(tmp_path)
    Path("seed.yaml").write_bytes(SEED.read_bytes())
    Path("ci").mkdir()
    run("check", "seed.yaml", "--write-baseline", "ci/baseline.json")
    assert json.loads(Path("ci/baseline.json").read_text("utf-8"))["entries"][0]["path"] == "../seed.yaml"
    result = run("check", "seed.yaml", "--baseline", "ci/baseline.json", "--format", "json")
    assert (result.exit_code, json.loads(result.output)) == (0, [])


def test_absolute_paths_in_a_baseline_match_inside_its_folder_and_are_refused_outside(tmp_path):
    from perflint.engine.baseline import read_baseline
    from perflint.errors import UsageError

    doc = tmp_path / "docs" / "a.yaml"
    doc.parent.mkdir()
    entry = {"code": "PF201", "pointer": "/x", "value": "v", "count": 1}
    inside = tmp_path / "inside.json"
    inside.write_text(json.dumps({"version": 1, "entries": [{**entry, "path": str(doc)}]}), encoding="utf-8")
    assert list(read_baseline(inside)) == ["docs/a.yaml"]
    outside = tmp_path / "docs" / "outside.json"
    outside.write_text(json.dumps({"version": 1, "entries": [{**entry, "path": "/elsewhere/a.yaml"}]}),
                       encoding="utf-8")
    with pytest.raises(UsageError, match="absolute"):
        read_baseline(outside)


def test_a_counted_entry_accepts_that_many_findings_and_what_it_has_left_is_stale():
    from perflint.engine.baseline import Key, subtract

    key, other = Key("a.yaml", "PF201", "/projects/0/goals", "有效提升"), Key("a.yaml", "PF201", "/x", "提高")
    findings = ["first", "second", "third"]
    assert subtract(findings, [key] * 3, Counter({key: 2})) == (["third"], [])
    assert subtract(findings[:1], [key], Counter({key: 2, other: 1})) == ([], sorted([key, other]))


def test_a_missing_baseline_names_the_reason(tmp_path):
    missing = tmp_path / "baseline.json"
    result = run("check", SEED, "--baseline", missing, "--lang", "en")
    assert result.exit_code == 2
    assert f"cannot read baseline {missing}: " in result.output and "no such file" in result.output.lower()
