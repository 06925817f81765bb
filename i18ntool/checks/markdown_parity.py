"""Markdown parity: the inline Markdown of a translation against that of its source text.

A translated segment goes back into the Markdown file in place of its source text, so its
markup must do what the source's did: the same link targets (or their localised form, where
the project says so), the same inline code and images, emphasis that opens and closes, the
same inline HTML, and no line that would open a new block (a heading, a list, a quote, a
code block) or cut a table row. Both texts are read with markdown-it-py, the parser that
cut the source into segments, never with regular expressions over the Markdown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18ntool.checks.addresses import LinkRules, canonical_address
from i18ntool.checks.codes import Check, ERROR, IT, WARNING, Problem

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
# "*" anywhere, and "_" at the edge of a word, are what emphasis is written with; left over
# as text, they are delimiters that found no partner.
_MARKER = re.compile(r"\*|(?<![^\W_])_|_(?![^\W_])")

# What each block a translation could open is called in messages, and what opens it.
BLOCKS = {
    "heading_open": ("a heading", "'#' at the start of a line, or a line of '=' or '-' under it"),
    "bullet_list_open": ("a list", "'-', '+' or '*' and a space at the start of a line"),
    "ordered_list_open": ("a numbered list", "a number, '.' or ')' and a space at the start of a line"),
    "blockquote_open": ("a block quote", "'>' at the start of a line"),
    "code_block": ("a code block", "four spaces at the start of a line"),
    "fence": ("a code block", "``` or ~~~ at the start of a line"),
    "hr": ("a thematic break", "a line of '-', '*' or '_'"),
    "html_block": ("an HTML block", "an HTML tag at the start of a line"),
    "table_open": ("a table", "a line of '|' and '-' under a line with '|'"),
    "paragraph_open": ("a new paragraph", "a blank line"),
}


@dataclass(frozen=True)
class Inline:
    """What the inline Markdown of a text holds, as markdown-it reads it."""

    links: tuple[str, ...]  # targets, as normalised by the parser
    images: tuple[str, ...]
    code: tuple[str, ...]
    html: tuple[str, ...]
    emphasis: int
    strong: int
    markers: int  # "*" and "_" left over as text: delimiters that did not pair
    plain: str  # the text a reader sees: no markup, link targets or code


@dataclass(frozen=True)
class MarkupDifference:
    """One way a translation's markup differs from its source's.

    ``what`` is "link", "image", "code" or "html" (with ``source`` and/or ``translation``
    set: missing, added or changed), "emphasis" or "strong" (counts as strings), "marker"
    (an unpaired delimiter), "block" (``translation`` the line that opens it, ``detail``
    the BLOCKS key) or "table" (``translation`` the offending text).
    """

    what: str
    source: str | None = None
    translation: str | None = None
    detail: str = ""


_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        # As segmenting reads the sources (CommonMark with GFM tables), without front matter:
        # a translation starting with "---" is a thematic break, not YAML.
        _PARSER = MarkdownIt("commonmark").enable("table")
    return _PARSER


def references(document_text: str) -> dict[str, Any]:
    """The link reference definitions of a document, so that ``[text][ref]`` in its segments
    resolves to a target as it does in the document."""
    env: dict[str, Any] = {}
    _parser().parse(document_text, env)
    return env


def read_inline(text: str, env: Mapping[str, Any] | None = None) -> Inline:
    """The links, images, code, HTML and emphasis of ``text``, and its plain text."""
    tokens = _parser().parseInline(text, dict(env or {}))
    links: list[str] = []
    images: list[str] = []
    code: list[str] = []
    html: list[str] = []
    counts = Counter[str]()
    markers = 0
    plain: list[str] = []
    for token in _walk(tokens):
        if token.type == "link_open":
            links.append(str(token.attrGet("href") or ""))
        elif token.type == "image":
            images.append(str(token.attrGet("src") or ""))
        elif token.type == "code_inline":
            code.append(token.content)
            plain.append(" ")
        elif token.type == "html_inline":
            html.append(" ".join(token.content.split()))
        elif token.type in ("em_open", "strong_open"):
            counts[token.type] += 1
        elif token.type == "text":
            markers += len(_MARKER.findall(token.content))
            plain.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            plain.append(" " if token.type == "softbreak" else "\n")
    return Inline(
        links=tuple(links),
        images=tuple(images),
        code=tuple(code),
        html=tuple(html),
        emphasis=counts["em_open"],
        strong=counts["strong_open"],
        markers=markers,
        plain="".join(plain),
    )


def read_blocks(text: str) -> list[Token]:
    """The top-level blocks ``text`` makes on its own: one paragraph, for a sound segment."""
    return [
        token for token in _parser().parse(text) if token.level == 0 and token.nesting >= 0 and token.type != "inline"
    ]


def compare(
    source: str,
    translation: str,
    *,
    table_cell: bool = False,
    rules: LinkRules = (),
    source_language: str = "",
    language: str = "",
    env: Mapping[str, Any] | None = None,
    blocks: bool = True,
) -> list[MarkupDifference]:
    """How the markup of ``translation`` differs from that of ``source``; ``blocks=False`` for
    a text that is only ever read as inline Markdown (a front-matter value), where a leading
    ``- `` or ``# `` opens nothing."""
    wanted, found = read_inline(source, env), read_inline(translation, env)
    differences: list[MarkupDifference] = []

    def address(target: str) -> str:
        return canonical_address(target, rules, source_language, language)

    differences += _differences("link", wanted.links, found.links, address)
    differences += _differences("image", wanted.images, found.images, address)
    differences += _differences("code", wanted.code, found.code, lambda code: code)
    differences += _differences("html", wanted.html, found.html, lambda tag: tag)
    if found.markers > wanted.markers:
        # An unpaired "*" also changes the count of emphasis; say only what to fix.
        differences.append(MarkupDifference("marker", str(wanted.markers), str(found.markers)))
    else:
        for what, expected, actual in (
            ("emphasis", wanted.emphasis, found.emphasis),
            ("strong", wanted.strong, found.strong),
        ):
            if expected != actual:
                differences.append(MarkupDifference(what, str(expected), str(actual)))
    if blocks:
        differences += _block_differences(source, translation)
    if table_cell:
        if "\n" in translation:
            differences.append(MarkupDifference("table", translation=translation, detail="line break"))
        elif _UNESCAPED_PIPE.search(translation) and not _UNESCAPED_PIPE.search(source):
            differences.append(MarkupDifference("table", translation=translation, detail="pipe"))
    return differences


def _differences(
    what: str, wanted: Sequence[str], found: Sequence[str], key: Callable[[str], str]
) -> list[MarkupDifference]:
    """Items of ``wanted`` missing from ``found`` and items added, a missing and an added one
    paired in order as one that changed."""
    available = Counter(key(item) for item in found)
    missing = []
    for item in wanted:
        if available[key(item)] > 0:
            available[key(item)] -= 1
        else:
            missing.append(item)
    expected = Counter(key(item) for item in wanted)
    added = []
    for item in found:
        if expected[key(item)] > 0:
            expected[key(item)] -= 1
        else:
            added.append(item)
    paired = min(len(missing), len(added))
    differences = [MarkupDifference(what, old, new) for old, new in zip(missing, added, strict=False)]
    differences += [MarkupDifference(what, source=item) for item in missing[paired:]]
    differences += [MarkupDifference(what, translation=item) for item in added[paired:]]
    return differences


def _block_differences(source: str, translation: str) -> list[MarkupDifference]:
    wanted = [token.type for token in read_blocks(source)]
    found = read_blocks(translation)
    if [token.type for token in found] == wanted:
        return []
    lines = translation.split("\n")
    for index, token in enumerate(found):
        if index >= len(wanted) or token.type != wanted[index]:
            line = lines[token.map[0]] if token.map and token.map[0] < len(lines) else translation
            return [MarkupDifference("block", translation=line.strip() or repr(line), detail=token.type)]
    # Fewer blocks than the source: the translation lost a structure the source had.
    return [MarkupDifference("block", source=wanted[len(found)] if len(found) < len(wanted) else "", detail="lost")]


def _walk(tokens: Iterable[Token]) -> Iterable[Token]:
    for token in tokens:
        yield token
        if token.children and token.type != "image":
            yield from _walk(token.children)
        elif token.type == "image":
            yield from (child for child in token.children or () if child.type == "text")


# -- the checks of this family: their codes, and the problems they report ----------------

CHECKS: tuple[Check, ...] = (
    Check(
        "MD101",
        ERROR,
        "A link target of the source is missing, changed or added (localised prefixes allowed)",
        f"{IT}/festivals.po:106: MD101 link target changed: (https://www.newfilmmakersla.com/) in the source, (https://newfilmmakersla.com/) here",
    ),
    Check(
        "MD102",
        ERROR,
        "Inline code of the source is missing, changed or added",
        f"{IT}/festivals.po:175: MD102 inline code `YouTube` is not in the source; remove it or add it to the source",
    ),
    Check(
        "MD103",
        ERROR,
        "An image of the source is missing, changed or added (the alt text may change)",
        f"{IT}/historical-background.po:159: MD103 image (poster.jpg) is not in the source; remove it or add it to the source",
    ),
    Check(
        "MD104",
        WARNING,
        "The translation has a different number of emphasis or strong spans",
        f"{IT}/festivals.po:63: MD104 strong emphasis: 1 in the source, 0 here",
    ),
    Check(
        "MD105",
        ERROR,
        "An emphasis marker (* or _) does not pair and would show as text",
        f"{IT}/press-release.po:49: MD105 unmatched emphasis marker ('*' or '_'); close the emphasis or escape it as \\*",
    ),
    Check(
        "MD106",
        ERROR,
        "Inline HTML of the source is missing, changed or added",
        f"{IT}/director-biography.po:64: MD106 inline HTML <br> is not in the source; remove it or add it to the source",
    ),
    Check(
        "MD107",
        ERROR,
        "The translation would open a new block (heading, list, quote, code) in the Markdown",
        f"{IT}/festivals.po:74: MD107 \"- **ETHOS International Film Festival:** premio…\" would start a list ('-', '+' or '*' and a space at the start of a line); reword or escape it",
    ),
    Check(
        "MD108",
        WARNING,
        "A table cell's translation holds a line break or an unescaped '|'",
        f"{IT}/russo-brothers-award.po:141: MD108 '|' in a table cell would end the cell; escape it with a backslash",
    ),
)


def markup_problems(differences: Iterable[MarkupDifference]) -> list[Problem]:
    codes = {"link": "MD101", "code": "MD102", "image": "MD103", "html": "MD106"}
    shown: dict[str, Callable[[str], str]] = {
        "link": lambda target: f"({target})",
        "image": lambda target: f"({target})",
        "code": lambda code: f"`{code}`",
        "html": lambda tag: tag,
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
            problems.append(
                Problem("MD104", f"{label}: {difference.source} in the source, {difference.translation} here")
            )
        elif what == "marker":
            problems.append(
                Problem("MD105", "unmatched emphasis marker ('*' or '_'); close the emphasis or escape it as \\*")
            )
        elif what == "block":
            if difference.detail == "lost":
                problems.append(
                    Problem(
                        "MD107", "the translation loses a block structure of the source; keep the text as one block"
                    )
                )
            else:
                block, opener = BLOCKS[difference.detail]
                line = _shorten(difference.translation or "")
                problems.append(Problem("MD107", f'"{line}" would start {block} ({opener}); reword or escape it'))
        elif what == "table":
            if difference.detail == "pipe":
                problems.append(Problem("MD108", "'|' in a table cell would end the cell; escape it with a backslash"))
            else:
                problems.append(Problem("MD108", "line break in a table cell; a table row is one line"))
    return problems


def _shorten(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
