"""Figures read per locale with Babel, and compared between a source and its translation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from i18ntool.figures import Figure, compare, extract, written_as


def figure(text: str, locale: str) -> Figure:
    return extract(text, locale, ("en", "it"))[0]


@pytest.mark.parametrize(
    ("locale", "text", "kind", "value"),
    [
        pytest.param("en", "8,000", "number", Decimal(8000), id="en-grouped"),
        pytest.param("it", "8.000", "number", Decimal(8000), id="it-grouped"),
        pytest.param("en", "8.000", "number", Decimal(8), id="en-decimal-that-looks-grouped"),
        pytest.param("it", "8,000", "number", Decimal(8), id="it-decimal-that-looks-grouped"),
        pytest.param("it", "12.5", "number", None, id="it-english-decimal-is-not-a-number"),
        pytest.param("en", "1910", "number", Decimal(1910), id="en-year"),
        pytest.param("it", "1910", "number", Decimal(1910), id="it-year"),
        pytest.param("it", "1.000.000", "number", Decimal(1000000), id="it-million"),
        pytest.param("it", "8\u202f000", "number", Decimal(8000), id="narrow-space-grouping"),
        pytest.param("en", "12.5%", "percent", Decimal("12.5"), id="en-percent"),
        pytest.param("it", "12,5 %", "percent", Decimal("12.5"), id="it-percent-spaced"),
        pytest.param("en", "12.5 per cent", "percent", Decimal("12.5"), id="en-per-cent"),
        pytest.param("it", "12,5 per cento", "percent", Decimal("12.5"), id="it-per-cento"),
        pytest.param("en", "$8,000", "amount", Decimal(8000), id="en-dollar-sign"),
        pytest.param("it", "8.000 dollari", "amount", Decimal(8000), id="it-dollari"),
        pytest.param("it", "8.000 $", "amount", Decimal(8000), id="it-sign-after"),
        pytest.param("it", "USD 8.000", "amount", Decimal(8000), id="it-code-before"),
        pytest.param("en", "$5 million", "amount", Decimal(5000000), id="en-scale"),
        pytest.param("it", "5 milioni di euro", "amount", Decimal(5000000), id="it-scale-di-euro"),
        pytest.param("it", "8 mila euro", "amount", Decimal(8000), id="it-mila"),
        pytest.param("en", "8 March", "date", (3, 8), id="en-day-month"),
        pytest.param("en", "March 8", "date", (3, 8), id="en-month-day"),
        pytest.param("it", "8 marzo", "date", (3, 8), id="it-day-month"),
        pytest.param("it", "dell’8 marzo", "date", (3, 8), id="it-elided-article"),
        pytest.param("en", "8 Sep. 2023", "date", (9, 8), id="en-abbreviated-month"),
        pytest.param("en", "6:30 pm", "time", (18, 30), id="en-time"),
        pytest.param("it", "18.30", "time", (18, 30), id="it-time-with-a-dot"),
    ],
)
def test_figures_are_read_as_the_locale_writes_them(locale: str, text: str, kind: str, value: object) -> None:
    found = figure(text, locale)
    assert (found.kind, found.value) == (kind, value)


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        pytest.param("en", "MP3, 4K, 3D and H2O", id="digits-in-names"),
        pytest.param("it", "3 set e 5 mar", id="italian-words-not-months"),
        pytest.param("en", "you may 2", id="may-is-not-a-month-in-lower-case"),
    ],
)
def test_what_is_not_a_figure(locale: str, text: str) -> None:
    assert [f.kind for f in extract(text, locale)] in ([], ["number"], ["number", "number"])
    assert all(f.kind == "number" for f in extract(text, locale))


# Source language, source, target language, translation, what differs (in order).
CASES = [
    # English to Italian: the same figures in Italian formats are not findings.
    ("en", "an $8,000 grant", "it", "un contributo di 8.000 dollari", []),
    ("en", "about 1,000 guests", "it", "circa 1.000 invitati", []),
    ("en", "12.5% of the budget", "it", "il 12,5% del budget", []),
    ("en", "12.5 percent", "it", "12,5 per cento", []),
    ("en", "set in 1910", "it", "ambientato nel 1910", []),
    ("en", "on 8 March 2023", "it", "l’8 marzo 2023", []),
    ("en", "March 8, 2023", "it", "8 marzo 2023", []),
    ("en", "on 2023-03-08", "it", "l’8 marzo 2023", []),
    ("en", "$5 million", "it", "5 milioni di dollari", []),
    ("en", "€8,000", "it", "8.000 euro", []),
    ("en", "at 6:30 pm", "it", "alle 18.30", []),
    ("en", "1,000,000 views", "it", "1.000.000 di visualizzazioni", []),
    ("en", "0.5%", "it", "0,5%", []),
    ("en", "nearly $30,000", "it", "quasi 30.000 dollari statunitensi", []),
    ("en", "$8,000 (USD)", "it", "8.000 dollari (USD)", []),
    ("en", "the 1911 fire killed more than 120 women", "it", "l’incendio del 1911 uccise oltre 120 donne", []),
    ("en", "MP3, 4K and 3D", "it", "MP3, 4K e 3D", []),
    ("en", "doors open at 6 pm", "it", "apertura alle 18", []),
    # English to Italian: findings.
    ("en", "an $8,000 grant", "it", "un contributo di 8.500 dollari", ["changed"]),
    ("en", "an $8,000 grant", "it", "un contributo di 8.000 euro", ["changed"]),
    ("en", "an $8,000 grant", "it", "un contributo", ["missing"]),
    ("en", "set in 1910", "it", "ambientato nel 1911", ["changed"]),
    ("en", "on 8 March", "it", "il 9 marzo", ["changed"]),
    ("en", "12.5% of the budget", "it", "il 12,5 del budget", ["changed"]),
    ("en", "12.5% of the budget", "it", "il 12.5% del budget", ["format"]),
    ("en", "an $8,000 grant", "it", "un contributo di 8,000 dollari", ["format"]),
    ("en", "about 1,000 guests", "it", "circa 1,000 invitati", ["format"]),
    ("en", "set in 1910", "it", "ambientato nel 1910, con 300 operaie", ["added"]),
    ("en", "doors open at 6 pm", "it", "apertura alle 19", ["changed"]),
    # Italian to English: the same figures in English formats are not findings.
    ("it", "un contributo di 8.000 dollari", "en", "an $8,000 grant", []),
    ("it", "il 12,5%", "en", "12.5%", []),
    ("it", "in vista dell’8 marzo", "en", "ahead of 8 March", []),
    ("it", "nel maggio 2022", "en", "in May 2022", []),
    ("it", "alle 18.30", "en", "at 6:30 pm", []),
    ("it", "5 milioni di euro", "en", "€5 million", []),
    ("it", "8 mila euro", "en", "€8,000", []),
    ("it", "1,5 milioni di dollari", "en", "$1.5 million", []),
    ("it", "circa 1.000 invitati", "en", "about 1,000 guests", []),
    ("it", "apertura alle 18", "en", "doors open at 6 pm", []),
    # Italian to English: findings.
    ("it", "un contributo di 8.000 dollari", "en", "an $8,500 grant", ["changed"]),
    ("it", "circa 1.000 invitati", "en", "about 1.000 guests", ["format"]),
    ("it", "il 12,5%", "en", "12,5%", ["format"]),
    ("it", "dell’8 marzo", "en", "on 18 March", ["changed"]),
    ("it", "nel 2018", "en", "in 2018 and 2019", ["added"]),
    ("it", "nel 2018 e nel 2022", "en", "in 2018", ["missing"]),
]


@pytest.mark.parametrize(
    ("source_language", "source", "language", "translation", "kinds"),
    [pytest.param(*case, id=f"{case[0]}-{case[2]}: {case[1]} -> {case[3]}") for case in CASES],
)
def test_figures_compared_across_languages(
    source_language: str, source: str, language: str, translation: str, kinds: list[str]
) -> None:
    assert [difference.kind for difference in compare(source, source_language, translation, language)] == kinds


def test_a_changed_amount_names_both_figures() -> None:
    (difference,) = compare("an $8,000 grant", "en", "un contributo di 8.500 dollari", "it")
    assert difference.source is not None and difference.translation is not None
    assert (difference.source.text, difference.translation.text) == ("$8,000", "8.500 dollari")
    assert written_as(difference.source, "it") == "8.000"


@pytest.mark.parametrize(
    ("text", "source_locale", "locale", "written"),
    [
        pytest.param("$8,000", "en", "it", "8.000", id="amount"),
        pytest.param("12.5%", "en", "it", "12,5%", id="percent"),
        pytest.param("8 March", "en", "it", "8 marzo", id="date"),
        pytest.param("8.000 dollari", "it", "en", "8,000", id="amount-it-en"),
    ],
)
def test_hints_are_written_in_the_target_locale(text: str, source_locale: str, locale: str, written: str) -> None:
    assert written_as(figure(text, source_locale), locale) == written
