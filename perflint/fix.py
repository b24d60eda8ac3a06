"""`perflint check --fix` / `--diff`: apply the safe fixes rules offer, to the YAML text itself.

Only the characters a fix names change, so comments, key order and layout stay as they were. A
file that does not parse is never touched; a fixed text must parse again and keep every number it
had, or it is not written. Files are replaced atomically.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
from dataclasses import dataclass
from typing import Iterable

import yaml

from perflint.atomic_write import replaced_whole
from perflint.engine.configure import RuleSet
from perflint.engine.runner import lint
from perflint.errors import os_reason
from perflint.findings import Finding, Replacement, Severity
from perflint.load import STDIN, load_bytes, load_path
from perflint.text import Text

_NUMBERS = re.compile(r"\d+(?:\.\d+)?")
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_UTF8_BOM = b"\xef\xbb\xbf"
FIXABLE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FixResult:
    path: str
    before: str
    after: str
    applied: int

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self) -> str:
        return "".join(difflib.unified_diff(self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
                                            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


def _offsets(text: str) -> list[int]:
    """The index in `text` where each line (1-based) starts."""
    starts = [0, 0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def apply_replacements(text: str, replacements: Iterable[Replacement]) -> tuple[str, int]:
    """The text with each replacement made inside its span; overlapping ones after the first are dropped."""
    starts = _offsets(text)
    edits = []
    for r in replacements:
        if r.line >= len(starts) or r.end_line >= len(starts):
            continue
        begin, end = starts[r.line] + r.column - 1, starts[r.end_line] + r.end_column - 1
        found = text.find(r.old, begin, end)
        if found >= 0 and r.old != r.new:
            edits.append((found, found + len(r.old), r.new))
    applied, last = 0, len(text) + 1
    for begin, end, new in sorted(set(edits), reverse=True):
        if end > last:
            continue
        text = text[:begin] + new + text[end:]
        last = begin
        applied += 1
    return text, applied


def _unfixable(findings: list[Finding]) -> bool:
    """A document the loader could not read cleanly is not touched."""
    return any(f.code.startswith("PF0") and f.severity is Severity.ERROR for f in findings)


def fix_file(path: str, rules: RuleSet, lang: str, max_size: int) -> FixResult:
    if not path.lower().endswith(FIXABLE_SUFFIXES):
        return FixResult(path, "", "", 0)
    return _fix_loaded(load_path(path, max_size=max_size), rules, lang)


def fix_bytes(data: bytes, path: str, rules: RuleSet, lang: str) -> FixResult:
    """Fix a document given as bytes (standard input); `path` names it, and its suffix says how to read it
    (YAML unless it names another form, which is not fixed)."""
    if path != STDIN and not path.lower().endswith(FIXABLE_SUFFIXES):
        return FixResult(path, "", "", 0)
    return _fix_loaded(load_bytes(data, path), rules, lang)


def _fix_loaded(loaded, rules: RuleSet, lang: str) -> FixResult:
    path = loaded.path
    findings = lint(loaded, rules, lang)
    # Legacy encodings are left alone too: writing them back as UTF-8 would change every byte.
    if loaded.document is None or loaded.text is None or _unfixable(findings) or loaded.problems:
        return FixResult(path, "", "", 0)
    before = loaded.text
    replacements = [r for f in findings for r in f.fix]
    after, applied = apply_replacements(before, replacements)
    if after != before and not _safe(before, after, path):
        # One edit spoiled the text (a value that became YAML syntax, such as a bare "="): keep the others.
        after, applied = before, 0
        for replacement in replacements:
            candidate, count = apply_replacements(after, [replacement])
            if count and _safe(before, candidate, path):
                after, applied = candidate, applied + count
    return FixResult(path, before, after, applied)


def _safe(before: str, after: str, path: str) -> bool:
    """The fixed text keeps every number, still reads as a document, and any YAML tool reads it."""
    if sorted(_NUMBERS.findall(after)) != sorted(_NUMBERS.findall(before)):
        return False
    check = load_bytes(after.encode("utf-8"), path)
    if check.document is None or check.problems:
        return False
    try:
        yaml.load(after, Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        return False
    return True


class NotWritten(Exception):
    """A fixed text that could not be written; the file is as it was."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


def _encoding(head: bytes) -> tuple[bytes, str]:
    """The BOM and codec a file was written in, to write it back the same way."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"), (_UTF8_BOM, "utf-8")):
        if head.startswith(bom):
            return bom, codec
    return b"", "utf-8"


def write_atomically(path: str, text: str) -> None:
    """Replace the file in one step, keeping its encoding, BOM and permissions: a reader never sees half a
    file. A symbolic link is written through (its target is fixed, the link stays); a file the user may
    not write is left alone — NotWritten says why."""
    target = os.path.realpath(path)
    # A file marked read-only stays so even for a user who could override it (root, the owner).
    if not os.access(target, os.W_OK) or not os.stat(target).st_mode & 0o222:
        raise NotWritten(Text("文件只读，未修改", "the file is read-only; it was not changed"))
    with open(target, "rb") as handle:
        bom, codec = _encoding(handle.read(4))
    try:
        with replaced_whole(target) as out:
            out.write(bom + text.encode(codec))
    except OSError as exc:
        reason = os_reason(exc)
        raise NotWritten(Text(f"写入失败：{reason.zh}", f"writing failed: {reason.en}")) from exc
