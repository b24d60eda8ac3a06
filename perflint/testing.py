"""Test cases as data: a rule's failing and passing examples, kept next to it in `<module>.cases.yaml`.

```yaml
rule: PF201                 # the rule these cases exercise (a case may name another with `rule:`)
cases:
  - name: 有效提升 is vague
    expect:                 # the findings of this rule, at line and column of the document below,
                            # each with what a user reads: the message variant and its key arguments
      - {line: 6, column: 16, message: default, args: {value: 有效提升}}
      - {line: 9, column: 16, text: "The value …"}   # or the whole English message
    document: |
      department: 溧平县司法局
      ...
  - name: a number is fine
    expect: []
    options: {floor: 85}    # optional: the rule's options for this case
    framework: "2021"       # optional
    required-fields: [basis]  # optional: the fields the configured form requires
    also: [PF201]           # optional: rules that run beside it, not compared (e.g. to be suppressed)
    document: |
      ...
```

A rule across documents (perflint/engine/round_rule.py) is given several documents instead of one,
by name, and each expected finding names the document it is in:

```yaml
  - name: a goal copied into another department's project
    documents:              # a round: `perflint check` of these documents together
      a.yaml: |
        ...
      b.yaml: |
        ...
    last:                   # for a years rule: last year's round (`perflint compare LAST documents`)
      a.yaml: |
        ...
    expect:
      - {document: b.yaml, line: 8, column: 11}
```

`args` need not name every argument of the message: the ones named must appear as written (in the
English message), the others may be anything. Plugin authors can run their own rules' cases with
`run_case` and `case_files`, and compare them with `mismatches`.
"""

from __future__ import annotations

import inspect
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

import yaml

from perflint.config import Settings
from perflint.engine.configure import configure
from perflint.engine.registry import Catalog, load_catalog
from perflint.engine.rule import Rule
from perflint.engine.runner import lint
from perflint.findings import Finding
from perflint.load import load_bytes

CASES_SUFFIX = ".cases.yaml"


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    document: str
    expect: list[dict[str, Any]]
    options: dict[str, Any] = field(default_factory=dict)
    framework: str = "auto"
    also: tuple[str, ...] = ()  # rules that run beside it (e.g. for a suppression to act on); not compared
    required_fields: tuple[str, ...] = ()
    source: str = ""
    documents: dict[str, str] = field(default_factory=dict)  # a round: name → text (then `document` is "")
    last: dict[str, str] = field(default_factory=dict)  # last year's round, for a years rule

    @property
    def text(self) -> str:
        """The case's document, or its documents one after another under their names."""
        if not self.documents:
            return self.document
        parts = [(f"{name} (上年 / last year)", body) for name, body in self.last.items()]
        parts += [(name, body) for name, body in self.documents.items()]
        return "\n".join(f"# --- {name} ---\n{body.rstrip()}" for name, body in parts)

    @property
    def fails(self) -> bool:
        return bool(self.expect)

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.name}"


def cases_path(rule: type[Rule]) -> Path:
    return Path(inspect.getfile(rule)).with_suffix(CASES_SUFFIX)


def load_cases(path: Path) -> list[Case]:
    data = yaml.safe_load(path.read_text("utf-8"))
    default_rule = data.get("rule", "")
    return [
        Case(rule=case.get("rule", default_rule), name=case["name"], document=case.get("document", ""),
             expect=case.get("expect") or [], options=case.get("options") or {},
             framework=str(case.get("framework", "auto")), also=tuple(case.get("also") or ()),
             required_fields=tuple(case.get("required-fields") or ()), source=str(path),
             documents=dict(case.get("documents") or {}), last=dict(case.get("last") or {}))
        for case in data["cases"]
    ]


def case_files(catalog: Catalog) -> list[Path]:
    return sorted({cases_path(rule) for rule in catalog if cases_path(rule).exists()})


def iter_cases(catalog: Catalog) -> Iterator[Case]:
    for path in case_files(catalog):
        yield from load_cases(path)


def run_case(case: Case, catalog: Optional[Catalog] = None, lang: str = "en") -> list[Finding]:
    """The findings of the case's rule alone on the case's document, in English (or `lang`)."""
    catalog = catalog or load_catalog()
    rule = catalog.get(case.rule)
    if rule is None:
        raise LookupError(f"{case.source}: no rule {case.rule}")
    settings = Settings(select=(rule.code, *case.also), options={rule.code: case.options} if case.options else {},
                        framework=case.framework, required_fields=case.required_fields, lang=lang)
    if case.documents:
        return _run_documents(case, configure(catalog, settings), settings, lang)
    loaded = load_bytes(case.document.encode("utf-8"), "case.yaml")
    return lint(loaded, configure(catalog, settings), lang)


def _run_documents(case: Case, rules, settings: Settings, lang: str) -> list[Finding]:
    """The findings of a round (or, with `last`, of a comparison) of the case's documents, as the commands
    make them: each document checked alone, then the rules across documents over their facts."""
    from perflint.check import check_path
    from perflint.load import STDIN

    def results(documents: dict[str, str]):
        return [check_path(STDIN, rules, settings, body.encode("utf-8"), name)
                for name, body in sorted(documents.items())]

    if case.last:
        from perflint.compare import compare_results, compare_rules

        rules = compare_rules(rules)
        merged = compare_results(results(case.last), results(case.documents), rules, lang)
    else:
        from perflint.round import round_results

        merged = round_results(results(case.documents), rules, settings)
    return [f for result in merged for f in result.findings]


def _place(case: Case, document: Optional[str], line: int, column: int) -> tuple:
    """Where a finding is: in a round's cases, in which document as well."""
    return (document, line, column) if case.documents else (line, column)


def _pattern(template: str, args: dict[str, Any]) -> re.Pattern:
    """The messages `template` gives when the arguments named in `args` are as given and the others anything."""
    parts, seen = [], set()
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name in args:  # as written in the case; `!r` quotes it as the message does
            value = str(args[name])
            parts.append(re.escape(repr(value) if conversion == "r" else value))
        elif name in seen:
            parts.append(f"(?P={name})")
        else:
            parts.append(f"(?P<{name}>.*)")
            seen.add(name)
    return re.compile("".join(parts), re.DOTALL)


def _pin_problem(case: Case, rule: type[Rule], expected: dict[str, Any]) -> Optional[str]:
    """Why an expected finding does not say what its message must be, if it does not."""
    spot = f"{expected.get('line')}:{expected.get('column')}"
    if "text" in expected:
        return None if isinstance(expected["text"], str) else f"{spot}: `text` must be the whole message"
    variant = expected.get("message")
    if variant is None:
        return f"{spot} pins no message: give `message` (a variant of {rule.code}) and `args`, or `text`"
    if variant not in rule.messages:
        return f"{spot}: {rule.code} has no message {variant!r} (it has {', '.join(rule.messages)})"
    args = expected.get("args") or {}
    fields = {name for _, name, _, _ in string.Formatter().parse(rule.messages[variant].en) if name}
    if unknown := set(args) - fields:
        return f"{spot}: message {variant!r} of {rule.code} has no argument {', '.join(sorted(unknown))}"
    if fields and not args:
        return f"{spot}: message {variant!r} has arguments ({', '.join(sorted(fields))}); pin the key ones in `args`"
    if floats := [name for name, value in args.items() if isinstance(value, float)]:
        return f"{spot}: write {', '.join(floats)} in quotes, as the message shows it (YAML reads it as a float)"
    return None


def _says(rule: type[Rule], expected: dict[str, Any], message: str) -> bool:
    if "text" in expected:
        return message == expected["text"]
    template = rule.messages[expected["message"]].en
    return _pattern(template, expected.get("args") or {}).fullmatch(message) is not None


def mismatches(case: Case, findings: list[Finding], catalog: Optional[Catalog] = None) -> list[str]:
    """What differs between the expected and the actual findings (empty when the case holds): places,
    and at each place the message variant and the arguments the case pins (or the whole message)."""
    rule = (catalog or load_catalog()).get(case.rule)
    if rule is None:
        return [f"{case.source}: no rule {case.rule}"]
    own = [f for f in findings if case.rule in (f.code, f.rule)]
    problems = [f"the document itself has a problem: {f.code} {f.line}:{f.column} {f.message}"
                for f in findings if f not in own and f.code not in case.also and f.rule not in case.also]
    pins = [_pin_problem(case, rule, e) for e in case.expect]
    problems += [p for p in pins if p]
    if any(pins):
        return problems
    actual = sorted(_place(case, f.path, f.line, f.column) for f in own)
    expected = sorted(_place(case, e.get("document"), e["line"], e["column"]) for e in case.expect)
    if actual != expected:
        problems.append(f"expected findings at {expected}, got {[(f.line, f.column, f.message) for f in own]}")
        return problems
    unmatched = list(own)
    for e in case.expect:
        spot = _place(case, e.get("document"), e["line"], e["column"])
        here = [f for f in unmatched if _place(case, f.path, f.line, f.column) == spot]
        said = next((f for f in here if _says(rule, e, f.message)), None)
        if said is None:
            wanted = e.get("text") or f"message {e['message']!r} with {e.get('args') or {}}"
            problems.append(f"at {':'.join(map(str, filter(None, spot)))} expected {wanted}, got {[f.message for f in here]}")
        else:
            unmatched.remove(said)
    return problems
