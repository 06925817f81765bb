"""Independent pieces of work spread over the machine's cores, results in order.

Starting a pool of processes costs more than a few documents take to read (about 0.1 s on
two cores, where the kit's seven documents take 0.05 s), so a pool is used only from
``PARALLEL_MINIMUM`` pieces on and when more than one core is free; below that, or with
``I18NTOOL_JOBS=1``, the work runs here, one piece after another. Either way the results come
back in the order of the pieces, and the function must be a module-level one whose results
and errors pickle (an ``I18nToolError`` does, with its file and line), and that changes
nothing a second call would see differently: where no pool can be had, or a worker dies, the
pieces without a result run here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_MINIMUM = 64


def cores() -> int:
    """The cores this process may run on (``I18NTOOL_JOBS`` caps them)."""
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    requested = os.environ.get("I18NTOOL_JOBS", "")
    return max(1, min(available, int(requested))) if requested.isdigit() else available


def map_in_order(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    progress: Callable[[int, int], None] | None = None,
    *,
    jobs: int | None = None,
) -> list[Result]:
    """``function`` of every item, in order; in a pool of processes when the work is large enough.

    ``jobs`` forces the number of processes (1: here); ``progress(done, total)`` is called as
    results come in.
    """
    count = jobs if jobs is not None else (cores() if len(items) >= PARALLEL_MINIMUM else 1)
    count = max(1, min(count, len(items)))
    results: list[Result] = []
    if count == 1:
        for item in items:
            results.append(function(item))
            if progress is not None:
                progress(len(results), len(items))
        return results
    from concurrent.futures import ProcessPoolExecutor  # here: not imported for work done here
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=count) as executor:
            # Small chunks, so that no process sits idle at the end while another finishes a big one.
            chunk = max(1, min(16, len(items) // (count * 8)))
            for result in executor.map(function, items, chunksize=chunk):
                results.append(result)
                if progress is not None:
                    progress(len(results), len(items))
    except (OSError, BrokenProcessPool):
        # No pool to be had (no semaphores in a sandbox), or a worker killed (out of memory):
        # the rest here, one piece after another; the pieces change nothing, so none is lost.
        return results + map_in_order(
            function,
            items[len(results) :],
            None if progress is None else lambda done, _: progress(len(results) + done, len(items)),
            jobs=1,
        )
    return results
