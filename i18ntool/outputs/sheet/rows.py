"""The rows of a proof sheet: one per entry of a catalogue, in the order of the source text.

A row holds what an editor needs to sign an entry off: the source text and its translation,
the state as a word (``untranslated``, ``fuzzy``, ``translated``, ``reviewed``, or
``review stale`` for a translation changed after its sign-off), who reviewed it and when,
where the entry is (``catalogue:line``) and the `i18ntool review --entry` command that signs
it off, the word diff of a changed source text, the findings of `check`, and notes in words.
Everything here is values in, values out: the pages are rendered elsewhere.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from i18ntool.checks.findings import Finding
from i18ntool.outputs.sheet.diff import Piece, word_diff
from i18ntool.po.states import State, figures_carried, review_of
from i18ntool.targets import Entry

# The states a row shows, in the order of the sheet's bar and legend.
STATUSES = ("untranslated", "fuzzy", "translated", "review stale", "reviewed")


@dataclass(frozen=True)
class Row:
    """One entry of the catalogue as the sheet shows it."""

    number: int  # from 1, in the order of the source text
    kinds: tuple[str, ...]  # what the source block is: "paragraph", "front matter: title", ...
    context: str | None
    source: str
    source_plural: str | None
    translations: tuple[str, ...]  # the msgstr, or each plural form; () when untranslated
    status: str  # one of STATUSES
    references: tuple[str, ...]  # "content/x.md:12", where the text is in the source
    location: str | None  # "locales/it/LC_MESSAGES/x.po:42"; None when the catalogue lacks it
    reviewer: str | None
    review_date: datetime.date | None
    changes: tuple[Piece, ...]  # a fuzzy entry's source text against its previous one
    figures_carried: bool
    findings: tuple[Finding, ...]
    notes: tuple[str, ...]

    @property
    def review_command(self) -> str | None:
        """The command that signs this entry off, for a translation not (or no longer) signed off."""
        if self.location is None or self.status not in ("translated", "review stale"):
            return None
        return f"i18ntool review --entry {self.location}"

    @property
    def css_class(self) -> str:
        return "state-" + self.status.replace(" ", "-")


def status_of(entry: Entry) -> str:
    """The word for the entry's state; a translated entry with a stamp that no longer
    matches is ``review stale``."""
    if entry.state is State.TRANSLATED and review_of(entry.message) is not None:
        return "review stale"
    return entry.state.value


def rows_of(entries: Sequence[Entry], catalogue: str, findings: Sequence[Finding] = ()) -> tuple[Row, ...]:
    """The rows of ``entries`` (a target's inventory, in source order) of the catalogue at
    ``catalogue`` (its path as typed from the project's folder); each finding is placed on the
    row of the entry whose msgid is on its line."""
    by_line: dict[int, list[Finding]] = {}
    for finding in findings:
        by_line.setdefault(finding.line, []).append(finding)
    return tuple(
        _row(number, entry, catalogue, by_line.get(entry.message.line, []) if entry.in_catalogue else [])
        for number, entry in enumerate(entries, start=1)
    )


def unplaced(entries: Sequence[Entry], findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """The findings no row holds: on the catalogue's header, or on a line that is not an entry's msgid."""
    lines = {entry.message.line for entry in entries if entry.in_catalogue}
    return tuple(finding for finding in findings if finding.line not in lines)


def _row(number: int, entry: Entry, catalogue: str, findings: list[Finding]) -> Row:
    message = entry.message
    status = status_of(entry)
    review = review_of(message) if status in ("reviewed", "review stale") else None
    if entry.state is State.UNTRANSLATED:
        translations: tuple[str, ...] = ()
    elif message.msgid_plural is not None:
        translations = message.msgstr_plural
    else:
        translations = (message.msgstr,)
    changes = (
        word_diff(message.previous_msgid, message.msgid)
        if entry.state is State.FUZZY and message.previous_msgid is not None
        else ()
    )
    carried = entry.state is State.FUZZY and figures_carried(message)
    notes: list[str] = []
    if not entry.in_catalogue:
        notes.append(f"new in the source text: not in {catalogue} yet; run `i18ntool update`")
    if entry.state is State.FUZZY:
        if carried:
            notes.append("figures carried by i18ntool: the earlier translation with the source's new figures")
        if message.previous_msgid is not None:
            notes.append(
                "the source text changed: check the translation against the changes, then clear the fuzzy mark"
            )
        else:
            notes.append("matched to a similar text: check the translation, then clear the fuzzy mark")
    if review is not None and status == "review stale":
        notes.append(
            f"the text changed after the sign-off by {review.reviewer} on {review.date.isoformat()}: review it again"
        )
    return Row(
        number=number,
        kinds=message.extracted_comments,
        context=message.msgctxt,
        source=message.msgid,
        source_plural=message.msgid_plural,
        translations=translations,
        status=status,
        references=message.references,
        location=f"{catalogue}:{message.line}" if entry.in_catalogue else None,
        reviewer=review.reviewer if review is not None else None,
        review_date=review.date if review is not None else None,
        changes=changes,
        figures_carried=carried,
        findings=tuple(findings),
        notes=tuple(notes),
    )
