"""Writing files the safe way: whole or not at all, and only when their content changes.

A reader (a translator's editor, a web server, a second i18ntool run) never sees half a
file: the new content goes to a temporary file in the same folder, is flushed to disk and
then renamed over the old one, which POSIX makes atomic. A file whose content would not
change is not touched, so its modification time, and any build that depends on it, stay.

A process killed between the two steps leaves its temporary file (``.NAME.XXXXXXXX.tmp``)
behind; the next run of the command that writes that folder removes it, holding the
project lock, so that the file cannot be another writer's work in progress.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from i18ntool.errors import I18nToolError

# What ``tempfile.mkstemp`` names the temporary files below: the prefix and suffix given, and
# eight characters from its alphabet between them.
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically unless it already holds exactly that. True if written."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass  # missing or unreadable: the write below says what is wrong
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise I18nToolError(f"cannot write: {exc.strerror}", path) from exc
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise I18nToolError(f"cannot write: {exc.strerror}", path) from exc
        raise
    return True


def read_input(path: Path) -> bytes:
    """The bytes of a file a user named (an XLIFF file to import, a translation memory).

    Only a regular file is read: a FIFO would leave the command waiting for a writer that
    never comes, and a device could give bytes without end. The file is opened without
    waiting (``O_NONBLOCK``) and what it is is asked of the open descriptor, so that nothing
    can swap it between the question and the read. Raises OSError, its ``strerror`` says why.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, a device or a socket)", str(path))
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read()
    finally:
        os.close(descriptor)


def remove_if_present(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale_temporaries(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Remove the temporary files that ``write_if_changed`` left in ``folder`` or below, for files
    whose names end in one of ``suffixes``, when its process was killed. Returns them.

    Only safe while holding the project lock: then no other writer is at work in ``folder``.
    """
    removed = []
    for path in sorted(folder.rglob("*.tmp")) if folder.is_dir() else ():
        match = _TEMPORARY.fullmatch(path.name)
        if match and match["name"].endswith(suffixes) and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
