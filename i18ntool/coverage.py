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

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from i18ntool.po import states
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.po.states import TALLY_STATES, State, Tally, figures_carried, review_of, state_of
from i18ntool.project import Project
from i18ntool.targets import Inventory, Target, TemplateColumns, take_inventory


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


def row_of_tally(
    project: Project,
    target: Target,
    tally: Tally,
    template: TemplateColumns,
    source: str,
    threshold: float,
    *,
    words: bool = True,
    known_words: Mapping[str, int] | None = None,
) -> Row:
    """``row_of(project, inventory_against(target, catalogue, template, source), ...)`` of the
    catalogue that ``tally`` counts (``states.read_states``): the same row, made from columns.
    A catalogue in step pairs with its template entry by entry, which two comparisons of
    lists show; any other is paired by key."""
    msgids, contexts = template.msgids, template.contexts
    if tally.msgids == msgids and tally.contexts == contexts:
        codes = tally.states
        missing = extra = 0
        in_step = tally.references == template.references and tally.comments == template.comments
    else:
        positions = {key: index for index, key in enumerate(zip(tally.contexts, tally.msgids, strict=True))}
        found = [positions.get(key) for key in zip(contexts, msgids, strict=True)]
        codes = bytearray(states.UNTRANSLATED if index is None else tally.states[index] for index in found)
        missing = found.count(None)
        extra = len(positions) - (len(found) - missing)  # the catalogue's keys are distinct (read_states)
        in_step = False  # not the same texts in the same order
    amounts = [codes.count(code) for code in range(len(TALLY_STATES))]
    entries = Counts.of(zip(TALLY_STATES, amounts, strict=True))
    counted = None
    if words:
        from i18ntool.markdown.words import count_words  # Markdown's parser: only when counting words

        known = known_words or {}
        word_amounts = [0] * len(TALLY_STATES)
        for msgid, code in zip(msgids, codes, strict=True):
            counted_before = known.get(msgid)
            word_amounts[code] += count_words(msgid) if counted_before is None else counted_before
        counted = Counts.of(zip(TALLY_STATES, word_amounts, strict=True))
    return Row(
        document=target.name,
        language=target.language,
        catalogue=project.relative(target.catalogue_path),
        source=source,
        exists=True,
        entries=entries,
        words=counted,
        stale_reviews=amounts[states.TRANSLATED_STALE],
        in_step=in_step,
        missing=missing,
        extra=extra,
        publishable=at_least(entries.done, entries.total, threshold),
        figures_carried=amounts[states.FUZZY_CARRIED] + amounts[states.UNTRANSLATED_CARRIED],
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
