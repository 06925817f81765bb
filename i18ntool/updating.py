"""`update` and `init`: every template written and every catalogue merged (``sync.merge``),
from the files of one run, each read once, on every core when there are many documents.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from pathlib import Path

from babel import Locale

from i18ntool import workers
from i18ntool.documents import UI_DOMAIN, build_template, catalogue_paths, load_document, sources
from i18ntool.errors import I18nToolError
from i18ntool.exchange.memory import TranslationMemories, load_memories
from i18ntool.files import (
    Staged,
    discard_staged,
    flush_staged,
    install_staged,
    remove_stale_temporaries,
    stage_changed,
)
from i18ntool.markdown.segmenting import Document
from i18ntool.po.catalogue import Catalogue, Message, parse_catalogue
from i18ntool.po.catalogue_files import catalogue_exists, read_catalogue, read_catalogue_bytes
from i18ntool.po.layout import format_catalogues, holds_layout
from i18ntool.po.states import mark_review
from i18ntool.project import Project
from i18ntool.sync import (
    GENERATED,
    FileChange,
    UpdateResult,
    catalogue_header,
    finished_translations,
    merge,
    now_stamp,
    template_header,
)


@dataclass(frozen=True)
class Domain:
    """What `update` keeps in step: a template and its catalogues, one per target language."""

    name: str
    messages: tuple[Message, ...]
    template_comments: tuple[str, ...]
    describes: str  # what the catalogues translate, for their first comment line
    languages: tuple[str, ...]
    source_language: str


def document_domain(project: Project, document: Document) -> Domain:
    """A document's domain: its template entries, in its target languages."""
    return Domain(
        name=document.id,
        messages=build_template(document),
        template_comments=(f"Translation template for {document.source}.", GENERATED),
        describes=document.source,
        languages=project.target_languages(document.language),
        source_language=document.language,
    )


def pages_domain(project: Project) -> Domain:
    """The words of the built pages, in every language."""
    from i18ntool.outputs.page_words import UI_LANGUAGE, ui_template

    pages = ui_template(())
    return Domain(
        name=UI_DOMAIN,
        messages=pages.messages,
        template_comments=pages.header_comments,
        describes="the words of the pages that `i18ntool build` writes",
        languages=project.languages,
        source_language=UI_LANGUAGE,
    )


# Below this many documents, `update` plans them in one process; above it, on every core
# (forking and collecting take about a tenth of a second).
PARALLEL_DOMAINS = 100

_Planned = tuple[Path, bytes, bool, str]  # a file to write: path, bytes, created, what changed
_Translations = dict[tuple[str | None, str], tuple[str, tuple[str, ...]]]  # msgstr, msgstr_plural by key


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
    any input leaves every file as it was; errors come out in one order whatever the
    processes: the first source text that cannot be read, then the first catalogue (in the
    order of their paths), then what planning finds, domain by domain.

    Many documents are shared out among the cores (``jobs`` processes, a :class:`Crew`), with
    the same result as in one. Each process reads its documents and their catalogues, hands
    back the finished translations of those catalogues, and merges its documents once it has
    every catalogue's (rule 2 of merging looks in all of them): the documents are segmented
    and the catalogues read on every core, and each once. ``progress(done, total)`` is told
    of the domains merged (the command shows it on a terminal; the core never prints).
    """
    found = sources(project)  # each with its id, checked as it was listed
    paths, identifiers = [path for path, _ in found], [identifier for _, identifier in found]
    planner = _Planner(project, now_stamp(), set(languages or project.languages), load_memories(project))
    total = len(paths) + 1  # every document, then the words of the built pages
    size = workers.jobs(jobs, total, PARALLEL_DOMAINS)
    shares = [(total * number // size, total * (number + 1) // size) for number in range(size)]

    # Each process is sent the memory of the texts its catalogues lack; one process keeps it whole.
    narrow = size > 1

    def gather(share: tuple[int, int], tell: Callable[[int], None]) -> _Gathered:
        return planner.gather(paths, identifiers, share, narrow)

    def lend(asked: dict[str, set[tuple[str | None, str]]], tell: Callable[[int], None]) -> _Read:
        return planner.lend(asked)

    def plan(memories: dict[str, _Translations], tell: Callable[[int], None]) -> tuple[list[_Change], Exception | None]:
        error = planner.plan_gathered(memories, tell, stage=not check)
        return [(path, created, detail) for path, _, created, detail in planner.planned], error

    def stage(_: None, tell: Callable[[int], None]) -> tuple[Staged, I18nToolError | None]:
        """The files staged while planning, or the first error staging them."""
        return planner.staged, planner.stage_error

    def install(flushed: bool, tell: Callable[[int], None]) -> I18nToolError | None:
        try:
            if flushed:
                install_staged(planner.staged)
        except I18nToolError as error:
            return error
        finally:
            discard_staged(planner.staged)
        return None

    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    # The files are written as write_all_if_changed writes them (all staged, one flush, then
    # renamed), each process its own share: nothing is written unless every share is staged.
    # Each domain's files are staged as soon as it is planned: making a temporary file took
    # 0.3-1 ms here, and a share's 850 took 0.6 s after its planning, where now one process
    # makes files while the other plans.
    with workers.collection_paused(), workers.Crew(size, [gather, plan, stage, install, lend]) as crew, planner:
        gathered = crew.step(0, shares)
        for each in gathered:
            if each.document_error is not None:
                raise each.document_error
        if narrow:
            # Only the translations of the texts some share asks for come back (a share's
            # catalogues' all were 9.4 MB to send and read at press-1000-edited).
            asked: dict[str, set[tuple[str | None, str]]] = {}
            for each in gathered:
                for language, keys in each.asked.items():
                    asked.setdefault(language, set()).update(keys)
            lent = crew.step(4, [asked] * crew.size)
            read = {path: found for each in lent for path, found in each.items()}
        else:
            read = {path: found for each in gathered for path, found in each.translations.items()}
        memories = {language: planner.memory(language, read) for language in sorted(planner.targets)}
        wanted = [
            {language: _subset(memory, each.asked.get(language, set())) for language, memory in memories.items()}
            if narrow
            else memories
            for each in gathered
        ]
        if not check:
            remove_stale_temporaries(project.locales_dir, (".po", ".pot"))  # before any is staged
        plans = crew.step(1, wanted, advance)
        failure = next((error for _, error in plans if error is not None), None)  # planning's first
        if not check:
            staged = crew.step(2, [None] * crew.size)
            failure = failure or next((error for _, error in staged if error is not None), None)
            if failure is None:
                try:
                    flush_staged([item for items, _ in staged for item in items])  # one flush to disk for all
                except I18nToolError as error:
                    failure = error
            _raise_first([failure, *crew.step(3, [failure is None] * crew.size)])  # what is staged goes on an error
        _raise_first([failure])
    workers.held_to_the_end(planner, gathered, read, memories, wanted, plans)  # all that was read and made
    changes = [
        FileChange(path=path, created=created, detail=detail) for items, _ in plans for path, created, detail in items
    ]
    return UpdateResult(changes=tuple(changes), warnings=tuple(_orphans(project, set(identifiers))))


class _Verdict(NamedTuple):
    """See :meth:`_Planner.verdict`."""

    created: str
    existed: bool
    changed: bool
    detail: str
    written: bool = False  # the file holds the very bytes it would be written with


_Considered = tuple[Path, Catalogue, bool, bool, str]  # path, catalogue, existed, changed, detail

# From this size, a document's catalogues are read in forked processes while its source text
# is read here, and its old template while its catalogues are merged: at 100,000 segments, a
# 44 MB catalogue took 1.4 s and its 26 MB template 1.2 s of the main process.
BACKGROUND_BYTES = 1 << 20


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _raise_first(errors: Iterable[Exception | None]) -> None:
    for error in errors:
        if error is not None:
            raise error


_Change = tuple[Path, bool, str]  # a file written (or to write): path, created, what changed


_Read = dict[Path, _Translations | I18nToolError]  # catalogues read: finished translations, or why not


@dataclass(frozen=True)
class _Gathered:
    """What a share of the domains read: the first source text that cannot be read, or the
    finished translations of each catalogue read (an error for one that cannot be; where
    the work is shared out, they stay with the share, see :meth:`_Planner.lend`) and the
    texts of its templates that their own catalogues lack (``asked``), by language."""

    document_error: I18nToolError | None = None
    translations: dict[Path, _Translations | I18nToolError] = dataclasses.field(default_factory=dict)
    asked: dict[str, set[tuple[str | None, str]]] = dataclasses.field(default_factory=dict)  # by language


def _subset(memory: _Translations, keys: set[tuple[str | None, str]]) -> _Translations:
    """The translations of ``memory`` of the texts in ``keys``: what one share is sent."""
    return {key: memory[key] for key in keys if key in memory}


class _Planner:
    """What `update` would write for each domain, from the files of one run, each read once."""

    def __init__(self, project: Project, stamp: str, targets: set[str], external: TranslationMemories) -> None:
        self.project, self.stamp, self.targets, self.external = project, stamp, targets, external
        self.raw: dict[Path, bytes] = {}
        self.catalogues: dict[Path, Catalogue | None] = {}  # each file read once (see read)
        self.early: dict[Path, workers.Background] = {}  # large catalogues being read in the background
        self.domains: list[Domain] = []
        self.memories: dict[str, _Translations] = {}
        self.planned: list[_Planned] = []
        self.staged: Staged = []
        self.stage_error: I18nToolError | None = None
        self.verdicts: dict[str, workers.Background] = {}  # of large templates, read in the background
        self.translations: dict[Path, tuple[str, _Translations | I18nToolError]] = {}  # by path, for lend

    def gather(
        self, paths: Sequence[Path], identifiers: Sequence[str], share: tuple[int, int], narrow: bool = True
    ) -> _Gathered:
        """Read the documents of ``share`` (numbers in ``paths``; one past the last: the pages'
        words) and their catalogues; keep their domains for :meth:`plan_gathered`. With
        ``narrow``, find the texts the share will look up in the memory (``asked``)."""
        start, end = share
        for number in range(start, min(end, len(paths))):
            self.read_early(identifiers[number])
            try:
                document = load_document(self.project, paths[number], identifiers[number])
            except I18nToolError as error:
                return _Gathered(document_error=error)
            domain = document_domain(self.project, document)
            self.domains.append(domain)
            template_path = self.project.template_path(domain.name)
            if _size(template_path) >= BACKGROUND_BYTES:
                # Read while this process reads the catalogues (a second core's work).
                self.verdicts[domain.name] = workers.Background(functools.partial(self.verdict, domain))
        if end > len(paths):
            self.domains.append(pages_domain(self.project))
        translations: _Read = {}
        languages: dict[Path, str] = {}
        asked: dict[str, set[tuple[str | None, str]]] = {}
        for domain in self.domains:
            for language in domain.languages:
                if language in self.targets:
                    path = self.project.catalogue_path(language, domain.name)
                    languages[path] = language
                    try:
                        catalogue = self.read(path)
                    except I18nToolError as error:
                        translations[path] = error
                        continue
                    translations[path] = finished_translations(catalogue)
                    if not narrow:
                        continue  # (0.1 s at 100,000 entries, in the one process)
                    # Merging looks a text up in the other catalogues only when its own has no
                    # entry for it: those texts are all the memory this share needs.
                    own = {message.key for message in catalogue.messages} if catalogue else set()
                    asked.setdefault(language, set()).update(
                        message.key for message in domain.messages if message.key not in own
                    )
        if not narrow:
            return _Gathered(translations=translations)
        self.translations = {path: (languages[path], found) for path, found in translations.items()}
        return _Gathered(asked=asked)

    def lend(self, asked: dict[str, set[tuple[str | None, str]]]) -> _Read:
        """Of each catalogue :meth:`gather` read, the finished translations of the texts
        ``asked`` in its language (by any share), or the error reading it: all that
        :meth:`memory` needs of them to answer those texts."""
        lent: _Read = {}
        for path, (language, found) in self.translations.items():
            if isinstance(found, I18nToolError):
                lent[path] = found
                continue
            wanted = asked.get(language, set())
            lent[path] = {key: translation for key, translation in found.items() if key in wanted}
        return lent

    def __enter__(self) -> _Planner:
        return self

    def __exit__(self, *_: object) -> None:
        """Reading in the background that nothing asked for (a document in another language
        than expected, or an error before) is stopped."""
        for background in [*self.early.values(), *self.verdicts.values()]:
            background.cancel()

    def read(self, path: Path) -> Catalogue | None:
        """The catalogue or template at ``path`` (None if there is none), read once. (Kept in a
        dict of the planner's own rather than by functools.cache of a method of its own, a
        cycle that kept every catalogue read alive until the collector's next full round.)"""
        if path not in self.catalogues:
            self.catalogues[path] = self._read(path)
        return self.catalogues[path]

    def _read(self, path: Path) -> Catalogue | None:
        if (early := self.early.pop(path, None)) is not None:
            return early.result()  # type: ignore[no-any-return]
        return _read_if_present(self.project, path, self.raw)

    def read_early(self, name: str) -> None:
        """Start reading the large catalogues of domain ``name`` in forked processes, so that
        they are read while its source text is (a document's language, and so which
        catalogues it has, is known only once it is read: those not wanted are never asked
        for). The bytes to compare layouts with are read again here if they are wanted."""
        for language in sorted(self.targets):
            path = self.project.catalogue_path(language, name)
            if _size(path) >= BACKGROUND_BYTES:
                self.early[path] = workers.Background(functools.partial(_read_if_present, self.project, path, {}))

    def memory(self, language: str, read: dict[Path, _Translations | I18nToolError]) -> _Translations:
        """The finished translations of all ``language``'s catalogues, in the order of their
        paths, the first of a text kept: from ``read`` where a share read the catalogue."""
        memory: _Translations = {}
        for path in catalogue_paths(self.project, language):
            found = read[path] if path in read else finished_translations(self.read(path))
            if isinstance(found, I18nToolError):
                raise found
            for key, translation in found.items():
                memory.setdefault(key, translation)
        return memory

    def plan_gathered(
        self, memories: dict[str, _Translations], tell: Callable[[int], None], stage: bool = False
    ) -> I18nToolError | None:
        """The writes of every domain gathered (in ``planned``), or the first error; with
        ``stage``, each domain's files staged once it is planned (in ``staged``; the first
        error staging them in ``stage_error``, after which planning goes on: an error of
        planning is reported first)."""
        self.memories = memories
        for domain in self.domains:
            try:
                planned = self.plan(domain)
            except I18nToolError as error:
                return error
            self.planned += planned
            if stage and self.stage_error is None:
                try:
                    self.staged += stage_changed([(path, data) for path, data, _, _ in planned], read=self.raw)
                except I18nToolError as error:
                    self.stage_error = error
            tell(1)
        return None

    def consider(self, considered: list[_Considered]) -> list[_Planned]:
        """The writes of the ``(path, catalogue, existed, changed, detail)`` whose content
        (``changed``) or layout differs from the file's: a file another tool saved in its own
        layout is put back into gettext's. A domain's template and catalogues are laid out
        together (``format_catalogues``)."""
        texts = format_catalogues([catalogue for _, catalogue, _, _, _ in considered])
        planned: list[_Planned] = []
        for (path, _, existed, changed, detail), text in zip(considered, texts, strict=True):
            data = text.encode("utf-8")
            if changed:
                planned.append((path, data, not existed, detail))
            elif data != self.raw_bytes(path):
                planned.append((path, data, False, "gettext's layout restored, content unchanged"))
        return planned

    def raw_bytes(self, path: Path) -> bytes:
        """The bytes of a file read (or read in the background), to compare layouts."""
        if path not in self.raw:
            self.raw[path] = read_catalogue_bytes(path, self.project.relative(path))
        return self.raw[path]

    def verdict(self, domain: Domain, likely_changed: bool = False) -> _Verdict:
        """What planning needs of the old template: the creation date the template keeps
        (the old one, unless its content changes), whether there was one, whether its content
        changes, and how. Small, so that it can come from a :class:`workers.Background`.

        A template whose bytes are already those it would be written with (its creation
        date kept) is not read as a catalogue: it holds that content, as reading what the
        layout writes gives back what was laid out (`update` twice changes nothing). Not
        asked of a large one, read in the background: laying out in one process took longer
        than reading (100,000 entries); nor when the template has ``likely_changed`` (a
        catalogue of the domain has other texts): laying out to its first edit was lost
        time. Either way the verdict is the same."""
        path = self.project.template_path(domain.name)
        relative = self.project.relative(path)
        if (
            not likely_changed
            and path not in self.catalogues
            and catalogue_exists(path, relative)
            and _size(path) < BACKGROUND_BYTES
        ):
            raw = self.raw_bytes(path)
            if (found := _HEADER_CREATED.search(raw, 0, raw.find(b"\n\n"))) is not None and found[1]:
                created = found[1].decode("utf-8", "replace")
                if holds_layout(raw, self.template(domain, created)):
                    return _Verdict(created, True, False, "header", written=True)
        old = self.read(path)
        created = (old.header("POT-Creation-Date") if old else None) or self.stamp
        kept = self.template(domain, created)
        changed = old is None or kept != old
        return _Verdict(
            self.stamp if changed else created, old is not None, changed, _template_detail(domain.messages, old)
        )

    def template(self, domain: Domain, created: str) -> Catalogue:
        return Catalogue(
            header_fields=template_header(self.project, created),
            header_comments=domain.template_comments,
            header_flags=("fuzzy",),
            messages=domain.messages,
        )

    def plan(self, domain: Domain) -> list[_Planned]:
        project, read = self.project, self.read
        background = self.verdicts.pop(domain.name, None)
        merges = []
        for language in domain.languages:
            if language not in self.targets:
                continue
            path = project.catalogue_path(language, domain.name)
            old = read(path)
            carrying = None if domain.name == UI_DOMAIN else (domain.source_language, language)  # not the pages' words
            merged, counts = merge(domain.messages, old.messages if old else (), self.memories[language], carrying)
            merged, borrowed = self.external.fill(merged, domain.source_language, language)
            marked = tuple(mark_review(message) for message in merged)  # a PO editor shows stale stamps as stale
            relabelled = sum(
                before is not after and before != after for before, after in zip(merged, marked, strict=True)
            )
            detail = borrowed.describe(counts.describe())
            if relabelled:
                stamps = f"{relabelled} review stamp{'s' if relabelled != 1 else ''} relabelled"
                detail = stamps if detail == "header" else f"{detail}, {stamps}"
            merges.append((language, path, old, marked, detail))
        # A template read in the background is waited for after merging, which needs none of it.
        if background is not None:
            verdict = background.result()
        else:
            verdict = self.verdict(domain, bool(merges) and _other_texts(domain, merges[0][2]))
        template = self.template(domain, verdict.created)
        considered: list[_Considered] = []
        if not verdict.written:  # (else there is nothing to write, nor to lay out again)
            considered.append(
                (project.template_path(domain.name), template, verdict.existed, verdict.changed, verdict.detail)
            )
        for language, path, old, marked, detail in merges:
            catalogue = Catalogue(
                header_fields=catalogue_header(project, language, verdict.created, old.header_fields if old else ()),
                header_comments=old.header_comments
                if old
                else (f"{Locale.parse(language).english_name} translation of {domain.describes}.",),
                header_flags=old.header_flags if old else (),
                messages=marked,
            )
            considered.append((path, catalogue, old is not None, old is None or catalogue != old, detail))
        return self.consider(considered)


def _other_texts(domain: Domain, old: Catalogue | None) -> bool:
    """Whether a catalogue of ``domain`` as it was (``old``) had other texts than the
    template now has, or in another order: then the template, written with it, most likely
    changed too."""
    active = [message.key for message in old.messages if not message.obsolete] if old else []
    return active != [message.key for message in domain.messages]


def init(project: Project, language: str) -> UpdateResult:
    """Start catalogues for ``language`` (which must be configured): every document's, and the pages'."""
    return update(project, [language])


def _read_if_present(project: Project, path: Path, raw: dict[Path, bytes]) -> Catalogue | None:
    """The catalogue at ``path``, its bytes kept in ``raw`` to compare layouts (or taken from
    there, if read already); None if there is none."""
    if path not in raw:
        if not catalogue_exists(path, project.relative(path)):
            return None
        raw[path] = read_catalogue_bytes(path, project.relative(path))
    return parse_catalogue(raw[path], project.relative(path))


# A template's creation date as the layout writes it in the header (its first entry).
_HEADER_CREATED = re.compile(rb'\n"POT-Creation-Date: ([^"\\\n]*)\\n"\n')


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


def _orphans(project: Project, known: set[str]) -> list[str]:
    """Warnings for templates that `update` wrote for documents that are gone (``known``: the
    documents' ids)."""
    templates = project.locales_dir / "templates"
    warnings = []
    for path in sorted(templates.rglob("*.pot")) if templates.is_dir() else ():
        identifier = path.relative_to(templates).with_suffix("").as_posix()
        if identifier in known or GENERATED not in read_catalogue(path, project.relative(path)).header_comments:
            continue  # a document's template, or one of another origin (UI strings)
        warnings.append(
            f"{project.relative(path)}: no source text {project.relative(project.source_path(identifier))}; "
            "its template and catalogues are left as they are"
        )
    return warnings
