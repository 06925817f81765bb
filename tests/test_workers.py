"""A crew of forked processes keeps each member's state from one step to the next and gives
the results of the same steps run here, in one process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from i18ntool import workers


def crew_steps() -> tuple[list[list[int]], list[Callable[..., object]]]:
    kept: list[list[int]] = []  # what a member read in the first step, in its own memory

    def read(share: tuple[int, int], tell: Callable[[int], None]) -> int:
        kept.append(list(range(*share)))
        return sum(kept[-1])

    def use(total: int, tell: Callable[[int], None]) -> list[int]:
        tell(len(kept[-1]))
        return [number * total for number in kept[-1]]

    return kept, [read, use]


@pytest.mark.parametrize("size", [1, 2, 3])
def test_a_crew_keeps_its_members_state_between_steps(size: int) -> None:
    kept, steps = crew_steps()
    shares = [(10 * number // size, 10 * (number + 1) // size) for number in range(size)]
    done: list[int] = []
    with workers.Crew(size, steps) as crew:
        sums = crew.step(0, shares)
        total = sum(sums)
        found = crew.step(1, [total] * crew.size, done.append)
    assert sums[0] == sum(range(*shares[0])) and total == 45
    assert [number for part in found for number in part] == [number * 45 for number in range(10)]
    assert sum(done) == 10  # every piece reported, from whichever process did it
    assert (kept == []) == (size > 1)  # the members' state stayed in the members


def test_an_error_in_a_member_is_raised_by_the_caller() -> None:
    def fail(argument: int, tell: Callable[[int], None]) -> int:
        if argument == 2:
            raise ValueError("member two failed")
        return argument

    with workers.Crew(2, [fail]) as crew, pytest.raises(ValueError, match="member two failed"):
        crew.step(0, [1, 2])


def test_an_error_that_does_not_pickle_still_reaches_the_caller() -> None:
    class Unpicklable(Exception):
        def __reduce__(self) -> tuple[object, ...]:
            raise TypeError("no")

    def fail(argument: int, tell: Callable[[int], None]) -> int:
        raise Unpicklable("held a lock")

    with workers.Crew(2, [fail]) as crew, pytest.raises(RuntimeError, match="Unpicklable: held a lock"):
        crew.step(0, [1, 2])


@pytest.mark.parametrize("cores", [1, 2])
def test_work_in_the_background_gives_its_value_or_its_error(monkeypatch: pytest.MonkeyPatch, cores: int) -> None:
    monkeypatch.setattr(workers, "cores", lambda: cores)
    seen: list[int] = []

    def work() -> int:
        seen.append(1)  # in this process only when there is no other
        return 6 * 7

    def fail() -> int:
        raise ValueError("the template is broken")

    background = workers.Background(work)
    assert (background.process is not None) == (cores > 1)
    assert background.result() == 42
    assert seen == ([] if cores > 1 else [1])
    with pytest.raises(ValueError, match="the template is broken"):
        workers.Background(fail).result()


def test_slices_in_forked_processes_come_back_in_order_with_their_progress() -> None:
    seen: list[int] = []

    def squares(start: int, end: int) -> list[int]:
        return [number * number for number in range(start, end)]

    found = workers.forked(squares, 103, 2, lambda done, total: seen.append(done))
    assert found == [number * number for number in range(103)]
    assert seen[-1] == 103 and seen == sorted(seen) and len(seen) > 2


@pytest.mark.parametrize("way", ["crew", "forked", "background"])
def test_a_worker_process_killed_is_a_clean_error(way: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker that dies (killed for memory) is reported as such, not waited for for ever."""
    import os

    def die(*_: object) -> list[int]:
        os._exit(9)

    with pytest.raises(workers.WorkerLost, match="stopped before it finished"):
        if way == "crew":
            with workers.Crew(2, [lambda argument, tell: die()]) as crew:
                crew.step(0, [1, 2])
        elif way == "forked":
            workers.forked(die, 10, 2)
        else:
            monkeypatch.setattr(workers, "cores", lambda: 2)
            workers.Background(die).result()


def test_workers_end_when_the_process_that_forked_them_dies(tmp_path: Path) -> None:
    """Killed, the caller leaves no worker behind: crew members waiting for a step and a
    worker sending a result to no one end once their pipe has no other end (each worker
    closes the ends it inherited)."""
    script = tmp_path / "caller.py"
    script.write_text(
        textwrap.dedent(
            """
            import os, sys, time
            from i18ntool import workers
            workers.cores = lambda: 2
            crew = workers.Crew(2, [lambda argument, tell: argument])
            crew.step(0, [1, 2])
            big = workers.Background(lambda: "x" * 50_000_000)  # blocks sending: nobody reads
            time.sleep(0.5)
            pids = [process.pid for process, _ in crew.members] + [big.process.pid]
            print(" ".join(map(str, pids)), flush=True)
            os._exit(0)  # as if killed: nothing closed, nothing joined
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True, timeout=60)
    pids = [int(pid) for pid in done.stdout.split()]
    assert len(pids) == 3

    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        # A zombie (ended, not yet reaped by init) counts as ended.
        status = Path(f"/proc/{pid}/status")
        return not status.exists() or "zombie" not in status.read_text(encoding="utf-8")

    deadline = time.monotonic() + 20
    while any(map(alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(alive, pids))


@pytest.mark.parametrize("value", ["abc", "-1", "0", "1.5"])
def test_a_number_of_processes_that_is_none_is_an_error(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from i18ntool.errors import I18nToolError

    monkeypatch.setenv("I18NTOOL_JOBS", value)
    with pytest.raises(I18nToolError, match=r"I18NTOOL_JOBS=.* is not a number of processes \(1 or more\)"):
        workers.cores()
    monkeypatch.setenv("I18NTOOL_JOBS", "1")
    assert workers.cores() == 1


def test_what_is_held_to_the_end_is_kept_only_where_the_process_ends_without_teardown() -> None:
    import weakref

    class Thing:
        pass

    thing = Thing()
    gone = weakref.ref(thing)
    workers.held_to_the_end(thing)  # here (a test, a program calling the core): not kept
    del thing
    assert gone() is None
    # In the script's process, after start says it ends so: kept, and out of the collector's sight.
    code = (
        "import gc, weakref\n"
        "from i18ntool import workers\n"
        "workers.ending_without_teardown()\n"
        "class Thing: pass\n"
        "thing = Thing(); thing.cycle = thing; gone = weakref.ref(thing)\n"
        "with workers.collection_paused():\n"
        "    workers.held_to_the_end(thing)\n"
        "del thing; gc.collect()\n"
        "print(gone() is not None, gc.get_freeze_count() > 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]
