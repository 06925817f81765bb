"""The proof sheets as pages: one per target (a document in a target language, or a catalogue
with no document, such as the pages' own words), and an index page per language.

Every page is self-contained HTML: the style sheet inline, no script, no image, nothing
fetched, and a Content-Security-Policy that would refuse all three. Source texts and
translations are inline Markdown rendered by markdown-it with raw HTML off, so that every
text, ``<script>`` included, is shown as text; links only with a safe scheme (as in the
built pages), and images shown as their words. Everything else goes through Jinja2 with
autoescaping on.

Pages are returned as values (path under the sheets folder -> text); ``write_pages`` writes
them, atomically and only those whose bytes change, and nothing else: the sheets live in
their own folder (``<output>/sheets``), which `build` neither writes nor sweeps, and `sheet`
removes nothing (not a stale sheet either: the index lists only the sheets of this run).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from i18ntool.checks.findings import Finding
from i18ntool.checks.runner import check_target
from i18ntool.coverage import Row as CoverageRow
from i18ntool.coverage import row_of
from i18ntool.documents import UI_DOMAIN
from i18ntool.errors import ContentError
from i18ntool.files import remove_stale_temporaries, write_if_changed
from i18ntool.outputs.dates import long_date
from i18ntool.outputs.localised import html_language, safe_link
from i18ntool.outputs.page_words import UI_LANGUAGE, load_ui
from i18ntool.outputs.sheet.diff import Piece
from i18ntool.outputs.sheet.rows import STATUSES, Row, rows_of, unplaced
from i18ntool.project import Project
from i18ntool.reports import language_name
from i18ntool.targets import Target, take_inventory

FOLDER = "sheets"  # under the output folder
INDEX = "index"
_DATELINE = "Published on %(date)s"  # the pages' own words for the dateline (``page_words``)


@dataclass(frozen=True)
class Sheet:
    """One target's sheet, before it is rendered."""

    path: str  # under the sheets folder: "it/press-release.html"
    target: Target
    source_language: str
    source_path: str | None
    catalogue: str
    coverage: CoverageRow
    threshold: float
    rows: tuple[Row, ...]
    catalogue_findings: tuple[Finding, ...]  # on the header, or on no entry's msgid line
    titles: tuple[str, str | None]  # the source's and the translation's (inline Markdown)
    title_status: str | None  # the state of the title's entry, if the title is one
    datelines: tuple[str, str] | None  # "Published on ..." in the source's and the translation's words
    markdown: bool  # a document's entries are Markdown; a catalogue with no document holds plain strings
    references: Mapping[str, Any]  # the document's link reference definitions

    @property
    def publishable(self) -> bool:
        return self.coverage.publishable


def sheets_of(project: Project, targets: Sequence[Target]) -> tuple[Sheet, ...]:
    """The sheet of every target: its inventory against the current source text, its
    coverage, and the findings of `check` beside each entry."""
    found = []
    for target in targets:
        document = target.document
        if document is not None and document.id == INDEX:
            raise ContentError(
                f"the document id '{INDEX}' would overwrite the sheets' index pages; rename the file", document.source
            )
        inventory = take_inventory(project, target)
        catalogue = project.relative(target.catalogue_path)
        findings = check_target(project, target)
        rows = rows_of(inventory.entries, catalogue, findings)
        source_language = (
            document.language
            if document is not None
            else (UI_LANGUAGE if target.name == UI_DOMAIN else project.source_language)
        )
        found.append(
            Sheet(
                path=f"{target.language}/{target.name}.html",
                target=target,
                source_language=source_language,
                source_path=document.source if document is not None else None,
                catalogue=catalogue,
                coverage=row_of(project, inventory, project.publish_threshold),
                threshold=project.publish_threshold,
                rows=rows,
                catalogue_findings=unplaced(inventory.entries, findings),
                titles=_titles(target, rows),
                title_status=next((row.status for row in rows if "front matter: title" in row.kinds), None),
                datelines=_datelines(project, target, source_language),
                markdown=document is not None,
                references=_references(document.markdown_body) if document is not None else {},
            )
        )
    return tuple(found)


def render_pages(project: Project, sheets: Sequence[Sheet], *, index: bool) -> dict[str, str]:
    """Every sheet's page, and with ``index`` the index page of each of their languages."""
    pages = {sheet.path: render_sheet(sheet) for sheet in sheets}
    if index:
        for language in dict.fromkeys(sheet.target.language for sheet in sheets):
            chosen = [sheet for sheet in sheets if sheet.target.language == language]
            pages[f"{language}/{INDEX}.html"] = render_index(project.name, language, chosen)
    return pages


def write_pages(folder: Path, pages: Mapping[str, str]) -> list[str]:
    """Write ``pages`` under ``folder``, atomically and only those that change; the paths written."""
    remove_stale_temporaries(folder, (".html",))
    return [path for path in sorted(pages) if write_if_changed(folder / path, pages[path].encode("utf-8"))]


# -- what a page shows -------------------------------------------------------------------------


def render_sheet(sheet: Sheet) -> str:
    target = sheet.target
    source_title, translated_title = sheet.titles
    return _template("sheet.html").render(
        sheet=sheet,
        document=target.name,
        language=target.language,
        source_lang=html_language(sheet.source_language),
        target_lang=html_language(target.language),
        source_language_name=language_name(sheet.source_language),
        target_language_name=language_name(target.language),
        source_title=_inline(source_title, sheet),
        translated_title=_inline(translated_title, sheet) if translated_title else None,
        counts=_counts(sheet.coverage),
        percent_translated=sheet.coverage.entries.percent_translated,
        percent_reviewed=sheet.coverage.entries.percent_reviewed,
        rows=[_row_view(row, sheet) for row in sheet.rows],
        statuses=STATUSES,
    )


def render_index(project_name: str, language: str, sheets: Sequence[Sheet]) -> str:
    return _template("sheet_index.html").render(
        project=project_name,
        language=language,
        language_label=language_name(language),
        sheets=[
            {
                "sheet": sheet,
                "href": sheet.path.removeprefix(f"{language}/"),
                "title": _inline(sheet.titles[0], sheet, links=False),
                "source_language_name": language_name(sheet.source_language),
                "counts": _counts(sheet.coverage),
                "percent_translated": sheet.coverage.entries.percent_translated,
                "percent_reviewed": sheet.coverage.entries.percent_reviewed,
            }
            for sheet in sheets
        ],
    )


def _counts(row: CoverageRow) -> list[dict[str, Any]]:
    """Entries in each state of ``STATUSES``, with their share of the whole for the bar."""
    stale = row.stale_reviews
    amounts = {
        "untranslated": row.entries.untranslated,
        "fuzzy": row.entries.fuzzy,
        "translated": row.entries.translated - stale,
        "review stale": stale,
        "reviewed": row.entries.reviewed,
    }
    total = row.entries.total
    return [
        {
            "status": status,
            "css": "state-" + status.replace(" ", "-"),
            "count": amounts[status],
            "width": f"{100 * amounts[status] / total:.3f}" if total else "0",
        }
        for status in STATUSES
    ]


def _row_view(row: Row, sheet: Sheet) -> dict[str, Any]:
    return {
        "row": row,
        "source": _inline(row.source, sheet),
        "source_plural": _inline(row.source_plural, sheet) if row.source_plural is not None else None,
        "translations": [_inline(text, sheet) for text in row.translations],
        "changes": _changes(row.changes),
    }


def _changes(pieces: Sequence[Piece]) -> Markup:
    """The word diff as HTML: ``<del>`` and ``<ins>``, which read without colour as struck
    through and underlined, and a screen reader announces."""
    tags = {"same": Markup("%s"), "deleted": Markup("<del>%s</del>"), "inserted": Markup("<ins>%s</ins>")}
    return Markup("").join(tags[piece.kind] % piece.text for piece in pieces)


def _titles(target: Target, rows: Sequence[Row]) -> tuple[str, str | None]:
    row = next((row for row in rows if "front matter: title" in row.kinds), None)
    if row is not None:
        return row.source, row.translations[0] if row.translations else None
    document = target.document
    if document is not None:
        value = document.metadata.get("title")
        return (value if isinstance(value, str) and value.strip() else document.id), None
    if target.name == UI_DOMAIN:
        return "The pages’ own words", None
    return target.name, None


def _datelines(project: Project, target: Target, source_language: str) -> tuple[str, str] | None:
    """The dateline of the built pages, in the source's words and in the translation's
    (the ``ui`` catalogue's), for an editor to read both as a reader will."""
    document = target.document
    if document is None or document.date is None:
        return None
    return (_dateline(project, document.date, source_language), _dateline(project, document.date, target.language))


def _dateline(project: Project, date: datetime.date, language: str) -> str:
    values = {"date": long_date(date, project.date_locale(language))}
    return load_ui(project, language).agreeing(_DATELINE, values) % values


# -- inline Markdown, safely -------------------------------------------------------------------

# Raw HTML off: a tag in a source or a translation is text, shown as written. Images are
# not fetched: an image shows as "!" and a link to its address.
_INLINE = MarkdownIt("commonmark", {"html": False}).disable("image")
_INLINE.validateLink = safe_link  # type: ignore[method-assign]


def _references(markdown_body: str) -> dict[str, Any]:
    env: dict[str, Any] = {}
    _INLINE.parse(markdown_body, env)
    return env


def _inline(text: str, sheet: Sheet, *, links: bool = True) -> Markup:
    """``text`` as inline Markdown (a document's entry) or as plain text (a string of a
    catalogue with no document); every character of it escaped."""
    if not sheet.markdown:
        return escape(text)
    if not links:
        tokens = _INLINE.parseInline(text, dict(sheet.references))[0].children or []
        kept = [token for token in tokens if token.type not in ("link_open", "link_close")]
        return Markup(_INLINE.renderer.render(kept, _INLINE.options, {}))
    return Markup(_INLINE.renderInline(text, dict(sheet.references)))


_ENVIRONMENT: Environment | None = None


def _template(name: str) -> Template:
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        _ENVIRONMENT = Environment(
            loader=PackageLoader("i18ntool.outputs", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
    return _ENVIRONMENT.get_template(name)
