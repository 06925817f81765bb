"""Running the quality checks of `i18ntool check` over a project's catalogues.

For every catalogue (``locales/<lang>/LC_MESSAGES/<domain>.po``): first its validity
(``validity``), then every entry in force (translated, not fuzzy, not obsolete) against its
source text: Markdown parity (``markup``), figures (``figures``), addresses kept (``kept``),
the glossary (``glossary``) and, into Italian, typography (``typography``, against the quote
style of the whole catalogue). The source language of an entry is its document's
(``lang:`` in the front matter, or the project's default); the catalogue's folder gives the
target language. Only the checks that fit a catalogue's kind run on it (``KINDS``): the
catalogues of documents get them all; catalogues with no document (such as ``ui``, format
strings for the built pages, read as written in the project's source language) are not
Markdown, so get no Markdown checks and are read as plain text; the glossary catalogues
are checked for validity and their own consistency only.

A catalogue that cannot be read at all raises ``CatalogueError`` (exit 2, file and line);
everything else is a finding. Nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from i18ntool.checks import addresses, figures, glossary, markdown_parity, typography, validity
from i18ntool.figures import reading
from i18ntool.po.catalogue import Message, parse_catalogue
from i18ntool.po.catalogue_files import catalogue_exists, read_catalogue, read_catalogue_bytes
from i18ntool.checks.findings import CHECKS, Finding, Problem, Severity
from i18ntool.project import Project
from i18ntool.targets import Target, select_targets


@dataclass(frozen=True)
class CheckReport:
    """The findings of a run, sorted, and how many catalogues were looked at."""

    findings: tuple[Finding, ...]
    catalogues: int

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


# The families of checks (code prefixes) that fit each kind of catalogue.
KINDS: dict[str, tuple[str, ...]] = {
    "document": ("PO", "MD", "NUM", "KEEP", "GL", "TYPO"),  # Markdown translated from a source text
    "strings": ("PO", "NUM", "KEEP", "GL", "TYPO"),  # no source text, no Markdown: the pages' words
    "glossary": ("PO", "GL104"),  # terms and names
}


@dataclass(frozen=True)
class _Direction:
    """What the entries of one catalogue are checked against."""

    source_language: str
    language: str
    rules: addresses.LinkRules
    env: dict[str, Any]
    glossary: glossary.Glossary | None
    markdown: bool  # the entries are Markdown (a document's), not plain strings


def check_project(
    project: Project,
    names: Sequence[str] = (),
    languages: Sequence[str] = (),
    codes: Iterable[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CheckReport:
    """Check the catalogues of the documents or domains ``names`` (default: all) in ``languages``;
    ``progress(done, total)`` is told of each catalogue checked."""
    wanted = frozenset(CHECKS if codes is None else codes)
    glossaries: dict[str, glossary.Glossary | None] = {}
    findings: list[Finding] = []
    count = 0
    targets = select_targets(project, names, languages)
    for done, target in enumerate(targets, start=1):
        # A catalogue not started yet is for `coverage` to report.
        if catalogue_exists(target.catalogue_path, project.relative(target.catalogue_path)):
            count += 1
            if target.language not in glossaries:
                glossaries[target.language] = _read_glossary(project, target.language)
            findings += _check_target(project, target, glossaries[target.language], wanted)
        if progress is not None:
            progress(done, len(targets))
    return CheckReport(tuple(sorted(set(findings), key=Finding.sort_key)), count)


def check_target(project: Project, target: Target, codes: Iterable[str] | None = None) -> tuple[Finding, ...]:
    """The findings of one target's catalogue, sorted, as `check` reports them (none if the
    catalogue is not started yet): for a report that places them beside their entries."""
    if not catalogue_exists(target.catalogue_path, project.relative(target.catalogue_path)):
        return ()
    wanted = frozenset(CHECKS if codes is None else codes)
    findings = _check_target(project, target, _read_glossary(project, target.language), wanted)
    return tuple(sorted(set(findings), key=Finding.sort_key))


def _read_glossary(project: Project, language: str) -> glossary.Glossary | None:
    path = project.catalogue_path(language, project.glossary)
    if not catalogue_exists(path, project.relative(path)):
        return None
    return glossary.glossary_of(read_catalogue(path, project.relative(path)), language)


def catalogue_kind(project: Project, target: Target) -> str:
    """Which of ``KINDS`` the target's catalogue is."""
    if target.document is not None:
        return "document"
    return "glossary" if target.name == project.glossary else "strings"


def _check_target(
    project: Project, target: Target, terms: glossary.Glossary | None, wanted: frozenset[str]
) -> list[Finding]:
    name = project.relative(target.catalogue_path)
    kind = catalogue_kind(project, target)
    wanted = frozenset(code for code in wanted if code.startswith(KINDS[kind]))
    data = read_catalogue_bytes(target.catalogue_path, name)
    catalogue = parse_catalogue(data, name)
    lines = data.decode("utf-8", errors="replace").split("\n")
    problems = [(problem, 0) for problem in validity.check_catalogue(catalogue, lines, target.language)]
    is_glossary = kind == "glossary"
    if terms is not None and is_glossary:
        problems += [(problem, problem.line) for problem in glossary.inconsistency_problems(terms)]
    if not is_glossary:
        document = target.document
        direction = _Direction(
            source_language=document.language if document is not None else project.source_language,
            language=target.language,
            rules=project.localised_links,
            env=markdown_parity.references(document.text) if document is not None else {},
            glossary=terms,
            markdown=kind == "document",
        )
        glossary_name = project.relative(project.catalogue_path(target.language, project.glossary))
        seen: list[tuple[int, str]] = []  # what a reader sees of each translation, by its entry's line
        for message in catalogue.messages:
            if message.obsolete or message.fuzzy or message.msgid == "":
                continue
            for source, translation in _pairs(message):
                entry_problems, text = _check_entry(message, source, translation, direction, glossary_name)
                problems += [(problem, message.line) for problem in entry_problems]
                seen.append((message.line, text))
        if typography.applies_to(target.language):
            # The quote style is the whole catalogue's, so typography comes after every entry is read.
            style = typography.quote_style(text for _, text in seen)
            problems += [
                (problem, line)
                for line, text in seen
                for problem in typography.typography_problems(typography.compare(text, target.language, style))
            ]
    return [
        Finding(name, problem.line or line, problem.code, problem.message)
        for problem, line in problems
        if problem.code in wanted
    ]


def _pairs(message: Message) -> list[tuple[str, str]]:
    """Each translation of an entry in force with the source text it translates."""
    if message.msgid_plural is None:
        return [(message.msgid, message.msgstr)] if message.msgstr else []
    return [
        (message.msgid if index == 0 else message.msgid_plural, form)
        for index, form in enumerate(message.msgstr_plural)
        if form
    ]


def _check_entry(
    message: Message,
    source: str,
    translation: str,
    direction: _Direction,
    glossary_name: str,
) -> tuple[list[Problem], str]:
    """The problems of one translation, and what a reader sees of it (kept items masked)."""
    kinds = " ".join(message.extracted_comments)
    front_matter = "front matter" in kinds
    problems: list[Problem] = []
    if direction.markdown:
        # A front-matter value is inline Markdown (its emphasis shows in the page's headings), but
        # only ever inline: it opens no block, whatever it starts with.
        problems += markdown_parity.markup_problems(
            markdown_parity.compare(
                source,
                translation,
                table_cell="table cell" in kinds or "table header" in kinds,
                rules=direction.rules,
                source_language=direction.source_language,
                language=direction.language,
                env=direction.env,
                blocks=not front_matter,
            )
        )
        source_text = markdown_parity.read_inline(source, direction.env).plain
        translation_text = markdown_parity.read_inline(translation, direction.env).plain
    else:
        source_text, translation_text = source, translation
    problems += addresses.kept_problems(
        addresses.compare_kept(
            source_text,
            translation_text,
            direction.rules,
            direction.source_language,
            direction.language,
        )
    )
    source_figures = addresses.mask(source_text, addresses.find_kept(source_text))
    translation_figures = addresses.mask(translation_text, addresses.find_kept(translation_text))
    problems += figures.figure_problems(
        reading.compare(source_figures, direction.source_language, translation_figures, direction.language),
        direction.language,
    )
    if direction.glossary is not None:
        problems += glossary.glossary_problems(
            glossary.compare(direction.glossary, source_text, translation_text), glossary_name
        )
    return problems, translation_figures
