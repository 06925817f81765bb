"""Front matter is read once for its node tree and its values; that gives what reading it
twice (``yaml.compose`` and ``yaml.load``) gives, marks, errors, merge keys and aliases
included; plain front matter read by libyaml gives what the pure loader gives."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool.errors import ContentError
from i18ntool.markdown import front_matter
from i18ntool.markdown.front_matter import _FrontMatterLoader
from i18ntool.markdown.segmenting import parse_document

ROOT = Path(__file__).resolve().parent.parent
KIT = [path.read_text(encoding="utf-8").split("---\n")[1] for path in sorted((ROOT / "content").glob("*.md"))]
TEXTS = [
    *KIT,
    "",
    "# only a comment\n",
    "title: Plain\nsummary: >\n  folded\n  text\ndate: 2024-02-30\n",
    "base: &b {a: 1, b: [x, y]}\nother: *b\nlist:\n  - one\n  - {k: v}\n",
    "base: &b {a: 1}\nmerged:\n  <<: *b\n  c: 2\n",
    "just a scalar\n",
    "- a\n- b\n",
    "title: 'quoted: yes'\nn: 12\nf: 1.5\nt: true\nnull: ~\n",
    "title: [unclosed\n",
    "a: b: c\n",
    "key: value\nkey: again\n",
    "x: !!python/object:os.system echo\n",
    "date: !!timestamp 2024-01-01\n",
    'title: "Caff\u00e8 \u00e8 pi\u00f9 \U0001f600"\nsummary: |\n  a\n  b\nlang: it\n',
    "title:\tx\n",
    "title: x\t\n",
    "title: (x) y\u2028z\n",
    "\ttitle: x\n",
    "title: x # comment\nsummary: 'it''s'\n",
    "? complex\n: key\n",
    "title: x\n...\n",
    "%YAML 1.1\n---\ntitle: x\n",
    "title: @x\n",
    "title: `x`\n",
    "a:\n  - b\n - c\n",
    'k: "\\x41\\u00e8"\n',
]


def tree(node: yaml.Node | None) -> Any:
    """A node's tag, style, value and marks, all the way down."""
    if node is None:
        return None
    marks = (node.start_mark.index, node.end_mark.index, node.start_mark.line)
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.style or None, node.value, marks)  # libyaml writes plain as ''
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [tree(item) for item in node.value], marks)
    return (node.tag, [(tree(key), tree(value)) for key, value in node.value], marks)


def twice(text: str) -> Any:
    try:
        node = yaml.compose(text, Loader=front_matter._FrontMatterLoader)
        return tree(node), yaml.load(text, Loader=front_matter._FrontMatterLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as error:
        return str(error)


def once(text: str) -> Any:
    try:
        node, values = front_matter._compose_and_load(text)
        return tree(node), values
    except yaml.YAMLError as error:
        return str(error)


@pytest.mark.parametrize("text", TEXTS)
def test_front_matter_read_once_is_what_reading_it_twice_gives(text: str) -> None:
    assert once(text) == twice(text)


def pure(text: str) -> Any:
    try:
        node, values = front_matter._compose_and_load_with(front_matter._FrontMatterLoader, text)
        return tree(node), values
    except yaml.YAMLError as error:
        return str(error)


_PIECES: tuple[str, ...] = (
    "title",
    "summary",
    "lang",
    ":",
    ": ",
    " ",
    "\n",
    "\t",
    "-",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
)
_PIECES += ("&a", "*a", "<<", "|", ">", "?", "!!str", "2024-01-01", "1.5", "~", "caff\u00e8", "\U0001f600", "\\")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_libyaml_reads_what_it_accepts_as_the_pure_loader_does(text: str) -> None:
    """Whatever the loader used, nodes, marks, values and errors are the pure loader's."""
    assert once(text) == pure(text)


_KEY = st.sampled_from(("title", "summary", "lang", "date", "k-1", "_x", "title"))
_VALUE = st.lists(st.sampled_from((*_PIECES, "a", "1", "(", ")", ".", "\u00a0", "\u2028", "\x85")), max_size=6).map(
    "".join
)
_LINE = st.tuples(_KEY, _VALUE, st.booleans()).map(
    lambda kv: f"{kv[0]}: {f'{kv[1]!s}' if not kv[2] else chr(34) + kv[1] + chr(34)}\n"
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=4).map("".join))
def test_libyaml_reads_simple_mappings_as_the_pure_loader_does(text: str) -> None:
    assert once(text) == pure(text)


@pytest.mark.parametrize(
    "front_matter",
    [
        pytest.param("title: T\nsummary: S\ndate: 2023-03-08\n", id="plain"),
        pytest.param("base: &b\n  x: 1\n  y: [1, 2]\nother:\n  <<: *b\n  x: 2\ntitle: T\n", id="merge-key"),
        pytest.param("list: &l [a, b]\nagain: *l\ntitle: 'It''s'\n", id="alias"),
        pytest.param("deep:\n  - <<: [{a: 1}, {b: 2}]\n    c: 3\ntitle: T\n", id="merge-in-a-sequence"),
        pytest.param("values:\n  =: 1\n  x: 2\ntitle: T\n", id="value-key"),
        pytest.param("title: |\n  Two\n  lines\nsummary: >\n  folded\n  text\n", id="block-scalars"),
    ],
)
def test_values_are_those_yaml_load_gives(front_matter: str) -> None:
    document = parse_document(
        f"---\n{front_matter}---\n\nText.\n",
        document_id="x",
        source="content/x.md",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )
    expected = yaml.load(front_matter, Loader=_FrontMatterLoader)  # noqa: S506 (a SafeLoader)
    if isinstance(expected.get("date"), str):
        expected["date"] = datetime.date.fromisoformat(expected["date"])
    assert document.metadata == expected
    for segment in document.segments[:-1]:
        assert document.text[segment.span.start : segment.span.end].strip("'\n") in front_matter


def test_a_control_character_is_refused_with_its_line() -> None:
    with pytest.raises(ContentError, match=r"content/x.md:2: front matter is not valid YAML: .*#x0008"):
        parse_document(
            "---\ntitle: \x08\n---\n\nText.\n",
            document_id="x",
            source="content/x.md",
            default_language="en",
            languages=("en", "it"),
            translatable_keys=("title", "summary"),
        )
