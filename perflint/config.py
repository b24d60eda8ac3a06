"""Configuration: `[tool.perflint]` in pyproject.toml, or perflint.toml, found from a directory upwards.

```toml
[tool.perflint]
select = ["ALL"]            # codes, code prefixes, slugs or categories
ignore = ["PF501"]
fail-on = "warning"         # error | warning | info
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
from perflint.errors import UsageError
from perflint.findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on older interpreters only
    import tomli as tomllib

CONFIG_FILES = ("perflint.toml", ".perflint.toml", "pyproject.toml")
COMMAND_LINE = "command line"
DEFAULT = "default"
LANGS = ("zh", "en")
SEVERITIES = tuple(s.value for s in Severity)


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
    max_file_size: int = 10 * 1024 * 1024
    time_budget: float = 60.0  # seconds to check one document; past it the document is an error finding
    baseline: Optional[Path] = None  # command line only: accept the findings recorded there
    write_baseline: Optional[Path] = None  # command line only: record the findings' baseline keys there
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
        _check_choice("fail-on", given.get("fail_on", self.fail_on), SEVERITIES)
        _check_choice("lang", given.get("lang", self.lang), LANGS)
        return replace(self, **given, origins={**self.origins, **{k: COMMAND_LINE for k in given}})

    def origin(self, name: str) -> str:
        return self.origins.get(name, DEFAULT)


def _check_choice(key: str, value: Any, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise UsageError(f"configuration: {key} must be one of {', '.join(choices)}, not {value!r}")


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise UsageError(f"configuration: {key} must be a list of strings")


def _table(key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise UsageError(f"configuration: {key} must be a table")
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
            _check_choice(key, value, SEVERITIES)
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
                raise UsageError("configuration: max-file-size must be a positive number of bytes")
            values["max_file_size"] = value
        elif key in ("required-fields", "form-profile"):
            values["required_fields"] = tuple(dict.fromkeys((*values.get("required_fields", ()),
                                                             *_required_fields(key, value))))
        elif key == "time-budget":
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value < 86400:
                raise UsageError("configuration: time-budget must be a number of seconds between 0 and 86400")
            values["time_budget"] = float(value)
        elif key == "cache-dir":
            if not isinstance(value, str) or not value:
                raise UsageError("configuration: cache-dir must be a directory name")
            values["cache_dir"] = base / value
        elif key == "require-reason":
            if not isinstance(value, bool):
                raise UsageError("configuration: require-reason must be true or false")
            values["require_reason"] = value
        else:
            raise UsageError(f"configuration {path or ''}: unknown key {key!r}")
    origin = str(path) if path else DEFAULT
    values["origins"] = {name: origin for name in values if name != "path"}
    return Settings(**values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read configuration {path}: {exc}") from exc


def _perflint_table(path: Path) -> Optional[dict[str, Any]]:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("perflint")
    return data.get("tool", {}).get("perflint", data)


def find_config(start: Path) -> Optional[Path]:
    """The closest perflint.toml, .perflint.toml or pyproject.toml with a [tool.perflint] table."""
    for directory in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and _perflint_table(candidate) is not None:
                return candidate
    return None


def load_settings(config: Optional[Path] = None, start: Optional[Path] = None) -> Settings:
    path = config if config is not None else find_config(start or Path.cwd())
    if path is None:
        return Settings()
    if not path.is_file():
        raise UsageError(f"configuration file {path} does not exist")
    table = _perflint_table(path)
    return parse_settings(table or {}, path)
