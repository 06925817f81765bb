"""Answers remembered by the content they were computed from, so that a run with nothing
changed parses nothing.

An answer (coverage rows of one document, the outcome of an `update` that found the project in
step) is stored under a key made of everything it was computed from: the digests of the
inputs' bytes (never their modification times, so a file touched without change or replaced by
one of the same size is judged by what it holds; ``digests`` spares reading a file whose
signature says it has not changed since its digest was made), the project's settings, and
i18ntool itself (its version and a digest of its own code, so that an edited checkout never
answers from an older one). A changed byte gives another key, so a stored answer is never
stale: at worst unused.

The store lives in the user's cache folder, never in the project: ``$I18NTOOL_CACHE_DIR``, else
``$XDG_CACHE_HOME/i18ntool``, else ``~/.cache/i18ntool``; ``I18NTOOL_CACHE=off`` turns it off.
Entries are JSON written atomically (a temporary file renamed over), one file per key; an entry
that cannot be read or does not hold what it should is ignored and computed again. Nothing in
a command fails because the cache cannot be written.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from i18ntool import __version__
from i18ntool.replay import cache_root, code_files, store

_FORMAT = 1  # of the entries' JSON; part of every key


def cache_folder() -> Path | None:
    """Where answers are kept, or None when the cache is turned off (``replay.cache_root``)."""
    root = cache_root()
    return None if root is None else Path(root)


@functools.cache
def code_digest() -> str:
    """A digest of this i18ntool (its version, its modules, the Python running it, the
    libraries that read sources: ``replay.code_files``): an answer of other code is never used.

    Each file counts by what ``stat`` says of it (device, inode, size, modification and change
    times), as Python itself tells a module's compiled code out of date, not by its bytes:
    reading and hashing the 800 kB of modules took 4.5 ms of every run, and any write to a
    module changes its change time (another copy of the same code only gives other keys)."""
    digest = hashlib.blake2b(f"{_FORMAT} {__version__} {sys.version}".encode(), digest_size=20)
    for name, path in code_files():
        found = os.stat(path) if path is not None else None
        signature = (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns) if found else None
        digest.update(f"{name}\0{signature}\0".encode())
    return digest.hexdigest()


def key_of(kind: str, parts: Iterable[bytes | str | None]) -> str:
    """The key of an answer of ``kind`` computed from ``parts`` (None: an absent file).

    SHA-256, which processors with SHA extensions (x86 since 2017-2019, ARMv8) compute in
    hardware: twice BLAKE2b's speed here, on the 45 MB a project of 1,000 documents hashes."""
    return Keys(kind).key(parts)


class Keys:
    """The keys of answers of ``kind`` whose first parts are ``shared`` (the settings, which
    every document's key holds): those hashed once, each key then a copy of that digest with
    its own parts added. ``Keys(kind, a).key(b)`` is ``key_of(kind, [*a, *b])``."""

    def __init__(self, kind: str, shared: Iterable[bytes | str | None] = ()) -> None:
        self._digest = hashlib.sha256(f"{kind}\0{code_digest()}".encode())
        _add(self._digest, shared)

    def key(self, parts: Iterable[bytes | str | None]) -> str:
        digest = self._digest.copy()
        _add(digest, parts)
        return digest.hexdigest()


def _add(digest: Any, parts: Iterable[bytes | str | None]) -> None:
    """Each part into ``digest``, told apart from any other sequence of parts: absent, text or
    bytes, its length, its bytes (one ``update`` of them all: a key is made per document)."""
    chunks = []
    for part in parts:
        if part is None:
            chunks.append(b"A")  # absent: not the same as empty
            continue
        # A path's name that is not UTF-8 (bytes taken in as surrogates) is a part like any other.
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        chunks += (b"S" if isinstance(part, str) else b"B", len(data).to_bytes(8, "little"), data)
    digest.update(b"".join(chunks))


class Cache:
    """The answers kept under one folder (see the module's docstring); ``None`` folder: none."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @classmethod
    def of_user(cls) -> Cache:
        return cls(cache_folder())

    def _path(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> Any:
        """The answer stored under ``key``, or None (nothing stored, unreadable or corrupt)."""
        path = self._path(key)
        if path is None:
            return None
        try:
            stored = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(stored, dict) or stored.get("key") != key or "answer" not in stored:
            return None  # a truncated, foreign or hand-edited entry
        return stored["answer"]

    def put(self, key: str, answer: Any) -> None:
        """Keep ``answer`` (JSON values) under ``key``; silently nothing if it cannot be written."""
        path = self._path(key)
        if path is None:
            return
        stored = {"key": key, "answer": answer}
        try:
            data = json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode()
        except UnicodeEncodeError:
            # A path whose name is not UTF-8 (its bytes taken in as surrogates): escaped.
            data = json.dumps(stored, separators=(",", ":")).encode()
        store(str(path), data)
