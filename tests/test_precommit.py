"""perflint as a pre-commit hook, through the real pre-commit framework: a defective document (YAML or
Word) is refused at commit time with the findings shown; once fixed, the commit goes through; what the
configuration excludes is not checked, although pre-commit names it (--force-exclude)."""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from perflint.load import DOCUMENT_SUFFIXES, load_path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "fixtures" / "seed.yaml"
CLEAN = REPO / "fixtures" / "clean-2015.yaml"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_manifest_is_valid():
    pytest.importorskip("pre_commit")
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest",
                             str(REPO / ".pre-commit-hooks.yaml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_both_hooks_honour_exclude_and_the_documents_hook_takes_every_form_perflint_reads():
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))}
    assert set(hooks) == {"perflint", "perflint-documents"}
    assert all(hook["entry"] == "perflint check --force-exclude" and hook["require_serial"] for hook in hooks.values())
    documents = hooks["perflint-documents"]
    files, exclude = re.compile(documents["files"]), re.compile(documents["exclude"])
    for suffix in DOCUMENT_SUFFIXES:  # what a directory is searched for, whatever the hook is given
        assert files.search(f"绩效文本/2026年{suffix}") and files.search(f"docs/A{suffix.upper()}"), suffix
    for name in ("README.md", "notes.txt", "scan.png"):
        assert not files.search(name)
    assert exclude.search("docs/~$2026年.docx") and exclude.search(".github/workflows/ci.yml")


def _word_document(source: Path) -> bytes:
    """A .docx laid out like the real forms, from a YAML document (the builder the Word import tests use)."""
    spec = importlib.util.spec_from_file_location("office_builders", REPO / "tests" / "test_import_office.py")
    builders = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builders)
    return builders.build_docx(load_path(str(source)).document)


def test_a_defective_document_is_refused_and_the_fixed_one_committed(tmp_path):
    pytest.importorskip("pre_commit")
    work = tmp_path / "department"
    work.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    git(work, "init", "-q")
    # The git hook runs the hook straight from this repository (its working tree, committed or not).
    hook = work / ".git" / "hooks" / "pre-commit"
    # Both hooks of the repository: perflint (YAML) and perflint-documents (YAML, Word, Excel).
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} -m pre_commit try-repo {REPO}\n", encoding="utf-8")
    hook.chmod(0o755)
    (work / "pyproject.toml").write_text('[tool.perflint]\nexclude = ["archive/"]\n', encoding="utf-8")
    (work / "archive").mkdir()
    (work / "archive" / "2020绩效文本.yaml").write_bytes(SEED.read_bytes())  # kept as published, defects and all

    document = work / "2026绩效文本.yaml"
    document.write_bytes(SEED.read_bytes())
    word = work / "2026项目支出绩效目标表.docx"
    word.write_bytes(_word_document(SEED))
    git(work, "add", ".")
    refused = subprocess.run(["git", "commit", "-q", "-m", "绩效文本"], cwd=work, env=env,
                             capture_output=True, text=True)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "PF201" in output and "有效提升" in output and "PF304" in output
    assert f"{word.name}:第" in output  # the Word copy's findings, at their paragraphs and table cells
    assert "archive" not in output
    assert git(work, "rev-parse", "--verify", "HEAD").returncode != 0  # nothing was committed

    # The department corrects its document: here, the clean fixture written to the guidance.
    fixed = CLEAN.read_text(encoding="utf-8")
    document.write_text(fixed, encoding="utf-8")
    word.write_bytes(_word_document(CLEAN))
    git(work, "add", ".")
    accepted = subprocess.run(["git", "commit", "-q", "-m", "绩效文本"], cwd=work, env=env,
                              capture_output=True, text=True)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(work, "rev-parse", "--verify", "HEAD").returncode == 0
