"""Plain press texts: title, dateline, wrapping at 72 columns, bullets, numbered link references."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18ntool.outputs.localised import localise
from i18ntool.outputs.text import WIDTH, render_text
from i18ntool.markdown.segmenting import parse_document
from i18ntool.outputs.page_words import UiText

REPOSITORY = Path(__file__).resolve().parent.parent
CONTENT = sorted((REPOSITORY / "content").glob("*.md"))


def plain(markdown: str, language: str = "en") -> str:
    document = parse_document(
        markdown,
        document_id="x",
        source="content/x.md",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )
    return render_text(localise(document, language, None), ui=UiText(language), date_locale="en_GB")


def body(markdown: str) -> str:
    """The text after the title block of a document whose first line is a headline."""
    return plain("# T\n\n" + markdown).split("\n", 3)[3]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param("- one\n- two\n", "- one\n- two\n", id="bullets"),
        pytest.param("- one\n\n- two\n", "- one\n\n- two\n", id="loose-bullets"),
        pytest.param("3. three\n4. four\n", "3. three\n4. four\n", id="numbers-keep-their-start"),
        pytest.param("- outer\n  - inner\n", "- outer\n  - inner\n", id="nested"),
        pytest.param("> quoted\n> text\n", "> quoted text\n", id="block-quote"),
        pytest.param("```\ncode  line\n```\n", "    code  line\n", id="code-kept-as-is"),
        pytest.param("## Section\n", "Section\n-------\n", id="section-underlined"),
        pytest.param("### Minor\n", "Minor\n", id="minor-heading"),
        pytest.param("one  \ntwo\n", "one\ntwo\n", id="hard-break"),
        pytest.param("*em* and **strong** and `code`\n", "em and strong and code\n", id="inline-markup-dropped"),
        pytest.param(
            "[SMC](https://www.smc.edu/) and [again](https://www.smc.edu/)\n",
            "SMC [1] and again [1]\n\nLinks\n-----\n[1] https://www.smc.edu/\n",
            id="one-number-per-address",
        ),
        pytest.param(
            "<https://www.smc.edu/> and [press@example.org](mailto:press@example.org)\n",
            "https://www.smc.edu/ and press@example.org\n",
            id="links-that-show-their-address",
        ),
        pytest.param(
            "![A still](https://example.org/still.jpg)\n",
            "[A still] [1]\n\nLinks\n-----\n[1] https://example.org/still.jpg\n",
            id="image",
        ),
        pytest.param(
            "| Item | Detail |\n| --- | --- |\n| Grant | $8,000 |\n",
            "Item   Detail\n-----  ------\nGrant  $8,000\n",
            id="table-in-columns",
        ),
        pytest.param(
            "| Item | Detail |\n| --- | --- |\n| Grant | " + "long " * 20 + "|\n",
            "Item: Grant\nDetail: " + "long " * 12 + "long\n" + ("long " * 7).strip() + "\n",
            id="wide-table-as-records",
        ),
        pytest.param("<div>raw</div>\n\nText.\n", "Text.\n", id="raw-html-left-out"),
    ],
)
def test_blocks(markdown: str, expected: str) -> None:
    assert body(markdown) == expected


def test_title_and_dateline() -> None:
    text = plain("---\ntitle: A title from the front matter\ndate: 2023-03-08\n---\n\nBody.\n")
    assert (
        text == "A title from the front matter\n=============================\n\nPublished on 8 March 2023\n\nBody.\n"
    )


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        pytest.param("*Leaving the Factory* wins", "Leaving the Factory wins", id="emphasis"),
        pytest.param("A [link](https://x.example) in a title", "A link in a title", id="link-as-its-words"),
        pytest.param("\\*Starred\\* words", "*Starred* words", id="escaped-markers"),
    ],
)
def test_a_front_matter_title_is_shown_as_its_words(title: str, shown: str) -> None:
    text = plain(f"---\ntitle: '{title}'\n---\n\nBody.\n")
    assert text.startswith(f"{shown}\n{'=' * len(shown)}\n")


def test_paragraphs_wrap_at_72_columns_and_references_stay_with_their_words() -> None:
    words = " ".join(["word"] * 30)
    text = body(f"{words} [link](https://example.org/a) {words}\n")
    lines = text.split("\n")
    assert all(len(line) <= WIDTH for line in lines)
    assert not any(line.startswith("[1]") and "example" not in line for line in lines)
    assert "link [1]" in text


@pytest.mark.parametrize("path", CONTENT, ids=lambda path: path.stem)
def test_the_kit_reads_well_in_plain_text(path: Path) -> None:
    text = plain(path.read_text(encoding="utf-8"))
    lines = text.split("\n")
    underline = next(index for index, line in enumerate(lines) if set(line) == {"="})
    assert len(lines[underline]) == max(len(line) for line in lines[:underline])
    assert lines[underline + 2].startswith("Published on ")
    for line in lines:
        assert len(line) <= WIDTH or " " not in line.strip().removeprefix("[").split("] ", 1)[-1], line
    assert "](" not in text and "**" not in text and "<" not in text
    references = [line for line in lines if line.startswith("[") and "] http" in line]
    assert len(references) == len({line.split("] ")[1] for line in references})


def test_a_translation_with_fallbacks_says_so_in_its_language() -> None:
    document = parse_document(
        "# Title\n\nBody.\n",
        document_id="x",
        source="content/x.md",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=(),
    )
    ui = UiText(
        "it",
        {
            "Some passages of this text are not translated yet and are shown in %(language)s.": "Alcuni passaggi sono riportati in %(language)s."
        },
    )
    text = render_text(localise(document, "it", None), ui=ui, date_locale="it")
    assert "Alcuni passaggi sono riportati in inglese." in text


@pytest.mark.parametrize(
    ("date", "dateline"),
    [
        pytest.param("2023-03-08", "Pubblicato l’8 marzo 2023", id="eight-elides"),
        pytest.param("2022-10-11", "Pubblicato l’11 ottobre 2022", id="eleven-elides"),
        pytest.param("2022-10-31", "Pubblicato il 31 ottobre 2022", id="thirty-one"),
        pytest.param("2023-03-01", "Pubblicato il 1º marzo 2023", id="first-is-ordinal"),
    ],
)
def test_the_italian_dateline(date: str, dateline: str) -> None:
    document = parse_document(
        f"---\ndate: {date}\n---\n# Titolo\n\nTesto.\n",
        document_id="x",
        source="content/x.md",
        default_language="it",
        languages=("en", "it"),
        translatable_keys=(),
    )
    ui = UiText("it", {"Published on %(date)s": "Pubblicato il %(date)s"})
    assert render_text(localise(document, "it", None), ui=ui, date_locale="it").split("\n")[3] == dateline
