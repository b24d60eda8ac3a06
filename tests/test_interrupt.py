"""An interrupted run (Ctrl-C, SIGTERM) ends as interrupted runs do: exit status 130 or 143, one line on
standard error, no traceback, no worker left behind (issue 14, point 11)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import generate  # noqa: E402  (benchmarks/generate.py)


@pytest.fixture(scope="module")
def round_of_documents(tmp_path_factory):
    directory = tmp_path_factory.mktemp("round")
    generate.generate(directory, 1500, 1, 0.75)
    return directory


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def _as_a_foreground_job() -> None:
    """Ctrl-C as a terminal's foreground job has it: a runner that ignores SIGINT (some do, for their
    children) would pass that on through exec, and Python then leaves it ignored, as background jobs want."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("sent, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_batch_exits_as_interrupted_and_leaves_no_worker(round_of_documents, sent, status):
    run = subprocess.Popen([sys.executable, "-m", "perflint", "check", str(round_of_documents), "--jobs", "2",
                            "--no-cache"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           start_new_session=True,  # its own process group, as a terminal's foreground job
                           preexec_fn=_as_a_foreground_job)
    try:
        deadline, workers = time.monotonic() + 30, []
        while len(workers) < 2 and run.poll() is None and time.monotonic() < deadline:  # the workers have started
            time.sleep(0.1)
            workers = _children(run.pid)
        assert workers, f"no worker seen; perflint {'still runs' if run.poll() is None else 'ended'}"
        time.sleep(0.5)
        os.killpg(run.pid, sent)  # Ctrl-C reaches every process of the group
        _, errors = run.communicate(timeout=30)
    finally:  # a failed test leaves no batch behind
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    assert run.returncode == status
    assert errors.decode().strip().splitlines() == ["perflint：已中断"]
    time.sleep(0.5)
    assert not any(Path(f"/proc/{worker}").exists() and "zombie" not in Path(f"/proc/{worker}/status").read_text()
                   .lower() for worker in workers)
