"""HTML pages: structure, localised dates and links, fallback marks, and no injected markup."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.outputs.localised import html_language, localise, safe_link
from i18ntool.outputs.html import IndexEntry, Link, render_index, render_page
from i18ntool.markdown.segmenting import Document, parse_document
from i18ntool.outputs.page_words import UiText

REPOSITORY = Path(__file__).resolve().parent.parent
GOLDEN = sorted(path / "source.md" for path in (Path(__file__).parent / "golden").iterdir() if path.is_dir())
CONTENT = sorted((REPOSITORY / "content").glob("*.md"))
ITALIAN_UI = UiText(
    "it",
    {
        "Press releases": "Comunicati stampa",
        "Published on %(date)s": "Pubblicato il %(date)s",
        "Read in %(language)s": "Leggi in %(language)s",
        "Languages": "Lingue",
        "Some passages of this text are not translated yet and are shown in %(language)s.": "Alcuni passaggi di questo testo non sono ancora tradotti e sono riportati in %(language)s.",
    },
)
UI = {"en": UiText("en"), "it": ITALIAN_UI}
SOURCE = """---
lang: en
title: "Leaving the Factory wins"
summary: "A short film wins an award."
date: 2023-03-08
---

# *Leaving the Factory* wins

The film won the [Russo Brothers](https://www.niaf.org/) award.

## Facts

| Item | Detail |
| --- | --- |
| Grant | $8,000 |

- First fact
- Second fact

> A quoted line.
"""


def document_of(text: str) -> Document:
    return parse_document(
        text,
        document_id="award",
        source="content/award.md",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )


def page(text: str, translations: dict[str, str], language: str = "it", **options: object) -> str:
    document = document_of(text)
    entries = {(segment.context, segment.text) for segment in document.segments}
    catalogue = Catalogue(
        messages=tuple(
            Message(msgid=msgid, msgctxt=context, msgstr=translations.get(msgid, ""))
            for context, msgid in sorted(entries, key=str)
        )
    )
    localised = localise(document, language, catalogue if language != document.language else None)
    return render_page(
        localised,
        others=(Link("en", "../en/award.html"),) if language != "en" else (Link("it", "../it/award.html"),),
        index_href="index.html",
        ui=UI,
        date_locale={"en": "en_GB"}.get(language, language),
        languages=("en", "it"),
        **options,  # type: ignore[arg-type]
    )


class Elements(HTMLParser):
    """Every element of a page with its attributes, as a browser's parser would see them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


FULL = {
    "Leaving the Factory wins": "Leaving the Factory vince",
    "A short film wins an award.": "Un cortometraggio vince un premio.",
    "*Leaving the Factory* wins": "*Leaving the Factory* vince",
    "The film won the [Russo Brothers](https://www.niaf.org/) award.": "Il film ha vinto il premio [Russo Brothers](https://www.niaf.org/).",
    "Facts": "Fatti",
    "Item": "Voce",
    "Detail": "Dettaglio",
    "Grant": "Contributo",
    "$8,000": "8.000 dollari",
    "First fact": "Primo fatto",
    "Second fact": "Secondo fatto",
    "A quoted line.": "Una riga citata.",
}


def test_a_translated_page() -> None:
    html = page(SOURCE, FULL)
    assert html.startswith('<!DOCTYPE html>\n<html lang="it">\n')
    assert "<title>Leaving the Factory vince</title>" in html
    assert '<meta name="description" content="Un cortometraggio vince un premio.">' in html
    assert '<link rel="alternate" hreflang="en" href="../en/award.html">' in html
    assert "<h1><em>Leaving the Factory</em> vince</h1>" in html
    assert '<p class="dateline">Pubblicato l’<time datetime="2023-03-08">8 marzo 2023</time></p>' in html
    assert '<a href="../en/award.html" hreflang="en" lang="en">Read in English</a>' in html
    assert '<li><span aria-current="page">Italiano</span></li>' in html
    assert '<nav class="languages" aria-label="Lingue">' in html
    assert 'lang="en">' not in html.split("<article>")[1].replace('hreflang="en" lang="en">', "")
    assert 'class="note"' not in html


@pytest.mark.parametrize(
    ("date", "dateline"),
    [
        pytest.param(
            "2022-10-11", 'Pubblicato l’<time datetime="2022-10-11">11 ottobre 2022</time>', id="eleven-elides"
        ),
        pytest.param("2022-10-31", 'Pubblicato il <time datetime="2022-10-31">31 ottobre 2022</time>', id="thirty-one"),
        pytest.param("2023-03-18", 'Pubblicato il <time datetime="2023-03-18">18 marzo 2023</time>', id="eighteen"),
        pytest.param(
            "2023-03-01", 'Pubblicato il <time datetime="2023-03-01">1º marzo 2023</time>', id="first-is-ordinal"
        ),
    ],
)
def test_the_italian_dateline_reads_as_an_editor_writes_it(date: str, dateline: str) -> None:
    html = page(SOURCE.replace("2023-03-08", date), FULL)
    assert f'<p class="dateline">{dateline}</p>' in html


def test_a_dateline_translation_with_straight_apostrophes_keeps_them() -> None:
    ui = {"en": UiText("en"), "it": UiText("it", {"Published on %(date)s": "Pubblicato dall'editore il %(date)s"})}
    html = render_page(
        localise(document_of(SOURCE), "it", None),
        others=(),
        index_href="index.html",
        ui=ui,
        date_locale="it",
        languages=("en", "it"),
    )
    assert 'Pubblicato dall&#39;editore l&#39;<time datetime="2023-03-08">8 marzo 2023</time>' in html


def test_the_source_language_page_in_british_english() -> None:
    html = page(SOURCE, {}, language="en")
    assert '<html lang="en">' in html
    assert 'Published on <time datetime="2023-03-08">8 March 2023</time>' in html
    assert '<a href="../it/award.html" hreflang="it" lang="it">Leggi in italiano</a>' in html
    assert "<title>Leaving the Factory wins</title>" in html


@pytest.mark.parametrize(
    ("untranslated", "marked"),
    [
        pytest.param(
            "The film won the [Russo Brothers](https://www.niaf.org/) award.",
            '<p lang="en">The film won',
            id="paragraph",
        ),
        pytest.param("Facts", '<h2 lang="en">Facts</h2>', id="heading"),
        pytest.param("$8,000", '<td lang="en">$8,000</td>', id="table-cell"),
        pytest.param("Item", '<th lang="en">Item</th>', id="table-header"),
        pytest.param("First fact", '<li><span lang="en">First fact</span></li>', id="tight-list-item"),
        pytest.param("A quoted line.", '<blockquote>\n<p lang="en">A quoted line.</p>', id="block-quote"),
        pytest.param(
            "*Leaving the Factory* wins", '<h1 lang="en"><em>Leaving the Factory</em> wins</h1>', id="headline"
        ),
    ],
)
def test_a_block_that_fell_back_is_marked_with_the_source_language(untranslated: str, marked: str) -> None:
    html = page(SOURCE, {key: value for key, value in FULL.items() if key != untranslated})
    assert marked in html
    assert html.count(' lang="en">') == 3  # the switcher, "Read in English", and the block
    assert "Alcuni passaggi di questo testo non sono ancora tradotti e sono riportati in inglese." in html


def test_a_loose_list_item_marks_its_paragraph() -> None:
    html = page("- One\n\n- Two\n", {"One": "Uno"})
    assert '<li>\n<p lang="en">Two</p>\n</li>' in html
    assert "<li>\n<p>Uno</p>\n</li>" in html


def test_a_title_that_fell_back_is_marked_where_it_is_the_headline() -> None:
    html = page("---\ntitle: Only a title\n---\n\nBody.\n", {"Body.": "Corpo."})
    assert '<h1 lang="en">Only a title</h1>' in html
    assert "<p>Corpo.</p>" in html


@pytest.mark.parametrize("path", GOLDEN + CONTENT, ids=[p.parent.name for p in GOLDEN] + [p.stem for p in CONTENT])
def test_every_segment_lands_in_its_own_block(path: Path) -> None:
    document = document_of(path.read_bytes().decode("utf-8"))
    markers = {(segment.context, segment.text): f"Marker{index:04d}" for index, segment in enumerate(document.segments)}
    catalogue = Catalogue(messages=tuple(Message(msgid=t, msgctxt=c, msgstr=m) for (c, t), m in markers.items()))
    text = localise(document, "it" if document.language == "en" else "en", catalogue)
    html = render_page(text, others=(), index_href="index.html", ui=UI, date_locale="it", languages=("en", "it"))
    for marker in markers.values():
        assert marker in html
    assert not text.fallbacks


@pytest.mark.parametrize(
    "attack",
    [
        pytest.param("<script>document.title='pwned'</script>", id="script-element"),
        pytest.param("</p><script>alert(1)</script><p>", id="closing-the-paragraph"),
        pytest.param('<img src=x onerror="alert(1)">', id="event-handler"),
        pytest.param("<svg onload=alert(1)></svg>", id="svg"),
        pytest.param("<iframe src=https://evil.example></iframe>", id="iframe"),
        pytest.param("[click](javascript:alert(1))", id="javascript-link"),
        pytest.param("[click](JaVaScRiPt:alert(1))", id="javascript-mixed-case"),
        pytest.param("[click](java&#115;cript:alert(1))", id="javascript-entity"),
        pytest.param("[click](&#x6A;avascript:alert(1))", id="javascript-hex-entity"),
        pytest.param("<javascript:alert(1)>", id="javascript-autolink"),
        pytest.param("[click](vbscript:msgbox(1))", id="vbscript"),
        pytest.param("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", id="data-url"),
        pytest.param("![x](javascript:alert(1))", id="javascript-image"),
        pytest.param('[a](https://x.example "t\\" onmouseover=\\"alert(1)")', id="title-attribute"),
        pytest.param('[a](https://x.example" onmouseover="alert(1))', id="href-attribute"),
        pytest.param("[a][evil]\n\n[evil]: javascript:alert(1)", id="reference-definition"),
        pytest.param("<!--\n--><script>alert(1)</script>", id="comment"),
        pytest.param('<a href="javascript:alert(1)">x</a>', id="raw-anchor"),
    ],
)
def test_no_translation_can_inject_markup_or_script(attack: str) -> None:
    paragraph = "The film won the [Russo Brothers](https://www.niaf.org/) award."
    html = page(
        SOURCE, {**FULL, paragraph: attack, "Leaving the Factory wins": attack, "A short film wins an award.": attack}
    )
    for tag, attributes in Elements(html).elements:
        assert tag not in ("script", "svg", "iframe", "img", "object", "embed"), tag
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert value is not None and safe_link(value), (tag, value)
    assert re.search(r"<title>[^<]*</title>", html)


def test_ui_translations_are_escaped_too() -> None:
    ui = {"en": UiText("en"), "it": UiText("it", {"Press releases": '<b onmouseover="x">Comunicati</b>'})}
    html = render_page(
        localise(document_of(SOURCE), "it", None),
        others=(),
        index_href="index.html",
        ui=ui,
        date_locale="it",
        languages=("en", "it"),
    )
    assert "&lt;b onmouseover=&#34;x&#34;&gt;Comunicati&lt;/b&gt;" in html
    assert all(tag != "b" for tag, _ in Elements(html).elements)


def test_raw_html_blocks_of_the_source_are_left_out() -> None:
    html = page("<div><script>alert(1)</script></div>\n\n<!-- i18ntool: note A note. -->\nText.\n", {"Text.": "Testo."})
    assert "<script" not in html and "i18ntool: note" not in html
    assert "<p>Testo.</p>" in html


def test_the_index_page() -> None:
    entries = [
        IndexEntry("Newer", "newer.html", datetime.date(2023, 5, 18), "About <things>", "en"),
        IndexEntry("Titolo", "older.html", datetime.date(2022, 10, 31), None, "it", title_fell_back=True),
    ]
    html = render_index(
        "en", entries, others=(Link("it", "../it/index.html"),), ui=UI, date_locale="en_GB", languages=("en", "it")
    )
    assert "<h1>Press releases</h1>" in html
    assert '<h2><a href="newer.html">Newer</a></h2>' in html
    assert '<time datetime="2023-05-18">18 May 2023</time>' in html
    assert "About &lt;things&gt;" in html
    assert '<a href="older.html" lang="it">Titolo</a>' in html
    assert '<a href="../it/index.html" hreflang="it" lang="it">Italiano</a>' in html
    assert "No press releases yet." in render_index(
        "en", [], others=(), ui=UI, date_locale="en", languages=("en", "it")
    )


# A front-matter title or summary is inline Markdown: emphasis shows in headings, <title> and
# the meta description hold its words only, a title's link shows as its words.
TITLES = [
    pytest.param(
        "*Leaving the Factory* wins", "<em>Leaving the Factory</em> wins", "Leaving the Factory wins", id="emphasis"
    ),
    pytest.param(
        "**News:** *Leaving the Factory*",
        "<strong>News:</strong> <em>Leaving the Factory</em>",
        "News: Leaving the Factory",
        id="strong-and-emphasis",
    ),
    pytest.param("The `i18ntool` kit", "The <code>i18ntool</code> kit", "The i18ntool kit", id="code"),
    pytest.param("On [YouTube](https://x.example/) now", "On YouTube now", "On YouTube now", id="link-as-its-words"),
    pytest.param(
        "Q&A <span>x</span>",
        "Q&amp;A &lt;span&gt;x&lt;/span&gt;",
        "Q&amp;A &lt;span&gt;x&lt;/span&gt;",
        id="html-is-text",
    ),
    pytest.param("H<sub>2</sub>O <b>now</b>", "H<sub>2</sub>O <b>now</b>", "H2O now", id="harmless-inline-html-kept"),
    pytest.param("\\*Not\\* emphasis", "*Not* emphasis", "*Not* emphasis", id="escaped-markers"),
    pytest.param("snake_case_name", "snake_case_name", "snake_case_name", id="intraword-underscores"),
]


@pytest.mark.parametrize(("title", "heading", "plain"), TITLES)
def test_a_front_matter_title_is_inline_markdown_in_headings_and_plain_in_the_title(
    title: str, heading: str, plain: str
) -> None:
    html = page(f"---\nlang: en\ntitle: '{title}'\nsummary: '{title}.'\n---\n\nBody.\n", {}, language="en")
    assert f"<h1>{heading}</h1>" in html
    assert f"<title>{plain}</title>" in html
    assert f'<meta name="description" content="{plain}.">' in html
    index = render_index(
        "en",
        [IndexEntry(title, "x.html", None, f"{title}.", "en")],
        others=(),
        ui=UI,
        date_locale="en",
        languages=("en", "it"),
    )
    assert f'<h2><a href="x.html">{heading}</a></h2>' in index
    summary = heading if "YouTube" not in title else 'On <a href="https://x.example/">YouTube</a> now'
    assert f"<p>{summary}.</p>" in index


def test_a_title_that_fell_back_keeps_its_emphasis_and_its_language() -> None:
    html = page("---\nlang: en\ntitle: '*Leaving the Factory* wins'\n---\n\nBody.\n", {"Body.": "Corpo."})
    assert '<h1 lang="en"><em>Leaving the Factory</em> wins</h1>' in html
    assert "<title>Leaving the Factory wins</title>" in html
    entries = [IndexEntry("*Leaving the Factory* wins", "x.html", None, None, "en", title_fell_back=True)]
    index = render_index("it", entries, others=(), ui=UI, date_locale="it", languages=("en", "it"))
    assert '<a href="x.html" lang="en"><em>Leaving the Factory</em> wins</a>' in index


def test_the_italian_index_writes_the_first_of_the_month_as_an_ordinal() -> None:
    entries = [IndexEntry("Titolo", "x.html", datetime.date(2023, 3, 1), None, "it")]
    html = render_index("it", entries, others=(), ui=UI, date_locale="it", languages=("en", "it"))
    assert '<time datetime="2023-03-01">1º marzo 2023</time>' in html


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        pytest.param("https://www.smc.edu/", True, id="https"),
        pytest.param("mailto:press@example.org", True, id="mailto"),
        pytest.param("../it/x.html", True, id="relative"),
        pytest.param("#facts", True, id="fragment"),
        pytest.param("javascript:alert(1)", False, id="javascript"),
        pytest.param(" JAVASCRIPT:alert(1)", False, id="spaced-upper-case"),
        pytest.param("data:image/png;base64,AAAA", False, id="data"),
        pytest.param("file:///etc/passwd", False, id="file"),
    ],
)
def test_safe_links(url: str, safe: bool) -> None:
    assert safe_link(url) is safe


@pytest.mark.parametrize(("code", "html"), [("en", "en"), ("pt_BR", "pt-BR"), ("zh_Hant_TW", "zh-Hant-TW")])
def test_html_language_codes(code: str, html: str) -> None:
    assert html_language(code) == html
