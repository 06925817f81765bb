"""Merging the units of an XLIFF file into a catalogue: the new catalogue, and what changed.

A pure function of a catalogue and the units read back (``merge_units``). Each unit finds
its entry by its source text (and context), the text i18ntool exported:

- the entry is there: its translation and state come from the unit;
- the entry's source changed since the export (``update`` made it fuzzy, keeping the text
  exported as the previous source): the translation comes in as fuzzy, never translated;
  a target left as it was exported changes nothing, so figures ``update`` carried into the
  translation since stay (the translation it had is the old source's obsolete entry);
- the entry is gone from the source text: the translation is kept as an obsolete entry,
  which ``update`` revives if the text comes back.

A unit with no target changes nothing, so a translation is never lost by a tool that leaves
targets out. A translation the file leaves as it was exported is taken as it is; one a
translator changed has its inline codes checked (``inline_codes.resolve``).

States: ``initial`` with a target (1.2: ``needs-*``) is fuzzy; ``translated`` is translated,
and confirms a fuzzy entry (its previous source is dropped, as a PO editor does);
``reviewed`` or ``final`` (1.2: ``signed-off``, ``approved="yes"``) is stamped as reviewed
only when a reviewer is named: sign-off stays a person's act. A review stamp whose
translation did not change stays as it is.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from i18ntool.checks import markdown_parity
from i18ntool.errors import I18nToolError
from i18ntool.exchange.inline_codes import Close, Coded, CodeProblem, Content, decode, encode, resolve, shape
from i18ntool.exchange.units import UnitState, unit_id
from i18ntool.exchange.xliff_read import ReadUnit
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.po.states import FIGURES_CARRIED, State, mark_review, stamp, state_of


@dataclass(frozen=True)
class Settings:
    """What a merge needs besides the catalogue and the units."""

    reviewer: str | None
    date: datetime.date
    env: Mapping[str, Any]  # the document's link reference definitions
    link_allowed: Callable[[str, str], bool]  # may a translation's link close with the second instead?
    blocks: bool = False  # the catalogue's entries are blocks of a Markdown document (not the pages' own words)


@dataclass(frozen=True)
class Change:
    """What an import did to one entry."""

    line: int  # the entry's msgid line in the catalogue as it was read (0: a new obsolete entry)
    unit: str
    before: str  # the entry's state before ("new" for an entry made now)
    after: str  # its state after
    new_translation: bool  # the translation's text changed
    reason: str = ""  # why it is not what the unit said: source changed, entry gone

    def describe(self, catalogue: str) -> str:
        where = f"{catalogue}:{self.line}" if self.line else catalogue
        what = [self.after if self.before == self.after else f"{self.before} -> {self.after}"]
        if self.new_translation and self.before != "new":
            what.append("new translation")
        if self.reason:
            what.append(self.reason)
        return f"{where}: {', '.join(what)} (unit {self.unit})"


def merge_units(
    catalogue: Catalogue, units: Sequence[ReadUnit], file_name: str, settings: Settings
) -> tuple[Catalogue, list[Change]]:
    """``catalogue`` with the translations of ``units``; errors name ``file_name`` and the unit's line."""
    messages = list(catalogue.messages)
    singular = [index for index, message in enumerate(messages) if message.msgid_plural is None]
    active = {messages[index].key: index for index in singular if not messages[index].obsolete}
    by_id = {unit_id(*key): index for key, index in active.items()}
    previous = {
        (messages[index].previous_msgctxt, messages[index].previous_msgid): index
        for index in singular
        if not messages[index].obsolete and messages[index].fuzzy and messages[index].previous_msgid is not None
    }
    obsolete = {messages[index].key: index for index in singular if messages[index].obsolete}
    changes: list[Change] = []
    done: dict[int, str] = {}

    def fail(unit: ReadUnit, problem: str) -> I18nToolError:
        line = unit.target_line if problem.startswith("target:") and unit.target_line else unit.line
        return I18nToolError(f"unit {unit.id}: {problem}", file_name, line)

    for unit in units:
        source = _source(unit, settings, fail)
        text = decode(source.content)
        key = (unit.msgctxt, text)
        index = by_id.get(unit.id)
        if index is not None and messages[index].key != key:
            raise fail(
                unit,
                f"its source is not the text of its entry (line {messages[index].line} of the catalogue); "
                "a translator changes targets only",
            )
        index = active.get(key) if index is None else index
        reason = ""
        if index is None and key in previous:
            index, reason = previous[key], "source changed since the export: imported as fuzzy"
        if index is None:
            index, reason = obsolete.get(key), "entry gone from the source text: kept as obsolete"
        if unit.target is None:
            continue
        if index is not None and index in done:
            raise fail(unit, f"its entry was imported already, from unit {done[index]}")
        entry = messages[index] if index is not None else None
        translation = _translation(unit, source, entry, settings, fail)
        if entry is not None and translation != entry.msgstr and settings.blocks:
            _one_block(unit, entry, translation, settings, fail)
        if entry is None:
            flags = ("fuzzy",) if unit.state is UnitState.NEEDS_REVIEW else ()
            message = Message(text, translation, unit.msgctxt, flags=flags, obsolete=True)
            messages.append(message)
            changes.append(Change(0, unit.id, "new", "obsolete", True, reason))
            continue
        assert index is not None
        done[index] = unit.id
        if reason.startswith("source changed") and _as_exported(entry, translation, obsolete, messages):
            continue  # the translator left it as it went out; what `update` did since stays
        state = UnitState.NEEDS_REVIEW if reason.startswith("source changed") else unit.state
        updated = _with_state(entry, translation, state, settings)
        if updated != entry:
            messages[index] = updated
            before, after = _state_name(entry), _state_name(updated)
            changes.append(Change(entry.line, unit.id, before, after, updated.msgstr != entry.msgstr, reason))
    return catalogue.replace(messages=tuple(messages)), changes


def _as_exported(
    entry: Message, translation: str, obsolete: Mapping[tuple[str | None, str], int], messages: Sequence[Message]
) -> bool:
    """Whether ``translation``, for an entry whose source changed since the export, is the one
    its old source had then: `update` keeps that one as the fuzzy translation, or, when it
    carried the new figures into it, as the obsolete entry of the old source."""
    if translation == entry.msgstr:
        return True
    kept = obsolete.get((entry.previous_msgctxt, entry.previous_msgid or ""))
    return kept is not None and messages[kept].msgstr == translation


def _source(unit: ReadUnit, settings: Settings, fail: Callable[[ReadUnit, str], I18nToolError]) -> Coded:
    """The unit's source as export wrote it: its codes must be the ones its Markdown makes."""
    try:
        text = decode(unit.source)
    except CodeProblem as problem:
        raise fail(unit, f"in the source, {problem}") from None
    coded = encode(text, settings.env)
    if shape(coded.content) != shape(unit.source):
        raise fail(unit, "the source's inline codes are not the ones i18ntool exported; keep the source as it was")
    return coded


def _translation(
    unit: ReadUnit,
    source: Coded,
    entry: Message | None,
    settings: Settings,
    fail: Callable[[ReadUnit, str], I18nToolError],
) -> str:
    """The unit's target as Markdown: taken as it is when it is the entry's translation as
    exported, checked against the source's codes otherwise."""
    assert unit.target is not None
    if entry is not None and _filled(unit.target, source) == entry.msgstr:
        return entry.msgstr
    try:
        return resolve(unit.target, source, link_allowed=settings.link_allowed, env=settings.env)
    except CodeProblem as problem:
        raise fail(unit, f"target: {problem}") from None


def _one_block(
    unit: ReadUnit, entry: Message, translation: str, settings: Settings, fail: Callable[[ReadUnit, str], I18nToolError]
) -> None:
    """Refuse a translation that would open a block its source does not (a heading, a list,
    a second paragraph): in the built page it would change the document's structure. These
    are what `check` reports as MD107; a front-matter value is only ever inline."""
    if any(comment.startswith("front matter") for comment in entry.extracted_comments):
        return
    differences = [
        difference
        for difference in markdown_parity.compare(entry.msgid, translation, env=settings.env)
        if difference.what == "block"
    ]
    for problem in markdown_parity.markup_problems(differences[:1]):
        raise fail(unit, f"target: {problem.message}")


def _filled(target: Content, source: Coded) -> str | None:
    """The target's Markdown, codes without data taking the source's; None if it has none."""
    parts = []
    for piece in target:
        if isinstance(piece, str):
            parts.append(piece)
            continue
        code = source.code(piece.id)
        if piece.data is not None:
            parts.append(piece.data)
        elif code is None:
            return None
        else:
            parts.append(str(code.end) if isinstance(piece, Close) else code.start)
    return "".join(parts)


def _with_state(entry: Message, translation: str, state: UnitState, settings: Settings) -> Message:
    flags = tuple(flag for flag in entry.flags if flag != "fuzzy")
    equals = tuple(flag for flag in entry.equals_line_flags if flag != "fuzzy")
    message = entry.replace(msgstr=translation)
    if translation != entry.msgstr:  # the translator's text, no longer the one i18ntool carried figures into
        message = message.replace(
            translator_comments=tuple(c for c in entry.translator_comments if c.strip() != FIGURES_CARRIED)
        )
    if state is UnitState.NEEDS_REVIEW:
        if not entry.fuzzy:
            message = message.replace(flags=("fuzzy", *flags))
    else:
        message = message.replace(
            flags=flags,
            equals_line_flags=equals,
            previous_msgctxt=None,
            previous_msgid=None,
            previous_msgid_plural=None,
            translator_comments=tuple(c for c in message.translator_comments if c.strip() != FIGURES_CARRIED),
        )
        if (
            state is UnitState.REVIEWED
            and settings.reviewer is not None
            and not message.obsolete
            and state_of(message) is not State.REVIEWED
        ):
            message = stamp(message, settings.reviewer, settings.date)
    return message if message == entry else mark_review(message)


def _state_name(message: Message) -> str:
    return state_of(message).value


def summary(changes: Sequence[Change]) -> str:
    """`` (2 translated, 1 fuzzy)``: the entries changed, by the state they are in now."""
    counts = Counter(change.after for change in changes)
    return f" ({', '.join(f'{count} {state}' for state, count in counts.items())})" if counts else ""
