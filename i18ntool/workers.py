"""Work shared out among forked processes: the same results as in one process, in order.

`update` matches many changed texts, and plans many documents, on every core. The work is a
function of a slice's bounds that the processes inherit by forking, with everything it
refers to (an index, the catalogues read), so only bounds and results are sent between
processes. A process that is itself such a worker does its share alone.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def jobs(requested: int | None, work: int, minimum: int) -> int:
    """How many processes to use for ``work`` items: ``requested`` (at most one per item),
    or every core when there are ``minimum`` items or more; one where forking is not how
    processes start, and within a worker."""
    if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
        return 1
    if requested is not None:
        return max(1, min(requested, work))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores if work >= minimum and cores > 1 else 1


_inherited: Callable[[int, int], list[Any]] | None = None  # the work of the process that forked this one


def _run_inherited(bounds: tuple[int, int]) -> list[Any]:
    assert _inherited is not None
    return _inherited(*bounds)


def forked(
    work: Callable[[int, int], list[T]],
    total: int,
    jobs: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[T]:
    """``work(start, end)`` over ``range(total)`` in ``jobs`` forked processes, in slices (a
    few for each process, so that none waits long at the end), the results joined in order;
    ``progress(done, total)`` told as slices come back. An error in a worker is raised here."""
    global _inherited
    step = max(1, -(-total // (jobs * 4)))
    slices = [(start, min(start + step, total)) for start in range(0, total, step)]
    _inherited = work
    results: list[T] = []
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for (_, end), part in zip(slices, pool.imap(_run_inherited, slices), strict=True):
                results.extend(part)
                if progress is not None:
                    progress(end, total)
    finally:
        _inherited = None
    return results
