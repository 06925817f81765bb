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

A file this run wrote itself (a built output, a catalogue `update` laid out) is remembered the
same way once it is written, with the digest of the bytes written (:meth:`Digests.wrote`), so
that the next run need not read it to know it is still what was written.

What is left: a file rewritten within one tick of its last change by another program, between
the two, or while the system clock is set back to that tick; a network file system whose
server's clock is behind the margin. ``I18NTOOL_CACHE=off`` reads every byte. On Windows,
where ``st_ctime`` is the time of creation, nothing is remembered.

The signatures of a project are kept in one entry of the user's cache (``Cache``): read once
per run, written once when anything was learned.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from i18ntool.cache import Cache, key_of
from i18ntool.files import read_input_as_found

# Nanoseconds between a file's last change and a read that may be remembered: for times kept
# to the millisecond or coarser, and for times kept to the nanosecond.
SETTLED = 2_000_000_000
SETTLED_FINE = 20_000_000
_REMEMBERS = os.name != "nt"  # Windows' st_ctime is the time of creation, not of the last change

Record = tuple[str, list[Any]]  # (path, [device, inode, size, mtime_ns, ctime_ns, digest])


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_signed(path: str) -> tuple[bytes, str, Record | None]:
    """A file's bytes, their digest and the record to remember of it (None when it changed
    too recently to be trusted by its signature). Raises OSError as ``files.read_input``."""
    read_at = time.time_ns()
    data, found = read_input_as_found(path)
    digest = digest_of(data)
    return data, digest, _record(path, found, read_at, digest)


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

    def _records(self) -> dict[str, list[Any]]:
        if self._known is None:
            kept = self._cache.get(self._key) if self._key is not None else None
            self._known = kept if isinstance(kept, dict) else {}  # each record checked when used
        return self._known

    def of(self, path: str) -> str | None:
        """The digest of the file's bytes; None if there is no file. Raises OSError for a link
        to nothing and for anything but a regular file that can be read."""
        try:
            found = os.stat(path)
        except FileNotFoundError:
            if os.path.islink(path):
                raise
            if self._records().pop(path, None) is not None:
                self._learned = True  # a file gone: its record goes too
            return None
        record = self._records().get(path)
        if (
            record is not None
            and stat.S_ISREG(found.st_mode)
            and _well_formed(record)
            and record[:5] == _signature(found)
        ):
            digest: str = record[5]
            return digest
        return self.read(path)[1]

    def read(self, path: str) -> tuple[bytes, str]:
        """The file's bytes and their digest, which is remembered when the file is settled."""
        data, digest, record = read_signed(path)
        if record is not None:
            self.remember([record])
        return data, digest

    def wrote(self, written: Iterable[tuple[str, str]]) -> None:
        """Remember files this run wrote, each (path, digest of the bytes written), as far as
        they have settled by now: call it once the run's writing is done."""
        at = time.time_ns()
        records = []
        for path, digest in written:
            try:
                found = os.stat(path)
            except OSError:
                continue
            if stat.S_ISREG(found.st_mode) and (record := _record(path, found, at, digest)) is not None:
                records.append(record)
        self.remember(records)

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


def _well_formed(record: object) -> bool:
    """Whether a record read back is six fields of the right types (the cache file could hold anything)."""
    return (
        isinstance(record, list)
        and len(record) == 6
        and all(type(field) is int for field in record[:5])
        and isinstance(record[5], str)
    )
