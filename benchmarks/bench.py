"""Benchmark `perflint check` on a generated corpus and print each figure next to its target.

Usage: python benchmarks/bench.py [--count 2000] [--small 1000] [--big N] [--runs 11] [--seed 1] [--keep DIR]

Writes a corpus with benchmarks/generate.py (the same seed gives the same files), then measures, in
one run and on that corpus. Times are CPU time (user + system, of the process and every process it
starts), which other load on a shared machine disturbs less than wall time; each ratio compares two
figures taken side by side in this run.

  1. one document, whole process: `perflint check DOC` against `yamllint DOC` (median of --runs), with
     `python -c pass`, `python -c "import yaml"` and `perflint --version` for scale;
  2. a batch of --count documents: CPU time of `perflint check DIR --no-cache` at --jobs 1 and --jobs 2
     against the floor (merely reading the files and loading them with PyYAML's CSafeLoader in one
     process); documents per second (wall) at --jobs 1 and --jobs 2;
  3. the result cache: a cold run filling an empty cache, then the same run again over the unchanged
     files (wall time);
  4. peak memory (max RSS of the perflint process or its largest worker) at --small and --big documents.

Targets (issue 12): one document <= 1.5x yamllint's CPU time (moonshot <= 1x); the batch <= 3x the
floor's CPU time (moonshot 1.5x); the re-run over an unchanged round <= 0.3x the cold run; memory at
--big within 20% of that at --small (flat: results stream). It prints figures and says whether each
target is met; it asserts nothing (these are benchmark figures, not tests). 100,000 documents
(--count 1000 --big 100000) take about an hour on two cores: run by hand, figures in the README.

Uses the `perflint` (and `yamllint`, when installed) next to the running Python, else on PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
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

# Runs a command and reports its wall time, CPU time and the largest max RSS of it and its
# descendants (RUSAGE_CHILDREN of this fresh process sees only that command's tree).
_MEASURE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kb": rss, "rc": done.returncode,
                  "stderr": done.stderr.decode(errors="replace")[-500:]}))
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


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_median(command: list[str], runs: int, cwd: Path) -> tuple[float, float]:
    """Median and best CPU seconds of the whole process (one warm-up run first, not counted)."""
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    times = []
    for _ in range(runs):
        before = children_cpu()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
        times.append(children_cpu() - before)
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


def single_document(perflint: str, yamllint: str | None, doc: Path, runs: int, workdir: Path) -> None:
    lines = doc.read_text(encoding="utf-8").count("\n")
    print(f"1. One document, whole process ({doc.name}: {doc.stat().st_size} bytes, {lines} lines); "
          f"CPU time, median (best) of {runs} runs")
    rows = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ('python -c "import yaml"', [sys.executable, "-c", "import yaml"]),
        ("perflint --version", [perflint, "--version"]),
        ("perflint check DOC", [perflint, "check", "--no-cache", str(doc)]),
    ]
    if yamllint:
        rows.append(("yamllint DOC", [yamllint, str(doc)]))
    timed = {}
    for label, command in rows:
        median, best = cpu_median(command, runs, workdir)
        timed[label] = median
        print(f"   {label:<26} {median * 1000:7.0f} ms  ({best * 1000:.0f} ms)")
    if not yamllint:
        print("   yamllint not installed (pip install yamllint): no ratio")
        return
    ratio = timed["perflint check DOC"] / timed["yamllint DOC"]
    print(f"   perflint / yamllint = {ratio:.2f}x; target <= 1.5x: {verdict(ratio <= 1.5)}; "
          f"moonshot <= 1x: {verdict(ratio <= 1.0)}")


def batch(perflint: str, corpus: Path, count: int, workdir: Path) -> dict:
    print(f"2. Batch: perflint check DIR --no-cache over {count} documents (text report to /dev/null)")
    floor = measure([sys.executable, "-c", _FLOOR, str(corpus)], workdir)
    print(f"   floor (read + yaml.load with CSafeLoader, one process): {floor['cpu']:6.1f} s CPU")
    runs = {}
    for jobs in (1, 2):
        result = measure([perflint, "check", "--no-cache", str(corpus), "--jobs", str(jobs)], workdir)
        runs[jobs] = result
        ratio = result["cpu"] / floor["cpu"]
        print(f"   --jobs {jobs}: {result['cpu']:6.1f} s CPU = {ratio:.1f}x the floor "
              f"(target <= 3x: {verdict(ratio <= 3)}; moonshot 1.5x: {verdict(ratio <= 1.5)}); "
              f"{count / result['wall']:5.0f} documents/s wall; peak RSS {result['rss_kb'] / 1024:.0f} MB")
    return runs


def cache(perflint: str, corpus: Path, count: int, workdir: Path) -> None:
    directory = workdir / "cache"
    shutil.rmtree(directory, ignore_errors=True)
    command = [perflint, "check", str(corpus), "--cache-dir", str(directory)]
    cold = measure(command, workdir)
    warm = measure(command, workdir)
    ratio = warm["wall"] / cold["wall"]
    print(f"3. Result cache over the same {count} documents: cold {cold['wall']:.1f} s, "
          f"re-run unchanged {warm['wall']:.1f} s = {ratio:.2f}x; target <= 0.3x: {verdict(ratio <= 0.3)}")


def memory(perflint: str, small: Path, big: Path, sizes: tuple[int, int], known: dict, workdir: Path) -> None:
    print("4. Peak memory (max RSS of the perflint process or of its largest worker)")
    for jobs in (1, 2):
        at_small = measure([perflint, "check", "--no-cache", str(small), "--jobs", str(jobs)], workdir)
        at_big = known.get(jobs) or measure([perflint, "check", "--no-cache", str(big), "--jobs", str(jobs)], workdir)
        growth = at_big["rss_kb"] / at_small["rss_kb"] - 1
        print(f"   --jobs {jobs}: {sizes[0]} documents {at_small['rss_kb'] / 1024:.0f} MB, "
              f"{sizes[1]} documents {at_big['rss_kb'] / 1024:.0f} MB: {growth:+.0%}; "
              f"target within +20%: {verdict(growth <= 0.20)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="documents in the batch runs (default 2000)")
    parser.add_argument("--small", type=int, default=1000, help="documents in the small memory run (default 1000)")
    parser.add_argument("--big", type=int, help="documents in the large memory run (default --count)")
    parser.add_argument("--runs", type=int, default=11, help="runs of each single-document command (default 11)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it (default: a temporary directory)")
    args = parser.parse_args()
    args.big = args.big or args.count
    args.small = min(args.small, args.big)

    perflint = tool("perflint")
    if perflint is None:
        sys.exit("perflint is not installed: pip install -e . first")
    yamllint = tool("yamllint")
    version = subprocess.run([perflint, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{version}; Python {platform.python_version()}; {platform.machine()}, {os.cpu_count()} CPUs; "
          f"load average {load()}")

    workdir = Path(args.keep or tempfile.mkdtemp(prefix="perflint-bench-"))
    corpora = {n: workdir / f"corpus-{n}" for n in {args.count, args.small, args.big}}
    ENV.update(subprocess_env(workdir))
    try:
        start = time.perf_counter()
        for n, directory in corpora.items():
            generate.generate(directory, n, args.seed, 0.75)  # the first n documents of the same corpus
        print(f"corpora of {', '.join(map(str, sorted(corpora)))} documents (seed {args.seed}) written in "
              f"{time.perf_counter() - start:.1f} s to {workdir}; bytecode cached there, as after pip install")
        print()
        single_document(perflint, yamllint, representative(corpora[args.count], args.small), args.runs, workdir)
        print()
        runs = batch(perflint, corpora[args.count], args.count, workdir)
        print()
        cache(perflint, corpora[args.count], args.count, workdir)
        print()
        memory(perflint, corpora[args.small], corpora[args.big], (args.small, args.big),
               runs if args.big == args.count else {}, workdir)
        print()
        print(f"load average at the end: {load()}")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
