"""Where a report goes: standard output, or the file named by --output, written whole or not at all.

A report file is written under a temporary name beside it and renamed into place once complete, so a
run that fails half way (a full disk, an interrupted batch) leaves the previous report, never half of
one, and a reader never sees a file being written. A device or a pipe named by --output (/dev/null,
/dev/full, a FIFO) has no "beside": it is written directly. Any failure to write is a usage error that
names the file and the reason, in the user's language.
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import contextmanager, nullcontext
from typing import IO, Iterator, Optional, Sequence

from perflint.atomic_write import replaced_whole
from perflint.errors import UsageError, os_reason
from perflint.text import Text


def _unwritable(path: str, exc: OSError) -> UsageError:
    reason = os_reason(exc)
    return UsageError(Text(f"无法写入 {path}：{reason.zh}", f"cannot write {path}: {reason.en}"))


def refuse_inputs(path: Optional[str], inputs: Sequence[str]) -> None:
    """--output must not name a document being checked: the report would replace it."""
    if path is None or not os.path.exists(path):
        return
    for name in inputs:
        try:
            same = os.path.samefile(path, name)
        except OSError:
            continue
        if same:
            raise UsageError(Text(f"--output {path} 是要检查的文档本身，报告会覆盖它；请换一个文件名",
                                  f"--output {path} is one of the documents being checked, which the report "
                                  f"would overwrite: choose another name"))


def _is_regular_or_new(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True


@contextmanager
def _replaced_whole(path: str, binary: bool) -> Iterator[IO]:
    try:
        with replaced_whole(path, text=not binary) as out:
            yield out
    except OSError as exc:
        raise _unwritable(path, exc) from exc


@contextmanager
def _direct(path: str, binary: bool) -> Iterator[IO]:
    try:
        with (open(path, "wb") if binary else open(path, "w", encoding="utf-8", newline="")) as out:
            yield out
    except OSError as exc:
        raise _unwritable(path, exc) from exc


def report_output(path: Optional[str], binary: bool, stream=None):
    """The stream a report is written to: `stream` (standard output by default) or the file `path`."""
    if path is None:
        stream = stream or sys.stdout
        return nullcontext(stream.buffer if binary else stream)
    return _replaced_whole(path, binary) if _is_regular_or_new(path) else _direct(path, binary)
