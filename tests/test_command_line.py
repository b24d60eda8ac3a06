"""The command line as users of ruff, yamllint and sqlfluff expect it, and in Chinese by default (issue 13):
help pages with examples and exit codes, one-line usage errors with a "did you mean", colour, quiet
output, --show-source, --exit-zero, standard input with --fix and --diff, paths that hold no document,
--force-exclude.
"""

import json
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from wcwidth import wcswidth

from perflint.cli import main

ROOT = Path(__file__).parent.parent
SEED = ROOT / "fixtures" / "seed.yaml"
SEED_ZH = ROOT / "fixtures" / "seed-zh.yaml"
CLEAN = ROOT / "fixtures" / "clean-2015.yaml"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
COMMANDS = ["check", "rules", "explain", "config", "schema", "init", "import", "value", "clean", "compare"]


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, env=env, catch_exceptions=False,
                              prog_name="perflint")


# Help: Chinese by default, English with --lang en; examples and exit status on every command (points 12, 19).

@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_s_help_shows_examples_and_exit_status_in_chinese_by_default(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert result.output.startswith(f"用法：perflint {command} [选项]")
    assert "选项:" in result.output and "示例：" in result.output and "退出状态" in result.output
    assert "显示本帮助并退出" in result.output
    assert "Usage:" not in result.output and "Show this message" not in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_s_help_in_english(command):
    result = run("--lang", "en", command, "--help")
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: perflint {command} [OPTIONS]")
    assert "Examples:" in result.output and "Exit status" in result.output
    assert "示例" not in result.output


def test_the_main_help_lists_the_commands_and_the_exit_codes():
    output = run("--help").output
    assert "命令:" in output and "退出状态：" in output and "2  命令本身无法运行" in output
    for command in COMMANDS:
        assert re.search(rf"^  {command} +\S", output, re.M), command
    assert "Exit status:" in run("--lang", "en", "-h").output


def test_chinese_help_lines_fit_the_terminal_by_display_width():
    """click counts characters; a line of 78 Chinese characters would take 156 columns."""
    for lang in ("zh", "en"):
        output = run("--lang", lang, "check", "--help").output
        assert max(wcswidth(line) for line in output.splitlines()) <= 80
        assert "即使有问题也以状态0退出（同--fail-onnever）" in "".join(output.split()) or lang == "en"
    assert not any(line.lstrip().startswith(("，", "。", "）", "；")) for line in output.splitlines())


# Usage errors: one line, in the user's language, with a "did you mean" (point 12).

@pytest.mark.parametrize("args, chinese, english", [
    (["chek"], "没有命令“chek”；是否应为“check”？", "no such command 'chek'; did you mean 'check'?"),
    (["check", "--formt", "json"], "没有选项 --formt；是否应为 --format", "no such option --formt; did you mean --format"),
    (["check", "--format", "jsn"], "“jsn”不是可选值", "'jsn' is not one of"),
    (["check", "--format"], "选项 --format 需要一个值", "option --format needs a value"),
    (["check", "-j", "0"], "“0”不是正整数", "'0' is not a positive whole number"),
    (["explain"], "缺少规则", "missing RULE"),
    (["explain", "PF201", "PF202"], "多余的参数：PF202", "unexpected extra argument: PF202"),
    (["explain", "vauge-target"], "没有规则“vauge-target”；是否应为“vague-target”？",
     "unknown rule 'vauge-target'; did you mean 'vague-target'?"),
    (["check", "--select", "vauge-targt", str(SEED)], "是否应为“vague-target”？", "did you mean 'vague-target'?"),
])
def test_usage_errors_are_one_line_in_the_user_s_language(args, chinese, english):
    result = run(*args)
    assert result.exit_code == 2
    assert len(result.output.splitlines()) == 1 and chinese in result.output, result.output
    result = run("--lang", "en", *args)
    assert result.exit_code == 2 and english in result.output, result.output
    assert "错误" not in result.output


def test_the_configuration_s_language_is_the_language_of_errors_and_help(tmp_path, monkeypatch):
    (tmp_path / "perflint.toml").write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("check", "--formt").output.startswith("perflint check: error: no such option")
    assert run("check", "-h").output.startswith("Usage: perflint check")


def test_messages_of_the_run_are_chinese_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init", "模板.yaml").output == "已写入 模板.yaml\n"
    assert run("init", "模板.yaml").output.startswith("perflint: 错误: 模板.yaml 已存在；要覆盖请加 --force")
    result = run("check", SEED, "--write-baseline", "baseline.json")
    assert result.exit_code == 0 and re.search(r"perflint：已把 \d+ 个问题记录到 baseline.json", result.output)
    config = run("config").output
    assert config.startswith("配置文件: （未找到）") and "默认值" in config and "配置项" in config
    assert "default" in run("config", "--lang", "en").output


def test_a_missing_field_is_named_by_its_chinese_label(tmp_path):
    document = tmp_path / "doc.yaml"
    document.write_text("年度: 2026\n项目:\n  - 项目名称: x\n    预算规模: {预算数: 20万元}\n", encoding="utf-8")
    findings = json.loads(run("check", document, "--format", "json", "--select", "PF0").output)
    messages = {f["code"]: f["message"] for f in findings}
    assert messages["PF009"] == "缺少必填字段“部门（department）”"
    assert messages["PF008"].startswith("“预算数（total）”应为数字")
    english = json.loads(run("check", document, "--format", "json", "--select", "PF0", "--lang", "en").output)
    assert {f["message"] for f in english} >= {"Required field 'department' is missing"}


# Conventions of ruff and yamllint (point 17).

def test_no_path_checks_the_current_directory(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "seed.yaml").write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    assert {f["path"] for f in json.loads(result.output)} == {str(Path("docs") / "seed.yaml")}


def test_colour_on_request_never_by_default_off_a_terminal_and_never_with_no_color():
    coloured = run("check", SEED, "--color", "always").output
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == run("check", SEED).output
    assert "\x1b[1mPF201\x1b[0m" in coloured and "\x1b[33m\x1b[1m[warning]\x1b[0m" in coloured
    assert "\x1b[" not in run("check", SEED, "--color", "never").output
    assert "\x1b[" not in run("check", SEED, "--color", "auto").output  # CliRunner's output is no terminal


def test_no_color_turns_colour_off_on_a_terminal(monkeypatch):
    from perflint.cli import _use_color

    class Terminal:
        @staticmethod
        def isatty():
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_color("auto", Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _use_color("auto", Terminal())
    assert _use_color("always", Terminal())  # the command line wins over the environment (no-color.org)
    assert not _use_color("never", Terminal())


def test_quiet_prints_the_findings_only():
    quiet = run("check", SEED, "-q").output.splitlines()
    assert quiet == run("check", SEED).output.splitlines()[:-1]
    assert not quiet[-1].startswith("共检查")


def test_exit_zero_and_fail_on_never():
    assert run("check", SEED).exit_code == 1
    assert run("check", SEED, "--exit-zero").exit_code == 0
    assert run("check", SEED, "--fail-on", "never").exit_code == 0


def test_extend_select_adds_to_the_configured_selection(tmp_path):
    config = tmp_path / "perflint.toml"
    config.write_text('select = ["PF201"]\n', encoding="utf-8")
    codes = lambda *args: {f["code"] for f in json.loads(run("check", SEED, "--format", "json",  # noqa: E731
                                                                "--config", config, *args).output)}
    assert codes() == {"PF201"}
    assert codes("--extend-select", "PF304,PF309") == {"PF201", "PF304", "PF309"}


def test_output_format_is_an_alias_of_format():
    assert run("check", SEED, "--output-format", "json").output == run("check", SEED, "--format", "json").output


def test_show_source_puts_carets_under_the_value_counting_chinese_characters_twice():
    output = run("check", SEED_ZH, "--show-source", "--select", "PF201").output.splitlines()
    first = output.index(next(line for line in output if line.startswith(f"{SEED_ZH}:99:14: PF201")))
    gutter, source, carets = output[first + 1: first + 4]
    assert gutter == "     |" and source == "  99 |         指标值: 有效提升"
    # 有效提升 starts 16 display columns into the line (8 spaces, 指标值 takes 6, ": " 2) and takes 8.
    assert carets == "     | " + " " * 16 + "^" * 8


# Standard input with --fix and --diff (point 6), and its name saying what it holds (point 5).

def test_diff_on_standard_input_prints_the_diff():
    result = run("check", "-", "--diff", "--stdin-filename", "seed.yaml", input=SEED.read_text("utf-8"))
    assert result.exit_code == 1
    assert result.output.startswith("--- a/seed.yaml\n+++ b/seed.yaml\n")
    assert "-        basis: 溧政办[2024]28号文件\n" in result.output
    assert "+        basis: 溧政办〔2024〕28号文件\n" in result.output
    clean = run("check", "-", "--diff", input=CLEAN.read_text("utf-8"))
    assert clean.exit_code == 0 and clean.output == ""


def test_fix_on_standard_input_writes_the_fixed_text_to_standard_output(tmp_path):
    """As ruff does: the fixed document on standard output, what is left to report on standard error."""
    copy = tmp_path / "seed.yaml"
    copy.write_bytes(SEED.read_bytes())
    run("check", copy, "--fix")  # the same fixes, applied to a file
    result = CliRunner().invoke(main, ["check", "-", "--fix", "--format", "json"], input=SEED.read_text("utf-8"))
    assert result.exit_code == 1
    assert result.stdout == copy.read_text("utf-8") != SEED.read_text("utf-8")
    remaining = json.loads(result.stderr)
    assert remaining and "PF501" not in {f["code"] for f in remaining}
    assert {f["code"] for f in json.loads(run("check", SEED, "--format", "json").output)} >= {"PF501"}


def test_standard_input_is_read_as_its_name_says(tmp_path):
    """An old Word file piped in under its name is the old-Word finding, not "a binary file, not YAML"."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    result = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "旧版.doc", "--format", "json"], input=ole)
    [finding] = json.loads(result.output)
    assert finding["path"] == "旧版.doc" and finding["code"] == "PF001" and ".docx" in finding["message"]


# Paths that hold nothing to check (point 4); -o and init - (point 8); --diff with --format (point 9).

def test_a_directory_without_documents_is_an_error_that_says_why(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("check", empty)
    assert result.exit_code == 2
    assert f"没有检查任何文件：目录 {empty} 中没有 .yaml .yml .docx .xlsx .xls .pdf .doc .wps 文件" in result.output
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026年绩效目标.txt").write_text("部门：溧平县司法局\n", encoding="utf-8")
    result = run("check", notes, "--lang", "en")
    assert result.exit_code == 2
    assert f"its 1 .txt/.md file(s) are read only when named, e.g. perflint check {notes / '2026年绩效目标.txt'}" \
        in result.output
    # With a document beside it, the run goes on.
    assert run("check", empty, CLEAN).exit_code == 0


def test_init_dash_writes_the_template_to_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init", "-", "--lang", "en")
    assert result.exit_code == 0 and result.output.startswith("# perflint budget performance document template")
    assert not (tmp_path / "-").exists() and list(tmp_path.iterdir()) == []


def test_diff_with_another_format_is_refused():
    result = run("check", SEED, "--diff", "--format", "json")
    assert result.exit_code == 2 and "--diff 只输出统一差异格式的改动" in result.output


# --force-exclude (point 10).

def test_force_exclude_applies_exclude_to_files_named_on_the_command_line(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.perflint]\nexclude = ["archive/"]\n', encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "2020.yaml").write_bytes(SEED.read_bytes())
    (tmp_path / "2026.yaml").write_bytes(CLEAN.read_bytes())
    monkeypatch.chdir(tmp_path)
    named = ["archive/2020.yaml", "2026.yaml"]
    assert run("check", *named).exit_code == 1  # a file named is checked …
    result = run("check", "--force-exclude", *named)
    assert result.exit_code == 0 and "archive" not in result.output  # … unless excluded by force
    # Only excluded files named (as pre-commit does): nothing to do, nothing wrong.
    only = run("check", "--force-exclude", "archive/2020.yaml")
    assert only.exit_code == 0 and only.output == ""
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""
        [tool.perflint]
        exclude = ["archive/"]
        force-exclude = true
    """), encoding="utf-8")
    assert run("check", *named).exit_code == 0
    assert run("check", "--no-force-exclude", *named).exit_code == 1
