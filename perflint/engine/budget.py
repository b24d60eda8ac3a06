"""A time budget for checking one document, so that no document can hold up a batch.

An interval timer raises TimeBudgetExceeded in the middle of whatever is running — a slow rule, a
regular expression that backtracks — where the platform has one (POSIX) and in the main thread of a
process (each batch worker is its own process). Elsewhere the budget is not enforced.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class TimeBudgetExceeded(BaseException):
    """Not an Exception: the `except Exception` that keeps one faulty rule from stopping a batch must
    not catch it, any more than it catches Ctrl-C."""


def _raise(signum, frame):  # the signal handler's signature
    raise TimeBudgetExceeded


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
