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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from i18ntool import __version__
from i18ntool.po.catalogue import Catalogue, Message, parse_catalogue
from i18ntool.po.catalogue_files import catalogue_exists, read_catalogue, read_catalogue_bytes
from i18ntool.documents import UI_DOMAIN, build_template, catalogue_paths, load_documents
from i18ntool import workers
from i18ntool.exchange.memory import TranslationMemories, load_memories
from i18ntool.files import remove_stale_temporaries, write_all_if_changed
from i18ntool.matching import best_matches
from i18ntool.po.plurals import gettext_rule
from i18ntool.project import Project
from i18ntool.po.layout import format_catalogue
from i18ntool.markdown.segmenting import Document
from i18ntool.po.states import figures_carried, mark_review
from i18ntool.figures.carrying import carry_into, confirmed

_GENERATED = "Written by `i18ntool update`: edit the source text, not this file."


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
    memory: Mapping[tuple[str | None, str], Message],
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
    active = {message.key: message for message in old if not message.obsolete}
    obsolete = {message.key: message for message in old if message.obsolete}
    offered: dict[tuple[str | None, str], Message] = {}  # fuzzy entries, by the text their translation was made for
    for message in old:
        if message.fuzzy and message.previous_msgid is not None and _translated(message):
            offered.setdefault((message.previous_msgctxt, message.previous_msgid), message)
    wanted = {message.key for message in template}
    counts = dict(kept=0, new=0, reused=0, fuzzy=0, revived=0, obsoleted=0, carried=0, confirmed=confirmations)
    used: set[tuple[str | None, str]] = set()
    merged: list[Message | None] = []
    for entry in template:
        fresh = dict(references=entry.references, extracted_comments=entry.extracted_comments, obsolete=False)
        if entry.key in active:
            merged.append(_refreshed(active[entry.key], entry))
            counts["kept"] += 1
        elif entry.key in obsolete:
            merged.append(obsolete[entry.key].replace(**fresh))
            counts["revived"] += 1
        elif entry.key in offered:
            # The text came back (an edit undone): the translation made for it, in its old state.
            # The entry that held it is used up, unless its own text is still wanted too.
            merged.append(_fuzzy_from(entry, offered[entry.key], languages))
            used.add(offered[entry.key].key)
            counts["revived"] += 1
        else:
            merged.append(None)
    # Every translated old entry may lend its translation, also one still in use: when one of
    # two paragraphs with the same text is edited, the old text stays and its translation
    # is the one to offer (msgmerge does the same). Not one whose translation went back above
    # to the text it was made for, and is not wanted itself.
    candidates = [
        message
        for message in old
        if message.msgid and _translated(message) and (message.key in wanted or message.key not in used)
    ]
    unmatched = [entry for index, entry in enumerate(template) if merged[index] is None and entry.key not in memory]
    similar = dict(zip([entry.key for entry in unmatched], best_matches(unmatched, candidates), strict=True))
    for index, entry in enumerate(template):
        if merged[index] is not None:
            continue
        if entry.key in memory:
            source = memory[entry.key]
            merged[index] = entry.replace(msgstr=source.msgstr, msgstr_plural=source.msgstr_plural)
            counts["reused"] += 1
        elif (match := similar.get(entry.key)) is not None:
            offer = _fuzzy_from(entry, match, languages)
            if offer.msgstr == match.msgstr:  # carried figures leave the old translation obsolete, as it was
                used.add(match.key)  # several new entries may share it: the halves of a split paragraph
            merged[index] = offer
            counts["fuzzy" if "fuzzy" in offer.flags else "revived"] += 1
            counts["carried"] += figures_carried(offer)
        else:
            merged[index] = entry
            counts["new"] += 1
    result = [message for message in merged if message is not None]
    for message in old:
        if message.key in wanted or message.key in used:
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


def translation_memory(catalogues: Iterable[Catalogue]) -> dict[tuple[str | None, str], Message]:
    """Finished translations (translated, not fuzzy) by source text, first catalogue first."""
    memory: dict[tuple[str | None, str], Message] = {}
    for catalogue in catalogues:
        for message in catalogue.messages:
            if not message.obsolete and not message.fuzzy and _translated(message) and message.msgid:
                memory.setdefault(message.key, message)
    return memory


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


# -- update and init -----------------------------------------------------------------------


@dataclass(frozen=True)
class Domain:
    """What `update` keeps in step: a template and its catalogues, one per target language."""

    name: str
    messages: tuple[Message, ...]
    template_comments: tuple[str, ...]
    describes: str  # what the catalogues translate, for their first comment line
    languages: tuple[str, ...]
    source_language: str


def domains(project: Project, documents: Sequence[Document]) -> list[Domain]:
    """Every document, in its target languages; then the words of the built pages, in all."""
    from i18ntool.outputs.page_words import UI_LANGUAGE, ui_template

    found = [
        Domain(
            name=document.id,
            messages=build_template(document),
            template_comments=(f"Translation template for {document.source}.", _GENERATED),
            describes=document.source,
            languages=project.target_languages(document.language),
            source_language=document.language,
        )
        for document in documents
    ]
    pages = ui_template(())
    found.append(
        Domain(
            name=UI_DOMAIN,
            messages=pages.messages,
            template_comments=pages.header_comments,
            describes="the words of the pages that `i18ntool build` writes",
            languages=project.languages,
            source_language=UI_LANGUAGE,
        )
    )
    return found


# Below this many documents, `update` plans them in one process; above it, on every core
# (forking and collecting take about a tenth of a second).
PARALLEL_DOMAINS = 100

_Planned = tuple[Path, bytes, bool, str]  # a file to write: path, bytes, created, what changed


def update(
    project: Project,
    languages: Sequence[str] = (),
    *,
    check: bool = False,
    progress: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
) -> UpdateResult:
    """Write every template and bring every catalogue in step; with ``check``, write nothing.

    Everything is read and merged before the first file is written, so that an error in
    any input leaves every file as it was. ``progress(done, total)`` is told of the domains
    merged (the command shows it on a terminal; the core never prints). Many documents are
    planned on every core (``jobs`` processes), with the same result as in one.
    """
    documents = load_documents(project)
    planner = _Planner(project, now_stamp(), set(languages or project.languages), load_memories(project))
    found = domains(project, documents)
    jobs = workers.jobs(jobs, len(found), PARALLEL_DOMAINS)
    if jobs == 1:
        plans = []
        for done, domain in enumerate(found, start=1):
            plans.append(planner.plan(domain))
            if progress is not None:
                progress(done, len(found))
    else:
        for language in [language for domain in found for language in domain.languages if language in planner.targets]:
            planner.memory(language)  # read here, once, for the workers to share
        plans = workers.forked(
            lambda start, end: [planner.plan(d) for d in found[start:end]], len(found), jobs, progress
        )
    if not check:
        remove_stale_temporaries(project.locales_dir, (".po", ".pot"))
    planned = [item for plan in plans for item in plan]
    if not check:
        write_all_if_changed([(path, data) for path, data, _, _ in planned])  # one flush to disk for all
    changes = [FileChange(path=path, created=created, detail=detail) for path, _, created, detail in planned]
    warnings = _orphans(project, documents)
    return UpdateResult(changes=tuple(changes), warnings=tuple(warnings))


class _Planner:
    """What `update` would write for each domain, from the files of one run, each read once."""

    def __init__(self, project: Project, stamp: str, targets: set[str], external: TranslationMemories) -> None:
        self.project, self.stamp, self.targets, self.external = project, stamp, targets, external
        self.raw: dict[Path, bytes] = {}
        self.read = functools.cache(lambda path: _read_if_present(project, path, self.raw))
        self.memories: dict[str, dict[tuple[str | None, str], Message]] = {}

    def memory(self, language: str) -> dict[tuple[str | None, str], Message]:
        """The finished translations of ``language``'s catalogues, read when first wanted."""
        if language not in self.memories:
            self.memories[language] = translation_memory(_other_catalogues(self.project, language, self.read))
        return self.memories[language]

    def consider(self, path: Path, catalogue: Catalogue, old: Catalogue | None, detail: str) -> list[_Planned]:
        """The write of ``catalogue`` if its content or its layout differs from the file's:
        a file another tool saved in its own layout is put back into gettext's."""
        data = format_catalogue(catalogue).encode("utf-8")
        if old is None or catalogue != old:
            return [(path, data, old is None, detail)]
        if data != self.raw.get(path):
            return [(path, data, False, "gettext's layout restored, content unchanged")]
        return []

    def plan(self, domain: Domain) -> list[_Planned]:
        project, stamp, read = self.project, self.stamp, self.read
        template_path = project.template_path(domain.name)
        old_template = read(template_path)
        created = old_template.header("POT-Creation-Date") if old_template else None
        template = Catalogue(
            header_fields=template_header(project, created or stamp),
            header_comments=domain.template_comments,
            header_flags=("fuzzy",),
            messages=domain.messages,
        )
        if old_template is None or template != old_template:
            template = template.replace(header_fields=template_header(project, stamp))
        planned = self.consider(template_path, template, old_template, _template_detail(domain.messages, old_template))
        created = template.header("POT-Creation-Date") or stamp
        for language in domain.languages:
            if language not in self.targets:
                continue
            path = project.catalogue_path(language, domain.name)
            old = read(path)
            carrying = None if domain.name == UI_DOMAIN else (domain.source_language, language)  # not the pages' words
            merged, counts = merge(domain.messages, old.messages if old else (), self.memory(language), carrying)
            merged, borrowed = self.external.fill(merged, domain.source_language, language)
            marked = tuple(mark_review(message) for message in merged)  # a PO editor shows stale stamps as stale
            relabelled = sum(
                before is not after and before != after for before, after in zip(merged, marked, strict=True)
            )
            catalogue = Catalogue(
                header_fields=catalogue_header(project, language, created, old.header_fields if old else ()),
                header_comments=old.header_comments
                if old
                else (f"{Locale.parse(language).english_name} translation of {domain.describes}.",),
                header_flags=old.header_flags if old else (),
                messages=marked,
            )
            detail = borrowed.describe(counts.describe())
            if relabelled:
                stamps = f"{relabelled} review stamp{'s' if relabelled != 1 else ''} relabelled"
                detail = stamps if detail == "header" else f"{detail}, {stamps}"
            planned += self.consider(path, catalogue, old, detail)
        return planned


def init(project: Project, language: str) -> UpdateResult:
    """Start catalogues for ``language`` (which must be configured): every document's, and the pages'."""
    return update(project, [language])


def _read_if_present(project: Project, path: Path, raw: dict[Path, bytes]) -> Catalogue | None:
    """The catalogue at ``path``, its bytes kept in ``raw`` to compare layouts; None if there is none."""
    if not catalogue_exists(path, project.relative(path)):
        return None
    raw[path] = read_catalogue_bytes(path, project.relative(path))
    return parse_catalogue(raw[path], project.relative(path))


def _other_catalogues(project: Project, language: str, read: Callable[[Path], Catalogue | None]) -> Iterator[Catalogue]:
    for path in catalogue_paths(project, language):
        catalogue = read(path)
        if catalogue is not None:
            yield catalogue


def _template_detail(messages: Sequence[Message], old: Catalogue | None) -> str:
    if old is None:
        return f"{len(messages)} entr{'y' if len(messages) == 1 else 'ies'}"
    before = {message.key for message in old.messages}
    after = {message.key for message in messages}
    added, removed = len(after - before), len(before - after)
    parts = [f"{added} added"] if added else []
    parts += [f"{removed} removed"] if removed else []
    if parts:
        return ", ".join(parts)
    return "references" if tuple(messages) != old.messages else "header"


def _orphans(project: Project, documents: Sequence[Document]) -> list[str]:
    """Warnings for templates that `update` wrote for documents that are gone."""
    known = {document.id for document in documents}
    templates = project.locales_dir / "templates"
    warnings = []
    for path in sorted(templates.rglob("*.pot")) if templates.is_dir() else ():
        identifier = path.relative_to(templates).with_suffix("").as_posix()
        if identifier in known or _GENERATED not in read_catalogue(path, project.relative(path)).header_comments:
            continue  # a document's template, or one of another origin (UI strings)
        warnings.append(
            f"{project.relative(path)}: no source text {project.relative(project.source_path(identifier))}; "
            "its template and catalogues are left as they are"
        )
    return warnings
