"""Remembering that `update` found a project in step, so that it need not merge it again.

`update` with nothing changed reads every source text and catalogue, merges and lays out every
catalogue, only to find it would write nothing: as long as a cold run. When a run finds
nothing to change, the digest of everything `update` reads (every source text, template and
catalogue, the translation memories, the settings, i18ntool's code; see ``cache``) is kept with
its warnings; a later `update` or `update --check` whose inputs have that same digest is in
step too, and says so without merging. Any byte changed anywhere, a file added or removed,
gives another digest, and the full update runs.

Before the update, each file's digest is taken from its signature (``digests``) and no file is
read: where a file's signature changed (an edit, a `touch`, a fresh cache), the full update
runs, and a run that finds nothing to change hashes the files afterwards and is remembered.

Not remembered, so that the full update runs: a project with a temporary file a killed write
left (`update` removes it), or any input that is not a plain readable file (the full update
reports it).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol, TypeVar

from i18ntool.cache import Cache, key_of
from i18ntool.errors import I18nToolError
from i18ntool.project import Project


class Outcome(Protocol):
    """What `update` returns, as far as this module needs it (``sync.UpdateResult``)."""

    @property
    def changes(self) -> Sequence[object]: ...

    @property
    def warnings(self) -> Sequence[str]: ...


Result = TypeVar("Result", bound=Outcome)


class FoundInStep(NamedTuple):
    """The outcome of an `update` that found these very inputs in step before: no change, and
    the warnings of that run. Made here, without importing the merge code (0.1 s of a run
    that has nothing to do)."""

    warnings: tuple[str, ...]
    changes: tuple[()] = ()


def unless_in_step(
    project: Project,
    languages: Sequence[str],
    update: Callable[[], Result],
) -> Result | FoundInStep:
    """What ``update`` (`update` or `update --check` of ``languages``) returns; or, without
    running it, :class:`FoundInStep` when these very inputs were found in step before. A run
    that finds them in step is remembered (unless an input changed while it ran)."""
    cache = Cache.of_user()
    # Before the update, files are known by their signatures only: one whose digest is not
    # remembered (an edit, a write of the last run, a fresh cache) is not read here, and the
    # update runs (reading and hashing 3,003 files took 0.28 s of a cold `update` of 1,000
    # documents, all of them before the update could start).
    before = _inputs(project, languages, read=False) if cache.folder is not None else None
    key = before.key if before is not None else None
    if (warnings := known_in_step(cache, key)) is not None:
        return FoundInStep(warnings)
    result = update()
    # Remembered only if no input changed while the update ran, not even to change back (the
    # update could have read the bytes in between): each file's signature is the one it had
    # before, so the bytes hashed now are those the update read.
    if not result.changes and before is not None:
        after = _inputs(project, languages)
        if after is not None and after.key is not None and after.seen == before.seen:
            remember_in_step(cache, after.key, result.warnings)
    return result


class _Inputs(NamedTuple):
    key: str | None  # the digest of every input (None: one not read, see _inputs)
    seen: dict[str, list[int] | None]  # each input's signature as its digest was taken


def inputs_key(project: Project, languages: Sequence[str]) -> str | None:
    """The digest of everything `update` of ``languages`` reads, or None if it cannot be judged."""
    inputs = _inputs(project, languages)
    return inputs.key if inputs is not None else None


def _inputs(project: Project, languages: Sequence[str], *, read: bool = True) -> _Inputs | None:
    """The digest of everything `update` of ``languages`` reads, and each file's signature;
    None if it cannot be judged. Each file counts by the digest of its bytes, remembered by
    its signature (``digests``): the files the catalogue folders list, and each document's
    own template and catalogues, which `update` reads by their paths (through a link to a
    folder, which a listing does not follow). With ``read`` False, no file is read: the key
    is None if any file's digest is not remembered."""
    from i18ntool.digests import Digests, scope_of
    from i18ntool.documents import files_named, memory_paths, sources

    try:
        documents = sources(project)
        locales = (
            [listed.where for listed in files_named(project.locales_dir, "")] if project.locales_dir.is_dir() else []
        )
        memories = [str(path) for path in memory_paths(project)]
    except (I18nToolError, OSError):
        return None
    if any(path.endswith(".tmp") for path in locales):
        return None  # `update` removes what a killed write left
    catalogues = [path for path in locales if os.path.splitext(path)[1] in (".po", ".pot")]
    # As text, as the paths of ``project.template_path`` and ``project.catalogue_path`` are
    # written (a Path for each took 60 ms at 1,000 documents, before the update could start).
    templates, locales_dir = str(project.template_path("_")).removesuffix("_.pot"), str(project.locales_dir)
    own = [
        path
        for _, domain in documents
        for path in (
            f"{templates}{domain}.pot",
            *(f"{locales_dir}/{lang}/LC_MESSAGES/{domain}.po" for lang in project.languages),
        )
    ]
    parts: list[bytes | str | None] = [repr(project), " ".join(sorted(set(languages)))]
    digests = Digests(Cache.of_user(), scope_of(project.root, "update"))
    unknown = False
    try:
        for group in ([str(path) for path, _ in documents], catalogues, own, memories):
            parts.append(str(len(group)))
            for path in group:
                digest = digests.of(path, read=read)  # a FIFO is an error, not a wait for ever
                unknown = unknown or digest == ""
                parts += [path.replace(os.sep, "/"), digest]
    except OSError:
        return None  # a folder, a FIFO, an unreadable file: the full update says what is wrong
    digests.save()
    return _Inputs(None if unknown else key_of("update in step", parts), digests.seen)


def known_in_step(cache: Cache, key: str | None) -> tuple[str, ...] | None:
    """The warnings of the run that found these very inputs in step, or None if none did."""
    if key is None:
        return None
    warnings = cache.get(key)
    if not isinstance(warnings, list) or not all(isinstance(warning, str) for warning in warnings):
        return None
    return tuple(warnings)


def remember_in_step(cache: Cache, key: str | None, warnings: Sequence[str]) -> None:
    """Keep that the inputs of ``key`` are in step, with the run's warnings."""
    if key is not None:
        cache.put(key, list(warnings))
