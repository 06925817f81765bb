"""Reading catalogues strictly, and reading back what is written."""

from __future__ import annotations

import dataclasses
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool.po.catalogue import Catalogue, Message, parse_catalogue

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.layout import format_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.errors import CatalogueError
from tests.conftest import profile

BROKEN = sorted((Path(__file__).parent / "catalogues" / "broken").glob("*.po"))


@pytest.mark.parametrize("path", BROKEN, ids=[path.stem for path in BROKEN])
def test_broken_catalogue_gives_file_line_and_message(path: Path) -> None:
    expected = re.match(rb"# expect: (\d+): (.*)", path.read_bytes())
    assert expected, f"{path.name} must start with '# expect: LINE: message'"
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(path, f"locales/it/LC_MESSAGES/{path.name}")
    error = caught.value
    assert error.line == int(expected.group(1))
    assert expected.group(2).decode() in error.message
    assert str(error).startswith(f"locales/it/LC_MESSAGES/{path.name}:{error.line}: ")


def test_all_fields_are_read() -> None:
    text = (
        '# Italian translation.\n#, fuzzy\nmsgid ""\nmsgstr ""\n"Language: it\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        "# checked by the editor\n#. paragraph\n#: content/a.md:3 content/a.md:9\n#, fuzzy, no-wrap\n"
        '#| msgctxt "old"\n#| msgid "The old "\n#| "text"\nmsgctxt "fact box"\nmsgid "The "\n"text"\n'
        'msgstr "Il testo\\t\\"citato\\"\\\\"\n\n'
        'msgid "one guest"\nmsgid_plural "%d guests"\nmsgstr[0] "un invitato"\nmsgstr[1] "%d invitati"\n\n'
        '#~ msgid "Gone"\n#~ msgstr "Andato"\n'
    )
    catalogue = parse_catalogue(text.encode(), "x.po")
    assert catalogue.header_comments == ("Italian translation.",)
    assert catalogue.header_flags == ("fuzzy",)
    assert catalogue.header("language") == "it"
    first, plural, gone = catalogue.messages
    assert first == Message(
        msgid="The text",
        msgstr='Il testo\t"citato"\\',
        msgctxt="fact box",
        flags=("fuzzy", "no-wrap"),
        translator_comments=("checked by the editor",),
        extracted_comments=("paragraph",),
        references=("content/a.md:3", "content/a.md:9"),
        previous_msgctxt="old",
        previous_msgid="The old text",
    )
    assert first.line == 16  # the msgid keyword
    assert plural.msgid_plural == "%d guests" and plural.msgstr_plural == ("un invitato", "%d invitati")
    assert gone.obsolete and gone.msgstr == "Andato"


def test_other_charsets_and_crlf_are_read() -> None:
    text = 'msgid ""\r\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\r\n\r\nmsgid "city"\r\nmsgstr "citt\xe0"\r\n'
    catalogue = parse_catalogue(text.encode("latin-1"), "x.po")
    assert catalogue.messages[0].msgstr == "città"


def test_write_only_when_changed(tmp_path: Path) -> None:
    catalogue = Catalogue(
        header_fields=(("Content-Type", "text/plain; charset=UTF-8"),),
        messages=(Message(msgid="Fact box", msgstr="Scheda"),),
    )
    path = tmp_path / "it" / "x.po"
    assert write_catalogue(path, catalogue) is True
    before = path.stat().st_mtime_ns
    assert write_catalogue(path, catalogue) is False
    assert path.stat().st_mtime_ns == before
    assert read_catalogue(path) == catalogue
    assert [p.name for p in path.parent.iterdir()] == ["x.po"]  # no temporary file left behind


SHIPPED = sorted((Path(__file__).resolve().parent.parent / "locales").rglob("*.po*"))


@pytest.mark.parametrize("path", SHIPPED, ids=[path.name for path in SHIPPED])
def test_shipped_catalogues_read_and_write_back_to_the_same_bytes(path: Path) -> None:
    from i18ntool.po.layout import format_catalogue

    assert format_catalogue(read_catalogue(path)).encode("utf-8") == path.read_bytes()


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('\n\t"\\ '), max_size=120)
plain = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs")), min_size=1, max_size=20)


@st.composite
def messages(draw: st.DrawFn) -> Message:
    plural = draw(st.booleans())
    obsolete = draw(st.booleans())
    fuzzy = draw(st.booleans())
    message = Message(
        msgid=draw(texts.filter(bool)),
        msgstr="" if plural else draw(texts),
        msgctxt=draw(st.none() | texts),
        msgid_plural=draw(texts) if plural else None,
        msgstr_plural=tuple(draw(st.lists(texts, min_size=2, max_size=3))) if plural else (),
        flags=("fuzzy",) if fuzzy else (),
        translator_comments=() if obsolete else tuple(draw(st.lists(plain, max_size=2))),
        extracted_comments=() if obsolete else tuple(draw(st.lists(plain, max_size=2))),
        references=()
        if obsolete
        else tuple(
            f"content/{name}.md:{line}"
            for name, line in draw(
                st.lists(
                    st.tuples(st.from_regex(r"[a-z]{1,12}", fullmatch=True), st.integers(1, 999)),
                    max_size=4,
                    unique=True,
                )
            )
        ),  # gettext writes a reference once
        previous_msgid=draw(texts.filter(bool)) if fuzzy and draw(st.booleans()) else None,
        obsolete=obsolete,
    )
    # gettext writes no obsolete entry without a translation and no fuzzy flag on an
    # untranslated entry; update never makes either.
    if (obsolete or fuzzy) and not plural:
        message = message.replace(msgstr=message.msgstr or "x")
    if (obsolete or fuzzy) and plural:
        message = message.replace(msgstr_plural=("x", *message.msgstr_plural[1:]))
    return message


@settings(max_examples=profile(100, 2000), deadline=None)
@given(st.lists(messages(), max_size=6, unique_by=lambda m: (m.obsolete, m.msgctxt, m.msgid)))
def test_what_is_written_reads_back_equal(entries: list[Message]) -> None:
    from i18ntool.po.layout import format_catalogue

    catalogue = Catalogue(
        header_fields=(("Language", "it"), ("Content-Type", "text/plain; charset=UTF-8")),
        header_comments=("Italian translation.",),
        messages=tuple(sorted(entries, key=lambda message: message.obsolete)),  # gettext's order
    )
    assert parse_catalogue(format_catalogue(catalogue).encode("utf-8"), "x.po") == catalogue


@pytest.mark.parametrize("path", SHIPPED, ids=[path.name for path in SHIPPED])
def test_reader_agrees_with_polib_on_shipped_catalogues(path: Path) -> None:
    import polib

    theirs = polib.pofile(str(path))
    ours = read_catalogue(path)
    assert [(e.msgctxt, e.msgid, e.msgstr, e.previous_msgid, bool(e.obsolete), "fuzzy" in e.flags) for e in theirs] == [
        (m.msgctxt, m.msgid, m.msgstr, m.previous_msgid, m.obsolete, m.fuzzy) for m in ours.messages
    ]
    assert dict(theirs.metadata) == dict(ours.header_fields)


@pytest.mark.parametrize(
    ("text", "msgstr"),
    [
        pytest.param('msgid "a"\nmsgstr "Scheda" " tecnica"\n', "Scheda tecnica", id="two-strings-on-a-line"),
        pytest.param('msgid "a"\nmsgstr\n"Scheda"\n', "Scheda", id="string-on-the-next-line"),
        pytest.param('msgid "a"\nmsgstr ""\n  "Scheda"  \n', "Scheda", id="indented-continuation"),
    ],
)
def test_layouts_msgfmt_accepts_are_read(text: str, msgstr: str) -> None:
    """Hand-edited and other tools' layouts that gettext reads are read too."""
    assert parse_catalogue(text.encode(), "x.po").messages[0].msgstr == msgstr


def test_a_bare_hash_line_is_an_empty_translator_comment_kept_as_msgcat_keeps_it() -> None:
    text = '# a\n#\n#, fuzzy\nmsgid ""\nmsgstr "Language: it\\n"\n\n#\n# b\nmsgid "x"\nmsgstr "y"\n'
    catalogue = parse_catalogue(text.encode("utf-8"), "x.po")
    assert catalogue.header_comments == ("a", "")
    assert catalogue.messages[0].translator_comments == ("", "b")
    assert format_catalogue(catalogue) == text  # what `msgcat` writes for this file


def test_catalogues_pickle_with_their_lines() -> None:
    """Workers send catalogues and messages between processes (``workers``): slotted and
    frozen, they still pickle, with the lines their equality leaves out."""
    text = 'msgid ""\nmsgstr "Language: it\\n"\n\n#. paragraph\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n'
    catalogue = parse_catalogue(text.encode("utf-8"), "x.po")
    copy = pickle.loads(pickle.dumps(catalogue))
    assert copy == catalogue
    assert (copy.header_line, [message.line for message in copy.messages]) == (1, [6])
    assert not hasattr(copy.messages[0], "__dict__")


_FIELD_VALUES = {
    "msgid": "Text",
    "msgstr": "Testo",
    "msgctxt": "ctx",
    "msgid_plural": "Texts",
    "msgstr_plural": ("Testo", "Testi"),
    "flags": ("fuzzy", "c-format"),
    "equals_line_flags": ("c-format",),
    "translator_comments": ("note",),
    "extracted_comments": ("paragraph",),
    "references": ("a.md:1", "b.md:2"),
    "previous_msgctxt": "old ctx",
    "previous_msgid": "Old text",
    "previous_msgid_plural": "Old texts",
    "obsolete": True,
    "line": 7,
}


@pytest.mark.parametrize("name", list(_FIELD_VALUES))
def test_a_message_is_made_and_replaced_field_by_field_as_a_dataclass_is(name: str) -> None:
    """Message sets its own fields (faster than the __init__ dataclass writes) and replaces
    them without dataclasses.replace: each field lands in its place, by keyword and by
    position, and the value stays frozen."""
    made = Message(**_FIELD_VALUES)  # type: ignore[arg-type]
    assert {field.name: getattr(made, field.name) for field in dataclasses.fields(Message)} == _FIELD_VALUES
    assert Message(*_FIELD_VALUES.values()) == made  # type: ignore[arg-type]
    plain = Message("Text")
    changed = plain.replace(**{name: _FIELD_VALUES[name]})
    assert changed == dataclasses.replace(plain, **{name: _FIELD_VALUES[name]})  # type: ignore[arg-type]
    assert getattr(changed, name) == _FIELD_VALUES[name]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, name, None)
    with pytest.raises(TypeError):
        plain.replace(no_such_field=1)
