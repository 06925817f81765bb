"""The output formats `i18ntool build` writes: one table, from which everything else derives.

``OUTPUT_FORMATS`` maps a format's name (as the ``formats`` setting and ``build --format``
spell it) to its file extension and its renderer. The settings are checked against it, the
command line offers its names, and the build renders and names every output through it,
so a format that is not in the table is refused everywhere rather than written as
something else.

To add a format: write its renderer in a module of its own beside ``html.py`` and
``text.py``, taking a ``Page`` and returning the file's text, and add one entry here.

This module imports no renderer (each entry names its own, imported when first used), so
that reading the settings and `i18ntool --help` stay quick and no import cycle runs through
the settings. For the same reason its records are NamedTuples rather than dataclasses (see
``command_reports.Line``).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from markdown_it.token import Token

    from i18ntool.outputs.html import Link
    from i18ntool.outputs.localised import LocalisedText
    from i18ntool.outputs.page_words import UiText


class Page(NamedTuple):
    """What a renderer is given: one published text in one language, and its surroundings."""

    text: LocalisedText
    others: tuple[Link, ...]  # the text in the other languages it is published in
    index_href: str  # the address of the language's index page, from this page
    ui: Mapping[str, UiText]  # the pages' own words, by language
    date_locale: str
    languages: tuple[str, ...]  # the project's, in the order a language switcher shows them
    tokens: list[Token]  # the text's ``localised_tokens``, when the format reads them; else empty


class OutputFormat(NamedTuple):
    name: str
    extension: str  # without the dot
    # "module:function" of the renderer, a function of a ``Page``: imported when the first
    # page is rendered, so that this table (which the settings read) imports no renderer, and
    # no module of the package imports another that imports it back.
    renderer: str
    # Rendered from the text's Markdown tokens, with the pages' own words: raw HTML blocks
    # are left out, and the build warns about them and about words not translated.
    from_tokens: bool

    def render(self, page: Page) -> str:
        module, _, function = self.renderer.partition(":")
        rendered: str = getattr(importlib.import_module(module), function)(page)
        return rendered


def render_markdown(page: Page) -> str:
    """The Markdown output: the source text with its translations in place."""
    return page.text.markdown()


OUTPUT_FORMATS: dict[str, OutputFormat] = {
    output.name: output
    for output in (
        OutputFormat("md", "md", "i18ntool.outputs.formats:render_markdown", from_tokens=False),
        OutputFormat("html", "html", "i18ntool.outputs.html:render", from_tokens=True),
        OutputFormat("txt", "txt", "i18ntool.outputs.text:render", from_tokens=True),
    )
}


def output_format(name: str) -> OutputFormat:
    """The format called ``name``; a ValueError naming the known ones for any other."""
    try:
        return OUTPUT_FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format '{name}'; formats are {', '.join(OUTPUT_FORMATS)}") from None


def extensions() -> tuple[str, ...]:
    """The file extensions of every format, with their dot."""
    return tuple(f".{chosen.extension}" for chosen in OUTPUT_FORMATS.values())
