"""Configuration: `[tool.perflint]` in pyproject.toml, or perflint.toml, found from a directory upwards.

```toml
[tool.perflint]
select = ["ALL"]            # codes, code prefixes, slugs or categories
ignore = ["PF501"]
fail-on = "warning"         # error | warning | info | never
force-exclude = false       # apply exclude to files named on the command line too (as pre-commit names them)
lang = "zh"                 # zh | en
framework = "auto"          # auto | 2015 | 2021
rules-dirs = ["perflint_rules"]   # directories of extra rule modules
plugins = ["acme"]          # installed `perflint.rules` entry points to load
require-reason = false      # a suppression comment must say why
required-fields = ["basis"] # fields the bureau's form requires, reported per project when a form lacks them
form-profile = "complete"   # or a named set of required fields (perflint/analysis/form_profiles.yaml)
exclude = ["archive/", "*.bak.yaml"]   # gitignore-style; not walked into when checking a directory
max-file-size = 10485760    # bytes; larger files are reported, not read
time-budget = 60            # seconds to check one document; a document that takes longer is an error finding

[tool.perflint.per-file-ignores]  # gitignore-style patterns, relative to this file
"drafts/**" = ["PF201"]

[tool.perflint.severity]
vague-target = "error"

[tool.perflint.options.satisfaction-floor]
floor = 85
```
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

from perflint.engine.context import FRAMEWORKS
from perflint.errors import UsageError, did_you_mean, os_reason
from perflint.findings import Severity
from perflint.text import Text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on older interpreters only
    import tomli as tomllib

CONFIG_FILES = ("perflint.toml", ".perflint.toml", "pyproject.toml")
COMMAND_LINE = "command line"
DEFAULT = "default"
LANGS = ("zh", "en")
SEVERITIES = tuple(s.value for s in Severity)
# What --fail-on accepts: a severity, or never (ruff's --exit-zero).
FAIL_ON = (*SEVERITIES, "never")
KEYS = ("select", "ignore", "plugins", "exclude", "force-exclude", "rules-dirs", "severity", "options", "fail-on",
        "lang", "framework", "per-file-ignores", "max-file-size", "required-fields", "form-profile",
        "require-reason", "time-budget", "cache-dir")


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str = "warning"
    lang: str = "zh"
    framework: str = "auto"
    rules_dirs: tuple[Path, ...] = ()
    plugins: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    # `exclude` also applies to files named on the command line (as pre-commit names them), not only
    # to what a directory holds.
    force_exclude: bool = False
    max_file_size: int = 10 * 1024 * 1024
    time_budget: float = 60.0  # seconds to check one document; past it the document is an error finding
    baseline: Optional[Path] = None  # command line only: accept the findings recorded there
    write_baseline: Optional[Path] = None  # command line only: record the findings' baseline keys there
    show_source: bool = False  # command line only: each finding's results carry the source lines it is on
    require_reason: bool = False
    # Command line only, set by the formats that show findings in place (html, docx): each result carries the
    # document's table view, which the other formats do not pay for.
    document_view: bool = False
    # Reuse the results of documents checked before. `perflint check` turns it on (unless --no-cache); a
    # program calling perflint gets no cache files written behind its back.
    use_cache: bool = False
    cache_dir: Optional[Path] = None  # where results are kept; .perflint_cache beside the configuration by default
    required_fields: tuple[str, ...] = ()  # fields the bureau's form requires, though a document's form may lack them
    path: Optional[Path] = None  # the file these settings came from
    origins: dict[str, str] = field(default_factory=dict)  # setting → the file or "command line" that set it

    @property
    def base(self) -> Path:
        """The directory that relative paths in the settings are relative to."""
        return self.path.parent if self.path else Path.cwd()

    def with_overrides(self, **overrides: Any) -> "Settings":
        """Command-line values win over the file's; None means "not given"."""
        given = {k: v for k, v in overrides.items() if v is not None}
        _check_choice("fail-on", given.get("fail_on", self.fail_on), FAIL_ON)
        _check_choice("lang", given.get("lang", self.lang), LANGS)
        return replace(self, **given, origins={**self.origins, **{k: COMMAND_LINE for k in given}})

    def origin(self, name: str) -> str:
        return self.origins.get(name, DEFAULT)


def _check_choice(key: str, value: Any, choices: tuple[str, ...]) -> None:
    if value not in choices:
        hint = did_you_mean(str(value), choices)
        raise UsageError(Text(f"配置项 {key} 应为 {'、'.join(choices)} 之一，而不是“{value}”{hint.zh}",
                              f"configuration: {key} must be one of {', '.join(choices)}, not {value!r}{hint.en}"))


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise UsageError(Text(f"配置项 {key} 应为字符串列表", f"configuration: {key} must be a list of strings"))


def _table(key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise UsageError(Text(f"配置项 {key} 应为表（[{key}]）", f"configuration: {key} must be a table"))
    return value


def _flag(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise UsageError(Text(f"配置项 {key} 应为 true 或 false", f"configuration: {key} must be true or false"))
    return value


def _required_fields(key: str, value: Any) -> tuple[str, ...]:
    from perflint.analysis.facts import EXPECTED_FIELDS, form_profiles

    if key == "form-profile":
        profiles = form_profiles()
        _check_choice(key, value, tuple(profiles))
        return tuple(profiles[value]["fields"])
    fields = _strings(key, value)
    for name in fields:
        _check_choice(key, name, tuple(EXPECTED_FIELDS))
    return fields


def parse_settings(table: dict[str, Any], path: Optional[Path]) -> Settings:
    """Validate the `[tool.perflint]` table; an unknown key is an error that names it."""
    base = path.parent if path else Path.cwd()
    values: dict[str, Any] = {"path": path}
    for key, value in table.items():
        if key in ("select", "ignore", "plugins", "exclude"):
            values[key] = _strings(key, value)
        elif key == "rules-dirs":
            values["rules_dirs"] = tuple(base / d for d in _strings(key, value))
        elif key == "severity":
            for rule, level in _table(key, value).items():
                _check_choice(f"severity.{rule}", level, SEVERITIES)
            values["severity"] = dict(value)
        elif key == "options":
            values["options"] = {rule: dict(_table(f"options.{rule}", opts))
                                 for rule, opts in _table(key, value).items()}
        elif key == "fail-on":
            _check_choice(key, value, FAIL_ON)
            values["fail_on"] = value
        elif key == "lang":
            _check_choice(key, value, LANGS)
            values["lang"] = value
        elif key == "framework":
            _check_choice(key, str(value), FRAMEWORKS)
            values["framework"] = str(value)
        elif key == "per-file-ignores":
            values["per_file_ignores"] = {pattern: _strings(f"per-file-ignores.{pattern}", selectors)
                                          for pattern, selectors in _table(key, value).items()}
        elif key == "max-file-size":
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise UsageError(Text("配置项 max-file-size 应为正整数（字节数）",
                                      "configuration: max-file-size must be a positive number of bytes"))
            values["max_file_size"] = value
        elif key in ("required-fields", "form-profile"):
            values["required_fields"] = tuple(dict.fromkeys((*values.get("required_fields", ()),
                                                             *_required_fields(key, value))))
        elif key == "time-budget":
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value < 86400:
                raise UsageError(Text("配置项 time-budget 应为 0 到 86400 之间的秒数",
                                      "configuration: time-budget must be a number of seconds between 0 and 86400"))
            values["time_budget"] = float(value)
        elif key == "cache-dir":
            if not isinstance(value, str) or not value:
                raise UsageError(Text("配置项 cache-dir 应为目录名", "configuration: cache-dir must be a directory name"))
            values["cache_dir"] = base / value
        elif key in ("require-reason", "force-exclude"):
            values[key.replace("-", "_")] = _flag(key, value)
        else:
            hint = did_you_mean(key, KEYS)
            where = f" {path}" if path else ""
            raise UsageError(Text(f"配置文件{where}中有未知的配置项“{key}”{hint.zh}",
                                  f"configuration{where}: unknown key {key!r}{hint.en}"))
    origin = str(path) if path else DEFAULT
    values["origins"] = {name: origin for name in values if name != "path"}
    return Settings(**values)


def _read_toml(path: Path, data: Optional[bytes] = None) -> dict[str, Any]:
    try:
        if data is None:
            data = path.read_bytes()
        return tomllib.loads(data.decode("utf-8"))
    except OSError as exc:
        reason = os_reason(exc)
        raise UsageError(Text(f"无法读取配置文件 {path}：{reason.zh}",
                              f"cannot read configuration {path}: {reason.en}")) from exc
    except UnicodeDecodeError as exc:
        raise UsageError(Text(f"配置文件 {path} 不是 UTF-8 编码（第 {exc.start + 1} 个字节）",
                              f"configuration {path} is not UTF-8 (byte {exc.start + 1})")) from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(Text(f"配置文件 {path} 不是有效的 TOML：{exc}",
                              f"configuration {path} is not valid TOML: {exc}")) from exc


def _perflint_table(path: Path, data: Optional[bytes] = None) -> Optional[dict[str, Any]]:
    """The [tool.perflint] table (for perflint.toml, the whole file when it has none), or None."""
    document = _read_toml(path, data)
    tool = document.get("tool")
    table = tool.get("perflint") if isinstance(tool, dict) else None
    if table is None and path.name != "pyproject.toml":
        table = document
    if table is not None and not isinstance(table, dict):
        raise UsageError(Text(f"配置文件 {path} 中的 tool.perflint 应为表（[tool.perflint]）",
                              f"configuration {path}: tool.perflint must be a table ([tool.perflint])"))
    return table


def find_config(start: Path) -> Optional[Path]:
    """The closest perflint.toml, .perflint.toml or pyproject.toml with a [tool.perflint] table. As ruff
    does, the search stops at the first that counts: a pyproject.toml that never mentions perflint is
    passed over unread, so an unrelated broken one cannot stop every run."""
    for directory in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                data = candidate.read_bytes()
            except OSError:
                continue  # an unreadable pyproject.toml of some other project is not ours to report
            if b"perflint" in data and _perflint_table(candidate, data) is not None:
                return candidate
    return None


def load_settings(config: Optional[Path] = None, start: Optional[Path] = None) -> Settings:
    path = config if config is not None else find_config(start or Path.cwd())
    if path is None:
        return Settings()
    if not path.is_file():
        raise UsageError(Text(f"配置文件 {path} 不存在", f"configuration file {path} does not exist"))
    table = _perflint_table(path)
    return parse_settings(table or {}, path)


def preferred_lang(config: Optional[Path] = None, given: Optional[str] = None) -> str:
    """The language for help and for errors met before the settings are read: the one given on the
    command line, else the configuration's (read leniently: the error being reported may be in it),
    else Chinese."""
    if given in LANGS:
        return given
    try:
        path = config if config is not None else find_config(Path.cwd())
        table = _perflint_table(path) if path is not None and path.is_file() else None
    except UsageError:
        return "zh"
    lang = (table or {}).get("lang")
    return lang if lang in LANGS else "zh"
