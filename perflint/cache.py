"""A result cache, as ruff and mypy keep one: a document already checked is not checked again.

A result is kept under a key made of the document's bytes and path, the effective settings, the rules
that run (with the files of any rule directory or plugin) and perflint itself (its version and the
files it is installed as, so that a changed rule in a development install is never trusted). Each
result is one small JSON file written to a temporary name and renamed into place, so several processes
may fill the same cache at once: a reader sees a whole result or none. A result that cannot be read is
a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import asdict, fields
from pathlib import Path
from typing import Optional

from perflint import __version__
from perflint.config import Settings
from perflint.engine.configure import RuleSet
from perflint.findings import Finding, Replacement, Severity
from perflint.report.base import DocumentResult

DEFAULT_DIRECTORY = ".perflint_cache"
# Settings that do not change a document's findings (how they are shown, where they go, the cache itself).
# A result's fields that are not kept: its path (the reader's name for the file, given again on reading)
# and the baseline keys (no cache is used with a baseline).
_NOT_KEPT = {"path", "findings", "baseline_keys"}
# Fields JSON cannot give back as they were: the source lines are keyed by line number.
_DECODE = {"source": lambda lines: {int(number): text for number, text in lines.items()}}
_NOT_IN_KEY = {"path", "origins", "baseline", "write_baseline", "fail_on", "cache_dir", "use_cache"}


def _package_fingerprint() -> str:
    """perflint's version and the size and time of every file it is installed as (its rules and grammar
    included, wherever a development install keeps them)."""
    import importlib.util

    digest = hashlib.sha256(__version__.encode())
    roots = {Path(location) for name in ("perflint", "perflint.rules", "perflint.grammar")
             for location in (importlib.util.find_spec(name).submodule_search_locations or ())}
    for root in sorted(roots):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".yaml", ".lark") and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _rules_fingerprint(settings: Settings, rules: RuleSet) -> str:
    digest = hashlib.sha256()
    for active in rules.active:
        module = sys.modules.get(type(active.rule).__module__)
        source = getattr(module, "__file__", None)
        stamp = os.stat(source).st_mtime_ns if source and os.path.exists(source) else 0
        digest.update(f"{active.rule.code}:{active.severity.value}:{sorted(active.context.options.items())}:"
                      f"{source}:{stamp}".encode())
    chosen = {f.name: getattr(settings, f.name) for f in fields(settings) if f.name not in _NOT_IN_KEY}
    digest.update(repr(sorted(chosen.items(), key=lambda item: item[0])).encode())
    return digest.hexdigest()


def finding_record(finding: Finding) -> dict:
    """A finding as plain JSON (its path is the document's, kept apart)."""
    record = asdict(finding)
    del record["path"]
    record["severity"] = finding.severity.value
    return record


def finding_from_record(record: dict, path: str) -> Finding:
    return Finding(**{**record, "path": path, "severity": Severity(record["severity"]),
                      "fix": tuple(Replacement(**r) for r in record["fix"])})


def result_record(result: DocumentResult) -> dict:
    """A result as plain JSON, without its path (the reader's name for the file) and baseline keys."""
    record = {f.name: getattr(result, f.name) for f in fields(DocumentResult) if f.name not in _NOT_KEPT}
    record["findings"] = [finding_record(f) for f in result.findings]
    return record


def result_from_record(record: dict, path: str) -> DocumentResult:
    findings = tuple(finding_from_record(f, path) for f in record.pop("findings"))
    for name, decode in _DECODE.items():
        record[name] = decode(record[name])
    return DocumentResult(path=path, findings=findings, **record)


class ResultCache:
    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.root = directory
        self.directory = directory / "v1"
        self.fingerprint = fingerprint
        self._marked = False

    @classmethod
    def for_run(cls, settings: Settings, rules: RuleSet) -> Optional["ResultCache"]:
        """The cache of this run, or None when it is off (--no-cache) or when a baseline is involved (its
        findings depend on a file the key does not cover)."""
        if not settings.use_cache or settings.baseline or settings.write_baseline:
            return None
        return cls(settings.cache_dir or settings.base / DEFAULT_DIRECTORY,
                   hashlib.sha256((_package_fingerprint() + _rules_fingerprint(settings, rules)).encode()).hexdigest())

    def key(self, path: str, data: bytes) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(os.path.abspath(path).encode("utf-8", "surrogateescape"))  # per-file-ignores, labels
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> Optional[DocumentResult]:
        try:
            return result_from_record(json.loads(self._file(key).read_text("utf-8")), path)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result: DocumentResult) -> None:
        record = result_record(result)
        target = self._file(key)
        try:
            if not self._marked:
                self._mark()
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(record, out, ensure_ascii=False)
            os.replace(temporary, target)
        except OSError:
            pass  # a cache that cannot be written only makes the next run slower


    def _mark(self) -> None:
        """As ruff does: the cache ignores itself in git, and tells backup tools it can be left out."""
        self.root.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# Created by perflint: its result cache.\n*\n"),
                           ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                            "# This file is a cache directory tag created by perflint.\n")):
            if not (self.root / name).exists():
                (self.root / name).write_text(text, encoding="utf-8")
        self._marked = True


def clean(settings: Settings) -> Optional[Path]:
    """Remove the cache directory; the directory removed, or None when there was none."""
    import shutil

    target = settings.cache_dir or settings.base / DEFAULT_DIRECTORY
    if not target.is_dir():
        return None
    shutil.rmtree(target)
    return target
