"""Tests for ``i18ntool.po.format_strings``: one reading of directives for the writer and the checks.

The writer's side (no line break inside a directive) is held against msgcat in
test_layout.py; here the checks' side is held to what ``msgfmt -c`` 0.21 says of the same
strings (each case was run through msgfmt -c).
"""

from __future__ import annotations

import pytest

from i18ntool.po.format_strings import arguments, compare, directive_interiors, scan_c, scan_python


@pytest.mark.parametrize(
    ("flag", "source", "translation", "valid"),
    [
        pytest.param("python-format", "%d", "%F", False, id="python-has-no-F-conversion"),
        pytest.param("python-format", "%d", "%a", False, id="python-has-no-a-conversion"),
        pytest.param("c-format", "%1$*2$d", "%1$*2$d x", True, id="c-numbered-star-width"),
        pytest.param("c-format", "%m %d", "%d", True, id="c-m-takes-no-argument"),
        pytest.param("c-format", "%d", "%Id", True, id="c-I-flag-in-msgstr"),
    ],
)
def test_checks_read_directives_as_msgfmt(flag: str, source: str, translation: str, valid: bool) -> None:
    problems = compare(source, translation, flag)
    assert (problems == []) if valid else ("is not a valid" in problems[0]), problems


@pytest.mark.parametrize(
    ("text", "protected"),
    [
        pytest.param("a %(name)s b", [3, 4, 5, 6, 7, 8, 9], id="python-named"),
        pytest.param("a %(name)q b", [], id="python-invalid-is-not-protected"),
    ],
)
def test_python_scan_gives_the_writer_its_interiors(text: str, protected: list[int]) -> None:
    assert directive_interiors("python", text, translated=False) == protected


def test_one_scan_feeds_both_uses() -> None:
    scan = scan_c("%2$s of %1$d")
    assert [(d.start, d.end, d.number, d.conversion) for d in scan.directives] == [(0, 3, 2, "s"), (8, 11, 1, "d")]
    assert arguments("%2$s of %1$d", "c-format").positional == ("integer", "string")
    assert scan_python("%(a)s %s").mixed
