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
        Case(rule=case.get("rule", default_rule), name=case["name"], document=case["document"],
             expect=case.get("expect") or [], options=case.get("options") or {},
             framework=str(case.get("framework", "auto")), also=tuple(case.get("also") or ()),
             required_fields=tuple(case.get("required-fields") or ()), source=str(path))
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
    loaded = load_bytes(case.document.encode("utf-8"), "case.yaml")
    return lint(loaded, configure(catalog, settings), "en")


def mismatches(case: Case, findings: list[Finding]) -> list[str]:
    """What differs between the expected and the actual findings (empty when the case holds)."""
    own = [f for f in findings if case.rule in (f.code, f.rule)]
    problems = [f"the document itself has a problem: {f.code} {f.line}:{f.column} {f.message}"
                for f in findings if f not in own and f.code not in case.also and f.rule not in case.also]
    actual = sorted((f.line, f.column) for f in own)
    expected = sorted((e["line"], e["column"]) for e in case.expect)
    if actual != expected:
        problems.append(f"expected findings at {expected}, got {[(f.line, f.column, f.message) for f in own]}")
    return problems
