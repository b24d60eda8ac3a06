"""Baselines: accept today's findings, report only new ones.

An entry is keyed on the document, the rule, the field's JSON Pointer and the offending value as
written — never on line numbers — so editing elsewhere in a document does not invalidate it. Entries
that no longer match anything are reported, so the baseline only shrinks.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PureWindowsPath
from typing import Iterable

from perflint.atomic_write import replaced_whole
from perflint.errors import UsageError, os_reason
from perflint.findings import Finding
from perflint.load.document import LoadedDocument
from perflint.text import Text

FORMAT_VERSION = 1
_VALUE_LIMIT = 200  # characters of the value kept in a key: enough to tell values apart


@dataclass(frozen=True, order=True)
class Key:
    path: str
    code: str
    pointer: str
    value: str


def relative_path(path: str, base: Path) -> str:
    """The document's path as the baseline stores it: relative to the baseline's folder, with /."""
    try:
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def value_at(loaded: LoadedDocument, finding: Finding) -> str:
    """The text of the finding's span as written, or the pointer's value for forms without lines."""
    if finding.label or not loaded.lines or not finding.pointer:
        return ""
    lines = loaded.lines[finding.line - 1: finding.end_line]
    if not lines:
        return ""
    if len(lines) == 1:
        return lines[0][finding.column - 1: finding.end_column - 1][:_VALUE_LIMIT]
    text = "\n".join([lines[0][finding.column - 1:], *lines[1:-1], lines[-1][: finding.end_column - 1]])
    return text[:_VALUE_LIMIT]


def keys_of(loaded: LoadedDocument, findings: Iterable[Finding], base: Path) -> list[Key]:
    path = relative_path(loaded.path, base)
    return [Key(path, f.code, f.pointer, value_at(loaded, f)) for f in findings]


def write_baseline(target: Path, keys: Iterable[Key]) -> int:
    counted = Counter(keys)
    entries = [{"path": k.path, "code": k.code, "pointer": k.pointer, "value": k.value, "count": n}
               for k, n in sorted(counted.items())]
    try:
        with replaced_whole(str(target), text=True) as out:
            out.write(json.dumps({"version": FORMAT_VERSION, "entries": entries}, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:
        raise unwritable_baseline(target, exc) from exc
    return sum(counted.values())


def unwritable_baseline(target: Path, exc: OSError) -> UsageError:
    reason = os_reason(exc)
    return UsageError(Text(f"无法写入基线文件 {target}：{reason.zh}", f"cannot write baseline {target}: {reason.en}"))


def _kept_path(written: str, base: Path) -> str:
    """An entry's document path relative to the baseline's folder. An absolute one (a baseline written by
    hand, or by another tool) is made relative when the document is inside that folder; outside it,
    nothing could ever match, which is said rather than passed over in silence."""
    foreign = PureWindowsPath(written).is_absolute() and not os.path.isabs(written)  # C:\… read on POSIX
    if not foreign and not os.path.isabs(written):
        return written
    kept = "" if foreign else relative_path(written, base)
    if foreign or kept.startswith("../"):
        raise ValueError(f"entry path {written!r} is absolute and outside the baseline's folder {base}, so it "
                         f"can never match; write the baseline again with --write-baseline")
    return kept


@lru_cache(maxsize=4)
def _read(path: Path, mtime: float) -> dict[str, Counter]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {FORMAT_VERSION}")
        by_path: dict[str, Counter] = {}
        for entry in data["entries"]:
            key = Key(_kept_path(entry["path"], path.parent), entry["code"], entry["pointer"], entry["value"])
            by_path.setdefault(key.path, Counter())[key] += int(entry.get("count", 1))
        return by_path
    except OSError as exc:
        raise _unreadable(path, os_reason(exc)) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # JSON of another shape: [], {"entries": 3}
        raise _unreadable(path, Text(f"格式不对（{exc}）", f"not a baseline file ({exc})")) from exc


def read_baseline(path: Path) -> dict[str, Counter]:
    """The baseline's entries, by document path (read once per process)."""
    try:
        return _read(path.resolve(), path.stat().st_mtime)
    except OSError as exc:
        raise _unreadable(path, os_reason(exc)) from exc


def _unreadable(path: Path, reason: Text) -> UsageError:
    return UsageError(Text(f"无法读取基线文件 {path}：{reason.zh}", f"cannot read baseline {path}: {reason.en}"))


def subtract(findings: list[Finding], keys: list[Key], accepted: Counter) -> tuple[list[Finding], list[Key]]:
    """The findings the baseline does not accept, and the baseline's entries nothing matched."""
    left = Counter(accepted)
    new = []
    for finding, key in zip(findings, keys):
        if left[key] > 0:
            left[key] -= 1
        else:
            new.append(finding)
    stale = sorted(key for key, count in left.items() for _ in range(count))
    return new, stale
