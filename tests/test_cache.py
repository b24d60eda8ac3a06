"""The result cache (issue 12): a result is reused only for the same bytes, settings, rules and perflint,
and several processes may fill one cache at once."""

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import perflint.cache
import perflint.check
from perflint.cache import ResultCache, clean
from perflint.check import active_rules, iter_results
from perflint.config import Settings

SEED = Path("fixtures/seed.yaml")


@pytest.fixture
def counted(monkeypatch):
    """How many documents were really checked (not served from the cache)."""
    checked = []
    original = perflint.check._check

    def counting(path, *args):
        checked.append(path)
        return original(path, *args)

    monkeypatch.setattr(perflint.check, "_check", counting)
    return checked


def _results(paths, settings):
    return [(r.path, r.department, r.indicators, r.findings)
            for r in iter_results([str(p) for p in paths], active_rules(settings), settings, jobs=1)]


def test_an_unchanged_document_is_served_from_the_cache_with_the_same_result(tmp_path, counted):
    document = tmp_path / "seed.yaml"
    document.write_bytes(SEED.read_bytes())
    cached = Settings(use_cache=True, cache_dir=tmp_path / "cache")
    first = _results([document], cached)
    second = _results([document], cached)
    assert counted == [str(document)]
    assert second == first == _results([document], replace(cached, use_cache=False))
    assert len(first[0][3]) > 10
    assert (tmp_path / "cache" / ".gitignore").read_text("utf-8").endswith("*\n")


def test_a_changed_file_is_checked_again(tmp_path, counted):
    document = tmp_path / "seed.yaml"
    document.write_bytes(SEED.read_bytes())
    cached = Settings(use_cache=True, cache_dir=tmp_path / "cache")
    before = _results([document], cached)
    document.write_text(SEED.read_text("utf-8").replace("有效提升", "显著提升"), "utf-8")
    after = _results([document], cached)
    assert len(counted) == 2
    assert before != after == _results([document], Settings())


def test_changed_settings_are_checked_again(tmp_path, counted):
    document = tmp_path / "seed.yaml"
    document.write_bytes(SEED.read_bytes())
    cached = Settings(use_cache=True, cache_dir=tmp_path / "cache")
    everything = _results([document], cached)
    fewer = _results([document], replace(cached, ignore=("PF201",)))
    english = _results([document], replace(cached, lang="en"))
    assert len(counted) == 3
    assert _results([document], cached) == everything and len(counted) == 3  # the first settings' result kept
    assert "PF201" in {f.code for f in everything[0][3]} and "PF201" not in {f.code for f in fewer[0][3]}
    assert english[0][3][0].message != everything[0][3][0].message


def test_a_new_version_of_perflint_is_not_given_old_results(tmp_path, counted, monkeypatch):
    document = tmp_path / "seed.yaml"
    document.write_bytes(SEED.read_bytes())
    cached = Settings(use_cache=True, cache_dir=tmp_path / "cache")
    _results([document], cached)
    monkeypatch.setattr(perflint.cache, "__version__", "999.0")
    _results([document], cached)
    _results([document], cached)
    assert len(counted) == 2


def test_a_broken_cache_entry_is_a_miss_not_an_error(tmp_path, counted):
    document = tmp_path / "seed.yaml"
    document.write_bytes(SEED.read_bytes())
    cached = Settings(use_cache=True, cache_dir=tmp_path / "cache")
    expected = _results([document], cached)
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text('{"findings": [{"severity": "nonsense"', "utf-8")
    assert _results([document], cached) == expected
    assert len(counted) == 2


def test_no_cache_with_a_baseline_or_when_off(tmp_path):
    rules = active_rules(Settings())
    assert ResultCache.for_run(Settings(), rules) is None
    assert ResultCache.for_run(Settings(use_cache=True, baseline=tmp_path / "b.json"), rules) is None
    assert ResultCache.for_run(Settings(use_cache=True), rules) is not None


def test_clean_removes_the_cache(tmp_path):
    document = tmp_path / "seed.yaml"
    document.write_bytes(SEED.read_bytes())
    cached = Settings(use_cache=True, cache_dir=tmp_path / "cache")
    _results([document], cached)
    assert clean(cached) == tmp_path / "cache" and not (tmp_path / "cache").exists()
    assert clean(cached) is None


def test_two_runs_filling_one_cache_at_once_both_give_complete_correct_results(tmp_path):
    documents = tmp_path / "round"
    documents.mkdir()
    for i, fixture in enumerate(sorted(Path("fixtures").glob("*.yaml")) * 3):
        (documents / f"{i:03}-{fixture.name}").write_bytes(fixture.read_bytes())
    (tmp_path / "perflint.toml").write_text('cache-dir = "shared-cache"\n', "utf-8")

    environment = {k: v for k, v in os.environ.items() if k != "PERFLINT_NO_CACHE"}

    def run(*options):
        return subprocess.Popen([sys.executable, "-m", "perflint", "check", "round", "--format", "json", *options],
                                cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)

    expected = run("--no-cache").communicate()[0]
    together = [run("--jobs", "2"), run("--jobs", "1")]
    outputs = [process.communicate()[0] for process in together]
    assert all(process.returncode in (0, 1) for process in together)
    assert len(json.loads(expected)) > 50
    assert outputs == [expected, expected]
    assert len(list((tmp_path / "shared-cache").rglob("*.json"))) == len(list(documents.iterdir()))
    assert list((tmp_path / "shared-cache").rglob("*.tmp")) == []
    assert run().communicate()[0] == expected  # now served from the cache


def test_a_result_cut_short_is_not_kept(tmp_path, counted, monkeypatch):
    from perflint.rules.vague_target import VagueTarget

    def crash(self, document, context):
        raise RuntimeError("a rule with a bug")

    monkeypatch.setattr(VagueTarget, "check", crash)
    monkeypatch.delenv("PERFLINT_DEBUG")  # the crash is to become a PF000 finding, as for a user
    document = tmp_path / "seed.yaml"
    document.write_bytes(SEED.read_bytes())
    cached = Settings(use_cache=True, cache_dir=tmp_path / "cache")
    crashed = _results([document], cached)
    assert "PF000" in {f.code for f in crashed[0][3]}
    monkeypatch.setattr(VagueTarget, "check", lambda self, document, context: iter(()))
    assert "PF000" not in {f.code for f in _results([document], cached)[0][3]}
    assert len(counted) == 2


def test_a_cached_table_view_renders_the_same_html(tmp_path, counted):
    """The html format's table view (issue 15) is kept in the cache as JSON and read back into the result as
    it was: the page made from the cached result is the page made from the fresh one."""
    import io

    from perflint.report.base import ReportContext
    from perflint.report.html import HtmlReporter

    document = tmp_path / "seed.yaml"
    document.write_bytes(SEED.read_bytes())
    plain = Settings(use_cache=True, cache_dir=tmp_path / "cache")
    with_view = replace(plain, document_view=True)
    rules = active_rules(with_view)
    context = ReportContext("zh", {a.rule.code: type(a.rule) for a in rules.active}, "test")

    def page():
        out = io.StringIO()
        reporter = HtmlReporter(out, context)
        results = list(iter_results([str(document)], rules, with_view, jobs=1))
        for result in results:
            reporter.document(result)
        reporter.close()
        return out.getvalue(), results[0]

    # A result cached without the view is not served to a run that needs it.
    assert _results([document], plain) and len(counted) == 1
    fresh, first = page()
    kept, second = page()
    assert counted == [str(document)] * 2  # the second page came from the cache
    assert first.view is not None and second.view == first.view
    assert kept == fresh
    assert 'class="cell hit hit-warning"' in fresh and 'id="n0-0"' in fresh


def test_a_cached_round_gives_the_same_round_findings(tmp_path, counted):
    """The round rules work on each document's facts, which the cache keeps with its result: a re-run served
    wholly from the cache reads no document and finds the same copies, outliers and all-maximal departments."""
    from io import StringIO

    from perflint.check import run_check
    from perflint.report.base import ReportContext
    from perflint.report.json import JsonReporter
    from rounds import ROUND_CODES, found, planted, write_round

    documents = write_round(tmp_path / "round", 120, seed=3, plant=True)
    cached = Settings(use_cache=True, cache_dir=tmp_path / "cache", select=ROUND_CODES)

    def round_findings(settings):
        out = StringIO()
        run_check([str(documents)], settings, JsonReporter(out, ReportContext("en", {}, "test")), jobs=1)
        return json.loads(out.getvalue())

    first = round_findings(cached)
    assert len(counted) == 120
    second = round_findings(cached)
    assert len(counted) == 120  # nothing read again
    assert second == first == round_findings(replace(cached, use_cache=False))
    assert found(first, ROUND_CODES) == planted(documents) and len(planted(documents)) >= 10
