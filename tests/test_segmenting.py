"""Cutting Markdown into segments and putting translations back, byte for byte."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18ntool.errors import ContentError
from i18ntool.documents import build_template
from i18ntool.markdown.segmenting import Document, parse_document, render
from i18ntool.markdown.spans import Segment, Span
from i18ntool.po.catalogue import Message
from i18ntool.markdown import words
from i18ntool.markdown.words import has_words

REPOSITORY = Path(__file__).resolve().parent.parent
GOLDEN = sorted(path for path in (Path(__file__).parent / "golden").iterdir() if path.is_dir())
CONTENT = sorted((REPOSITORY / "content").glob("*.md"))
SPEC = json.loads((Path(__file__).parent / "commonmark" / "examples.json").read_text(encoding="utf-8"))
COMMONMARK = MarkdownIt("commonmark")


def parse(text: str, source: str = "content/x.md") -> Document:
    return parse_document(
        text,
        document_id="x",
        source=source,
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
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
        pytest.param(
            "| a | b |\n|---|---|\n| c |  |\n",
            [("table header", 1, "a"), ("table header", 1, "b"), ("table cell", 3, "c")],
            id="table",
        ),
        pytest.param("```\ncode\n```\n\n    code\n\n<p>html</p>\n\n[r]: /x\n", [], id="copied-blocks"),
        pytest.param(
            "---\ntitle: T\nsummary: S\nauthor: A\n---\n",
            [("front matter: title", 2, "T"), ("front matter: summary", 3, "S")],
            id="front-matter",
        ),
        pytest.param("<!-- i18ntool: skip -->\n- a\n- b\n\nc\n", [("paragraph", 5, "c")], id="skip-whole-list"),
        # A soft line break is a space in a msgid, unless a space would change the block (spec examples).
        pytest.param("`foo   bar \nbaz`\n", [("paragraph", 1, "`foo   bar  baz`")], id="code-span-keeps-its-spaces"),
        pytest.param("``\nfoo \n``\n", [("paragraph", 1, "`` foo  ``")], id="code-span-keeps-a-trailing-space"),
        pytest.param(
            "[link](<foo\nbar>)\n", [("paragraph", 1, "[link](<foo\nbar>)")], id="break-that-is-no-link-destination"
        ),
        pytest.param(
            '<a  /><b2\ndata="foo" >\n', [("paragraph", 1, '<a  /><b2\ndata="foo" >')], id="break-in-an-html-tag"
        ),
        pytest.param(
            "foo <!-- a --\nb -->\n", [("paragraph", 1, "foo <!-- a --\nb -->")], id="break-in-an-html-comment"
        ),
        pytest.param(
            "One `a\nb` <b>two\nthree</b>\n",
            [("paragraph", 1, "One `a b` <b>two three</b>")],
            id="spaces-where-they-change-nothing",
        ),
        pytest.param('[a](/u\n"t")\n', [("paragraph", 1, '[a](/u "t")')], id="break-before-a-link-title"),
        pytest.param('[a](/u "t\nu")\n', [("paragraph", 1, '[a](/u "t\nu")')], id="break-inside-a-link-title"),
        pytest.param("Foo <b\nc>\nbar\n", [("paragraph", 1, "Foo <b\nc> bar")], id="only-the-break-that-matters-kept"),
        pytest.param("Foo `a\nb`\n===\n", [("heading 1", 1, "Foo `a b`")], id="setext-heading-over-two-lines"),
        # Front matter, and what only looks like it.
        pytest.param("---\n\nText\n\n---\n", [("paragraph", 3, "Text")], id="thematic-break-then-blank-line"),
        pytest.param(
            "---\nFoo\n---\nBar\n", [("heading 2", 2, "Foo"), ("paragraph", 4, "Bar")], id="thematic-break-then-heading"
        ),
        pytest.param("---\n---\nText\n", [("paragraph", 3, "Text")], id="empty-front-matter"),
        pytest.param(
            "---\ntitle: T\n...\n\nText\n",
            [("front matter: title", 2, "T"), ("paragraph", 5, "Text")],
            id="closed-by-dots",
        ),
        pytest.param(
            "\ufeff---\ntitle: T\n---\n\n# H\n",
            [("front matter: title", 2, "T"), ("heading 1", 5, "H")],
            id="byte-order-mark",
        ),
        pytest.param(
            "\ufeff# H\nText\n", [("heading 1", 1, "H"), ("paragraph", 2, "Text")], id="byte-order-mark-no-front-matter"
        ),
    ],
)
def test_segments(text: str, expected: list[tuple[str, int, str]]) -> None:
    """Every block's text, translated or copied (a code span alone has no words, see below)."""
    document = parse(text)
    found = sorted((*document.segments, *document.copied), key=lambda segment: segment.span.start)
    assert [(s.kind, s.line, s.text) for s in found] == expected


@pytest.mark.parametrize(
    ("text", "copied"),
    [
        pytest.param(
            "[![CI](https://ci.example/badge.svg)](https://ci.example/) [![PyPI](https://img.example/v.svg)](https://pypi.org/)\n",
            True,
            id="line-of-badges",
        ),
        pytest.param("![Marina at the sewing machine](marina.jpg)\n", True, id="image-alone"),
        pytest.param("https://www.smc.edu/\n", True, id="bare-url"),
        pytest.param("<https://www.smc.edu/>\n", True, id="autolink"),
        pytest.param("- `i18ntool update`, `i18ntool build`\n", True, id="list-of-code-spans"),
        pytest.param("[press@example.org](mailto:press@example.org)\n", True, id="e-mail-link"),
        pytest.param("| a | — |\n|---|---|\n", None, id="dash-cell"),
        pytest.param("See ![the poster](poster.jpg)\n", False, id="image-in-a-sentence"),
        pytest.param("[Santa Monica College](https://www.smc.edu/)\n", False, id="link-with-words"),
        pytest.param("| Year |\n|---|\n| 2023 |\n", False, id="a-number-is-a-word"),
        pytest.param("---\ntitle: '—'\n---\n", True, id="front-matter-value"),
    ],
)
def test_blocks_with_no_words_are_copied_not_translated(text: str, copied: bool | None) -> None:
    """A block with no word outside its images and addresses is no entry; its text stays."""
    document = parse(text)
    if copied is None:  # a table: its header has a word, its cell has none
        assert [s.text for s in document.segments] == ["a"]
        assert [s.text for s in document.copied] == ["—"]
    else:
        assert bool(document.copied) is copied
        assert bool(document.segments) is not copied
    # Translating every segment leaves the copied text as the source has it.
    translated = render(document, lambda segment: "«it» " + segment.text, "it")
    assert all(segment.text in translated and "«it» " + segment.text not in translated for segment in document.copied)


def test_directives_give_notes_and_context() -> None:
    document = parse(
        "<!-- i18ntool: note Keep the title in English. -->\n<!-- i18ntool: context headline -->\n# Leaving the Factory\n\nLeaving the Factory\n"
    )
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
        pytest.param(
            "---\ndate: '2024-02-30'\n---\n", 2, "'date' is not a day of the calendar", id="quoted-date-not-a-day"
        ),
        pytest.param("---\ndate: '28/01/2024'\n---\n", 2, "must be an ISO date", id="quoted-date-not-iso"),
        pytest.param(
            "---\ntitle: T\n\n# Heading\n",
            1,
            "front matter is never closed; end it with a line '---'",
            id="never-closed",
        ),
        pytest.param(
            "\ufeff---\ntitle: T\n", 1, "front matter is never closed", id="never-closed-after-byte-order-mark"
        ),
        pytest.param(
            "---\ntitle: A\ndate: 2023-03-08\ntitle: B\n---\n",
            4,
            "the key 'title' twice (first on line 2)",
            id="duplicate-key",
        ),
        pytest.param(
            "---\nauthor:\n  name: A\n  name: B\n---\n",
            4,
            "the key 'name' twice (first on line 3)",
            id="duplicate-nested-key",
        ),
        pytest.param(
            "Text\n\n<!-- i18ntool: translate-me -->\n\nMore\n", 3, "unknown i18ntool directive", id="unknown-directive"
        ),
        pytest.param("Text\n\n<!-- i18ntool: skip -->\n", 3, "not followed by a block", id="dangling-directive"),
    ],
)
def test_bad_source_texts_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse(text)
    assert (caught.value.path, caught.value.line) == ("content/x.md", line)
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("---\ndate: 2024-01-28\n---\n", datetime.date(2024, 1, 28), id="plain"),
        pytest.param("---\ndate: '2024-01-28'\n---\n", datetime.date(2024, 1, 28), id="single-quoted"),
        pytest.param('---\ndate: "2024-01-28"\n---\n', datetime.date(2024, 1, 28), id="double-quoted"),
        pytest.param("---\ntitle: T\n---\n", None, id="none"),
    ],
)
def test_dates(text: str, expected: datetime.date | None) -> None:
    assert parse(text).date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("\ufeff# Title\n", "\ufeff---\nlang: it\n---\n# Titolo\n", id="byte-order-mark-stays-first"),
        pytest.param(
            "\ufeff---\ntitle: Title\n---\n",
            "\ufeff---\ntitle: Titolo\nlang: it\n---\n",
            id="byte-order-mark-and-front-matter",
        ),
        pytest.param("---\n\n# Title\n", "---\nlang: it\n---\n---\n\n# Titolo\n", id="thematic-break-stays-body"),
    ],
)
def test_language_is_added_to_front_matter(text: str, expected: str) -> None:
    output = render(parse(text), lambda segment: {"Title": "Titolo"}.get(segment.text), "it")
    assert output == expected
    assert parse(output).language == "it"


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
        output,
        document_id="x",
        source="x",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )
    assert [s.kind for s in translated.segments] == [s.kind for s in source.segments]
    assert [s.text for s in translated.segments] == [f"«{s.text}»" for s in source.segments]


blocks = st.sampled_from(
    [
        "# Heading",
        "Some *text*",
        "Two\nlines",
        "- item\n- item two",
        "> quote\n> more",
        "1. one\n2. two",
        "```\ncode\n```",
        "| a | b |\n|---|---|\n| c | d |",
        "Line  \nbreak",
        "<div>x</div>",
        "Title\n=====",
        "Code `a \nb`",
        "[a](<b\nc>)",
        "Tag <b\nx>y</b>",
        "---",
    ]
)


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
    from i18ntool.po.catalogue_files import read_catalogue
    from i18ntool.documents import build_template

    (catalogue_path,) = case.glob("*.po")
    language = catalogue_path.stem
    document = parse_document(
        (case / "source.md").read_bytes().decode("utf-8"),
        document_id=case.name,
        source=f"{case.name}/source.md",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )
    catalogue = read_catalogue(catalogue_path)
    assert build_template(document) == tuple(message.replace(msgstr="") for message in catalogue.messages)
    translations = {message.key: message.msgstr for message in catalogue.messages}
    output = render(document, lambda segment: translations.get((segment.context, segment.text)), language)
    assert output.encode("utf-8") == (case / f"expected.{language}.md").read_bytes()


def html(markdown: str) -> str:
    """CommonMark's HTML for ``markdown``, with each soft line break written as the space it stands for."""

    def spaced(tokens: list[Token]) -> list[Token]:
        for token in tokens:
            token.children = spaced(token.children) if token.children else token.children
        return [Token("text", "", 0, content=" ") if token.type == "softbreak" else token for token in tokens]

    html: str = COMMONMARK.renderer.render(spaced(COMMONMARK.parse(markdown)), COMMONMARK.options, {})
    return html


@pytest.mark.parametrize("example", SPEC["examples"], ids=[str(example["example"]) for example in SPEC["examples"]])
def test_commonmark_spec_example_round_trips(example: dict[str, str]) -> None:
    """Built in its own language, an example is itself; translated by itself, it renders alike."""
    text = example["markdown"]
    document = parse(text)
    assert render(document, lambda segment: None) == text
    assert html(render(document, lambda segment: segment.text)) == html(text)
    in_italian = parse(render(document, lambda segment: segment.text, "it"))
    assert html(in_italian.markdown_body) == html(document.markdown_body)
    assert [s.text for s in in_italian.segments] == [s.text for s in document.segments]


@settings(max_examples=500)
@given(st.text(alphabet="ab1é \t\n*_`<>[]()!&;\\@:/.w-—\u1fef\u0301", max_size=40))
def test_a_word_before_any_markup_is_read_as_the_inline_parse_reads_it(text: str) -> None:
    # The quick check of the text before any markup may only say yes where the parse says yes.
    if words._plain_prefix_has_words(text):
        assert by_parsing(text)


def by_parsing(text: str) -> bool:
    return bool(words._WORD.search(words._ADDRESS.sub(" ", words.prose(text, alt_text=False))))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Women in the factory", id="plain"),
        pytest.param("see http://example.org", id="word-then-url"),
        pytest.param("http://example.org and more", id="url-first"),
        pytest.param("press@example.org writes", id="address-first"),
        pytest.param("`code` then words", id="code-first"),
        pytest.param("ab1 [x](y)", id="word-then-link"),
        pytest.param("\u1fef foo \u1fef ![x](y)", id="a-backtick-once-normalised"),
    ],
)
def test_the_quick_word_check_answers_as_the_parse_does(text: str) -> None:
    assert has_words(text) is by_parsing(text)
    if words._plain_prefix_has_words(text):
        assert by_parsing(text)


def _template_as_specified(document: Document) -> tuple[Message, ...]:
    """The template entries, straight from their definition: per distinct (context, text) in
    order of first segment, every segment's reference, notes then kinds, each once in order."""
    keys = list(dict.fromkeys((segment.context, segment.text) for segment in document.segments))
    entries = []
    for context, text in keys:
        group = [segment for segment in document.segments if (segment.context, segment.text) == (context, text)]
        notes: list[str] = []
        kinds: list[str] = []
        for segment in group:
            for note in segment.notes:
                notes += [note] if note not in notes else []
            kinds += [segment.kind] if segment.kind not in kinds else []
        references = tuple(f"{document.source}:{segment.line}" for segment in group)
        entries.append(Message(text, msgctxt=context, references=references, extracted_comments=(*notes, *kinds)))
    return tuple(entries)


_WORDS = st.sampled_from(["Leaving", "the", "factory", "note A", "note B", "heading 2", "paragraph"])


@given(
    st.lists(
        st.tuples(
            st.sampled_from([None, "title", "a"]),
            _WORDS,
            st.sampled_from(["paragraph", "heading 2", "list item"]),
            st.lists(_WORDS, max_size=3).map(tuple),
        ),
        max_size=12,
    )
)
def test_template_entries_gather_every_segment_of_a_text(
    segments: list[tuple[str | None, str, str, tuple[str, ...]]],
) -> None:
    document = parse("Body.\n", source="content/d.md")
    made = tuple(
        Segment(text, kind, line, Span(0, 0), context=context, notes=notes)
        for line, (context, text, kind, notes) in enumerate(segments, start=1)
    )
    document = dataclasses.replace(document, segments=made)
    assert build_template(document) == _template_as_specified(document)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", " ", "\n", "\r", "\r\n", "\ufeff", "\u2028"]), max_size=20).map("".join))
def test_line_offsets_added_up_are_the_line_breaks_found(text: str) -> None:
    """Lines of a text with only "\\n" breaks are offsets added up; every other text's are
    its line breaks matched: the same offsets either way."""
    from i18ntool.markdown.spans import BYTE_ORDER_MARK, LINE_BREAK, Lines

    starts = [len(BYTE_ORDER_MARK) if text.startswith(BYTE_ORDER_MARK) else 0]
    ends = []
    for match in LINE_BREAK.finditer(text):
        ends.append(match.start())
        starts.append(match.end())
    ends.append(len(text))
    lines = Lines(text)
    assert (lines.starts, lines.ends) == (starts, ends)
