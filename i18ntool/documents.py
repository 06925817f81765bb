"""A project's documents and catalogues: finding them, reading a source text, its template.

Every command that looks at source texts or catalogues finds them here, so that `update`,
`coverage`, `todo`, `review`, `check`, `build` and `compile` agree on what the project
holds: the source texts are the ``*.md`` files under the content folder (each a regular
file, with an id that names no catalogue of another kind); a language's catalogues are the
``*.po`` files under ``locales/<lang>/LC_MESSAGES``. A document's template entries are
built here too, from its segments, for `update` to merge and for the others to measure
against.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from i18ntool.errors import ContentError
from i18ntool.project import Project, checked_document_id, document_id

if TYPE_CHECKING:
    from i18ntool.markdown.segmenting import Document
    from i18ntool.po.catalogue import Message
    from i18ntool.markdown.spans import Segment

UI_DOMAIN = "ui"  # the catalogue of the built pages' own words (``outputs.page_words``)


def source_paths(project: Project) -> list[Path]:
    """The paths of the project's source texts, sorted; an error for one that cannot be one."""
    return [path for path, _ in sources(project)]


def sources(project: Project) -> list[tuple[Path, str]]:
    """The project's source texts, sorted by path, each with its document id; an error for
    one that cannot be one (the first in that order)."""
    if not project.content_dir.is_dir():
        raise ContentError("content folder does not exist", project.relative(project.content_dir))
    found = []
    for listed in files_named(project.content_dir, ".md"):
        path = listed.path
        if not listed.regular:  # a FIFO would make the read wait for ever
            raise ContentError(
                "not a regular file; a source text must be a plain Markdown file", project.relative(path)
            )
        identifier = checked_document_id(project, path, listed.stem, listed.link)
        if identifier in (UI_DOMAIN, project.glossary):
            role = "the words of the built pages" if identifier == UI_DOMAIN else "the glossary"
            raise ContentError(
                f"'{identifier}' is the name of the catalogue that holds {role}, so a document cannot have it; "
                "rename the file",
                project.relative(path),
            )
        found.append((path, identifier))
    return found


def source_files(project: Project) -> list[Path]:
    """Every ``*.md`` under the content folder, sorted, unchecked (for listing names in a message)."""
    return [listed.path for listed in files_named(project.content_dir, ".md")] if project.content_dir.is_dir() else []


class Listed(NamedTuple):
    """An entry :func:`files_named` found."""

    where: str  # its path, as text
    stem: str  # its path under the folder, with '/', without the suffix (as a document id or domain)
    link: bool
    regular: bool  # a regular file, or a link to one

    @property
    def path(self) -> Path:
        return Path(self.where)


def files_named(folder: Path, suffix: str) -> list[Listed]:
    """Every entry under ``folder`` whose name ends in ``suffix``, as ``folder.rglob("*" + suffix)``
    finds them (links to folders not followed, folders that cannot be read left out), sorted
    as paths sort.

    ``os.scandir``, not ``rglob``: listing and checking 1,000 documents and their catalogues
    through ``Path`` objects took 40 ms, a third of a `coverage` answered from the cache;
    an entry also tells whether it is a link or a regular file without a further ``stat``."""
    found: list[tuple[list[str], os.DirEntry[str]]] = []
    pending = [(os.fspath(folder), "")]
    while pending:
        where, under = pending.pop()
        try:
            with os.scandir(where) as entries:
                for entry in entries:
                    name = under + entry.name
                    if name.endswith(suffix):
                        found.append((name.split("/"), entry))
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            pending.append((entry.path, name + "/"))
                    except OSError:
                        pass
        except (PermissionError, FileNotFoundError, NotADirectoryError):
            continue
    found.sort(key=lambda item: item[0])
    return [
        Listed(entry.path, _stem("/".join(parts), suffix), entry.is_symlink(), _regular(entry))
        for parts, entry in found
    ]


def _stem(name: str, suffix: str) -> str:
    """``name`` without ``suffix``, as ``Path.with_suffix("")`` takes it off: not from a name
    that is only the suffix (a hidden file, ``.md``, has no suffix)."""
    last = name.rpartition("/")[2]
    return name if last == suffix else name[: -len(suffix)]


def _regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def load_documents(project: Project) -> list[Document]:
    """Every source text of the project, sorted by path."""
    return [load_document(project, path) for path in source_paths(project)]


def load_document(project: Project, path: Path, identifier: str | None = None) -> Document:
    """The source text at ``path`` (under the content folder), with the id its path gives
    unless ``identifier`` is already known."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read source text: {exc.strerror}", project.relative(path)) from exc
    return document_of_bytes(project, path, data, identifier)


def document_of_bytes(project: Project, path: Path, data: bytes, identifier: str | None = None) -> Document:
    """The source text at ``path`` from ``data``, bytes already read from it (for an answer
    kept under a digest of exactly those bytes, or by :func:`load_document`)."""
    # The Markdown and YAML parsers are imported when a first document is read: finding the
    # documents needs neither, and a build with nothing changed reads none.
    from i18ntool.markdown.segmenting import parse_document

    source = project.relative(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError("source text is not valid UTF-8; save it as UTF-8", source, line) from exc
    return parse_document(
        text,
        document_id=document_id(project, path) if identifier is None else identifier,
        source=source,
        default_language=project.source_language,
        languages=project.languages,
        translatable_keys=project.translatable_keys,
    )


def memory_paths(project: Project) -> list[Path]:
    """The files the `translation-memories` globs match, each once, in the setting's order
    (``exchange.memory`` reads them)."""
    found: dict[Path, None] = {}
    for pattern in project.translation_memories:
        for path in sorted(project.root.glob(pattern)):
            if path.is_file():
                found.setdefault(path, None)
    return list(found)


def catalogue_folder(project: Project, language: str) -> Path:
    """The folder of a language's catalogues: ``locales/<lang>/LC_MESSAGES``."""
    return project.catalogue_path(language, "x").parent


def catalogue_paths(project: Project, language: str) -> list[Path]:
    """Every catalogue of ``language``, sorted by path; none if its folder does not exist."""
    return [listed.path for listed in catalogue_listing(project, language)]


def catalogue_listing(project: Project, language: str) -> list[Listed]:
    """Every catalogue of ``language`` (its ``stem``: the domain), sorted by path; none if its
    folder does not exist."""
    folder = catalogue_folder(project, language)
    return files_named(folder, ".po") if folder.is_dir() else []


def catalogue_domain(project: Project, language: str, path: Path) -> str:
    """The domain of a catalogue of ``language``: its path in the folder, without ``.po``."""
    return path.relative_to(catalogue_folder(project, language)).with_suffix("").as_posix()


def build_template(document: Document) -> tuple[Message, ...]:
    """The template entries of a document: one per distinct (context, text), in source order,
    with the references of every segment that has it, then its notes and its kinds of block,
    each once, in order of appearance (as extracted comments)."""
    from i18ntool.po.catalogue import Message  # here: a build with nothing changed reads no catalogue

    return tuple(
        Message(msgid=text, msgctxt=context, references=references, extracted_comments=comments)
        for context, text, references, comments in template_fields(document)
    )


def template_fields(document: Document) -> list[tuple[str | None, str, tuple[str, ...], tuple[str, ...]]]:
    """:func:`build_template`'s entries as (msgctxt, msgid, references, extracted comments):
    what coverage pairs a catalogue with, without making a ``Message`` of each."""
    grouped: dict[tuple[str | None, str], list[Segment]] = {}
    for segment in document.segments:
        key = (segment.context, segment.text)
        if (group := grouped.get(key)) is None:
            grouped[key] = [segment]
        else:
            group.append(segment)
    source = document.source
    fields = []
    for (context, text), group in grouped.items():
        if len(group) == 1:  # most texts: one segment, its notes (if any) and its kind
            segment = group[0]
            references: tuple[str, ...] = (f"{source}:{segment.line}",)
            comments = (*dict.fromkeys(segment.notes), segment.kind) if segment.notes else (segment.kind,)
        else:
            references = tuple(f"{source}:{segment.line}" for segment in group)
            notes = dict.fromkeys(note for segment in group for note in segment.notes)
            comments = (*notes, *dict.fromkeys(segment.kind for segment in group))
        fields.append((context, text, references, comments))
    return fields
