"""Inline HTML in a text: a few harmless elements kept on pages and read as text in txt; the rest escaped."""

from __future__ import annotations

import pytest

from i18ntool.outputs.localised import localise, localised_tokens
from i18ntool.outputs.html import _html
from i18ntool.outputs.text import render_text
from i18ntool.markdown.segmenting import parse_document
from i18ntool.outputs.page_words import UiText


def paragraph(markdown: str) -> tuple[str, str]:
    """The paragraph ``markdown`` as the HTML of the page and as the plain press text."""
    document = parse_document(
        f"# T\n\n{markdown}\n",
        document_id="x",
        source="content/x.md",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=(),
    )
    text = localise(document, "en", None)
    html = _html(localised_tokens(text)[3:]).removeprefix("<p>").removesuffix("</p>")
    plain = render_text(text, ui=UiText("en"), date_locale="en_GB").split("\n", 3)[3].rstrip("\n")
    return html, plain


@pytest.mark.parametrize(
    ("markdown", "html", "plain"),
    [
        pytest.param(
            "H<sub>2</sub>O and E = mc<sup>2</sup>",
            "H<sub>2</sub>O and E = mc<sup>2</sup>",
            "H2O and E = mc2",
            id="sub-and-sup",
        ),
        pytest.param(
            "one<br>two<BR/>three<br />four", "one<br>two<br>three<br>four", "one\ntwo\nthree\nfour", id="line-breaks"
        ),
        pytest.param(
            "<b>bold</b>, <i>it</i>, <small>small</small>, <mark>m</mark>",
            "<b>bold</b>, <i>it</i>, <small>small</small>, <mark>m</mark>",
            "bold, it, small, m",
            id="inline-elements",
        ),
        pytest.param("<SUB>x</SUB>", "<sub>x</sub>", "x", id="upper-case-normalised"),
        pytest.param(
            '<sub class="x">1</sub>',
            "&lt;sub class=&quot;x&quot;&gt;1&lt;/sub&gt;",
            '<sub class="x">1</sub>',
            id="attributes-make-it-text",
        ),
        pytest.param("<b>unclosed and more", "&lt;b&gt;unclosed and more", "<b>unclosed and more", id="unclosed"),
        pytest.param("stray</sup> close", "stray&lt;/sup&gt; close", "stray</sup> close", id="stray-close"),
        pytest.param("<b><i>x</b></i>", "&lt;b&gt;<i>x&lt;/b&gt;</i>", "<b>x</b>", id="crossed-pairs"),
        pytest.param("*a <b>b* c</b>", "<em>a &lt;b&gt;b</em> c&lt;/b&gt;", "a <b>b c</b>", id="across-emphasis"),
        pytest.param("<b>*a*</b>", "<b><em>a</em></b>", "a", id="around-emphasis"),
        pytest.param(
            "<span>x</span> <u onclick=alert(1)>y</u>",
            "&lt;span&gt;x&lt;/span&gt; &lt;u onclick=alert(1)&gt;y&lt;/u&gt;",
            "<span>x</span> <u onclick=alert(1)>y</u>",
            id="others-escaped",
        ),
        pytest.param(
            "a <script>alert(1)</script>",
            "a &lt;script&gt;alert(1)&lt;/script&gt;",
            "a <script>alert(1)</script>",
            id="script",
        ),
        pytest.param("a <!-- note --> b", "a &lt;!-- note --&gt; b", "a <!-- note --> b", id="comment"),
    ],
)
def test_inline_html_allowlist(markdown: str, html: str, plain: str) -> None:
    assert paragraph(markdown) == (html, plain)


def test_a_translation_may_write_allowed_elements_too() -> None:
    document = parse_document(
        "# T\n\nWater is H<sub>2</sub>O.\n",
        document_id="x",
        source="content/x.md",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=(),
    )
    from i18ntool.po.catalogue import Catalogue, Message

    catalogue = Catalogue(
        messages=(
            Message(msgid="T", msgstr="T"),
            Message(msgid="Water is H<sub>2</sub>O.", msgstr="L’acqua è H<sub>2</sub>O.<script>x</script>"),
        )
    )
    tokens = localised_tokens(localise(document, "it", catalogue))
    assert _html(tokens[3:]) == "<p>L’acqua è H<sub>2</sub>O.&lt;script&gt;x&lt;/script&gt;</p>"
