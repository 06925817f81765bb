"""The state of every catalogue entry, and the review stamps that sign translations off.

One function, ``state_of``, says what an entry is: untranslated, fuzzy, translated,
reviewed or obsolete. Its rules are those of ``msgfmt --statistics``: an entry whose msgstr
(for a plural entry, ``msgstr[0]``) is empty is untranslated, fuzzy or not; otherwise a
fuzzy entry is fuzzy and any other is translated; obsolete entries and the header are not
counted. A plural entry with a later form left empty counts as translated, as msgfmt counts
it: that is a finding for a quality check, not a state of its own.

GNU gettext drops flags it does not know (``msgmerge`` and ``msgcat`` remove a
``#, reviewed``), so a review is recorded as a translator comment, which gettext tools and
PO editors keep::

    # reviewed: Maria Rossi, 2026-11-21, 3f1a9c0b27de

The last part is a hash of the entry's context, source text and translation. When any of
them changes, whoever changes it (i18ntool, msgmerge, Poedit, a text editor), the stamp no
longer matches: the review is stale and the entry counts as translated, not reviewed.
A translator in a PO editor sees only the comment, so `update` rewrites a stale stamp to
say so (``mark_review``), keeping the reviewer, date and hash of what was reviewed::

    # stale review: Maria Rossi, 2026-11-21, 3f1a9c0b27de

and puts back the plain label if the text returns to what was reviewed. `review` replaces
either form with a new stamp.

When `update` carries a translation across an edit that changed only figures ($8,000 to
$8,500), writing the new figures as the translation's language writes them, the entry stays
fuzzy for a translator to confirm, with a translator comment saying who changed it::

    # figures carried by i18ntool

The comment means something only while the entry is fuzzy (``figures_carried``); once a
translator confirms the entry, `update` drops it.
"""

from __future__ import annotations

import codecs
import datetime
import enum
import hashlib
import re
from dataclasses import dataclass

from i18ntool.po import quick_reader
from i18ntool.po.catalogue import Catalogue, Message, catalogue_of_text, declared_charset, parse_catalogue

_CURRENT_LABEL = "reviewed"
_STALE_LABEL = "stale review"  # short: Babel's writer wraps comments at 76 columns
_STAMP = re.compile(
    rf"(?P<label>{_CURRENT_LABEL}|{re.escape(_STALE_LABEL)}): "
    r"(?P<reviewer>[^,]+), (?P<date>\d{4}-\d{2}-\d{2}), (?P<digest>[0-9a-f]{12})"
)


FIGURES_CARRIED = "figures carried by i18ntool"


class State(enum.Enum):
    UNTRANSLATED = "untranslated"
    FUZZY = "fuzzy"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"
    OBSOLETE = "obsolete"

    @property
    def done(self) -> bool:
        """Translated or reviewed: what a reader may be shown."""
        return self in (State.TRANSLATED, State.REVIEWED)


@dataclass(frozen=True)
class Review:
    """A review stamp found on an entry."""

    reviewer: str
    date: datetime.date
    digest: str
    current: bool  # the stamp's hash matches the entry's text as it is now


def state_of(message: Message) -> State:
    if message.obsolete:
        return State.OBSOLETE
    forms = message.msgstr_plural if message.msgid_plural is not None else (message.msgstr,)
    if not forms or not forms[0]:  # msgfmt looks at the first form only
        return State.UNTRANSLATED
    if message.fuzzy:
        return State.FUZZY
    review = review_of(message)
    return State.REVIEWED if review is not None and review.current else State.TRANSLATED


def figures_carried(message: Message) -> bool:
    """A fuzzy entry whose translation `update` carried across a figure-only edit."""
    return (
        message.fuzzy and not message.obsolete and FIGURES_CARRIED in (c.strip() for c in message.translator_comments)
    )


def content_digest(message: Message) -> str:
    """A short hash of what a review vouches for: context, source text and translation."""
    parts = [
        message.msgctxt or "",
        message.msgid,
        message.msgid_plural or "",
        *(message.msgstr_plural if message.msgid_plural is not None else (message.msgstr,)),
    ]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:12]


def review_of(message: Message) -> Review | None:
    """The entry's review stamp, if it has one (the last one, if several)."""
    for comment in reversed(message.translator_comments):
        match = _STAMP.fullmatch(comment.strip())
        if match:
            try:
                date = datetime.date.fromisoformat(match["date"])
            except ValueError:
                continue
            digest = match["digest"]
            return Review(match["reviewer"].strip(), date, digest, digest == content_digest(message))
    return None


def is_review_stamp(comment: str) -> bool:
    """Whether a translator comment is a review stamp, current or stale."""
    return _STAMP.fullmatch(comment.strip()) is not None


def mark_review(message: Message) -> Message:
    """``message`` with its review stamp labelled as what it is now: stale unless the entry is
    reviewed (its text is what was signed off, and it is neither fuzzy nor untranslated).
    Obsolete entries are left as they are: their text did not change by being set aside."""
    if message.obsolete or review_of(message) is None:
        return message
    label = _CURRENT_LABEL if state_of(message) is State.REVIEWED else _STALE_LABEL
    comments = []
    for comment in message.translator_comments:
        match = _STAMP.fullmatch(comment.strip())
        if match:
            comment = f"{label}: {match['reviewer'].strip()}, {match['date']}, {match['digest']}"
        comments.append(comment)
    return message.replace(translator_comments=tuple(comments))


def stamp(message: Message, reviewer: str, date: datetime.date) -> Message:
    """``message`` signed off by ``reviewer``: any earlier stamp is replaced by the new one."""
    if "," in reviewer or not reviewer.strip():
        raise ValueError(f"a reviewer's name cannot be empty or hold a comma: {reviewer!r}")
    comments = tuple(comment for comment in message.translator_comments if not _STAMP.fullmatch(comment.strip()))
    line = f"{_CURRENT_LABEL}: {reviewer.strip()}, {date.isoformat()}, {content_digest(message)}"
    return message.replace(translator_comments=(*comments, line))


# The states of a :class:`Tally`'s entries: a state, and for coverage whether a translated
# entry's review stamp is stale and whether a fuzzy entry's figures were carried (an entry
# flagged fuzzy with an empty msgstr is untranslated, and may have them too).
UNTRANSLATED, FUZZY, TRANSLATED = quick_reader.EMPTY, quick_reader.FUZZY, quick_reader.TRANSLATED
FUZZY_CARRIED, TRANSLATED_STALE, REVIEWED, UNTRANSLATED_CARRIED = 3, 4, 5, 6
TALLY_STATES = (
    State.UNTRANSLATED,
    State.FUZZY,
    State.TRANSLATED,
    State.FUZZY,
    State.TRANSLATED,
    State.REVIEWED,
    State.UNTRANSLATED,
)


@dataclass
class Tally:
    """A catalogue's active entries as coverage counts them (``quick_reader.Summary``),
    their states as :func:`state_of` gives them, in the codes above; no ``Message`` made
    but for entries with translator comments."""

    contexts: list[str | None]
    msgids: list[str]
    references: list[str | tuple[str, ...]]  # quick_reader.compact_references
    comments: list[tuple[str, ...]]
    states: bytearray


# How much of a catalogue's bytes is decoded at a time: a piece's text and the bytes are
# held together, not the whole text and the bytes (42 + 42 MiB at catalogue-100000).
_PIECE = 1 << 22


def read_states(data: bytes, name: str) -> Tally | Catalogue:
    """The :class:`Tally` of a catalogue's bytes, or its model (``parse_catalogue``) where
    the quick reader leaves an entry (obsolete, plural, anything unusual), an entry is there
    twice, or the bytes are not UTF-8 as the header declares it: the model then reads it, and
    raises its error if it has one. Where a Tally is given, the model would have read the
    catalogue without an error and given the same states; a header it refuses is refused
    here with its error."""
    tally = _tally(data, name)
    return parse_catalogue(data, name) if tally is None else tally


def _tally(data: bytes, name: str) -> Tally | None:
    if data.startswith(b"\xef\xbb\xbf") or b"\x00" in data or not _in_utf8(declared_charset(data)):
        return None  # the model says what is wrong, or reads another charset
    summary = quick_reader.Summary()
    view = memoryview(data)
    start = 0
    text = ""
    while start < len(data):
        # A piece ends after a blank line, where no entry can be cut, and within a character.
        end = data.find(b"\n\n", start + _PIECE)
        end = len(data) if end < 0 else end + 2
        try:
            text = str(view[start:end], "utf-8")
        except UnicodeDecodeError:
            return None
        if not quick_reader.quick_summary(text, summary):
            return None
        start = end
    del text, view
    if not summary.distinct():
        return None
    if summary.header is not None:
        catalogue_of_text(summary.header, name)  # the header's own errors, after any of the entries'
    states = summary.states
    for index, (msgctxt, msgid, msgstr, flags, translator) in summary.commented.items():
        message = Message(msgid, msgstr, msgctxt, flags=flags, translator_comments=translator)
        state = state_of(message)
        if state is State.UNTRANSLATED:
            states[index] = UNTRANSLATED_CARRIED if figures_carried(message) else UNTRANSLATED
        elif state is State.FUZZY:
            states[index] = FUZZY_CARRIED if figures_carried(message) else FUZZY
        elif state is State.TRANSLATED:
            states[index] = TRANSLATED_STALE if review_of(message) is not None else TRANSLATED
        elif state is State.REVIEWED:
            states[index] = REVIEWED
    return Tally(summary.contexts, summary.msgids, summary.references, summary.comments, states)


def _in_utf8(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False
