"""The quick reader of plain catalogues held to the strict reader: on every catalogue of the
repository, on generated ones, and on generated catalogues broken line by line, it reads
what the strict reader reads (lines of entries included) or leaves the file to it."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool.errors import CatalogueError
from i18ntool.po.catalogue import Catalogue, _Parser, _read_quickly, parse_catalogue
from i18ntool.po.layout import format_catalogue
from i18ntool.po.quick_reader import quick_entries
from tests.conftest import profile
from tests.test_catalogue import messages

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    path
    for pattern in ("locales/**/*.po", "locales/**/*.pot", "tests/**/*.po", "tests/**/*.pot")
    for path in ROOT.glob(pattern)
)


def strictly(text: str) -> Catalogue | str:
    """What the strict reader gives: the catalogue, or its error."""
    try:
        return _Parser("x.po").parse(text)
    except CatalogueError as error:
        return str(error)


def quickly(text: str) -> Catalogue | str | None:
    """What the quick reader gives: the catalogue, its error, or None when it leaves the file."""
    try:
        return _read_quickly(text, "x.po")
    except CatalogueError as error:
        return str(error)


def lines_of(catalogue: Catalogue | str | None) -> object:
    """The catalogue with the lines its equality leaves out (where each entry was read)."""
    if not isinstance(catalogue, Catalogue):
        return catalogue
    return catalogue, catalogue.header_line, [message.line for message in catalogue.messages]


def assert_agree(text: str) -> Catalogue | str | None:
    quick = quickly(text)
    if quick is not None:
        assert lines_of(quick) == lines_of(strictly(text))
    return quick


@pytest.mark.parametrize("path", CATALOGUES, ids=[path.name for path in CATALOGUES])
def test_the_repositorys_catalogues_read_alike(path: Path) -> None:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return  # another charset: parse_catalogue decodes it first; held below on text
    assert_agree(text)


def test_the_shipped_catalogues_are_read_quickly() -> None:
    shipped = [path for path in CATALOGUES if path.is_relative_to(ROOT / "locales")]
    assert shipped
    for path in shipped:
        assert quick_entries(path.read_text(encoding="utf-8")) is not None, path


def catalogue_of(entries: list) -> Catalogue:  # type: ignore[type-arg]
    return Catalogue(
        header_fields=(("Language", "it"), ("Content-Type", "text/plain; charset=UTF-8")),
        header_comments=("Italian translation.",),
        header_flags=("fuzzy",),
        messages=tuple(sorted(entries, key=lambda message: message.obsolete)),
    )


unique = st.lists(messages(), max_size=8, unique_by=lambda m: (m.obsolete, m.msgctxt, m.msgid))


@settings(max_examples=profile(200, 3000), deadline=None)
@given(unique)
def test_generated_catalogues_read_alike(entries: list) -> None:  # type: ignore[type-arg]
    text = format_catalogue(catalogue_of(entries))
    quick = assert_agree(text)
    plain = all(m.msgid_plural is None and not m.obsolete for m in entries)
    if plain and all(
        set(m.msgid + m.msgstr + (m.msgctxt or "") + (m.previous_msgid or "")) <= set(PLAIN) for m in entries
    ):
        assert quick is not None  # the common case is taken, not left
    assert parse_catalogue(text.encode("utf-8"), "x.po") == catalogue_of(entries)


PLAIN = "abcdefghijklmnopqrstuvwxyzàè ,.;:!?'\"\\\n\t-0123456789ABCXYZ"

JUNK = ['msgid "a"', 'msgstr "b"', 'msgctxt "c"', '"d"', '#| msgid "e"', '#| "f"', "# g", "#. h", "#: i:1", "#, fuzzy",
        "#~ msgid \"j\"", 'msgstr "', 'msgid "k" "l"', "msgid", '"\\q"', "#", "", "  ", 'msgid_plural "m"', 'msgstr[0] "n"',
        "#= fuzzy", "# | msgid \"o\"", "bogus"]  # fmt: skip


@settings(max_examples=profile(300, 5000), deadline=None)
@given(unique, st.integers(min_value=0, max_value=2**32))
def test_broken_catalogues_read_alike_or_are_left_to_the_strict_reader(entries: list, seed: int) -> None:  # type: ignore[type-arg]
    lines = format_catalogue(catalogue_of(entries)).split("\n")
    damage(lines, random.Random(seed), JUNK)
    text = "\n".join(lines)
    assert_read_alike(text)


def damage(lines: list[str], draw: random.Random, junk: Sequence[str]) -> None:
    """One to three of ``lines`` removed, repeated, swapped, or ``junk`` put among them."""
    for _ in range(draw.randint(1, 3)):
        where = draw.randrange(len(lines) + 1)
        change = draw.random()
        if change < 0.3 and lines:
            del lines[min(where, len(lines) - 1)]
        elif change < 0.5 and lines:
            lines.insert(where, lines[draw.randrange(len(lines))])
        elif change < 0.6 and len(lines) > 1:
            a, b = draw.sample(range(len(lines)), 2)
            lines[a], lines[b] = lines[b], lines[a]
        else:
            lines.insert(where, draw.choice(junk))


def assert_read_alike(text: str) -> None:
    """The quick reader agrees with the strict one, and so does the whole read of the file
    (the same entries and lines, or the same error)."""
    assert_agree(text)
    try:
        through_quick: object = lines_of(parse_catalogue(text.encode("utf-8"), "x.po"))
    except CatalogueError as error:
        through_quick = str(error)
    assert through_quick == lines_of(strictly(text))


HOSTILE = [
    pytest.param('msgid "a"\nmsgstr "b"', True, id="no-final-newline"),
    pytest.param('\n\n\nmsgid "a"\nmsgstr "b"\n\n\n', True, id="blank-lines-around"),
    pytest.param('#  spaced comment  \n#.extracted\n#:a.md:1 b.md\n#,fuzzy,, c-format\nmsgid "a"\nmsgstr "b"\n', True,
                 id="comments-without-spaces"),
    pytest.param('#| msgctxt "p"\n#| "q"\n# between\n#| msgid "r"\n#| "s\\n"\nmsgid "a"\nmsgstr "b"\n', True,
                 id="previous-fields-and-comments-mixed"),
    pytest.param('msgctxt ""\n"c"\nmsgid ""\n"a\\"b\\\\"\n"\\t"\nmsgstr ""\n"x\\n"\n"y"\n', True, id="continuations"),
    pytest.param('msgid "a"\nmsgstr "b"\nmsgid "c"\nmsgstr "d"\n# e\nmsgid "f"\nmsgstr "g"\n', True, id="no-blank-lines"),
    pytest.param('msgid "a\\\\"\n"\\\\"\nmsgstr "\\\\\\""\n', True, id="escapes-at-joins"),
    pytest.param('msgid "a"\r\nmsgstr "b"\r\n', False, id="crlf"),
    pytest.param('msgid "a"\n  \nmsgstr "b"\n', False, id="spaces-line-inside"),
    pytest.param('msgid "a"\n\nmsgstr "b"\n', False, id="blank-line-inside"),
    pytest.param(' msgid "a"\nmsgstr "b" \n', False, id="spaces-around-keywords"),
    pytest.param('msgid "a"\nmsgstr "b"\n\n# dangling\n', False, id="comment-at-the-end"),
    pytest.param('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', False, id="second-msgstr"),
    pytest.param('msgid "a"\nmsgstr "b"\n"c\n', False, id="unterminated"),
    pytest.param('msgid "a"\nmsgstr "b" "c"\n', False, id="two-strings"),
    pytest.param('msgid "a\\r"\nmsgstr ""\n', False, id="other-escape"),
    pytest.param('msgid "a"\nmsgstr ""\n\nmsgid "a"\nmsgstr ""\n', True, id="duplicate"),
    pytest.param('msgid ""\nmsgstr "X"\n\nmsgid ""\nmsgstr ""\n', True, id="second-header"),
    pytest.param('#: a\nmsgctxt "c"\nmsgctxt "c"\nmsgid "a"\nmsgstr ""\n', False, id="second-msgctxt"),
    pytest.param('msgid "a\x85"\nmsgstr "\u2028"\n', True, id="unicode-line-ends-in-strings"),
    pytest.param('#~ msgid "a"\n#~ msgstr "b"\n', False, id="obsolete"),
    pytest.param("", True, id="empty"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "taken"), HOSTILE)
def test_hostile_catalogues_read_alike_or_are_left_to_the_strict_reader(text: str, taken: bool) -> None:
    assert (quick_entries(text) is not None) == taken
    assert_read_alike(text)
