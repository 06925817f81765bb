"""A quick block parse for source texts written in plain Markdown, beside markdown-it's.

Why a hand-written parse exists at all: reading the blocks of a source text is most of
every command at scale, and markdown-it's block parser is most of that. Profiled with
cProfile (``I18NTOOL_JOBS=1 I18NTOOL_CACHE=off``), ``i18ntool coverage`` of 1,000 press
documents spent 5.0 of 8.2 s in ``parse_document``, 2.9 s of it in markdown-it's block
parse; on one 19 MB document of 100,000 entries, 9.8 of 15.5 s were ``parse_document``.
Most press texts use very little Markdown: ATX headings, paragraphs and bullet lists of
one-line items, separated by blank lines. For such a text this module gives exactly the
token list markdown-it's block parser gives (every field, and no link reference
definition in ``env``) in a few passes over its lines: the bodies of those 1,000 documents
in 0.18 s against markdown-it's 0.65 s, the 19 MB one in 0.9 s against 2.9 s (medians of
3, cycle collection paused). Most of what is left is
making the tokens themselves.

It recognises conservatively, line by line, and answers ``None`` ("not plain") for
anything it is not sure of; the caller then asks markdown-it, so no text is read
differently. Not plain: a control character (tab, carriage return, form feed ...) or a
pipe anywhere; a line that starts with a space (other than a blank one), ``>``, ``<``,
a fence, ``+``, ``-`` or ``*`` not followed by one space and plain text, ``=``, an
ordered list marker, a thematic break; a ``#`` that does not open a heading with text; a
heading ending in ``#``; a paragraph starting with ``[`` that holds ``]:`` (a link
reference definition); a line right after a list item that is neither a blank line nor
an item of the same list (a lazy continuation, another list); a paragraph followed with
no blank line by anything but a plain line or a heading (a setext underline, a list that
interrupts it ...). ``tests/test_plain_blocks.py`` holds the answers against markdown-it's
on the shipped texts, generated press texts, every CommonMark spec example and
hypothesis-made mixes of plain and tricky lines.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from markdown_it.common.utils import MD_TRIM_CHARS, mdTrim
from markdown_it.token import Token

# Characters that make a text not plain wherever they are: tabs and line endings other
# than "\n" change columns and lines; a pipe may make a table.
_UNSURE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f|]")
_HEADING = re.compile(r"(#{1,6}) +(?=[^ ])")
_ORDERED = re.compile(r"[0-9]+[.)](?: |$)")  # any number of digits: markdown-it takes up to nine
_NOT_A_START = frozenset("-+=#><`~ ") | frozenset(MD_TRIM_CHARS)
_EMPHASIS = frozenset("*_")

_PARAGRAPH, _HEADING_LINE, _ITEM, _BLANK, _OTHER = range(5)


class Heading(NamedTuple):
    """An ATX heading; lines count from 0."""

    marks: int  # the number of "#"
    content: str  # its inline text
    line: int


class Paragraph(NamedTuple):
    content: str
    start: int
    end: int  # the line after it


class Item(NamedTuple):
    """A bullet list item of one one-line paragraph."""

    content: str
    line: int
    following: int  # the line after the item and its blank lines


class BulletList(NamedTuple):
    marker: str
    start: int
    end: int
    tight: bool
    items: list[Item]


# A plain text's blocks, as the segmenter needs them and no more.
Block = Heading | Paragraph | BulletList


def parse_plain(source: str) -> list[Token] | None:
    """markdown-it's block tokens for ``source`` (parsed with inline rules off), or ``None``
    if ``source`` is not plain Markdown as this module reads it."""
    blocks = plain_blocks(source)
    return None if blocks is None else tokens_of(blocks)


def plain_blocks(source: str) -> list[Block] | None:
    """The blocks of ``source``, as :func:`parse_plain` reads them, or ``None`` if it is not
    plain. A few small tuples where markdown-it makes three to five tokens a block: on the
    19 MB text of catalogue-100000, the segmenter reads its 100,000 blocks without making
    345,000 tokens (a second and 260 MiB)."""
    if _UNSURE.search(source):
        return None
    lines = source.split("\n")
    if lines[-1] == "":
        lines.pop()  # a final line break ends the last line; it does not open another
    elif lines[-1].isspace():
        return None  # markdown-it counts a last line of spaces with no line break differently
    kinds = [_kind(line) for line in lines]
    if _OTHER in kinds:
        return None
    blocks: list[Block] = []
    count = len(lines)
    index = 0
    while index < count:
        kind = kinds[index]
        if kind == _BLANK:
            index += 1
        elif kind == _HEADING_LINE:
            line = lines[index]
            marks = len(line) - len(line.lstrip("#"))
            blocks.append(Heading(marks, mdTrim(line[marks:]), index))
            index += 1
        elif kind == _PARAGRAPH:
            end = index + 1
            while end < count and kinds[end] == _PARAGRAPH:
                end += 1
            if end < count and kinds[end] == _ITEM:
                return None  # a list interrupting a paragraph
            block = lines[index:end]
            if block[0].startswith("[") and any("]:" in line for line in block):
                return None  # perhaps a link reference definition
            blocks.append(Paragraph(mdTrim("\n".join(block)), index, end))
            index = end
        else:
            index = _list(blocks, lines, kinds, index)
            if index < 0:
                return None
    return blocks


def _kind(line: str) -> int:
    if not line or line[0] == " " and not line.strip(" "):
        return _BLANK
    if line[0] == "#":
        match = _HEADING.match(line)
        return _HEADING_LINE if match and not line.rstrip(" ").endswith("#") else _OTHER
    if line[0] in "-*" and line[1:2] == " ":
        return _ITEM if line[2:] and _plain_start(line[2:]) else _OTHER
    return _PARAGRAPH if _plain_start(line) else _OTHER


def _plain_start(line: str) -> bool:
    """Whether ``line`` can only begin (or continue) a paragraph: no block marker starts it."""
    first = line[0]
    if first in _NOT_A_START:
        return False
    if first in _EMPHASIS:  # "**bold**" is text; "* item", "***" and "_ _ _" are not
        return line[1:2] not in ("", " ") and line.strip(first + " ") != ""
    if first.isdigit() and _ORDERED.match(line):
        return False
    return True


def _list(blocks: list[Block], lines: list[str], kinds: list[int], start: int) -> int:
    """Add the bullet list that starts on line ``start``; the line after it, or -1 if unsure."""
    marker = lines[start][0]
    count = len(lines)
    items: list[Item] = []
    tight = True
    index = start
    while True:
        after = index + 1
        following = after
        while following < count and kinds[following] == _BLANK:
            following += 1
        more = following < count and kinds[following] == _ITEM and lines[following][0] == marker
        if following == after and following < count and not more:
            return -1  # a lazy continuation line, another list or a heading right after an item
        text = lines[index][2:]
        if text.startswith("[") and "]:" in text:
            return -1  # perhaps a link reference definition
        items.append(Item(mdTrim(text), index, following))
        if not more:
            break
        tight = tight and following == after
        index = following
    blocks.append(BulletList(marker, start, following, tight, items))
    return following


# Tokens are made as markdown-it's block state pushes them (block tokens, at their level),
# with positional arguments in the order of Token's fields: by keyword it takes twice as
# long. The tests hold every field to markdown-it's. The fields: type, tag, nesting, attrs,
# map, level, children, content, markup, info, meta, block, hidden.


def tokens_of(blocks: list[Block]) -> list[Token]:
    """markdown-it's block tokens for the blocks :func:`plain_blocks` read."""
    tokens: list[Token] = []
    for block in blocks:
        if isinstance(block, Heading):
            marks, content, index = block
            tag = f"h{marks}"
            markup = "#" * marks
            tokens += (
                Token("heading_open", tag, 1, {}, [index, index + 1], 0, None, "", markup, "", {}, True, False),
                Token("inline", "", 0, {}, [index, index + 1], 1, [], content, "", "", {}, True, False),
                Token("heading_close", tag, -1, {}, None, 0, None, "", markup, "", {}, True, False),
            )
        elif isinstance(block, Paragraph):
            content, start, end = block
            _paragraph(tokens, content, start, end, 0, False)
        else:
            marker, start, end, tight, items = block
            tokens.append(
                Token("bullet_list_open", "ul", 1, {}, [start, end], 0, None, "", marker, "", {}, True, False)
            )
            for content, index, following in items:
                tokens.append(
                    Token("list_item_open", "li", 1, {}, [index, following], 1, None, "", marker, "", {}, True, False)
                )
                _paragraph(tokens, content, index, index + 1, 2, tight)
                tokens.append(Token("list_item_close", "li", -1, {}, None, 1, None, "", marker, "", {}, True, False))
            tokens.append(Token("bullet_list_close", "ul", -1, {}, None, 0, None, "", marker, "", {}, True, False))
    return tokens


def _paragraph(tokens: list[Token], content: str, start: int, end: int, level: int, hidden: bool) -> None:
    tokens += (
        Token("paragraph_open", "p", 1, {}, [start, end], level, None, "", "", "", {}, True, hidden),
        Token("inline", "", 0, {}, [start, end], level + 1, [], content, "", "", {}, True, False),
        Token("paragraph_close", "p", -1, {}, None, level, None, "", "", "", {}, True, hidden),
    )
