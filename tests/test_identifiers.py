"""Identifiers (versions, section numbers, codes, sizes) told apart from quantities."""

from __future__ import annotations

import pytest

from i18ntool.figures.identifiers import find_identifiers, literal_key


def english_number(digits: str) -> bool:
    return digits.count(".") <= 1


def italian_number(digits: str) -> bool:
    groups = digits.split(".")
    return len(groups) > 1 and all(len(group) == 3 for group in groups[1:])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("Python 3.10+ and Django 5.2", [("3.10", True), ("5.2", True)], id="after-names"),
        pytest.param("requires 2.4.1 or later", [("2.4.1", True)], id="two-dots"),
        pytest.param("see section 3.2.1", [("3.2.1", True)], id="section-number"),
        pytest.param("sezione 3.2", [("3.2", True)], id="italian-section-word"),
        pytest.param("Version: 1.2", [("1.2", True)], id="label-and-colon"),
        pytest.param("the 1.4 release", [("1.4", True)], id="label-after"),
        pytest.param("Requests 2.27.x", [("2.27", True)], id="x-suffix"),
        pytest.param("Added support for urllib3 2.0", [("2.0", True)], id="name-with-digits"),
        pytest.param(
            "Python 3.10, 3.11 and 3.12", [("3.10", True), ("3.11", True), ("3.12", True)], id="list-after-a-name"
        ),
        pytest.param("Python 3.8–3.12", [("3.8", True), ("3.12", True)], id="range-after-a-name"),
        pytest.param(
            "For example: 2.0, 2.1, 2.2 (LTS)", [("2.0", False), ("2.1", False), ("2.2", False)], id="bare-list"
        ),
        pytest.param("1.10", [("1.10", False)], id="all-the-text"),
        pytest.param("See RFC 9110 and PEP 8.", [("RFC 9110", True), ("PEP 8", True)], id="acronym-codes"),
        pytest.param("CVE-2024-1234", [("CVE-2024-1234", True)], id="cve"),
        pytest.param("fixed in #1234", [("#1234", True)], id="issue-number"),
        pytest.param("a 1920x1080 screen", [("1920x1080", True)], id="size"),
        pytest.param("A4 is 210 × 297 mm", [("210 × 297", True)], id="size-with-spaces"),
    ],
)
def test_identifiers_are_found(text: str, found: list[tuple[str, bool]]) -> None:
    assert [(item.text, item.certain) for item in find_identifiers(text, english_number)] == found


@pytest.mark.parametrize(
    ("text", "is_number"),
    [
        pytest.param("it cost USD 8,000", english_number, id="currency-code"),
        pytest.param("12.5% of the budget", english_number, id="lone-decimal"),
        pytest.param("about 1,000 guests", english_number, id="grouped"),
        pytest.param("Oltre 1.000 invitati", italian_number, id="italian-thousand-after-a-capital"),
        pytest.param("1.000.000 di visualizzazioni", italian_number, id="italian-million"),
        pytest.param("Total: 12.5", english_number, id="colon-after-a-word"),
        pytest.param("MP3, H2O, v2.4.1", english_number, id="glued-to-letters"),
        pytest.param("&#1234;", english_number, id="html-entity"),
    ],
)
def test_quantities_are_not_identifiers(text: str, is_number: object) -> None:
    assert find_identifiers(text, is_number) == []  # type: ignore[arg-type]


def test_spaces_and_the_times_sign_do_not_change_an_identifier() -> None:
    assert literal_key("1920 × 1080") == literal_key("1920x1080") == "1920x1080"
    assert literal_key("RFC\u00a09110") == literal_key("RFC 9110")
