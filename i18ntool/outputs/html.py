"""Whole HTML pages: a press text in one language, and the index of a language's press texts.

The text is rendered from its Markdown tokens (``localised.localised_tokens``: no raw HTML
but a few harmless inline elements, safe link schemes only) by markdown-it, and so are the
front-matter title and summary, which are inline Markdown like a paragraph:
``*Leaving the Factory*`` in a title is in italics in the page's ``<h1>`` and the index's
headings, and plain text in ``<title>`` and the meta description, where HTML shows no markup.
A title's links show as their words (in the index, the title is itself a link). Everything
else on the page goes through Jinja2
templates with autoescaping on, including the pages' own words from the ``ui`` catalogues,
whose translations are escaped like any other text. A Content-Security-Policy that allows
no script is defence in depth, not the defence.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from babel import Locale
from markdown_it.token import Token
from markupsafe import Markup, escape

from i18ntool.outputs.dates import long_date
from i18ntool.outputs.localised import (
    INLINE,
    LocalisedText,
    html_language,
    inline_plain,
    inline_tokens,
    localised_tokens,
    plain_text,
    split_headline,
)
from i18ntool.outputs.page_words import UiText

if TYPE_CHECKING:
    from jinja2 import Environment, Template

    from i18ntool.outputs.reuse import SourceSummary
    from i18ntool.project import Project
    from i18ntool.outputs.formats import Page


@dataclass(frozen=True)
class Link:
    """The same page in another language: its language and its address relative to this page."""

    language: str
    href: str


@dataclass(frozen=True)
class IndexEntry:
    """A press text as the index of its language lists it."""

    title: str  # inline Markdown, as in the front matter
    href: str
    date: datetime.date | None
    summary: str | None  # inline Markdown
    source_language: str
    title_fell_back: bool = False
    summary_fell_back: bool = False


def render(page: Page) -> str:
    """The HTML output of ``page`` (the entry of ``formats.OUTPUT_FORMATS``)."""
    return render_page(
        page.text,
        others=page.others,
        index_href=page.index_href,
        ui=page.ui,
        date_locale=page.date_locale,
        languages=page.languages,
        tokens=page.tokens,
    )


def render_page(
    text: LocalisedText,
    *,
    others: Sequence[Link],
    index_href: str,
    ui: Mapping[str, UiText],
    date_locale: str,
    languages: Sequence[str],
    tokens: list[Token] | None = None,
) -> str:
    """The page of ``text``; ``others`` are its published versions in the other languages;
    ``languages`` the project's, in the order the language switcher shows them; ``tokens``
    its ``localised_tokens``, if they are at hand."""
    language = text.language
    words = ui[language]
    headline_tokens, body_tokens = split_headline(localised_tokens(text) if tokens is None else tokens)
    title, title_fell_back = text.value("title")
    if headline_tokens:
        headline = Markup(_html(headline_tokens))
    else:
        attribute = Markup(' lang="%s"') % html_language(text.document.language) if title_fell_back else ""
        headline = Markup("<h1%s>%s</h1>\n") % (
            attribute,
            inline_html(title, links=False) if title else text.document.id,
        )
    if title is None:
        title = plain_text(headline_tokens) if headline_tokens else text.document.id
    else:
        title = inline_plain(title)
    summary, _ = text.value("summary")
    date = text.document.date
    note = ""
    if text.fallbacks:
        source_name = _language_name(text.document.language, language)
        note = _translate(words)(
            "Some passages of this text are not translated yet and are shown in %(language)s.", language=source_name
        )
    return _template("page.html").render(
        _=_translate(words),
        lang=html_language(language),
        title=title,
        description=inline_plain(summary) if summary else None,
        alternates=[_link(link) for link in others],
        switcher=_switcher(language, others, languages),
        index_href=index_href,
        headline=headline,
        date=_time(date, date_locale) if date else None,
        read_in=[
            {
                **_link(link),
                "label": _translate(ui[link.language])(
                    "Read in %(language)s", language=_language_name(link.language, link.language)
                ),
            }
            for link in others
        ],
        fallback_note=note,
        body=Markup(_html(body_tokens)),
    )


def render_index(
    language: str,
    entries: Sequence[IndexEntry],
    *,
    others: Sequence[Link],
    ui: Mapping[str, UiText],
    date_locale: str,
    languages: Sequence[str],
) -> str:
    """The index page of ``language``; ``others`` are the index pages of the other languages."""
    translate = _translate(ui[language])
    return _template("index.html").render(
        _=translate,
        lang=html_language(language),
        title=translate("Press releases"),
        description=None,
        alternates=[_link(link) for link in others],
        switcher=_switcher(language, others, languages),
        index_href="index.html",
        entries=[
            {
                "title": inline_html(entry.title, links=False),
                "href": entry.href,
                "date": entry.date,
                "date_text": long_date(entry.date, date_locale) if entry.date else None,
                "summary": inline_html(entry.summary) if entry.summary else None,
                "title_lang": html_language(entry.source_language) if entry.title_fell_back else None,
                "summary_lang": html_language(entry.source_language) if entry.summary_fell_back else None,
            }
            for entry in entries
        ],
    )


def inline_html(value: str, *, links: bool = True) -> Markup:
    """A front-matter value rendered as inline Markdown; with ``links=False`` a link shows
    as its words, for a title that sits in a heading or is itself a link."""
    tokens = inline_tokens(value)
    if not links:
        tokens = [token for token in tokens if token.type not in ("link_open", "link_close")]
    return Markup(_html(tokens))


def _html(tokens: list[Token]) -> str:
    return str(INLINE.renderer.render(tokens, INLINE.options, {})).rstrip("\n")


def _translate(words: UiText) -> Callable[..., Markup]:
    """The templates' ``_``: the translation escaped, then its placeholders filled (escaped too),
    its words agreeing with what fills them (``UiText.agreeing``: "l’8 marzo")."""

    def translate(msgid: str, **values: object) -> Markup:
        if not values:
            return escape(words.gettext(msgid))
        texts = {name: escape(value).striptags() for name, value in values.items()}
        return escape(words.agreeing(msgid, texts)) % values

    return translate


def _time(date: datetime.date, date_locale: str) -> Markup:
    return Markup('<time datetime="%s">%s</time>') % (date.isoformat(), long_date(date, date_locale))


def _language_name(language: str, in_language: str) -> str:
    return Locale.parse(language).get_display_name(in_language) or language


def _link(link: Link) -> dict[str, str]:
    return {"lang": html_language(link.language), "href": link.href}


def _switcher(language: str, others: Sequence[Link], languages: Sequence[str]) -> list[dict[str, object]]:
    """Every language of the page, each named in itself, in the project's order."""
    choices = sorted([Link(language, ""), *others], key=lambda link: languages.index(link.language))
    return [
        {
            "lang": html_language(link.language),
            "href": link.href,
            "name": _capitalised(_language_name(link.language, link.language)),
            "current": link.language == language,
        }
        for link in choices
    ]


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


_ENVIRONMENT: Environment | None = None


def _template(name: str) -> Template:
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        # Jinja2 is imported when the first page is rendered: a build that keeps every page
        # (nothing changed) never needs it.
        from jinja2 import Environment, PackageLoader, StrictUndefined

        _ENVIRONMENT = Environment(
            loader=PackageLoader("i18ntool.outputs", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
    return _ENVIRONMENT.get_template(name)


def language_index(
    project: Project, language: str, summaries: Sequence[SourceSummary], ui: Mapping[str, UiText], index: str
) -> str:
    """The index page of ``language`` (named ``index``.html): its published texts, from the
    build's summaries of the documents."""
    entries = [
        IndexEntry(
            title=text.title or summary.document,
            href=f"{summary.document}.html",
            date=summary.date,
            summary=text.summary,
            source_language=summary.language,
            title_fell_back=text.title_fell_back,
            summary_fell_back=text.summary_fell_back,
        )
        for summary in summaries
        if (text := summary.text(language)) is not None
    ]
    # Newest first; texts of the same day by title, so that the order never depends on chance.
    entries.sort(
        key=lambda entry: (-(entry.date.toordinal() if entry.date else 0), inline_plain(entry.title), entry.href)
    )
    others = tuple(Link(other, f"../{other}/{index}.html") for other in project.languages if other != language)
    return render_index(
        language, entries, others=others, ui=ui, date_locale=project.date_locale(language), languages=project.languages
    )
