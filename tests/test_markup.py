"""Markdown parity between a segment and its translation, read with markdown-it-py."""

from __future__ import annotations

import pytest

from i18ntool.checks.markdown_parity import compare, read_inline, references

PRESS = (("en", "/press/"), ("it", "/it/press/"))

# Direction, source, translation, (what, detail) of each difference.
CASES = [
    # English to Italian, sound.
    ("en-it", "*Leaving the Factory* wins", "*Leaving the Factory* vince", []),
    ("en-it", "on [YouTube](https://www.youtube.com/) now", "ora su [YouTube](https://www.youtube.com/)", []),
    ("en-it", "[a](https://a.org/) and [b](https://b.org/)", "[b](https://b.org/) e [a](https://a.org/)", []),
    ("en-it", "see [the release](/press/release)", "vedi [il comunicato](/it/press/release)", []),
    ("en-it", "see [the release](/press/release)", "vedi [il comunicato](/press/release)", []),
    ("en-it", "run `i18ntool check`", "esegui `i18ntool check`", []),
    ("en-it", "![Poster](poster.jpg)", "![Locandina](poster.jpg)", []),
    ("en-it", "**Title:** *Leaving the Factory*", "**Titolo:** *Leaving the Factory*", []),
    ("en-it", "line<br>break", "riga<br>a capo", []),
    ("en-it", "first  \nsecond", "prima  \nseconda", []),
    ("en-it", "snake_case and 5 * 3", "snake_case e 5 * 3", []),
    ("en-it", "1910, a factory and a date", "1910, una fabbrica e una data", []),
    # English to Italian, findings.
    ("en-it", "on [YouTube](https://www.youtube.com/)", "su [YouTube](https://youtube.com/)", [("link", "")]),
    ("en-it", "on [YouTube](https://www.youtube.com/)", "su YouTube", [("link", "")]),
    ("en-it", "see [the release](/press/release)", "vedi [il comunicato](/it/stampa/release)", [("link", "")]),
    ("en-it", "run `i18ntool check`", "esegui i18ntool check", [("code", "")]),
    ("en-it", "![Poster](poster.jpg)", "![Locandina](locandina.jpg)", [("image", "")]),
    ("en-it", "**Title:** film", "Titolo: film", [("strong", "")]),
    ("en-it", "*Leaving the Factory* wins", "*Leaving the Factory vince", [("marker", "")]),
    ("en-it", "*Leaving the Factory* wins", "_Leaving the Factory vince", [("marker", "")]),
    ("en-it", "line<br>break", "riga a capo", [("html", "")]),
    ("en-it", "The award", "# Il premio", [("block", "heading_open")]),
    ("en-it", "The award", "- Il premio", [("block", "bullet_list_open")]),
    ("en-it", "The award", "1. Il premio", [("block", "ordered_list_open")]),
    ("en-it", "The award", "> Il premio", [("block", "blockquote_open")]),
    ("en-it", "The award was given", "Il premio\n- consegnato", [("block", "bullet_list_open")]),
    ("en-it", "The award was given", "Il premio\n\nconsegnato", [("block", "paragraph_open")]),
    ("en-it", "The award was given", "Il premio\n---", [("block", "heading_open")]),
    ("en-it", "The award was given", "Il premio\n\n    consegnato", [("block", "code_block")]),
    ("en-it", "In 1910.", "1910. Anno", [("block", "ordered_list_open")]),
    # Italian to English, sound.
    (
        "it-en",
        "*Leaving the Factory* su [YouTube](https://www.youtube.com/)",
        "*Leaving the Factory* on [YouTube](https://www.youtube.com/)",
        [],
    ),
    ("it-en", "[press@example.org](mailto:press@example.org)", "[press@example.org](mailto:press@example.org)", []),
    ("it-en", "vedi [il comunicato](/it/press/release)", "see [the release](/press/release)", []),
    ("it-en", "si è laureata *magna cum laude*", "graduated *magna cum laude*", []),
    # Italian to English, findings.
    (
        "it-en",
        "Ufficio stampa: [press@example.org](mailto:press@example.org)",
        "Press office: press@example.org",
        [("link", "")],
    ),
    ("it-en", "si è laureata *magna cum laude*", "graduated magna cum laude", [("emphasis", "")]),
    ("it-en", "si è laureata *magna cum laude*", "graduated *magna cum laude", [("marker", "")]),
    ("it-en", "Il premio", "## The award", [("block", "heading_open")]),
    ("it-en", "Il premio", "+ The award", [("block", "bullet_list_open")]),
]


@pytest.mark.parametrize(
    ("direction", "source", "translation", "expected"),
    [pytest.param(*case, id=f"{case[0]}: {case[1]} -> {case[2]}") for case in CASES],
)
def test_markdown_parity(direction: str, source: str, translation: str, expected: list[tuple[str, str]]) -> None:
    source_language, language = direction.split("-")
    differences = compare(source, translation, rules=(PRESS,), source_language=source_language, language=language)
    assert [(d.what, d.detail if d.what == "block" else "") for d in differences] == expected


@pytest.mark.parametrize(
    ("source", "translation", "problem"),
    [
        pytest.param("$8,000 (USD)", "8.000 dollari (USD)", None, id="sound"),
        pytest.param("$8,000 (USD)", "8.000 | dollari", "pipe", id="pipe"),
        pytest.param("a \\| b", "a \\| b", None, id="escaped-pipe-kept"),
        pytest.param("Videotaped message", "Video\nmessaggio", "line break", id="line-break"),
    ],
)
def test_table_cells_keep_their_row(source: str, translation: str, problem: str | None) -> None:
    found = [d.detail for d in compare(source, translation, table_cell=True) if d.what == "table"]
    assert found == ([problem] if problem else [])


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        pytest.param(
            "*Leaving the Factory* wins", "- *Leaving the Factory* vince", [], id="leading-dash-opens-nothing"
        ),
        pytest.param(
            "*Leaving the Factory* wins", "# *Leaving the Factory* vince", [], id="leading-hash-opens-nothing"
        ),
        pytest.param(
            "*Leaving the Factory* wins", "Leaving the Factory vince", ["emphasis"], id="emphasis-still-counts"
        ),
        pytest.param("*Leaving the Factory* wins", "*Leaving the Factory vince", ["marker"], id="unpaired-marker"),
    ],
)
def test_a_front_matter_value_is_read_inline_only(source: str, translation: str, expected: list[str]) -> None:
    assert [d.what for d in compare(source, translation, blocks=False)] == expected


def test_changed_link_names_both_targets() -> None:
    (difference,) = compare("[a](https://a.org/)", "[a](https://b.org/)")
    assert (difference.source, difference.translation) == ("https://a.org/", "https://b.org/")


def test_reference_links_resolve_against_the_document() -> None:
    env = references("See [the site][site].\n\n[site]: https://alessiacruci.com\n")
    assert read_inline("[the site][site]", env).links == ("https://alessiacruci.com",)
    (difference,) = compare("[the site][site]", "[il sito][other]", env=env)
    assert difference.what == "link" and difference.source == "https://alessiacruci.com"


def test_plain_text_leaves_out_targets_and_code() -> None:
    inline = read_inline("*Leaving the Factory* on [YouTube](https://www.youtube.com/) with `code`")
    assert "youtube.com" not in inline.plain and "code" not in inline.plain
    assert inline.plain.startswith("Leaving the Factory on YouTube")
