"""Checking many documents in worker processes, results in the order of the paths.

Paths go to the workers in chunks, a bounded number at a time, so memory does not grow with the batch.
A worker that dies (killed by the kernel's out-of-memory killer, say) takes its chunk with it: the pool
is started afresh, the chunk's documents are checked again one by one, and the one whose worker dies
again becomes an error finding (PF017) while the batch goes on.
"""

from __future__ import annotations

import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterator

from perflint.cache import ResultCache
from perflint.config import Settings
from perflint.engine.configure import RuleSet
from perflint.report.base import DocumentResult

_WORKER: dict = {}
# Chunks queued per worker: enough to keep each busy, few enough to keep memory flat.
_QUEUED_PER_JOB = 4


def _start_worker(settings: Settings) -> None:
    from perflint.check import active_rules, settle_collector

    # Ctrl-C reaches the whole process group: the parent alone decides, and stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    if _WORKER.get("settings") != settings:
        rules = active_rules(settings)
        _WORKER.update(settings=settings, rules=rules, cache=ResultCache.for_run(settings, rules))
    settle_collector()


def _check_chunk(paths: list[str]) -> list[DocumentResult]:
    from perflint.check import check_path

    return [check_path(path, _WORKER["rules"], _WORKER["settings"], cache=_WORKER["cache"]) for path in paths]


def _context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Pool:
    def __init__(self, settings: Settings, jobs: int) -> None:
        self.settings, self.jobs = settings, jobs
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=_context(), initializer=_start_worker,
                                   initargs=(self.settings,))

    def submit(self, paths: list[str]) -> Future:
        return self.executor.submit(_check_chunk, paths)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> None:
        """End now (the run was interrupted): queued chunks dropped, running ones not waited for."""
        processes = list(getattr(self.executor, "_processes", {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()


def pooled_results(names: list[str], rules: RuleSet, settings: Settings, jobs: int, chunk: int,
                   lost: Callable[[str], DocumentResult]) -> Iterator[DocumentResult]:
    """A result per path in order; `lost(path)` stands for a document whose worker died twice."""
    _WORKER.update(settings=settings, rules=rules, cache=ResultCache.for_run(settings, rules))  # forked workers inherit them
    chunks = deque(names[i:i + chunk] for i in range(0, len(names), chunk))
    pool = _Pool(settings, jobs)
    queued: deque[tuple[list[str], Future]] = deque()
    try:
        while chunks or queued:
            while chunks and len(queued) < jobs * _QUEUED_PER_JOB:
                paths = chunks.popleft()
                queued.append((paths, pool.submit(paths)))
            paths, future = queued.popleft()
            try:
                yield from future.result()
                continue
            except BrokenProcessPool:
                pass
            # The pool is gone, and with it every queued chunk: start again, this chunk one by one.
            waiting = [p for p, _ in queued]
            queued.clear()
            pool.restart()
            for path in paths:
                try:
                    yield from pool.submit([path]).result()
                except BrokenProcessPool:
                    pool.restart()
                    yield lost(path)
            chunks.extendleft(reversed(waiting))
    except BaseException:  # interrupted (Ctrl-C, SIGTERM) or the reader stopped: do not wait for the workers
        pool.stop()
        raise
    pool.close()
