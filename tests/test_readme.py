"""The README as a new user reads it: the "Writing rules" example runs as written (its files extracted
from the README) and its links lead somewhere in the repository (docs/format.md: tests/test_format_docs.py)."""

import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from perflint.cli import main

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    following = re.search(r"^#{1,3} ", text[start + len(heading):], re.M)
    return text[start: start + len(heading) + following.start()] if following else text[start:]


def _named_blocks(text: str) -> dict[str, str]:
    """Each code block introduced by a paragraph that starts with its file's name: `path`… :"""
    return {m.group(1): m.group(2)
            for m in re.finditer(r"^`([\w./]+)`(?:(?!\n\n).)*:\n\n```\w*\n(.*?)```", text, re.S | re.M)}


def test_the_writing_rules_example_runs_as_written(tmp_path):
    section = _section(README, "### Writing rules")
    files = _named_blocks(section)
    assert set(files) == {"perflint_rules/title_required.py", "perflint_rules/title_required.cases.yaml",
                          "test_title_required.py"}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    # The test file as written, run by pytest as a department would run it.
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_title_required.py"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout
    # And the configuration shown beside it makes perflint check run the rule.
    toml = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "doc.yaml").write_text("department: 溧平县司法局\nyear: 2026\n", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        output = CliRunner().invoke(main, ["check", "doc.yaml", "--select", "ACME001"]).output
        explained = CliRunner().invoke(main, ["explain", "title-required"]).output
    finally:
        os.chdir(cwd)
    assert output.startswith("doc.yaml:1:1: ACME001 [info] 文档缺少标题（title / 标题）")
    assert "title: 溧平县司法局2026年部门预算绩效文本" in explained  # its passing case, shown as the example


def test_the_readme_s_links_lead_to_files_of_the_repository():
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README)
    local = [link for link in links if not re.match(r"[a-z]+:", link)]
    assert "docs/format.md" in local
    for link in local:
        assert (ROOT / link).exists(), link
    assert "../" not in "".join(local)  # a clone is complete: nothing outside it


def test_the_readme_says_what_the_html_tests_need():
    assert "Chromium" in _section(README, "## Set up") and "skipped" in _section(README, "## Set up")
