"""Catalogue entries as XLIFF units, whatever the version: ids, states, notes, and the file's origin.

The writers of both XLIFF versions serialise these values, and the readers give them back:
the mapping of states lives here once, so that the README's table and both versions agree.

| catalogue state | XLIFF 2.1 segment | XLIFF 1.2 target |
|---|---|---|
| untranslated | ``initial``, no target | no target |
| fuzzy | ``initial`` + target, ``subState="i18ntool:fuzzy"``, previous source in metadata | ``state="needs-review-translation"``, previous source as ``alt-trans`` |
| translated | ``translated`` | ``state="translated"`` |
| reviewed | ``reviewed``, reviewer and date in metadata | ``state="signed-off"``, ``approved="yes"``, reviewer and date as a ``phase`` |
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field

from i18ntool.exchange.inline_codes import Coded, Content
from i18ntool.po.catalogue import Message
from i18ntool.po.states import State, is_review_stamp, review_of, state_of

FUZZY_SUBSTATE = "i18ntool:fuzzy"
NAMESPACE = "urn:i18ntool:xliff:1"  # the namespace of i18ntool's own marks in the files it writes


class UnitState(enum.Enum):
    """What a unit says of its translation, in terms both versions can carry."""

    UNTRANSLATED = "untranslated"
    NEEDS_REVIEW = "fuzzy"  # initial with a target (1.2: needs-review-translation)
    TRANSLATED = "translated"
    REVIEWED = "reviewed"  # reviewed, or final: becomes a review stamp only with --reviewer


@dataclass(frozen=True)
class Origin:
    """Which project, catalogue and languages a file belongs to, so that import refuses others."""

    project: str
    name: str  # the document id, or the domain of a catalogue with no source text
    catalogue: str  # the catalogue's path in the project, with '/'
    source_language: str
    target_language: str


@dataclass(frozen=True)
class Note:
    category: str  # "extracted", "translator", "context" or "location"
    text: str


@dataclass(frozen=True)
class Unit:
    """One catalogue entry, as written to an XLIFF file or read back from one."""

    id: str
    msgctxt: str | None
    source: Coded
    target: Content | None  # None: no target
    state: UnitState
    notes: tuple[Note, ...] = ()
    previous: str | None = None  # the previous source text of a fuzzy entry
    previous_context: str | None = None
    reviewer: str | None = None
    review_date: str | None = None
    line: int = field(default=0, compare=False)  # the unit's line in the file it was read from


def unit_id(msgctxt: str | None, msgid: str) -> str:
    """A stable id for an entry: the same entry has the same id in every export."""
    key = msgid if msgctxt is None else f"{msgctxt}\x04{msgid}"
    return "m" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def unit_state(message: Message) -> UnitState:
    state = state_of(message)
    if state is State.UNTRANSLATED:
        return UnitState.UNTRANSLATED
    if state is State.FUZZY:
        return UnitState.NEEDS_REVIEW
    return UnitState.REVIEWED if state is State.REVIEWED else UnitState.TRANSLATED


def notes_of(message: Message) -> tuple[Note, ...]:
    """The entry's comments as notes: review stamps are not notes (the state carries them)."""
    notes = [Note("extracted", comment) for comment in message.extracted_comments]
    notes += [
        Note("translator", comment)
        for comment in message.translator_comments
        if not is_review_stamp(comment) and comment.strip()
    ]
    if message.msgctxt is not None:
        notes.append(Note("context", message.msgctxt))
    notes += [Note("location", reference) for reference in message.references]
    return tuple(notes)


def review_metadata(message: Message) -> tuple[str | None, str | None]:
    """The reviewer and date of a reviewed entry (None for others)."""
    review = review_of(message)
    if review is None or not review.current or state_of(message) is not State.REVIEWED:
        return None, None
    return review.reviewer, review.date.isoformat()
