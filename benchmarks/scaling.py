"""Does every rule stay linear in the document? Time each rule on documents of growing size.

Usage: python benchmarks/scaling.py [--sizes 2000 4000 8000 16000] [--projects 1] [--repeat 3]

Builds documents of N indicator rows (varied names, values and units, spread over --projects projects),
loads each once, and times every active rule's check on it (the best of --repeat runs). Prints, per rule,
the cost per indicator at each size and how it grew over the last doubling of the size: a linear rule
keeps it near 1, a quadratic one near 2 (a rule's caches filling up shows as a step between two sizes,
not as growth at every doubling). Target: under 1.5 for every rule. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from dataclasses import replace

from perflint.analysis.facts import Facts
from perflint.check import active_rules
from perflint.config import Settings
from perflint.load import load_bytes

TARGET_RATIO = 1.5
_LEVELS = [("产出指标", "数量指标", "{n}份宣传品制作数量", "≥{n}份"),
           ("产出指标", "质量指标", "第{n}批验收合格率", "≥9{d}%"),
           ("产出指标", "时效指标", "第{n}项工作完成时间", "2026年{m}月底前"),
           ("产出指标", "成本指标", "第{n}类人均成本", "≤{n}元/人"),
           ("效益指标", "社会效益指标", "第{n}村受益群众人数", "≥{n}人"),
           ("满意度指标", "服务对象满意度指标", "第{n}类服务对象满意度", "≥9{d}%")]


def document(rows: int, projects: int) -> bytes:
    lines = ["department: 溧平县司法局", "year: 2026", "overall:",
             "  goal: 开展人民调解工作，调解成功率达到96%以上；办理法律援助案件300件以上。", "projects:"]
    per = rows // projects
    for p in range(projects):
        lines += [f"  - name: 2026年第{p}项业务", f"    code: P{p:05d}", "    unit: 溧平县司法局",
                  "    budget: {total: 155.99, fiscal: 155.99}",
                  "    uses: 普法宣传业务费，人民调解办案补贴，法律援助办案费",
                  "    spending_plan: {3月底: 25%, 6月底: 50%, 9月底: 75%, 12月底: 100%}",
                  "    goals: [保障司法业务支出，调解矛盾纠纷不少于500件，制作普法宣传品2000份。]", "    indicators:"]
        for i in range(per):
            n = p * per + i
            level1, level2, name, value = _LEVELS[n % len(_LEVELS)]
            fields = dict(n=n + 1, d=n % 9, m=n % 12 + 1)
            lines.append(f"      - {{level1: {level1}, level2: {level2}, name: {name.format(**fields)}, "
                         f"value: '{value.format(**fields)}', basis: 溧政办〔2024〕{n % 90 + 1}号}}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def time_rules(rows: int, projects: int, repeat: int) -> dict[str, float]:
    """Each rule's best time of `repeat` checks (the best is the least disturbed by the machine)."""
    settings = Settings()
    rules = active_rules(settings)
    loaded = load_bytes(document(rows, projects), "scaling.yaml")
    seconds: dict[str, float] = {}
    for _ in range(repeat):
        facts = Facts(loaded.document, rules.framework, rules.required_fields)  # facts warm up in the first rule
        for active in rules.active:
            if active.rule.always_on:
                continue
            gc.collect()
            start = time.perf_counter()
            list(active.rule.check(loaded.document, replace(active.context, facts=facts)))
            spent = time.perf_counter() - start
            seconds[active.rule.code] = min(spent, seconds.get(active.rule.code, spent))
    return seconds


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 4000, 8000, 16000])
    parser.add_argument("--projects", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    runs = {size: time_rules(size, args.projects, args.repeat) for size in args.sizes}
    small, large = min(args.sizes), max(args.sizes)
    print(f"per-indicator cost of each rule (µs), {args.projects} project(s); growth over the last doubling, "
          f"target < {TARGET_RATIO}")
    print(f"{'rule':8} " + " ".join(f"{s:>9}" for s in args.sizes) + "   growth")
    worst = []
    for code in sorted(runs[small]):
        costs = [runs[s][code] / s * 1e6 for s in args.sizes]
        ratio = costs[-1] / costs[-2] if costs[-2] > 0 else 0.0
        worst.append((ratio, code))
        flag = "" if ratio < TARGET_RATIO else "  <-- grows with the document"
        print(f"{code:8} " + " ".join(f"{c:9.2f}" for c in costs) + f" {ratio:8.2f}{flag}")
    totals = [sum(runs[s].values()) for s in args.sizes]
    print(f"{'all':8} " + " ".join(f"{t:8.2f}s" for t in totals))
    ratio, code = max(worst)
    verdict = "meets" if ratio < TARGET_RATIO else "misses"
    print(f"\nlargest growth {ratio:.2f} ({code}) from {args.sizes[-2]} to {large} rows: {verdict} the target "
          f"of {TARGET_RATIO}; all rules {totals[-1] / totals[0]:.1f}× the time for {large // small}× the rows")


if __name__ == "__main__":
    sys.exit(main())
