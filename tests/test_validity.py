"""Catalogue validity: a corpus of catalogues that read but are wrong, plural rules, format strings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from i18ntool.po.catalogue import parse_catalogue

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.checks.findings import CHECKS, Severity
from i18ntool.po.format_strings import compare as compare_formats
from i18ntool.po.plurals import parse_plural
from i18ntool.checks.validity import check_catalogue
from tests.conftest import REPOSITORY, requires_gettext, run_gettext

INVALID = sorted((Path(__file__).parent / "catalogues" / "invalid").glob("*.po"))
EXPECT = re.compile(rb"# expect: (\d+): (\w+) (.*)")


def problems_of(path: Path, language: str = "it") -> list[tuple[int, str, str]]:
    data = path.read_bytes()
    catalogue = read_catalogue(path)
    return [
        (p.line, p.code, p.message) for p in check_catalogue(catalogue, data.decode("latin-1").split("\n"), language)
    ]


@pytest.mark.parametrize("path", INVALID, ids=[path.stem for path in INVALID])
def test_invalid_catalogue_gives_its_findings_and_no_others(path: Path) -> None:
    expected = [match.groups() for match in map(EXPECT.match, path.read_bytes().splitlines()) if match]
    assert expected, f"{path.name} must start with '# expect: LINE: CODE message' lines"
    found = problems_of(path)
    assert sorted((line, code) for line, code, _ in found) == sorted(
        (int(line), code.decode()) for line, code, _ in expected
    ), found
    for line, code, fragment in expected:
        message = next(message for at, c, message in found if at == int(line) and c == code.decode())
        assert fragment.decode("latin-1") in message
        assert re.search(r"; (write|add|give|make|use|convert|start)|the program", message), f"no fix in {message!r}"


@requires_gettext
@pytest.mark.parametrize("path", INVALID, ids=[path.stem for path in INVALID])
def test_at_least_as_strict_as_msgfmt(path: Path) -> None:
    """Where `msgfmt -c` fails a catalogue, check gives an error (not only a warning)."""
    if run_gettext("msgfmt", "-c", "-o", "/dev/null", path).returncode != 0:
        assert any(CHECKS[code].severity is Severity.ERROR for _, code, _ in problems_of(path))


SHIPPED = sorted((REPOSITORY / "locales").rglob("*.po"))


@pytest.mark.parametrize("path", SHIPPED, ids=[f"{path.parent.parent.name}/{path.name}" for path in SHIPPED])
def test_shipped_catalogues_are_valid(path: Path) -> None:
    assert problems_of(path, path.parent.parent.name) == []


HEADER = (
    'msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n"PO-Revision-Date: 2026-11-21 11:30+0000\\n"\n'
    '"Last-Translator: \\n"\n"Language-Team: {name}\\n"\n"Language: {language}\\n"\n"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: {plural}\\n"\n\n'
)


@pytest.mark.parametrize(
    ("language", "plural", "codes"),
    [
        pytest.param("it", "nplurals=2; plural=(n != 1);", [], id="it-babel"),
        pytest.param("it", "nplurals=2; plural=n != 1;", [], id="it-without-parentheses"),
        pytest.param("it", "nplurals=2; plural=(n==1 ? 0 : 1);", [], id="it-same-rule-written-otherwise"),
        pytest.param("en", "nplurals=2; plural=(n != 1);", [], id="en-babel"),
        pytest.param("fr", "nplurals=2; plural=(n > 1);", [], id="fr-babel"),
        pytest.param(
            "pl",
            "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
            [],
            id="pl-babel",
        ),
        pytest.param("ja", "nplurals=1; plural=0;", [], id="ja-babel"),
        pytest.param("it", "nplurals=2; plural=(n > 1);", ["PO105"], id="it-with-french-rule"),
        pytest.param("en", "nplurals=1; plural=0;", ["PO105"], id="en-one-form"),
        pytest.param("pl", "nplurals=2; plural=(n != 1);", ["PO105"], id="pl-two-forms"),
        pytest.param("it", "nplurals=2; plural=(n %% 0);", ["PO105"], id="division-by-zero"),
        pytest.param("it", "nplurals=2; plural=(x != 1);", ["PO105"], id="unknown-variable"),
    ],
)
def test_plural_forms_agree_with_babel(language: str, plural: str, codes: list[str]) -> None:
    from babel import Locale

    text = HEADER.format(name=Locale.parse(language).english_name, language=language, plural=plural.replace("%%", "%"))
    catalogue = parse_catalogue(text.encode(), "x.po")
    assert [p.code for p in check_catalogue(catalogue, text.split("\n"), language)] == codes


@pytest.mark.parametrize(
    ("expression", "values"),
    [
        pytest.param("0", [0, 0, 0], id="constant"),
        pytest.param("(n != 1)", [1, 0, 1], id="germanic"),
        pytest.param("n>1", [0, 0, 1], id="french"),
        pytest.param("n==0 ? 0 : n==1 ? 1 : 2", [0, 1, 2], id="nested-conditional"),
        pytest.param("!(n%10==1 && n%100!=11)", [1, 0, 1], id="not-and-modulo"),
        pytest.param("(n+1)*2/4 - 1", [-1, 0, 0], id="arithmetic"),
    ],
)
def test_plural_expressions_evaluate_as_in_c(expression: str, values: list[int]) -> None:
    rule = parse_plural(expression)
    assert [rule(n) for n in (0, 1, 2)] == values


@pytest.mark.parametrize("expression", ["(n != 1", "n !== 1", "n ? 1", "n 1", "", "n ** 2"])
def test_bad_plural_expressions_are_refused(expression: str) -> None:
    with pytest.raises(ValueError):
        parse_plural(expression)


@pytest.mark.parametrize(
    ("flag", "source", "translation", "problem"),
    [
        pytest.param("python-format", "Published on %(date)s", "Pubblicato il %(date)s", "", id="python-named-same"),
        pytest.param("python-format", "%(n)d of %(total)d", "%(total)d: %(n)d", "", id="python-named-reordered"),
        pytest.param("python-format", "%d%% done", "%d%% fatto", "", id="python-percent-escaped"),
        pytest.param("python-brace-format", "Hello {name}", "Ciao {name}!", "", id="brace-same"),
        pytest.param("c-format", "%d files in %s", "%2$s: %1$d file", "", id="c-numbered-reorder"),
        pytest.param(
            "python-format",
            "Published on %(date)s",
            "Pubblicato il %(data)s",
            "%(data)s is not an argument of msgid; use %(date)s",
            id="python-renamed",
        ),
        pytest.param(
            "python-format", "Read in %(language)s", "Leggi", "%(language)s of msgid is missing", id="python-missing"
        ),
        pytest.param(
            "python-format", "%(n)d guests", "%(n)s invitati", "%(n)s is a string here but a integer", id="python-type"
        ),
        pytest.param(
            "python-format",
            "%d of %s",
            "%s di %d",
            "msgid takes 2 unnamed argument(s) (integer, string)",
            id="python-order",
        ),
        pytest.param(
            "python-format", "%d%% done", "fatto al %d%", "not a valid python-format string", id="python-lone-percent"
        ),
        pytest.param(
            "python-brace-format",
            "Hello {name}",
            "Ciao {nome}",
            "{nome} is not an argument of msgid; use {name}",
            id="brace-renamed",
        ),
        pytest.param("python-brace-format", "Hello {name}", "Ciao {name", "a lone '{'", id="brace-unclosed"),
        pytest.param("python-brace-format", "{} of {}", "{} di {}", "", id="brace-automatic-numbering"),
        pytest.param("python-brace-format", "{0} of {1}", "{1} di {0}", "", id="brace-numbered-reordered"),
        pytest.param("python-brace-format", "{name!r:>{width}}", "{name!r:<{width}}", "", id="brace-nested-spec"),
        pytest.param(
            "python-brace-format",
            "{name:>{width}}",
            "{name:>10}",
            "{width} of msgid is missing",
            id="brace-nested-field-dropped",
        ),
        pytest.param("python-brace-format", "{} of {}", "{} di {0}", "mixes automatic", id="brace-mixed-numbering"),
        pytest.param("python-brace-format", "Saved", "Salvato }", "a lone '}'", id="brace-lone-closing"),
    ],
)
def test_format_strings(flag: str, source: str, translation: str, problem: str) -> None:
    problems = compare_formats(source, translation, flag)
    assert (problem in problems[0]) if problem else problems == [], problems
