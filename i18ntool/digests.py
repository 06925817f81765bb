"""Digests of input files, remembered beside what ``stat`` says of each file, so that a run
with nothing changed need not read the files it only hashes.

The cache (``cache``) keeps answers under keys made of what the inputs hold, never of their
times. Making a key meant reading and hashing every input: on 1,000 documents 45 MB, most of a
run answered from the cache. Here each file's SHA-256 is remembered with its signature: device,
inode, size, and modification and change times to the nanosecond. A later ``stat`` that gives
the same signature gives the digest without a read; any other signature, and the file is read
and hashed again. Keys stay keys of content: this only spares hashing the same bytes again.

The change time (ctime) is what makes this safe. The system sets it to the present on every
write, truncation, rename onto the path and change of the times, and no program can set it
(``touch -d``, ``tar``, ``rsync -t`` and ``cp -p`` set the modification time only); a file
replaced by another has another inode. Two rules close the gaps left, as git's index does:

- the signature is taken from the open file before it is read (``fstat``), never after, so
  that a change made during the read leaves a signature unlike the remembered one;
- a signature is remembered only when the file's last change is older than a margin at the
  time of the read: a file changed within the same tick of the file system's clock as it was
  read could change again within that tick, keeping its times. The margin is ``SETTLED_FINE``
  (20 ms, twice the longest tick of Linux's clock) for times kept to the nanosecond, as ext4,
  XFS, Btrfs, tmpfs and APFS keep them, and ``SETTLED`` (2 s) for times kept to the
  millisecond or coarser (FAT's two seconds, some network file systems).

A build's outputs are remembered the same way, with the digest of the bytes it wrote and the
signature ``stat`` gave at once after the rename (or before the read that found a file already
holding those bytes), not at the end of the build: a change another program makes meanwhile
leaves another signature (:meth:`Digests.found_holding`).

What is left: a file rewritten within one tick of its last change by another program (or in
the moment between a build's rename of an output and its ``stat``), or while the system clock
is set back to that tick; writes through a shared memory map, whose times the system may set
later; a network file system whose server's clock is behind the margin; a file that has become
unreadable to the user with no change to the file (its digest is still taken from its
signature). ``I18NTOOL_CACHE=off`` reads every byte. On Windows, where ``st_ctime`` is the
time of creation, nothing is remembered.

The signatures one command remembers of a project's files (:func:`scope_of`) are kept in one
entry of the user's cache (``Cache``): read once per run, written once when anything was
learned.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from i18ntool import replay as _replay
from i18ntool.cache import Cache, key_of
from i18ntool.files import read_input_as_found

# Nanoseconds between a file's last change and a read that may be remembered: for times kept
# to the millisecond or coarser, and for times kept to the nanosecond (``replay`` keeps a
# command's output by the same rule).
SETTLED = _replay.SETTLED
SETTLED_FINE = _replay.SETTLED_FINE
_REMEMBERS = os.name != "nt"  # Windows' st_ctime is the time of creation, not of the last change

Record = tuple[str, list[Any]]  # (path, [device, inode, size, mtime_ns, ctime_ns, digest])


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_signed(path: str) -> tuple[bytes, str, Record | None]:
    """A file's bytes, their digest and the record to remember of it (None when it changed
    too recently to be trusted by its signature). Raises OSError as ``files.read_input``."""
    data, digest, found, read_at = _read(path)
    return data, digest, _record(path, found, read_at, digest)


def _read(path: str) -> tuple[bytes, str, os.stat_result, int]:
    """A file's bytes, their digest, what ``stat`` said of it before the read, and when."""
    read_at = time.time_ns()
    data, found = read_input_as_found(path)
    return data, digest_of(data), found, read_at


def _record(path: str, found: os.stat_result, at: int, digest: str) -> Record | None:
    """What to remember of a file ``found`` at time ``at``: None unless it had settled by then."""
    last = max(found.st_mtime_ns, found.st_ctime_ns)
    margin = SETTLED_FINE if found.st_ctime_ns % 1_000_000 else SETTLED
    if not _REMEMBERS or last >= at - margin:
        return None
    return path, [*_signature(found), digest]


def _signature(found: os.stat_result) -> list[int]:
    return [found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns]


def scope_of(root: Path, command: str) -> str:
    """The scope of the digests one command remembers of a project's files: a `coverage` with
    nothing changed need not load the records of a build's 6,000 outputs."""
    return f"{command} {root}"


class Digests:
    """The digests of the files one command reads (``scope``: :func:`scope_of`), remembered in
    ``cache``; with no cache folder, every digest is made from the bytes."""

    def __init__(self, cache: Cache, scope: str) -> None:
        self._cache = cache
        self._key = key_of("file digests", [scope]) if cache.folder is not None else None
        self._known: dict[str, list[Any]] | None = None
        self._learned = False
        # Each file's signature as the digest was taken (None: absent), to tell whether it
        # changed since, even back to the same bytes (:meth:`unchanged`).
        self.seen: dict[str, list[int] | None] = {}

    def _records(self) -> dict[str, list[Any]]:
        if self._known is None:
            kept = self._cache.get(self._key) if self._key is not None else None
            self._known = kept if isinstance(kept, dict) else {}  # each record checked when used
        return self._known

    def of(self, path: str, *, read: bool = True) -> str | None:
        """The digest of the file's bytes; None if there is no file. Raises OSError for a link
        to nothing and for anything but a regular file (or, when its signature changed, for
        one that cannot be read). With ``read`` False, a file whose signature has no digest
        remembered is not read: it gives "" (no digest), its signature noted in ``seen``."""
        try:
            found = os.stat(path)
        except FileNotFoundError:
            if os.path.islink(path):
                raise
            if self._records().pop(path, None) is not None:
                self._learned = True  # a file gone: its record goes too
            self.seen[path] = None
            return None
        record = self._records().get(path)
        signature = _signature(found)
        # A record as written: six fields, the signature's five numbers and the digest (the
        # cache file could hold anything: anything else is not this signature).
        if (
            type(record) is list
            and len(record) == 6
            and record[:5] == signature
            and type(record[5]) is str
            and stat.S_ISREG(found.st_mode)
        ):
            self.seen[path] = signature
            digest: str = record[5]
            return digest
        if not read:
            self.seen[path] = signature
            return ""
        return self.read(path)[1]

    def read(self, path: str) -> tuple[bytes, str]:
        """The file's bytes and their digest, which is remembered when the file is settled."""
        data, digest, found, read_at = _read(path)
        self.seen[path] = _signature(found)
        if (record := _record(path, found, read_at, digest)) is not None:
            self.remember([record])
        return data, digest

    def unchanged(self, paths: Iterable[str]) -> bool:
        """Whether each of ``paths`` is as it was when its digest was taken here (the same
        signature, or still absent): a file changed since, even back to the same bytes, may
        have been read by this run in between."""
        for path in paths:
            try:
                now: list[int] | None = _signature(os.stat(path))
            except FileNotFoundError:
                now = None
            except OSError:
                return False
            if path not in self.seen or self.seen[path] != now:
                return False
        return True

    def found_holding(self, found: Iterable[tuple[str, os.stat_result, str]]) -> None:
        """Remember files this run wrote or found already holding what it would write, each
        (path, ``stat`` of the file taken at once after the rename or before the read, digest
        of the bytes), as far as they have settled by now: call it once the writing is done."""
        at = time.time_ns()
        self.remember(
            record
            for path, seen, digest in found
            if stat.S_ISREG(seen.st_mode) and (record := _record(path, seen, at, digest)) is not None
        )

    def remember(self, records: Iterable[Record]) -> None:
        """Keep what a reader (here or in a worker process: :func:`read_signed`) learned."""
        known = self._records()
        for path, record in records:
            if known.get(path) != record:
                known[path] = record
                self._learned = True

    def save(self) -> None:
        """Write what was learned, if anything, to the cache (silently nothing if it cannot)."""
        if self._learned and self._key is not None:
            self._cache.put(self._key, self._records())
            self._learned = False
