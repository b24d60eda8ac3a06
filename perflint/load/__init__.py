"""Load: from paths on disk (or standard input) to `LoadedDocument`s."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Iterator, Optional

from perflint.errors import os_reason
from perflint.load.document import LoadedDocument
from perflint.load.problems import Problem
from perflint.location import SourceMap

# Suffix → "module:function" reading bytes into a LoadedDocument; imported only when needed.
READERS = {
    ".yaml": "perflint.load.yaml_reader:read_yaml",
    ".yml": "perflint.load.yaml_reader:read_yaml",
    ".txt": "perflint.load.text_reader:read_text",
    ".md": "perflint.load.text_reader:read_text",
    ".docx": "perflint.load.docx_reader:read_docx",
    ".xlsx": "perflint.load.xlsx_reader:read_xlsx",
    ".xls": "perflint.load.xls_reader:read_xls",
    ".pdf": "perflint.load.pdf_reader:read_pdf",
    ".doc": "perflint.load.legacy:read_legacy_word",
    ".wps": "perflint.load.legacy:read_legacy_word",
}
# What a directory is searched for. Text and Markdown files are read only when named: a
# repository's README.md or notes.txt is not a budget document.
DOCUMENT_SUFFIXES = (".yaml", ".yml", ".docx", ".xlsx", ".xls", ".pdf", ".doc", ".wps")
STDIN = "-"


def iter_paths(paths: list[str], exclude: tuple[str, ...] = (), base: Optional[Path] = None) -> Iterator[str]:
    """Each file named, and every document in each directory named (recursively, sorted), except
    hidden directories and what the gitignore-style `exclude` patterns (relative to `base`) match.
    A file named explicitly is always checked."""
    excluded = exclusion(exclude, base or Path.cwd())
    for name in paths:
        if name != STDIN and os.path.isdir(name):
            found = []
            for root, dirs, files in os.walk(name):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(root, d), True))
                # ~$… files are the lock files Office leaves beside an open document.
                found.extend(os.path.join(root, f) for f in files if f.lower().endswith(DOCUMENT_SUFFIXES)
                             and not f.startswith("~$") and not excluded(os.path.join(root, f), False))
            yield from sorted(found)
        else:
            yield name


def exclusion(patterns: tuple[str, ...], base: Path):
    if not patterns:
        return lambda path, is_dir: False
    from pathspec import GitIgnoreSpec

    spec = GitIgnoreSpec.from_lines(patterns)
    root = os.path.abspath(base)

    def excluded(path: str, is_dir: bool) -> bool:
        relative = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
        return spec.match_file(relative + "/" if is_dir else relative)

    return excluded


def load_bytes(data: bytes, path: str) -> LoadedDocument:
    """Read with the reader for the file's suffix; YAML for anything else (and standard input)."""
    target = READERS.get(os.path.splitext(path)[1].lower(), READERS[".yaml"])
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)(data, path)


MAX_FILE_SIZE = 10 * 1024 * 1024


def _unreadable(path: str, problem: Problem) -> LoadedDocument:
    return LoadedDocument(path, None, SourceMap(), [], [problem])


def read_source(path: str, stdin: bytes | None = None, max_size: int = MAX_FILE_SIZE) -> bytes | LoadedDocument:
    """The file's bytes, or a document holding only the reason they cannot be read (or are too many)."""
    if path == STDIN:
        data = stdin or b""
    else:
        try:
            with open(path, "rb") as handle:
                # Read one byte past the limit: enough to know, without reading a huge file whole.
                data = handle.read(max_size + 1)
        except OSError as exc:
            return _unreadable(path, Problem("unreadable-file", args={"reason": os_reason(exc)}))
    if len(data) > max_size:
        if path == STDIN:  # read only up to the limit: its size is not known
            return _unreadable(path, Problem("file-too-large", message="stdin", args={"limit": max_size}))
        return _unreadable(path, Problem("file-too-large", args={"size": os.path.getsize(path), "limit": max_size}))
    return data


def load_path(path: str, stdin: bytes | None = None, max_size: int = MAX_FILE_SIZE) -> LoadedDocument:
    source = read_source(path, stdin, max_size)
    return source if isinstance(source, LoadedDocument) else load_bytes(source, path)
