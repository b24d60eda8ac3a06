"""Security: documents never execute anything; plugins load only when named; output goes only
where it was asked to go."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from perflint.cli import main
from perflint.engine import registry
from perflint.errors import UsageError

SEED = Path(__file__).parent.parent / "fixtures" / "seed.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("payload", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
    "!!python/name:os.system",
])
def test_yaml_tags_never_run_code(tmp_path, payload):
    marker = tmp_path / "pwned"
    doc = tmp_path / "doc.yaml"
    doc.write_text("department: 溧平县司法局\nyear: 2026\ntitle: " + payload.format(marker=marker) + "\n",
                   encoding="utf-8")
    result = run("check", "--format", "json", doc)
    assert not marker.exists()
    assert result.exit_code in (0, 1) and isinstance(json.loads(result.output), list)


def test_an_installed_plugin_is_not_loaded_unless_the_configuration_names_it(monkeypatch):
    class Trap:
        name = "trap"

        def load(self):
            raise AssertionError("an unnamed plugin was loaded")

    # Python 3.10+ selects by group; 3.9 returns a dict of groups.
    monkeypatch.setattr("importlib.metadata.entry_points",
                        lambda group=None: [Trap()] if group else {"perflint.rules": [Trap()]})
    assert run("check", "--select", "PF201", SEED).exit_code == 1  # checked, trap untouched
    with pytest.raises(UsageError, match="an unnamed plugin was loaded"):  # named: it is loaded
        registry.load_catalog(plugins=["trap"])


@pytest.mark.parametrize("fmt", ["json", "csv", "sarif", "junit", "html", "xlsx"])
def test_reports_are_written_only_to_the_output_file(tmp_path, monkeypatch, fmt):
    # A department name and a file name that look like paths must not steer any write.
    docs = tmp_path / "docs"
    docs.mkdir()
    hostile = SEED.read_text("utf-8").replace("department: 溧平县司法局", "department: ../../../escaped")
    (docs / "..evil.yaml").write_text(hostile, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.chdir(out_dir)
    before = {p for p in tmp_path.rglob("*")}
    result = run("check", docs, "--format", fmt, "--output", out_dir / f"report.{fmt}")
    assert result.exit_code == 1
    created = {p for p in tmp_path.rglob("*")} - before
    assert created == {out_dir / f"report.{fmt}"}
    assert not (tmp_path.parent / "escaped").exists() and not os.path.exists("/escaped")
