"""The quick block parse against markdown-it's: the same tokens wherever it answers, and the
same documents whether it answers or not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from i18ntool.errors import ContentError
from i18ntool.markdown import segmenting
from i18ntool.markdown.plain_blocks import parse_plain
from i18ntool.markdown.segmenting import Document, _block_parser, parse_document
from tests.conftest import profile

REPOSITORY = Path(__file__).resolve().parent.parent
CONTENT = sorted((REPOSITORY / "content").glob("*.md"))
SPEC = json.loads((Path(__file__).parent / "commonmark" / "examples.json").read_text(encoding="utf-8"))["examples"]


def markdown_it(source: str) -> tuple[list[Token], dict[str, Any]]:
    env: dict[str, Any] = {}
    return _block_parser().parse(source, env), env


def assert_same_tokens(source: str) -> bool:
    """Whether the quick parse answered; where it did, its tokens are markdown-it's."""
    quick = parse_plain(source)
    if quick is None:
        return False
    expected, env = markdown_it(source)
    assert [token.as_dict() for token in quick] == [token.as_dict() for token in expected]
    assert quick == expected
    assert env == {}  # no link reference definition read
    return True


def parse(text: str, source: str = "content/x.md") -> Document:
    return parse_document(
        text,
        document_id="x",
        source=source,
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )


def assert_same_document(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The document read with the quick parse is the one read with markdown-it alone."""
    quick = parse(text)
    with monkeypatch.context() as patch:
        patch.setattr(segmenting, "plain_blocks", lambda source: None)
        slow = parse(text)
    assert quick == slow
    assert (quick.segments, quick.copied, quick.html_lines) == (slow.segments, slow.copied, slow.html_lines)


def body(text: str) -> str:
    return parse(text).markdown_body


@pytest.fixture(scope="module")
def press(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Generated press documents (benchmarks/scale_project.py) and a catalogue-like archive."""
    folder = tmp_path_factory.mktemp("press")
    scale = REPOSITORY / "benchmarks" / "scale.py"
    for name, options in (("press", ["--documents", "12"]), ("archive", ["--entries", "400"])):
        command = [sys.executable, str(scale), "generate", "--out", str(folder / name), *options]
        subprocess.run(command, check=True, capture_output=True)
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*/content/*.md"))]


@pytest.mark.parametrize("path", CONTENT, ids=[path.name for path in CONTENT])
def test_shipped_texts(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    plain = assert_same_tokens(body(text))
    assert plain == ("| --- |" not in text)  # only the text with a table is left to markdown-it
    assert_same_document(text, monkeypatch)


def test_generated_press_texts_are_plain(press: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(press) == 13
    for text in press:
        assert assert_same_tokens(body(text))
        assert_same_document(text, monkeypatch)


def test_commonmark_spec_examples() -> None:
    answered = [example["example"] for example in SPEC if assert_same_tokens(example["markdown"])]
    assert 100 < len(answered) < len(SPEC) // 2  # many inline-only examples; most block ones left to markdown-it


def test_commonmark_spec_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    for example in SPEC:
        try:
            assert_same_document(example["markdown"], monkeypatch)
        except ContentError:
            with pytest.raises(ContentError), monkeypatch.context() as patch:
                patch.setattr(segmenting, "plain_blocks", lambda source: None)
                parse(example["markdown"])


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("# Title\n\nText.\n", id="heading and paragraph"),
        pytest.param("Text\nmore text  \nand more\n\n\n", id="paragraph of lines"),
        pytest.param("- one\n- two\n\n- three\n\nText", id="loose list"),
        pytest.param("- one\n- two\n\n\n* three\n", id="another marker, another list"),
        pytest.param("Text\n## Heading\n- item", id="heading interrupts paragraph"),
        pytest.param("- **Title:** *Film*\n- [link](https://example.org)\n", id="fact box"),
        pytest.param("[link](x) text\n[more](y)\n", id="links, no definition"),
        pytest.param("\n\n\n# Heading #x\n  \n###### Six", id="front matter lines, blank with spaces"),
        pytest.param("", id="empty"),
    ],
)
def test_plain(source: str) -> None:
    assert assert_same_tokens(source)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("Title\n=====\n", id="setext heading"),
        pytest.param("Title\n---\n", id="setext heading 2"),
        pytest.param("Text\n- item\n", id="list interrupts paragraph"),
        pytest.param("- item\nlazy\n", id="lazy continuation"),
        pytest.param("- item\n  more\n", id="continuation"),
        pytest.param("- item\n# Heading\n", id="heading right after an item"),
        pytest.param("[a]: /url\n\n[a]\n", id="reference definition"),
        pytest.param("- [a]: /url\n", id="reference definition in an item"),
        pytest.param("[a\nb]: /url\n", id="reference definition over lines"),
        pytest.param("a | b\n--|--\n", id="table"),
        pytest.param("> quote\n", id="block quote"),
        pytest.param("```\ncode\n```\n", id="fence"),
        pytest.param("    code\n", id="indented code"),
        pytest.param("<div>\n", id="html"),
        pytest.param("***\n", id="thematic break"),
        pytest.param("* * *\n", id="thematic break of items"),
        pytest.param("- - -\n", id="thematic break of dashes"),
        pytest.param("1. one\n", id="ordered list"),
        pytest.param("+ one\n", id="plus list"),
        pytest.param("-  two spaces\n", id="wide item"),
        pytest.param("- \n", id="empty item"),
        pytest.param("Text\twith a tab\n", id="tab"),
        pytest.param("Text\r\nline\r\n", id="carriage return"),
        pytest.param("# Heading #\n", id="closing sequence"),
        pytest.param("#\n", id="empty heading"),
        pytest.param("####### Seven\n", id="seven hashes"),
        pytest.param("#hashtag\n", id="no space after hashes"),
        pytest.param("\u00a0Text\n", id="no-break space first"),
        pytest.param("- An item\n   ", id="last line of spaces"),
    ],
)
def test_not_plain(source: str) -> None:
    assert parse_plain(source) is None
    markdown_it(source)  # markdown-it reads it


PLAIN_LINES = [
    "",
    "   ",
    "# Heading",
    "## *Heading* with [a link](https://example.org)",
    "Plain text, with *emphasis* and `code`.",
    "**Bold** start",
    "_under_ score",
    "[link](https://example.org) first",
    "2023 was a year",
    "1.5 million",
    "Text ending in two spaces  ",
    "Text ending in a backslash\\",
    "- An item",
    "- **Label:** item",
    "* Another item",
    "«Quoted» text — with dashes",
    "\\# not a heading",
]
TRICKY_LINES = [
    "===",
    "---",
    "- ",
    "-",
    "*",
    "***",
    "* * *",
    "_ _ _",
    "  indented",
    "    code",
    "> quote",
    "```",
    "~~~",
    "<div>",
    "<!-- comment -->",
    "1. one",
    "1) one",
    "2023. A year",
    "7)",
    "+ plus",
    "a | b",
    "--|--",
    "[a]: /url",
    "[a]",
    "#",
    "# ",
    "# Heading #",
    "#######",
    "#tag",
    "\tTab",
    "Text\r",
    "\u00a0nbsp",
    "-  wide",
    "- # heading",
    "- > quote",
    "- 1. one",
]


@settings(max_examples=profile(400, 5000), deadline=None)
@given(st.lists(st.sampled_from(PLAIN_LINES + TRICKY_LINES), max_size=12), st.booleans())
def test_mixes_of_plain_and_tricky_lines(lines: list[str], final_break: bool) -> None:
    assert_same_tokens("\n".join(lines) + ("\n" if final_break else ""))


@settings(max_examples=profile(200, 2000), deadline=None)
@given(st.lists(st.sampled_from(PLAIN_LINES), max_size=12))
def test_plain_lines_are_read_quickly(lines: list[str]) -> None:
    source = "\n".join(lines)
    answered = assert_same_tokens(source)
    # The few orders left to markdown-it: a list right after a paragraph, a line right after an
    # item, a last line of spaces.
    kinds = ["item" if line[:2] in ("- ", "* ") else "blank" if not line.strip() else "other" for line in lines]
    pairs = set(zip(kinds, kinds[1:], strict=False))
    unsure = {("other", "item"), ("item", "other"), ("item", "item")} & pairs or (lines and lines[-1].isspace())
    assert answered or unsure


@settings(max_examples=profile(300, 3000), deadline=None)
@given(st.lists(st.sampled_from(PLAIN_LINES + TRICKY_LINES), max_size=12), st.booleans())
def test_mixes_read_as_documents_alike(lines: list[str], final_break: bool) -> None:
    """Segments made from the quick parse's blocks, without tokens, are those made from
    markdown-it's tokens (or the quick parse leaves the text to markdown-it)."""
    text = "\n".join(lines) + ("\n" if final_break else "")
    try:
        quick: Document | str = parse(text)
    except ContentError as error:
        quick = str(error)
    with mock.patch.object(segmenting, "plain_blocks", lambda source: None):
        try:
            slow: Document | str = parse(text)
        except ContentError as error:
            slow = str(error)
    assert quick == slow
    if isinstance(quick, Document) and isinstance(slow, Document):
        assert (quick.segments, quick.copied, quick.html_lines) == (slow.segments, slow.copied, slow.html_lines)
