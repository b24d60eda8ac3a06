"""`perflint config`: the effective settings, each with where it came from.

The JSON keeps machine words (`default`, `command line`); the table is in the user's language."""

from __future__ import annotations

from typing import Any

from perflint.config import COMMAND_LINE, DEFAULT, Settings
from perflint.text import Text

_FIELDS = ("select", "ignore", "severity", "options", "per_file_ignores", "exclude", "force_exclude", "fail_on",
           "lang", "framework", "rules_dirs", "plugins", "require_reason", "required_fields", "max_file_size")
_WORDS = {
    "file": Text("配置文件", "configuration file"),
    "none": Text("（未找到）", "(none found)"),
    "headers": Text("配置项\t值\t来源", "setting\tvalue\tsource"),
    DEFAULT: Text("默认值", "default"),
    COMMAND_LINE: Text("命令行", "command line"),
}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def settings_json(settings: Settings) -> dict[str, Any]:
    return {
        "file": str(settings.path) if settings.path else None,
        "settings": {name.replace("_", "-"): {"value": _plain(getattr(settings, name)),
                                              "source": settings.origin(name)} for name in _FIELDS},
    }


def settings_table(settings: Settings, lang: str = "zh") -> str:
    from tabulate import tabulate

    data = settings_json(settings)
    rows = [(name, _show(entry["value"]), _source(entry["source"], lang))
            for name, entry in data["settings"].items()]
    header = f"{_WORDS['file'].get(lang)}: {data['file'] or _WORDS['none'].get(lang)}"
    headers = _WORDS["headers"].get(lang).split("\t")
    return header + "\n" + tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def _source(source: str, lang: str) -> str:
    word = _WORDS.get(source)
    return word.get(lang) if word is not None else source


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "[]"
    if isinstance(value, dict):
        return "; ".join(f"{k} = {_show(v)}" for k, v in value.items()) or "{}"
    return str(value).lower() if isinstance(value, bool) else str(value)
