"""Peak memory of `perflint check` over a whole review round, the round rules on, at two sizes.

Usage: python benchmarks/round_memory.py [--small 1000] [--big 10000] [--jobs 1 2] [--seed 1] [--keep DIR]

Writes two rounds with benchmarks/generate.py (--round --plant: one county, one year, the departments in
turn, with copies between departments, outlier unit costs and an all-maximal department planted), then
runs `perflint check ROUND --no-cache --format json` on each, in a fresh process, and prints the peak
RSS of the perflint process itself (where the round's facts are gathered and the round rules run) and of
its largest worker, at each size, beside the target: flat, within +20% from --small to --big documents.
It also says whether the round rules found every planted case. It asserts nothing. 10,000 documents take
a few minutes on two cores.

Uses the Python running this script, which must have perflint installed.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Runs perflint's command line in this process and prints, on standard error, the peak RSS of this
# process and of its largest child (a worker), after it has finished. The process's own peak is read from
# /proc (VmHWM) where there is one: Linux folds the launching process's peak into ru_maxrss across exec.
_MEASURE = r"""
import json, resource, sys, time
from perflint.cli import main
start = time.perf_counter()
try:
    main(sys.argv[1:], prog_name="perflint")
except SystemExit as exc:
    code = exc.code
scale = 1024 if sys.platform == "darwin" else 1
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // scale
try:
    own = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
except OSError:
    pass
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // scale
print(json.dumps({"own_kb": own, "worker_kb": workers, "wall": time.perf_counter() - start, "rc": code}),
      file=sys.stderr)
"""
ROUND_CODES = ("PF240", "PF241", "PF340")


def measure(directory: Path, jobs: int, report: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _MEASURE, "check", str(directory), "--no-cache", "--jobs", str(jobs),
                           "--format", "json", "-o", str(report)], capture_output=True, text=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def planted_found(directory: Path, report: Path) -> tuple[int, int, int]:
    """(planted findings found, planted findings, round findings not planted)."""
    expected = set()
    for line in (directory / "manifest.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        for case in record.get("planted", ()):
            expected.update((record["file"], e["rule"], e["pointer"]) for e in case["expect"])
    found = {(Path(f["path"]).name, f["code"], f["pointer"]) for f in json.loads(report.read_text("utf-8"))
             if f["code"] in ROUND_CODES}
    return len(found & expected), len(expected), len(found - expected)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000, help="documents in the small round (default 1000)")
    parser.add_argument("--big", type=int, default=10000, help="documents in the big round (default 10000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker processes to try (default 1 2)")
    parser.add_argument("--seed", type=int, default=1, help="round seed (default 1)")
    parser.add_argument("--keep", type=Path, help="write the rounds here and keep them (default: a temporary directory)")
    args = parser.parse_args()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="perflint-round-memory-"))
    print(f"Python {platform.python_version()}; {platform.machine()}")
    try:
        rounds = {}
        for count in (args.small, args.big):
            start = time.perf_counter()
            rounds[count] = workdir / f"round-{count}"
            # In another process: this one stays small, so that nothing of the generator is counted below.
            subprocess.run([sys.executable, str(HERE / "generate.py"), str(rounds[count]), "--round", "--plant",
                            "--count", str(count), "--seed", str(args.seed)], check=True, stderr=subprocess.DEVNULL)
            print(f"round of {count} documents written in {time.perf_counter() - start:.1f} s")
        for jobs in args.jobs:
            figures = {}
            for count, directory in rounds.items():
                report = workdir / f"report-{count}-{jobs}.json"
                figures[count] = measure(directory, jobs, report)
                found, planted, extra = planted_found(directory, report)
                print(f"  --jobs {jobs}, {count} documents: perflint process {figures[count]['own_kb'] / 1024:.0f} MB, "
                      f"largest worker {figures[count]['worker_kb'] / 1024:.0f} MB, {figures[count]['wall']:.0f} s; "
                      f"planted cases found {found} of {planted}, round findings not planted {extra}")
            small, big = figures[args.small]["own_kb"], figures[args.big]["own_kb"]
            growth = big / small - 1
            print(f"--jobs {jobs}: peak RSS of the perflint process {small / 1024:.0f} MB at {args.small} documents, "
                  f"{big / 1024:.0f} MB at {args.big}: {growth:+.0%}; target flat (within +20%): "
                  f"{'met' if growth <= 0.20 else 'NOT met'}")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
