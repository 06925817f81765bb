"""Italian typography rules: elision before numbers, quote style by catalogue, spacing before %."""

from __future__ import annotations

import pytest

from i18ntool.checks.typography import QuoteStyle, applies_to, compare, quote_style

TYPOGRAPHIC = quote_style(["L’idea dell’autrice: “Il lavoro”.", "Un’altra, l’ultima."])
STRAIGHT = quote_style(["L'idea dell'autrice: \"Il lavoro\".", "Un'altra."])


def found(text: str, style: QuoteStyle = TYPOGRAPHIC, language: str = "it") -> list[tuple[str, str, str]]:
    return [
        (difference.kind, difference.written, difference.suggested) for difference in compare(text, language, style)
    ]


def test_quote_style_counts_each_mark() -> None:
    assert TYPOGRAPHIC == QuoteStyle(
        straight_apostrophes=0,
        typographic_apostrophes=4,
        straight_quotes=0,
        typographic_quotes=2,
        guillemets=0,
    )
    assert STRAIGHT.apostrophe == "'" and TYPOGRAPHIC.apostrophe == "’"
    assert quote_style(["«Il lavoro»", "«x»", "“y”"]).quotes == ("«", "»")
    assert TYPOGRAPHIC.quotes == ("“", "”")


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        pytest.param("Perché il 8 marzo", TYPOGRAPHIC, [("elision", "il 8 marzo", "l’8 marzo")], id="elision"),
        pytest.param(
            "Perché il 8 marzo", STRAIGHT, [("elision", "il 8 marzo", "l'8 marzo")], id="elision-in-straight-style"
        ),
        pytest.param("Perché l’8 marzo, il 1910", TYPOGRAPHIC, [], id="correct"),
        pytest.param(
            "nell'edificio", TYPOGRAPHIC, [("apostrophe", "nell'edificio", "nell’edificio")], id="straight-apostrophe"
        ),
        pytest.param("nell'edificio", STRAIGHT, [], id="straight-apostrophe-in-straight-catalogue"),
        pytest.param("nell'edificio", QuoteStyle(1, 1, 0, 0, 0), [], id="a-tie-is-no-style"),
        pytest.param('detto "basta"', TYPOGRAPHIC, [("quotes", '"basta"', "“basta”")], id="straight-quotes"),
        pytest.param('detto "basta', TYPOGRAPHIC, [("quotes", '"', "“ or ”")], id="unpaired-straight-quote"),
        pytest.param('detto "basta"', quote_style(["«a»", "«b»"]), [("quotes", '"basta"', "«basta»")], id="guillemets"),
        pytest.param('detto "basta"', STRAIGHT, [], id="straight-quotes-in-straight-catalogue"),
        pytest.param("l’80 % delle", TYPOGRAPHIC, [("percent", "80 %", "80%")], id="space-before-percent"),
        pytest.param(
            "l’80\u00a0% delle", TYPOGRAPHIC, [("percent", "80\u00a0%", "80%")], id="no-break-space-before-percent"
        ),
        pytest.param("il 12,5 %", TYPOGRAPHIC, [("percent", "12,5 %", "12,5%")], id="decimal-percent"),
        pytest.param("l’80% delle", TYPOGRAPHIC, [], id="percent-as-cldr"),
        pytest.param(
            "del 80 %", TYPOGRAPHIC, [("elision", "del 80 %", "dell’80 %"), ("percent", "80 %", "80%")], id="both"
        ),
    ],
)
def test_compare(text: str, style: QuoteStyle, expected: list[tuple[str, str, str]]) -> None:
    assert found(text, style) == expected


def test_the_percent_rule_follows_cldr() -> None:
    """French's CLDR percent format has a space before %: none is a finding there."""
    assert [kind for kind, _, _ in found("80 %", language="fr")] == []
    assert [kind for kind, _, _ in found("80 %", language="it_CH")] == ["percent"]


@pytest.mark.parametrize(
    ("language", "applies"),
    [
        pytest.param("it", True, id="it"),
        pytest.param("it_CH", True, id="it-CH"),
        pytest.param("en", False, id="en"),
        pytest.param("fr", False, id="fr"),
    ],
)
def test_applies_to_italian_only(language: str, applies: bool) -> None:
    assert applies_to(language) is applies
