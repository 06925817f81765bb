"""The project lock: one writer at a time, so that no writer loses another's work.

Every command that writes the project (`update`, `init`, `review`, `build`, `compile`)
holds an advisory lock (``flock``) on ``<project>/.i18ntool.lock`` from before it reads its
inputs until its last write: a `review` run while `update` writes waits, then reads the
catalogues as `update` left them, instead of stamping a copy read before and writing it
back over `update`'s work. Commands that only read (`coverage`, `check`, `todo`) take no
lock: every file they read is whole, as ``files.write_if_changed`` writes.

The kernel releases the lock when its process ends, however it ends (a SIGKILL, a power
cut's reboot), so a crashed run never leaves the project locked. A second writer waits
``I18NTOOL_LOCK_TIMEOUT`` seconds (30 by default), then gives up with an error that names
the holder, whose pid and command are written into the lock file. The file is removed when
the lock is released, so a finished run leaves nothing behind; a killed one leaves the
file, and the next writer takes it over.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from i18ntool.errors import I18nToolError

LOCK_NAME = ".i18ntool.lock"
TIMEOUT_VARIABLE = "I18NTOOL_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 30.0
_POLL = 0.05  # seconds between two tries while another writer holds the lock

# Descriptors of the locks this process holds. A child made by fork (build's worker
# processes) inherits them, and an flock lives as long as any copy is open: a worker that
# outlived a killed parent would keep the project locked. Children close their copies.
_held: set[int] = set()


def _close_in_child() -> None:
    for descriptor in _held:
        try:
            os.close(descriptor)  # never flock(LOCK_UN): that would release the parent's lock
        except OSError:
            pass
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)


def lock_timeout() -> float:
    """How long a writer waits for the lock: ``I18NTOOL_LOCK_TIMEOUT`` seconds, or 30."""
    value = os.environ.get(TIMEOUT_VARIABLE, "")
    try:
        seconds = float(value) if value.strip() else DEFAULT_TIMEOUT
    except ValueError:
        raise I18nToolError(f"{TIMEOUT_VARIABLE}={value!r} is not a number of seconds") from None
    if not seconds >= 0:  # also refuses nan
        raise I18nToolError(f"{TIMEOUT_VARIABLE}={value!r} is not a number of seconds")
    return seconds


@contextmanager
def project_lock(
    root: Path, command: str, *, timeout: float | None = None, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the lock of the project in ``root`` while the block runs.

    ``command`` names this writer for anyone who has to wait for it; ``on_wait(holder)`` is
    called once if this writer has to wait for another.
    """
    path = root / LOCK_NAME
    seconds = lock_timeout() if timeout is None else timeout
    deadline = time.monotonic() + seconds
    told = False
    while True:
        descriptor = _open(path)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            holder = describe_holder(path)
            if time.monotonic() >= deadline:
                raise I18nToolError(
                    f"another i18ntool is writing this project ({holder}); gave up after waiting {seconds:g} s. "
                    f"Run this again when it has finished, or set {TIMEOUT_VARIABLE} to wait longer",
                    path,
                ) from None
            if not told and on_wait is not None:
                on_wait(holder)
                told = True
            time.sleep(_POLL)
            continue
        if _still_there(descriptor, path):
            break
        # The holder removed the file as it let go; the lock on that file guards nothing.
        os.close(descriptor)
    _held.add(descriptor)
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()} {command}\n".encode(), 0)
        yield
    finally:
        try:
            path.unlink()  # while still locked: a waiter that opened it sees it gone and tries again
        except OSError:
            pass
        _held.discard(descriptor)
        os.close(descriptor)


def describe_holder(path: Path) -> str:
    """The holder of the lock as its file names it: "pid 1234, `i18ntool update`"."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        text = ""
    pid, _, command = text.partition(" ")
    if not pid.isdigit():
        return "a process that has not yet written its name into " + path.name
    return f"pid {pid}, `{command}`" if command else f"pid {pid}"


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise I18nToolError(f"cannot take the project lock: {exc.strerror}", path) from exc


def _still_there(descriptor: int, path: Path) -> bool:
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    opened = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)
