"""Which catalogues a command looks at, and what each holds against its current source text.

A target is one catalogue: a document in one of its target languages, or a catalogue with no
document behind it (``locales/<lang>/LC_MESSAGES/<domain>.po`` with no
``content/<domain>.md``, such as UI strings). Its inventory pairs every entry the source text
asks for *now* with the catalogue's entry for the same text, so that a paragraph added since
the last ``update`` shows as untranslated rather than not at all. `coverage`, `todo` and
`review` all start here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from i18ntool.documents import (
    template_fields,
    Listed,
    catalogue_listing,
    load_document,
    load_documents,
    source_files,
)
from i18ntool.po.catalogue import Catalogue, Message, parse_catalogue
from i18ntool.po.quick_reader import compact_references, expanded_references
from i18ntool.po.catalogue_files import catalogue_exists, read_catalogue
from i18ntool.errors import ContentError
from i18ntool.project import Project, check_document_id
from i18ntool.po.states import State, state_of

if TYPE_CHECKING:
    from i18ntool.markdown.segmenting import Document


@dataclass(frozen=True)
class Target:
    """One catalogue to look at; ``document`` is None for a catalogue with no source text."""

    name: str  # the document id, or the catalogue's domain
    language: str
    catalogue_path: Path
    document: Document | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Entry:
    """An entry the source text asks for, in the state the catalogue holds it."""

    message: Message  # the catalogue's entry; the template's when the catalogue lacks it
    state: State
    in_catalogue: bool


@dataclass(frozen=True)
class Inventory:
    """What a target's catalogue holds, measured against the current source text."""

    target: Target
    exists: bool
    entries: tuple[Entry, ...]  # one per entry of the source text (or active catalogue entry)
    obsolete: tuple[Message, ...]
    extra: tuple[Message, ...]  # active catalogue entries the source text no longer has
    in_step: bool | None  # None: no source text to be in step with
    source: str | None = None  # the source text's path as written in references; None: none

    @property
    def missing(self) -> int:
        return sum(1 for entry in self.entries if not entry.in_catalogue)


def select_targets(
    project: Project, names: Sequence[str] = (), languages: Sequence[str] = (), *, glossary: bool = True
) -> list[Target]:
    """The catalogues of the documents or domains ``names`` (default: all) in ``languages``.

    A name is a document id (``press-release``), a source path (``content/press-release.md``)
    or the domain of a catalogue with no source text (``ui``). Languages default to all; a
    document is looked at in its target languages only. With ``glossary`` false, the
    glossary catalogues are left out unless named: they hold terms, not text to publish.
    """
    wanted = wanted_languages(project, languages)
    if names:
        documents: list[Document] = []
        domains: list[str] = []
        for name in names:
            found = _resolve(project, name)
            if isinstance(found, str):
                if found not in domains:
                    domains.append(found)
            elif all(document.id != found.id for document in documents):
                documents.append(found)
    else:
        documents = load_documents(project)
        domains = [domain for domain in _domains(project) if glossary or domain != project.glossary]
    targets = [
        Target(document.id, language, project.catalogue_path(language, document.id), document)
        for document in documents
        for language in project.target_languages(document.language)
        if language in wanted
    ]
    return targets + domain_targets(project, domains, wanted)


def wanted_languages(project: Project, languages: Sequence[str] = ()) -> list[str]:
    """The project's languages that ``languages`` names (default: all), in the project's order."""
    return [language for language in project.languages if not languages or language in languages]


def domain_targets(
    project: Project,
    domains: Sequence[str] | None,
    languages: Sequence[str],
    documents: Collection[str] = (),
    listings: Mapping[str, Sequence[Listed]] | None = None,
) -> list[Target]:
    """The catalogues of ``domains`` (default: every catalogue with no source text but the
    glossary; ``documents``, ids known to have one; ``listings``, each language's catalogues
    as already listed) that exist in ``languages``."""
    if domains is None:
        domains = [domain for domain in _domains(project, documents, listings) if domain != project.glossary]
    return [
        Target(domain, language, project.catalogue_path(language, domain))
        for domain in domains
        for language in languages
        if catalogue_exists(
            project.catalogue_path(language, domain), project.relative(project.catalogue_path(language, domain))
        )
    ]


def take_inventory(project: Project, target: Target) -> Inventory:
    """Read the target's catalogue (strictly: errors name file and line) and pair its entries."""
    path = target.catalogue_path
    exists = catalogue_exists(path, project.relative(path))
    catalogue = read_catalogue(path, project.relative(path)) if exists else Catalogue()
    return inventory_of(target, catalogue, exists)


def inventory_of_bytes(project: Project, target: Target, data: bytes | None) -> Inventory:
    """:func:`take_inventory` of catalogue bytes already read (None: there is no catalogue)."""
    if data is None:
        return inventory_of(target, Catalogue(), exists=False)
    return inventory_of(target, parse_catalogue(data, project.relative(target.catalogue_path)))


# A template entry as coverage needs it: (msgctxt, msgid, references, extracted comments);
# a template has no plural and no translation. Tuples rather than ``Message`` objects: they
# travel between processes (``beside``) in a quarter of the time, and a ``Message`` is made
# only for an entry the catalogue lacks.
TemplateEntry = tuple[str | None, str, tuple[str, ...], tuple[str, ...]]


@dataclass
class TemplateColumns:
    """A template's entries as four columns of their fields (references as
    ``quick_reader.compact_references`` gives them, equal comments one tuple): what a process
    that segmented a large source text sends back (``beside``, which joins the columns of
    two parts in place), in half the memory of the entries, and what a catalogue's columns
    are compared with (``coverage.row_of_tally``)."""

    contexts: list[str | None]
    msgids: list[str]
    references: list[str | tuple[str, ...]]
    comments: list[tuple[str, ...]]

    @classmethod
    def of(cls, entries: Sequence[TemplateEntry]) -> TemplateColumns:
        shared: dict[tuple[str, ...], tuple[str, ...]] = {}
        return cls(
            [entry[0] for entry in entries],
            [entry[1] for entry in entries],
            [compact_references(entry[2]) for entry in entries],
            [shared.setdefault(entry[3], entry[3]) for entry in entries],
        )

    def entries(self) -> list[TemplateEntry]:
        return [
            (context, msgid, expanded_references(references), comments)
            for context, msgid, references, comments in zip(
                self.contexts, self.msgids, self.references, self.comments, strict=True
            )
        ]


def template_entries(document: Document) -> list[TemplateEntry]:
    """``documents.build_template(document)`` as :data:`TemplateEntry` tuples."""
    return template_fields(document)


def inventory_of(target: Target, catalogue: Catalogue, exists: bool = True) -> Inventory:
    """Pair a catalogue's entries with the current template of the target's document."""
    if target.document is None:
        active = [message for message in catalogue.messages if not message.obsolete]
        obsolete = tuple(message for message in catalogue.messages if message.obsolete)
        entries = tuple(Entry(message, state_of(message), True) for message in active)
        return Inventory(target, exists, entries, obsolete, extra=(), in_step=None)
    return inventory_against(target, catalogue, template_entries(target.document), target.document.source, exists)


def inventory_against(
    target: Target, catalogue: Catalogue, template: Sequence[TemplateEntry], source: str, exists: bool = True
) -> Inventory:
    """:func:`inventory_of` with the template of the target's document already built (from
    ``source``): the target need not hold the document itself.

    Each key is made once per entry (``Message.key`` made 800,000 tuples for 100,000 entries),
    and the shapes are compared entry by entry rather than as two lists of them."""
    active = [message for message in catalogue.messages if not message.obsolete]
    obsolete = tuple(message for message in catalogue.messages if message.obsolete)
    by_key = {(message.msgctxt, message.msgid): message for message in active}
    entries = []
    for msgctxt, msgid, references, comments in template:
        found = by_key.get((msgctxt, msgid))
        if found is None:
            wanted = Message(msgid, msgctxt=msgctxt, references=references, extracted_comments=comments)
            entries.append(Entry(wanted, State.UNTRANSLATED, False))
        else:
            entries.append(Entry(found, state_of(found), True))
    wanted_keys = {(entry[0], entry[1]) for entry in template}
    extra = tuple(message for message in active if (message.msgctxt, message.msgid) not in wanted_keys)
    # In step: `update` would leave the active entries as they are (same texts, same order,
    # same references and comments); only translations may differ from the template.
    in_step = exists and len(active) == len(template) and all(map(_same_shape, active, template))
    return Inventory(target, exists, tuple(entries), obsolete, extra, in_step, source)


def _same_shape(message: Message, wanted: TemplateEntry) -> bool:
    msgctxt, msgid, references, comments = wanted
    return (
        message.msgid == msgid
        and message.msgctxt == msgctxt
        and message.msgid_plural is None
        and message.references == references
        and message.extracted_comments == comments
    )


def _resolve(project: Project, name: str) -> Document | str:
    """The document ``name`` names, or the domain of a catalogue with no source text."""
    if name.endswith(".md"):
        # A path as typed: from the working folder, or else from the project's folder.
        given = Path(name)
        candidates = [given] if given.is_absolute() else [Path.cwd() / given, project.root / given]
        found = [path.absolute() for path in candidates if path.is_file()]
        inside = [path for path in found if path.is_relative_to(project.content_dir)]
        if not found:
            raise ContentError("no such source text", name)
        path = (inside or found)[0]
        return load_document(project, path)
    identifier = check_document_id(name, name)
    path = project.source_path(identifier)
    if path.is_file():
        return load_document(project, path, identifier)
    if any(
        catalogue_exists(
            project.catalogue_path(language, identifier), project.relative(project.catalogue_path(language, identifier))
        )
        for language in project.languages
    ):
        return identifier
    known = sorted(
        {source.relative_to(project.content_dir).with_suffix("").as_posix() for source in source_files(project)}
    )
    known += _domains(project)
    choices = f"; choose from {', '.join(known)}" if known else ""
    raise ContentError(f"no such source text, and no catalogue named '{identifier}'{choices}", project.relative(path))


def _domains(
    project: Project, documents: Collection[str] = (), listings: Mapping[str, Sequence[Listed]] | None = None
) -> list[str]:
    """Catalogues with no source text behind them, by domain, in any configured language
    (``documents``: ids known to have a source text, which need no look)."""
    domains: set[str] = set()
    for language in project.languages:
        for listed in catalogue_listing(project, language) if listings is None else listings[language]:
            domain = listed.stem
            if domain not in documents and not project.source_path(domain).is_file():
                domains.add(domain)
    return sorted(domains)
