"""Test cases as data: a rule's failing and passing examples, kept next to it in `<module>.cases.yaml`.

```yaml
rule: PF201                 # the rule these cases exercise (a case may name another with `rule:`)
cases:
  - name: 有效提升 is vague
    expect:                 # the findings of this rule: line and column in the document below
      - {line: 6, column: 16}   # both are required
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

Plugin authors can run their own rules' cases with `run_case` and `case_files`.
"""

from __future__ import annotations

import inspect
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


def run_case(case: Case, catalog: Optional[Catalog] = None) -> list[Finding]:
    """The findings of the case's rule alone on the case's document, in English."""
    catalog = catalog or load_catalog()
    rule = catalog.get(case.rule)
    if rule is None:
        raise LookupError(f"{case.source}: no rule {case.rule}")
    settings = Settings(select=(rule.code, *case.also), options={rule.code: case.options} if case.options else {},
                        framework=case.framework, required_fields=case.required_fields, lang="en")
    if case.documents:
        return _run_documents(case, configure(catalog, settings), settings)
    loaded = load_bytes(case.document.encode("utf-8"), "case.yaml")
    return lint(loaded, configure(catalog, settings), "en")


def _run_documents(case: Case, rules, settings: Settings) -> list[Finding]:
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
        merged = compare_results(results(case.last), results(case.documents), rules, "en")
    else:
        from perflint.round import round_results

        merged = round_results(results(case.documents), rules, settings)
    return [f for result in merged for f in result.findings]


def mismatches(case: Case, findings: list[Finding]) -> list[str]:
    """What differs between the expected and the actual findings (empty when the case holds)."""
    own = [f for f in findings if case.rule in (f.code, f.rule)]
    problems = [f"the document itself has a problem: {f.code} {f.line}:{f.column} {f.message}"
                for f in findings if f not in own and f.code not in case.also and f.rule not in case.also]
    if case.documents:  # findings in several documents: each names its own
        actual = sorted((f.path, f.line, f.column) for f in own)
        expected = sorted((e["document"], e["line"], e["column"]) for e in case.expect)
    else:
        actual = sorted((f.line, f.column) for f in own)
        expected = sorted((e["line"], e["column"]) for e in case.expect)
    if actual != expected:
        problems.append(f"expected findings at {expected}, got {[(f.line, f.column, f.message) for f in own]}")
    return problems
