"""The command line as cli.md fixes it: findings, formats, exit codes, configuration, suppression."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from perflint.cli import main

from golden import matches_golden, refresh_golden

ROOT = Path(__file__).parent.parent
SEED = ROOT / "fixtures" / "seed.yaml"
SEED_ZH = ROOT / "fixtures" / "seed-zh.yaml"
CLEAN = sorted((ROOT / "fixtures").glob("clean-*.yaml"))

GOLDEN = ROOT / "tests" / "data" / "seed.expected.txt"  # the whole text report on the seed

# What a reviewer must see on the seed (the foundation's acceptance): (line, column, code).
SEED_FINDINGS = [
    (63, 11, "PF309"),   # 滦平县司法局本级 against 溧平县司法局
    (67, 20, "PF101"),   # the first project's spending plan has no 12月底
    (99, 16, "PF201"),   # 有效提升
    (123, 16, "PF501"),  # 溧政办[2024]28号
    (140, 16, "PF304"),  # 52 人 × 2.27 万元/人 = 118.04 万元 against 155.99 万元
    (141, 16, "PF501"),
    (146, 16, "PF201"),  # 较上年进一步提高
    (147, 16, "PF501"),
]
ISSUE_2_CODES = ",".join(sorted({code for _, _, code in SEED_FINDINGS}))
FINDING_KEYS = ["path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message", "pointer",
                "label"]


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def json_findings(*args):
    result = run("check", "--format", "json", *args)
    return result.exit_code, json.loads(result.output)


def test_seed_findings():
    code, findings = json_findings(SEED)
    assert code == 1
    found = [(f["line"], f["column"], f["code"]) for f in findings]
    assert [spot for spot in found if spot in SEED_FINDINGS] == SEED_FINDINGS


def test_seed_report_matches_the_reviewed_golden_file(monkeypatch):
    """Every finding on the seed was read by a person; a change to any of them must be deliberate.
    Regenerate with PERFLINT_UPDATE_GOLDEN=1 after reviewing the difference."""
    monkeypatch.chdir(ROOT)
    assert matches_golden(GOLDEN, run("check", "fixtures/seed.yaml").output)


def test_the_golden_refresh_writes_then_fails_and_refuses_under_ci(tmp_path, monkeypatch):
    golden = tmp_path / "golden.txt"
    golden.write_text("old\n", encoding="utf-8")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.fail.Exception, match="review"):
        refresh_golden(golden, "new\n")
    assert golden.read_text(encoding="utf-8") == "new\n"
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI"):
        refresh_golden(golden, "newer\n")
    assert golden.read_text(encoding="utf-8") == "new\n"


def test_the_chinese_key_copy_gives_the_same_findings():
    """Line for line the same document; columns shift with the longer Chinese keys."""
    english, chinese = json_findings(SEED)[1], json_findings(SEED_ZH)[1]
    assert json_findings(SEED_ZH)[0] == 1
    strip = lambda f: {k: v for k, v in f.items() if k not in ("path", "column", "end_column")}  # noqa: E731
    assert [strip(f) for f in chinese] == [strip(f) for f in english]


def test_seed_messages_show_what_a_reviewer_needs():
    output = run("check", SEED).output
    assert "有效提升" in output and "较上年进一步提高" in output
    assert "52 人 × 司法协理员平均工资成本 2.27 万元/人 = 118.04 万元" in output
    assert "155.99 万元" in output
    assert output.count("溧政办[2024]28号") == 3 and "溧政办〔2024〕28号" in output
    assert "滦平县司法局本级" not in output and "324001" not in output  # the unit is named without code and 本级
    assert "“滦平县司法局”与部门名称“溧平县司法局”" in output
    assert output.splitlines()[-1].startswith("共检查 1 个文件，发现 ")


def test_text_lines_have_the_documented_shape():
    line = next(x for x in run("check", SEED).output.splitlines() if ":63:11:" in x)
    assert line.startswith(f"{SEED}:63:11: PF309 [warning] ")
    assert line.endswith("  (unit-department-mismatch)")


# Consistency across the document (issue 4): the promises the seed makes twice and does not keep.
SEED_CONSISTENCY = [
    (28, 19, "PF330"),   # overall 矫正率达到100% against the sub-target's ≥80%
    (58, 13, "PF520"),   # 意见意见
    (66, 11, "PF332"),   # 人民调解办案补贴 and 法律援助办案费 have no indicator
    (116, 9, "PF331"),   # the project goal's 不低于500件 that no indicator measures
]


def test_seed_consistency_findings():
    found = [(f["line"], f["column"], f["code"]) for f in json_findings(SEED)[1]]
    assert [spot for spot in found if spot in SEED_CONSISTENCY] == SEED_CONSISTENCY


def test_english_messages():
    output = run("check", SEED, "--lang", "en").output
    assert "Target '有效提升' is vague" in output
    assert output.splitlines()[-1].startswith("Found ") and " problems in 1 file (" in output


def test_json_has_exactly_the_documented_keys():
    _, findings = json_findings(SEED)
    assert all(list(f) == FINDING_KEYS for f in findings)
    vague = next(f for f in findings if f["code"] == "PF201")
    assert vague["pointer"] == "/projects/0/indicators/4/value"
    assert (vague["end_line"], vague["end_column"]) == (99, 20)
    assert vague["rule"] == "vague-target" and vague["severity"] == "warning"


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_fixtures_have_no_findings(path):
    code, findings = json_findings(path, "--fail-on", "info")
    assert (code, findings) == (0, [])


def test_no_findings_is_an_empty_array_and_exit_0(tmp_path):
    doc = tmp_path / "ok.yaml"
    doc.write_text("department: 溧平县司法局\nyear: 2026\noverall:\n  goal: 全年调解矛盾纠纷不少于500件。\n",
                   encoding="utf-8")
    assert json_findings(doc) == (0, [])
    assert run("check", doc).output == "共检查 1 个文件，未发现问题\n"


def test_fail_on_decides_the_exit_status():
    assert run("check", SEED, "--fail-on", "error").exit_code == 1  # PF101 is an error
    assert run("check", SEED, "--select", "PF201", "--fail-on", "error").exit_code == 0
    assert run("check", SEED, "--select", "PF201").exit_code == 1


def test_selection_by_code_prefix_slug_and_category():
    codes = lambda *a: {f["code"] for f in json_findings(SEED, *a)[1]}  # noqa: E731
    everything = codes()
    assert codes("--select", "PF5") == {c for c in everything if c.startswith("PF5")} and "PF501" in everything
    assert codes("--select", "vague-target") == {"PF201"}
    assert codes("--select", "完整性") == {c for c in everything if c.startswith("PF1")}
    assert codes("--select", "completeness") == codes("--select", "完整性")
    assert codes("--ignore", "PF501,PF201") == everything - {"PF501", "PF201"}


def test_a_directory_is_checked_recursively_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.yml").write_bytes(SEED.read_bytes())
    (tmp_path / "a.yaml").write_text("department: [\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a document", encoding="utf-8")
    code, findings = json_findings(tmp_path)
    assert code == 1
    paths = [f["path"] for f in findings]
    assert paths == sorted(paths) and paths[0].endswith("a.yaml") and paths[-1].endswith("x.yml")
    assert findings[0]["code"] == "PF003"


def test_standard_input(tmp_path):
    result = run("check", "-", "--format", "json", input=SEED.read_text(encoding="utf-8"))
    assert [f["code"] for f in json.loads(result.output)] == [f["code"] for f in json_findings(SEED)[1]]
    assert json.loads(result.output)[0]["path"] == "-"
    named = run("check", "-", "--stdin-filename", "seed.yaml", input="department: x\n")
    assert named.output.startswith("seed.yaml:1:1: PF009")


def test_inline_suppression(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("value: 有效提升", "value: 有效提升  # perflint: ignore[PF201]")
    text = text.replace("basis: 溧政办[2024]28号文件", "basis: 溧政办[2024]28号文件  # perflint: ignore")
    doc = tmp_path / "seed.yaml"
    doc.write_text(text, encoding="utf-8")
    _, findings = json_findings(doc, "--select", ISSUE_2_CODES)
    assert [(f["line"], f["code"]) for f in findings] == [(63, "PF309"), (67, "PF101"), (140, "PF304"),
                                                          (146, "PF201")]


def write_config(directory: Path, body: str, name: str = "pyproject.toml") -> Path:
    path = directory / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_configuration_in_pyproject_is_found_upwards(tmp_path, monkeypatch):
    write_config(tmp_path, """
        [tool.perflint]
        select = ["PF309", "PF101", "PF201", "PF304", "PF501"]
        ignore = ["docno-bracket"]
        lang = "en"
        [tool.perflint.severity]
        PF201 = "error"
        [tool.perflint.options.cost-quantity-budget-mismatch]
        tolerance = 0.5
    """)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    _, findings = json_findings(SEED)
    assert [f["code"] for f in findings] == ["PF309", "PF101", "PF201", "PF201"]
    assert {f["severity"] for f in findings if f["code"] == "PF201"} == {"error"}
    assert findings[0]["message"].startswith("The budget unit")


def test_perflint_toml_and_explicit_config(tmp_path):
    config = write_config(tmp_path, 'select = ["PF201"]\nfail-on = "error"\n', "perflint.toml")
    result = run("check", SEED, "--config", config)
    assert result.exit_code == 0 and "PF201" in result.output and "PF501" not in result.output


@pytest.mark.parametrize("body, complaint, chinese", [
    ('[tool.perflint]\nselcet = ["PF201"]\n', "unknown key 'selcet'; did you mean 'select'?",
     "未知的配置项“selcet”；是否应为“select”？"),
    ('[tool.perflint]\nselect = ["PF999"]\n', "PF999", "“PF999”不是规则代码"),
    ('[tool.perflint]\nselect = ["vauge-target"]\n', "did you mean 'vague-target'?", "是否应为“vague-target”？"),
    ('[tool.perflint]\nfail-on = "fatal"\n', "fail-on", "配置项 fail-on 应为 info、warning、error、never 之一"),
    ('[tool.perflint.options.satisfaction-too-low]\nfloor = "high"\n', "satisfaction-too-low.floor",
     "应为数字（如 80），而不是 \"high\""),
    ('[tool.perflint.options.satisfaction-too-low]\nceiling = 90\n', "no option 'ceiling'", "“ceiling”不是该规则的选项"),
    ('[tool.perflint.severity]\nno-such-rule = "error"\n', "no-such-rule", "“no-such-rule”不是已知的规则"),
    ('[tool.perflint.severity]\nvague-targte = "error"\n', "did you mean 'vague-target'?", "是否应为“vague-target”？"),
    ('[tool.perflint\n', "is not valid TOML", "不是有效的 TOML"),
])
def test_bad_configuration_exits_2_and_names_the_problem(tmp_path, body, complaint, chinese):
    """In English with --lang en; in Chinese by default (issue 13, point 12), with a "did you mean"."""
    config = write_config(tmp_path, body)
    result = CliRunner().invoke(main, ["check", str(SEED), "--config", str(config), "--lang", "en"], catch_exceptions=False)
    assert result.exit_code == 2
    assert complaint in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(main, ["check", str(SEED), "--config", str(config)])
    assert result.exit_code == 2 and result.output.startswith("perflint: 错误: ")
    assert chinese in result.output, result.output


def test_a_rules_directory_named_in_the_configuration(tmp_path):
    rules_dir = tmp_path / "local_rules"
    rules_dir.mkdir()
    (rules_dir / "title_required.py").write_text(textwrap.dedent('''
        from perflint.engine.rule import Category, Rule, RuleDoc, Text
        from perflint.findings import Severity

        class TitleRequired(Rule):
            code = "LOC001"
            slug = "title-required"
            category = Category.COMPLETENESS
            severity = Severity.INFO
            summary = Text("缺少标题", "No title")
            messages = {"default": Text("文档缺少标题", "The document has no title")}
            doc = RuleDoc(Text("标题", "title"), Text("需要", "needed"), "local", "year: 2026", "title: x")

            def check(self, document, context):
                if not document.title:
                    yield self.hit("/title")
    '''), encoding="utf-8")
    config = write_config(tmp_path, '[tool.perflint]\nrules-dirs = ["local_rules"]\nselect = ["LOC"]\n')
    doc = tmp_path / "doc.yaml"
    doc.write_text("department: 溧平县司法局\nyear: 2026\n", encoding="utf-8")
    result = run("check", doc, "--config", config)
    assert "LOC001 [info] 文档缺少标题" in result.output
    assert "LOC001" in run("rules", "--config", config).output


def test_a_plugin_must_be_installed_to_be_named(tmp_path):
    config = write_config(tmp_path, '[tool.perflint]\nplugins = ["not-installed"]\n')
    result = CliRunner().invoke(main, ["check", str(SEED), "--config", str(config)], catch_exceptions=False)
    assert result.exit_code == 2 and "not-installed" in result.output


def test_rules_table_and_json():
    table = run("rules").output
    assert "PF201" in table and "vague-target" in table and "适当性" in table
    listed = json.loads(run("rules", "--format", "json", "--lang", "en").output)
    assert {"code": "PF201", "slug": "vague-target", "category": "appropriateness", "severity": "warning",
            "fixable": False, "opt_in": False,
            "summary": "The target is a vague qualitative phrase that cannot be assessed"} in listed
    assert next(r for r in listed if r["code"] == "PF213")["opt_in"] is True


def test_an_opt_in_rule_runs_only_when_named(tmp_path):
    doc = tmp_path / "doc.yaml"
    doc.write_text("department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: 普法\n    indicators:\n"
                   "      - {level1: 产出指标, level2: 数量指标, name: 宣传品数量, value: 2000份}\n"
                   "      - {level1: 产出指标, level2: 质量指标, name: 合格率, value: ≥95%}\n", "utf-8")
    by_all = run("check", str(doc), "--format", "json", "--select", "ALL").output
    by_prefix = run("check", str(doc), "--format", "json", "--select", "PF2").output
    by_name = run("check", str(doc), "--format", "json", "--select", "operator-missing").output
    assert "PF213" not in by_all and "PF213" not in by_prefix
    assert [f["code"] for f in json.loads(by_name)] == ["PF213"]


def test_explain_by_code_or_slug():
    by_code = run("explain", "PF304").output
    assert by_code == run("explain", "cost-quantity-budget-mismatch").output
    assert "反例" in by_code and "tolerance = 0.05" in by_code
    assert "Failing example" in run("explain", "PF304", "--lang", "en").output
    assert run("explain", "PF999").exit_code == 2


def test_value_prints_one_json_object_per_input():
    lines = run("value", "≥2000 份", "≤2.27万元/人").output.splitlines()
    assert [json.loads(line) for line in lines] == [
        {"input": "≥2000 份", "kind": "quantity", "op": ">=", "number": "2000", "unit": "份"},
        {"input": "≤2.27万元/人", "kind": "quantity", "op": "<=", "number": "2.27", "unit": "万元/人"},
    ]
    # Range bounds are strings as written, trailing zeros kept; fields beyond the fixed five only when set.
    [ranged] = run("value", "90.0%-95.50%").output.splitlines()
    assert json.loads(ranged) == {"input": "90.0%-95.50%", "kind": "range", "op": None, "number": None, "unit": "%",
                                  "low": "90.0", "high": "95.50"}
    from_stdin = run("value", "-", input="有效提升\n95%\n").output.splitlines()
    assert [json.loads(line)["kind"] for line in from_stdin] == ["vague", "percent"]


def test_version():
    from perflint import __version__

    assert run("--version").output.strip() == f"perflint, version {__version__}"


def test_installed_command_runs_from_another_directory(tmp_path):
    """The console script, not the in-process runner: the real exit status and output."""
    script = Path(sys.executable).parent / "perflint"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "perflint"]
    result = subprocess.run([*command, "check", str(SEED)], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 1
    assert f"{SEED}:99:16: PF201 [warning]" in result.stdout
    assert result.stderr == ""


BROKEN_INPUTS = {
    "bad-yaml": ("department: 溧平县司法局\nyear: [2026\n".encode(), "PF003", 3, 1),
    "wrong-type": ("department: 溧平县司法局\nyear: 二〇二六\n".encode(), "PF008", 2, 7),
    "missing-field": ("department: 溧平县司法局\n".encode(), "PF009", 1, 1),
    "unknown-key": ("department: 溧平县司法局\nyear: 2026\nyaer: 2026\n".encode(), "PF007", 3, 1),
    "duplicate-key": ("department: 溧平县司法局\nyear: 2026\nyear: 2025\n".encode(), "PF006", 3, 1),
    "undecodable": ("department: ".encode() + b"\x81\x7f\xff" + b"\nyear: 2026\n", "PF002", 1, 13),
    "empty": (b"", "PF004", 1, 1),
    "alias": ("department: &d 溧平县司法局\nyear: 2026\ntitle: *d\n".encode(), "PF005", 3, 1),
}


@pytest.mark.parametrize("name", BROKEN_INPUTS)
def test_broken_input_is_an_error_finding_with_a_position(tmp_path, name):
    data, code, line, column = BROKEN_INPUTS[name]
    doc = tmp_path / f"{name}.yaml"
    doc.write_bytes(data)
    exit_code, findings = json_findings(doc, "--select", "PF0")
    assert exit_code == 1
    assert [(f["code"], f["severity"], f["line"], f["column"]) for f in findings] == [(code, "error", line, column)]
    assert findings[0]["message"]


def test_one_bad_file_never_stops_a_batch(tmp_path):
    for name, (data, *_rest) in BROKEN_INPUTS.items():
        (tmp_path / f"{name}.yaml").write_bytes(data)
    (tmp_path / "seed.yaml").write_bytes(SEED.read_bytes())
    _, findings = json_findings(tmp_path)
    assert {f["code"] for f in findings} >= {"PF002", "PF003", "PF004", "PF005", "PF201", "PF304"}
    assert run("check", tmp_path).output.splitlines()[-1].startswith("共检查 9 个文件")


def test_grammar_and_rules_install_inside_the_package():
    """No top-level `grammar` or `rules` package in site-packages: they install as perflint's own."""
    import importlib.util

    assert importlib.util.find_spec("grammar") is None and importlib.util.find_spec("rules") is None
    assert importlib.util.find_spec("perflint.grammar") and importlib.util.find_spec("perflint.rules")


def test_an_internal_error_is_one_line_and_exit_2_unless_debugging(monkeypatch):
    import perflint.check

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(perflint.check, "run_check", broken)
    with pytest.raises(RuntimeError, match="boom"):  # the suite's setting: a crash fails the test
        run("check", SEED)
    monkeypatch.delenv("PERFLINT_DEBUG")
    result = CliRunner().invoke(main, ["check", str(SEED), "--lang", "en"])
    assert result.exit_code == 2
    assert "perflint: internal error: RuntimeError: boom" in result.output


def _raising(self, document, context):
    raise ValueError("rule bug")


def _naming_an_unknown_message(self, document, context):
    yield self.hit("/projects/0/goals", "no-such-message")


# A rule that raises, or names a message it does not have (rather than being given another message).
@pytest.mark.parametrize("check, error, says", [
    (_raising, ValueError, "rule bug"),
    (_naming_an_unknown_message, LookupError, "PF201 has no message 'no-such-message'"),
])
def test_a_crashing_rule_is_pf000_unless_debugging(monkeypatch, check, error, says):
    from perflint.engine.registry import load_catalog

    monkeypatch.setattr(load_catalog().get("PF201"), "check", check)
    with pytest.raises(error, match=says):
        run("check", "-j", "1", "--select", "PF201", SEED)
    monkeypatch.delenv("PERFLINT_DEBUG")
    findings = json.loads(run("check", "-j", "1", "--format", "json", "--select", "PF201", SEED).output)
    assert [(f["code"], f"{error.__name__}: {says}" in f["message"]) for f in findings] == [("PF000", True)]
