"""Source texts: Markdown with YAML front matter, cut into segments and put back together.

A segment is the translatable text of one block (heading, paragraph, list item, block quote
paragraph, table cell) or of one translatable front-matter value, with its inline Markdown
as written. A block with no word to translate (``words.has_words``: badges, an image alone,
a bare URL, code spans) is no segment: it is copied as written into every language. Each segment remembers where its text lies in the source, so that putting
translations back replaces exactly that text and leaves every other byte of the file alone:
front matter, indentation, list markers, blank lines, code, line endings.

The Markdown is parsed by markdown-it-py (CommonMark, with GFM tables) and the front matter
by PyYAML; positions come from their token maps and node marks, never from regular
expressions over the Markdown.

Front matter is YAML between a first line ``---`` (after an optional UTF-8 byte order mark,
which is never part of the text) and the next line ``---`` or ``...``. A first line ``---``
followed by a blank line is a thematic break, as CommonMark reads it; so is one followed by
plain text with no ``key:`` (``---``, ``Foo``, ``---`` is a thematic break and a heading).

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
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18ntool.errors import ContentError
from i18ntool.markdown.words import has_words

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DIRECTIVE = re.compile(r"\A\s*<!--\s*i18ntool:\s*(?P<body>.*?)\s*-->\s*\Z", re.DOTALL)
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_CONTAINER_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?[ \t]*)*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BYTE_ORDER_MARK = "\ufeff"
_OPENING, _CLOSINGS = "---", ("---", "...")

# Innermost block that gives an inline token its kind, as written in "#." comments.
_KINDS = {
    "paragraph_open": "paragraph",
    "list_item_open": "list item",
    "blockquote_open": "block quote",
    "th_open": "table header",
    "td_open": "table cell",
}


@dataclasses.dataclass(frozen=True)
class Span:
    """Where a segment's text lies in the source text: ``text[start:end]``."""

    start: int
    end: int


@dataclasses.dataclass(frozen=True)
class Segment:
    """The translatable text of one block or front-matter value."""

    text: str  # the msgid
    kind: str  # "paragraph", "heading 2", "list item", "front matter: title", ...
    line: int  # 1-based line in the source text
    span: Span
    context: str | None = None
    notes: tuple[str, ...] = ()
    continuation: str = ""  # what starts a new line of this block (e.g. "> " or "  ")
    single_line: bool = False  # headings, table cells and front matter cannot hold line breaks
    yaml_style: str | None = None  # front matter: the value's quoting, kept where possible


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

    @property
    def date(self) -> datetime.date | None:
        value = self.metadata.get("date")
        return value if isinstance(value, datetime.date) else None

    @property
    def markdown_body(self) -> str:
        """The text as the Markdown parser reads it: the byte order mark and the front matter
        left out, the lines of the front matter left empty so that line numbers stay the file's."""
        return "\n" * len(_LINE_BREAK.findall(self.text, 0, self.body_start)) + self.text[self.body_start :]


def read_document(
    path: Path, *, document_id: str, source: str, default_language: str,
    languages: tuple[str, ...], translatable_keys: tuple[str, ...],
) -> Document:
    """Read the source text at ``path``; ``source`` is how messages and references name it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read source text: {exc.strerror}", source) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError("source text is not valid UTF-8; save it as UTF-8", source, line) from exc
    return parse_document(
        text, document_id=document_id, source=source, default_language=default_language,
        languages=languages, translatable_keys=translatable_keys,
    )


def parse_document(
    text: str, *, document_id: str, source: str, default_language: str,
    languages: tuple[str, ...], translatable_keys: tuple[str, ...],
) -> Document:
    """Cut ``text`` into segments. Errors name ``source`` and the line."""
    if "\x00" in text:  # CommonMark would read it as U+FFFD, which no translation could match
        raise ContentError("source text holds a NUL character; remove it", source, text.count("\n", 0, text.index("\x00")) + 1)
    lines = _Lines(text)
    metadata: dict[str, Any] = {}
    segments: list[Segment] = []
    front_matter = language_span = None
    body_start = lines.starts[0]
    closing = _closing_line(lines, source)
    if closing is not None and (found := _front_matter(lines, closing, source, translatable_keys)):
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
        id=document_id, source=source, language=language, text=text, metadata=metadata,
        segments=(), front_matter=front_matter, language_span=language_span, body_start=body_start,
    )
    env: dict[str, Any] = {}  # link reference definitions, for parsing a block's text again
    tokens = _parser().parse(document.markdown_body, env)
    _refuse_lost_blocks(tokens, source)
    segments.extend(_body_segments(tokens, lines, source, env))
    translated = [has_words(segment.text) for segment in segments]
    return dataclasses.replace(
        document,
        segments=tuple(segment for segment, words in zip(segments, translated, strict=True) if words),
        copied=tuple(segment for segment, words in zip(segments, translated, strict=True) if not words),
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
            replacements.append((document.language_span, _yaml_scalar(language, None)))
        elif document.front_matter is not None:
            eol = _eol_at(document.text, document.front_matter.start)
            at = document.front_matter.end
            replacements.append((Span(at, at), f"lang: {language}{eol}"))
        else:
            at = len(_BYTE_ORDER_MARK) if document.text.startswith(_BYTE_ORDER_MARK) else 0
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
        return _yaml_scalar(translation, segment.yaml_style)
    if segment.single_line:
        line = " ".join(part.strip() for part in translation.splitlines())
        # An unescaped pipe would end a table cell early and shift the row.
        return _UNESCAPED_PIPE.sub(r"\\|", line) if segment.kind.startswith("table") else line
    eol = _eol_at(text, segment.span.start)
    return (eol + segment.continuation).join(translation.split("\n"))


class _Lines:
    """Offsets of the lines of a text, whatever its line endings; the first after a byte order mark."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [len(_BYTE_ORDER_MARK) if text.startswith(_BYTE_ORDER_MARK) else 0]
        self.ends = []
        for match in _LINE_BREAK.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def content(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]

    def line_of(self, offset: int) -> int:
        low, high = 0, len(self.starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1


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
                source, token.map[0] + 1 if token.map else None,
            )


_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        _PARSER = MarkdownIt("commonmark").enable("table")
    return _PARSER


def _closing_line(lines: _Lines, source: str) -> int | None:
    """The line that closes the front matter the text opens with, if it opens with one."""
    if len(lines.starts) < 2 or lines.content(0).rstrip(" \t") != _OPENING or not lines.content(1).strip():
        return None  # no front matter, or a thematic break followed by a blank line
    for index in range(1, len(lines.starts)):
        if lines.content(index).rstrip(" \t") in _CLOSINGS:
            return index
    raise ContentError("front matter is never closed; end it with a line '---' before the text", source, 1)


def _front_matter(
    lines: _Lines, closing: int, source: str, translatable_keys: tuple[str, ...]
) -> tuple[Span, dict[str, Any], list[Segment], Span | None] | None:
    """The front matter between line 0 and ``closing``; ``None`` if it is Markdown after all."""
    first = 1
    start, end = lines.starts[first], lines.starts[closing]
    yaml_text = lines.text[start:end]
    try:
        node = yaml.compose(yaml_text, Loader=_FrontMatterLoader)
        metadata = yaml.load(yaml_text, Loader=_FrontMatterLoader)  # noqa: S506 (a SafeLoader)
    except RecursionError as exc:
        raise ContentError("front matter is nested too deeply to read; flatten it", source, first + 1) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first + mark.line + 1 if mark is not None else first + 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError(f"front matter is not valid YAML: {problem}", source, line) from exc
    if isinstance(node, yaml.ScalarNode):
        return None  # plain text between two lines '---': a thematic break and a heading
    if metadata is None:
        return Span(start, end), {}, [], None
    if not isinstance(metadata, dict) or not isinstance(node, yaml.MappingNode):
        raise ContentError("front matter must be a mapping of keys to values", source, first + 1)
    _refuse_duplicate_keys(node, lines, start, source)
    segments: list[Segment] = []
    language_span = None
    for key_node, value_node in node.value:
        key = key_node.value
        value_start = start + value_node.start_mark.index
        value_end = start + value_node.end_mark.index
        line = lines.line_of(value_start)
        value = metadata.get(key)
        if key == "lang":
            if not isinstance(value, str):
                raise ContentError("'lang' must be a language code such as 'en' or 'it'", source, line)
            language_span = Span(value_start, value_end)
        elif key == "date" and value is not None and not isinstance(value, datetime.date):
            metadata[key] = _iso_date(value, source, line)
        elif key in translatable_keys and value is not None:
            if not isinstance(value, str) or not isinstance(value_node, yaml.ScalarNode):
                raise ContentError(f"translatable key '{key}' must be a string", source, line)
            if value_node.style in ("|", ">"):
                while value_end > value_start and lines.text[value_end - 1] in "\r\n":
                    value_end -= 1
            if value.strip():
                segments.append(Segment(
                    text=value.strip(), kind=f"front matter: {key}", line=line,
                    span=Span(value_start, value_end), single_line=True,
                    yaml_style=value_node.style or "",
                ))
    return Span(start, end), metadata, segments, language_span


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that a date stays the text it is written as: PyYAML turns
    ``2023-02-30`` into a ValueError with no line, ``_iso_date`` into an error that names it."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _iso_date(value: object, source: str, line: int) -> datetime.date:
    """An ISO date (``date: 2024-01-28``, quoted or not), or the day of an ISO date and time
    (``2024-01-28T10:30:00Z``, as static site generators write it)."""
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        text = value.strip()
        try:
            if _ISO_DATE.fullmatch(text):
                return datetime.date.fromisoformat(text)
            return datetime.datetime.fromisoformat(text).date()
        except ValueError as exc:
            raise ContentError(f"'date' is not a day of the calendar: {exc}", source, line) from exc
    raise ContentError(f"'date' must be an ISO date such as 2023-03-08, not {value!r}", source, line)


def _refuse_duplicate_keys(root: yaml.Node, lines: _Lines, start: int, source: str) -> None:
    """YAML forbids a key twice in one mapping; PyYAML keeps the last silently, we say so."""
    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue  # an alias of a node already checked
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first_lines: dict[tuple[str, str], int] = {}
            for key_node, value_node in node.value:
                stack.append(value_node)
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                line = lines.line_of(start + key_node.start_mark.index)
                key = (key_node.tag, key_node.value)
                if key in first_lines:
                    raise ContentError(
                        f"front matter has the key '{key_node.value}' twice (first on line {first_lines[key]});"
                        " keep one", source, line,
                    )
                first_lines[key] = line
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


@dataclasses.dataclass
class _Directives:
    notes: list[str]
    context: str | None = None
    skip: bool = False


def _body_segments(tokens: list[Token], lines: _Lines, source: str, env: dict[str, Any]) -> Iterator[Segment]:
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
            directives = _merge(d for d, _ in active)
            if containers[-1].type in ("th_open", "td_open"):
                if cell < len(row) and token.content and not directives.skip:
                    start, end = row[cell]
                    yield _segment(lines, start, end, containers, directives, single_line=True)
                cell += 1
            elif token.content and not directives.skip:
                yield _block_segment(token, lines, source, containers, directives, env)
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


def _block_segment(
    token: Token, lines: _Lines, source: str, containers: list[Token], directives: _Directives,
    env: dict[str, Any],
) -> Segment:
    """The segment of a heading or paragraph whose inline content spans ``token.map``."""
    assert token.map is not None
    parts = token.content.split("\n")
    first_line = token.map[0]
    positions = []
    for index, part in enumerate(parts):
        line = lines.content(first_line + index)
        stripped = part.strip()
        column = line.rstrip().rfind(stripped)
        if column < 0:
            raise ContentError("cannot find this block's text in its source line", source, first_line + index + 1)
        positions.append((first_line + index, column, column + len(stripped), line))
    texts = [line[start:end] for _, start, end, line in positions]
    options = [
        _line_break_options(line, start, end, parts[index], parts[index + 1])
        for index, (_, start, end, line) in enumerate(positions[:-1])
    ]
    first, last = positions[0], positions[-1]
    span = Span(lines.starts[first[0]] + first[1], lines.starts[last[0]] + last[2])
    heading = containers[-1].type == "heading_open"
    prefix = first[3][: first[1]]
    continuation = "".join(char if char in "> \t" else " " for char in prefix)
    return Segment(
        text=_joined(texts, options, token, env), kind=_kind(containers), line=first_line + 1, span=span,
        context=directives.context, notes=tuple(directives.notes), continuation=continuation,
        single_line=heading and containers[-1].markup.startswith("#"),  # a setext heading may span lines
    )


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


def _joined(texts: list[str], options: list[tuple[str, ...]], token: Token, env: dict[str, Any]) -> str:
    """The lines of a block joined by the most readable breaks that keep its meaning.

    Each break takes its first option unless that changes how the block renders; then, from
    every break written as it is, each in turn takes the first option that keeps the meaning.
    """
    choice = [line_breaks[0] for line_breaks in options]
    text = _interleave(texts, choice)
    if all(len(line_breaks) == 1 for line_breaks in options):
        return text
    meaning = _meaning(token.children or [], env)
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
        Token("text", "", 0, content=" ") if token.type == "softbreak"
        else token.copy(children=_spaced(token.children)) if token.children
        else token
        for token in tokens
    ]


def _segment(
    lines: _Lines, start: int, end: int, containers: list[Token], directives: _Directives, *, single_line: bool
) -> Segment:
    return Segment(
        text=lines.text[start:end], kind=_kind(containers), line=lines.line_of(start),
        span=Span(start, end), context=directives.context, notes=tuple(directives.notes), single_line=single_line,
    )


def _table_cells(lines: _Lines, index: int) -> list[tuple[int, int]]:
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
    match = _LINE_BREAK.search(text, offset)
    return match.group() if match else "\n"


def _yaml_scalar(value: str, style: str | None) -> str:
    """``value`` written as a YAML scalar, in the original quoting where that is safe."""
    single_line = "\n" not in value and "\r" not in value
    if style in ("", None) and single_line and value == value.strip():
        try:
            if yaml.safe_load(f"key: {value}") == {"key": value}:
                return value
        except yaml.YAMLError:
            pass
    if style == "'" and single_line:
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)
