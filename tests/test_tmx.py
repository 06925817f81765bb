"""TMX 1.4b: the memory i18ntool writes, read back by Translate Toolkit and by i18ntool; others' memories read strictly."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from translate.storage import tmx as translate_tmx

from i18ntool.errors import I18nToolError
from i18ntool.exchange.tmx import (
    MemoryUnit,
    memory_tmx,
    read_memory,
    TmxFile,
    read_tmx,
    tag_matches,
)
from i18ntool.po.states import State, state_of
from i18ntool.po.catalogue_files import read_catalogue
from click.testing import CliRunner

from i18ntool.cli import main
from tests.conftest import profile


def export_memory(project_dir: Path, *arguments: str) -> tuple[list[Path], list[Path]]:
    """`i18ntool export --format tmx ARGUMENTS` in ``project_dir``: the files written, and those unchanged."""
    result = CliRunner().invoke(main, ["--project", str(project_dir), "export", "--format", "tmx", *arguments])
    assert result.exit_code == 0, result.output
    written: list[Path] = []
    unchanged: list[Path] = []
    for line in result.stdout.splitlines():
        path, _, summary = line.partition(": ")
        (unchanged if summary.endswith("(unchanged)") else written).append(project_dir / path)
    return written, unchanged


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
REVIEWED = MemoryUnit(
    "The short film won the **award**.",
    "Il cortometraggio ha vinto il **premio**.",
    reviewer="Giulia Ferri",
    reviewed_on=datetime.date(2026, 11, 16),
)

UNIT_SETS = [
    pytest.param([MemoryUnit("Press release", "Comunicato stampa")], id="one-plain-pair"),
    pytest.param([MemoryUnit("Close", "Chiudi", context="button"), MemoryUnit("Close", "Vicino")], id="contexts"),
    pytest.param(
        [MemoryUnit('Read [the "review"](https://example.org/?a=1&b=2) <em>now</em>', "Leggi <la> & 'tutto'")],
        id="markup-and-quotes-escaped",
    ),
    pytest.param([MemoryUnit("Line one\nline two\r\nend\t.", "Riga uno\nriga due\r\nfine\t.")], id="line-breaks-kept"),
    pytest.param([REVIEWED, MemoryUnit("Tickets", "Biglietti")], id="reviewed-and-translated"),
    pytest.param([MemoryUnit("  spaced  ", " spaziato ")], id="edge-spaces-kept"),
    pytest.param([MemoryUnit("Città · 日本語 · 🎬", "Città · 日本語 · 🎬")], id="non-ascii"),
    pytest.param([], id="empty"),
]


def other_readers_units(text: str) -> Any:
    """The memory as Translate Toolkit's TMX class reads it."""
    return translate_tmx.tmxfile.parsestring(text.encode("utf-8"))  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("units", UNIT_SETS)
def test_translate_toolkit_reads_what_the_writer_writes(units: list[MemoryUnit]) -> None:
    memory = other_readers_units(memory_tmx(units, "en", "it"))
    assert memory.sourcelanguage == "en"
    read = memory.units
    assert [(unit.source, unit.target) for unit in read] == [(unit.source, unit.target) for unit in units]
    assert [unit.getcontext() or None for unit in read] == [unit.context for unit in units]
    assert [unit.getid() for unit in read] == [unit.tuid for unit in units]
    for unit in read:
        assert [node.get(XML_LANG) for node in unit.getlanguageNodes()] == ["en", "it"]
    states = [{prop.get("type"): prop.text for prop in unit.xmlelement.findall("prop")} for unit in read]
    assert [state["x-i18ntool-state"] for state in states] == [
        "reviewed" if unit.reviewer else "translated" for unit in units
    ]
    assert [state.get("x-i18ntool-reviewer") for state in states] == [unit.reviewer for unit in units]


@pytest.mark.parametrize("units", UNIT_SETS)
def test_reading_what_the_writer_writes_gives_the_pairs_back(tmp_path: Path, units: list[MemoryUnit]) -> None:
    path = tmp_path / "en-it.tmx"
    path.write_text(memory_tmx(units, "en", "it"), encoding="utf-8")
    assert read_memory(path, "en", "it") == units
    # A memory is read in either direction: the same pairs, the other way round.
    assert [(unit.source, unit.target) for unit in read_memory(path, "it", "en")] == [
        (unit.target, unit.source) for unit in units
    ]


# Any text XML 1.0 can hold: what a catalogue may hold, less the control characters it cannot.
xml_text = st.text(
    st.characters(
        codec="utf-8",  # no lone surrogates
        exclude_characters=[chr(code) for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)],
    ),
    min_size=1,
)
units_drawn = st.lists(
    st.builds(
        MemoryUnit,
        source=xml_text,
        target=xml_text,
        context=st.none() | xml_text,
        reviewer=st.none() | xml_text.filter(str.strip),
    ),
    max_size=5,
)


@settings(max_examples=profile(100, 2000), deadline=None)
@given(units_drawn)
def test_any_pairs_round_trip_through_the_memory(units: list[MemoryUnit]) -> None:
    text = memory_tmx(units, "en", "it")
    read = read_tmx_text(text).pairs("en", "it")
    assert read == units
    assert [(unit.source, unit.target) for unit in other_readers_units(text).units] == [
        (unit.source, unit.target) for unit in units
    ]


def read_tmx_text(text: str) -> TmxFile:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.tmx"
        path.write_text(text, encoding="utf-8")
        return read_tmx(path)


def test_the_header_is_tmx_1_4b() -> None:
    header = other_readers_units(memory_tmx([REVIEWED], "pt_BR", "it")).document.getroot().find("header")
    assert header is not None
    assert dict(header.attrib) == {
        "creationtool": "i18ntool",
        "creationtoolversion": "0.1.0",
        "datatype": "plaintext",
        "segtype": "paragraph",
        "adminlang": "en",
        "srclang": "pt-BR",
        "o-tmf": "PO",
    }


def test_the_tuid_stays_with_the_pair_and_changes_with_it() -> None:
    pair = MemoryUnit("Tickets", "Biglietti")
    assert pair.tuid == MemoryUnit("Tickets", "Biglietti", reviewer="Someone").tuid
    assert len({pair.tuid, MemoryUnit("Tickets", "Biglietto").tuid, MemoryUnit("Tickets", "Biglietti", "x").tuid}) == 3


def test_a_control_character_xml_cannot_hold_is_refused_by_the_writer() -> None:
    with pytest.raises(ValueError, match="U\\+000B"):
        memory_tmx([MemoryUnit("a\x0bb", "c")], "en", "it")


@pytest.mark.parametrize(
    ("tag", "language", "expected"),
    [
        pytest.param("it", "it", True, id="same"),
        pytest.param("IT-it", "it", True, id="any-region-of-a-language-without-one"),
        pytest.param("en_US", "en", True, id="underscore"),
        pytest.param("pt-BR", "pt_BR", True, id="region-as-babel-writes-it"),
        pytest.param("pt-PT", "pt_BR", False, id="another-region"),
        pytest.param("pt", "pt_BR", False, id="no-region-for-a-regional-language"),
        pytest.param("ita", "it", False, id="another-code"),
    ],
)
def test_language_tags(tag: str, language: str, expected: bool) -> None:
    assert tag_matches(tag, language) is expected


def tmx(body: str, *, header: str = '<header srclang="en" segtype="sentence"/>', before: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{before}<tmx version="1.4">\n{header}\n<body>\n{body}\n</body>\n</tmx>\n'


def tu(source: str, target: str, languages: tuple[str, str] = ("en-US", "it-IT")) -> str:
    return (
        f'<tu><tuv xml:lang="{languages[0]}"><seg>{source}</seg></tuv>'
        f'<tuv xml:lang="{languages[1]}"><seg>{target}</seg></tuv></tu>'
    )


@pytest.mark.parametrize(
    ("seg", "text"),
    [
        pytest.param('<bpt i="1">**</bpt>award<ept i="1">**</ept>', "**award**", id="paired-codes-of-markdown"),
        pytest.param('<bpt i="1">&lt;b&gt;</bpt>award<ept i="1">&lt;/b&gt;</ept>', "<b>award</b>", id="html-codes"),
        pytest.param('see <ph x="1">`code`</ph> here', "see `code` here", id="placeholder"),
        pytest.param('<ph>&lt;img alt="<sub>Logo</sub>"&gt;</ph>', '<img alt="Logo">', id="sub-flow-in-place"),
        pytest.param('the <hi type="b">best</hi> film', "the best film", id="highlight-is-text"),
        pytest.param('<it pos="begin">*</it>open', "*open", id="isolated-code"),
        pytest.param("<ut>{\\b }</ut>bold", "{\\b }bold", id="deprecated-unknown-tag"),
    ],
)
def test_inline_elements_read_as_the_text_of_the_original(tmp_path: Path, seg: str, text: str) -> None:
    path = tmp_path / "m.tmx"
    path.write_text(tmx(tu(seg, "x")), encoding="utf-8")
    assert [unit.source for unit in read_memory(path, "en", "it")] == [text]


def test_other_tools_memories_read(tmp_path: Path) -> None:
    """A DOCTYPE naming tmx14.dtd (not fetched), TMX 1.3's `lang`, regions, props of
    other tools, a unit in one language only and a third language."""
    units = "\n".join(
        [
            '<tu tuid="7"><prop type="x-context">menu</prop><prop type="x-other">?</prop>'
            '<tuv lang="EN"><seg>Open</seg></tuv><tuv lang="IT"><seg>Apri</seg></tuv>'
            '<tuv xml:lang="de"><seg>Öffnen</seg></tuv></tu>',
            '<tu><tuv xml:lang="en"><seg>Only English</seg></tuv></tu>',
            '<tu><tuv xml:lang="en"><seg>Empty target</seg></tuv><tuv xml:lang="it"><seg/></tuv></tu>',
        ]
    )
    path = tmp_path / "m.tmx"
    path.write_text(tmx(units, before='<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'), encoding="utf-8")
    assert read_memory(path, "en", "it") == [MemoryUnit("Open", "Apri", context="menu")]
    assert read_memory(path, "en", "it")[0].line == 6
    assert read_tmx(path).languages == ("EN", "IT", "de", "en", "it")


def test_a_memory_with_no_units_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "m.tmx"
    path.write_text(tmx(""), encoding="utf-8")
    assert read_memory(path, "en", "it") == []


BOMB = (
    '<!DOCTYPE tmx [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n'
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(tmx(tu("&c;", "x"), before=BOMB), "agency.tmx:3: entity declaration 'a' refused", id="xml-bomb"),
        pytest.param(
            tmx(tu("&e;", "x"), before='<!DOCTYPE tmx [\n<!ENTITY e SYSTEM "file:///etc/passwd">\n]>\n'),
            "agency.tmx:3: entity declaration 'e' refused",
            id="external-entity",
        ),
        pytest.param(
            tmx(tu("a", "b")).replace("</tu>", ""), "agency.tmx:6: not well-formed XML: mismatched tag", id="malformed"
        ),
        pytest.param(tmx(tu("&nbsp;", "b")), "agency.tmx:5: not well-formed XML: undefined entity", id="html-entity"),
        pytest.param("", "agency.tmx:1: not well-formed XML: no element found", id="empty-file"),
        pytest.param(
            '<?xml version="1.0"?>\n<xliff version="2.1"/>\n',
            "agency.tmx:2: not a TMX file: its root element is <xliff>, not <tmx>",
            id="not-tmx",
        ),
        pytest.param(
            tmx(tu("a", "b"), header=""), "agency.tmx:2: not a TMX file: <tmx> has no <header>", id="no-header"
        ),
        pytest.param(
            tmx("<tu>\n<tuv><seg>a</seg></tuv></tu>"),
            "agency.tmx:6: a <tuv> without xml:lang",
            id="tuv-without-language",
        ),
        pytest.param(
            tmx('<tu><tuv xml:lang="en">a</tuv></tu>'), "agency.tmx:5: a <tuv> without a <seg>", id="tuv-without-seg"
        ),
        pytest.param(
            tmx(tu("a", "b", ("en", "de"))),
            "agency.tmx:3: no translation unit holds both en and it; the memory's languages are en, de",
            id="other-languages",
        ),
    ],
)
def test_broken_and_hostile_memories_are_one_error_with_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "agency.tmx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(I18nToolError) as caught:
        read_memory(path, "en", "it", name="agency.tmx")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_a_file_not_in_its_declared_encoding_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "agency.tmx"
    path.write_bytes(tmx(tu("caff\xe8", "b")).encode("latin-1"))
    with pytest.raises(I18nToolError, match=r"^agency.tmx:5: not well-formed XML: not well-formed \(invalid token\)"):
        read_memory(path, "en", "it", name="agency.tmx")


# -- the project's memory ----------------------------------------------------------------------


def finished_pairs(catalogue: Path) -> list[tuple[str, str]]:
    """The translated singular entries of a catalogue, as polib (not i18ntool) reads them."""
    return [
        (entry.msgid, entry.msgstr)
        for entry in polib.pofile(str(catalogue))
        if entry.msgstr and not entry.fuzzy and not entry.obsolete and not entry.msgid_plural and entry.msgid
    ]


def test_the_exported_memory_holds_every_finished_pair_of_the_project(project_dir: Path) -> None:
    folder = project_dir / "build" / "tmx"
    assert export_memory(project_dir) == ([folder / "en-it.tmx", folder / "it-en.tmx"], [])
    sources = {path.stem: path.read_text(encoding="utf-8") for path in (project_dir / "content").glob("*.md")}
    italian_written = {name for name, text in sources.items() if "\nlang: it\n" in text}
    for path, source, target, documents in (
        (folder / "en-it.tmx", "en", "it", [*(set(sources) - italian_written), "ui", "glossary"]),
        (folder / "it-en.tmx", "it", "en", sorted(italian_written)),
    ):
        expected = {
            pair
            for document in documents
            if (project_dir / "locales" / target / "LC_MESSAGES" / f"{document}.po").exists()
            for pair in finished_pairs(project_dir / "locales" / target / "LC_MESSAGES" / f"{document}.po")
        }
        memory = other_readers_units(path.read_text(encoding="utf-8"))
        assert memory.sourcelanguage == source
        assert {(unit.source, unit.target) for unit in memory.units} == expected
        assert len(memory.units) == len(expected)
        assert expected  # the shipped project has translations both ways
    # Reviewed pairs are marked as such: those of the entries with a current review stamp.
    reviewed = {
        (message.msgctxt, message.msgid, message.msgstr)
        for path in (project_dir / "locales" / "it" / "LC_MESSAGES").glob("*.po")
        for message in read_catalogue(path).messages
        if state_of(message) is State.REVIEWED
    }
    assert reviewed
    units = read_memory(folder / "en-it.tmx", "en", "it")
    assert {(unit.context, unit.source, unit.target) for unit in units if unit.reviewer} == reviewed


def test_exporting_again_writes_nothing_and_one_language_writes_its_own(project_dir: Path, tmp_path: Path) -> None:
    written, _ = export_memory(project_dir, "--out", str(tmp_path / "out"))
    stamps = {path: path.stat().st_mtime_ns for path in written}
    assert export_memory(project_dir, "--out", str(tmp_path / "out")) == ([], written)
    assert {path: path.stat().st_mtime_ns for path in written} == stamps
    assert export_memory(project_dir, "--locale", "en", "--out", str(tmp_path / "en")) == (
        [tmp_path / "en" / "it-en.tmx"],
        [],
    )


def test_a_fuzzy_or_untranslated_entry_is_not_in_the_memory(project_dir: Path) -> None:
    catalogue = project_dir / "locales" / "it" / "LC_MESSAGES" / "festivals.po"
    po = polib.pofile(str(catalogue))
    translated = [entry for entry in po if entry.msgstr and not entry.fuzzy and not entry.obsolete]
    translated[0].flags.append("fuzzy")
    translated[1].msgstr = ""
    po.save()
    export_memory(project_dir, "--locale", "it")
    units = read_memory(project_dir / "build" / "tmx" / "en-it.tmx", "en", "it")
    pairs = {(unit.source, unit.target) for unit in units}
    assert (translated[0].msgid, translated[0].msgstr) not in pairs
    assert all(unit.source != translated[1].msgid for unit in units)
    assert (translated[2].msgid, translated[2].msgstr) in pairs


def test_a_catalogue_with_a_character_xml_cannot_hold_is_an_error_naming_its_line(project_dir: Path) -> None:
    catalogue = project_dir / "locales" / "it" / "LC_MESSAGES" / "festivals.po"
    po = polib.pofile(str(catalogue))
    entry = next(entry for entry in po if entry.msgstr and not entry.fuzzy)
    entry.msgstr += "\x0b"
    po.save()
    line = next(message.line for message in read_catalogue(catalogue).messages if message.msgid == entry.msgid)
    result = CliRunner().invoke(main, ["--project", str(project_dir), "export", "--format", "tmx", "--locale", "it"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"i18ntool: locales/it/LC_MESSAGES/festivals.po:{line}: U+000B cannot be written in a TMX file "
        "(XML 1.0 has no way to hold it)\n"
    )
    assert not (project_dir / "build" / "tmx").exists()
