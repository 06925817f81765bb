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

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from babel import Locale

from i18ntool.checks import addresses, figures, glossary, markdown_parity, typography, validity
from i18ntool.po.catalogue import Message, catalogue_exists, parse_catalogue, read_catalogue
from i18ntool.errors import CatalogueError
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

    def as_json(self) -> str:
        """The report for scripts; the schema is documented in the README and only grows under one name."""
        return json.dumps({
            "schema": SCHEMA,
            "findings": [finding.as_json() for finding in self.findings],
            "errors": self.errors, "warnings": self.warnings, "catalogues": self.catalogues,
        }, ensure_ascii=False, indent=2)


SCHEMA = "i18ntool-check/1"

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
    project: Project, names: Sequence[str] = (), languages: Sequence[str] = (), codes: Iterable[str] | None = None,
) -> CheckReport:
    """Check the catalogues of the documents or domains ``names`` (default: all) in ``languages``."""
    wanted = frozenset(CHECKS if codes is None else codes)
    glossaries: dict[str, glossary.Glossary | None] = {}
    findings: list[Finding] = []
    count = 0
    for target in select_targets(project, names, languages):
        if not catalogue_exists(target.catalogue_path, project.relative(target.catalogue_path)):
            continue  # a catalogue not started yet is for `coverage` to report
        count += 1
        if target.language not in glossaries:
            glossaries[target.language] = _read_glossary(project, target.language)
        findings += _check_target(project, target, glossaries[target.language], wanted)
    return CheckReport(tuple(sorted(set(findings), key=Finding.sort_key)), count)


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


def _check_target(project: Project, target: Target, terms: glossary.Glossary | None, wanted: frozenset[str]) -> list[Finding]:
    name = project.relative(target.catalogue_path)
    kind = catalogue_kind(project, target)
    wanted = frozenset(code for code in wanted if code.startswith(KINDS[kind]))
    try:
        data = target.catalogue_path.read_bytes()
    except OSError as exc:
        raise CatalogueError(f"cannot read catalogue: {exc.strerror}", name) from exc
    catalogue = parse_catalogue(data, name)
    lines = data.decode("utf-8", errors="replace").split("\n")
    problems = [(problem, 0) for problem in validity.check_catalogue(catalogue, lines, target.language)]
    is_glossary = kind == "glossary"
    if terms is not None and is_glossary:
        problems += [
            (Problem("GL104", f"'{term.source}' is marked keep but translated '{term.translation}'; make msgstr the name itself"), term.line)
            for term in terms.inconsistent
        ]
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
                for problem in _typography_problems(typography.compare(text, target.language, style))
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
    message: Message, source: str, translation: str, direction: _Direction, glossary_name: str,
) -> tuple[list[Problem], str]:
    """The problems of one translation, and what a reader sees of it (kept items masked)."""
    kinds = " ".join(message.extracted_comments)
    front_matter = "front matter" in kinds
    problems: list[Problem] = []
    if direction.markdown:
        # A front-matter value is inline Markdown (its emphasis shows in the page's headings), but
        # only ever inline: it opens no block, whatever it starts with.
        problems += _markup_problems(markdown_parity.compare(
            source, translation, table_cell="table cell" in kinds or "table header" in kinds,
            rules=direction.rules, source_language=direction.source_language, language=direction.language,
            env=direction.env, blocks=not front_matter,
        ))
        source_text = markdown_parity.read_inline(source, direction.env).plain
        translation_text = markdown_parity.read_inline(translation, direction.env).plain
    else:
        source_text, translation_text = source, translation
    problems += _kept_problems(addresses.compare_kept(
        source_text, translation_text, direction.rules, direction.source_language, direction.language,
    ))
    source_figures = addresses.mask(source_text, addresses.find_kept(source_text))
    translation_figures = addresses.mask(translation_text, addresses.find_kept(translation_text))
    problems += _figure_problems(
        figures.compare(source_figures, direction.source_language, translation_figures, direction.language),
        direction.language,
    )
    if direction.glossary is not None:
        problems += _glossary_problems(glossary.compare(direction.glossary, source_text, translation_text), glossary_name)
    return problems, translation_figures


# -- messages: what is wrong, and what to do -------------------------------------------------


def _markup_problems(differences: Iterable[markdown_parity.MarkupDifference]) -> list[Problem]:
    codes = {"link": "MD101", "code": "MD102", "image": "MD103", "html": "MD106"}
    shown: dict[str, Callable[[str], str]] = {
        "link": lambda target: f"({target})", "image": lambda target: f"({target})",
        "code": lambda code: f"`{code}`", "html": lambda tag: tag,
    }
    nouns = {"link": "link target", "image": "image", "code": "inline code", "html": "inline HTML"}
    problems = []
    for difference in differences:
        what = difference.what
        if what in codes:
            show, noun = shown[what], nouns[what]
            if difference.source is not None and difference.translation is not None:
                text = f"{noun} changed: {show(difference.source)} in the source, {show(difference.translation)} here"
            elif difference.source is not None:
                text = f"{noun} {show(difference.source)} of the source is missing; copy it as written"
            else:
                text = f"{noun} {show(difference.translation or '')} is not in the source; remove it or add it to the source"
            problems.append(Problem(codes[what], text))
        elif what in ("emphasis", "strong"):
            label = "emphasis" if what == "emphasis" else "strong emphasis"
            problems.append(Problem("MD104", f"{label}: {difference.source} in the source, {difference.translation} here"))
        elif what == "marker":
            problems.append(Problem("MD105", "unmatched emphasis marker ('*' or '_'); close the emphasis or escape it as \\*"))
        elif what == "block":
            if difference.detail == "lost":
                problems.append(Problem("MD107", "the translation loses a block structure of the source; keep the text as one block"))
            else:
                block, opener = markdown_parity.BLOCKS[difference.detail]
                line = _shorten(difference.translation or "")
                problems.append(Problem("MD107", f"\"{line}\" would start {block} ({opener}); reword or escape it"))
        elif what == "table":
            if difference.detail == "pipe":
                problems.append(Problem("MD108", "'|' in a table cell would end the cell; escape it with a backslash"))
            else:
                problems.append(Problem("MD108", "line break in a table cell; a table row is one line"))
    return problems


def _figure_problems(differences: Iterable[figures.FigureDifference], language: str) -> list[Problem]:
    name = _language_name(language)

    def hint(source: figures.Figure) -> str:
        if source.literal and source.kind == "number":  # an identifier: Python 3.10, RFC 9110
            return "; keep it as written"
        return f" ({figures.written_as(source, language)} in {name})"

    problems = []
    for difference in differences:
        source, translation = difference.source, difference.translation
        if difference.kind == "missing" and source is not None:
            problems.append(Problem("NUM101", f"figure {source.text} of the source is missing{hint(source)}"))
        elif difference.kind == "added" and translation is not None:
            problems.append(Problem("NUM102", f"figure {translation.text} is not in the source; check it or remove it"))
        elif difference.kind == "changed" and source is not None and translation is not None:
            problems.append(Problem("NUM103", f"figure {translation.text} differs from the source's {source.text}{hint(source)}"))
        elif source is not None and translation is not None:
            read = translation.read_as(language)
            reads = "is not a number" if read.value is None else f"reads as {figures.written_as(read, language)}"
            problems.append(Problem(
                "NUM104", f"{translation.text} {reads} in {name}; the source's {source.text} is written "
                f"{figures.written_as(source, language)}",
            ))
    return problems


def _kept_problems(differences: Iterable[addresses.KeptDifference]) -> list[Problem]:
    problems = []
    for difference in differences:
        item = difference.item
        kind = "URL" if item.kind == "domain" else item.kind
        if difference.missing:
            problems.append(Problem("KEEP101", f"{kind} {item.text} of the source is missing; keep it as written"))
        else:
            problems.append(Problem("KEEP102", f"{kind} {item.text} is not in the source; remove it or add it to the source"))
    return problems


def _glossary_problems(differences: Iterable[glossary.TermDifference], glossary_name: str) -> list[Problem]:
    problems = []
    for difference in differences:
        term = difference.term
        where = f"{glossary_name.rsplit('/', 1)[-1]}:{term.line}"
        if difference.kind == "name":
            problems.append(Problem("GL101", f"protected name '{term.source}' is missing; keep it as written ({where})"))
        elif difference.kind == "untranslated":
            problems.append(Problem(
                "GL103", f"'{term.source}' is left untranslated; the glossary says '{term.translation}' ({where})",
            ))
        else:
            problems.append(Problem("GL102", f"'{term.source}' should be translated '{term.translation}' ({where})"))
    return problems


def _typography_problems(differences: Iterable[typography.TypographyDifference]) -> list[Problem]:
    problems = []
    for difference in differences:
        written, suggested = difference.written, difference.suggested
        if difference.kind == "elision":
            problems.append(Problem(
                "TYPO101", f"\"{written}\": the article elides before a number read with a vowel; write \"{suggested}\"",
            ))
        elif difference.kind == "apostrophe":
            problems.append(Problem(
                "TYPO102", f"straight apostrophe in {written}; the catalogue writes ’ elsewhere ({difference.detail} times): {suggested}",
            ))
        elif difference.kind == "quotes":
            problems.append(Problem(
                "TYPO102", f"straight quotation marks {written}; the catalogue writes typographic ones elsewhere "
                f"({difference.detail} times): {suggested}",
            ))
        else:
            problems.append(Problem(
                "TYPO103", f"space before % in \"{written}\"; write {suggested} (CLDR's percent format {difference.detail})",
            ))
    return problems


def _language_name(language: str) -> str:
    return Locale.parse(language).english_name or language


def _shorten(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
