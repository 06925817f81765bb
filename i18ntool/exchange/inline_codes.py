"""Inline Markdown as XLIFF inline codes, and back: the part of a text a translator must not break.

A msgid keeps its inline Markdown as written (DESIGN.md, "Segments"). Sent to a CAT tool as
it is, ``[Santa Monica College](https://www.smc.edu/)`` would let a translator change the
URL or lose a bracket; sent as codes, the tool shows the link text between two tags it
protects. This module cuts a text into pieces: plain text, and codes whose *original data*
is the Markdown exactly as written:

- a link: a paired code, ``[`` opening it and ``](https://...)`` (or ``][ref]``, ``]``)
  closing it, so that its text can be translated and the code moved;
- emphasis and strong emphasis: paired codes (``*``/``_``, ``**``/``__``);
- a code span, an inline HTML tag, an image, an autolink: placeholders, whole.

Backslash escapes and entities stay text as written (``\\*``, ``&amp;``): the tool shows
them, and they come back unchanged.

Where the text lies is taken from markdown-it-py itself, the parser that cut the source
into segments: each inline rule is wrapped so that it records where the tokens it made
start and end. Joining the pieces gives the text back byte for byte; when it would not
(a construct the wrapping does not place), the whole text is one piece of plain text, which
is always safe.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

PAIRED_KINDS = ("link", "emphasis", "strong")
_SPANS = "i18ntool.spans"  # the key, in markdown-it's env, of where each token lies
_ESCAPABLE = re.compile(r"([\\`*_\[\]<>!&])")


@dataclass(frozen=True)
class Code:
    """One inline code of a text: a paired code (``end`` set) or a placeholder."""

    id: str
    kind: str  # "link", "emphasis", "strong", "code", "html", "image" or "autolink"
    start: str  # the opening Markdown, or the whole placeholder's
    end: str | None = None  # the closing Markdown of a paired code

    @property
    def paired(self) -> bool:
        return self.end is not None


@dataclass(frozen=True)
class Open:
    """Where a paired code opens; ``data`` is its Markdown (None: as the source's code)."""

    id: str
    data: str | None = None
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Close:
    id: str
    data: str | None = None
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Mark:
    """A placeholder."""

    id: str
    data: str | None = None
    line: int = field(default=0, compare=False)


Piece = str | Open | Close | Mark
Content = tuple[Piece, ...]


@dataclass(frozen=True)
class Coded:
    """A text cut into pieces, and its codes in the order they open."""

    content: Content
    codes: tuple[Code, ...]

    def code(self, code_id: str) -> Code | None:
        return next((code for code in self.codes if code.id == code_id), None)


class CodeProblem(ValueError):
    """What is wrong with the codes of a translation, as a sentence."""


def encode(text: str, env: Mapping[str, Any] | None = None, *, prefix: str = "") -> Coded:
    """``text`` as pieces and codes, numbered from 1 (``prefix`` before each number).
    ``env`` holds the document's link reference definitions, for ``[text][ref]``."""
    spans: dict[int, tuple[Token, int, int]] = {}
    tokens = _parser().parseInline(text, {**(env or {}), _SPANS: spans})
    children = tokens[0].children if tokens and tokens[0].children is not None else []
    located: list[tuple[int, int, Piece, Code | None]] = []
    stack: list[tuple[Token, str]] = []
    number = 0
    skip_to: Token | None = None
    for token in children:
        if skip_to is not None:
            if token is skip_to:
                skip_to = None
            continue
        where = spans.get(id(token))
        kind = _KINDS.get(token.type)
        if kind is None or where is None:
            if kind is not None:
                return _plain(text)
            continue
        _, start, end = where
        if token.type in ("em_open", "em_close", "strong_open", "strong_close"):
            start, end = _emphasis_span(token, start)
        data = text[start:end]
        if token.type == "link_open" and token.markup == "autolink":
            number += 1
            code_id = f"{prefix}{number}"
            located.append((start, end, Mark(code_id, data), Code(code_id, "autolink", data)))
            skip_to = _closing(children, token)
        elif token.nesting == 1:
            number += 1
            code_id = f"{prefix}{number}"
            stack.append((token, code_id))
            located.append((start, end, Open(code_id, data), Code(code_id, kind, data, "")))
        elif token.nesting == -1:
            if not stack or _KINDS[stack[-1][0].type] != kind:
                return _plain(text)
            _, code_id = stack.pop()
            located.append((start, end, Close(code_id, data), None))
        else:
            number += 1
            code_id = f"{prefix}{number}"
            located.append((start, end, Mark(code_id, data), Code(code_id, kind, data)))
    if stack:
        return _plain(text)
    located.sort(key=lambda item: (item[0], item[1]))
    pieces: list[Piece] = []
    position = 0
    for start, end, piece, _ in located:
        if start < position or end <= start:
            return _plain(text)
        if start > position:
            pieces.append(text[position:start])
        pieces.append(piece)
        position = end
    if position < len(text):
        pieces.append(text[position:])
    ends = {piece.id: piece.data for _, _, piece, _ in located if isinstance(piece, Close)}
    codes = tuple(
        Code(code.id, code.kind, code.start, ends[code.id]) if code.paired else code
        for _, _, _, code in located
        if code is not None
    )
    coded = Coded(tuple(pieces), tuple(sorted(codes, key=lambda code: _number(code.id))))
    return coded if decode(coded.content) == text else _plain(text)


def encode_translation(translation: str, source: Coded, env: Mapping[str, Any] | None = None) -> Content:
    """A translation's pieces, its codes named after the source's: the same kind and Markdown
    first, then the same kind in order (a link whose URL a translation localised). A code the
    source lacks gets an id of its own (``x1``...), which import refuses if a translator keeps it
    in a changed translation."""
    coded = encode(translation, env, prefix="x")
    used: set[str] = set()
    names: dict[str, str] = {}
    for wanted in (lambda a, b: a.kind == b.kind and a.start == b.start and a.end == b.end, _same_kind):
        for code in coded.codes:
            if code.id in names:
                continue
            match = next(
                (other for other in source.codes if other.id not in used and wanted(code, other)),
                None,
            )
            if match is not None:
                names[code.id] = match.id
                used.add(match.id)
    pieces: list[Piece] = []
    for piece in coded.content:
        if isinstance(piece, str):
            pieces.append(piece)
        else:
            pieces.append(type(piece)(names.get(piece.id, piece.id), piece.data))
    return tuple(pieces)


def decode(content: Content) -> str:
    """The Markdown of pieces whose codes all carry their data."""
    parts = []
    for piece in content:
        if isinstance(piece, str):
            parts.append(piece)
        elif piece.data is None:
            raise CodeProblem(f"code {piece.id} has no original data")
        else:
            parts.append(piece.data)
    return "".join(parts)


def plain_text(content: Content) -> str:
    """The text a translator reads, without the codes."""
    return "".join(piece for piece in content if isinstance(piece, str))


def resolve(
    target: Content,
    source: Coded,
    *,
    link_allowed: Callable[[str, str], bool] = lambda source_end, target_end: False,
    env: Mapping[str, Any] | None = None,
) -> str:
    """The Markdown of a translation's pieces, checked against the source's codes.

    Every code of the source must be there once, as what it is (paired or placeholder), with
    its Markdown unchanged: a code missing, duplicated, altered or unknown to the source is a
    ``CodeProblem``. The one change allowed is a link's closing Markdown for which
    ``link_allowed(source_end, target_end)`` says yes (a localised URL). Text a translator
    typed that would itself read as Markdown markup is escaped, so that the translation reads
    back as exactly the codes it was given.
    """
    filled: list[Piece] = []
    seen: Counter[str] = Counter()
    open_codes: list[str] = []
    for piece in target:
        if isinstance(piece, str):
            filled.append(piece)
            continue
        code = source.code(piece.id)
        if code is None:
            raise CodeProblem(f"code {piece.id} is not one of the source's codes; remove it")
        if code.paired != (not isinstance(piece, Mark)):
            what = "a paired code" if code.paired else "a placeholder"
            raise CodeProblem(f"code {piece.id} was altered: it is {what} in the source")
        expected = str(code.end) if isinstance(piece, Close) else code.start
        data = expected if piece.data is None else piece.data
        if data != expected and not (isinstance(piece, Close) and code.kind == "link" and link_allowed(expected, data)):
            raise CodeProblem(f"code {piece.id} was altered: {_quote(data)} instead of {_quote(expected)}")
        if isinstance(piece, Close):
            if not open_codes or open_codes[-1] != piece.id:
                raise CodeProblem(f"code {piece.id} closes where it is not the innermost open code")
            open_codes.pop()
        else:
            seen[piece.id] += 1
            if seen[piece.id] > 1:
                raise CodeProblem(f"code {piece.id} is there twice; keep it once")
            if isinstance(piece, Open):
                open_codes.append(piece.id)
        filled.append(type(piece)(piece.id, data))
    if open_codes:
        raise CodeProblem(f"code {open_codes[-1]} opens and is never closed")
    missing = [code.id for code in source.codes if not seen[code.id]]
    if missing:
        raise CodeProblem(f"code {missing[0]} of the source is missing; put it back")
    for attempt in (tuple(filled), tuple(_escape(piece) for piece in filled)):
        markdown = decode(attempt)
        if _shape(encode(markdown, env).content) == _shape(attempt):
            return markdown
    raise CodeProblem("the translation's text makes Markdown the codes do not account for")


def _shape(content: Content) -> list[tuple[str, str | None]]:
    return [(type(piece).__name__, piece.data) for piece in content if not isinstance(piece, str)]


def _escape(piece: Piece) -> Piece:
    return _ESCAPABLE.sub(r"\\\1", piece) if isinstance(piece, str) else piece


def _same_kind(code: Code, other: Code) -> bool:
    return code.kind == other.kind


def _number(code_id: str) -> int:
    digits = code_id.lstrip("x")
    return int(digits) if digits.isdigit() else 0


def _quote(text: str) -> str:
    return f"'{text}'"


def _plain(text: str) -> Coded:
    return Coded((text,) if text else (), ())


def _closing(children: Sequence[Token], opening: Token) -> Token | None:
    index = next(index for index, token in enumerate(children) if token is opening)
    depth = 0
    for token in children[index:]:
        depth += token.nesting
        if depth == 0:
            return token
    return None


_KINDS = {
    "link_open": "link",
    "link_close": "link",
    "em_open": "emphasis",
    "em_close": "emphasis",
    "strong_open": "strong",
    "strong_close": "strong",
    "code_inline": "code",
    "html_inline": "html",
    "image": "image",
}

_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    """CommonMark with tables, as the segmenter reads sources, its inline rules wrapped to
    record where their tokens lie."""
    global _PARSER
    if _PARSER is None:
        parser = MarkdownIt("commonmark").enable("table")
        for rule in list(parser.inline.ruler.get_all_rules()):
            parser.inline.ruler.at(rule, _located(rule, parser.inline.ruler.__rules__))
        _PARSER = parser
    return _PARSER


def _located(name: str, rules: Sequence[Any]) -> Callable[[StateInline, bool], bool]:
    function = next(rule.fn for rule in rules if rule.name == name)

    def rule(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        found = function(state, silent)
        spans = state.env.get(_SPANS)
        if found and not silent and spans is not None:
            _place(name, state, start, state.pos, state.tokens[count:], spans)
        return bool(found)

    return rule


def _place(
    name: str, state: StateInline, start: int, end: int, made: list[Token], spans: dict[int, tuple[Token, int, int]]
) -> None:
    """Record where the tokens one rule made lie (not those an inner rule placed already)."""
    if name == "emphasis":
        # One text token per delimiter character, pushed last; later paired into em and strong
        # (markdown-it's emphasis post-processing): an opening strong is its delimiter and the
        # one before it, a closing strong its delimiter and the one after it.
        for offset, token in enumerate(made[len(made) - (end - start) :]):
            spans[id(token)] = (token, start + offset, start + offset + 1)
        return
    for token in made:
        if id(token) in spans:
            continue
        if token.type == "link_open":
            close = start + 1 if token.markup != "autolink" else end
            spans[id(token)] = (token, start, close)
        elif token.type == "link_close":
            saved = state.pos
            label_end = state.md.helpers.parseLinkLabel(state, start, True)
            state.pos = saved
            spans[id(token)] = (token, label_end, end)
        elif token.type in ("code_inline", "html_inline", "image"):
            spans[id(token)] = (token, start, end)


def _emphasis_span(token: Token, start: int) -> tuple[int, int]:
    """Where an em or strong token lies, from the position of its own delimiter character."""
    if token.type == "strong_open":
        return start - 1, start + 1
    if token.type == "strong_close":
        return start, start + 2
    return start, start + 1


def link_target(closing: str, env: Mapping[str, Any] | None = None) -> str | None:
    """The URL a link's closing Markdown (``](https://...)``, ``][ref]``) points to; None if
    the Markdown is anything more or less than the end of one link."""
    tokens = _parser().parseInline("[x" + closing, dict(env or {}))
    children = tokens[0].children if tokens and tokens[0].children is not None else []
    if [token.type for token in children] != ["link_open", "text", "link_close"] or children[1].content != "x":
        return None
    return str(children[0].attrGet("href") or "")


def shape(content: Content) -> list[tuple[str, str, str | None]]:
    """The pieces of a content as comparable values: text, and each code's role, id and data."""
    return [
        ("text", piece, None) if isinstance(piece, str) else (type(piece).__name__, piece.id, piece.data)
        for piece in content
    ]
