"""The ecosystem check in the test suite: perflint over the real corpus against the judged snapshot.

A finding nobody has judged, or a finding judged right that disappears, fails here, so every change of
behaviour on real documents forces a decision (record it with `python corpus/ecosystem.py --record`
and judge it in corpus/judged.yaml). The published figures must be the ones this run gives.
"""

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _load_ecosystem():
    spec = importlib.util.spec_from_file_location("ecosystem", CORPUS / "ecosystem.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["ecosystem"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


ecosystem = _load_ecosystem()


@pytest.fixture(scope="module")
def outcome():
    return ecosystem.evaluate()


def test_every_finding_on_the_corpus_is_judged(outcome):
    unjudged = [f"{s.document} {s.key}: {s.message}" for s in outcome.unjudged()]
    assert unjudged == [], "judge these in corpus/judged.yaml (python corpus/ecosystem.py --record)"


def test_no_finding_judged_right_disappears(outcome):
    assert outcome.lost() == [], "findings judged right are no longer reported"


def test_precision_and_recall_meet_their_bars(outcome):
    loud, _ = ecosystem.overall(outcome, ("warning", "error"))
    quiet, _ = ecosystem.overall(outcome, ("info",))
    recall, found, total = ecosystem.recall(outcome)
    assert total >= 150 and loud >= Decimal("0.90") and quiet >= Decimal("0.75") and recall >= Decimal("0.80"), \
        (loud, quiet, recall)


def test_a_rule_keeps_warning_or_error_only_at_ninety_percent(outcome):
    below = []
    for code, slug, severity, _, right, wrong, _, _ in ecosystem.rule_rows(outcome):
        precision = ecosystem.ratio(right, wrong)
        if severity in ("warning", "error") and precision is not None and precision < ecosystem.WARNING_FLOOR:
            below.append((code, slug, severity, right, wrong))
    assert below == []


def test_the_published_figures_are_this_runs(outcome):
    readme = ecosystem.README.read_text("utf-8")
    assert ecosystem.markdown_table(outcome) in readme, "run python corpus/ecosystem.py --write"
    assert ecosystem.MEASURED.read_text("utf-8") == ecosystem.measured_data(outcome)


def test_the_corpus_is_real_and_annotated():
    folders = ecosystem.documents()
    reserved = (CORPUS.parent.parent / "shared" / "reference" / "reserved-sources.md")
    reserved_urls = {line.strip("- ").strip() for line in reserved.read_text("utf-8").splitlines()
                     if line.startswith("- http")} if reserved.exists() else set()
    kinds = ecosystem._load(ecosystem.KINDS)
    assert len(folders) >= 25
    for folder in folders:
        review = ecosystem._load(folder / "review.yaml")
        assert review["id"] == folder.name and review["source"].startswith("http")
        assert review["source"] not in reserved_urls
        assert (folder / "published.txt").read_text("utf-8").strip()
        for defect in ecosystem.read_defects(folder):
            assert defect.kind in kinds, (folder.name, defect.kind)


@pytest.mark.parametrize("pointer, place, expected", [
    ("/projects/0/indicators/3/value", "/projects/0/indicators/3", True),
    ("/projects/0/indicators/3/value", "/projects/0/indicators/3/unit", True),  # a unit left out
    ("/projects/0/indicators/3/level2", "/projects/0/indicators/3/name", False),  # another cell's defect
    ("/projects/0/goals", "/projects/0/goals/0", True),
    ("/projects/0", "/projects/0/competent_department", False),  # a whole project is not each field
    ("/projects/1/indicators/3/value", "/projects/0/indicators/3", False),
])
def test_a_finding_matches_a_defect_about_its_place(pointer, place, expected):
    assert ecosystem.near(pointer, place) is expected
