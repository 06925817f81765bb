"""Source texts: Markdown with YAML front matter, cut into segments and put back together.

A segment is the translatable text of one block (heading, paragraph, list item, block quote
paragraph, table cell) or of one translatable front-matter value, with its inline Markdown
as written. A block with no word to translate (``words.has_words``: badges, an image alone,
a bare URL, code spans) is no segment: it is copied as written into every language. Each segment remembers where its text lies in the source, so that putting
translations back replaces exactly that text and leaves every other byte of the file alone:
front matter, indentation, list markers, blank lines, code, line endings.

The Markdown is parsed by markdown-it-py (CommonMark, with GFM tables; blocks of plain
Markdown by ``plain_blocks``, which gives the very same tokens faster) and the front matter
by PyYAML; positions come from their token maps and node marks, never from regular
expressions over the Markdown.

The front matter is read by ``front_matter``; this module cuts the Markdown body.

A msgid writes a soft line break as a space, as a reader sees it, wherever that keeps the
block's meaning. Where it would not (inside a code span, whose spaces count; inside an HTML
tag, where the joined line could open an HTML block; between ``<foo`` and ``bar>``, which
would become a link destination), the break is written as the source has it, so that the
text put back renders as the source does. Markdown decides, not a list of cases: the
joined text is parsed again and must render like the block.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18ntool.errors import ContentError
from i18ntool.markdown.plain_blocks import Block, Heading, Paragraph, plain_blocks
from i18ntool.markdown.front_matter import closing_line, read_front_matter, yaml_scalar
from i18ntool.markdown.spans import BYTE_ORDER_MARK, LINE_BREAK, Lines, Segment, Span
from i18ntool.markdown.words import has_words

_DIRECTIVE = re.compile(r"\A\s*<!--\s*i18ntool:\s*(?P<body>.*?)\s*-->\s*\Z", re.DOTALL)
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_CONTAINER_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?[ \t]*)*")

# Innermost block that gives an inline token its kind, as written in "#." comments.
_KINDS = {
    "paragraph_open": "paragraph",
    "list_item_open": "list item",
    "blockquote_open": "block quote",
    "th_open": "table header",
    "td_open": "table cell",
}


@dataclasses.dataclass(frozen=True)
class Document:
    """A source text, read and cut into segments."""

    id: str
    source: str  # path as written in references, e.g. "content/press-release.md"
    language: str
    text: str
    metadata: Mapping[str, Any]
    segments: tuple[Segment, ...]  # the blocks and values with words to translate
    front_matter: Span | None = None  # the YAML between the delimiters
    language_span: Span | None = None  # the value of `lang:`, if present
    body_start: int = 0  # where the Markdown begins: after the byte order mark and front matter
    # Blocks with no word to translate (a line of badges, an image alone, a bare URL, code
    # spans): no entry in any catalogue, copied as written into every language.
    copied: tuple[Segment, ...] = ()
    # Lines of the HTML blocks other than comments: pages leave them out, and the build says so.
    html_lines: tuple[int, ...] = ()

    @property
    def date(self) -> datetime.date | None:
        value = self.metadata.get("date")
        return value if isinstance(value, datetime.date) else None

    @property
    def markdown_body(self) -> str:
        """The text as the Markdown parser reads it: the byte order mark and the front matter
        left out, the lines of the front matter left empty so that line numbers stay the file's."""
        return "\n" * len(LINE_BREAK.findall(self.text, 0, self.body_start)) + self.text[self.body_start :]


def parse_document(
    text: str,
    *,
    document_id: str,
    source: str,
    default_language: str,
    languages: tuple[str, ...],
    translatable_keys: tuple[str, ...],
) -> Document:
    """Cut ``text`` into segments. Errors name ``source`` and the line."""
    if "\x00" in text:  # CommonMark would read it as U+FFFD, which no translation could match
        raise ContentError(
            "source text holds a NUL character; remove it", source, text.count("\n", 0, text.index("\x00")) + 1
        )
    lines = Lines(text)
    metadata: dict[str, Any] = {}
    segments: list[Segment] = []
    front_matter = language_span = None
    body_start = lines.starts[0]
    closing = closing_line(lines, source)
    if closing is not None and (found := read_front_matter(lines, closing, source, translatable_keys)):
        front_matter, metadata, front_segments, language_span = found
        segments.extend(front_segments)
        body_start = lines.starts[closing + 1] if closing + 1 < len(lines.starts) else len(text)
    language = metadata.get("lang", default_language)
    if language not in languages:
        line = lines.line_of(language_span.start) if language_span else None
        raise ContentError(
            f"'lang: {language}' is not a language of this project ({', '.join(languages)})", source, line
        )
    document = Document(
        id=document_id,
        source=source,
        language=language,
        text=text,
        metadata=metadata,
        segments=(),
        front_matter=front_matter,
        language_span=language_span,
        body_start=body_start,
    )
    env: dict[str, Any] = {}  # link reference definitions, for parsing a block's text again
    body = document.markdown_body
    html_lines: tuple[int, ...] = ()
    blocks = plain_blocks(body)  # the blocks markdown-it would read, read faster, if the Markdown is plain
    tokens = _block_parser().parse(body, env) if blocks is None else []
    del body  # a copy of the text, read now: 19 MiB of a 19 MB text that need not stay while segmenting
    if blocks is not None:
        segments.extend(_plain_segments(blocks, lines, source))
    else:
        _refuse_lost_blocks(tokens, source)
        segments.extend(_body_segments(tokens, lines, source, env))
        html_lines = tuple(
            token.map[0] + 1
            for token in tokens
            if token.type == "html_block" and token.map is not None and not token.content.lstrip().startswith("<!--")
        )
    translated = [has_words(segment.text) for segment in segments]
    return dataclasses.replace(
        document,
        segments=tuple(segment for segment, words in zip(segments, translated, strict=True) if words),
        copied=tuple(segment for segment, words in zip(segments, translated, strict=True) if not words),
        html_lines=html_lines,
    )


def render(document: Document, translate: Callable[[Segment], str | None], language: str | None = None) -> str:
    """The source text with each segment replaced by ``translate(segment)`` where it gives one.

    Everything outside the segments' text is kept byte for byte. With ``language`` given,
    ``lang:`` in the front matter says so (added if missing). With no translations and the
    document's own language, the result is the source text itself.
    """
    replacements: list[tuple[Span, str]] = []
    for segment in document.segments:
        translation = translate(segment)
        if translation:
            replacements.append((segment.span, _shape(segment, translation, document.text)))
    if language is not None and language != document.language:
        if document.language_span is not None:
            replacements.append((document.language_span, yaml_scalar(language, None)))
        elif document.front_matter is not None:
            eol = _eol_at(document.text, document.front_matter.start)
            at = document.front_matter.end
            replacements.append((Span(at, at), f"lang: {language}{eol}"))
        else:
            at = len(BYTE_ORDER_MARK) if document.text.startswith(BYTE_ORDER_MARK) else 0
            eol = _eol_at(document.text, 0)
            replacements.append((Span(at, at), f"---{eol}lang: {language}{eol}---{eol}"))
    pieces = []
    position = 0
    for span, replacement in sorted(replacements, key=lambda item: (item[0].start, item[0].end)):
        pieces.append(document.text[position : span.start])
        pieces.append(replacement)
        position = span.end
    pieces.append(document.text[position:])
    return "".join(pieces)


def _shape(segment: Segment, translation: str, text: str) -> str:
    """Fit a translation into the place of its segment: quoting, line breaks, continuation."""
    if segment.yaml_style is not None or segment.kind.startswith("front matter"):
        return yaml_scalar(translation, segment.yaml_style)
    if segment.single_line:
        line = " ".join(part.strip() for part in translation.splitlines())
        # An unescaped pipe would end a table cell early and shift the row.
        return _UNESCAPED_PIPE.sub(r"\\|", line) if segment.kind.startswith("table") else line
    eol = _eol_at(text, segment.span.start)
    return (eol + segment.continuation).join(translation.split("\n"))


def _refuse_lost_blocks(tokens: Sequence[Token], source: str) -> None:
    """Refuse a document whose blocks nest deeper than the parser reads, rather than lose them.

    markdown-it reads blocks nested up to ``maxNesting`` (20) levels, block quotes and lists
    inside one another, and silently skips what lies deeper (as markdown-it in JavaScript
    does): a block opened at the deepest level is left empty. Raising the limit only moves
    it, and real press texts nest a few levels, so such a text is an error with its line.
    """
    deepest = _parser().options["maxNesting"] - 1
    for token, following in zip(tokens, tokens[1:], strict=False):
        if token.nesting == 1 and token.level >= deepest and following.nesting == -1:
            raise ContentError(
                f"blocks nested too deeply (block quotes or lists inside one another, {deepest + 1} levels as the "
                "Markdown parser counts them), which it would drop with their text; nest them less deeply",
                source,
                token.map[0] + 1 if token.map else None,
            )


_PARSER: MarkdownIt | None = None
_BLOCK_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        _PARSER = MarkdownIt("commonmark").enable("table")
    return _PARSER


def _block_parser() -> MarkdownIt:
    """The same parser, reading blocks only: a block's inline text is read only where a
    segment needs it (a block of several lines, ``_joined``), half of parsing a source text."""
    global _BLOCK_PARSER
    if _BLOCK_PARSER is None:
        _BLOCK_PARSER = MarkdownIt("commonmark").enable("table").disable("inline")
    return _BLOCK_PARSER


@dataclasses.dataclass
class _Directives:
    notes: list[str]
    context: str | None = None
    skip: bool = False


def _body_segments(tokens: list[Token], lines: Lines, source: str, env: dict[str, Any]) -> Iterator[Segment]:
    containers: list[Token] = []  # open block tokens, innermost last
    pending: tuple[_Directives, int, int] | None = None  # directives, their level, their line
    active: list[tuple[_Directives, int]] = []  # directives in force, and the level they end at
    row: list[tuple[int, int]] = []  # cell spans of the current table row
    cell = 0
    for token in tokens:
        if token.type == "html_block" and (match := _DIRECTIVE.match(token.content)):
            assert token.map is not None
            directives = pending[0] if pending else _Directives(notes=[])
            _apply_directive(directives, match["body"], source, token.map[0] + 1)
            pending = (directives, token.level, token.map[0] + 1)
            continue
        if pending is not None and token.nesting >= 0 and token.level == pending[1]:
            active.append((pending[0], token.level if token.nesting == 1 else -1))
            pending = None
        elif pending is not None and token.level < pending[1]:
            raise ContentError("i18ntool directive is not followed by a block", source, pending[2])
        if token.nesting == 1:
            containers.append(token)
            if token.type == "tr_open":
                assert token.map is not None
                row, cell = _table_cells(lines, token.map[0]), 0
        elif token.nesting == -1:
            containers.pop()
            while active and active[-1][1] == token.level:
                active.pop()
        elif token.type == "inline":
            directives = _merge(d for d, _ in active) if active else _NO_DIRECTIVES
            if containers[-1].type in ("th_open", "td_open"):
                if cell < len(row) and token.content and not directives.skip:
                    start, end = row[cell]
                    yield _segment(lines, start, end, containers, directives, single_line=True)
                cell += 1
            elif token.content and not directives.skip:
                assert token.map is not None
                heading = containers[-1].type == "heading_open"
                single_line = heading and containers[-1].markup.startswith("#")  # a setext heading may span lines
                yield _block_segment(
                    token.content, token.map[0], _kind(containers), single_line, lines, source, directives, env
                )
        if active and active[-1][1] == -1 and token.nesting == 0 and token.type != "inline":
            active.pop()  # a directive before a leaf block (code, HTML) ends with it
    if pending is not None:
        raise ContentError("i18ntool directive is not followed by a block", source, pending[2])


def _apply_directive(directives: _Directives, body: str, source: str, line: int) -> None:
    name, _, argument = body.partition(" ")
    argument = argument.strip()
    if name == "note" and argument:
        directives.notes.append(argument)
    elif name == "context" and argument:
        directives.context = argument
    elif name == "skip" and not argument:
        directives.skip = True
    else:
        raise ContentError(
            f"unknown i18ntool directive '{body}'; use 'note TEXT', 'context TEXT' or 'skip'", source, line
        )


_NO_DIRECTIVES = _Directives(notes=[])  # read only: what blocks with no directive before them get


def _merge(in_force: Iterator[_Directives]) -> _Directives:
    merged = _Directives(notes=[])
    for directives in in_force:
        merged.notes.extend(directives.notes)
        merged.context = directives.context or merged.context
        merged.skip = merged.skip or directives.skip
    return merged


def _kind(containers: list[Token]) -> str:
    if containers and containers[-1].type == "heading_open":
        return f"heading {containers[-1].tag[1:]}"
    for container in reversed(containers):
        if container.type in _KINDS and container.type != "paragraph_open":
            return _KINDS[container.type]
    return "paragraph"


def _plain_segments(blocks: list[Block], lines: Lines, source: str) -> Iterator[Segment]:
    """The segments of plain blocks (``plain_blocks``): those :func:`_body_segments` finds in
    their tokens, found without making any. Plain Markdown has no directive (an HTML comment
    is not plain), no table and no nesting deep enough to lose a block."""
    env: dict[str, Any] = {}  # plain Markdown defines no link reference
    for block in blocks:
        if isinstance(block, Heading):
            yield _block_segment(
                block.content, block.line, f"heading {block.marks}", True, lines, source, _NO_DIRECTIVES, env
            )
        elif isinstance(block, Paragraph):
            yield _block_segment(block.content, block.start, "paragraph", False, lines, source, _NO_DIRECTIVES, env)
        else:
            for item in block.items:
                yield _block_segment(item.content, item.line, "list item", False, lines, source, _NO_DIRECTIVES, env)


def _block_segment(
    content: str,
    first_line: int,
    kind: str,
    single_line: bool,
    lines: Lines,
    source: str,
    directives: _Directives,
    env: dict[str, Any],
) -> Segment:
    """The segment of a heading or paragraph whose inline ``content`` starts on line ``first_line``."""
    if "\n" not in content:
        # Most blocks: one line, no line break to write, and the text is the line's content
        # as the parser took it (what the general path below gives, in a third of its time).
        line = lines.content(first_line)
        text = content.strip()
        column = line.rstrip().rfind(text)
        if column < 0:
            raise ContentError("cannot find this block's text in its source line", source, first_line + 1)
        start = lines.starts[first_line] + column
        return Segment(
            text=text,
            kind=kind,
            line=first_line + 1,
            span=Span(start, start + len(text)),
            context=directives.context,
            notes=tuple(directives.notes),
            continuation=_continuation(line[:column]),
            single_line=single_line,
        )
    parts = content.split("\n")
    positions = []
    for index, part in enumerate(parts):
        line = lines.content(first_line + index)
        stripped = part.strip()
        column = line.rstrip().rfind(stripped)
        if column < 0:
            raise ContentError("cannot find this block's text in its source line", source, first_line + index + 1)
        positions.append((first_line + index, column, column + len(stripped), line))
    first, last = positions[0], positions[-1]
    if len(parts) == 1:  # most blocks: no line break to write
        text = first[3][first[1] : first[2]]
    else:
        texts = [line[start:end] for _, start, end, line in positions]
        options = [
            _line_break_options(line, start, end, parts[index], parts[index + 1])
            for index, (_, start, end, line) in enumerate(positions[:-1])
        ]
        text = _joined(texts, options, content, env)
    span = Span(lines.starts[first[0]] + first[1], lines.starts[last[0]] + last[2])
    return Segment(
        text=text,
        kind=kind,
        line=first_line + 1,
        span=span,
        context=directives.context,
        notes=tuple(directives.notes),
        continuation=_continuation(first[3][: first[1]]),
        single_line=single_line,
    )


@functools.lru_cache(maxsize=256)
def _continuation(prefix: str) -> str:
    """What starts a further line of a block whose first line starts with ``prefix``: its
    block quote markers and spaces kept, list markers and the like written as spaces."""
    return "".join(char if char in "> \t" else " " for char in prefix)


def _line_break_options(line: str, start: int, end: int, part: str, next_part: str) -> tuple[str, ...]:
    """How the break after ``line`` may be written in a msgid, the most readable first.

    ``part`` and ``next_part`` are the two lines as the parser read them: their trailing and
    leading spaces count inside a code span. The last option writes the break as it is.
    """
    trailing = part[len(part.rstrip()) :]
    leading = next_part[: len(next_part) - len(next_part.lstrip())]
    as_written = trailing + "\n" + leading
    if line.endswith("  ") or line[start:end].endswith("\\"):
        return tuple(dict.fromkeys((line[end:] + "\n", as_written)))  # a hard break, kept
    return tuple(dict.fromkeys((" ", trailing + " " + leading, as_written)))


def _joined(texts: list[str], options: list[tuple[str, ...]], content: str, env: dict[str, Any]) -> str:
    """The lines of a block joined by the most readable breaks that keep its meaning.

    Each break takes its first option unless that changes how the block renders; then, from
    every break written as it is, each in turn takes the first option that keeps the meaning.
    """
    choice = [line_breaks[0] for line_breaks in options]
    text = _interleave(texts, choice)
    if all(len(line_breaks) == 1 for line_breaks in options):
        return text
    # The block parsers leave the inline text unread: it is read here, where a segment needs it.
    parsed = _parser().parseInline(content, env)
    meaning = _meaning(parsed[0].children or [] if parsed else [], env)
    if _meaning_of(text, env) == meaning:
        return text
    choice = [line_breaks[-1] for line_breaks in options]
    for index, line_breaks in enumerate(options):
        for line_break in line_breaks[:-1]:
            trial = [*choice[:index], line_break, *choice[index + 1 :]]
            if _meaning_of(_interleave(texts, trial), env) == meaning:
                choice = trial
                break
    return _interleave(texts, choice)


def _interleave(texts: list[str], line_breaks: list[str]) -> str:
    return "".join(text + line_break for text, line_break in zip(texts, [*line_breaks, ""], strict=True))


def _meaning(tokens: list[Token], env: dict[str, Any]) -> str:
    """Inline tokens as HTML, each soft line break written as the space a reader sees."""
    parser = _parser()
    html: str = parser.renderer.render(_spaced(tokens), parser.options, env)
    return html


def _meaning_of(text: str, env: dict[str, Any]) -> str:
    parsed = _parser().parseInline(text, env)
    return _meaning(parsed[0].children or [] if parsed else [], env)


def _spaced(tokens: list[Token]) -> list[Token]:
    return [
        Token("text", "", 0, content=" ")
        if token.type == "softbreak"
        else token.copy(children=_spaced(token.children))
        if token.children
        else token
        for token in tokens
    ]


def _segment(
    lines: Lines, start: int, end: int, containers: list[Token], directives: _Directives, *, single_line: bool
) -> Segment:
    return Segment(
        text=lines.text[start:end],
        kind=_kind(containers),
        line=lines.line_of(start),
        span=Span(start, end),
        context=directives.context,
        notes=tuple(directives.notes),
        single_line=single_line,
    )


def _table_cells(lines: Lines, index: int) -> list[tuple[int, int]]:
    """Offsets of the (stripped) cells of the table row on line ``index``, split as GFM does."""
    line = lines.content(index)
    offset = lines.starts[index]
    position = _CONTAINER_PREFIX.match(line).end()  # type: ignore[union-attr]
    bounds = []
    start = position
    escaped = False
    for column in range(position, len(line)):
        char = line[column]
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            bounds.append((start, column))
            start = column + 1
    bounds.append((start, len(line)))
    if bounds and not line[bounds[0][0] : bounds[0][1]].strip() and line[position:].startswith("|"):
        bounds.pop(0)
    if bounds and not line[bounds[-1][0] : bounds[-1][1]].strip():
        bounds.pop()
    cells = []
    for start, end in bounds:
        cell = line[start:end]
        left = start + len(cell) - len(cell.lstrip())
        right = end - (len(cell) - len(cell.rstrip()))
        cells.append((offset + left, offset + max(left, right)))
    return cells


def _eol_at(text: str, offset: int) -> str:
    match = LINE_BREAK.search(text, offset)
    return match.group() if match else "\n"
