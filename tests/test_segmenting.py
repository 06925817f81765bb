"""Cutting Markdown into segments and putting translations back, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool.errors import ContentError
from i18ntool.segmenting import Document, parse_document, render

REPOSITORY = Path(__file__).resolve().parent.parent
GOLDEN = sorted(path for path in (Path(__file__).parent / "golden").iterdir() if path.is_dir())
CONTENT = sorted((REPOSITORY / "content").glob("*.md"))


def parse(text: str, source: str = "content/x.md") -> Document:
    return parse_document(
        text, document_id="x", source=source, default_language="en",
        languages=("en", "it"), translatable_keys=("title", "summary"),
    )


@pytest.mark.parametrize("path", GOLDEN + CONTENT, ids=[p.name for p in GOLDEN] + [p.stem for p in CONTENT])
def test_no_translations_give_the_source_back_byte_for_byte(path: Path) -> None:
    source = path / "source.md" if path.is_dir() else path
    text = source.read_bytes().decode("utf-8")
    document = parse(text)
    assert render(document, lambda segment: None).encode("utf-8") == source.read_bytes()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("# Title\n", [("heading 1", 1, "Title")], id="atx"),
        pytest.param("Title\n---\n", [("heading 2", 1, "Title")], id="setext"),
        pytest.param("One\ntwo\n", [("paragraph", 1, "One two")], id="soft-break-is-a-space"),
        pytest.param("One  \ntwo\n", [("paragraph", 1, "One  \ntwo")], id="hard-break-kept"),
        pytest.param("- *a* [b](c)\n", [("list item", 1, "*a* [b](c)")], id="inline-markdown-kept"),
        pytest.param("> q\n", [("block quote", 1, "q")], id="quote"),
        pytest.param("| a | b |\n|---|---|\n| c |  |\n", [("table header", 1, "a"), ("table header", 1, "b"), ("table cell", 3, "c")], id="table"),
        pytest.param("```\ncode\n```\n\n    code\n\n<p>html</p>\n\n[r]: /x\n", [], id="copied-blocks"),
        pytest.param("---\ntitle: T\nsummary: S\nauthor: A\n---\n", [("front matter: title", 2, "T"), ("front matter: summary", 3, "S")], id="front-matter"),
        pytest.param("<!-- i18ntool: skip -->\n- a\n- b\n\nc\n", [("paragraph", 5, "c")], id="skip-whole-list"),
    ],
)
def test_segments(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(s.kind, s.line, s.text) for s in parse(text).segments] == expected


def test_directives_give_notes_and_context() -> None:
    document = parse("<!-- i18ntool: note Keep the title in English. -->\n<!-- i18ntool: context headline -->\n# Leaving the Factory\n\nLeaving the Factory\n")
    heading, paragraph = document.segments
    assert (heading.context, heading.notes) == ("headline", ("Keep the title in English.",))
    assert (paragraph.context, paragraph.notes) == (None, ())


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param("---\ntitle: [unclosed\n---\n", 3, "front matter is not valid YAML", id="yaml-syntax"),
        pytest.param("---\n- a list\n---\n", 2, "must be a mapping", id="yaml-not-mapping"),
        pytest.param("---\nlang: fr\n---\n", 2, "'lang: fr' is not a language of this project", id="unknown-lang"),
        pytest.param("---\ndate: March 2023\n---\n", 2, "must be an ISO date", id="bad-date"),
        pytest.param("---\ntitle: [a, b]\n---\n", 2, "must be a string", id="title-not-string"),
        pytest.param("Text\n\n<!-- i18ntool: translate-me -->\n\nMore\n", 3, "unknown i18ntool directive", id="unknown-directive"),
        pytest.param("Text\n\n<!-- i18ntool: skip -->\n", 3, "not followed by a block", id="dangling-directive"),
    ],
)
def test_bad_source_texts_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse(text)
    assert (caught.value.path, caught.value.line) == ("content/x.md", line)
    assert message in caught.value.message


def test_translations_keep_line_endings_quoting_and_structure() -> None:
    text = "---\r\ntitle: 'It''s here'\r\n---\r\n\r\n> Quoted\r\n> text\r\n\r\n| a |\r\n|---|\r\n| b |\r\n"
    translations = {"It's here": "È qui: «sì»", "Quoted text": "Testo  \ncitato", "b": "x | y"}
    output = render(parse(text), lambda s: translations.get(s.text), "it")
    assert output == (
        "---\r\ntitle: 'È qui: «sì»'\r\nlang: it\r\n---\r\n\r\n> Testo  \r\n> citato\r\n\r\n| a |\r\n|---|\r\n| x \\| y |\r\n"
    )


def test_translated_output_is_segmented_like_its_source() -> None:
    """A translation put back must not change the block structure of the document."""
    text = (REPOSITORY / "content" / "press-release.md").read_text(encoding="utf-8")
    source = parse(text)
    output = render(source, lambda s: f"«{s.text}»", "it")
    translated = parse_document(
        output, document_id="x", source="x", default_language="en", languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )
    assert [s.kind for s in translated.segments] == [s.kind for s in source.segments]
    assert [s.text for s in translated.segments] == [f"«{s.text}»" for s in source.segments]


blocks = st.sampled_from([
    "# Heading", "Some *text*", "Two\nlines", "- item\n- item two", "> quote\n> more", "1. one\n2. two",
    "```\ncode\n```", "| a | b |\n|---|---|\n| c | d |", "Line  \nbreak", "<div>x</div>", "Title\n=====",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(blocks, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_round_trip_property(parts: list[str], eol: str, final_newline: bool) -> None:
    text = "\n\n".join(parts).replace("\n", eol) + (eol if final_newline else "")
    document = parse(text)
    assert render(document, lambda segment: None) == text
    translated = render(document, lambda segment: segment.text.upper())
    again = parse(translated)
    assert [s.text for s in again.segments] == [s.text.upper() for s in document.segments]


@pytest.mark.parametrize("case", GOLDEN, ids=[case.name for case in GOLDEN])
def test_golden_case(case: Path) -> None:
    """source.md gives the entries of <lang>.po, and with its translations, expected.<lang>.md."""
    from i18ntool.catalogue import read_catalogue
    from i18ntool.sync import build_template

    (catalogue_path,) = case.glob("*.po")
    language = catalogue_path.stem
    document = parse_document(
        (case / "source.md").read_bytes().decode("utf-8"), document_id=case.name, source=f"{case.name}/source.md",
        default_language="en", languages=("en", "it"), translatable_keys=("title", "summary"),
    )
    catalogue = read_catalogue(catalogue_path)
    assert build_template(document) == tuple(message.replace(msgstr="") for message in catalogue.messages)
    translations = {message.key: message.msgstr for message in catalogue.messages}
    output = render(document, lambda segment: translations.get((segment.context, segment.text)), language)
    assert output.encode("utf-8") == (case / f"expected.{language}.md").read_bytes()
