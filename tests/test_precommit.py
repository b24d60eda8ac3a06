"""perflint as a pre-commit hook, through the real pre-commit framework: a defective document is
refused at commit time with the findings shown; once fixed, the commit goes through."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} -m pre_commit try-repo {REPO} perflint\n", encoding="utf-8")
    hook.chmod(0o755)

    document = work / "2026绩效文本.yaml"
    document.write_bytes(SEED.read_bytes())
    git(work, "add", document.name)
    refused = subprocess.run(["git", "commit", "-q", "-m", "绩效文本"], cwd=work, env=env,
                             capture_output=True, text=True)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "PF201" in output and "有效提升" in output and "PF304" in output
    assert git(work, "rev-parse", "--verify", "HEAD").returncode != 0  # nothing was committed

    # The department corrects its document: here, the clean fixture written to the guidance.
    fixed = CLEAN.read_text(encoding="utf-8")
    document.write_text(fixed, encoding="utf-8")
    git(work, "add", document.name)
    accepted = subprocess.run(["git", "commit", "-q", "-m", "绩效文本"], cwd=work, env=env,
                              capture_output=True, text=True)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(work, "rev-parse", "--verify", "HEAD").returncode == 0
