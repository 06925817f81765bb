"""The glossary catalogues: kept names and required translations, and their survival in gettext."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18ntool.po.catalogue import Catalogue

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.checks.glossary import compare, glossary_of
from tests.conftest import requires_gettext, run_gettext

GLOSSARIES = Path(__file__).parent / "catalogues" / "glossary"


def glossary(language: str):  # type: ignore[no-untyped-def]
    return glossary_of(read_catalogue(GLOSSARIES / f"{language}.po"), language)


def test_the_glossaries_read_names_and_terms() -> None:
    italian = glossary("it")
    kept = {term.source for term in italian.terms if term.keep}
    assert {"Alessia Crucitelli", "Roberta Sparta", "Santa Monica College", "Leaving the Factory"} <= kept
    terms = {term.source: term.translation for term in italian.terms if not term.keep}
    assert terms["short film"] == "cortometraggio" and terms["press release"] == "comunicato stampa"
    english = glossary("en")
    assert {term.source: term.translation for term in english.terms}["cortometraggio"] == "short film"
    assert italian.inconsistent == english.inconsistent == ()


# Direction, source, translation, [(term, kind)].
CASES = [
    # English to Italian.
    ("en-it", "a short film by Alessia Crucitelli", "un cortometraggio di Alessia Crucitelli", []),
    ("en-it", "two short films", "due cortometraggi", []),
    ("en-it", "Press releases", "Comunicati stampa", []),
    ("en-it", "Alessia Crucitelli’s short film", "il cortometraggio di Alessia Crucitelli", []),
    ("en-it", "the class “Film 33: Making the Short Film”", "il corso «Film 33: Making the Short Film»", []),
    ("en-it", "*Leaving the Factory* won", "*Leaving the Factory* ha vinto", []),
    ("en-it", "a short film by Alessia Crucitelli", "un corto di Alessia Crucitelli", [("short film", "different")]),
    (
        "en-it",
        "a short film by Alessia Crucitelli",
        "uno short film di Alessia Crucitelli",
        [("short film", "untranslated")],
    ),
    ("en-it", "played by Roberta Sparta", "interpretata da Roberta Sparti", [("Roberta Sparta", "name")]),
    ("en-it", "Leaving the Factory won", "Lasciare la fabbrica ha vinto", [("Leaving the Factory", "name")]),
    ("en-it", "Leaving the Factory won", "leaving the factory ha vinto", [("Leaving the Factory", "name")]),
    # Italian to English.
    ("it-en", "il cortometraggio di Alessia Crucitelli", "Alessia Crucitelli’s short film", []),
    ("it-en", "Sito della regista", "Director’s website", []),
    ("it-en", "un contributo di 8.000 dollari", "a grant of $8,000", []),
    ("it-en", "interpretata da Roberta Sparta", "played by Roberta Sparta", []),
    (
        "it-en",
        "il cortometraggio di Alessia Crucitelli",
        "Alessia Crucitelli’s short",
        [("cortometraggio", "different")],
    ),
    ("it-en", "un contributo di 8.000 dollari", "a contributo of $8,000", [("contributo", "untranslated")]),
    (
        "it-en",
        "prodotto dal Santa Monica College",
        "produced by the Santa Monica college",
        [("Santa Monica College", "name")],
    ),
]


@pytest.mark.parametrize(
    ("direction", "source", "translation", "expected"),
    [pytest.param(*case, id=f"{case[0]}: {case[1]} -> {case[2]}") for case in CASES],
)
def test_glossary_rules(direction: str, source: str, translation: str, expected: list[tuple[str, str]]) -> None:
    differences = compare(glossary(direction.split("-")[1]), source, translation)
    assert [(d.term.source, d.kind) for d in differences] == expected


def test_a_kept_name_translated_is_inconsistent(tmp_path: Path) -> None:
    catalogue = read_catalogue(GLOSSARIES / "it.po")
    messages = tuple(
        m.replace(msgstr="Lasciare la fabbrica") if m.msgid == "Leaving the Factory" else m for m in catalogue.messages
    )
    found = glossary_of(catalogue.replace(messages=messages), "it")
    assert [(term.source, term.translation) for term in found.inconsistent] == [
        ("Leaving the Factory", "Lasciare la fabbrica")
    ]
    assert "Leaving the Factory" not in {term.source for term in found.terms}


@pytest.mark.parametrize("language", ["it", "en"])
@requires_gettext
def test_glossaries_pass_msgfmt_and_are_msgcat_fixed_points(language: str) -> None:
    path = GLOSSARIES / f"{language}.po"
    assert run_gettext("msgfmt", "-c", "-o", "/dev/null", path).returncode == 0
    assert run_gettext("msgcat", path).stdout == path.read_bytes()


@pytest.mark.parametrize("language", ["it", "en"])
@requires_gettext
def test_the_keep_marker_survives_msgmerge_and_msgcat(tmp_path: Path, language: str) -> None:
    path = GLOSSARIES / f"{language}.po"
    catalogue = read_catalogue(path)
    template = Catalogue(
        header_fields=(("Content-Type", "text/plain; charset=UTF-8"),),
        messages=tuple(
            m.replace(msgstr="", translator_comments=(), extracted_comments=("glossary entry",))
            for m in catalogue.messages
        ),
    )
    write_catalogue(tmp_path / "glossary.pot", template)
    merged = run_gettext("msgmerge", "--quiet", "-o", tmp_path / "merged.po", path, tmp_path / "glossary.pot")
    assert merged.returncode == 0, merged.stderr
    catted = run_gettext("msgcat", "-o", tmp_path / "catted.po", tmp_path / "merged.po")
    assert catted.returncode == 0, catted.stderr
    before = glossary_of(catalogue, language)
    for name in ("merged.po", "catted.po"):
        after = glossary_of(read_catalogue(tmp_path / name), language)
        assert [(t.source, t.translation, t.keep) for t in after.terms] == [
            (t.source, t.translation, t.keep) for t in before.terms
        ]
