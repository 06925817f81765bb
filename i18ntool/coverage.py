"""How much of each document is translated and reviewed, per target language.

One row per document and target language (and per catalogue with no document behind it):
the entries and the source words in each state, whether the catalogue is in step with its
source text, and whether the document is publishable at the project's threshold. Totals per
language add the rows up.

Rows are counted against the *current* source text: an entry the source has and the
catalogue lacks is untranslated. On a catalogue in step with its source (and on any
catalogue with no source), the entry counts are exactly ``msgfmt --statistics``'s:
translated there is translated plus reviewed here; obsolete entries and the header are not
counted there, and obsolete entries are counted apart here.

Percentages are rounded *down* to one decimal, so that 100.0% always means every entry;
gates and publishability compare the exact counts, never a rounded percentage.
"""

from __future__ import annotations

import dataclasses
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from i18ntool.cache import Cache, key_of
from i18ntool.workers import cores
from i18ntool.documents import document_of_bytes, load_document, source_paths
from i18ntool.errors import I18nToolError
from i18ntool.beside import LARGE, template_beside
from i18ntool.po.catalogue import Catalogue, Message, parse_catalogue
from i18ntool.project import Project, document_id
from i18ntool.po.states import State, figures_carried, review_of, state_of
from i18ntool.targets import (
    Inventory,
    Target,
    domain_targets,
    inventory_against,
    inventory_of_bytes,
    take_inventory,
    wanted_languages,
)


@dataclass(frozen=True)
class Counts:
    """Entries (or words) in each state. ``translated`` excludes reviewed ones."""

    untranslated: int = 0
    fuzzy: int = 0
    translated: int = 0
    reviewed: int = 0
    obsolete: int = 0

    @property
    def total(self) -> int:
        """Everything to translate: every state but obsolete."""
        return self.untranslated + self.fuzzy + self.translated + self.reviewed

    @property
    def done(self) -> int:
        """Translated or reviewed: what counts as translated in percentages and gates."""
        return self.translated + self.reviewed

    @property
    def percent_translated(self) -> float:
        return percent(self.done, self.total)

    @property
    def percent_reviewed(self) -> float:
        return percent(self.reviewed, self.total)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.untranslated + other.untranslated,
            self.fuzzy + other.fuzzy,
            self.translated + other.translated,
            self.reviewed + other.reviewed,
            self.obsolete + other.obsolete,
        )

    @classmethod
    def of(cls, amounts: Iterable[tuple[State, int]]) -> Counts:
        totals = dict.fromkeys(State, 0)
        for state, amount in amounts:
            totals[state] += amount
        return cls(
            totals[State.UNTRANSLATED],
            totals[State.FUZZY],
            totals[State.TRANSLATED],
            totals[State.REVIEWED],
            totals[State.OBSOLETE],
        )


def percent(part: int, whole: int) -> float:
    """``part`` of ``whole`` in percent, rounded down to one decimal; 100.0 when there is nothing."""
    if whole == 0:
        return 100.0
    return (part * 1000 // whole) / 10


def at_least(part: int, whole: int, threshold: float) -> bool:
    """Whether ``part`` is at least ``threshold`` percent of ``whole``, on the exact counts."""
    return whole == 0 or part * 100 >= threshold * whole


def message_words(message: Message, known: Mapping[str, int] | None = None) -> int:
    """Source words of an entry: its msgid and, for a plural entry, its msgid_plural; taken
    from ``known`` (texts already counted, by another process) where it has them."""
    from i18ntool.markdown.words import count_words  # Markdown's parser: only when counting words

    if known:
        counted = known.get(message.msgid)
        if counted is not None and message.msgid_plural is None:
            return counted
    return count_words(message.msgid) + count_words(message.msgid_plural or "")


def count_catalogue(catalogue: Catalogue) -> Counts:
    """The entries of a catalogue in each state, as msgfmt counts them (header not counted)."""
    return Counts.of((state_of(message), 1) for message in catalogue.messages)


@dataclass(frozen=True)
class Row:
    """One document (or catalogue with no document) in one target language."""

    document: str
    language: str
    catalogue: str  # path as the project writes it
    source: str | None  # the source text's path; None for a catalogue with no document
    exists: bool  # whether the catalogue exists yet
    entries: Counts
    words: Counts | None  # None when the run counted no words (a table of entries needs none)
    stale_reviews: int  # translated entries whose review stamp no longer matches
    in_step: bool | None  # None for a catalogue with no document
    missing: int  # entries of the source text the catalogue lacks
    extra: int  # active entries of the catalogue the source text no longer has
    publishable: bool  # translated entries at or above the publish threshold
    figures_carried: int = 0  # fuzzy entries whose figures `update` carried across a figure-only edit

    def counts(self, words: bool = False) -> Counts:
        if not words:
            return self.entries
        if self.words is None:
            raise ValueError("words were not counted in this run")
        return self.words


@dataclass(frozen=True)
class Total:
    """The rows of one language added up."""

    language: str
    catalogues: int
    entries: Counts
    words: Counts | None
    stale_reviews: int
    in_step: int  # rows in step with their source text
    with_source: int  # rows that have a source text to be in step with
    publishable: int

    def counts(self, words: bool = False) -> Counts:
        if not words:
            return self.entries
        if self.words is None:
            raise ValueError("words were not counted in this run")
        return self.words


@dataclass(frozen=True)
class Coverage:
    project: str
    threshold: float
    rows: tuple[Row, ...]
    totals: tuple[Total, ...]


def measure(
    project: Project,
    targets: Sequence[Target],
    *,
    words: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Coverage:
    """Count every target. Every catalogue is read (strictly) before anything is returned.

    Without ``words``, source words are not counted (the rows' ``words`` are None): counting
    them reads every msgid as inline Markdown, which is most of the work on a large catalogue.
    """
    rows = []
    for target in targets:
        rows.append(row_of(project, take_inventory(project, target), project.publish_threshold, words=words))
        if progress is not None:
            progress(len(rows), len(targets))
    return Coverage(project.name, project.publish_threshold, tuple(rows), totals_of(rows, project.languages))


def row_of(
    project: Project,
    inventory: Inventory,
    threshold: float,
    *,
    words: bool = True,
    known_words: Mapping[str, int] | None = None,
) -> Row:
    target = inventory.target
    counted = [(entry.state, entry.message) for entry in inventory.entries]
    counted += [(State.OBSOLETE, message) for message in inventory.obsolete]
    entries = Counts.of((state, 1) for state, _ in counted)
    stale = sum(
        1 for entry in inventory.entries if entry.state is State.TRANSLATED and review_of(entry.message) is not None
    )
    return Row(
        document=target.name,
        language=target.language,
        catalogue=project.relative(target.catalogue_path),
        source=inventory.source,
        exists=inventory.exists,
        entries=entries,
        words=Counts.of((state, message_words(message, known_words)) for state, message in counted) if words else None,
        stale_reviews=stale,
        in_step=inventory.in_step,
        missing=inventory.missing,
        extra=len(inventory.extra),
        publishable=at_least(entries.done, entries.total, threshold),
        figures_carried=sum(1 for entry in inventory.entries if figures_carried(entry.message)),
    )


def totals_of(rows: Sequence[Row], languages: Sequence[str]) -> tuple[Total, ...]:
    totals = []
    for language in [*languages, *sorted({row.language for row in rows} - set(languages))]:
        group = [row for row in rows if row.language == language]
        if not group:
            continue
        totals.append(
            Total(
                language=language,
                catalogues=len(group),
                entries=sum((row.entries for row in group), Counts()),
                words=None if any(row.words is None for row in group) else sum(_words(group), Counts()),
                stale_reviews=sum(row.stale_reviews for row in group),
                in_step=sum(1 for row in group if row.in_step),
                with_source=sum(1 for row in group if row.in_step is not None),
                publishable=sum(1 for row in group if row.publishable),
            )
        )
    return tuple(totals)


def _words(rows: Sequence[Row]) -> Iterator[Counts]:
    return (row.words for row in rows if row.words is not None)


# -- the whole project: spread over the cores, remembered by content -----------------------


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
    pieces = [
        _Piece(project, path, document_id(project, path), wanted, words, keep, settings)
        for path in source_paths(project)
    ]
    project_key = key_of("coverage rows of a project", [settings, str(words), " ".join(wanted)])
    known = _known_rows(cache.get(project_key)) if cache is not None and keep else {}
    # Kept answers are looked up here: a pool of processes is started only for the rest.
    kept = [_kept(piece, known) if known else _Outcome() for piece in pieces]
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
    others = domain_targets(project, None, wanted)
    for outcome in outcomes:
        if outcome.catalogue_error is not None:
            raise outcome.catalogue_error
    if cache is not None and keep:
        now = {
            outcome.key: known[outcome.key] if was_kept.key else [_row_json(row) for row in outcome.rows]
            for outcome, was_kept in zip(outcomes, kept, strict=True)
            if outcome.key is not None
        }
        if missing or now.keys() != known.keys():
            cache.put(project_key, now)
    rows = [row for outcome in outcomes for row in outcome.rows]
    rows += [
        row_of(project, take_inventory(project, target), project.publish_threshold, words=words) for target in others
    ]
    return Coverage(project.name, project.publish_threshold, tuple(rows), totals_of(rows, project.languages))


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
            document = document_of_bytes(project, piece.source, inputs[0], piece.identifier)
    except I18nToolError as error:
        return _Outcome(document_error=error)
    rows = []
    try:
        for language in project.target_languages(document.language):
            if language not in piece.languages:
                continue
            target = Target(document.id, language, project.catalogue_path(language, document.id), document)
            if inputs is None:
                inventory = take_inventory(project, target)
            else:
                inventory = inventory_of_bytes(project, target, inputs[1][project.languages.index(language)])
            rows.append(row_of(project, inventory, project.publish_threshold, words=piece.words))
    except I18nToolError as error:
        return _Outcome(catalogue_error=error)
    key = key_of("coverage rows", _key_parts(piece, *inputs)) if piece.keep and inputs is not None else None
    return _Outcome(tuple(rows), key=key)


def _rows_beside(piece: _Piece) -> _Outcome | None:
    """:func:`_document_rows` of a large source text: segmented in another process while this
    one reads the catalogues (``beside``); None if an input is not a plain readable file, for
    the plain path to report. The rows and errors are the same: a catalogue of a language
    that is not a target is read too, but its error is not raised. The process is forked
    before the catalogues are read, and each catalogue's bytes are let go once parsed, so
    that neither process holds them longer than it needs (42 MiB on catalogue-100000)."""
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

    def read() -> tuple[str | None, dict[str, Catalogue | I18nToolError]] | None:
        try:
            catalogues = _catalogue_bytes(piece)
        except OSError:
            return None
        if catalogues is None:
            return None
        key = key_of("coverage rows", _key_parts(piece, source, catalogues)) if piece.keep else None
        found: dict[str, Catalogue | I18nToolError] = {}
        for index, language in enumerate(project.languages):
            data, catalogues[index] = catalogues[index], None
            if language in names and data is not None:
                try:
                    found[language] = parse_catalogue(data, names[language])
                except I18nToolError as error:
                    found[language] = error
            del data
        if piece.words and fork:
            # The child counts the first half of the template's texts; here, the second half
            # of each catalogue's (the same texts, in the same order, when it is in step).
            for catalogue in found.values():
                if isinstance(catalogue, Catalogue):
                    messages = catalogue.messages
                    counted.update((m.msgid, count_words(m.msgid)) for m in messages[len(messages) // 2 :])
        return key, found

    template, done = template_beside(
        project, piece.source, source, piece.identifier, read, fork=fork, words=piece.words
    )
    if done is None:
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
        exists = catalogue is not None
        inventory = inventory_against(target, catalogue or Catalogue(), template.messages, template.source, exists)
        known = {**template.words, **counted}
        rows.append(row_of(project, inventory, project.publish_threshold, words=piece.words, known_words=known))
    return _Outcome(tuple(rows), key=key)


def _kept(piece: _Piece, known: dict[str, list[object]]) -> _Outcome:
    """The rows kept for exactly this document's inputs, if any (``key`` None: none)."""
    if (inputs := _inputs(piece)) is None:
        return _Outcome()
    key = key_of("coverage rows", _key_parts(piece, *inputs))
    rows = _rows_from_json(known.get(key))
    return _Outcome() if rows is None else _Outcome(rows, key=key)


def _known_rows(kept: object) -> dict[str, list[object]]:
    """The rows the project's cache entry keeps, by key; each checked when used."""
    if not isinstance(kept, dict):
        return {}
    return {key: rows for key, rows in kept.items() if isinstance(key, str) and isinstance(rows, list)}


def _inputs(piece: _Piece) -> tuple[bytes, list[bytes | None]] | None:
    """The bytes of the source text and of its catalogue in every language (None: absent),
    read once for both the key and the measuring; None when anything is not a plain readable
    file, which the uncached path then reports as it always has."""
    try:
        source = piece.source.read_bytes()
        catalogues = _catalogue_bytes(piece)
    except OSError:
        return None
    return None if catalogues is None else (source, catalogues)


def _catalogue_bytes(piece: _Piece) -> list[bytes | None] | None:
    """The bytes of the document's catalogue in every language (None: absent); None when one
    is not a regular file. Raises OSError when one cannot be read."""
    catalogues: list[bytes | None] = []
    for language in piece.project.languages:
        path = piece.project.catalogue_path(language, piece.identifier)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
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


def _key_parts(piece: _Piece, source: bytes, catalogues: list[bytes | None]) -> list[bytes | str | None]:
    return [piece.settings, piece.source.as_posix(), str(piece.words), " ".join(piece.languages), source, *catalogues]


def _row_json(row: Row) -> dict[str, object]:
    return dataclasses.asdict(row)


def _rows_from_json(kept: object) -> tuple[Row, ...] | None:
    """Rows as :func:`_row_json` kept them; None for anything else (the entry is then ignored)."""
    if not isinstance(kept, list):
        return None
    try:
        rows = []
        for fields in kept:
            entries = Counts(**fields["entries"])
            words = None if fields["words"] is None else Counts(**fields["words"])
            row = Row(**{**fields, "entries": entries, "words": words})
            if not _well_typed(row):
                return None
            rows.append(row)
    except (TypeError, KeyError):
        return None
    return tuple(rows)


_ROW_TYPES: dict[str, tuple[type, ...]] = {
    "document": (str,),
    "language": (str,),
    "catalogue": (str,),
    "source": (str, type(None)),
    "exists": (bool,),
    "stale_reviews": (int,),
    "in_step": (bool, type(None)),
    "missing": (int,),
    "extra": (int,),
    "publishable": (bool,),
    "figures_carried": (int,),
}


def _well_typed(row: Row) -> bool:
    """Whether every field of a row read back holds what a measured row would (a hand-edited
    entry with its key kept could hold anything)."""
    counts = [row.entries] if row.words is None else [row.entries, row.words]
    numbers = [
        getattr(each, name)
        for each in counts
        for name in ("untranslated", "fuzzy", "translated", "reviewed", "obsolete")
    ]
    if any(type(number) is not int or number < 0 for number in numbers):
        return False
    return all(
        type(getattr(row, name)) in types and (types != (int,) or getattr(row, name) >= 0)
        for name, types in _ROW_TYPES.items()
    )


# -- gates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shortfall:
    """A row under a gate's bar."""

    row: Row
    measure: Literal["translated", "reviewed"]
    bar: float
    words: bool

    def describe(self) -> str:
        counts = self.row.counts(self.words)
        value = counts.percent_translated if self.measure == "translated" else counts.percent_reviewed
        part = counts.done if self.measure == "translated" else counts.reviewed
        unit = "source words" if self.words else "entries"
        return (
            f"{self.row.document} ({self.row.language}): {value:.1f}% {self.measure} "
            f"({part} of {counts.total} {unit}), under {self.bar:g}%"
        )


def shortfalls(
    coverage: Coverage,
    *,
    fail_under: float | None = None,
    fail_under_reviewed: float | None = None,
    words: bool = False,
) -> tuple[Shortfall, ...]:
    """Every row under ``fail_under`` percent translated or ``fail_under_reviewed`` percent reviewed."""
    found = []
    for row in coverage.rows:
        counts = row.counts(words)
        if fail_under is not None and not at_least(counts.done, counts.total, fail_under):
            found.append(Shortfall(row, "translated", fail_under, words))
        if fail_under_reviewed is not None and not at_least(counts.reviewed, counts.total, fail_under_reviewed):
            found.append(Shortfall(row, "reviewed", fail_under_reviewed, words))
    return tuple(found)
