"""Inline Markdown as XLIFF inline codes, and back (i18ntool/exchange/inline_codes.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool.exchange.inline_codes import (
    Close,
    Code,
    CodeProblem,
    Content,
    Mark,
    Open,
    decode,
    encode,
    encode_translation,
    link_target,
    resolve,
)
from i18ntool.po.catalogue_files import read_catalogue
from tests.conftest import REPOSITORY, profile

REFERENCES = {"references": {"PRESS": {"href": "https://example.org/press", "title": ""}}}


@pytest.mark.parametrize(
    ("markdown", "content", "codes"),
    [
        pytest.param("Plain words.", ("Plain words.",), (), id="plain"),
        pytest.param(
            "*Leaving the Factory* is a film",
            (Open("1", "*"), "Leaving the Factory", Close("1", "*"), " is a film"),
            (Code("1", "emphasis", "*", "*"),),
            id="emphasis",
        ),
        pytest.param(
            'made at [Santa Monica College](https://www.smc.edu/ "SMC").',
            ("made at ", Open("1", "["), "Santa Monica College", Close("1", '](https://www.smc.edu/ "SMC")'), "."),
            (Code("1", "link", "[", '](https://www.smc.edu/ "SMC")'),),
            id="link with title",
        ),
        pytest.param(
            "__strong _and em_ inside__",
            (Open("1", "__"), "strong ", Open("2", "_"), "and em", Close("2", "_"), " inside", Close("1", "__")),
            (Code("1", "strong", "__", "__"), Code("2", "emphasis", "_", "_")),
            id="nested",
        ),
        pytest.param(
            "***both***",
            (Open("1", "*"), Open("2", "**"), "both", Close("2", "**"), Close("1", "*")),
            (Code("1", "emphasis", "*", "*"), Code("2", "strong", "**", "**")),
            id="em and strong from one run",
        ),
        pytest.param(
            "watch `YouTube` now<br>![poster *x*](p.png) <https://a.example>",
            (
                "watch ",
                Mark("1", "`YouTube`"),
                " now",
                Mark("2", "<br>"),
                Mark("3", "![poster *x*](p.png)"),
                " ",
                Mark("4", "<https://a.example>"),
            ),
            (
                Code("1", "code", "`YouTube`"),
                Code("2", "html", "<br>"),
                Code("3", "image", "![poster *x*](p.png)"),
                Code("4", "autolink", "<https://a.example>"),
            ),
            id="placeholders",
        ),
        pytest.param(
            "see [the press page][press] or [PRESS]",
            (
                "see ",
                Open("1", "["),
                "the press page",
                Close("1", "][press]"),
                " or ",
                Open("2", "["),
                "PRESS",
                Close("2", "]"),
            ),
            (Code("1", "link", "[", "][press]"), Code("2", "link", "[", "]")),
            id="reference links",
        ),
        pytest.param("a \\*starred\\* AT&amp;T", ("a \\*starred\\* AT&amp;T",), (), id="escapes stay text"),
        pytest.param("5 * 3 and snake_case_name", ("5 * 3 and snake_case_name",), (), id="no markup"),
        pytest.param("[not a link] here", ("[not a link] here",), (), id="unresolved reference"),
    ],
)
def test_encode(markdown: str, content: Content, codes: tuple[Code, ...]) -> None:
    coded = encode(markdown, REFERENCES)
    assert coded.content == content
    assert coded.codes == codes
    assert decode(coded.content) == markdown


def _kit_texts() -> list[str]:
    texts = []
    for path in sorted((REPOSITORY / "locales").glob("*/LC_MESSAGES/*.po")):
        for message in read_catalogue(path).messages:
            texts += [message.msgid, message.msgstr]
    return [text for text in texts if text]


def test_every_text_of_the_kit_comes_back_byte_for_byte_and_its_markup_becomes_codes() -> None:
    texts = _kit_texts()
    for text in texts:
        coded = encode(text)
        assert decode(coded.content) == text
        assert ("*" in text or "](" in text) <= bool(coded.codes), text
    assert sum(bool(encode(text).codes) for text in texts) >= 10


MARKDOWN_BITS = st.sampled_from(
    [
        "*",
        "**",
        "_",
        "[",
        "]",
        "(",
        ")",
        "`",
        "<b>",
        "</b>",
        "\\",
        "&amp;",
        "!",
        "<",
        ">",
        " ",
        "a",
        "word",
        "\n",
        "https://x.example",
    ]
)


@settings(max_examples=profile(200, 5000), deadline=None)
@given(st.lists(MARKDOWN_BITS, max_size=25).map("".join))
def test_any_text_comes_back_byte_for_byte(text: str) -> None:
    """Whatever the Markdown, its pieces give it back, and its own codes resolve to it."""
    coded = encode(text, REFERENCES)
    assert decode(coded.content) == text
    assert resolve(coded.content, coded, env=REFERENCES) == text


SOURCE = encode("*Leaving the Factory* was made at [SMC](https://www.smc.edu/) with `ffmpeg`.")


def _target(*pieces: str | Open | Close | Mark) -> Content:
    return tuple(pieces)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        pytest.param(
            _target(
                Open("1"),
                "Leaving the Factory",
                Close("1"),
                " è stato girato allo ",
                Open("2"),
                "SMC",
                Close("2"),
                " con ",
                Mark("3"),
                ".",
            ),
            "*Leaving the Factory* è stato girato allo [SMC](https://www.smc.edu/) con `ffmpeg`.",
            id="codes without data take the source's",
        ),
        pytest.param(
            _target(
                "Con ",
                Mark("3", "`ffmpeg`"),
                ", al ",
                Open("2", "["),
                "Santa Monica College",
                Close("2", "](https://www.smc.edu/)"),
                ", ",
                Open("1", "*"),
                "Leaving",
                Close("1", "*"),
                ".",
            ),
            "Con `ffmpeg`, al [Santa Monica College](https://www.smc.edu/), *Leaving*.",
            id="codes moved and link text translated",
        ),
        pytest.param(
            _target(Open("1"), "L*F", Close("1"), " ", Open("2"), "S_M_C", Close("2"), " ", Mark("3"), " [x](y)"),
            "*L\\*F* [S\\_M\\_C](https://www.smc.edu/) `ffmpeg` \\[x\\](y)",
            id="markup typed as text is escaped",
        ),
    ],
)
def test_resolve_builds_the_translation(target: Content, expected: str) -> None:
    assert resolve(target, SOURCE) == expected


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        pytest.param(
            _target(Open("1"), "x", Close("1"), Open("2"), "y", Close("2")),
            "code 3 of the source is missing",
            id="missing",
        ),
        pytest.param(
            _target(Open("1"), "x", Close("1"), Open("2"), "y", Close("2"), Mark("3"), Mark("3")),
            "code 3 is there twice",
            id="duplicated",
        ),
        pytest.param(
            _target(Open("1"), "x", Close("1"), Open("2"), "y", Close("2", "](https://evil.example/)"), Mark("3")),
            "code 2 was altered: '](https://evil.example/)' instead of '](https://www.smc.edu/)'",
            id="URL changed",
        ),
        pytest.param(
            _target(Open("1"), "x", Close("1"), Open("2"), "y", Close("2"), Mark("3", "`rm -rf`")),
            "code 3 was altered",
            id="placeholder changed",
        ),
        pytest.param(
            _target(Open("1"), "x", Close("1"), Open("2"), "y", Close("2"), Mark("3"), Mark("9", "<script>")),
            "code 9 is not one of the source's codes",
            id="foreign",
        ),
        pytest.param(
            _target(Mark("1"), Open("2"), "y", Close("2"), Mark("3")),
            "code 1 was altered: it is a paired code",
            id="paired as placeholder",
        ),
        pytest.param(
            _target(Open("1"), Open("2"), "x", Close("1"), "y", Close("2"), Mark("3")),
            "code 1 closes where it is not the innermost",
            id="overlapping",
        ),
        pytest.param(
            _target(Open("1"), "x", Open("2"), "y", Close("2"), Mark("3")),
            "code 1 opens and is never closed",
            id="unclosed",
        ),
    ],
)
def test_resolve_refuses_broken_codes(target: Content, problem: str) -> None:
    with pytest.raises(CodeProblem, match=problem.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")):
        resolve(target, SOURCE)


def test_a_localised_link_is_allowed_where_the_rule_allows_it() -> None:
    target = _target(
        Open("1"), "x", Close("1"), " ", Open("2"), "y", Close("2", "](https://www.smc.edu/it/)"), " ", Mark("3")
    )

    def localised(source_end: str, target_end: str) -> bool:
        return (link_target(source_end) or "") + "it/" == link_target(target_end)

    assert resolve(target, SOURCE, link_allowed=localised) == "*x* [y](https://www.smc.edu/it/) `ffmpeg`"
    with pytest.raises(CodeProblem, match="code 2 was altered"):
        resolve(target, SOURCE)


@pytest.mark.parametrize(
    ("closing", "url"),
    [
        pytest.param("](https://a.example/)", "https://a.example/", id="inline"),
        pytest.param(']( <https://a.example/b c> "t")', "https://a.example/b%20c", id="angle brackets and title"),
        pytest.param("][press]", "https://example.org/press", id="reference"),
        pytest.param("](https://a.example/) *more*", None, id="more than a link's end"),
        pytest.param(") nothing", None, id="not a link"),
    ],
)
def test_link_target(closing: str, url: str | None) -> None:
    assert link_target(closing, REFERENCES) == url


def test_a_translation_gets_the_ids_of_the_source_codes_it_matches() -> None:
    source = encode("[a](https://a.example/) and [b](https://b.example/) *c*")
    target = encode_translation("*c* e [b](https://b.example/) e [a](https://a.example/it/)", source)
    assert target == (
        Open("3", "*"),
        "c",
        Close("3", "*"),
        " e ",
        Open("2", "["),
        "b",
        Close("2", "](https://b.example/)"),
        " e ",
        Open("1", "["),
        "a",
        Close("1", "](https://a.example/it/)"),
    )
    extra = encode_translation("`new` text", encode("text"))
    assert extra == (Mark("x1", "`new`"), " text")
