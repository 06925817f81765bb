"""Worker processes for the build: how many, and a map over them that keeps the order.

A build reads and renders each document in a task of its own; with many documents the tasks
run in a pool of processes, one per core, and their results come back in the documents'
order, so that one process or many give the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from concurrent.futures import Executor

# Below this many texts to make (documents times languages), starting worker processes costs
# more than it saves: on the kit (14) a pool adds about 0.08 s to a 0.3 s build, on 700
# documents two processes save 38% (scripts/bench-build; see the README).
PARALLEL_MINIMUM = 64


def workers_for(requested: int | None, work: int) -> int:
    if requested is not None:
        return max(1, min(requested, work))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores if work >= PARALLEL_MINIMUM and cores > 1 else 1


class Workers:
    """Maps a function over items here, or in a pool of ``jobs`` processes; results in order."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.executor: Executor | None = None

    def __enter__(self) -> Self:
        if self.jobs > 1:
            from concurrent.futures import ProcessPoolExecutor  # only a large build pays for its import

            self.executor = ProcessPoolExecutor(max_workers=self.jobs)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)

    def map(
        self, function: Callable[[Any], Any], items: Sequence[Any], progress: Callable[[int, int], None] | None = None
    ) -> list[Any]:
        if self.executor is None:
            results: Any = map(function, items)
        else:
            # Small chunks: large ones left a worker idle at the end (measured, see the README).
            results = self.executor.map(function, items, chunksize=max(1, min(8, len(items) // (self.jobs * 4))))
        collected = []
        for result in results:  # an error in a worker is raised here, with its file and line
            collected.append(result)
            if progress:
                progress(len(collected), len(items))
        return collected
