"""Figures read per locale with Babel, and compared between a source and its translation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from i18ntool.figures.reading import Figure, compare, extract, written_as


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


@pytest.mark.parametrize(
    ("source_language", "text"),
    [
        pytest.param("en", "Requires Python 3.10+.", id="python-3.10-plus"),
        pytest.param("en", "Tested with Django 5.2 and requests 2.4.1.", id="versions-after-names"),
        pytest.param("en", "Python 3.10, 3.11, 3.12 and 3.13 are supported.", id="list-of-versions"),
        pytest.param("en", "For example: 2.0, 2.1, 2.2 (LTS), 3.0", id="bare-list-of-versions"),
        pytest.param("en", "1.10", id="a-version-alone"),
        pytest.param("en", "Version: 1.2", id="version-label"),
        pytest.param("en", "in the 1.4 release", id="release-after"),
        pytest.param("en", "See section 3.2.1.", id="section-number"),
        pytest.param("en", "Doors open at 10:30.", id="time"),
        pytest.param("en", "Released on 2024-01-28.", id="iso-date"),
        pytest.param("en", "Renders at 1920x1080.", id="size"),
        pytest.param("en", "As RFC 9110 says (#1234).", id="codes"),
        pytest.param("en", "September 14, 2013 - CVE-2013-1234", id="english-date-and-cve"),
        pytest.param("en", "traffic spikes of over 50 thousand hits", id="english-scale-word"),
        pytest.param("it", "Serve Python 3.10 o successivo.", id="it-python"),
        pytest.param("it", "Django 5.2, 5.1 e 4.2", id="it-list-after-a-name"),
        pytest.param("it", "Si veda la sezione 3.2.1.", id="it-section-number"),
        pytest.param("it", "Apertura alle 18.30.", id="it-time-with-a-dot"),
        pytest.param("it", "dalle 9.30 alle 12.30", id="it-times-are-not-versions"),
    ],
)
def test_a_text_translated_as_itself_has_the_same_figures(source_language: str, text: str) -> None:
    language = "it" if source_language == "en" else "en"
    assert compare(text, source_language, text, language) == []


@pytest.mark.parametrize(
    ("source_language", "source", "translation", "kinds"),
    [
        pytest.param("en", "Requires Python 3.10+.", "Richiede Python 3.11+.", ["changed"], id="version-changed"),
        pytest.param("en", "requires 2.4.1", "richiede 2.4.2", ["changed"], id="two-dots-changed"),
        pytest.param("en", "Python 3.10 and 3.11", "Python 3.10", ["missing"], id="version-missing"),
        pytest.param("en", "See RFC 9110.", "Si veda la RFC 9111.", ["changed"], id="rfc-changed"),
        pytest.param("en", "fixed in #1234", "corretto in #1243", ["changed"], id="issue-changed"),
        pytest.param("en", "at 1920x1080", "a 1920x1200", ["changed"], id="size-changed"),
        pytest.param("en", "on 2024-01-28", "il 2024-01-29", ["changed"], id="iso-date-changed"),
        pytest.param("en", "at 10:30", "alle 10:45", ["changed"], id="time-changed"),
        pytest.param("en", "8,000 guests", "8.500 invitati", ["changed"], id="quantity-changed"),
        pytest.param("it", "8.000 invitati", "8,500 guests", ["changed"], id="it-quantity-changed"),
        pytest.param("en", "about 1,000 guests", "circa 1,000 invitati", ["format"], id="grouping-kept-reads-as-one"),
        pytest.param("en", "a 12.5 kg parcel", "un pacco di 12.5 kg", ["format"], id="decimal-point-kept"),
        pytest.param("en", "opens at 10.30", "apre alle 10.30", ["format"], id="decimal-kept-reads-as-a-time"),
        pytest.param("it", "8.000 invitati", "8.000 guests", ["format"], id="it-grouping-kept-reads-as-eight"),
    ],
)
def test_identifiers_and_quantities_that_change_are_caught(
    source_language: str, source: str, translation: str, kinds: list[str]
) -> None:
    language = "it" if source_language == "en" else "en"
    assert [difference.kind for difference in compare(source, source_language, translation, language)] == kinds


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        pytest.param("Django 5.2", "Django 5,2", id="version-in-italian-format"),
        pytest.param("About 2.5 times faster", "Circa 2,5 volte più veloce", id="quantity-after-a-capital"),
        pytest.param("a 1920x1080 screen", "uno schermo 1920 × 1080", id="size-with-times-sign"),
        pytest.param("RFC 9110", "la 9110", id="code-by-its-number"),
    ],
)
def test_an_identifier_with_the_same_value_is_not_a_finding(source: str, translation: str) -> None:
    # What looks like an identifier may be a quantity after a capital ("About"): written in
    # the translation's own format, it is the same figure.
    assert compare(source, "en", translation, "it") == []


@pytest.mark.parametrize(
    ("source_language", "source", "translation", "kinds"),
    [
        pytest.param(
            "en", "the 2023 edition of the festival", "l’edizione 2023 del festival", [], id="del-is-no-currency"
        ),
        pytest.param("en", "the third of 3 films", "il terzo dei 3 della serie", [], id="della-is-no-currency"),
        pytest.param("en", "3 new projects", "3 nuovi progetti", [], id="nuovi-is-no-currency"),
        pytest.param("en", "8 gold medals", "8 medaglie d’oro", [], id="gold-is-no-currency"),
        pytest.param("en", "€8,000", "8.000 euro", [], id="euro"),
        pytest.param("en", "£5 million", "5 milioni di sterline", [], id="sterline"),
        pytest.param("en", "$8,000", "8.000 franchi", ["changed"], id="dollars-are-not-francs"),
        pytest.param("it", "8.000 rupie", "8,000 rupees", [], id="rupie-rupees"),
        pytest.param("it", "8.000 dollari", "8,000 euros", ["changed"], id="dollari-are-not-euros"),
    ],
)
def test_words_after_a_number_are_a_currency_only_if_they_name_one(
    source_language: str, source: str, translation: str, kinds: list[str]
) -> None:
    language = "it" if source_language == "en" else "en"
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
