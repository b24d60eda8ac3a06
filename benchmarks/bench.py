"""Benchmark `perflint check` on a generated corpus and print each figure next to its target.

Usage: python benchmarks/bench.py [--count 10000] [--small 1000] [--runs 11] [--seed 1] [--keep DIR]

Writes a corpus with benchmarks/generate.py (the same seed gives the same files), then measures, in
one run and on that corpus:

  1. whole-process time of `perflint check` on one document (median of --runs), next to
     `python -c pass`, `python -c "import yaml"`, `perflint --version` and `yamllint` on the same file;
  2. documents per second of `perflint check DIR` at --jobs 1 and --jobs 2 over --count documents;
  3. the ratio of the --jobs 2 batch to merely loading the same files with PyYAML's CSafeLoader in one
     process (the floor: reading and parsing);
  4. peak memory (max RSS of the perflint process and its workers) at --small and at --count documents.

Targets (issue 5, for a 2-core machine): one document under 0.25 s whole-process and no slower than
yamllint; at least 500 documents per second per core; the --jobs 2 batch within 2.5x the CSafeLoader
floor; peak memory at --count documents within 20% of that at --small. It prints figures and says
whether each target is met; it asserts nothing (these are benchmark figures, not tests).

Uses the `perflint` (and `yamllint`, when installed) next to the running Python, else on PATH. Run it
with the Python of the environment perflint is installed in. Other load on the machine skews every
figure: the load average is printed at the start and at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)

# Runs a command and reports its wall time and the largest max RSS of it and its descendants
# (RUSAGE_CHILDREN of this fresh process sees only that command's tree).
_MEASURE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    rss //= 1024
print(json.dumps({"wall": wall, "rss_kb": rss, "rc": done.returncode, "stderr": done.stderr.decode(errors="replace")[-500:]}))
"""

# The floor: read and parse every document with PyYAML's C loader, in one process.
_FLOOR = r"""
import os, sys, yaml
loader = yaml.CSafeLoader
names = sorted(os.path.join(root, f) for root, _, files in os.walk(sys.argv[1]) for f in files if f.endswith(".yaml"))
failed = 0
for name in names:
    with open(name, "rb") as handle:
        try:
            yaml.load(handle.read(), Loader=loader)
        except yaml.YAMLError:
            failed += 1
print(len(names), failed)
"""


def tool(name: str) -> str | None:
    """The executable next to the running Python (its virtualenv), else the one on PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    return shutil.which(name)


def subprocess_env(workdir: Path) -> dict:
    """Bytecode cached as on a user's machine (PYTHONDONTWRITEBYTECODE off), outside the repository."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(workdir / "pycache"))
    return env


ENV: dict = {}


def measure(command: list[str], cwd: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=cwd, capture_output=True, text=True,
                         check=True, env=ENV)
    result = json.loads(out.stdout)
    if result["rc"] not in (0, 1):
        print(f"  ! {' '.join(command[:3])} … exited {result['rc']}: {result['stderr'].strip()}")
    return result


def wall_median(command: list[str], runs: int, cwd: Path) -> tuple[float, float]:
    """Median and best whole-process seconds (one warm-up run first, not counted)."""
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def representative(directory: Path, count: int) -> Path:
    """The document of median size among the first `count`: a typical single file."""
    names = sorted(directory.glob("*.yaml"))[:count]
    return sorted(names, key=lambda p: (p.stat().st_size, p.name))[len(names) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000, help="documents in the batch runs (default 10000)")
    parser.add_argument("--small", type=int, default=1000, help="documents in the small memory run (default 1000)")
    parser.add_argument("--runs", type=int, default=11, help="runs of each single-document command (default 11)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it (default: a temporary directory)")
    args = parser.parse_args()
    args.small = min(args.small, args.count)

    perflint = tool("perflint")
    if perflint is None:
        sys.exit("perflint is not installed: pip install -e . first")
    yamllint = tool("yamllint")
    cpus = os.cpu_count() or 1
    version = subprocess.run([perflint, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{version}; Python {platform.python_version()}; {platform.machine()}, {cpus} CPUs; "
          f"load average {load()}")

    workdir = Path(args.keep or tempfile.mkdtemp(prefix="perflint-bench-"))
    big, small = workdir / f"corpus-{args.count}", workdir / f"corpus-{args.small}"
    ENV.update(subprocess_env(workdir))
    try:
        start = time.perf_counter()
        generate.generate(big, args.count, args.seed, 0.75)
        generate.generate(small, args.small, args.seed, 0.75)  # the first --small documents of the same corpus
        size = sum(p.stat().st_size for p in big.glob("*.yaml"))
        print(f"corpus: {args.count} documents ({size / 1e6:.0f} MB, seed {args.seed}) and its first {args.small}, "
              f"written in {time.perf_counter() - start:.1f} s to {workdir}")
        print("bytecode cached under the work directory (PYTHONDONTWRITEBYTECODE ignored), as after pip install")
        doc = representative(big, args.small)
        lines = doc.read_text(encoding="utf-8").count("\n")
        print()

        # 1. one document, whole process
        print(f"1. One document, whole process ({doc.name}: {doc.stat().st_size} bytes, {lines} lines); "
              f"median (best) of {args.runs} runs")
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ('python -c "import yaml"', [sys.executable, "-c", "import yaml"]),
            ("perflint --version", [perflint, "--version"]),
            ("perflint check DOC", [perflint, "check", str(doc)]),
        ]
        if yamllint:
            rows.append(("yamllint DOC", [yamllint, str(doc)]))
        timed = {}
        for label, command in rows:
            median, best = wall_median(command, args.runs, workdir)
            timed[label] = median
            print(f"   {label:<26} {median * 1000:7.0f} ms  ({best * 1000:.0f} ms)")
        if not yamllint:
            print("   yamllint DOC               yamllint not installed (pip install yamllint), skipped")
        check_one = timed["perflint check DOC"]
        print(f"   target < 250 ms: {check_one * 1000:.0f} ms, {verdict(check_one < 0.25)}")
        if yamllint:
            ratio = check_one / timed["yamllint DOC"]
            print(f"   target no slower than yamllint: {ratio:.2f}x yamllint's time, {verdict(ratio <= 1.0)}")
        print()

        # 2. documents per second, and 4. memory at --count
        print(f"2. Batch: perflint check DIR over {args.count} documents (text report to /dev/null)")
        batch = {}
        for jobs in (1, 2):
            result = measure([perflint, "check", str(big), "--jobs", str(jobs)], workdir)
            batch[jobs] = result
            rate = args.count / result["wall"]
            print(f"   --jobs {jobs}: {result['wall']:7.1f} s, {rate:6.0f} documents/s, {rate / jobs:6.0f} per core, "
                  f"peak RSS {result['rss_kb'] / 1024:.0f} MB")
        for jobs in (1, 2):
            per_core = args.count / batch[jobs]["wall"] / jobs
            print(f"   target >= 500 documents/s per core at --jobs {jobs}: {per_core:.0f}, {verdict(per_core >= 500)}")
        print()

        # 3. the floor
        floor = measure([sys.executable, "-c", _FLOOR, str(big)], workdir)
        ratio = batch[2]["wall"] / floor["wall"]
        print(f"3. Floor: read and yaml.load(CSafeLoader) the same {args.count} files in one process: "
              f"{floor['wall']:.1f} s ({args.count / floor['wall']:.0f} documents/s)")
        print(f"   --jobs 2 batch / floor = {ratio:.1f}x; target <= 2.5x: {verdict(ratio <= 2.5)}")
        print()

        # 4. memory
        small_run = measure([perflint, "check", str(small), "--jobs", "1"], workdir)
        small2 = measure([perflint, "check", str(small), "--jobs", "2"], workdir)
        print("4. Peak memory (max RSS of the perflint process or of its largest worker)")
        for jobs, at_small, at_big in ((1, small_run, batch[1]), (2, small2, batch[2])):
            growth = at_big["rss_kb"] / at_small["rss_kb"] - 1
            print(f"   --jobs {jobs}: {args.small} documents {at_small['rss_kb'] / 1024:.0f} MB, "
                  f"{args.count} documents {at_big['rss_kb'] / 1024:.0f} MB: {growth:+.0%}; "
                  f"target within +20%: {verdict(growth <= 0.20)}")
        print()
        print(f"load average at the end: {load()}")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
