"""Snapshots of what perflint makes of real documents, in the manner of ruff's: every importer's whole
result (the model, the reading of every value, where each field came from, what could not be read) and
every finding with both of its messages. The ecosystem check judges whether findings are right; these
catch a change of meaning that a judged key (file, rule, pointer) cannot see: a message's wording or
arguments, a label, a column, a field read into the wrong place, a problem reported differently.

A difference fails the test. After checking that it is intended, refresh with PERFLINT_UPDATE_GOLDEN=1 and
review `git diff tests/snapshots`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from forms import build_docx, build_pdf, build_xls, build_xlsx
from golden import matches_golden
from perflint.config import Settings
from perflint.analysis.reading import tables
from perflint.check import active_rules
from perflint.cli import main
from perflint.engine.runner import lint
from perflint.engine.registry import load_catalog
from perflint.load import load_path
from perflint.testing import case_files, load_cases, run_case
from perflint.values import parse_value
from rounds import ROUND_CODES, write_round, write_years

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"
REAL = ROOT / "corpus" / "real"
FIXTURES = ROOT / "fixtures"
# Every rule, the opt-in ones too, so that each message a document can draw is pinned.
RULES = active_rules(Settings(select=("ALL", "operator-missing")))
CATALOG = load_catalog()
CASE_FILES = case_files(CATALOG)

SOURCES = {
    **{f"real-{d.name}-published": d / "published.txt" for d in sorted(REAL.iterdir())},
    **{f"real-{d.name}-transcribed": d / "document.yaml" for d in sorted(REAL.iterdir())},
    **{f"fixture-{p.stem}": p for p in sorted(FIXTURES.glob("*.yaml"))},
    **{f"text-{p.stem}": p for p in sorted((FIXTURES / "text").iterdir())},
}
FORMS = {"docx": build_docx, "pdf": build_pdf, "xls": build_xls, "xlsx": build_xlsx}
FORM_SOURCES = ("seed", "clean-2021")


def _reading(constraint) -> dict:
    """A reading's fields as the snapshots keep them: those set, without the input they came from."""
    return constraint.model_dump(mode="json", exclude_defaults=True, exclude={"input"})


def _readings(document) -> dict[str, dict]:
    """How each indicator's value was read, by the indicator's pointer."""
    return {f"{pointer}/{j}": _reading(row.constraint) for _, pointer, rows in tables(document)
            for j, row in enumerate(rows)}


def _place(location) -> str:
    line, column, end_line, end_column, label = location
    return f"{line}:{column}-{end_line}:{end_column}" + (f" {label}" if label else "")


def import_snapshot(loaded) -> str:
    document = loaded.document
    snapshot = {
        "has_lines": loaded.has_lines,
        "lines": len(loaded.lines),
        "problems": [{"rule": p.rule, "message": p.message, "pointer": p.pointer,
                      "location": None if p.location is None else _place(p.location),
                      "args": {k: str(v) for k, v in p.args.items()}} for p in loaded.problems],
        "document": None if document is None else document.model_dump(mode="json"),
        "readings": None if document is None else _readings(document),
        "source": {pointer: _place(value) + (f" key {_place(key)}" if key else "")
                   for pointer, value, key in loaded.source.entries()},
    }
    return json.dumps(snapshot, ensure_ascii=False, indent=1) + "\n"


def _finding_lines(chinese: list, english: list, documents: bool = False) -> list[str]:
    """Each finding: where (in which document, for a round), what, both messages and the edits `--fix`
    would make."""
    assert [(f.path, f.code, f.pointer) for f in chinese] == [(f.path, f.code, f.pointer) for f in english]
    lines = []
    for zh, en in zip(chinese, english):
        place = zh.label if not zh.has_lines else _place((zh.line, zh.column, zh.end_line, zh.end_column, None))
        where = f"{Path(zh.path).name} {place}" if documents else place
        lines += [f"{where} {zh.code} {zh.severity.value} {zh.rule} {zh.pointer}", f"  zh {zh.message}", f"  en {en.message}"]
        lines += [f"  fix {_place((e.line, e.column, e.end_line, e.end_column, None))} {e.old!r} -> {e.new!r}" for e in zh.fix]
    return lines


def findings_snapshot(loaded) -> str:
    return "\n".join(_finding_lines(lint(loaded, RULES, "zh"), lint(loaded, RULES, "en"))) + "\n"


def cases_snapshot(path: Path) -> str:
    """A rule's cases (rules/<rule>.cases.yaml, which pin each finding's place, message variant and key
    arguments): here every finding of each case whole, in both languages, with its edits."""
    lines = []
    for case in load_cases(path):
        lines.append(f"## {case.name}")
        lines += _finding_lines(run_case(case, CATALOG, "zh"), run_case(case, CATALOG, "en"), bool(case.documents))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_import_snapshot(name):
    assert matches_golden(SNAPSHOTS / "import" / f"{name}.json", import_snapshot(load_path(str(SOURCES[name]))))


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_findings_snapshot(name):
    assert matches_golden(SNAPSHOTS / "findings" / f"{name}.txt", findings_snapshot(load_path(str(SOURCES[name]))))


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.name.removesuffix(".cases.yaml"))
def test_rule_cases_snapshot(path):
    assert matches_golden(SNAPSHOTS / "cases" / path.name.replace(".cases.yaml", ".txt"), cases_snapshot(path))


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("fixture", FORM_SOURCES)
def test_form_import_snapshot(fixture, form, tmp_path):
    """The fixture written out as the form comes in (tests/forms.py), then imported."""
    document = load_path(str(FIXTURES / f"{fixture}.yaml")).document
    path = tmp_path / f"{fixture}.{form}"
    path.write_bytes(FORMS[form](document))
    loaded = load_path(str(path))
    assert matches_golden(SNAPSHOTS / "forms" / f"{fixture}.{form}.json", import_snapshot(loaded))
    assert matches_golden(SNAPSHOTS / "forms" / f"{fixture}.{form}.findings.txt", findings_snapshot(loaded))


def _round_findings(command: list[str], root: Path) -> str:
    """Each finding of a run over a generated round, in both languages, its path relative to the round."""
    outputs = [json.loads(CliRunner().invoke(main, [*command, "--format", "json", "--lang", lang, "--jobs", "1"],
                                             catch_exceptions=False).output) for lang in ("zh", "en")]
    lines = []
    for zh, en in zip(*outputs):
        place = zh["label"] or f"{zh['line']}:{zh['column']}"
        lines += [f"{Path(zh['path']).relative_to(root)} {place} {zh['code']} {zh['severity']} {zh['pointer']}",
                  f"  zh {zh['message'].replace(str(root) + '/', '')}", f"  en {en['message'].replace(str(root) + '/', '')}"]
    return "\n".join(lines) + "\n"


def test_round_snapshot(tmp_path):
    """The rules across a round, on a generated round with every kind of case planted (tests/rounds.py)."""
    directory = write_round(tmp_path / "round", 60, seed=11, plant=True)
    output = _round_findings(["check", "--select", ",".join(ROUND_CODES), str(directory)], tmp_path)
    assert matches_golden(SNAPSHOTS / "round.txt", output)


def test_compare_snapshot(tmp_path):
    """`perflint compare` on two generated years with every kind of change planted."""
    last, this = write_years(tmp_path, 60, seed=5, plant=True)
    assert matches_golden(SNAPSHOTS / "compare.txt", _round_findings(["compare", str(last), str(this)], tmp_path))


def test_value_readings_snapshot():
    """Every reading of tests/data/value_cases.yaml (which pins its fields) whole, with the messages of the
    unreadable ones in both languages."""
    cases = yaml.safe_load((ROOT / "tests" / "data" / "value_cases.yaml").read_text(encoding="utf-8"))
    inputs = dict.fromkeys(case["input"] for section in cases.values() for case in section)
    lines = [f"{value!r} {json.dumps(_reading(parse_value(value)), ensure_ascii=False)}" for value in inputs]
    assert matches_golden(SNAPSHOTS / "values.txt", "\n".join(lines) + "\n")
