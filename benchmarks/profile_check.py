"""Where the time of `perflint check` goes: start-up and per document.

Usage: python benchmarks/profile_check.py [--count 500] [--seed 1] [--top 10] [--corpus DIR]

Start-up (one document, whole process, in fresh interpreters):
  - the phases of `perflint check DOC`: interpreter, imports, rule catalog, first document (with
    whatever is built lazily on first use), the same document again (steady state);
  - `python -X importtime`: import time by package and the slowest modules (self time).
Per document (one process, --count documents after a warm-up):
  - documents per second, and the split between loading (YAML → model), reading the 指标值
    (parse_value on every indicator) and the rules;
  - each rule's time (values already read, so a rule is not charged for the parsing it triggers);
  - cProfile: time by area (self time summed per module group) and the top functions.

Run it with the Python of the environment perflint is installed in. The corpus is generated with
benchmarks/generate.py (same seed, same files) unless --corpus names one.
"""

from __future__ import annotations

import argparse
import cProfile
import collections
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

# Phases of one `perflint check DOC`, timed inside a fresh interpreter.
_PHASES = r"""
import json, sys, time
t0 = time.perf_counter()
import perflint.cli
t1 = time.perf_counter()
from perflint.check import active_rules, check_path
from perflint.config import load_settings
from perflint.report import reporter_class
t2 = time.perf_counter()
settings = load_settings(None)
rules = active_rules(settings)
t3 = time.perf_counter()
result = check_path(sys.argv[1], rules, settings)
t4 = time.perf_counter()
check_path(sys.argv[1], rules, settings)
t5 = time.perf_counter()
print(json.dumps({"import perflint.cli (click, report registry)": t1 - t0,
                  "import perflint.check (loader, model, values, config)": t2 - t1,
                  "load_settings + active_rules (rule modules, lexicons)": t3 - t2,
                  "first check_path (lazy grammar, tables, caches)": t4 - t3,
                  "same document again (steady state)": t5 - t4}))
"""


def subprocess_env(workdir: Path) -> dict:
    """Bytecode cached as on a user's machine (PYTHONDONTWRITEBYTECODE off), outside the repository."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(workdir / "pycache"))
    return env


def group_of(module: str) -> str:
    if module.startswith(("perflint.rules.", "rules.")):
        name = module.rsplit(".", 1)[1]
        return "perflint.rules (helpers)" if name.startswith("_") else "perflint.rules (rule modules)"
    for prefix in ("perflint.load", "perflint.values", "perflint.engine", "perflint.report"):
        if module.startswith(prefix):
            return prefix
    if module.startswith("perflint"):
        return "perflint (other)"
    top = module.split(".")[0]
    return top if not top.startswith("_") or top == "_distutils_hack" else "(stdlib internals)"


def startup(doc: Path, runs: int, top: int, env: dict) -> None:
    print(f"== Start-up: one document ({doc.name}), fresh interpreters, median of {runs} ==")
    python = sys.executable
    subprocess.run([python, "-c", _PHASES, str(doc)], env=env, capture_output=True)  # writes bytecode
    phases = collections.defaultdict(list)
    whole = []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([python, "-c", _PHASES, str(doc)], env=env, capture_output=True, text=True, check=True)
        whole.append(time.perf_counter() - start)
        for name, seconds in json.loads(out.stdout).items():
            phases[name].append(seconds)
    bare = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([python, "-c", "pass"], env=env, check=True)
        bare.append(time.perf_counter() - start)
    print(f"  {'python -c pass (interpreter, site)':<58} {statistics.median(bare) * 1000:7.0f} ms")
    for name, values in phases.items():
        print(f"  {name:<58} {statistics.median(values) * 1000:7.0f} ms")
    print(f"  {'whole process':<58} {statistics.median(whole) * 1000:7.0f} ms")

    out = subprocess.run([python, "-X", "importtime", "-c", _PHASES, str(doc)], env=env, capture_output=True,
                         text=True, check=True)
    rows = []
    for line in out.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m[1]), int(m[2]), m[4]))
    total = sum(r[0] for r in rows)
    groups = collections.Counter()
    for self_us, _, module in rows:
        groups[group_of(module)] += self_us
    print(f"\n  python -X importtime: {len(rows)} modules, {total / 1000:.0f} ms of import (self times summed)")
    print("  by package:")
    for name, us in groups.most_common(top):
        print(f"    {us / 1000:7.1f} ms  {name}")
    print("  slowest modules (self time, module body included):")
    for self_us, cumulative, module in sorted(rows, reverse=True)[:top]:
        print(f"    {self_us / 1000:7.1f} ms  {module}  (with its imports {cumulative / 1000:.0f} ms)")


def per_document(names: list[Path], top: int) -> None:
    from perflint.check import active_rules, check_path
    from perflint.config import load_settings
    from perflint.engine.runner import lint
    from perflint.load import load_path

    settings = load_settings(None)
    rules = active_rules(settings)
    warm, names = names[:20], names[20:]
    for name in warm:
        check_path(str(name), rules, settings)
    print(f"\n== Per document: {len(names)} documents in one process (after {len(warm)} warm-up) ==")

    start = time.perf_counter()
    for name in names:
        check_path(str(name), rules, settings)
    wall = time.perf_counter() - start
    print(f"  check_path: {len(names) / wall:.0f} documents/s, {wall / len(names) * 1000:.1f} ms per document")

    # Split: load, read values, rules (each one timed), the rest of lint.
    per_rule = collections.Counter()
    for active in rules.active:
        rule = active.rule
        original = rule.check

        def timed(document, context, _original=original, _code=rule.code):
            t = time.perf_counter()
            hits = list(_original(document, context))
            per_rule[_code] += time.perf_counter() - t
            return hits

        rule.check = timed
    t_load = t_values = t_lint = 0.0
    try:
        for name in names:
            t = time.perf_counter()
            loaded = load_path(str(name))
            t_load += time.perf_counter() - t
            t = time.perf_counter()
            document = loaded.document
            if document is not None:
                for project in document.projects:
                    for indicator in list(project.indicators) + list(project.midterm_indicators):
                        indicator.constraint  # noqa: B018  (parse and cache the value)
            t_values += time.perf_counter() - t
            t = time.perf_counter()
            lint(loaded, rules, settings.lang)
            t_lint += time.perf_counter() - t
    finally:
        for active in rules.active:
            del active.rule.check  # back to the class's method
    t_rules = sum(per_rule.values())
    n = len(names)
    total = t_load + t_values + t_lint
    print(f"  split per document: load {t_load / n * 1000:.2f} ms, read values {t_values / n * 1000:.2f} ms, "
          f"rules {t_rules / n * 1000:.2f} ms, rest of lint (findings, suppressions) "
          f"{(t_lint - t_rules) / n * 1000:.2f} ms; total {total / n * 1000:.2f} ms")
    print(f"  slowest rules (ms per document, share of rule time; {len(per_rule)} rules ran):")
    for code, seconds in per_rule.most_common(top):
        print(f"    {seconds / n * 1000:6.2f} ms  {seconds / t_rules:5.1%}  {code} {_slug(rules, code)}")

    profiler = cProfile.Profile()
    profiler.enable()
    for name in names:
        check_path(str(name), rules, settings)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    areas = collections.Counter()
    functions = []
    for (filename, line, function), (_, calls, tottime, cumtime, _) in stats.items():
        areas[_area(filename)] += tottime
        functions.append((tottime, cumtime, calls, f"{_short(filename)}:{line}({function})"))
    profiled = sum(areas.values())
    print(f"  cProfile (self time by area; profiled run {profiled:.1f} s, profiler overhead included):")
    for area, seconds in areas.most_common(top):
        print(f"    {seconds / profiled:5.1%}  {area}")
    print("  top functions by self time (self, cumulative per document, calls per document):")
    for tottime, cumtime, calls, where in sorted(functions, reverse=True)[:top]:
        print(f"    {tottime / n * 1000:6.2f} ms  {cumtime / n * 1000:6.2f} ms  {calls / n:8.0f}  {where}")


def _slug(rules, code: str) -> str:
    for active in rules.active:
        if active.rule.code == code:
            return active.rule.slug
    return ""


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/perflint/", "/rules/", "/lib/python"):
        if marker in filename:
            tail = filename.split(marker, 1)[1]
            return (marker.strip("/") + "/" if marker in ("/perflint/", "/rules/") else "") + tail
    return filename


def _area(filename: str) -> str:
    path = filename.replace(os.sep, "/")
    if "/rules/" in path and "site-packages" not in path:
        return f"rules/{path.rsplit('/', 1)[1]}"
    m = re.search(r"/perflint/(\w+)", path)
    if m and "site-packages" not in path:
        return f"perflint/{m[1]}"
    m = re.search(r"site-packages/(\w+)", path)
    if m:
        return m[1]
    if path.startswith("~") or path.startswith("<"):
        return "builtins (str, re, isinstance …)"
    return "stdlib"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500, help="documents in the per-document run (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=10, help="rows in each list (default 10)")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs (default 7)")
    parser.add_argument("--corpus", type=Path, help="an existing corpus directory (default: generate one)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="perflint-profile-"))
    try:
        corpus = args.corpus or workdir / "corpus"
        if args.corpus is None:
            generate.generate(corpus, args.count + 20, args.seed, 0.75)
        names = sorted(corpus.glob("*.yaml"))[: args.count + 20]
        sizes = sorted(names, key=lambda p: (p.stat().st_size, p.name))
        os.chdir(workdir)  # no configuration file found upwards
        startup(sizes[len(sizes) // 2], args.runs, args.top, subprocess_env(workdir))
        per_document(names, args.top)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
