"""The YAML front matter of a source text: its values, and its translatable ones as segments.

Front matter is YAML between a first line ``---`` (after an optional UTF-8 byte order mark,
which is never part of the text) and the next line ``---`` or ``...``. A first line ``---``
followed by a blank line is a thematic break, as CommonMark reads it; so is one followed by
plain text with no ``key:``. PyYAML reads it, with positions from its node marks; a date is
checked here with its line, and a key given twice is an error, as YAML says.
"""

from __future__ import annotations

import copy
import datetime
import functools
import json
import re
from typing import Any

import yaml

from i18ntool.errors import ContentError
from i18ntool.markdown.spans import Lines, Segment, Span

OPENING, CLOSINGS = "---", ("---", "...")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def closing_line(lines: Lines, source: str) -> int | None:
    """The line that closes the front matter the text opens with, if it opens with one."""
    if len(lines.starts) < 2 or lines.content(0).rstrip(" \t") != OPENING or not lines.content(1).strip():
        return None  # no front matter, or a thematic break followed by a blank line
    for index in range(1, len(lines.starts)):
        if lines.content(index).rstrip(" \t") in CLOSINGS:
            return index
    raise ContentError("front matter is never closed; end it with a line '---' before the text", source, 1)


def read_front_matter(
    lines: Lines, closing: int, source: str, translatable_keys: tuple[str, ...]
) -> tuple[Span, dict[str, Any], list[Segment], Span | None] | None:
    """The front matter between line 0 and ``closing``; ``None`` if it is Markdown after all."""
    first = 1
    start, end = lines.starts[first], lines.starts[closing]
    yaml_text = lines.text[start:end]
    try:
        node, metadata = _compose_and_load(yaml_text)
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
                segments.append(
                    Segment(
                        text=value.strip(),
                        kind=f"front matter: {key}",
                        line=line,
                        span=Span(value_start, value_end),
                        single_line=True,
                        yaml_style=value_node.style or "",
                    )
                )
    return Span(start, end), metadata, segments, language_span


def _compose_and_load(yaml_text: str) -> tuple[yaml.Node | None, Any]:
    """The YAML's node tree and its values, as ``yaml.compose`` and ``yaml.load`` give them,
    from one reading (reading YAML was half of reading a short document's source text): the
    values are made from the nodes that give their positions, or from a copy where making
    them would rewrite the nodes (merge keys). libyaml's loader reads simple front matter
    (``_SIMPLE_MAPPING``) with the same nodes, values and positions (in characters) as the
    pure one, faster (tests compare them); anything else, or what it refuses, the pure one
    reads, so that errors keep their words and lines."""
    if _C_LOADER is not None and _SIMPLE_MAPPING.fullmatch(yaml_text):
        try:
            return _compose_and_load_with(_C_LOADER, yaml_text)
        except Exception:  # noqa: BLE001
            pass  # the pure loader says so, in its own words and with its own line
    return _compose_and_load_with(_FrontMatterLoader, yaml_text)


def _compose_and_load_with(loader_class: Any, yaml_text: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(yaml_text)  # the pure loader refuses control characters at once
    try:
        node = loader.get_single_node()
        built = copy.deepcopy(node) if node is not None and _rewritten_by_construction(node) else node
        return node, loader.construct_document(built) if built is not None else None
    finally:
        loader.dispose()


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that a date stays the text it is written as: PyYAML turns
    ``2023-02-30`` into a ValueError with no line, ``_iso_date`` into an error that names it."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_C_LOADER: Any = None
# Where libyaml and PyYAML read alike: lines of ``key: value``, the value plain (no character
# that YAML gives a meaning) or in double quotes with no escape. libyaml accepts some texts
# that PyYAML refuses (a tab after the colon) and marks some nodes elsewhere ('?'), so the
# rest is read by the pure loader only.
_SIMPLE_MAPPING = re.compile(
    r'(?:[A-Za-z_][A-Za-z0-9_-]*: (?:"[^"\\\x00-\x1f\x7f-\x9f\ufeff\u2028\u2029\ud800-\udfff\ufffe\uffff]*"|[A-Za-z0-9(][^\x00-\x1f\x7f-\x9f\ufeff\u2028\u2029\ud800-\udfff\ufffe\uffff#:"\'\[\]{}&*!|>%@`,?\\]*)?[ ]*\n)+'
)
if getattr(yaml, "__with_libyaml__", False):

    class _CFrontMatterLoader(yaml.CSafeLoader):
        """libyaml's safe loader with the pure one's resolvers: a date stays its text."""

    _CFrontMatterLoader.yaml_implicit_resolvers = _FrontMatterLoader.yaml_implicit_resolvers
    _C_LOADER = _CFrontMatterLoader


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


def _rewritten_by_construction(root: yaml.Node) -> bool:
    """Whether PyYAML's constructor would rewrite the nodes: it expands merge keys (``<<``) and
    retags value keys (``=``) in place."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.tag in ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"):
                    return True
                stack.extend((key_node, value_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def _refuse_duplicate_keys(root: yaml.Node, lines: Lines, start: int, source: str) -> None:
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
                        " keep one",
                        source,
                        line,
                    )
                first_lines[key] = line
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


@functools.lru_cache(maxsize=4096)  # `lang: it` in every translated output, read by PyYAML each time
def yaml_scalar(value: str, style: str | None) -> str:
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
