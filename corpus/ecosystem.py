"""The ecosystem check: perflint over the real corpus, compared with a judged snapshot.

As ruff checks every change against real projects, this runs perflint (default settings) over every
document in corpus/real/ and compares each finding with corpus/judged.yaml, where a person judged it
right, wrong or debatable. It prints the precision of every rule and overall, the recall of the
defects the reviewers annotated beforehand (review.yaml), and every finding nobody has judged yet.

    python corpus/ecosystem.py             # the report; exit 1 if a finding is unjudged or a right one is lost
    python corpus/ecosystem.py --record    # add this run's new findings to judged.yaml (to be judged by hand)
    python corpus/ecosystem.py --write     # regenerate the README table and the measured precision data
    python corpus/ecosystem.py --defects   # also list every annotated defect, found or missed
    python corpus/ecosystem.py --save-run before.json   # keep the findings, to judge an old run later
    python corpus/ecosystem.py --from-run before.json   # figures of a kept run against today's judgements

A finding about the place of an annotated defect (see `near`) of a kind its rule catches is recorded as right; every
other new finding is recorded as `unjudged` until someone decides.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Optional

import yaml

CORPUS = Path(__file__).resolve().parent
REAL = CORPUS / "real"
JUDGED = CORPUS / "judged.yaml"
KINDS = CORPUS / "defect-kinds.yaml"
README = CORPUS.parent / "README.md"
MEASURED = CORPUS.parent / "rules" / "measured.yaml"
VERDICTS = ("right", "wrong", "debatable", "unjudged")
TABLE_START, TABLE_END = "<!-- ecosystem:start -->", "<!-- ecosystem:end -->"
WARNING_FLOOR, INFO_FLOOR = Decimal("0.90"), Decimal("0.75")


@dataclass(frozen=True)
class Defect:
    document: str
    places: tuple[str, ...]
    kind: str
    action: str
    note: str

    def caught_by(self, code: str, pointer: str, kinds: dict) -> bool:
        return code in kinds.get(self.kind, {}).get("rules", ()) and any(near(pointer, p) for p in self.places)


@dataclass(frozen=True)
class Seen:
    """One finding of this run."""

    document: str
    code: str
    pointer: str
    severity: str
    message: str

    @property
    def key(self) -> str:
        return f"{self.code} {self.pointer or '/'}"


@dataclass
class Outcome:
    seen: list[Seen]
    judged: dict[str, dict[str, dict]]
    defects: list[Defect]
    kinds: dict
    severities: dict[str, str]  # code → the rule's default severity now
    verdicts: dict[tuple[str, str], str] = field(default_factory=dict)

    def verdict(self, seen: Seen) -> str:
        return self.judged.get(seen.document, {}).get(seen.key, {}).get("verdict", "unjudged")

    def unjudged(self) -> list[Seen]:
        return [s for s in self.seen if self.verdict(s) == "unjudged"]

    def lost(self) -> list[tuple[str, str]]:
        """Findings judged right that this run no longer reports."""
        now = {(s.document, s.key) for s in self.seen}
        return [(doc, key) for doc, entries in self.judged.items() for key, entry in entries.items()
                if entry.get("verdict") == "right" and (doc, key) not in now]

    def stale(self) -> list[tuple[str, str]]:
        """Judged entries (not right) that this run no longer reports: kept as history, listed for pruning."""
        now = {(s.document, s.key) for s in self.seen}
        return [(doc, key) for doc, entries in self.judged.items() for key, entry in entries.items()
                if entry.get("verdict") != "right" and (doc, key) not in now]

    def default_on(self, code: str) -> bool:
        return not self.severities.get(code, "").endswith("/opt-in")

    def found(self, defect: Defect) -> bool:
        """By a rule on by default: what a new user gets."""
        return any(s.document == defect.document and self.default_on(s.code)
                   and defect.caught_by(s.code, s.pointer, self.kinds) for s in self.seen)


def inside(pointer: str, place: str) -> bool:
    """A finding's pointer is the defect's place or lies inside it."""
    place = place.rstrip("/")
    return pointer == place or pointer.startswith(place + "/") or place == ""


# The cells of one indicator row that state its target: a unit or comparator left out is reported at the value.
_TARGET = re.compile(r"^(/projects/\d+/(?:midterm_)?indicators/\d+|/overall/indicators/\d+)/(?:value|unit|op)$")


def near(pointer: str, place: str) -> bool:
    """A finding is about a defect's place: it lies inside it, it is about another cell of the same row's
    target (a unit left out is reported at the value), or the defect is one item of the field the finding
    is about (/projects/0/goals for a defect at /projects/0/goals/0) — but a finding about a whole project
    is not about each of its fields."""
    if inside(pointer, place):
        return True
    row = _TARGET.match(pointer)
    if row and row.group(1) == (_TARGET.match(place) or [None, None])[1]:
        return True
    return inside(place, pointer) and pointer.count("/") >= 3


def documents(root: Path = REAL) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "review.yaml").exists()) if root.exists() else []


def _load(path: Path):
    return yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read_defects(folder: Path) -> list[Defect]:
    review = _load(folder / "review.yaml") or {}
    found = []
    for entry in review.get("defects") or []:
        places = entry["at"] if isinstance(entry["at"], list) else [entry["at"]]
        found.append(Defect(folder.name, tuple(places), entry["kind"], entry.get("action", "return"),
                            entry.get("note", "")))
    return found


def run_perflint(folders: Iterable[Path]) -> tuple[list[Seen], dict[str, str]]:
    from perflint.check import active_rules, check_path
    from perflint.config import Settings
    from perflint.engine.registry import load_catalog

    # The defaults a new user gets (no configuration file is read), plus the opt-in rules, named so that
    # they run: their figures say why they are off; overall() leaves them out.
    settings = Settings(select=("ALL", *(r.code for r in load_catalog((), ()) if r.opt_in)))
    rules = active_rules(settings)
    from perflint.round import round_results

    seen = []
    # The documents also as one round, as `perflint check corpus/real` takes them: the round rules run too.
    results = [check_path(str(folder / "document.yaml"), rules, settings) for folder in folders]
    for folder, result in zip(folders, round_results(results, rules, settings)):
        seen += [Seen(folder.name, f.code, f.pointer, f.severity.value, f.message) for f in result.findings]
    severities = {active.rule.code: active.rule.severity.value + ("/opt-in" if active.rule.opt_in else "")
                  for active in rules.active}
    return seen, severities


def evaluate(root: Path = REAL, judged_path: Path = JUDGED, saved_run: Optional[Path] = None) -> Outcome:
    folders = documents(root)
    if saved_run is None:
        seen, severities = run_perflint(folders)
    else:  # an earlier run kept with --save-run: judged against today's snapshot, for before/after figures
        data = json.loads(saved_run.read_text("utf-8"))
        seen, severities = [Seen(**s) for s in data["seen"]], data["severities"]
    judged = (_load(judged_path) or {}) if judged_path.exists() else {}
    defects = [d for folder in folders for d in read_defects(folder)]
    return Outcome(seen, judged, defects, _load(KINDS), severities)


# -- figures ------------------------------------------------------------------------------------------

def ratio(right: int, wrong: int) -> Optional[Decimal]:
    return None if right + wrong == 0 else (Decimal(right) / Decimal(right + wrong)).quantize(Decimal("0.001"))


def per_rule(outcome: Outcome) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in outcome.seen:
        counts[s.code][outcome.verdict(s)] += 1
    return counts


def overall(outcome: Outcome, severities: tuple[str, ...]) -> tuple[Optional[Decimal], Counter]:
    """Over the rules on by default, at the given severities."""
    counts = Counter(outcome.verdict(s) for s in outcome.seen if s.severity in severities and outcome.default_on(s.code))
    return ratio(counts["right"], counts["wrong"]), counts


def recall(outcome: Outcome, defects: Optional[list[Defect]] = None) -> tuple[Optional[Decimal], int, int]:
    defects = outcome.defects if defects is None else defects
    found = sum(outcome.found(d) for d in defects)
    return ratio(found, len(defects) - found), found, len(defects)


def percent(value: Optional[Decimal]) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


# -- output -------------------------------------------------------------------------------------------

def rule_rows(outcome: Outcome) -> list[tuple]:
    from perflint.engine.registry import load_catalog

    counts = per_rule(outcome)
    rows = []
    for rule in load_catalog((), ()):
        c = counts.get(rule.code, Counter())
        rows.append((rule.code, rule.slug, outcome.severities.get(rule.code, rule.severity.value),
                     sum(c.values()), c["right"], c["wrong"], c["debatable"], percent(ratio(c["right"], c["wrong"]))))
    return rows


def markdown_table(outcome: Outcome) -> str:
    loud, loud_counts = overall(outcome, ("warning", "error"))
    quiet, quiet_counts = overall(outcome, ("info",))
    rec, found, total = recall(outcome)
    lines = [f"Measured on {len(documents())} real documents (`python corpus/ecosystem.py`): precision "
             f"**{percent(loud)}** at warning and error ({loud_counts['right']} right, {loud_counts['wrong']} wrong, "
             f"{loud_counts['debatable']} debatable), **{percent(quiet)}** at info ({quiet_counts['right']} right, "
             f"{quiet_counts['wrong']} wrong, {quiet_counts['debatable']} debatable); recall **{percent(rec)}** "
             f"({found} of the {total} defects reviewers annotated).", "",
             "| rule | | severity | findings | right | wrong | debatable | precision |",
             "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {code} | {slug} | {sev} | {n} | {r} | {w} | {d} | {p} |"
              for code, slug, sev, n, r, w, d, p in rule_rows(outcome) if n]
    silent = [code for code, _, _, n, *_ in rule_rows(outcome) if not n]
    lines += ["", f"Rules with no finding on the corpus: {', '.join(silent)}."]
    return "\n".join(lines)


def measured_data(outcome: Outcome) -> str:
    counts = per_rule(outcome)
    lines = ["# Generated by `python corpus/ecosystem.py --write`: each rule's findings on the real corpus as judged",
             "# in corpus/judged.yaml. `perflint explain` shows them. Do not edit by hand.",
             f"documents: {len(documents())}", "rules:"]
    for code in sorted(counts):
        c = counts[code]
        lines.append(f"  {code}: {{right: {c['right']}, wrong: {c['wrong']}, debatable: {c['debatable']}}}")
    return "\n".join(lines) + "\n"


def write_readme(outcome: Outcome, readme: Path = README) -> bool:
    text = readme.read_text("utf-8")
    start, end = text.index(TABLE_START) + len(TABLE_START), text.index(TABLE_END)
    new = text[:start] + "\n" + markdown_table(outcome) + "\n" + text[end:]
    changed = new != text
    readme.write_text(new, "utf-8")
    return changed


def record(outcome: Outcome, judged_path: Path = JUDGED) -> int:
    """Add this run's findings that have no entry: right when they are about an annotated defect their
    rule catches, else unjudged (an unjudged one becomes right once it matches). Returns how many changed."""
    added = 0
    for s in outcome.seen:
        entries = outcome.judged.setdefault(s.document, {})
        if s.key in entries and entries[s.key].get("verdict") != "unjudged":
            continue
        match = next((d for d in outcome.defects if d.document == s.document
                      and d.caught_by(s.code, s.pointer, outcome.kinds)), None)
        if s.key in entries and match is None:
            continue
        entries[s.key] = ({"verdict": "right", "why": f"标注的缺陷（{match.kind}）：{match.note}"} if match
                          else {"verdict": "unjudged", "why": "", "message": s.message})
        added += 1
    judged_path.write_text(dump_judged(outcome.judged), "utf-8")
    return added


def dump_judged(judged: dict[str, dict[str, dict]]) -> str:
    lines = ["# Every finding perflint reports on corpus/real/, judged: right (a careful reviewer would raise it),",
             "# wrong (noise) or debatable. Keyed on document, rule code and JSON Pointer. `message` is kept only",
             "# while a finding is unjudged. Maintained with `python corpus/ecosystem.py --record`, judged by hand.", ""]
    for document in sorted(judged):
        lines.append(f"{document}:")
        for key in sorted(judged[document], key=_key_order):
            entry = judged[document][key]
            lines.append(f"  {json.dumps(key, ensure_ascii=False)}:")
            lines.append(f"    verdict: {entry.get('verdict', 'unjudged')}")
            lines.append(f"    why: {json.dumps(entry.get('why', ''), ensure_ascii=False)}")
            if entry.get("verdict", "unjudged") == "unjudged" and entry.get("message"):
                lines.append(f"    message: {json.dumps(entry['message'], ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def _key_order(key: str) -> tuple:
    code, _, pointer = key.partition(" ")
    return tuple(int(p) if p.isdigit() else p for p in pointer.split("/")), code


def report(outcome: Outcome, show_defects: bool, out=sys.stdout) -> None:
    from tabulate import tabulate

    print(tabulate([r for r in rule_rows(outcome) if r[3]],
                   headers=("rule", "slug", "severity", "findings", "right", "wrong", "debatable", "precision")),
          file=out)
    loud, loud_counts = overall(outcome, ("warning", "error"))
    quiet, quiet_counts = overall(outcome, ("info",))
    rec, found, total = recall(outcome)
    returned = [d for d in outcome.defects if d.action == "return"]
    rec_return, found_return, total_return = recall(outcome, returned)
    print(f"\nprecision at warning/error: {percent(loud)} ({dict(loud_counts)})", file=out)
    print(f"precision at info:          {percent(quiet)} ({dict(quiet_counts)})", file=out)
    print(f"recall: {percent(rec)} ({found}/{total} annotated defects; "
          f"{found_return}/{total_return} of those sent back for revision)", file=out)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for d in outcome.defects:
        by_kind[d.kind].append(outcome.found(d))
    print("\n" + tabulate(sorted(((k, sum(v), len(v), percent(ratio(sum(v), len(v) - sum(v))))
                                  for k, v in by_kind.items()), key=lambda r: (r[1] - r[2], r[0])),
                          headers=("defect kind", "found", "annotated", "recall")), file=out)
    if show_defects:
        print("", file=out)
        for d in outcome.defects:
            print(f"{'found ' if outcome.found(d) else 'MISSED'} {d.document} {d.places[0]} [{d.kind}] {d.note}",
                  file=out)
    for title, items in (("unjudged", [(s.document, s.key, s.message) for s in outcome.unjudged()]),
                         ("judged right, no longer reported", [(*x, "") for x in outcome.lost()]),
                         ("judged, no longer reported (stale)", [(*x, "") for x in outcome.stale()])):
        if items:
            print(f"\n{title}: {len(items)}", file=out)
            for document, key, message in items:
                print(f"  {document} {key} {message}", file=out)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="add new findings to judged.yaml")
    parser.add_argument("--write", action="store_true", help="regenerate the README table and rules/measured.yaml")
    parser.add_argument("--defects", action="store_true", help="list every annotated defect, found or missed")
    parser.add_argument("--save-run", type=Path, help="keep this run's findings in a JSON file")
    parser.add_argument("--from-run", type=Path, help="judge a run kept with --save-run instead of running perflint")
    args = parser.parse_args(argv)
    outcome = evaluate(saved_run=args.from_run)
    if args.save_run:
        args.save_run.write_text(json.dumps({"seen": [s.__dict__ for s in outcome.seen],
                                             "severities": outcome.severities}, ensure_ascii=False), "utf-8")
    if args.record:
        print(f"recorded {record(outcome)} new findings in {JUDGED.relative_to(CORPUS.parent)}")
        outcome = evaluate()
    if args.write:
        write_readme(outcome)
        MEASURED.write_text(measured_data(outcome), "utf-8")
    report(outcome, args.defects)
    return 1 if outcome.unjudged() or outcome.lost() else 0


if __name__ == "__main__":
    sys.exit(main())
