"""Files a report writes into a directory (`--format docx -o DIR`): the directory, and names for the files
that are safe on Windows whatever a document calls its department."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Optional

from perflint.errors import UsageError

# Not allowed in a Windows file name: <>:"/\|?* and control characters; a name must not end in a dot or a
# space, and must not be a device name (CON, NUL, COM1 …), with or without an extension.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]')
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            *(f"COM{i}" for i in "123456789¹²³"), *(f"LPT{i}" for i in "123456789¹²³")}
# Characters of a name's stem kept at most: far inside the 255 a file system allows, with room for the
# directory in the 260 of Windows' classic path limit.
STEM_LENGTH = 80


def safe_stem(name: Optional[str], fallback: str, prefix: str = "") -> str:
    """A file name stem, `prefix` and `name`, that every common file system accepts; `fallback` stands for a
    name of which nothing is left."""
    text = unicodedata.normalize("NFC", name or "")
    text = _FORBIDDEN.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = text[:STEM_LENGTH].rstrip(". ")
    text = text.lstrip(".")  # no hidden files, no "." or ".."
    if not text.strip("_ "):
        text = fallback
    text = prefix + text
    if text.split(".")[0].upper().rstrip(" ") in _DEVICES:
        text = "_" + text
    return text


def unique_name(stem: str, suffix: str, taken: set) -> str:
    """`stem + suffix`, numbered (-2, -3 …) when a name equal to it but for case is taken: Windows and
    macOS do not tell such names apart."""
    name, n = stem + suffix, 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}-{n}{suffix}"
    taken.add(name.casefold())
    return name


def output_directory(path: Optional[str], fmt: str, lang: str) -> Path:
    """The directory a format that writes one file per department writes into: `--output` must name one
    (it is made when it does not exist yet)."""
    zh = lang != "en"
    if path is None:
        raise UsageError(f"--format {fmt} 为每个部门写一个文件：请用 -o/--output 指定输出目录" if zh else
                         f"--format {fmt} writes one file per department: name a directory with -o/--output")
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise UsageError(f"--format {fmt} 的 -o/--output 应为目录，而 {path} 是文件" if zh else
                         f"--format {fmt} needs -o/--output to name a directory, and {path} is a file")
    if not target.exists() and target.suffix.lower() == f".{fmt}":
        raise UsageError(f"--format {fmt} 的 -o/--output 应为目录（每个部门一个 .{fmt} 文件），而不是文件名 {path}" if zh
                         else f"--format {fmt} needs -o/--output to name a directory (one .{fmt} file per "
                              f"department), not a file name such as {path}")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"无法创建输出目录 {path}：{reason}" if zh else
                         f"cannot make the output directory {path}: {reason}") from exc
    if not os.access(target, os.W_OK):
        raise UsageError(f"输出目录 {path} 不可写" if zh else f"the output directory {path} is not writable")
    return target


def not_walked(directory: Path, base: Path) -> tuple[str, ...]:
    """An exclude pattern (gitignore-style, relative to `base`) for the output directory, so that a second
    run over a folder holding it does not read the opinions it wrote as documents to check."""
    relative = os.path.relpath(os.path.abspath(directory), os.path.abspath(base)).replace(os.sep, "/")
    if relative == "." or relative.startswith("../") or relative == "..":
        return ()  # the directory is not below the base, where patterns cannot name it
    escaped = re.sub(r"([\\\[\]*?!#])", r"\\\1", relative)
    return (f"/{escaped}/",)
