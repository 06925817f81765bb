"""XLIFF files written and read back, without the command line: any catalogue survives both versions."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool.exchange.exporting import catalogue_units
from i18ntool.exchange.importing import Settings, merge_units
from i18ntool.exchange.units import Origin
from i18ntool.exchange.xliff_read import XliffError, read_xliff
from i18ntool.exchange.xliff_write import write_xliff_12, write_xliff_21
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.po.states import stamp
from tests.conftest import profile

WRITERS = {"2.1": write_xliff_21, "1.2": write_xliff_12}
ORIGIN = Origin("Kit & <Co>", "press-release", "locales/it/LC_MESSAGES/press-release.po", "en", "it")
SETTINGS = Settings(None, datetime.date(2026, 12, 2), {}, lambda source_end, target_end: False)

TEXT = st.lists(
    st.sampled_from(
        [
            "*",
            "**",
            "_",
            "[a](https://x.example/?a=1&b=2)",
            "`<code>`",
            "<b>",
            "</b>",
            "&amp;",
            "&",
            "<",
            ">",
            '"',
            "'",
            "\\",
            "\r",
            "\t",
            "\n",
            "  ",
            "word",
            "è",
            "😀",
            "]]>",
            "\u00a0",
        ]
    ),
    min_size=1,
    max_size=12,
).map("".join)


@st.composite
def messages(draw: st.DrawFn) -> Message:
    msgid = draw(TEXT)
    state = draw(st.sampled_from(["untranslated", "fuzzy", "translated", "reviewed"]))
    msgctxt = draw(st.one_of(st.none(), TEXT))
    if state == "untranslated":
        return Message(msgid, msgctxt=msgctxt)
    message = Message(msgid, draw(TEXT), msgctxt, extracted_comments=(draw(TEXT),), references=("content/x.md:3",))
    if state == "fuzzy":
        return message.replace(flags=("fuzzy",), previous_msgid=draw(TEXT))
    return stamp(message, "Anna Bianchi", datetime.date(2026, 11, 30)) if state == "reviewed" else message


def _read_back(version: str, catalogue: Catalogue) -> Catalogue:
    units, _ = catalogue_units(catalogue, "x.po", {})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.xlf"
        path.write_text(WRITERS[version](ORIGIN, units), encoding="utf-8")
        read = read_xliff(path, "x.xlf")
    assert (read.project, read.catalogue_name, read.catalogue) == (ORIGIN.project, ORIGIN.name, ORIGIN.catalogue)
    assert [unit.id for unit in read.units] == [unit.id for unit in units]
    merged, changes = merge_units(catalogue, read.units, "x.xlf", SETTINGS)
    assert changes == []
    return merged


@pytest.mark.parametrize("version", list(WRITERS))
@settings(max_examples=profile(60, 1000), deadline=None)
@given(st.lists(messages(), min_size=1, max_size=6, unique_by=lambda message: message.key))
def test_any_catalogue_comes_back_unchanged(version: str, entries: list[Message]) -> None:
    catalogue = Catalogue(messages=tuple(entries))
    assert _read_back(version, catalogue) == catalogue


@pytest.mark.parametrize("version", list(WRITERS))
def test_a_character_xml_cannot_carry_is_an_error_with_the_entry_line(version: str) -> None:
    from i18ntool.errors import CatalogueError

    catalogue = Catalogue(messages=(Message("ok"), Message("bell \x07 here", "x", line=12)))
    with pytest.raises(CatalogueError, match=r"x\.po:12: entry holds the character U\+0007"):
        catalogue_units(catalogue, "x.po", {})


def test_a_unit_cut_into_segments_by_a_cat_tool_is_joined_back(tmp_path: Path) -> None:
    path = tmp_path / "x.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="it">'
        '<file id="f"><unit id="u1"><segment state="translated"><source>One.</source><target>Uno.</target></segment>'
        "<ignorable><source> </source></ignorable>"
        '<segment state="initial"><source>Two.</source><target>Due.</target></segment></unit></file></xliff>',
        encoding="utf-8",
    )
    (unit,) = read_xliff(path, "x.xlf").units
    assert (unit.source, unit.target, unit.state.value) == (("One. Two.",), ("Uno. Due.",), "fuzzy")


def test_an_unknown_inline_element_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n<file original="x">\n<body>\n'
        '<trans-unit id="u1"><source>a</source>\n<target>a <it id="1" pos="open">*</it></target></trans-unit>\n'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    with pytest.raises(XliffError, match=r"x\.xlf:5: unit u1: <it> is not an inline element i18ntool can import"):
        read_xliff(path, "x.xlf")
