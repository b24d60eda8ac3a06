"""`perflint config`: the effective settings, each with where it came from."""

from __future__ import annotations

from typing import Any

from perflint.config import Settings

_FIELDS = ("select", "ignore", "severity", "options", "per_file_ignores", "exclude", "fail_on", "lang",
           "framework", "rules_dirs", "plugins", "require_reason", "max_file_size")


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


def settings_table(settings: Settings) -> str:
    from tabulate import tabulate

    data = settings_json(settings)
    rows = [(name, _show(entry["value"]), entry["source"]) for name, entry in data["settings"].items()]
    header = f"configuration file: {data['file'] or '(none found)'}"
    return header + "\n" + tabulate(rows, headers=("setting", "value", "source"), tablefmt="simple")


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "[]"
    if isinstance(value, dict):
        return "; ".join(f"{k} = {_show(v)}" for k, v in value.items()) or "{}"
    return str(value).lower() if isinstance(value, bool) else str(value)
