"""The rules across a review round (issue 15): run by `perflint check` over more than one document, on the
documents' facts, with their findings placed in the documents they are about."""

import json
import textwrap
from io import StringIO
from pathlib import Path

import pytest
from click.testing import CliRunner

from perflint.check import run_check
from perflint.cli import main
from perflint.config import Settings
from perflint.report.base import ReportContext
from perflint.report.json import JsonReporter
from rounds import ROUND_CODES, found, planted, planted_kinds, write_round

COPIED_GOAL = "印制普法宣传品12000份，开展法治宣传活动30场，群众法治知识知晓率达到90%以上。"


def _json(paths, settings=None, jobs=2):
    out = StringIO()
    run_check([str(p) for p in paths], settings or Settings(lang="en"), JsonReporter(out, ReportContext("en", {}, "test")),
              jobs=jobs)
    return json.loads(out.getvalue())


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def planted_round(tmp_path_factory):
    return write_round(tmp_path_factory.mktemp("planted") / "round", 240, seed=11, plant=True)


def test_the_round_rules_find_every_planted_case_and_nothing_else(planted_round):
    expected = planted(planted_round)
    assert planted_kinds(planted_round) == {"goal-copy", "table-copy", "note-copy", "cost-outlier", "all-maximal"}
    # Two of each copy (each found in both documents), two outliers, one department.
    assert {code for _, code, _ in expected} == set(ROUND_CODES) and len(expected) >= 15
    assert found(_json([planted_round]), ROUND_CODES) == expected


def test_a_round_generated_without_planted_cases_gives_no_round_finding(tmp_path):
    documents = write_round(tmp_path / "round", 240, seed=11, plant=False)
    findings = _json([documents])
    assert found(findings, ROUND_CODES) == set()
    assert len(findings) > 100  # the documents' own findings are there: the round was checked


def _pair(tmp_path, first_extra="", second_extra=""):
    """Two departments' documents whose projects (of different kinds) have the same goal."""
    for name, department, project, extra in (("a.yaml", "溧平县司法局", "2026年普法宣传教育", first_extra),
                                             ("b.yaml", "溧平县民政局", "2026年社会救助政策宣传", second_extra)):
        (tmp_path / name).write_text(textwrap.dedent(f"""\
            department: {department}
            year: 2026
            projects:
              - name: {project}
                goals:
                  - {COPIED_GOAL}{extra}
            """), "utf-8")
    return tmp_path / "a.yaml", tmp_path / "b.yaml"


def test_one_document_alone_runs_no_round_rule_and_its_suppressions_of_them_are_not_unused(tmp_path):
    first, second = _pair(tmp_path, first_extra="  # perflint: ignore[PF340] 两个项目确为同一项工作")
    alone = _json([first])
    assert [f for f in alone if f["code"] in ROUND_CODES + ("PF010",)] == []
    together = _json([first, second], jobs=1)
    copies = [f for f in together if f["code"] == "PF340"]
    # Suppressed in a.yaml, where the comment is; still said in b.yaml, naming a.yaml's place.
    assert [(Path(f["path"]).name, f["line"], f["pointer"]) for f in copies] == [("b.yaml", 6, "/projects/0/goals")]
    assert "a.yaml line 6" in copies[0]["message"] and "溧平县司法局" in copies[0]["message"]
    assert "PF010" not in {f["code"] for f in together}


def test_per_file_ignores_and_ignore_apply_to_round_findings(tmp_path):
    first, second = _pair(tmp_path)
    (tmp_path / "perflint.toml").write_text('[per-file-ignores]\n"b.yaml" = ["round-text-copied"]\n', "utf-8")
    result = run("check", "--format", "json", "--config", tmp_path / "perflint.toml", first, second)
    assert [Path(f["path"]).name for f in json.loads(result.output) if f["code"] == "PF340"] == ["a.yaml"]
    result = run("check", "--format", "json", "--ignore", "PF340", first, second)
    assert [f for f in json.loads(result.output) if f["code"] == "PF340"] == []


def test_round_findings_take_their_place_in_every_format(tmp_path):
    first, second = _pair(tmp_path)
    text = run("check", "--lang", "en", first, second).output.splitlines()
    copies = [line for line in text if "PF340" in line]
    assert [line.split(":")[0] for line in copies] == [str(first), str(second)]
    assert copies[0].startswith(f"{first}:6:7: PF340 [info] The annual goal of project '2026年普法宣传教育'")
    assert text[-1].startswith("Found ") and " in 2 files (" in text[-1]
    for fmt in ("sarif", "junit", "csv", "jsonl", "github"):
        assert run("check", "--format", fmt, first, second).output.count("PF340") >= 2, fmt
    summary = run("check", "--summary", "rule", "--format", "json", first, second).output
    assert {"code": "PF340", "rule": "round-text-copied", "findings": 2, "files": 2} in json.loads(summary)


def test_a_round_rule_that_crashes_is_a_finding_and_the_round_goes_on(tmp_path, monkeypatch):
    from perflint.rules.round_text_copied import RoundTextCopied

    def crash(self, round, context):
        raise RuntimeError("a round rule with a bug")
        yield

    monkeypatch.setattr(RoundTextCopied, "check_round", crash)
    first, second = _pair(tmp_path)
    findings = _json([first, second], Settings(select=("PF340", "PF241"), lang="en"), jobs=1)
    assert [(f["code"], Path(f["path"]).name) for f in findings] == [("PF000", "a.yaml")]
    assert "PF340" in findings[0]["message"] and "a round rule with a bug" in findings[0]["message"]


def test_an_unreadable_document_in_a_round_is_reported_and_the_others_compared(tmp_path):
    first, second = _pair(tmp_path)
    (tmp_path / "broken.yaml").write_text("department: [\n", "utf-8")
    findings = _json([tmp_path], jobs=1)
    assert {(Path(f["path"]).name, f["code"]) for f in findings if f["code"] in ("PF003", "PF340")} == {
        ("broken.yaml", "PF003"), ("a.yaml", "PF340"), ("b.yaml", "PF340")}


def test_no_temporary_directory_is_a_clear_message(tmp_path, monkeypatch):
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/tmp/perflint-round-x")

    first, second = _pair(tmp_path)
    monkeypatch.setattr(tempfile, "mkdtemp", refused)
    result = CliRunner().invoke(main, ["check", str(first), str(second), "--lang", "en"])
    assert result.exit_code == 2
    assert "temporary file" in result.output and "TMPDIR" in result.output and "Traceback" not in result.output


def test_a_suppression_covers_the_round_findings_it_names_and_no_others(tmp_path):
    # A comment naming another rule leaves the copy reported; a bare one covers every rule on its line.
    first, second = _pair(tmp_path, first_extra="  # perflint: ignore[PF201] 另有原因", second_extra="  # perflint: ignore")
    copies = [f for f in _json([first, second], jobs=1) if f["code"] == "PF340"]
    assert [(Path(f["path"]).name, f["line"]) for f in copies] == [("a.yaml", 6)]
