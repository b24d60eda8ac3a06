"""No document can hold up a batch: rules stay linear, patterns do not backtrack, and a document over
its time budget becomes an error finding while the batch goes on (issue 14, points 1 and 2).

Nothing here measures time: each check runs under perflint's own time budget, so a quadratic rule or a
backtracking pattern shows as a PF016 finding instead of the document's ordinary findings.
"""

import sys
import time
from pathlib import Path

import pytest

from perflint.check import active_rules, check_path
from perflint.config import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from scaling import document  # noqa: E402  (the benchmark's generator of large documents)

TIMED_OUT = "PF016"


def _check(tmp_path, name: str, data: bytes, budget: float = 60.0, **settings):
    path = tmp_path / name
    path.write_bytes(data)
    chosen = Settings(time_budget=budget, max_file_size=64 << 20, **settings)
    return check_path(str(path), active_rules(chosen), chosen).findings


def test_twenty_thousand_indicators_are_checked_within_the_budget(tmp_path):
    findings = _check(tmp_path, "large.yaml", document(20_000, 40))
    assert [f for f in findings if f.code in (TIMED_OUT, "PF000")] == []
    assert len({f.code for f in findings}) > 3  # the rules really ran


ADVERSARIAL_RUNS = ["a", "1", "中", " ", "、", "a1", "1.", "（", "≥", "a ", "1年", "第", "%", "/", "号", "万元"]


@pytest.mark.parametrize("run", ADVERSARIAL_RUNS)
def test_long_runs_of_one_kind_of_character_do_not_stall_any_rule(tmp_path, run):
    text = run * (16_000 // len(run))
    data = (f"department: 溧平县司法局\nyear: 2026\noverall:\n  goal: '{text}调解成功率达到96%以上'\nprojects:\n"
            f"  - name: '{text}'\n    uses: '{text}'\n    goals: ['{text}']\n    indicators:\n"
            f"      - {{level1: 产出指标, level2: 数量指标, name: '{text}', value: '{text}', basis: '{text}'}}\n")
    findings = _check(tmp_path, "runs.yaml", data.encode("utf-8"), budget=30.0)
    assert [f.code for f in findings if f.code in (TIMED_OUT, "PF000")] == []


def test_a_document_over_its_budget_is_an_error_finding_and_the_others_are_checked(tmp_path, monkeypatch):
    from perflint.rules.vague_target import VagueTarget

    def stall(self, document, context):
        time.sleep(5)
        return iter(())

    monkeypatch.setattr(VagueTarget, "check", stall)
    slow = _check(tmp_path, "slow.yaml", Path("fixtures/clean-2015.yaml").read_bytes(), budget=0.3)
    assert [(f.code, f.severity.value) for f in slow] == [(TIMED_OUT, "error")]
    monkeypatch.undo()
    normal = _check(tmp_path, "next.yaml", Path("fixtures/clean-2015.yaml").read_bytes(), budget=0.3 * 100)
    assert [f for f in normal if f.code == TIMED_OUT] == []


def test_a_worker_that_dies_becomes_a_finding_and_the_batch_goes_on(tmp_path, monkeypatch):
    import os
    import signal

    from perflint.check import iter_results
    from perflint.rules.vague_target import VagueTarget

    original = VagueTarget.check

    def die_on_one(self, document, context):
        if document.department == "会被终止的单位":
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer does
        return original(self, document, context)

    monkeypatch.setattr(VagueTarget, "check", die_on_one)  # forked workers inherit it
    good = Path("fixtures/seed.yaml").read_text("utf-8")
    paths = []
    for i in range(24):
        path = tmp_path / f"{i:02}.yaml"
        path.write_text(good.replace("department: 溧平县司法局", "department: 会被终止的单位") if i == 13 else good,
                        "utf-8")
        paths.append(str(path))
    settings = Settings()
    results = list(iter_results(paths, active_rules(settings), settings, jobs=2))
    assert [r.path for r in results] == paths
    assert [f.code for f in results[13].findings] == ["PF017"]
    assert all(len(r.findings) > 10 and "PF017" not in {f.code for f in r.findings}
               for i, r in enumerate(results) if i != 13)


@pytest.mark.parametrize("figure", ["1e999999999", "-1e999999999", "1e-999999999", "1e15", "NaN", "Infinity"])
def test_figures_out_of_any_range_are_reported_not_computed(tmp_path, figure):
    data = (f"department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: 人民调解\n    budget: {{total: '{figure}'}}\n"
            f"    spending_plan: {{12月底: '{figure}'}}\n    indicators:\n"
            f"      - {{level1: 产出指标, level2: 成本指标, name: 人均成本, value: '≤{figure}元/人'}}\n")
    findings = _check(tmp_path, "edges.yaml", data.encode("utf-8"))
    assert "PF000" not in {f.code for f in findings}
    assert [f.pointer for f in findings if f.code == "PF008"] == ["/projects/0/budget/total",
                                                                  "/projects/0/spending_plan/12月底"]


def test_standard_input_past_the_size_limit_is_not_read_to_its_end(tmp_path):
    import subprocess

    config = tmp_path / "perflint.toml"
    config.write_text("[tool.perflint]\nmax-file-size = 1000\n", "utf-8")
    endless = subprocess.Popen(["yes", "department: x"], stdout=subprocess.PIPE)
    try:
        done = subprocess.run([sys.executable, "-m", "perflint", "check", "--config", str(config),
                               "--format", "json", "-"], stdin=endless.stdout, capture_output=True, timeout=120)
    finally:
        endless.kill()
    assert done.returncode == 1 and b"PF013" in done.stdout
