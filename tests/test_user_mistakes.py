"""The user's own mistakes are one clear line and exit status 2, never "internal error" (issue 14, points
8–10): an output that names an input, a missing or read-only folder, a full disk, a reader that goes
away, an unwritable baseline, a baseline or configuration of the wrong shape; and configuration
discovery that stops at the file that counts."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).parent.parent / "fixtures" / "seed.yaml"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "perflint", *map(str, args), "--no-cache"], capture_output=True,
                          text=True, cwd=cwd)


def one_error_line(result, *words):
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("perflint: 错误: ") and "内部错误" not in lines[0], lines
    assert all(word in lines[0] for word in words), lines[0]


def test_an_output_that_names_a_checked_document_is_refused_and_the_document_kept(tmp_path):
    document = tmp_path / "a.yaml"
    document.write_bytes(SEED.read_bytes())
    one_error_line(run("check", document, "-o", document), "--output", "覆盖")
    one_error_line(run("check", tmp_path, "-o", document), "--output")
    assert document.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("fmt", ["text", "json", "xlsx", "html"])
def test_an_output_in_a_missing_folder_is_one_line(tmp_path, fmt):
    one_error_line(run("check", SEED, "--format", fmt, "-o", tmp_path / "missing" / "report"), "无法写入", "不存在")


# root writes into a read-only folder unless it gives up the capabilities that override file modes
AS_A_USER = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"] if os.geteuid() == 0 else []


@pytest.mark.skipif(AS_A_USER != [] and shutil.which("setpriv") is None,
                    reason="running as root without setpriv (util-linux) to drop its override of file modes")
def test_an_output_in_a_read_only_folder_is_one_line(tmp_path):
    tmp_path.chmod(0o500)
    try:
        result = subprocess.run([*AS_A_USER, sys.executable, "-m", "perflint", "check", str(SEED), "--no-cache",
                                 "-o", str(tmp_path / "report.txt")], capture_output=True, text=True)
        one_error_line(result, "无法写入", "权限")
    finally:
        tmp_path.chmod(0o700)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("fmt", ["text", "xlsx"])
def test_a_full_disk_is_one_line(fmt):
    one_error_line(run("check", SEED, "--format", fmt, "-o", "/dev/full"), "磁盘空间不足")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "perflint", "check", str(SEED), "--format", fmt, "--no-cache"],
                                stdout=full, stderr=subprocess.PIPE, text=True)
    one_error_line(result, "磁盘空间不足")


@pytest.mark.parametrize("fmt", ["text", "xlsx"])
def test_a_reader_that_goes_away_ends_the_run_quietly(fmt):
    perflint = subprocess.Popen([sys.executable, "-m", "perflint", "check", str(SEED), str(SEED.parent),
                                 "--format", fmt, "--no-cache"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    perflint.stdout.read(10)
    perflint.stdout.close()  # as `| head -c 10` does
    errors = perflint.stderr.read().decode()
    perflint.wait(timeout=60)
    assert "Traceback" not in errors and "Exception ignored" not in errors, errors


def test_a_report_replaces_its_file_only_when_whole(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("previous", "utf-8")
    result = run("check", SEED, "--format", "json", "-o", target)
    assert result.returncode == 1 and target.read_text("utf-8").startswith("[")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left


def test_an_unwritable_baseline_is_said_before_the_report_is_printed(tmp_path):
    result = run("check", SEED, "--write-baseline", tmp_path / "missing" / "baseline.json")
    one_error_line(result, "基线文件", "不存在")
    assert result.stdout == ""


@pytest.mark.parametrize("content", ['[]', '{"version": 1, "entries": 3}', '{"version": 1, "entries": [5]}', '"x"',
                                     "not json"])
def test_a_baseline_of_another_shape_is_one_line(tmp_path, content):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, "utf-8")
    one_error_line(run("check", SEED, "--baseline", baseline), "基线文件", "格式不对")


@pytest.mark.parametrize("content, words", [
    (b"[tool.perflint]\nlang = \"\xff\"\n", ("不是 UTF-8",)),
    (b"tool = 3\n[tool.perflint]\n", ("不是有效的 TOML",)),
    (b"[tool]\nperflint = 5\n", ("tool.perflint", "应为表")),
    (b"[tool.perflint.options.satisfaction-too-low]\nfloor = nan\n", ("floor", "nan")),
])
def test_a_configuration_of_the_wrong_shape_is_one_line(tmp_path, content, words):
    (tmp_path / "pyproject.toml").write_bytes(content)
    one_error_line(run("check", SEED, cwd=tmp_path), *words)


def test_an_unrelated_broken_pyproject_up_the_tree_is_passed_over(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b"[project\nname = \xff")
    (tmp_path / "work").mkdir()
    assert run("check", SEED, cwd=tmp_path / "work").returncode == 1


def test_discovery_stops_at_the_first_file_with_a_perflint_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.perflint]\nlang = \"en\"\n", "utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = \"other\"\n", "utf-8")
    shown = subprocess.run([sys.executable, "-m", "perflint", "config", "--format", "json"], capture_output=True,
                           text=True, cwd=inner)
    assert shown.returncode == 0 and str(tmp_path / "pyproject.toml") in shown.stdout
