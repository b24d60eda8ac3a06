"""Finding the rules: the built-in ones in rules/, plugins' entry points, configured directories."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Iterable

from perflint.engine.rule import Category, Rule, iter_rule_classes
from perflint.errors import UsageError

ENTRY_POINT_GROUP = "perflint.rules"
_CODE = re.compile(r"^[A-Z]{1,5}[0-9]{3}$")
_SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_REQUIRED = ("slug", "category", "severity", "summary", "messages", "doc")


class Catalog:
    """Every known rule, by code; looked up by code, code prefix, slug or category."""

    def __init__(self) -> None:
        self.by_code: dict[str, type[Rule]] = {}
        self._by_slug: dict[str, type[Rule]] = {}
        self._origin: dict[str, str] = {}

    def add(self, rule: type[Rule], origin: str) -> None:
        missing = [name for name in _REQUIRED if not hasattr(rule, name)]
        if missing or not _CODE.match(rule.code) or not _SLUG.match(rule.slug):
            raise UsageError(f"rule {rule.__name__} from {origin} is malformed: code {getattr(rule, 'code', '?')!r}, "
                             f"slug {getattr(rule, 'slug', '?')!r}, missing {missing}")
        if "default" not in rule.messages:
            raise UsageError(f"rule {rule.code} from {origin} has no default message")
        for taken, index in ((rule.code, self.by_code), (rule.slug, self._by_slug)):
            if taken in index and index[taken] is not rule:
                other = self._origin[index[taken].code]
                raise UsageError(f"rule {taken} from {origin} collides with the rule of the same name from {other}")
        self.by_code[rule.code] = rule
        self._by_slug[rule.slug] = rule
        self._origin[rule.code] = origin

    def __iter__(self):
        return iter(sorted(self.by_code.values(), key=lambda r: r.code))

    def get(self, name: str) -> type[Rule] | None:
        return self.by_code.get(name.upper()) or self._by_slug.get(name.lower())

    def select(self, selector: str, include_opt_in: bool = False) -> list[type[Rule]]:
        """Rules matching a selector: ALL, a code, a code prefix, a slug or a category (中文 or English).
        An opt-in rule matches its own code or slug only, unless `include_opt_in` (for ignoring)."""
        token = selector.strip()
        found = self.get(token)
        if found is not None:
            return [found]
        grouped = [r for r in self if include_opt_in or not r.opt_in]  # opt-in rules are selected by name only
        if token.upper() == "ALL":
            return grouped
        for category in Category:
            if token in (category.value, category.english):
                return [r for r in grouped if r.category is category]
        prefixed = [r for r in grouped if r.code.startswith(token.upper())]
        if prefixed:
            return prefixed
        raise UsageError(f"unknown rule selector {selector!r} (not a code, code prefix, slug or category)")


def _add_module(catalog: Catalog, module: ModuleType, origin: str) -> None:
    for rule in iter_rule_classes(vars(module)):
        catalog.add(rule, origin)


def _builtin_modules() -> Iterable[ModuleType]:
    import perflint.rules as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"{package.__name__}.{info.name}")


def _directory_modules(directory: Path) -> Iterable[ModuleType]:
    if not directory.is_dir():
        raise UsageError(f"rules directory {directory} does not exist")
    for path in sorted(directory.glob("*.py")):
        if path.name.startswith("_"):
            continue
        name = f"perflint_local_rules.{directory.name}.{path.stem}"
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise UsageError(f"cannot load rules from {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:  # a broken plugin is a configuration error, not a crash
            raise UsageError(f"cannot load rules from {path}: {exc}") from exc
        yield module


def _entry_point_rules(names: Iterable[str]) -> Iterable[tuple[str, type[Rule]]]:
    """An entry point names a module of rules or a single Rule class."""
    from importlib.metadata import entry_points

    if sys.version_info >= (3, 10):
        found = entry_points(group=ENTRY_POINT_GROUP)
    else:  # pragma: no cover - Python 3.9 returns a dict of groups
        found = entry_points().get(ENTRY_POINT_GROUP, [])
    available = {ep.name: ep for ep in found}
    for name in names:
        if name not in available:
            raise UsageError(f"plugin {name!r} is not installed (no {ENTRY_POINT_GROUP!r} entry point of that name)")
        try:
            loaded = available[name].load()
        except Exception as exc:  # a broken plugin is a configuration error, not a crash
            raise UsageError(f"cannot load plugin {name!r}: {exc}") from exc
        if isinstance(loaded, ModuleType):
            for rule in iter_rule_classes(vars(loaded)):
                yield f"plugin {name}", rule
        elif isinstance(loaded, type) and issubclass(loaded, Rule):
            yield f"plugin {name}", loaded
        else:
            raise UsageError(f"plugin {name!r} names neither a module of rules nor a Rule class")


def load_catalog(plugins: Iterable[str] = (), rules_dirs: Iterable[Path] = ()) -> Catalog:
    """The built-in rules plus only the plugins and directories the configuration names."""
    catalog = Catalog()
    for module in _builtin_modules():
        _add_module(catalog, module, "perflint")
    for origin, rule in _entry_point_rules(plugins):
        catalog.add(rule, origin)
    for directory in rules_dirs:
        for module in _directory_modules(directory):
            _add_module(catalog, module, str(directory))
    return catalog
