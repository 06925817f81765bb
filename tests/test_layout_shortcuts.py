"""``layout``'s shortcuts held to its general paths: a value laid out on the keyword's line
without the line breaker, and a single plain reference without the reference parser, give
exactly the lines the general path gives, on generated and hostile values."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool.po.layout import _packed_reference_lines, _reference_lines, _wrap, _wrap_lines
from tests.conftest import REPOSITORY, profile

# Short and long text, escapes, wide and zero-width characters, quotes and format directives.
TEXT = st.text(alphabet="ab z,.-/'\"\\\n\t\r\a%(s)d{}l’«»“中😀\u0301\u200b\u00a0", max_size=90)
PREFIXES = st.sampled_from(["", "#| ", "#~ ", "#~| "])
KEYWORDS = st.sampled_from(["msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr[0]", "msgstr[12]"])
WIDTHS = st.sampled_from([20, 40, 60, 79, 80, 2**31 - 1])
LANGUAGES = st.sampled_from([None, "python-format", "c-format", "python-brace-format"])


@settings(max_examples=profile(1000, 20000), deadline=None)
@given(PREFIXES, KEYWORDS, TEXT, WIDTHS, st.booleans(), LANGUAGES)
def test_a_value_on_the_keywords_line_is_laid_out_as_the_line_breaker_lays_it(
    prefix: str, keyword: str, value: str, width: int, no_wrap: bool, language: str | None
) -> None:
    assert _wrap(prefix, keyword, value, width, no_wrap, language) == _wrap_lines(
        prefix, keyword, value, width, no_wrap, language
    )


@pytest.mark.parametrize(
    "value",
    ["", "a", "x" * 70, "x" * 71, "x" * 72, "中" * 35, "中" * 36, "é" * 36, "é" * 37, 'a"b', "a\\b", "a\n", "a\tb"],
)
@pytest.mark.parametrize("width", [20, 79, 2**31 - 1])
def test_values_around_the_width(value: str, width: int) -> None:
    for prefix in ("", "#| "):
        for keyword in ("msgid", "msgstr[0]"):
            assert _wrap(prefix, keyword, value, width) == _wrap_lines(prefix, keyword, value, width)


REFERENCE = st.text(alphabet="a./:0123 \t\nè", max_size=20)


@settings(max_examples=profile(1000, 20000), deadline=None)
@given(st.lists(REFERENCE, max_size=3).map(tuple), WIDTHS)
def test_references_are_packed_as_the_reference_parser_packs_them(references: tuple[str, ...], width: int) -> None:
    assert _reference_lines(references, width) == _packed_reference_lines(references, width)


@pytest.mark.parametrize(
    "reference",
    ["content/a.md:12", "a.md:0", "a.md:007", "./a.md:3", "a.md", ":5", "a:b:12", "a.md:x", "x" * 100 + ":1", "", " "],
)
def test_single_references(reference: str) -> None:
    assert _reference_lines((reference,), 79) == _packed_reference_lines((reference,), 79)


def test_a_large_catalogue_laid_out_on_every_core_is_the_same_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slices of entries laid out in forked processes, joined in order: the file one process writes."""
    from i18ntool import workers
    from i18ntool.po import layout
    from i18ntool.po.catalogue_files import read_catalogue

    kit = sorted((REPOSITORY / "locales").glob("*/LC_MESSAGES/*.po"))
    assert len(kit) > 5
    monkeypatch.setattr(workers, "cores", lambda: 2)
    for path in kit:
        catalogue = read_catalogue(path)
        monkeypatch.setattr(layout, "PARALLEL_ENTRIES", 10**9)
        alone = layout.format_catalogue(catalogue)
        monkeypatch.setattr(layout, "PARALLEL_ENTRIES", 2)
        assert layout.format_catalogue(catalogue) == alone == path.read_text(encoding="utf-8"), path


def test_catalogues_laid_out_together_on_every_core_are_each_its_own_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """A template and its catalogues of different lengths, sliced by position in forked
    processes: each file as laid out alone."""
    from i18ntool import workers
    from i18ntool.po import layout
    from i18ntool.po.catalogue_files import read_catalogue

    monkeypatch.setattr(workers, "cores", lambda: 2)
    locales = REPOSITORY / "locales"
    groups = [
        [
            read_catalogue(path)
            for path in sorted(locales.glob(f"*/{name}.pot")) + sorted(locales.glob(f"*/LC_MESSAGES/{name}.po"))
        ]
        for name in ("press-release", "festivals", "ui")
    ]
    groups.append([*groups[0], *groups[1]])  # lengths far apart
    for catalogues in groups:
        assert len(catalogues) >= 2
        alone = [layout.format_catalogue(catalogue) for catalogue in catalogues]
        monkeypatch.setattr(layout, "PARALLEL_ENTRIES", 2)
        assert layout.format_catalogues(catalogues) == alone
        monkeypatch.setattr(layout, "PARALLEL_ENTRIES", 10**9)
        assert layout.format_catalogues(catalogues) == alone
