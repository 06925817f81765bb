"""Independent pieces of work spread over the machine's cores, the results in order.

Several ways, one rule: the results are those of the same work done here, one piece after
another. A worker that dies (killed for memory, or by hand) is reported as such
(:class:`WorkerLost`), and workers end with the process that forked them.

- :func:`map_in_order` sends items to a pool of processes and their results back (they must
  pickle); `coverage` reads documents this way.
- :func:`forked` runs ``work(start, end)`` over slices of a range in forked processes, which
  inherit everything the work refers to (an index, the catalogues read), so only bounds and
  results travel; `update` matches many texts and lays out large catalogues this way.
- :class:`Background` runs one piece of work in a forked process while the caller goes on;
  `update` reads a large document's catalogues and old template so, `coverage` segments a
  large source text so.
- :class:`Crew` keeps forked processes, each with its share, through several steps, with a
  word from every process between them; `update` reads and merges many documents this way.

Starting processes costs more than a little work takes (about 0.1 s on two cores, where the
kit's seven documents take 0.05 s), so each caller names the size from which a pool pays.
``I18NTOOL_JOBS=N`` caps the processes (1: everything here). Where no pool can be had (no
semaphores in a sandbox) the work runs here; within a worker, no pool is started again.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from i18ntool.errors import I18nToolError

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_MINIMUM = 64  # documents to read before a pool pays (map_in_order's default)


def cores() -> int:
    """The cores this process may run on, capped by ``I18NTOOL_JOBS``; 1 within a worker."""
    import multiprocessing  # here, as in each function: a run with nothing to spread imports none

    if multiprocessing.current_process().daemon:
        return 1
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    requested = os.environ.get("I18NTOOL_JOBS", "").strip()
    if not requested:
        return available
    if not requested.isdigit() or int(requested) < 1:
        raise I18nToolError(f"I18NTOOL_JOBS={requested!r} is not a number of processes (1 or more)")
    return max(1, min(available, int(requested)))


def jobs(requested: int | None, work: int, minimum: int) -> int:
    """How many forked processes to use for ``work`` items: ``requested`` (at most one per
    item), or every core when there are ``minimum`` items or more; one where forking is not
    how processes start, and within a worker."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
        return 1
    if requested is not None:
        return max(1, min(requested, work))
    available = cores()
    return available if work >= minimum and available > 1 else 1


def map_in_order(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    progress: Callable[[int, int], None] | None = None,
    *,
    jobs: int | None = None,
) -> list[Result]:
    """``function`` of every item, in order; in a pool of processes when the work is large enough.

    ``function`` must be a module-level function whose results and errors pickle (an
    ``I18nToolError`` does, with its file and line) and that changes nothing a second call
    would see differently: where no pool can be had, or a worker dies, the pieces without a
    result run here. ``jobs`` forces the number of processes (1: here); ``progress(done,
    total)`` is called as results come in.
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
        # No pool to be had, or a worker killed (out of memory): the rest here, one piece
        # after another; the pieces change nothing, so none is lost.
        return results + map_in_order(
            function,
            items[len(results) :],
            None if progress is None else lambda done, _: progress(len(results) + done, len(items)),
            jobs=1,
        )
    return results


def forked(
    work: Callable[[int, int], list[Result]],
    total: int,
    jobs: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[Result]:
    """``work(start, end)`` over ``range(total)`` in ``jobs`` forked processes, in slices (a
    few for each process, each given the next slice when it is done, so that none waits long
    at the end), the results joined in order; ``progress(done, total)`` told as slices come
    back. An error in a worker is raised here; where no process can be forked, the work runs
    here."""
    step = max(1, -(-total // (jobs * 4)))
    slices = [(start, min(start + step, total)) for start in range(0, total, step)]
    done = 0

    def finished(place: int) -> None:
        nonlocal done
        done += slices[place][1] - slices[place][0]
        if progress is not None:
            progress(done, total)

    with Crew(min(jobs, len(slices)), [functools.partial(_slice_of, work)]) as crew:
        parts = crew.each(0, slices, finished)
    return [item for part in parts for item in part]


def _slice_of(
    work: Callable[[int, int], list[Result]], bounds: tuple[int, int], tell: Callable[[int], None]
) -> list[Result]:
    return work(*bounds)


class Crew:
    """Forked processes that keep what they computed from one step to the next.

    :func:`forked` suits work done in one go; some work needs a word from every process half
    way: `update` reads each document and its catalogues, then needs the finished translations
    of *all* catalogues before it can merge any. A crew of ``size`` processes, each with its
    own share, runs ``steps[0]``, hands every result back, and waits for the argument of the
    next step, its state (the documents and catalogues it read) still in memory, so nothing is
    read twice and nothing large is sent but what the next step needs.

    A step is ``step(argument, tell)``; ``tell(count)`` reports ``count`` pieces done (the
    caller's progress). Where no process can be forked, or ``size`` is 1, the steps run here,
    one after another: the same functions, the same results. An error raised in a member is
    raised here when its step's results are asked for (callers that want a set order of
    errors return them as values); a member that dies (killed for memory) is an error too.
    """

    def __init__(self, size: int, steps: Sequence[Callable[[Any, Callable[[int], None]], Any]]) -> None:
        self.steps = steps
        self.members: list[tuple[Any, Any]] = []  # (process, connection)
        if size <= 1:
            return
        import multiprocessing

        context = multiprocessing.get_context("fork")
        try:
            for _ in range(size):
                ours, theirs = context.Pipe()
                _OURS.add(ours)
                process = context.Process(target=_in_child, args=(_serve, theirs, steps), daemon=True)
                process.start()
                theirs.close()
                self.members.append((process, ours))
        except OSError:
            self.close()  # no processes to be had: the steps run here

    @property
    def size(self) -> int:
        return max(1, len(self.members))

    def step(self, number: int, arguments: Sequence[Any], progress: Callable[[int], None] | None = None) -> list[Any]:
        """``steps[number]`` with one argument for each member, the results in members' order."""
        if not self.members:
            return [self.steps[number](argument, progress or _ignore) for argument in arguments]
        from multiprocessing.connection import wait

        for (_, connection), argument in zip(self.members, arguments, strict=True):
            connection.send((number, argument))
        results: dict[int, Any] = {}
        failure: BaseException | None = None
        waiting = {connection: place for place, (_, connection) in enumerate(self.members)}
        while waiting:
            ready: list[Any] = wait(list(waiting))
            for connection in ready:
                kind, value = _receive(connection)
                if kind == "done" and progress is not None:
                    progress(value)
                elif kind == "result":
                    results[waiting.pop(connection)] = value
                elif kind == "error":
                    waiting.pop(connection)
                    failure = failure if failure is not None else value
        if failure is not None:
            self.close()
            raise failure
        return [results[place] for place in range(len(self.members))]

    def each(self, number: int, arguments: Sequence[Any], finished: Callable[[int], None] | None = None) -> list[Any]:
        """``steps[number]`` of every argument, each member given the next as soon as it is
        done, the results in the arguments' order; ``finished(place)`` told of each."""
        if not self.members:
            results = []
            for place, argument in enumerate(arguments):
                results.append(self.steps[number](argument, _ignore))
                if finished is not None:
                    finished(place)
            return results
        from multiprocessing.connection import wait

        found: dict[int, Any] = {}
        failure: BaseException | None = None
        waiting = iter(enumerate(arguments))
        working: dict[Any, int] = {}

        def give(connection: Any) -> None:
            for place, argument in waiting:
                connection.send((number, argument))
                working[connection] = place
                return

        for _, connection in self.members:
            give(connection)
        while working:
            ready: list[Any] = wait(list(working))
            for connection in ready:
                kind, value = _receive(connection)
                if kind == "done":
                    continue
                place = working.pop(connection)
                if kind == "error":
                    failure = failure if failure is not None else value
                    continue
                found[place] = value
                if finished is not None:
                    finished(place)
                if failure is None:
                    give(connection)
        if failure is not None:
            self.close()
            raise failure
        return [found[place] for place in range(len(arguments))]

    def close(self) -> None:
        for process, connection in self.members:
            try:
                connection.send(None)
            except OSError:
                pass
            _OURS.discard(connection)
            connection.close()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
        self.members = []

    def __enter__(self) -> Crew:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _ignore(_: int) -> None:
    pass


def _receive(connection: Any) -> tuple[str, Any]:
    """The next message of a member; a member gone without a word (killed, out of memory) is
    an error of its own."""
    try:
        message: tuple[str, Any] = connection.recv()
    except (EOFError, OSError):
        return "error", WorkerLost()
    return message


class WorkerLost(I18nToolError):
    """A worker process that stopped before it finished: the command says so in one line, as
    for bad input (the input may be fine: run it again). Files are whole or not written."""

    def __init__(self, message: str = "", path: object = None, line: object = None) -> None:
        super().__init__(
            "a worker process stopped before it finished (killed, or out of memory?): run the "
            "command again, or with I18NTOOL_JOBS=1 to work in one process"
        )


# This process's ends of the pipes to its workers. A worker forked later inherits them and
# closes its copies first: a worker that held another's end (or its own caller's) would never
# see that end close when this process dies, and would wait, or block writing, for ever.
_OURS: set[Any] = set()


def _in_child(serve: Callable[..., Any], connection: Any, *arguments: Any) -> None:
    """A worker's life: the inherited ends closed, then ``serve``; once its caller is gone (a
    pipe closed) or interrupted with it (Ctrl-C reaches the whole process group), it ends
    without a word: the caller says what happened."""
    for inherited in _OURS:
        inherited.close()
    _OURS.clear()
    try:
        serve(connection, *arguments)
    except (EOFError, OSError, KeyboardInterrupt):
        pass


def _serve(connection: Any, steps: Sequence[Callable[[Any, Callable[[int], None]], Any]]) -> None:
    """A member of a :class:`Crew`: each step asked, until told to stop."""
    while (asked := connection.recv()) is not None:
        number, argument = asked
        step = functools.partial(steps[number], argument, lambda count: connection.send(("done", count)))
        if not _answer(connection, step):
            return


def _answer(connection: Any, work: Callable[[], Any]) -> bool:
    """Send ``("result", work())``, or ``("error", the error)``; whether it worked."""
    try:
        result = work()
    except BaseException as error:  # handed to the caller, which raises it
        try:
            connection.send(("error", error))
        except Exception:  # an error that does not pickle: its words, at least
            connection.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
        return False
    connection.send(("result", result))
    return True


class Background:
    """``work()`` run in a forked process while this one goes on; :meth:`result` waits for it
    and gives its value, or raises its error. The process inherits everything ``work`` refers
    to; only the result travels, so it should be small. Where no process can be forked (or
    within a worker), ``work`` runs here, when its result is asked for."""

    def __init__(self, work: Callable[[], Result]) -> None:
        self.work = work
        self.process: Any = None
        if cores() == 1:
            return
        import multiprocessing

        context = multiprocessing.get_context("fork")
        try:
            self.connection, theirs = context.Pipe(duplex=False)
            _OURS.add(self.connection)
            self.process = context.Process(target=_in_child, args=(_answer, theirs, work), daemon=True)
            self.process.start()
            theirs.close()
        except OSError:
            self.process = None

    def cancel(self) -> None:
        """Stop the work if it still runs; its result is not wanted."""
        if self.process is not None:
            self.process.terminate()
            self.process.join()
            _OURS.discard(self.connection)
            self.connection.close()
            self.process = None

    def result(self) -> Any:
        if self.process is None:
            return self.work()
        try:
            kind, value = _receive(self.connection)
        finally:
            _OURS.discard(self.connection)
            self.connection.close()
            self.process.join()
            self.process = None
        if kind == "error":
            raise value
        return value


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No cycle collection within, here and in the processes forked meanwhile: reading and
    merging documents, or a large catalogue and its template, make millions of objects that
    live to the end and no cycles, which the collector went through again and again (0.8 s of
    `update`'s main process at 100,000 segments; a third of reading catalogue-100000)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _held is not None:
            # Where the process ends without teardown, what was made meanwhile is left out of
            # the collector's rounds (it holds no cycles, and what is held is never freed):
            # its next round would have gone through all of it, 0.17 s after `update` of
            # 100,000 segments.
            gc.freeze()
        if enabled:
            gc.enable()


# What this process holds to its end, where it ends without Python's teardown (None: it does
# not; see held_to_the_end).
_held: list[object] | None = None


def ending_without_teardown() -> None:
    """Said by the ``i18ntool`` script (``start``), which ends the process with ``os._exit``
    once the command is done: from now on :func:`held_to_the_end` holds what it is given."""
    global _held
    if _held is None:
        _held = []


def held_to_the_end(*things: object) -> None:
    """Keep ``things`` referenced until the process ends, where it ends without teardown, so
    that they are never freed: freeing what `update` of a document of 100,000 segments read
    and made (its catalogues, template and their layout) took 0.36 s after the last file was
    written, which no one waits for. Anywhere else (tests, a program calling the core) they
    are let go as usual."""
    if _held is not None:
        _held.append(things)
