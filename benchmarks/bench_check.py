"""Benchmark `perflint check`: whole-process time on one document, and documents per second.

Usage: python benchmarks/bench_check.py [--copies N] [--runs N]

Prints figures; asserts nothing. Uses the `perflint` on PATH (install the package first).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed.yaml"


def wall(command: list[str], runs: int) -> tuple[float, float]:
    """Median and best wall-clock seconds of a command, output discarded."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2000, help="documents in the batch run")
    parser.add_argument("--runs", type=int, default=15, help="repetitions of each single-document run")
    args = parser.parse_args()
    perflint = shutil.which("perflint")
    if perflint is None:
        sys.exit("perflint is not on PATH: pip install . first")

    print(f"python {sys.version.split()[0]}, {args.runs} runs each, median (best)")
    rows = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("python -c 'import yaml'", [sys.executable, "-c", "import yaml"]),
        ("perflint --version", [perflint, "--version"]),
        ("perflint check seed.yaml", [perflint, "check", str(SEED)]),
        ("perflint check seed.yaml --format json", [perflint, "check", str(SEED), "--format", "json"]),
    ]
    for label, command in rows:
        median, best = wall(command, args.runs)
        print(f"  {label:<42} {median * 1000:7.1f} ms ({best * 1000:.1f} ms)")

    with tempfile.TemporaryDirectory() as tmp:
        text = SEED.read_bytes()
        for i in range(args.copies):
            (Path(tmp) / f"doc{i:05d}.yaml").write_bytes(text)
        median, best = wall([perflint, "check", tmp, "--format", "json"], 3)
        print(f"batch: {args.copies} copies of seed.yaml in {median:.2f} s (best {best:.2f} s): "
              f"{args.copies / median:.0f} documents/s (best {args.copies / best:.0f})")


if __name__ == "__main__":
    main()
