"""From the catalog and the settings to the rules that will run, each with its severity and options."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from perflint.config import Settings
from perflint.engine.context import Context
from perflint.engine.registry import Catalog
from perflint.engine.rule import Rule
from perflint.errors import UsageError
from perflint.findings import Severity


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    context: Context


def _coerce(rule: type[Rule], name: str, value: Any) -> Any:
    """An option value of the same type as its default; an error that names the option otherwise."""
    default = rule.options[name].default
    try:
        if isinstance(default, bool):
            if isinstance(value, bool):
                return value
        elif isinstance(default, Decimal):
            if not isinstance(value, bool):
                return Decimal(str(value))
        elif isinstance(default, int):
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        elif isinstance(default, (list, tuple)):
            if isinstance(value, list):
                return tuple(value)
        elif isinstance(value, type(default)):
            return value
    except InvalidOperation:
        pass
    raise UsageError(f"configuration: option {rule.slug}.{name} must be like {default!r}, not {value!r}")


def _rule_named(catalog: Catalog, name: str, table: str) -> type[Rule]:
    rule = catalog.get(name)
    if rule is None:
        raise UsageError(f"configuration: {table} names unknown rule {name!r}")
    return rule


def configure(catalog: Catalog, settings: Settings) -> list[ActiveRule]:
    selected = {r.code for s in settings.select for r in catalog.select(s)}
    ignored = {r.code for s in settings.ignore for r in catalog.select(s)}
    severities = {_rule_named(catalog, k, "severity").code: Severity(v) for k, v in settings.severity.items()}
    options: dict[str, dict[str, Any]] = {}
    for name, values in settings.options.items():
        rule = _rule_named(catalog, name, "options")
        for option, value in values.items():
            if option not in rule.options:
                known = ", ".join(rule.options) or "none"
                raise UsageError(f"configuration: rule {rule.slug} has no option {option!r} (options: {known})")
            options.setdefault(rule.code, {})[option] = _coerce(rule, option, value)
    active = []
    for rule in catalog:
        if rule.always_on or (rule.code in selected and rule.code not in ignored):
            merged = {**rule.option_defaults(), **options.get(rule.code, {})}
            context = Context(options=merged, framework=settings.framework)
            active.append(ActiveRule(rule(), severities.get(rule.code, rule.severity), context))
    return active
