"""From the catalog and the settings to the rules that will run, each with its severity and options."""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from perflint.config import Settings
from perflint.engine.context import Context
from perflint.engine.registry import Catalog
from perflint.engine.rule import Rule
from perflint.errors import UsageError, did_you_mean
from perflint.findings import Severity
from perflint.load.model import within_range
from perflint.text import Text


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    context: Context


@dataclass(frozen=True)
class RuleSet:
    """The rules that run, and the names (codes and slugs, lower-cased) of every rule known."""

    active: tuple[ActiveRule, ...]
    known: frozenset[str]
    per_file: tuple[tuple[Any, frozenset[str]], ...] = ()  # (gitignore-style PathSpec, codes ignored there)
    base: Path = Path(".")  # per-file patterns are relative to this directory
    framework: str = "auto"
    required_fields: tuple[str, ...] = ()

    def ignored_in(self, path: str) -> frozenset[str]:
        """The codes that per-file-ignores switch off for one document."""
        if not self.per_file:
            return frozenset()
        relative = os.path.relpath(os.path.abspath(path), self.base).replace(os.sep, "/")
        return frozenset(code for spec, codes in self.per_file if spec.match_file(relative) for code in codes)

    def by_slug(self) -> dict[str, ActiveRule]:
        return {a.rule.slug: a for a in self.active}

    def active_names(self) -> frozenset[str]:
        return frozenset(n for a in self.active for n in (a.rule.code.lower(), a.rule.slug))


def _coerce(rule: type[Rule], name: str, value: Any) -> Any:
    """An option value of the same type as its default; an error that names the option otherwise."""
    default = rule.options[name].default
    try:
        if isinstance(default, bool):
            if isinstance(value, bool):
                return value
        elif isinstance(default, Decimal):
            if not isinstance(value, bool):
                number = Decimal(str(value))
                if within_range(number):  # TOML allows nan and inf, which no threshold can be
                    return number
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
    kind = _KIND.get(type(default), Text("", ""))
    raise UsageError(Text(f"配置项 options.{rule.slug}.{name} 应为{kind.zh}（如 {_shown(default)}），而不是 {_shown(value)}",
                          f"configuration: option {rule.slug}.{name} must be {kind.en}(like {_shown(default)}), "
                          f"not {_shown(value)}"))


# How an option's expected value is described; the example beside it is the option's default.
_KIND = {bool: Text("true 或 false", "true or false "), Decimal: Text("数字", "a number "),
         int: Text("整数", "a whole number "), str: Text("文本", "text "), list: Text("列表", "a list "),
         tuple: Text("列表", "a list ")}


def _shown(value: Any) -> str:
    """A value as it is written in TOML: 80, "text", true, ["a", "b"]."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (Decimal, int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    return f'"{value}"'


def _rule_named(catalog: Catalog, name: str, table: str) -> type[Rule]:
    rule = catalog.get(name)
    if rule is None:
        hint = did_you_mean(name.lower(), catalog.names())
        raise UsageError(Text(f"配置项 {table} 中的“{name}”不是已知的规则{hint.zh}",
                              f"configuration: {table} names unknown rule {name!r}{hint.en}"))
    return rule


def _per_file(catalog: Catalog, settings: Settings) -> tuple[tuple[Any, frozenset[str]], ...]:
    if not settings.per_file_ignores:
        return ()
    from pathspec import GitIgnoreSpec

    entries = []
    for pattern, selectors in settings.per_file_ignores.items():
        codes = frozenset(r.code for s in selectors for r in catalog.select(s) if not r.always_on)
        entries.append((GitIgnoreSpec.from_lines([pattern]), codes))
    return tuple(entries)


def configure(catalog: Catalog, settings: Settings) -> RuleSet:
    settings_options = settings.options
    if settings.require_reason:
        settings_options = {**settings_options, "suppression-without-reason": {"required": True}}
    selected = {r.code for s in settings.select for r in catalog.select(s)}
    ignored = {r.code for s in settings.ignore for r in catalog.select(s, include_opt_in=True)}
    severities = {_rule_named(catalog, k, "severity").code: Severity(v) for k, v in settings.severity.items()}
    options: dict[str, dict[str, Any]] = {}
    for name, values in settings_options.items():
        rule = _rule_named(catalog, name, "options")
        for option, value in values.items():
            if option not in rule.options:
                known = ", ".join(rule.options)
                hint = did_you_mean(option, rule.options)
                raise UsageError(Text(f"配置项 options.{rule.slug} 中的“{option}”不是该规则的选项"
                                      f"（{'可用选项：' + known if known else '该规则没有选项'}）{hint.zh}",
                                      f"configuration: rule {rule.slug} has no option {option!r} "
                                      f"(options: {known or 'none'}){hint.en}"))
            options.setdefault(rule.code, {})[option] = _coerce(rule, option, value)
    active = []
    for rule in catalog:
        if rule.always_on or (rule.code in selected and rule.code not in ignored):
            merged = {**rule.option_defaults(), **options.get(rule.code, {})}
            context = Context(options=merged, framework=settings.framework)
            active.append(ActiveRule(rule(), severities.get(rule.code, rule.severity), context))
    known = frozenset(n for r in catalog for n in (r.code.lower(), r.slug))
    return RuleSet(tuple(active), known, _per_file(catalog, settings), settings.base, settings.framework,
                   settings.required_fields)
