"""Errors that stop the command itself (exit status 2), as opposed to findings."""

from __future__ import annotations

import errno
from typing import Iterable, Union

from perflint.text import Text


class UsageError(Exception):
    """Bad configuration, an unknown rule, a plugin that cannot be loaded: the run cannot start.

    The message is a `Text`, shown in the user's language; `str()` gives the English one (for logs and
    tracebacks)."""

    def __init__(self, message: Union[Text, str]) -> None:
        self.text = message if isinstance(message, Text) else Text(message, message)
        super().__init__(self.text.en)

    def message(self, lang: str) -> str:
        return self.text.get(lang)


def did_you_mean(name: str, known: Iterable[str]) -> Text:
    """"；是否应为“x”？" for the closest known name, or nothing when none is close."""
    import difflib  # only on the way to an error

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    if not close:
        return Text("", "")
    return Text(f"；是否应为“{close[0]}”？", f"; did you mean {close[0]!r}?")


_OS_REASONS = {
    errno.ENOENT: Text("文件或目录不存在", "no such file or directory"),
    errno.EACCES: Text("没有访问权限", "permission denied"),
    errno.EPERM: Text("不允许的操作", "operation not permitted"),
    errno.EISDIR: Text("这是一个目录", "is a directory"),
    errno.ENOTDIR: Text("路径中有一部分不是目录", "not a directory"),
    errno.ENOSPC: Text("磁盘空间不足", "no space left on device"),
    errno.EROFS: Text("文件系统是只读的", "read-only file system"),
}


def os_reason(exc: OSError) -> Text:
    """Why a file could not be read or written, in both languages (the system's text is English only)."""
    known = _OS_REASONS.get(exc.errno)
    if known is not None:
        return known
    reason = exc.strerror or type(exc).__name__
    return Text(reason, reason)


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that the run ends as an interrupted one does: workers stopped,
    one line said, no traceback."""
