"""Generated review rounds for the tests of the rules across documents (benchmarks/generate.py), and what
their manifests say was planted."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUND_CODES = ("PF240", "PF241", "PF340")
YEARS_CODES = ("PF115", "PF242", "PF243", "PF342", "PF343")


def _generator():
    spec = importlib.util.spec_from_file_location("perflint_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["perflint_generate"] = module
    spec.loader.exec_module(module)
    return module


generator = _generator()


def write_round(directory: Path, count: int, seed: int, plant: bool, year: int = 2026) -> Path:
    spec = generator.RoundSpec(seed, count, year, 0.75, plant=plant)
    generator.generate(directory, count, seed, 0.75, spec)
    return directory


def write_years(directory: Path, count: int, seed: int, plant: bool) -> tuple[Path, Path]:
    this = generator.RoundSpec(seed, count, 2026, 0.75, grow=True, plant=plant)
    generator.generate(directory / "last", count, seed, 0.75, this.previous())
    generator.generate(directory / "this", count, seed, 0.75, this)
    return directory / "last", directory / "this"


def planted(directory: Path) -> set[tuple[str, str, str]]:
    """(file, code, pointer) of every finding the manifest says a planted case should give."""
    expected = set()
    for line in (directory / "manifest.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        for case in record.get("planted", ()):
            expected.update((record["file"], e["rule"], e["pointer"]) for e in case["expect"])
    return expected


def planted_kinds(directory: Path) -> set[str]:
    return {case["kind"] for line in (directory / "manifest.jsonl").read_text("utf-8").splitlines()
            for case in json.loads(line).get("planted", ())}


def found(findings: list[dict], codes: tuple[str, ...]) -> set[tuple[str, str, str]]:
    return {(Path(f["path"]).name, f["code"], f["pointer"]) for f in findings if f["code"] in codes}
