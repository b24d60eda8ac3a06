"""Golden files: output a person has read, kept beside the tests, that a change must not alter unnoticed.

`PERFLINT_UPDATE_GOLDEN=1` rewrites a golden file that differs and then fails the test: the new file is a
diff to review (`git diff`), never a pass. Under CI it refuses to write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def matches_golden(path: Path, output: str) -> bool:
    """Whether `output` is what the golden file holds; with PERFLINT_UPDATE_GOLDEN=1 a differing (or missing)
    file is rewritten and the test fails, asking for a review."""
    expected = path.read_text(encoding="utf-8") if path.exists() else None
    if expected != output and os.environ.get("PERFLINT_UPDATE_GOLDEN") == "1":
        refresh_golden(path, output)
    if expected is None:
        pytest.fail(f"{path} is missing: create it with PERFLINT_UPDATE_GOLDEN=1 and review it")
    return expected == output


def refresh_golden(path: Path, output: str) -> None:
    """Write the new output, then fail: a refreshed golden file is a diff to review, never a pass."""
    if os.environ.get("CI"):
        pytest.fail("PERFLINT_UPDATE_GOLDEN is for a developer's machine: CI compares, it never rewrites")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(output, encoding="utf-8")
    pytest.fail(f"{path.name} rewritten: review `git diff {path}`, then run the tests without PERFLINT_UPDATE_GOLDEN")
