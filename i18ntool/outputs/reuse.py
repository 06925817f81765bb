"""What an earlier build left that this one can keep: documents whose inputs did not change.

A document's outputs depend on its source bytes, its catalogues' bytes, the pages' own
words (the ``ui`` catalogues), the settings, ``--include-fuzzy`` and the code that renders
them (i18ntool's own files, templates included, and the versions of the libraries that
parse and render). ``inputs_of`` makes one digest of all of them; the manifest keeps it
beside a ``SourceSummary`` of the document: what the build needs of it besides its outputs
(in which languages it is published, its completeness, fallbacks, title and summary for the
index pages, HTML blocks left out). A later build whose digest is the same, and whose outputs
are still in place with the bytes the manifest records, takes the summary and the outputs as
they are instead of reading, rendering and comparing the document again.

Every file counts by the digest of its bytes, remembered beside the file's signature
(``digests``: device, inode, size, modification and change times), so that a build with
nothing changed reads none of its inputs and outputs; an edit that keeps a file's size and
modification time still changes its change time, and the file is read again.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import importlib.util
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from i18ntool import __version__
from i18ntool.digests import Digests
from i18ntool.outputs.completeness import Completeness
from i18ntool.project import Project

# The libraries whose versions can change an output's bytes.
_LIBRARIES = ("markdown_it", "jinja2", "markupsafe", "babel", "yaml")
_PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class TextSummary:
    """A document in one language of the project, as the build decided it."""

    language: str
    published: bool
    catalogue_exists: bool
    # The published output's completeness (complete by definition in the source language),
    # or the held-back translation's.
    completeness: Completeness
    fallback_lines: tuple[int, ...] = ()
    title: str | None = None  # as the index shows it, with whether it fell back
    title_fell_back: bool = False
    summary: str | None = None
    summary_fell_back: bool = False


@dataclass(frozen=True)
class SourceSummary:
    """A source text as the build needs it once its outputs are made."""

    document: str
    source: str
    language: str
    date: datetime.date | None
    html_lines: tuple[int, ...]  # HTML blocks left out of the pages, for the warning
    texts: tuple[TextSummary, ...]  # one per language of the project
    inputs: str  # the digest of ``inputs_of``

    def text(self, language: str) -> TextSummary | None:
        """The text in ``language`` if it is published."""
        for text in self.texts:  # a loop, not next() of a generator: half the time, for 6,000 calls a build
            if text.language == language and text.published:
                return text
        return None

    def record(self) -> dict[str, Any]:
        """The document's entry in the manifest's ``sources``."""
        return {
            "document": self.document,
            "inputs": self.inputs,
            "source": self.source,
            "language": self.language,
            "date": self.date.isoformat() if self.date else None,
            "html_lines": list(self.html_lines),
            "texts": [
                {
                    "language": text.language,
                    "published": text.published,
                    "catalogue_exists": text.catalogue_exists,
                    "completeness": [
                        text.completeness.entries,
                        text.completeness.translated,
                        text.completeness.fuzzy,
                        text.completeness.untranslated,
                        text.completeness.fuzzy_counts,
                    ],
                    "fallback_lines": list(text.fallback_lines),
                    "title": [text.title, text.title_fell_back],
                    "summary": [text.summary, text.summary_fell_back],
                }
                for text in self.texts
            ],
        }


def from_record(record: Any) -> SourceSummary | None:
    """The summary a manifest's record describes; None for anything i18ntool did not write.
    Each value is checked to be of the type JSON gives for what i18ntool writes, in one test
    per record (a call per value was 15 ms of 1,000 records, of a build with nothing changed
    and of the answer it keeps)."""
    try:
        texts = tuple(_text_from(text) for text in record["texts"])
        document, source, language, date = record["document"], record["source"], record["language"], record["date"]
        html_lines, inputs = record["html_lines"], record["inputs"]
        if not (
            type(document) is str
            and type(source) is str
            and type(language) is str
            and (date is None or type(date) is str)
            and _line_numbers(html_lines)
            and type(inputs) is str
        ):
            return None
        return SourceSummary(
            document=document,
            source=source,
            language=language,
            date=None if date is None else datetime.date.fromisoformat(date),
            html_lines=tuple(html_lines),
            texts=texts,
            inputs=inputs,
        )
    except (KeyError, TypeError, ValueError):
        return None


def _text_from(text: Any) -> TextSummary:
    """A ``TextSummary`` from its record; a TypeError for anything else."""
    entries, translated, fuzzy, untranslated, fuzzy_counts = text["completeness"]
    title, title_fell_back = text["title"]
    summary, summary_fell_back = text["summary"]
    language, published, exists, lines = (
        text["language"],
        text["published"],
        text["catalogue_exists"],
        text["fallback_lines"],
    )
    if not (
        type(language) is str
        and type(published) is bool
        and type(exists) is bool
        and type(entries) is int
        and type(translated) is int
        and type(fuzzy) is int
        and type(untranslated) is int
        and type(fuzzy_counts) is bool
        and _line_numbers(lines)
        and (title is None or type(title) is str)
        and type(title_fell_back) is bool
        and (summary is None or type(summary) is str)
        and type(summary_fell_back) is bool
    ):
        raise TypeError("not the summary of a text")
    return TextSummary(
        language=language,
        published=published,
        catalogue_exists=exists,
        completeness=Completeness(entries, translated, fuzzy, untranslated, fuzzy_counts),
        fallback_lines=tuple(lines),
        title=title,
        title_fell_back=title_fell_back,
        summary=summary,
        summary_fell_back=summary_fell_back,
    )


def _line_numbers(values: Any) -> bool:
    return type(values) is list and all(type(value) is int for value in values)


def remembered(manifest: dict[str, Any]) -> dict[str, SourceSummary]:
    """The summaries of the last build's manifest, by document."""
    records = manifest.get("sources", [])
    summaries = [from_record(record) for record in records] if isinstance(records, list) else []
    return {summary.document: summary for summary in summaries if summary is not None}


def shared_inputs(project: Project, include_fuzzy: bool, files: Digests) -> bytes:
    """What every document's outputs depend on: the code, the settings, the pages' own words."""
    digest = hashlib.sha256()
    digest.update(f"i18ntool {__version__}\0{include_fuzzy}\0{_settings(project)}\0".encode())
    for path, name in shared_input_paths(project):
        _add_file(digest, files, path, name)
    return digest.digest()


def shared_input_paths(project: Project) -> list[tuple[str, str]]:
    """The files of :func:`shared_inputs`, each (path, name as the digest knows it)."""
    found = []
    for library in _LIBRARIES:
        # The package's __init__.py, which holds its version (MarkupSafe's, its code): found without importing it, and
        # without importlib.metadata, whose import alone is a tenth of a build with nothing to do.
        spec = importlib.util.find_spec(library)
        found.append((spec.origin if spec and spec.origin else "-", library))
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html") and "__pycache__" not in path.parts:
            found.append((str(path), path.relative_to(_PACKAGE).as_posix()))
    for language in project.languages:
        path = project.catalogue_path(language, "ui")
        found.append((str(path), project.relative(path)))
    return found


def inputs_of(project: Project, shared: bytes, path: Path, document: str, files: Digests) -> str:
    """The digest of everything one document's outputs depend on."""
    digest = hashlib.sha256(shared)
    digest.update(f"{document}\0{project.relative(path)}\0".encode())
    for file, name in input_paths(project, path, document):
        _add_file(digest, files, file, name)
    return digest.hexdigest()


def input_paths(project: Project, path: Path, document: str) -> list[tuple[str, str]]:
    """The files of one document's :func:`inputs_of` besides the shared ones: its source text
    and its catalogues, each (path, name as the digest knows it)."""
    return [
        (str(path), "source"),
        *(
            (os.path.join(folder, f"{document}.po"), f"catalogue {language}")
            for language, folder in _catalogue_folders(project)
        ),
    ]


@functools.lru_cache(maxsize=8)
def _catalogue_folders(project: Project) -> tuple[tuple[str, str], ...]:
    """Each language's folder of catalogues, as text: joining strings is a tenth of the cost of
    ``Project.catalogue_path``'s three ``Path`` joins, which a build with nothing to do pays
    for every document."""
    return tuple((language, str(project.catalogue_path(language, "x").parent)) for language in project.languages)


def recorded_digests(manifest: dict[str, Any]) -> dict[str, str]:
    """The hash the manifest records for each output, by path."""
    return {record["path"]: record.get("sha256") for record in manifest.get("outputs", [])}


def in_place(output_dir: Path, digests: dict[str, str], path: str, files: Digests) -> bool:
    """Whether the output at ``path`` holds the bytes the manifest records."""
    try:
        found = files.of(os.path.join(output_dir, path))
    except OSError:
        return False
    return found is not None and digests.get(path) == found


def outputs_in_place(
    output_dir: Path,
    digests: dict[str, str],
    summary: SourceSummary,
    languages: Sequence[str],
    formats: Sequence[tuple[str, str]],
    files: Digests,
) -> bool:
    """Whether the document's outputs in ``languages`` and ``formats`` (name, extension) are
    all in place as the manifest records them."""
    return all(
        in_place(output_dir, digests, f"{language}/{summary.document}.{extension}", files)
        for language in languages
        if summary.text(language) is not None
        for _, extension in formats
    )


def _add_file(digest: Any, files: Digests, path: str, name: str) -> None:
    """A file's name (as the digest should know it: relative, so that the same project in
    another folder gives the same manifest) and the digest of its bytes into ``digest``, or
    that it is missing or unreadable."""
    try:
        found = files.of(path)
    except FileNotFoundError:
        found = None
    except OSError as exc:  # a folder, a permission: the build proper reports it
        digest.update(f"{name}\0unreadable {exc.errno}\0".encode())
        return
    digest.update(f"{name}\0missing\0".encode() if found is None else f"{name}\0{found}\0".encode())


def _settings(project: Project) -> str:
    """The settings, with the project's folders relative to it."""
    values = {
        field.name: project.relative(value) if isinstance(value, Path) else value
        for field in dataclasses.fields(project)
        if field.name != "root" and (value := getattr(project, field.name)) is not None
    }
    return repr(sorted(values.items()))
