"""Replacing a file in one step: written under a temporary name beside it, renamed over it when whole.

A reader never sees half a file, and a write that fails (a full disk, an interrupted run) leaves the old
file as it was. Used for fixed documents, reports and baselines alike.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import contextmanager
from typing import IO, Iterator


def _default_mode() -> int:
    """What open() would give a new file under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def replaced_whole(path: str, text: bool = False) -> Iterator[IO]:
    """A stream whose content replaces the file at `path` when the block ends without an error; a symbolic
    link is written through (its target is replaced, the link stays). The file keeps its permission bits.
    OSError comes out as it is, for the caller to say what it means."""
    target = os.path.realpath(path)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".perflint-", suffix=".tmp")
    try:
        with (os.fdopen(handle, "w", encoding="utf-8", newline="") if text else os.fdopen(handle, "wb")) as out:
            yield out
        os.chmod(temporary, mode)  # mkstemp makes the file private
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def check_writable(path: str) -> None:
    """Raise the OSError that replacing `path` would meet (a missing or read-only folder, a read-only
    file), before any work is done for it."""
    target = os.path.realpath(path)
    if os.path.exists(target) and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
    handle, probe = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".perflint-", suffix=".tmp")
    os.close(handle)
    os.unlink(probe)
