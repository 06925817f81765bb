"""Words as a translator's quote counts them: markup and addresses are not words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool.markdown.words import count_words, has_words
from tests.conftest import REPOSITORY, profile


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("", 0, id="empty"),
        pytest.param("   ", 0, id="blank"),
        pytest.param("Watch the film", 3, id="plain"),
        pytest.param("*Leaving the Factory* wins", 4, id="emphasis-markers"),
        pytest.param("**Running time:** 15 minutes", 4, id="strong-and-number"),
        pytest.param("produced at [Santa Monica College](https://www.smc.edu/)", 5, id="link-text-not-url"),
        pytest.param('on [YouTube](https://www.youtube.com/ "the trailer")', 2, id="link-title"),
        pytest.param("see <https://alessiacruci.com/press>", 1, id="autolink"),
        pytest.param("see https://alessiacruci.com/press or www.smc.edu", 2, id="bare-urls"),
        pytest.param("write to press@example.org", 2, id="e-mail"),
        pytest.param("[press@example.org](mailto:press@example.org)", 0, id="e-mail-link"),
        pytest.param("follow @alessiacruci", 1, id="handle"),
        pytest.param("run `i18ntool update` now", 2, id="code-span"),
        pytest.param("one<br>two", 2, id="inline-html"),
        pytest.param("![Marina at the sewing machine](marina.jpg)", 5, id="image-alt-text"),
        pytest.param("an $8,000 grant and 12.5% of 1,000 guests", 8, id="figures"),
        pytest.param("Crucitelli’s co-worker Freeda's rebellion", 4, id="apostrophes-and-hyphens"),
        pytest.param("l’ETHOS dell’anno", 2, id="italian-elision"),
        pytest.param("Superintendent/President, Dr. Kathryn E. Jeffery", 6, id="slash-and-initials"),
        pytest.param("first line\nsecond line", 4, id="hard-break"),
        pytest.param("caffe\u0300 ristretto", 2, id="combining-accent"),
        pytest.param("— – … « » ¶", 0, id="punctuation-only"),
        pytest.param("\\*not emphasis\\*", 2, id="escapes"),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Watch the film", True, id="words"),
        pytest.param("2023", True, id="a-number-is-a-word"),
        pytest.param("![Poster](poster.jpg) of the film", True, id="image-and-words"),
        pytest.param("![Marina at the sewing machine](marina.jpg)", False, id="image-alone"),
        pytest.param(
            "[![CI](https://ci.example/b.svg)](https://ci.example/) [![PyPI](v.svg)](https://pypi.org/)",
            False,
            id="badges",
        ),
        pytest.param("https://www.smc.edu/", False, id="bare-url"),
        pytest.param("`a`, `b` and `c`", True, id="code-spans-with-a-word"),
        pytest.param("`a`, `b`, `c`", False, id="code-spans"),
        pytest.param("@alessiacruci · press@example.org", False, id="handle-and-address"),
        pytest.param("—", False, id="dash"),
    ],
)
def test_has_words(text: str, expected: bool) -> None:
    """Whether a block has something to translate: the alt text of an image alone does not count."""
    assert has_words(text) is expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1 *_`<>[]()!&;\\@:/.w-—", max_size=30))
def test_has_words_skips_parsing_only_where_parsing_would_agree(text: str) -> None:
    from i18ntool.markdown.words import _ADDRESS, _WORD, prose

    assert has_words(text) is bool(_WORD.search(_ADDRESS.sub(" ", prose(text, alt_text=False))))


_FRAGMENTS: tuple[str, ...] = (
    "a",
    "b1",
    " ",
    "\n",
    "\t",
    "\u00a0",
    "[",
    "]",
    "(",
    ")",
    "!",
    "`",
    "<",
    ">",
    "&amp;",
    "\\",
    "@",
)
_FRAGMENTS += ("://", "https", "www.", "mailto:", "x.com", ".", "-", "*", "_", "é", "e\u0301", '"', "'")


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=16).map("".join))
def test_has_words_plain_prefix_agrees_with_the_parse(text: str) -> None:
    """The plain text before the first markup character answers only where the parse agrees:
    addresses that run on into markup, a space before a code span or a link, escapes."""
    from i18ntool.markdown.words import _ADDRESS, _WORD, prose

    assert has_words(text) is bool(_WORD.search(_ADDRESS.sub(" ", prose(text, alt_text=False))))


@pytest.mark.parametrize(
    "text",
    [
        "see foo@bar.com",
        "see https://x.example/a [b](c)",
        "www.example.org/a`b c`",
        "abc.def[x@y.com](mailto:x@y.com)",
        "Read the [report](https://example.org/1) today",
        "x ![Poster](poster.jpg)",
        "mailto:a@b.c <b>",
    ],
)
def test_has_words_around_a_plain_prefix(text: str) -> None:
    from i18ntool.markdown.words import _ADDRESS, _WORD, prose

    assert has_words(text) is bool(_WORD.search(_ADDRESS.sub(" ", prose(text, alt_text=False))))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS + ("ftp", "http", "mailto", "www", ":", "/")), max_size=16).map("".join))
def test_addresses_looked_for_only_where_one_may_be(text: str) -> None:
    """A text holding nothing every address holds is left as it is, as _ADDRESS would leave it."""
    from i18ntool.markdown.words import _ADDRESS, _without_addresses

    assert _without_addresses(text) == _ADDRESS.sub(" ", text)


def parsed_words(text: str) -> int:
    """count_words as the inline parse answers it, for every text."""
    from i18ntool.markdown.words import _WORD, _without_addresses, prose

    return len(_WORD.findall(_without_addresses(prose(text)))) if text.strip() else 0


_MARKER_FRAGMENTS: tuple[str, ...] = (
    "a",
    "b1",
    " ",
    "\n",
    "  \n",
    "*",
    "**",
    "_",
    "__",
    "'",
    "’",
    "-",
    ".",
    ",",
    ":",
    "/",
    "@",
)
_MARKER_FRAGMENTS += ("://", "http", "www", "mailto", "é", "e\u0301", "\u1fef", "\r", "\x00", "!", ";", "(", ")")
_MARKER_FRAGMENTS += ("[", "]", "](https://x.com/a)", "](http://a_b*c)", "](https://x y)", "](javascript:x)", "](a)")
_MARKER_FRAGMENTS += ("](https://a(b))", "](https://a`b)", "](https://a&amp;)", "](https://\u00e9\u00a0)", "![", "`")


@settings(max_examples=profile(1000, 20000), deadline=None)
@given(st.lists(st.sampled_from(_MARKER_FRAGMENTS + _FRAGMENTS), max_size=16).map("".join))
def test_words_counted_without_the_parse_are_the_parses(text: str) -> None:
    """Emphasis markers between two characters a word could join, markers that hide an
    address, code, links, tags, entities, escapes: left to the parse; the rest agrees with it."""
    from i18ntool.markdown.words import _words_unparsed

    unparsed = _words_unparsed(text)
    assert unparsed is None or unparsed == parsed_words(text)
    assert count_words(text) == parsed_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "a*b*c",
        "b'*a*",
        "x.*y*",
        "http:*//x.com* a",
        "*a* www*.x*",
        "mail_to:_ a",
        "Text *emphasis* and __bold__.",
        "The [film,](https://press.example.com/30-52) textile",
        "a[b](https://x)c",
        "*a [b* c](https://x) d*",
        "![alt [x](https://y)](https://z)",
        "[a [b](https://x)",
        "`x [a](https://x`y)",
        "[](https://x) word",
        "see [x@y.com](https://x) and [www.](https://y)x",
    ],
)
def test_words_around_emphasis_markers(text: str) -> None:
    assert count_words(text) == parsed_words(text)


def test_every_shipped_text_counts_as_the_parse_counts() -> None:
    from i18ntool.po.catalogue_files import read_catalogue

    texts = {
        message.msgid
        for path in sorted((REPOSITORY / "locales").rglob("*.po"))
        for message in read_catalogue(path).messages
    }
    assert len(texts) > 150
    assert [count_words(text) for text in texts] == [parsed_words(text) for text in texts]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("The [film,](https://press.example.com/30-52) textile", 3, id="link"),
        pytest.param("a[b](https://x)c *d*", 2, id="link within a word"),
        pytest.param("Text *emphasis* and __bold__ here.", 5, id="emphasis"),
    ],
)
def test_plain_links_and_emphasis_are_counted_without_the_parse(text: str, words: int) -> None:
    from i18ntool.markdown.words import _words_unparsed

    assert _words_unparsed(text) == words == parsed_words(text)


@settings(max_examples=profile(600, 5000), deadline=None)
@given(
    st.from_regex(r"[A-Za-z0-9]{1,4} ", fullmatch=True),
    st.lists(
        st.sampled_from(_FRAGMENTS + ("ftp", "http", "www", ":", "/", "<a>", "](x)", "*b*", "\u1fef")), max_size=12
    ),
)
def test_a_text_opening_with_a_word_and_a_space_has_words_as_the_parse_says(opening: str, rest: list[str]) -> None:
    """The quick yes of has_words (an opening run of ASCII letters or digits, then a space)
    is the parse's answer, whatever markup, address or odd character follows."""
    from i18ntool.markdown.words import _ADDRESS, _WORD, prose

    text = opening + "".join(rest)
    assert has_words(text) is True
    assert bool(_WORD.search(_ADDRESS.sub(" ", prose(text, alt_text=False)))) is True
