"""Plain press texts for e-mail: title, dateline, paragraphs wrapped at 72 columns.

Rendered from the same tokens as the HTML page (``localised.localised_tokens``). Lists
become bullets or numbers with hanging indents, block quotes take "> ", code keeps its lines,
tables become aligned columns (or "Header: value" lines when too wide), and links become
numbered references listed at the end, once per address.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from babel import Locale
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from i18ntool.outputs.dates import long_date
from i18ntool.outputs.inline_html import is_line_break
from i18ntool.outputs.localised import LocalisedText, inline_plain, localised_tokens, plain_text, split_headline
from i18ntool.outputs.page_words import UiText

if TYPE_CHECKING:
    from i18ntool.outputs.formats import Page

WIDTH = 72
_GLUE = "\x00"  # keeps a reference number on the line of the word before it while wrapping
_SPECIAL_WHITESPACE = re.compile("[\t\n\x0b\x0c\r]")  # what textwrap turns into spaces first


def render(page: Page) -> str:
    """The plain-text output of ``page`` (the entry of ``formats.OUTPUT_FORMATS``)."""
    return render_text(page.text, ui=page.ui[page.text.language], date_locale=page.date_locale, tokens=page.tokens)


def render_text(text: LocalisedText, *, ui: UiText, date_locale: str, tokens: list[Token] | None = None) -> str:
    """The plain press text of ``text``; ``ui`` gives the words of its language; ``tokens`` its
    ``localised_tokens``, if they are at hand."""
    headline, body = split_headline(localised_tokens(text) if tokens is None else tokens)
    writer = _Writer()
    if headline:
        title = writer.inline(SyntaxTreeNode(headline).children[0].children[0])
    else:
        value = text.value("title")[0]
        title = inline_plain(value) if value else text.document.id  # "*Leaving the Factory*": the words only
    lines = _underlined(_wrap(title, WIDTH), "=")
    if text.document.date is not None:
        date = long_date(text.document.date, date_locale)
        lines += ["", *_wrap(ui.agreeing("Published on %(date)s", {"date": date}) % {"date": date}, WIDTH)]
    if text.fallbacks:
        source_name = Locale.parse(text.document.language).get_display_name(text.language) or text.document.language
        note = ui.gettext("Some passages of this text are not translated yet and are shown in %(language)s.")
        lines += ["", *_wrap(note % {"language": source_name}, WIDTH)]
    blocks = writer.blocks(SyntaxTreeNode(body).children if body else [], WIDTH)
    if blocks:
        lines += ["", *blocks]
    if writer.links:
        lines += ["", *_underlined([ui.gettext("Links")], "-")]
        lines += [f"[{number}] {href}" for number, href in enumerate(writer.links, start=1)]
    return "\n".join(line.rstrip() for line in lines) + "\n"


class _Writer:
    def __init__(self) -> None:
        self.links: list[str] = []

    # -- blocks: each returns its lines ---------------------------------------------------

    def blocks(self, nodes: Sequence[SyntaxTreeNode], width: int, *, tight: bool = False) -> list[str]:
        lines: list[str] = []
        for node in nodes:
            rendered = self.block(node, width)
            if not rendered:
                continue
            if lines and not tight:
                lines.append("")
            lines += rendered
        return lines

    def block(self, node: SyntaxTreeNode, width: int) -> list[str]:
        kind = node.type
        if kind == "paragraph":
            return _wrap(self.inline(node.children[0]), width)
        if kind == "heading":
            lines = _wrap(self.inline(node.children[0]), width)
            return _underlined(lines, "=" if node.tag == "h1" else "-") if node.tag in ("h1", "h2") else lines
        if kind in ("bullet_list", "ordered_list"):
            return self.list_block(node, width)
        if kind == "blockquote":
            return [f"> {line}".rstrip() for line in self.blocks(node.children, width - 2)]
        if kind in ("code_block", "fence"):
            return ["    " + line for line in node.content.rstrip("\n").split("\n")]
        if kind == "table":
            return self.table_block(node, width)
        if kind == "hr":
            return ["* * *"]
        return []

    def list_block(self, node: SyntaxTreeNode, width: int) -> list[str]:
        ordered = node.type == "ordered_list"
        start = int(node.attrs.get("start", 1)) if ordered else 1
        tight = all(child.hidden for item in node.children for child in item.children if child.type == "paragraph")
        lines: list[str] = []
        for number, item in enumerate(node.children, start=start):
            marker = f"{number}{item.markup or '.'} " if ordered else "- "
            body = self.blocks(item.children, width - len(marker), tight=tight) or [""]
            if lines and not tight:
                lines.append("")
            lines.append(marker + body[0])
            lines += [(" " * len(marker) + line).rstrip() for line in body[1:]]
        return lines

    def table_block(self, node: SyntaxTreeNode, width: int) -> list[str]:
        rows = [
            [self.inline(cell.children[0]).replace(_GLUE, " ") if cell.children else "" for cell in row.children]
            for section in node.children
            for row in section.children
        ]
        if not rows:
            return []
        columns = max(len(row) for row in rows)
        rows = [row + [""] * (columns - len(row)) for row in rows]
        widths = [max(_width(row[column]) for row in rows) for column in range(columns)]
        if sum(widths) + 2 * (columns - 1) <= width:
            lines = [
                "  ".join(_pad(cell, size) for cell, size in zip(row, widths, strict=True)).rstrip() for row in rows
            ]
            return [lines[0], "  ".join("-" * size for size in widths), *lines[1:]]
        header, *body = rows
        lines = []
        for row in body:
            if lines:
                lines.append("")
            for name, cell in zip(header, row, strict=True):
                lines += _wrap(f"{name}: {cell}" if name else cell, width)
        return lines

    # -- inline ---------------------------------------------------------------------------

    def inline(self, node: SyntaxTreeNode) -> str:
        return "".join(self._inline(child) for child in node.children)

    def _inline(self, node: SyntaxTreeNode) -> str:
        kind = node.type
        if kind in ("text", "code_inline"):
            return node.content
        if kind == "softbreak":
            return " "
        if kind == "hardbreak" or node.token is not None and is_line_break(node.token):
            return "\n"
        if kind == "link":
            label = self.inline(node)
            href = str(node.attrs.get("href", ""))
            shown = href.removeprefix("mailto:").removeprefix("tel:")
            if not href or label in (href, shown):
                return label
            return f"{label}{_GLUE}[{self._reference(href)}]"
        if kind == "image":
            alt = plain_text(node.token.children or []) if node.token else ""
            href = str(node.attrs.get("src", ""))
            return f"[{alt}]{_GLUE}[{self._reference(href)}]" if href else f"[{alt}]"
        if kind == "html_inline":
            return ""  # <sub>, <sup>, <b>... (other raw HTML is text by now) or i18ntool's own marks
        return self.inline(node)

    def _reference(self, href: str) -> int:
        if href not in self.links:
            self.links.append(href)
        return self.links.index(href) + 1


def _wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped at ``width``; hard line breaks kept; URLs and long words never cut."""
    lines: list[str] = []
    for part in text.split("\n"):
        lines += [line.replace(_GLUE, " ") for line in wrap_words(part, max(width, 20))] or [""]
    return lines


def wrap_words(text: str, width: int) -> list[str]:
    """What ``textwrap.wrap`` gives without cutting words or at hyphens; words parted by single
    spaces (nearly every line of prose) are wrapped here, greedily as textwrap does, six times
    faster than its general rules (cProfile: textwrap was a third of rendering a plain text)."""
    words = text.split(" ")
    # Not the common case: an empty word (a space leading, trailing or doubled), one that
    # textwrap takes for white space (U+00A0 alone), or white space it rewrites (tabs, breaks).
    if _SPECIAL_WHITESPACE.search(text) or not all(word.strip() for word in words):
        return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    lines = []
    line = words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def _underlined(lines: list[str], character: str) -> list[str]:
    return [*lines, character * max((_width(line) for line in lines), default=0)]


def _width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font: wide East Asian characters take two."""
    return sum(
        2 if unicodedata.east_asian_width(char) in "WF" else 0 if unicodedata.combining(char) else 1 for char in text
    )


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
