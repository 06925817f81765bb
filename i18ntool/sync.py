"""Keeping catalogues in step with their source texts: templates, merging, `update` and `init`.

Sources -> segments -> templates -> catalogues, in one direction. Merging follows msgmerge's
rules, with one promise added: no translation is ever dropped. For every entry of the new
template, in this order:

1. the same text (and context) in the catalogue, active or obsolete: kept, or revived; or an
   entry whose translation was offered, fuzzy, to a text that replaced this one (``#|``
   names it): the edit was undone, and the translation comes back in its old state;
2. the same text translated in another catalogue of the language: reused;
3. a similar old text (a changed figure, a reworded sentence, half of a split paragraph), gone
   or still in use: its translation is offered as fuzzy, with the old text as the previous
   msgid (``#|``); ``matching`` finds it. When only figures changed, they are carried into the
   translation (``figures.carrying``), and the old entry stays, obsolete, with the
   translation as it was;
4. otherwise the entry starts untranslated, unless a translation memory of the project's
   settings has its text or a similar one (``exchange.memory``).

Old entries that nothing took become obsolete (``#~``) if they hold a translation, so that
they come back when their text does. Rule 1 is applied to the whole template before rule 3 to
any of it: a fuzzy match never takes a translation whose own text is back further down.
"""

from __future__ import annotations

import datetime
import functools
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from i18ntool import __version__
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.matching import best_offers
from i18ntool.po.plurals import gettext_rule
from i18ntool.project import Project
from i18ntool.po.states import figures_carried
from i18ntool.figures.carrying import carry_into, confirmed

GENERATED = "Written by `i18ntool update`: edit the source text, not this file."


@dataclass(frozen=True)
class MergeCounts:
    """What a merge did to one catalogue."""

    kept: int = 0
    new: int = 0
    reused: int = 0  # filled from another catalogue of the language
    fuzzy: int = 0
    revived: int = 0
    obsoleted: int = 0
    carried: int = 0  # fuzzy entries whose figures were carried across a figure-only edit
    confirmed: int = 0  # entries a translator confirmed after their figures were carried

    def describe(self) -> str:
        parts = [
            f"{count} {label}"
            for count, label in (
                (self.new, "new"),
                (self.reused, "reused"),
                (self.fuzzy, "fuzzy"),
                (self.carried, "with figures carried"),
                (self.confirmed, "with carried figures confirmed"),
                (self.revived, "revived"),
                (self.obsoleted, "obsolete"),
            )
            if count
        ]
        return ", ".join(parts) or "header"


@dataclass(frozen=True)
class FileChange:
    """A file that `update` wrote, or would write."""

    path: Path
    created: bool
    detail: str


@dataclass(frozen=True)
class UpdateResult:
    changes: tuple[FileChange, ...]
    warnings: tuple[str, ...] = ()


def merge(
    template: Sequence[Message],
    old: Sequence[Message],
    memory: Mapping[tuple[str | None, str], tuple[str, tuple[str, ...]]],
    languages: tuple[str, str] | None = None,
) -> tuple[tuple[Message, ...], MergeCounts]:
    """Bring the messages of a catalogue (``old``) in step with a template.

    Every entry that can have its own translation back (rules 1 and, for an edit undone, an
    entry offered fuzzy to the text that replaced it) takes it before any similar text is
    matched, so that a fuzzy match, made in the template's order, never takes the
    translation of an entry further down that comes back. ``languages`` (source, target)
    lets figure-only edits carry their figures into the translation.
    """
    settled = [confirmed(message) for message in old]  # carried figures a translator confirmed
    confirmations = sum(message is not before for message, before in zip(settled, old, strict=True))
    old = settled
    # Each entry's key made once (a tuple made on each use: 566,000 of them at 100,000 entries).
    old_keys = [message.key for message in old]
    keys = [entry.key for entry in template]
    active = {key: message for key, message in zip(old_keys, old, strict=True) if not message.obsolete}
    obsolete = {key: message for key, message in zip(old_keys, old, strict=True) if message.obsolete}
    offered: dict[tuple[str | None, str], Message] = {}  # fuzzy entries, by the text their translation was made for
    for message in old:
        if message.fuzzy and message.previous_msgid is not None and _translated(message):
            offered.setdefault((message.previous_msgctxt, message.previous_msgid), message)
    wanted = set(keys)
    counts = dict(kept=0, new=0, reused=0, fuzzy=0, revived=0, obsoleted=0, carried=0, confirmed=confirmations)
    used: set[tuple[str | None, str]] = set()
    merged: list[Message | None] = []
    for key, entry in zip(keys, template, strict=True):
        if (found := active.get(key)) is not None:
            merged.append(_refreshed(found, entry))
            counts["kept"] += 1
        elif (found := obsolete.get(key)) is not None:
            merged.append(
                found.replace(references=entry.references, extracted_comments=entry.extracted_comments, obsolete=False)
            )
            counts["revived"] += 1
        elif (found := offered.get(key)) is not None:
            # The text came back (an edit undone): the translation made for it, in its old state.
            # The entry that held it is used up, unless its own text is still wanted too.
            merged.append(_fuzzy_from(entry, found, languages))
            used.add(found.key)
            counts["revived"] += 1
        else:
            merged.append(None)
    # Every translated old entry may lend its translation, also one still in use: when one of
    # two paragraphs with the same text is edited, the old text stays and its translation
    # is the one to offer (msgmerge does the same). Not one whose translation went back above
    # to the text it was made for, and is not wanted itself.
    candidates = [
        message
        for key, message in zip(old_keys, old, strict=True)
        if message.msgid and _translated(message) and (key in wanted or key not in used)
    ]
    unmatched = [
        entry for key, entry, done in zip(keys, template, merged, strict=True) if done is None and key not in memory
    ]
    # Each similar old entry found, with the fuzzy entry made of it (figures carried), on every
    # core when there are many.
    similar = dict(
        zip(
            [entry.key for entry in unmatched],
            best_offers(unmatched, candidates, functools.partial(_fuzzy_from, languages=languages)),
            strict=True,
        )
    )
    for index, (key, entry) in enumerate(zip(keys, template, strict=True)):
        if merged[index] is not None:
            continue
        if key in memory:
            msgstr, msgstr_plural = memory[key]
            merged[index] = entry.replace(msgstr=msgstr, msgstr_plural=msgstr_plural)
            counts["reused"] += 1
        elif (matched := similar.get(key)) is not None:
            match, offer = matched
            if offer.msgstr == match.msgstr:  # carried figures leave the old translation obsolete, as it was
                used.add(match.key)  # several new entries may share it: the halves of a split paragraph
            merged[index] = offer
            counts["fuzzy" if "fuzzy" in offer.flags else "revived"] += 1
            counts["carried"] += figures_carried(offer)
        else:
            merged[index] = entry
            counts["new"] += 1
    result = [message for message in merged if message is not None]
    for key, message in zip(old_keys, old, strict=True):
        if key in wanted or key in used:
            continue
        if message.obsolete:
            result.append(message)
        elif _translated(message):
            result.append(message.replace(obsolete=True, references=()))
            counts["obsoleted"] += 1
    return tuple(result), MergeCounts(**counts)


def _refreshed(message: Message, entry: Message) -> Message:
    """An active ``message`` with ``entry``'s references and comments: itself when they are the
    same already (most entries of a catalogue in step), which saves rebuilding it."""
    if message.references == entry.references and message.extracted_comments == entry.extracted_comments:
        return message
    return message.replace(references=entry.references, extracted_comments=entry.extracted_comments)


def _translated(message: Message) -> bool:
    return bool(message.msgstr or any(message.msgstr_plural))


def _fuzzy_from(entry: Message, old: Message, languages: tuple[str, str] | None = None) -> Message:
    """``entry`` with the translation of a similar ``old`` one, marked fuzzy, figures carried."""
    offer = _offer(entry, old)
    return offer if languages is None else carry_into(offer, old, *languages)


def _offer(entry: Message, old: Message) -> Message:
    """``entry`` with the translation of ``old``, marked fuzzy with ``old``'s text as ``#|``."""
    previous_msgid = old.previous_msgid if old.fuzzy and old.previous_msgid is not None else old.msgid
    previous_msgctxt = old.previous_msgctxt if old.fuzzy and old.previous_msgid is not None else old.msgctxt
    carried = dict(
        msgstr=old.msgstr,
        msgstr_plural=old.msgstr_plural,
        translator_comments=old.translator_comments,
    )
    if previous_msgid == entry.msgid and previous_msgctxt == entry.msgctxt:
        # The text went back to the one this translation was made for (an edit undone).
        return entry.replace(**carried, flags=tuple(flag for flag in old.flags if flag != "fuzzy"))
    flags = ("fuzzy", *(flag for flag in old.flags if flag != "fuzzy"))
    return entry.replace(
        **carried,
        flags=flags,
        previous_msgid=previous_msgid,
        previous_msgctxt=previous_msgctxt if previous_msgctxt != entry.msgctxt or previous_msgctxt else None,
    )


def finished_translations(catalogue: Catalogue | None) -> dict[tuple[str | None, str], tuple[str, tuple[str, ...]]]:
    """The finished translations (translated, not fuzzy) of a catalogue by source text, the
    first of a text kept: ``msgstr`` and ``msgstr_plural``, what merging reuses."""
    found: dict[tuple[str | None, str], tuple[str, tuple[str, ...]]] = {}
    for message in catalogue.messages if catalogue is not None else ():
        if not message.obsolete and not message.fuzzy and _translated(message) and message.msgid:
            found.setdefault(message.key, (message.msgstr, message.msgstr_plural))
    return found


# -- headers ---------------------------------------------------------------------------------


def now_stamp() -> str:
    """The current time as PO headers write it; SOURCE_DATE_EPOCH fixes it for reproducible runs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch and epoch.isdigit()
        else datetime.datetime.now(datetime.UTC)
    )
    return moment.strftime("%Y-%m-%d %H:%M+0000")


def template_header(project: Project, created: str) -> tuple[tuple[str, str], ...]:
    return (
        ("Project-Id-Version", project.name),
        ("Report-Msgid-Bugs-To", project.bugs_address),
        ("POT-Creation-Date", created),
        ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
        ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", "LANGUAGE <LL@li.org>"),
        ("Language", ""),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Generator", f"i18ntool {__version__}"),
    )


def catalogue_header(
    project: Project, language: str, created: str, existing: Sequence[tuple[str, str]] = ()
) -> tuple[tuple[str, str], ...]:
    """A catalogue's header: the existing fields kept in their order, the required ones ensured."""
    if not existing:
        existing = (
            ("Project-Id-Version", project.name),
            ("Report-Msgid-Bugs-To", project.bugs_address),
            ("POT-Creation-Date", created),
            ("PO-Revision-Date", created),
            ("Last-Translator", ""),
            ("Language-Team", Locale.parse(language).english_name or language),
        )
    required = {
        "Project-Id-Version": project.name,
        "POT-Creation-Date": created,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": gettext_rule(language).header,
    }
    fields = []
    for key, value in existing:
        if key in ("Project-Id-Version", "POT-Creation-Date", "Content-Type", "Language") or (
            key in required and not value
        ):
            value = required[key]
        fields.append((key, value))
    present = {key for key, _ in fields}
    fields.extend((key, value) for key, value in required.items() if key not in present)
    return tuple(fields)
