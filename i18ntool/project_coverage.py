"""Coverage of a whole project: every document measured, on every core, remembered by content.

``coverage.measure`` counts a list of targets; this module gives the same rows for every
document of a project, faster: each document is a piece of work of its own, read in worker
processes when there are many (``workers``), kept in the user's cache under a digest of its
inputs (``cache``), and a large one segmented in a forked process while this one reads its
catalogues (``beside``). The one edge of coverage to the disk: the bytes of each document and
of its catalogues are read here once, for both the key and the measuring.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from i18ntool.beside import LARGE, template_beside
from i18ntool.cache import Cache, Keys, key_of
from i18ntool.coverage import Counts, Coverage, Row, row_of, row_of_tally, totals_of
from i18ntool.digests import Digests, Record, digest_of, read_signed, scope_of
from i18ntool.documents import catalogue_folder, catalogue_listing, document_of_bytes, load_document, sources
from i18ntool.errors import I18nToolError
from i18ntool.po.catalogue import Catalogue
from i18ntool.po.states import Tally, read_states
from i18ntool.project import Project
from i18ntool.targets import (
    Target,
    TemplateColumns,
    domain_targets,
    inventory_against,
    inventory_of_bytes,
    take_inventory,
    template_entries,
    wanted_languages,
)
from i18ntool.workers import collection_paused, cores

if TYPE_CHECKING:
    from i18ntool.markdown.segmenting import Document


def measure_project(
    project: Project,
    languages: Sequence[str] = (),
    *,
    words: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cache: Cache | None = None,
) -> Coverage:
    """:func:`measure` of every document and every catalogue with no document (the glossary
    left out) in ``languages``: the same rows, and the same first error, as ``measure`` of
    ``select_targets(project, (), languages, glossary=False)``.

    Each document is a piece of work of its own: read, measured against its catalogues, in
    worker processes when there are many (``workers``). With a ``cache``, each document's rows
    are kept under the digest of its bytes, its catalogues' bytes and the settings, all of the
    project's in one cache entry (one file to read and one to write per run, where a file per
    document cost 0.4 s of writing on 1,000 documents; the entry keeps only the documents of
    the last run, so it does not grow). A run with nothing changed parses nothing. Errors come
    out in the plain order: the first source text that cannot be read, else the first catalogue.
    """
    from i18ntool.workers import map_in_order

    wanted = tuple(wanted_languages(project, languages))
    keep = cache is not None and cache.folder is not None
    settings = repr(project)  # every setting, and the folders the paths are relative to
    pieces = [_Piece(project, path, identifier, wanted, words, keep, settings) for path, identifier in sources(project)]
    project_key = key_of("coverage rows of a project", [settings, str(words), " ".join(wanted)])
    known = _known_rows(cache.get(project_key)) if cache is not None and keep else {}
    digests = Digests(cache, scope_of(project.root, "coverage")) if cache is not None and keep else None
    # Kept answers are looked up here: a pool of processes is started only for the rest.
    listings = {language: catalogue_listing(project, language) for language in project.languages}
    present = {listed.where for listed in (each for listing in listings.values() for each in listing)}
    kept = [_kept(piece, known, digests, present) if known and digests else _Outcome() for piece in pieces]
    missing = [piece for piece, outcome in zip(pieces, kept, strict=True) if outcome.key is None]
    done = len(pieces) - len(missing)

    def advance(count: int, total: int) -> None:
        if progress is not None:
            progress(done + count, len(pieces))

    measured = iter(map_in_order(_document_rows, missing, advance if missing else None))
    outcomes = [outcome if outcome.key is not None else next(measured) for outcome in kept]
    for outcome in outcomes:
        if outcome.document_error is not None:
            raise outcome.document_error
    others = domain_targets(project, None, wanted, {piece.identifier for piece in pieces}, listings)
    for outcome in outcomes:
        if outcome.catalogue_error is not None:
            raise outcome.catalogue_error
    rows = [row for outcome in outcomes for row in outcome.rows]
    # The catalogues with no document (the pages' own words): each row kept by its bytes too.
    other_rows = [_other_row(project, target, words, known, digests) for target in others]
    rows += [row for row, _ in other_rows]
    if digests is not None:
        for outcome in outcomes:
            digests.remember(outcome.records)
        digests.save()
    if cache is not None and keep:
        now = {
            outcome.key: known[outcome.key] if was_kept.key else [_row_json(row) for row in outcome.rows]
            for outcome, was_kept in zip(outcomes, kept, strict=True)
            if outcome.key is not None
        }
        now.update((key, [_row_json(row)]) for row, key in other_rows if key is not None)
        if missing or now.keys() != known.keys():
            cache.put(project_key, now)
    return Coverage(project.name, project.publish_threshold, tuple(rows), totals_of(rows, project.languages))


def inputs_of_project(project: Project) -> list[str]:
    """Every file and folder the coverage of the whole project is computed from, and more: the
    folder of the source texts and each folder in it with every file, the same of each
    language's folder of catalogues, and the catalogue each document has or would have in each
    language (also where a link to a folder leads, which the listings do not follow)."""
    paths = [str(project.root), str(project.locales_dir)]
    for top in (project.content_dir, *(catalogue_folder(project, language) for language in project.languages)):
        # The folders on the way from the locales folder too: any of them could be a link.
        paths += (str(folder) for folder in top.parents if project.locales_dir in folder.parents)
        paths.append(str(top))
        for folder, _, names in os.walk(top):
            paths.append(folder)
            paths += (os.path.join(folder, name) for name in names)
    folders = _catalogue_folders(project)
    paths += (f"{folder}/{identifier}.po" for _, identifier in sources(project) for folder in folders)
    return paths


def _other_row(
    project: Project, target: Target, words: bool, known: dict[str, list[object]], digests: Digests | None
) -> tuple[Row, str | None]:
    """The row of a catalogue with no document, and the key it is kept under (None: not kept):
    kept by the digest of its bytes, and measured the plain way when none is kept; a row
    measured from a file that changed as it was read is not kept."""
    key = None
    if digests is not None:
        path = str(target.catalogue_path)
        try:
            key = _row_keys(repr(project)).key([path, str(words), target.language, digests.of(path)])
        except OSError:
            key = None  # not a plain readable file: the plain path says so
        if key is not None and (rows := _rows_from_json(known.get(key))) is not None and len(rows) == 1:
            return rows[0], key
    row = row_of(project, take_inventory(project, target), project.publish_threshold, words=words)
    still = digests is not None and digests.unchanged([str(target.catalogue_path)])
    return row, key if still else None


@dataclass(frozen=True)
class _Piece:
    """One document to measure in ``languages``; ``keep``: its rows' key is wanted too."""

    project: Project
    source: Path
    identifier: str
    languages: tuple[str, ...]
    words: bool
    keep: bool
    settings: str  # the project's repr, part of every key


@dataclass(frozen=True)
class _Outcome:
    rows: tuple[Row, ...] = ()
    document_error: I18nToolError | None = None
    catalogue_error: I18nToolError | None = None
    key: str | None = None  # of the inputs the rows were measured from, when they can be kept
    records: tuple[Record, ...] = ()  # what ``digests`` may remember of the files read


def _document_rows(piece: _Piece) -> _Outcome:
    """The rows of one document, measured; errors as values, for :func:`measure_project` to
    raise in the plain order. The key is that of the very bytes measured."""
    project = piece.project
    if _source_size(piece) >= LARGE and (beside := _rows_beside(piece)) is not None:
        return beside
    inputs = _inputs(piece)
    try:
        if inputs is None:
            document = load_document(project, piece.source, piece.identifier)
        else:
            document = document_of_bytes(project, piece.source, inputs.source, piece.identifier)
    except I18nToolError as error:
        return _Outcome(document_error=error)
    rows = []
    try:
        for language in project.target_languages(document.language):
            if language not in piece.languages:
                continue
            target = Target(document.id, language, project.catalogue_path(language, document.id), document)
            data = None if inputs is None else inputs.catalogues[project.languages.index(language)]
            if data is not None:
                rows.append(_counted(project, target, data, document, piece.words))
                continue
            inventory = take_inventory(project, target) if inputs is None else inventory_of_bytes(project, target, None)
            rows.append(row_of(project, inventory, project.publish_threshold, words=piece.words))
    except I18nToolError as error:
        return _Outcome(catalogue_error=error)
    if not piece.keep or inputs is None:
        return _Outcome(tuple(rows))
    return _Outcome(tuple(rows), key=_key(piece, inputs.digests), records=inputs.records)


def _counted(project: Project, target: Target, data: bytes, document: Document, words: bool) -> Row:
    """The row of the catalogue ``data`` of ``target``: counted from its columns where the
    quick reader reads it (``states.read_states``: no entry objects), else from its model;
    the same row either way (``coverage.row_of_tally``)."""
    template = template_entries(document)
    found = read_states(data, project.relative(target.catalogue_path))
    if isinstance(found, Tally):
        columns = TemplateColumns.of(template)
        return row_of_tally(project, target, found, columns, document.source, project.publish_threshold, words=words)
    inventory = inventory_against(target, found, template, document.source)
    return row_of(project, inventory, project.publish_threshold, words=words)


def _rows_beside(piece: _Piece) -> _Outcome | None:
    with collection_paused():
        return _measured_beside(piece)


def _measured_beside(piece: _Piece) -> _Outcome | None:
    """:func:`_document_rows` of a large source text: segmented in other processes while this
    one reads the catalogues (``beside``); None if an input is not a plain readable file or
    the other processes could not segment it, for the plain path to measure or report. The
    rows and errors are the same: a catalogue of a language that is not a target is read too,
    but its error is not raised. The processes are forked before the catalogues are read;
    this one lets the source text go once it has its key, and each catalogue's bytes once
    read, so that no process holds what it no longer needs (19 and 42 MiB on
    catalogue-100000)."""
    from i18ntool.markdown.words import count_words  # Markdown's parser: only when reading a document

    project = piece.project
    names = {
        language: project.relative(project.catalogue_path(language, piece.identifier)) for language in piece.languages
    }
    try:
        source = piece.source.read_bytes()
    except OSError:
        return None
    fork = cores() > 1
    counted: dict[str, int] = {}  # words of the texts counted here while the child works

    def read() -> tuple[str | None, dict[str, Tally | Catalogue | I18nToolError]] | None:
        try:
            catalogues = _catalogue_bytes(piece)
        except OSError:
            return None
        if catalogues is None:
            return None
        nonlocal source
        digests = [digest_of(source), *(None if each is None else digest_of(each) for each in catalogues)]
        key = _key(piece, digests) if piece.keep else None
        if fork:
            source = b""  # the other processes have it
        found: dict[str, Tally | Catalogue | I18nToolError] = {}
        for index, language in enumerate(project.languages):
            if language in names and catalogues[index] is not None:
                try:
                    # Taken out of the list as it is passed: the bytes go once read.
                    found[language] = read_states(_taken(catalogues, index), names[language])
                except I18nToolError as error:
                    found[language] = error
            catalogues[index] = None
        if piece.words and fork:
            # The child counts the first half of the template's texts; here, the second half
            # of each catalogue's (the same texts, in the same order, when it is in step).
            for catalogue in found.values():
                if isinstance(catalogue, I18nToolError):
                    continue
                msgids = catalogue.msgids if isinstance(catalogue, Tally) else [m.msgid for m in catalogue.messages]
                counted.update((msgid, count_words(msgid)) for msgid in msgids[len(msgids) // 2 :])
        return key, found

    template, done = template_beside(
        project, piece.source, source, piece.identifier, read, fork=fork, words=piece.words
    )
    if done is None or template is None:
        return None
    key, read_catalogues = done
    if isinstance(template, I18nToolError):
        return _Outcome(document_error=template)
    rows = []
    for language in project.target_languages(template.language):
        if language not in piece.languages:
            continue
        target = Target(piece.identifier, language, project.catalogue_path(language, piece.identifier))
        catalogue = read_catalogues.get(language)
        if isinstance(catalogue, I18nToolError):
            return _Outcome(catalogue_error=catalogue)
        known = {**template.words, **counted}
        if isinstance(catalogue, Tally):
            row = row_of_tally(
                project,
                target,
                catalogue,
                template.columns,
                template.source,
                project.publish_threshold,
                words=piece.words,
                known_words=known,
            )
        else:
            exists = catalogue is not None
            entries = template.columns.entries()
            inventory = inventory_against(target, catalogue or Catalogue(), entries, template.source, exists)
            row = row_of(project, inventory, project.publish_threshold, words=piece.words, known_words=known)
        rows.append(row)
    return _Outcome(tuple(rows), key=key)


def _taken(items: list[bytes | None], index: int) -> bytes:
    """``items[index]``, left as None in the list: the caller then holds the only reference."""
    item, items[index] = items[index], None
    assert item is not None
    return item


def _kept(piece: _Piece, known: dict[str, list[object]], digests: Digests, present: set[str]) -> _Outcome:
    """The rows kept for exactly this document's inputs, if any (``key`` None: none);
    ``present``: the catalogues the folders list. A document at the top of the content folder
    whose catalogue is not listed has none (no look needed); one in a subfolder is looked
    for, as the listing does not follow a link to a folder."""
    catalogues = [f"{folder}/{piece.identifier}.po" for folder in _catalogue_folders(piece.project)]
    nested = "/" in piece.identifier
    try:
        parts = [digests.of(str(piece.source))]
        parts += [digests.of(path) if nested or path in present else None for path in catalogues]
    except OSError:
        return _Outcome()  # not a plain readable file: the plain path says so
    key = _key(piece, parts)
    rows = _rows_from_json(known.get(key))
    return _Outcome() if rows is None else _Outcome(rows, key=key)


@functools.lru_cache(maxsize=8)
def _catalogue_folders(project: Project) -> tuple[str, ...]:
    """Each language's folder of catalogues as text, in the project's order: the paths of 3,000
    catalogues joined as text took a tenth of the time of ``Project.catalogue_path``'s."""
    return tuple(str(catalogue_folder(project, language)) for language in project.languages)


def _known_rows(kept: object) -> dict[str, list[object]]:
    """The rows the project's cache entry keeps, by key; each checked when used."""
    if not isinstance(kept, dict):
        return {}
    return {key: rows for key, rows in kept.items() if isinstance(key, str) and isinstance(rows, list)}


@dataclass(frozen=True)
class _Inputs:
    """The bytes of a source text and of its catalogue in every language (None: absent), read
    once for both the key and the measuring, with their digests and what ``digests`` may
    remember of them."""

    source: bytes
    catalogues: list[bytes | None]
    digests: list[str | None]
    records: tuple[Record, ...]


def _inputs(piece: _Piece) -> _Inputs | None:
    """The inputs of a document; None when anything is not a plain readable file, which the
    uncached path then reports as it always has."""
    project = piece.project
    paths = [piece.source, *(project.catalogue_path(language, piece.identifier) for language in project.languages)]
    found: list[bytes | None] = []
    digests: list[str | None] = []
    records = []
    for index, path in enumerate(paths):
        try:
            data, digest, record = read_signed(str(path))
        except FileNotFoundError:
            if index == 0 or os.path.islink(path):
                return None  # a link to nothing: the uncached path says so
            found.append(None)
            digests.append(None)
            continue
        except OSError:
            return None
        found.append(data)
        digests.append(digest)
        if record is not None:
            records.append(record)
    source = found[0]
    assert source is not None
    return _Inputs(source, found[1:], digests, tuple(records))


def _catalogue_bytes(piece: _Piece) -> list[bytes | None] | None:
    """The bytes of the document's catalogue in every language (None: absent); None when one
    is not a regular file. Raises OSError when one cannot be read."""
    catalogues: list[bytes | None] = []
    for language in piece.project.languages:
        path = piece.project.catalogue_path(language, piece.identifier)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            if os.path.islink(path):
                return None  # a link to nothing: the uncached path says so
            catalogues.append(None)
            continue
        if not stat.S_ISREG(mode):
            return None
        catalogues.append(path.read_bytes())
    return catalogues


def _source_size(piece: _Piece) -> int:
    """The size of the source text in bytes; 0 if it cannot be looked at (the plain path says why)."""
    try:
        return piece.source.stat().st_size
    except OSError:
        return 0


def _key(piece: _Piece, digests: list[str | None]) -> str:
    """The key of a document's rows: the settings, its paths and the digests of its source
    text and catalogues."""
    return _row_keys(piece.settings).key(
        [piece.source.as_posix(), str(piece.words), " ".join(piece.languages), *digests]
    )


@functools.lru_cache(maxsize=4)
def _row_keys(settings: str) -> Keys:
    return Keys("coverage rows", [settings])


def _row_json(row: Row) -> dict[str, object]:
    return dataclasses.asdict(row)


def _rows_from_json(kept: object) -> tuple[Row, ...] | None:
    """Rows as :func:`_row_json` kept them; None for anything else (the entry is then ignored:
    a hand-edited entry with its key kept could hold anything). Each field is checked to hold
    what a measured row would before a row is made of it."""
    if not isinstance(kept, list):
        return None
    rows = []
    for fields in kept:
        if type(fields) is not dict or fields.keys() != _ROW_FIELDS:
            return None
        entries, words = _counts(fields["entries"]), fields["words"]
        if entries is None or (words is not None and (words := _counts(words)) is None):
            return None
        if not all(type(fields[name]) in types for name, types in _ROW_TYPES):
            return None
        if min(fields["stale_reviews"], fields["missing"], fields["extra"], fields["figures_carried"]) < 0:
            return None
        rows.append(Row(**{**fields, "entries": entries, "words": words}))
    return tuple(rows)


_COUNT_FIELDS = {field.name for field in dataclasses.fields(Counts)}
_ROW_FIELDS = {field.name for field in dataclasses.fields(Row)}
_ROW_TYPES: tuple[tuple[str, tuple[type, ...]], ...] = (
    ("document", (str,)),
    ("language", (str,)),
    ("catalogue", (str,)),
    ("source", (str, type(None))),
    ("exists", (bool,)),
    ("stale_reviews", (int,)),
    ("in_step", (bool, type(None))),
    ("missing", (int,)),
    ("extra", (int,)),
    ("publishable", (bool,)),
    ("figures_carried", (int,)),
)


def _counts(fields: object) -> Counts | None:
    """Counts as kept: five numbers, none negative; else None."""
    if type(fields) is not dict or fields.keys() != _COUNT_FIELDS:
        return None
    if not all(type(number) is int and number >= 0 for number in fields.values()):
        return None
    return Counts(**fields)
