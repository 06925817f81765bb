"""Building the published press texts: gating, rendering, writing, and the manifest.

For every document and every language (its source language included) the build decides
whether the text is published: a translation is when its completeness reaches the project's
publish threshold (``localised.Completeness``); the source text always is. Each published
text is rendered in every requested format (``formats.OUTPUT_FORMATS``: ``md``, ``html``,
``txt``), with ``html`` each language gets an index page, and ``manifest.json`` lists every output with its document, language,
format, completeness and hash, and every text held back with the reason.

Everything is read and rendered before anything is written, so an input error writes
nothing. Outputs are written atomically and only when their bytes change; outputs that an
earlier build made and this one does not (a document removed, or no longer above the
threshold) are removed. Only files the previous manifest lists are ever removed
(``manifest.py``). A document whose inputs did not change since the last build, with its
outputs in place as that build left them, is not read again (``reuse.py``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from i18ntool import workers
from i18ntool.cache import Cache
from i18ntool.digests import Digests, scope_of
from i18ntool.documents import load_document, sources
from i18ntool.errors import ContentError
from i18ntool.outputs.completeness import Completeness
from i18ntool.project import Project
from i18ntool.outputs.formats import Page, output_format
from i18ntool.outputs.manifest import (
    MANIFEST,
    manifest_header,
    has_manifest,
    manifest_of,
    planned_manifest,
    read_manifest,
    remove_temporaries,
    write_outputs,
)
from i18ntool.outputs.reuse import (
    SourceSummary,
    TextSummary,
    in_place,
    input_paths,
    inputs_of,
    outputs_in_place,
    recorded_digests,
    remembered,
    shared_input_paths,
    shared_inputs,
)
from i18ntool.outputs.unchanged import KeptAnswers, holding

if TYPE_CHECKING:
    from i18ntool.markdown.segmenting import Document
    from i18ntool.outputs.html import Link
    from i18ntool.outputs.localised import LocalisedText
    from i18ntool.outputs.page_words import UiText

# The Markdown parser, the catalogues' reader (5 ms), the pages' templates, the pages' own
# words (with Babel: 14 ms) and what uses them are imported in the functions that read and
# render (below), not here: a build with nothing changed reads and renders nothing.

INDEX = "index"


@dataclass(frozen=True)
class BuildOptions:
    languages: tuple[str, ...] = ()  # default: every language of the project
    formats: tuple[str, ...] = ()  # default: the project's formats
    output_dir: Path | None = None  # default: the project's output folder
    include_fuzzy: bool = False
    jobs: int | None = None  # processes; default: every core from workers.PARALLEL_MINIMUM documents, else one


@dataclass(frozen=True)
class HeldBack:
    """A translation not published because it is not complete enough."""

    document: str
    language: str
    catalogue: str  # the catalogue's path in the project
    catalogue_exists: bool
    completeness: Completeness
    threshold: float

    def describe(self) -> str:
        c = self.completeness
        if not self.catalogue_exists:
            return (
                f"{self.document} is not published in {self.language}: there is no catalogue "
                f"{self.catalogue}; run `i18ntool init {self.language}` or `i18ntool update`"
            )
        details = ", ".join(
            part
            for part in (
                f"{c.fuzzy} fuzzy" if c.fuzzy and not c.fuzzy_counts else "",
                f"{c.untranslated} untranslated" if c.untranslated else "",
            )
            if part
        )
        return (
            f"{self.document} is not published in {self.language}: {c.done} of {c.entries} entries "
            f"translated ({c.percent:g}%), under the publish threshold of {self.threshold:g}%"
            f"{'; ' + details if details else ''} in {self.catalogue}"
        )

    def record(self) -> dict[str, Any]:
        """The text's entry in the manifest's ``held_back``."""
        c = self.completeness
        return {
            "document": self.document,
            "language": self.language,
            "catalogue": self.catalogue,
            "completeness": c.percent,
            "entries": c.entries,
            "translated": c.done,
            "fuzzy": c.fuzzy,
            "untranslated": c.untranslated,
            "threshold": self.threshold,
        }


@dataclass(frozen=True)
class Fallback:
    """A published translation with segments shown in the source language."""

    document: str
    language: str
    source: str  # the source text's path
    source_language: str
    lines: tuple[int, ...]

    def describe(self) -> str:
        return (
            f"{self.document} in {self.language}: {len(self.lines)} segment(s) shown in {self.source_language} "
            f"({self.source}:{', '.join(str(line) for line in self.lines)})"
        )


@dataclass(frozen=True)
class Output:
    """One built file, before it is written."""

    path: str  # relative to the output folder, with '/'
    document: str | None  # None for an index page
    language: str
    format: str
    data: bytes | None = field(repr=False)  # None: kept in place from the last build, not read (``sha256`` given)
    source_language: str | None = None
    completeness: Completeness | None = None
    fell_back: int = 0
    sha256: str | None = field(default=None, repr=False, compare=False)  # when known: a kept output's

    def record(self) -> dict[str, Any]:
        """The output's entry in the manifest."""
        c = self.completeness
        return {
            "path": self.path,
            "document": self.document,
            "language": self.language,
            "format": self.format,
            "source_language": self.source_language,
            "completeness": c.percent if c else None,
            "entries": c.entries if c else None,
            "translated": c.done if c else None,
            "fell_back": self.fell_back,
            "sha256": self.sha256 or hashlib.sha256(self.data or b"").hexdigest(),
        }


@dataclass(frozen=True)
class BuildResult:
    output_dir: Path
    outputs: tuple[Output, ...]
    written: tuple[str, ...]  # paths relative to the output folder, the manifest included
    removed: tuple[str, ...]
    held_back: tuple[HeldBack, ...]
    fallbacks: tuple[Fallback, ...]
    ui_fallbacks: tuple[str, ...]  # pages' own words shown in English, per catalogue
    warnings: tuple[str, ...]
    documents: int
    languages: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Nothing held back and nothing fell back: what `--strict` asks for."""
        return not (self.held_back or self.fallbacks or self.ui_fallbacks)


def report(result: BuildResult, where: str, *, strict: bool) -> list[tuple[bool, str]]:
    """What `build` says of ``result`` (``where``: the output folder as the user would type
    it), in order: each piece of text, and whether it goes to stderr. The lines on texts held
    back and passages that fell back are one piece: written at once, not flushed one by one
    (1,000 writes for press-1000)."""
    said = [(True, f"i18ntool: warning: {warning}\n") for warning in result.warnings]
    lines = [
        *(f"Held back: {held.describe()}.\n" for held in result.held_back),
        *(f"Fell back: {fallback.describe()}.\n" for fallback in result.fallbacks),
        *(f"Fell back: {words}.\n" for words in result.ui_fallbacks),
    ]
    if lines:
        said.append((False, "".join(lines)))
    written = [path for path in result.written if path != MANIFEST]
    unchanged = len(result.outputs) - len(written)
    said.append(
        (
            False,
            f"Built {result.documents} document(s) in {', '.join(result.languages)}: {len(result.outputs)} file(s) "
            f"in {where}/, {len(written)} written, {unchanged} unchanged, {len(result.removed)} removed; "
            f"manifest {where}/manifest.json.\n",
        )
    )
    if strict and not result.complete:
        problems = [f"{len(result.held_back)} held back"] if result.held_back else []
        problems += [f"{len(result.fallbacks)} with passages in the source language"] if result.fallbacks else []
        problems += ["pages' own words untranslated"] if result.ui_fallbacks else []
        said.append((True, f"i18ntool: --strict: {', '.join(problems)}\n"))
    return said


@dataclass(frozen=True)
class _Unit:
    """The outputs of one text in one language: what a worker process renders."""

    text: LocalisedText
    stem: str  # "it/press-release"
    formats: tuple[str, ...]
    others: tuple[Link, ...]
    ui: dict[str, UiText]
    date_locale: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class _Prepared:
    """A source text read and localised in every language: what a worker returns."""

    document: Document
    texts: tuple[LocalisedText, ...]  # the published ones
    summary: SourceSummary


def build(
    project: Project, options: BuildOptions = BuildOptions(), progress: Callable[[int, int], None] | None = None
) -> BuildResult:
    """Build the outputs; ``progress(done, total)`` is called as each text is rendered.

    A document whose inputs are those the last build recorded, and whose outputs are still in
    place as it left them, is not read again: its summary and outputs are kept (``reuse``).
    """
    looked = _look(project, options)
    inputs = [inputs_of(project, looked.shared, path, identifier, looked.files) for path, identifier in looked.listed]
    kept = _kept(looked, inputs.__getitem__)
    if kept is not None:
        return kept
    languages, formats, extensions, output_dir = looked.asked
    listed, identifiers, inputs, files, answers = (
        looked.listed,
        looked.identifiers,
        inputs,
        looked.files,
        looked.answers,
    )
    previous, manifest_warnings = read_manifest(output_dir)
    earlier, digests = remembered(previous), recorded_digests(previous)
    summaries: dict[str, SourceSummary] = {}
    to_read = []
    for (path, identifier), digest in zip(listed, inputs, strict=True):
        summary = earlier.get(identifier)
        if summary is not None and summary.inputs == digest:
            if outputs_in_place(output_dir, digests, summary, languages, extensions, files):
                summaries[identifier] = summary
                continue
        to_read.append((project, path, identifier, options.include_fuzzy, digest))
    from_tokens = any(output_format(name).from_tokens for name in formats)
    # The pages' own words: for the pages made now, and for what the build says of them.
    ui = {}
    if to_read or from_tokens:
        from i18ntool.outputs.page_words import load_ui

        ui = {language: load_ui(project, language) for language in project.languages}
    # Each document is read and rendered in one task, so that only its summary and the bytes
    # of its outputs come back from a worker, never the document itself.
    if to_read:
        _import_readers(formats)
    done = workers.map_in_order(
        _build_document, [(*job, languages, formats, ui) for job in to_read], progress, jobs=options.jobs
    )
    rendered: dict[tuple[str, str], tuple[Output, ...]] = {}
    # A document whose inputs changed while it was read, even back to the same bytes, may have
    # been made from other bytes than those its digest is of: the next build makes it again.
    shared_still = not to_read or files.unchanged(path for path, _ in shared_input_paths(project))
    for (_, path, identifier, *_), (summary, outputs_by_language) in zip(to_read, done, strict=True):
        if not (shared_still and files.unchanged(file for file, _ in input_paths(project, path, identifier))):
            summary = dataclasses.replace(summary, inputs="")
        summaries[summary.document] = summary
        rendered.update({(summary.document, language): made for language, made in outputs_by_language.items()})
    ordered = [summaries[identifier] for identifier in identifiers]
    if "html" in formats and INDEX in summaries:
        raise ContentError(
            f"the document id '{INDEX}' would overwrite the index pages; rename the file", summaries[INDEX].source
        )
    index_kept = not to_read and set(earlier) == set(identifiers)
    asked = looked.asked
    answer = _answer(
        project,
        asked,
        ordered,
        rendered,
        ui,
        lambda index: index_kept and in_place(output_dir, digests, index, files),
        digests,
    )
    made = [(output.path, output.data) for output in answer.outputs if output.data is not None]
    records = [output.record() for output in answer.outputs]
    found: dict[Path, os.stat_result] = {}  # what each output made now was when written or found in place
    header = manifest_header(project, options.include_fuzzy)
    held = [item.record() for item in answer.held_back]
    sources = [summary.record() for summary in sorted(ordered, key=lambda summary: summary.document)]
    planned = planned_manifest(previous, records, held, sources, languages, formats, header)
    written, removed = write_outputs(output_dir, previous, made, planned, found)
    # The outputs made now, with the digests the manifest records of them: the next build
    # need not read them to know they are still in place.
    made_digests = {record["path"]: record["sha256"] for record in records}
    files.found_holding(
        (str(output_dir / path), seen, made_digests[path])
        for path, _ in made
        if (seen := found.get(output_dir / path)) is not None
    )
    if answers.keeping and shared_still and files.unchanged(path for path, _ in shared_input_paths(project)):
        _keep_next_answer(project, asked, listed, ui, header, files, answers)
    files.save()
    return dataclasses.replace(
        answer,
        written=tuple(written),
        removed=tuple(removed),
        warnings=answer.warnings + tuple(manifest_warnings),
    )


def build_if_unchanged(project: Project, options: BuildOptions = BuildOptions()) -> BuildResult | None:
    """What :func:`build` answers, if nothing changed since the last build and it kept its
    answer for this one (``unchanged``); else None, with nothing done. With no manifest in the
    output folder (a first build) no answer can hold: nothing else is looked at."""
    if not has_manifest((options.output_dir or project.output_dir).resolve()):
        return None
    looked = _look(project, options)
    return _kept(looked, lambda index: inputs_of(project, looked.shared, *looked.listed[index], looked.files))


class _Asked(NamedTuple):
    """What a build was asked for: its languages, formats (each with its extension) and folder."""

    languages: tuple[str, ...]
    formats: tuple[str, ...]
    extensions: list[tuple[str, str]]
    output_dir: Path


class _Looked(NamedTuple):
    """What a build finds before it reads the last manifest: the source texts, the digest of
    each one's inputs, and the answer kept for a build with nothing changed."""

    asked: _Asked
    listed: list[tuple[Path, str]]
    identifiers: list[str]
    shared: bytes  # the digest of what every document's outputs depend on (``reuse.shared_inputs``)
    files: Digests
    answers: KeptAnswers


def _look(project: Project, options: BuildOptions) -> _Looked:
    languages = tuple(
        language for language in project.languages if language in (options.languages or project.languages)
    )
    formats = tuple(dict.fromkeys(options.formats or project.formats))
    extensions = [(name, output_format(name).extension) for name in formats]  # an unknown format is refused
    output_dir = (options.output_dir or project.output_dir).resolve()
    listed = sources(project)
    cache = Cache.of_user()
    files = Digests(cache, scope_of(project.root, "build"))
    shared = shared_inputs(project, options.include_fuzzy, files)
    return _Looked(
        _Asked(languages, formats, extensions, output_dir),
        listed,
        [identifier for _, identifier in listed],
        shared,
        files,
        KeptAnswers(cache, project.root, output_dir, languages, formats, shared),
    )


def _kept(looked: _Looked, inputs: Callable[[int], str]) -> BuildResult | None:
    """The kept answer, if it holds (``unchanged``): the digest of each document's inputs
    (``inputs(index)``, worked out only while they are as the answer says) and the bytes of its
    outputs and of the manifest it was worked out from are as it says. The temporary files a
    killed build left are removed then, as every build does."""
    output_dir = looked.asked.output_dir
    kept = looked.answers.kept(looked.listed, inputs)
    result = None if kept is None else _from_record(kept[1], output_dir, looked.asked.languages)
    if kept is None or result is None:
        return None
    checks = [(MANIFEST, kept[0]), *((output.path, output.sha256) for output in result.outputs)]
    if not holding(output_dir, checks, looked.files):
        return None
    remove_temporaries(output_dir)
    looked.files.save()
    return result


def _answer(
    project: Project,
    asked: _Asked,
    ordered: list[SourceSummary],
    rendered: dict[tuple[str, str], tuple[Output, ...]],
    ui: dict[str, UiText],
    index_kept: Callable[[str], bool],
    digests: dict[str, str],
) -> BuildResult:
    """What a build answers, but what it wrote and removed: its outputs (those ``rendered``
    now, the others kept in place with the digests the manifest records, each language's index
    page kept when ``index_kept`` says so), what it held back, what fell back, its warnings."""
    languages, formats = asked.languages, asked.formats
    outputs: list[Output] = []
    for language in languages:
        for summary in ordered:
            text = summary.text(language)
            if text is None:
                continue
            outputs += rendered.get((summary.document, language)) or [
                Output(
                    path=f"{language}/{summary.document}.{extension}",
                    document=summary.document,
                    language=language,
                    format=name,
                    data=None,  # in place: not read, its digest says what it holds
                    source_language=summary.language,
                    completeness=text.completeness,
                    fell_back=len(text.fallback_lines),
                    sha256=digests[f"{language}/{summary.document}.{extension}"],  # as checked
                )
                for name, extension in asked.extensions
            ]
    if "html" in formats:
        for language in languages:
            index = f"{language}/{INDEX}.html"
            if index_kept(index):
                outputs.append(
                    Output(index, None, language, "html", data=None, sha256=digests[index])  # in place: not read
                )
                continue
            from i18ntool.outputs.html import language_index

            data = language_index(project, language, ordered, ui, INDEX).encode("utf-8")
            outputs.append(Output(path=index, document=None, language=language, format="html", data=data))
    held_back = [
        HeldBack(
            summary.document,
            text.language,
            project.relative(project.catalogue_path(text.language, summary.document)),
            text.catalogue_exists,
            text.completeness,
            project.publish_threshold,
        )
        for summary in ordered
        for text in summary.texts
        if not text.published and text.language in languages
    ]
    fallbacks = [
        Fallback(summary.document, language, summary.source, summary.language, text.fallback_lines)
        for language in languages
        for summary in ordered
        if (text := summary.text(language)) is not None and text.fallback_lines
    ]
    warnings, ui_fallbacks = _warnings(project, ordered, formats, languages, ui)
    return BuildResult(
        output_dir=asked.output_dir,
        outputs=tuple(outputs),
        written=(),
        removed=(),
        held_back=tuple(held_back),
        fallbacks=tuple(fallbacks),
        ui_fallbacks=tuple(ui_fallbacks),
        warnings=tuple(warnings),
        documents=len(ordered),
        languages=languages,
    )


def _keep_next_answer(
    project: Project,
    asked: _Asked,
    listed: list[tuple[Path, str]],
    ui: dict[str, UiText],
    header: dict[str, Any],
    files: Digests,
    answers: KeptAnswers,
) -> None:
    """Work out what the next build would answer if nothing changed, from the manifest as it
    is read back now, by the code that such a build runs, and keep it (``unchanged``) if that
    build would keep every document, make no output, remove none and leave the manifest as it
    is. The inputs and outputs are not looked at here: the next build checks them."""
    path = asked.output_dir / MANIFEST
    try:
        data, manifest_digest = files.read(str(path))
    except OSError:
        return
    previous, problems = manifest_of(data, path)
    earlier, digests = remembered(previous), recorded_digests(previous)
    identifiers = [identifier for _, identifier in listed]
    if problems or any(identifier not in earlier for identifier in identifiers):
        return
    ordered = [earlier[identifier] for identifier in identifiers]
    expected = {
        f"{language}/{summary.document}.{extension}"
        for summary in ordered
        for language in asked.languages
        if summary.text(language) is not None
        for _, extension in asked.extensions
    }
    if not expected <= digests.keys():
        return  # an output the manifest does not list: the next build makes it
    index_kept = set(earlier) == set(identifiers)
    answer = _answer(project, asked, ordered, {}, ui, lambda index: index_kept and index in digests, digests)
    if any(output.data is not None for output in answer.outputs):
        return
    records = [output.record() for output in answer.outputs]
    held = [item.record() for item in answer.held_back]
    sources = [summary.record() for summary in sorted(ordered, key=lambda summary: summary.document)]
    manifest, stale = planned_manifest(previous, records, held, sources, asked.languages, asked.formats, header)
    if stale or manifest != previous:
        return
    answers.keep(listed, [summary.inputs for summary in ordered], manifest_digest, _record(answer))


def _record(answer: BuildResult) -> dict[str, Any]:
    """A build's answer as the cache keeps it (``_from_record`` reads it back); its outputs
    are all kept in place, with their digests."""
    return {
        "outputs": [
            [
                output.path,
                output.document,
                output.language,
                output.format,
                output.source_language,
                _completeness_record(output.completeness),
                output.fell_back,
                output.sha256,
            ]
            for output in answer.outputs
        ],
        "held_back": [
            [
                held.document,
                held.language,
                held.catalogue,
                held.catalogue_exists,
                _completeness_record(held.completeness),
                held.threshold,
            ]
            for held in answer.held_back
        ],
        "fallbacks": [
            [fallback.document, fallback.language, fallback.source, fallback.source_language, list(fallback.lines)]
            for fallback in answer.fallbacks
        ],
        "ui_fallbacks": list(answer.ui_fallbacks),
        "warnings": list(answer.warnings),
        "documents": answer.documents,
    }


def _completeness_record(completeness: Completeness | None) -> list[Any] | None:
    if completeness is None:
        return None
    return [
        completeness.entries,
        completeness.translated,
        completeness.fuzzy,
        completeness.untranslated,
        completeness.fuzzy_counts,
    ]


def _from_record(record: Any, output_dir: Path, languages: tuple[str, ...]) -> BuildResult | None:
    """The answer ``_record`` kept, with nothing written or removed; None for anything else
    (each field checked as it is read: the cache's files could hold anything)."""
    try:
        fields = _checked(record, dict)
        return BuildResult(
            output_dir=output_dir,
            outputs=tuple(_output_from(item) for item in _checked(fields["outputs"], list)),
            written=(),
            removed=(),
            held_back=tuple(_held_back_from(item) for item in _checked(fields["held_back"], list)),
            fallbacks=tuple(_fallback_from(item) for item in _checked(fields["fallbacks"], list)),
            ui_fallbacks=tuple(_checked(text, str) for text in _checked(fields["ui_fallbacks"], list)),
            warnings=tuple(_checked(text, str) for text in _checked(fields["warnings"], list)),
            documents=_checked(fields["documents"], int),
            languages=languages,
        )
    except (KeyError, TypeError, ValueError):
        return None


def _checked(value: Any, kind: type) -> Any:
    """``value`` if it is exactly of ``kind``, as JSON gives values (a bool is no int)."""
    if type(value) is not kind:
        raise TypeError(f"expected {kind.__name__}")
    return value


def _output_from(record: Any) -> Output:
    path, document, language, format_, source_language, completeness, fell_back, sha256 = _checked(record, list)
    if not (
        type(path) is str
        and (document is None or type(document) is str)
        and type(language) is str
        and type(format_) is str
        and (source_language is None or type(source_language) is str)
        and type(fell_back) is int
        and type(sha256) is str
    ):
        raise TypeError("not an output")
    shown = None if completeness is None else _completeness_from(completeness)
    return Output(path, document, language, format_, None, source_language, shown, fell_back, sha256)


def _held_back_from(record: Any) -> HeldBack:
    document, language, catalogue, exists, completeness, threshold = _checked(record, list)
    return HeldBack(
        _checked(document, str),
        _checked(language, str),
        _checked(catalogue, str),
        _checked(exists, bool),
        _completeness_from(completeness),
        _checked(threshold, float),
    )


def _fallback_from(record: Any) -> Fallback:
    document, language, source, source_language, lines = _checked(record, list)
    if not all(type(line) is int for line in _checked(lines, list)):
        raise TypeError("not a line number")
    return Fallback(
        _checked(document, str),
        _checked(language, str),
        _checked(source, str),
        _checked(source_language, str),
        tuple(lines),
    )


def _completeness_from(record: Any) -> Completeness:
    entries, translated, fuzzy, untranslated, fuzzy_counts = _checked(record, list)
    if not (
        type(entries) is int
        and type(translated) is int
        and type(fuzzy) is int
        and type(untranslated) is int
        and type(fuzzy_counts) is bool
    ):
        raise TypeError("not a completeness")
    return Completeness(entries, translated, fuzzy, untranslated, fuzzy_counts)


def _import_readers(formats: Sequence[str]) -> None:
    """Import the parsers and the renderers before the pool's processes fork, so that they
    inherit them instead of each importing them again (0.2 s of CPU each)."""
    import importlib

    from i18ntool.markdown import segmenting  # noqa: F401
    from i18ntool.outputs import localised  # noqa: F401
    from i18ntool.po import catalogue_files  # noqa: F401

    for name in formats:
        importlib.import_module(output_format(name).renderer.partition(":")[0])


def _build_document(
    job: tuple[Project, Path, str, bool, str, tuple[str, ...], tuple[str, ...], dict[str, UiText]],
) -> tuple[SourceSummary, dict[str, tuple[Output, ...]]]:
    """Read one source text, decide where it is published, and render it in ``languages`` and
    ``formats``: its summary and its outputs by language."""
    project, path, identifier, include_fuzzy, inputs, languages, formats, ui = job
    prepared = _prepare((project, path, identifier, include_fuzzy, inputs))
    texts = {text.language: text for text in prepared.texts}
    summary = prepared.summary
    linked = "html" in formats  # only a page links to the other languages and to its index
    return summary, {
        language: _render(
            _Unit(
                text=texts[language],
                stem=f"{language}/{summary.document}",
                formats=formats,
                others=_others(project, summary, language) if linked else (),
                ui=ui,
                date_locale=project.date_locale(language),
                languages=project.languages,
            )
        )
        for language in languages
        if language in texts
    }


def _prepare(job: tuple[Project, Path, str, bool, str]) -> _Prepared:
    """Read one source text and its catalogues, and decide in which languages it is published."""
    from i18ntool.outputs.localised import localise
    from i18ntool.po.catalogue_files import catalogue_exists, read_catalogue

    project, path, identifier, include_fuzzy, inputs = job
    document = load_document(project, path, identifier)
    texts, summaries = [], []
    for language in project.languages:
        catalogue_path = project.catalogue_path(language, document.id)
        exists = language != document.language and catalogue_exists(catalogue_path, project.relative(catalogue_path))
        catalogue = read_catalogue(catalogue_path, project.relative(catalogue_path)) if exists else None
        text = localise(document, language, catalogue, include_fuzzy=include_fuzzy)
        published = text.is_source or text.completeness.reaches(project.publish_threshold)
        if published:
            texts.append(text)
        title, title_fell_back = text.value("title") if published else (None, False)
        summary, summary_fell_back = text.value("summary") if published else (None, False)
        summaries.append(
            TextSummary(
                language=language,
                published=published,
                catalogue_exists=exists,
                completeness=_full(text),
                fallback_lines=tuple(segment.line for segment in text.fallbacks),
                title=title,
                title_fell_back=title_fell_back,
                summary=summary,
                summary_fell_back=summary_fell_back,
            )
        )
    return _Prepared(
        document,
        tuple(texts),
        SourceSummary(
            document=document.id,
            source=document.source,
            language=document.language,
            date=document.date,
            html_lines=document.html_lines,
            texts=tuple(summaries),
            inputs=inputs,
        ),
    )


def _others(project: Project, summary: SourceSummary, language: str) -> tuple[Link, ...]:
    """Links from a text to the same text in the other languages it is published in."""
    from i18ntool.outputs.html import Link

    return tuple(
        Link(other, _relative(f"{other}/{summary.document}.html", f"{language}/{summary.document}.html"))
        for other in project.languages
        if other != language and summary.text(other) is not None
    )


def _render(unit: _Unit) -> tuple[Output, ...]:
    from i18ntool.outputs.localised import localised_tokens

    text = unit.text
    formats = [output_format(name) for name in unit.formats]
    # The renderers only read the tokens, so the HTML page and the plain text share them.
    tokens = localised_tokens(text) if any(chosen.from_tokens for chosen in formats) else []
    page = Page(
        text=text,
        others=unit.others,
        index_href=_relative(f"{text.language}/{INDEX}.html", f"{unit.stem}.html") if "html" in unit.formats else "",
        ui=unit.ui,
        date_locale=unit.date_locale,
        languages=unit.languages,
        tokens=tokens,
    )
    return tuple(
        Output(
            path=f"{unit.stem}.{chosen.extension}",
            document=text.document.id,
            language=text.language,
            format=chosen.name,
            data=chosen.render(page).encode("utf-8"),
            source_language=text.document.language,
            completeness=_full(text),
            fell_back=len(text.fallbacks),
        )
        for chosen in formats
    )


def _full(text: LocalisedText) -> Completeness:
    """The completeness the manifest records: the source text is complete by definition."""
    if not text.is_source:
        return text.completeness
    entries = len({(segment.context, segment.text) for segment in text.document.segments})
    return Completeness(entries=entries, translated=entries, fuzzy=0, untranslated=0)


def _warnings(
    project: Project,
    summaries: Sequence[SourceSummary],
    formats: Sequence[str],
    languages: Sequence[str],
    ui: dict[str, UiText],
) -> tuple[list[str], list[str]]:
    warnings: list[str] = []
    ui_fallbacks: list[str] = []
    if not any(output_format(name).from_tokens for name in formats):
        return warnings, ui_fallbacks
    for summary in summaries:
        for line in summary.html_lines:
            warnings.append(f"{summary.source}:{line}: HTML block left out of the html and txt outputs")
    for language in languages:
        words = ui[language]
        warnings.extend(words.problems)
        if words.missing:
            path = project.relative(project.catalogue_path(language, "ui"))
            shown = ", ".join(repr(msgid) for msgid in words.missing[:3]) + (", ..." if len(words.missing) > 3 else "")
            ui_fallbacks.append(f"{path}: {len(words.missing)} of the pages' own words shown in English ({shown})")
    return warnings, ui_fallbacks


def _relative(target: str, page: str) -> str:
    """The address of ``target`` from ``page``, both relative to the output folder."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
