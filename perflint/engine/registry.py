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
from perflint.errors import UsageError, did_you_mean
from perflint.text import Text

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
            code, slug = getattr(rule, "code", "?"), getattr(rule, "slug", "?")
            raise UsageError(Text(f"{origin} 中的规则 {rule.__name__} 不完整：代码“{code}”，名称“{slug}”，缺少 {missing}",
                                  f"rule {rule.__name__} from {origin} is malformed: code {code!r}, slug {slug!r}, "
                                  f"missing {missing}"))
        if "default" not in rule.messages:
            raise UsageError(Text(f"{origin} 中的规则 {rule.code} 没有 default 消息",
                                  f"rule {rule.code} from {origin} has no default message"))
        for taken, index in ((rule.code, self.by_code), (rule.slug, self._by_slug)):
            if taken in index and index[taken] is not rule:
                other = self._origin[index[taken].code]
                raise UsageError(Text(f"{origin} 中的规则 {taken} 与 {other} 中的同名规则冲突",
                                      f"rule {taken} from {origin} collides with the rule of the same name from "
                                      f"{other}"))
        self.by_code[rule.code] = rule
        self._by_slug[rule.slug] = rule
        self._origin[rule.code] = origin

    def __iter__(self):
        return iter(sorted(self.by_code.values(), key=lambda r: r.code))

    def names(self) -> list[str]:
        """Every code and slug, lower-cased: what a misspelt rule name is compared with."""
        return [n for r in self.by_code.values() for n in (r.code.lower(), r.slug)]

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
        hint = did_you_mean(token.lower(), self.names())
        raise UsageError(Text(f"“{selector}”不是规则代码、代码前缀、规则名称或审核维度{hint.zh}",
                              f"unknown rule selector {selector!r} (not a code, code prefix, slug or "
                              f"category){hint.en}"))


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
        raise UsageError(Text(f"规则目录 {directory} 不存在", f"rules directory {directory} does not exist"))
    for path in sorted(directory.glob("*.py")):
        if path.name.startswith("_"):
            continue
        name = f"perflint_local_rules.{directory.name}.{path.stem}"
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise UsageError(Text(f"无法加载规则文件 {path}", f"cannot load rules from {path}"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:  # a broken plugin is a configuration error, not a crash
            raise UsageError(Text(f"无法加载规则文件 {path}：{exc}", f"cannot load rules from {path}: {exc}")) from exc
        yield module


def _entry_point_rules(names: Iterable[str]) -> Iterable[tuple[str, type[Rule]]]:
    """An entry point names a module of rules or a single Rule class. A module's rules may be defined
    in it or in its submodules and re-exported (`from .titles import TitleRequired`); a plugin that
    provides no rule at all is an error, not a silent no-op."""
    from importlib.metadata import entry_points

    if sys.version_info >= (3, 10):
        found = entry_points(group=ENTRY_POINT_GROUP)
    else:  # pragma: no cover - Python 3.9 returns a dict of groups
        found = entry_points().get(ENTRY_POINT_GROUP, [])
    available = {ep.name: ep for ep in found}
    for name in names:
        if name not in available:
            hint = did_you_mean(name, available)
            raise UsageError(Text(f"插件“{name}”未安装（没有名为 {name} 的 {ENTRY_POINT_GROUP} 入口点）{hint.zh}",
                                  f"plugin {name!r} is not installed (no {ENTRY_POINT_GROUP!r} entry point of that "
                                  f"name){hint.en}"))
        try:
            loaded = available[name].load()
        except Exception as exc:  # a broken plugin is a configuration error, not a crash
            raise UsageError(Text(f"无法加载插件“{name}”：{exc}", f"cannot load plugin {name!r}: {exc}")) from exc
        if isinstance(loaded, ModuleType):
            rules = list(iter_rule_classes(vars(loaded), include_submodules=True))
        elif isinstance(loaded, type) and issubclass(loaded, Rule):
            rules = [loaded]
        else:
            raise UsageError(Text(f"插件“{name}”指向的既不是规则模块也不是规则类",
                                  f"plugin {name!r} names neither a module of rules nor a Rule class"))
        if not rules:
            target = available[name].value
            raise UsageError(Text(f"插件“{name}”（{target}）没有提供任何规则：其中没有定义或导入带 code 的 Rule 子类",
                                  f"plugin {name!r} ({target}) provides no rules: it neither defines nor imports a "
                                  f"Rule subclass with a code"))
        for rule in rules:
            yield f"plugin {name}", rule


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
