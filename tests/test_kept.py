"""URLs, e-mail addresses and @handles that a translation copies as written."""

from __future__ import annotations

import pytest

from i18ntool.checks.addresses import compare_kept, find_kept

PRESS = (("en", "/press/"), ("it", "/it/press/"))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param(
            "write to press@example.org.", [("e-mail address", "press@example.org")], id="e-mail-before-full-stop"
        ),
        pytest.param(
            "Instagram: @alessia.cruci e @producedbyalessia",
            [("@handle", "@alessia.cruci"), ("@handle", "@producedbyalessia")],
            id="handles",
        ),
        pytest.param(
            "see https://www.smc.edu/about, then", [("URL", "https://www.smc.edu/about")], id="url-before-comma"
        ),
        pytest.param("(www.niaf.org)", [("URL", "www.niaf.org")], id="www-in-brackets"),
        pytest.param("at alessiacruci.com or", [("domain", "alessiacruci.com")], id="bare-domain"),
        pytest.param("e.g. Dr. Kathryn E. Jeffery, S.p.A., 8.000 and ecc.", [], id="abbreviations-are-not-domains"),
        pytest.param(
            "https://en.wikipedia.org/wiki/Triangle_(fire)",
            [("URL", "https://en.wikipedia.org/wiki/Triangle_(fire)")],
            id="url-with-brackets",
        ),
    ],
)
def test_addresses_are_found(text: str, found: list[tuple[str, str]]) -> None:
    assert [(item.kind, item.text) for item in find_kept(text)] == found


# Direction, source, translation, [(missing?, address)].
CASES = [
    ("en-it", "write to press@example.org", "scrivete a press@example.org", []),
    ("en-it", "Instagram: @alessia.cruci", "Instagram: @Alessia.Cruci", []),
    ("en-it", "at alessiacruci.com", "su alessiacruci.com", []),
    ("en-it", "at https://example.org/press/kit", "su https://example.org/press/kit", []),
    (
        "en-it",
        "write to press@example.org",
        "scrivete a stampa@example.org",
        [(True, "press@example.org"), (False, "stampa@example.org")],
    ),
    ("en-it", "Instagram: @alessia.cruci", "Instagram", [(True, "@alessia.cruci")]),
    ("en-it", "at alessiacruci.com", "su alessiacruci.it", [(True, "alessiacruci.com"), (False, "alessiacruci.it")]),
    ("it-en", "Instagram: @alessia.cruci e @producedbyalessia", "Instagram: @alessia.cruci and @producedbyalessia", []),
    ("it-en", "sul sito alessiacruci.com", "on alessiacruci.com", []),
    (
        "it-en",
        "Ufficio stampa: press@example.org",
        "Press office: press@example.com",
        [(True, "press@example.org"), (False, "press@example.com")],
    ),
    ("it-en", "su Instagram", "on Instagram, @alessiacruci", [(False, "@alessiacruci")]),
]


@pytest.mark.parametrize(
    ("direction", "source", "translation", "expected"),
    [pytest.param(*case, id=f"{case[0]}: {case[1]} -> {case[2]}") for case in CASES],
)
def test_addresses_are_kept(direction: str, source: str, translation: str, expected: list[tuple[bool, str]]) -> None:
    source_language, language = direction.split("-")
    differences = compare_kept(source, translation, (PRESS,), source_language, language)
    assert [(d.missing, d.item.text) for d in differences] == expected
