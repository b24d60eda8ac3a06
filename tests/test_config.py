"""Configuration beyond selection: per-file ignores, `perflint config`, the require-reason switch."""

import json
import textwrap
from pathlib import Path

from click.testing import CliRunner

from perflint.cli import main

SEED = Path(__file__).parent.parent / "fixtures" / "seed.yaml"


def invoke(*args, cwd=None):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_per_file_ignores_use_gitignore_patterns_relative_to_the_config(tmp_path, monkeypatch):
    (tmp_path / "perflint.toml").write_text(textwrap.dedent("""
        [per-file-ignores]
        "drafts/**" = ["docno-bracket", "PF2"]
        "*.final.yaml" = ["PF309"]
    """), encoding="utf-8")
    for name in ("drafts/2026/seed.yaml", "seed.final.yaml", "other/seed.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    findings = json.loads(invoke("check", "--format", "json", ".").output)
    codes = {}
    for f in findings:
        codes.setdefault(Path(f["path"]).as_posix(), set()).add(f["code"])
    everything = codes["other/seed.yaml"]
    assert {"PF309", "PF101", "PF201", "PF304", "PF501"} <= everything
    assert codes["drafts/2026/seed.yaml"] == {c for c in everything if c != "PF501" and not c.startswith("PF2")}
    assert codes["seed.final.yaml"] == everything - {"PF309"}


def test_config_shows_each_setting_and_where_it_came_from(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""
        [tool.perflint]
        ignore = ["PF501"]
        fail-on = "error"
    """), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = json.loads(invoke("config", "--format", "json").output)
    assert data["file"] == str(tmp_path / "pyproject.toml")
    settings = data["settings"]
    assert settings["ignore"] == {"value": ["PF501"], "source": str(tmp_path / "pyproject.toml")}
    assert settings["fail-on"]["value"] == "error"
    assert settings["lang"] == {"value": "zh", "source": "default"}
    table = invoke("config").output
    assert "fail-on" in table and "error" in table and "pyproject.toml" in table


def test_require_reason_in_the_configuration(tmp_path):
    config = tmp_path / "perflint.toml"
    config.write_text('require-reason = true\nselect = ["PF0"]\n', encoding="utf-8")
    doc = tmp_path / "doc.yaml"
    doc.write_text("department: 溧平县司法局\nyear: 2026\ntitle: 草案  # perflint: ignore[PF201]\n", encoding="utf-8")
    findings = json.loads(invoke("check", "--format", "json", "--config", config, doc).output)
    assert [f["code"] for f in findings] == ["PF011"]  # PF201 is not running: its suppression may be needed


def test_a_bad_per_file_ignore_names_the_problem(tmp_path):
    config = tmp_path / "perflint.toml"
    config.write_text('[per-file-ignores]\n"*.yaml" = ["PF99X"]\n', encoding="utf-8")
    result = invoke("check", "--config", config, SEED)
    assert result.exit_code == 2 and "PF99X" in result.output
