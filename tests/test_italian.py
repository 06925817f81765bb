"""Italian articles before numbers: which numbers are read with a vowel, and the elided forms."""

from __future__ import annotations

import pytest

from i18ntool.italian import elided, elided_before_values, reads_with_vowel, unelided


@pytest.mark.parametrize(
    ("figure", "vowel"),
    [
        pytest.param("8", True, id="otto"),
        pytest.param("11", True, id="undici"),
        pytest.param("80", True, id="ottanta"),
        pytest.param("89%", True, id="ottantanove-percent"),
        pytest.param("800", True, id="ottocento"),
        pytest.param("8.000", True, id="ottomila-grouped"),
        pytest.param("8000", True, id="ottomila"),
        pytest.param("80.000", True, id="ottantamila"),
        pytest.param("8.000.000", True, id="otto-milioni"),
        pytest.param("11.000", True, id="undicimila"),
        pytest.param("11,5", True, id="undici-virgola"),
        pytest.param("8º", True, id="ottavo"),
        pytest.param("11ª", True, id="undicesima"),
        pytest.param("1%", True, id="uno-per-cento"),
        pytest.param("1 %", True, id="uno-spaced-percent"),
        pytest.param("1,5", True, id="uno-virgola-cinque"),
        pytest.param("1 per cento", True, id="uno-per-cento-words"),
        pytest.param("1", False, id="primo-of-a-date"),
        pytest.param("1º", False, id="primo-ordinal"),
        pytest.param("1°", False, id="primo-degree-sign"),
        pytest.param("1.000", False, id="mille"),
        pytest.param("1800", False, id="milleottocento"),
        pytest.param("1910", False, id="millenovecentodieci"),
        pytest.param("18", False, id="diciotto"),
        pytest.param("28", False, id="ventotto"),
        pytest.param("110", False, id="centodieci"),
        pytest.param("1100", False, id="millecento"),
        pytest.param("111", False, id="centoundici"),
        pytest.param("2023", False, id="duemilaventitre"),
        pytest.param("0,8", False, id="zero-virgola-otto"),
        pytest.param("marzo", False, id="not-a-number"),
    ],
)
def test_reads_with_vowel(figure: str, vowel: bool) -> None:
    assert reads_with_vowel(figure) is vowel


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("il 8 marzo", [("il 8", "l’8", " marzo")], id="il-8"),
        pytest.param("Il 8 marzo", [("Il 8", "L’8", " marzo")], id="capital"),
        pytest.param("dal 11 ottobre", [("dal 11", "dall’11", " ottobre")], id="dal-11"),
        pytest.param("del 80%", [("del 80%", "dell’80%", "")], id="del-80-percent"),
        pytest.param("nel 800", [("nel 800", "nell’800", "")], id="nel-800"),
        pytest.param("al 8.000", [("al 8.000", "all’8.000", "")], id="al-8000"),
        pytest.param("la 11ª edizione", [("la 11ª", "l’11ª", " edizione")], id="feminine-ordinal"),
        pytest.param("sulla 8\u00a0puntata", [("sulla 8", "sull’8", "\u00a0puntata")], id="no-break-space"),
        pytest.param("quel 11 settembre", [("quel 11", "quell’11", " settembre")], id="quel"),
        pytest.param("DAL 8", [("DAL 8", "DALL’8", "")], id="upper-case"),
        pytest.param("del 1,5%", [("del 1,5%", "dell’1,5%", "")], id="uno-virgola"),
        pytest.param("l’8 marzo, dell’11", [], id="already-elided"),
        pytest.param("il 1910, nel 1911, nel 1800", [], id="years-stay"),
        pytest.param("il 1º marzo, il 1 marzo", [], id="first-of-the-month-stays"),
        pytest.param("il 18 marzo, il 28", [], id="consonant"),
        pytest.param("gli 80 invitati, alle 8", [], id="plural-articles-do-not-elide"),
        pytest.param("profilo 8", [], id="no-article"),
        pytest.param("il\n8", [], id="not-across-lines"),
    ],
)
def test_unelided(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(found.written, found.elided, found.following) for found in unelided(text)] == expected


def test_unelided_gives_where_and_takes_the_apostrophe() -> None:
    [found] = unelided("Data: il 8 marzo", apostrophe="'")
    assert (found.start, found.end, found.elided) == (6, 10, "l'8")


@pytest.mark.parametrize(
    ("translation", "value", "expected"),
    [
        pytest.param("Pubblicato il %(date)s", "8 marzo 2023", "Pubblicato l’%(date)s", id="il-8"),
        pytest.param("Pubblicato il %(date)s", "11 ottobre 2022", "Pubblicato l’%(date)s", id="il-11"),
        pytest.param("Pubblicato il %(date)s", "31 ottobre 2022", "Pubblicato il %(date)s", id="il-31"),
        pytest.param("Pubblicato il %(date)s", "1º marzo 2023", "Pubblicato il %(date)s", id="il-primo"),
        pytest.param("Dal %(date)s", "8 marzo", "Dall’%(date)s", id="capital-preposition"),
        pytest.param(
            "Pubblicato l'altro ieri, il %(date)s",
            "8 marzo",
            "Pubblicato l'altro ieri, l'%(date)s",
            id="straight-style-kept",
        ),
        pytest.param("Pubblicato: %(date)s", "8 marzo 2023", "Pubblicato: %(date)s", id="no-article"),
        pytest.param("Aprile %(date)s", "8 marzo", "Aprile %(date)s", id="word-ending-in-article-letters"),
        pytest.param("Pubblicato il %(day)s", "8 marzo", "Pubblicato il %(day)s", id="other-placeholder"),
    ],
)
def test_elided_before_values(translation: str, value: str, expected: str) -> None:
    assert elided_before_values(translation, {"date": value}) == expected


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        pytest.param("il", "l’", id="il"),
        pytest.param("della", "dell’", id="della"),
        pytest.param("Nel", "Nell’", id="capital"),
        pytest.param("SUL", "SULL’", id="upper"),
    ],
)
def test_elided(article: str, expected: str) -> None:
    assert elided(article) == expected
