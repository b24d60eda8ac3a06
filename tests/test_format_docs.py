"""The document format as the repository describes it (docs/format.md), as `perflint schema` gives it to
editors and as `perflint init` offers it: every field of the model, in both key languages."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from perflint.cli import main
from perflint.load import load_bytes
from perflint.load.model import BreakdownItem, Budget, Document, Indicator, Measure, Overall, Project, Target, Task, aliases

FORMAT = Path(__file__).parent.parent / "docs" / "format.md"
MODELS = (Document, Overall, Target, Measure, Task, Project, Budget, BreakdownItem, Indicator)
INPUT_ERRORS = {"duplicate-key", "unknown-key", "wrong-type", "yaml-syntax"}


def _rows(text: str) -> set[tuple[str, str]]:
    """(key, 中文 labels) of every table row of the format document."""
    return {(m.group(1), m.group(2).strip()) for m in re.finditer(r"^\| (\w+) \| ([^|]+) \|", text, re.M)}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_format_document_describes_every_field_with_all_its_labels(model):
    rows = dict(_rows(FORMAT.read_text("utf-8")))
    for name in model.model_fields:
        assert name in rows, f"{model.__name__}.{name} is not described in docs/format.md"
        described = {label.strip() for label in rows[name].split("/")}
        labels = set(aliases(model, name)[1:])
        # A key shared by several models (title, amount …) is described once per table: one of them lists them all.
        assert labels <= described or any(labels <= {l.strip() for l in r.split("/")}
                                          for k, r in _rows(FORMAT.read_text("utf-8")) if k == name), (name, labels)


def test_the_format_documents_full_examples_load_without_input_errors():
    blocks = re.findall(r"```yaml\n(.*?)```", FORMAT.read_text("utf-8"), re.S)
    whole = [b for b in blocks if not b.startswith(" ")]
    assert len(whole) >= 3
    for block in whole:
        loaded = load_bytes(block.encode("utf-8"), "example.yaml")
        assert loaded.document is not None
        assert not [p for p in loaded.problems if p.rule in INPUT_ERRORS], block[:40]


def test_the_readme_links_the_format_document_and_not_the_shared_specification():
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    assert "(docs/format.md)" in readme and "../shared" not in readme


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_init_offers_every_optional_field_commented_out_and_valid_once_uncommented(tmp_path, lang):
    path = tmp_path / "doc.yaml"
    CliRunner().invoke(main, ["init", str(path), "--lang", lang])
    text = path.read_text("utf-8")
    uncommented = re.sub(r"^(\s*)# (\s*- .*|\s*[^\s#:：]+:.*)$", r"\1\2", text, flags=re.M)
    assert uncommented != text
    loaded = load_bytes(uncommented.encode("utf-8"), "doc.yaml")
    assert not [p for p in loaded.problems if p.rule in INPUT_ERRORS], loaded.problems
    document = loaded.document
    assert document.overall.functions and document.overall.tasks and document.overall.indicators
    project = document.projects[0]
    assert project.category and project.period and project.midterm_goals and project.breakdown
    assert project.budget.general is not None and project.budget.unit_funds is not None
    last = project.indicators[-1]
    assert (last.value_type, last.direction, str(last.weight), last.history) == ("定量", "正向", "10", "48人")


def test_the_schema_offers_the_new_fields_under_both_names():
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)["$defs"]
    for model, names in ((Indicator, ("value_type", "direction", "weight", "history")),
                         (Project, ("category",)),
                         (Budget, ("general", "government_fund", "state_capital", "special_account", "unit_funds")),
                         (Overall, ("functions", "money_unit", "budget", "tasks", "annual_goal", "indicators"))):
        properties = schema[model.__name__]["properties"]
        for name in names:
            assert all(label in properties for label in aliases(model, name)), (model.__name__, name)
