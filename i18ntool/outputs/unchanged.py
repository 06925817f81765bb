"""The answer of a build with nothing changed, worked out by the build before it and kept in the
user's cache, so that such a build need not read the manifest.

A build whose every document is kept (``reuse``: the same inputs, the outputs in place) makes
its answer from the last manifest: on 1,000 documents it decoded 1.6 MB of JSON (18 ms), made
1,000 summaries of it (15 ms), laid out every output's record and compared the manifest it
would write with the last one (35 ms), about 0.1 s of a run of 0.27 s. So each build, once it
has written, reads back the manifest it left and works out from it, by the code that a build
with nothing changed runs (``build``), what the next build would answer if nothing changed:
the answer is kept here with what it depends on, under a key of the project's folder, the
output folder, the languages and formats asked for, and the digest of the code, the settings
and the pages' own words (``reuse.shared_inputs``). The next build with that key gives the
kept answer when what it depends on is as it was, checked as a build checks it:

- the source texts are the same files with the same ids, in the same order;
- each document's inputs have the digest the manifest records for it (``reuse.inputs_of``);
- every output the answer names holds the bytes the manifest records, and the manifest holds
  the bytes that were read back (``Digests``: by their signatures, else by reading them).

Then the manifest is the one the answer was worked out from, every document is kept and
every output is in place: a build would give that answer, write nothing and remove nothing.
Anything else, and the build runs as always. An entry that does not hold what this module
writes is not an answer.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from i18ntool.cache import Cache, key_of
from i18ntool.digests import Digests


class KeptAnswers:
    """The kept answer of builds into ``output_dir`` of ``languages`` and ``formats``, with the
    shared inputs whose digest is ``shared``."""

    def __init__(
        self,
        cache: Cache,
        root: Path,
        output_dir: Path,
        languages: Sequence[str],
        formats: Sequence[str],
        shared: bytes,
    ) -> None:
        self._cache = cache
        parts: list[bytes | str | None] = [
            str(root),
            str(output_dir),
            repr(tuple(languages)),
            repr(tuple(formats)),
            shared,
        ]
        self._key = key_of("build answer", parts) if cache.folder is not None else None

    @property
    def keeping(self) -> bool:
        """Whether answers are kept at all (not with the cache turned off)."""
        return self._key is not None

    def kept(self, listed: Sequence[tuple[Path, str]], inputs: Callable[[int], str]) -> tuple[str, Any] | None:
        """The answer kept for a build of the source texts and ids ``listed``, whose inputs
        have the digests ``inputs(index)``, with the digest of the manifest it was worked out
        from; None if there is none. Each digest is asked for in turn, and none after one that
        differs: with nothing kept, none (a first build would read every input only to hash
        it). What the answer says of the outputs is checked by the caller (:func:`holding`)."""
        entry = self._cache.get(self._key) if self._key is not None else None
        if not isinstance(entry, dict) or not isinstance(manifest := entry.get("manifest"), str):
            return None
        documents = entry.get("documents")
        if not isinstance(documents, list) or len(documents) != len(listed) or "answer" not in entry:
            return None
        for index, ((path, identifier), document) in enumerate(zip(listed, documents, strict=True)):
            if not (
                isinstance(document, list)
                and len(document) == 3
                and document[0] == str(path)
                and document[1] == identifier
                and document[2] == inputs(index)
            ):
                return None
        return manifest, entry["answer"]

    def keep(self, listed: Sequence[tuple[Path, str]], inputs: Sequence[str], manifest: str, answer: Any) -> None:
        """Keep ``answer`` for a build whose source texts are ``listed``, with inputs of the
        digests ``inputs``, worked out from the manifest whose digest is ``manifest``."""
        if self._key is None:
            return
        documents = [[str(path), identifier, digest] for (path, identifier), digest in zip(listed, inputs, strict=True)]
        self._cache.put(self._key, {"documents": documents, "manifest": manifest, "answer": answer})


def holding(output_dir: Path, checks: Iterable[tuple[str, str | None]], files: Digests) -> bool:
    """Whether each file of ``checks`` (its path in ``output_dir``, a digest) holds the bytes of
    that digest, as a build checks an output in place (``reuse.in_place``)."""
    for path, digest in checks:
        try:
            if digest is None or files.of(os.path.join(output_dir, path)) != digest:
                return False
        except OSError:
            return False
    return True
