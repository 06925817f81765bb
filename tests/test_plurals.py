"""Plural forms as GNU gettext writes them, whatever CLDR version Babel ships."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages import plurals as babel_plurals

from i18ntool.po.catalogue import parse_catalogue

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.plurals import SAMPLES, gettext_rule, parse_plural, read_rule
from i18ntool.checks.validity import check_catalogue
from tests.conftest import REPOSITORY

# Languages a press kit may be translated into, with the number of forms gettext gives them.
LANGUAGES = [
    ("it", 2),
    ("en", 2),
    ("fr", 2),
    ("pt_BR", 2),
    ("pt", 2),
    ("es", 2),
    ("de", 2),
    ("ca", 2),
    ("pl", 3),
    ("ru", 3),
    ("uk", 3),
    ("cs", 3),
    ("sk", 3),
    ("ro", 3),
    ("lt", 3),
    ("lv", 3),
    ("ga", 3),
    ("sl", 4),
    ("ja", 1),
    ("ko", 1),
    ("vi", 1),
]


@pytest.mark.parametrize(
    ("language", "header"),
    [
        pytest.param("it", "nplurals=2; plural=(n != 1);", id="italian"),
        pytest.param("fr", "nplurals=2; plural=(n > 1);", id="french"),
        pytest.param("pt_BR", "nplurals=2; plural=(n > 1);", id="brazilian-by-whole-locale"),
        pytest.param("pt_PT", "nplurals=2; plural=(n != 1);", id="portuguese-by-language"),
        pytest.param("ja", "nplurals=1; plural=0;", id="japanese"),
        pytest.param("cs", "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;", id="czech"),
    ],
)
def test_gettext_rules_come_from_gettexts_table(language: str, header: str) -> None:
    assert gettext_rule(language).header == header


def test_a_language_gettext_does_not_know_gets_babels_rule() -> None:
    rule = gettext_rule("ar")
    assert rule.forms == 6
    # Babel's own rule for the larger numbers differs between its versions (2.12: 11 -> 5)
    assert [parse_plural(rule.expression)(n) for n in (0, 1, 2, 3)] == [0, 1, 2, 3]


def test_the_rules_do_not_follow_babels_cldr_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Babel 2.17 and later give Italian a third form for millions; no gettext tool does."""
    cldr_46 = babel_plurals._PluralTuple((3, "(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2)"))
    monkeypatch.setattr(babel_plurals, "get_plural", lambda locale=None: cldr_46)
    assert gettext_rule("it").header == "nplurals=2; plural=(n != 1);"


@pytest.mark.skipif(
    shutil.which("msginit") is None, reason="GNU gettext's msginit is not installed; .ci/run installs it"
)
def test_the_rules_are_those_msginit_writes(tmp_path: Path) -> None:
    template = tmp_path / "t.pot"
    template.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    compared = []
    for language, forms in LANGUAGES:
        result = subprocess.run(
            ["msginit", "--no-translator", "--no-wrap", "-i", str(template), "-l", language, "-o", "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        written = [line for line in result.stdout.splitlines() if line.startswith('"Plural-Forms: ')]
        assert gettext_rule(language).forms == forms
        if written:  # an older gettext's table lacks a few languages (0.21 has no Catalan)
            assert written == [f'"Plural-Forms: {gettext_rule(language).header}\\n"'], language
            compared.append(language)
    assert len(compared) >= 12, compared


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        pytest.param("nplurals=2; plural=(n != 1);", [], id="gettexts-own"),
        pytest.param("nplurals=2; plural=n!=1", [], id="equivalent-spelling"),
        pytest.param("nplurals=2; plural=(n == 1 ? 0 : 1);", [], id="equivalent-conditional"),
        pytest.param(
            "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);", ["PO105"], id="cldr-46-three-forms"
        ),
        pytest.param("nplurals=2; plural=(n > 1);", ["PO105"], id="french-rule-for-italian"),
    ],
)
def test_check_takes_any_rule_equivalent_to_gettexts(value: str, codes: list[str]) -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Project-Id-Version: kit\\n"\n"PO-Revision-Date: 2026-01-01 10:00+0000\\n"\n'
        '"Last-Translator: A <a@b.c>\\n"\n"Language-Team: Italian\\n"\n"Language: it\\n"\n"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
        f'"Plural-Forms: {value}\\n"\n'
    )
    catalogue = parse_catalogue(text.encode("utf-8"), "it.po")
    problems = check_catalogue(catalogue, text.split("\n"), "it")
    assert [problem.code for problem in problems] == codes
    if codes:
        assert 'write "Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in problems[0].message


def test_read_rule_refuses_what_is_not_a_rule() -> None:
    assert read_rule("plural=(n != 1);") is None
    assert read_rule(" nplurals = 2 ; plural = (n != 1) ; ") == gettext_rule("en")


def test_samples_tell_the_slavic_rules_apart() -> None:
    russian, polish = (parse_plural(gettext_rule(language).expression) for language in ("ru", "pl"))
    assert any(russian(n) != polish(n) for n in SAMPLES)


def test_the_generator_reads_gettexts_c_table(tmp_path: Path) -> None:
    source = tmp_path / "plural-table.c"
    source.write_text(
        "struct plural_table_entry plural_table[] =\n  {\n"
        '    { "ja", "Japanese",          "nplurals=1; plural=0;" },\n'
        '    { "pt_BR", "Brazilian",      "nplurals=2; plural=(n > 1);" }\n  };\n',
        encoding="utf-8",
    )
    output = tmp_path / "table.py"
    subprocess.run(
        [sys.executable, str(REPOSITORY / "scripts/generate-plural-table"), str(source), "9.9", str(output)],
        check=True,
        capture_output=True,
    )
    namespace: dict[str, object] = {}
    exec(output.read_text(encoding="utf-8"), namespace)
    assert namespace["PLURAL_FORMS"] == {"ja": "nplurals=1; plural=0;", "pt_BR": "nplurals=2; plural=(n > 1);"}
    assert "GNU\ngettext 9.9" in output.read_text(encoding="utf-8")


def test_the_shipped_catalogues_carry_gettexts_rules() -> None:
    for path in sorted((REPOSITORY / "locales").glob("*/LC_MESSAGES/*.po")):
        language = path.parent.parent.name
        assert read_catalogue(path).header("Plural-Forms") == gettext_rule(language).header, path
