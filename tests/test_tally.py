"""Coverage counted from a catalogue's columns (``states.read_states``, ``coverage.row_of_tally``)
gives the rows and errors of the model (``parse_catalogue``, ``inventory_against``, ``row_of``):
on generated catalogues in every state (review stamps current and stale, figures carried,
contexts, previous texts, obsolete and plural entries), paired with templates in step, out of
order, with entries added and removed, and on catalogues broken line by line."""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool.coverage import Row, row_of, row_of_tally
from i18ntool.errors import CatalogueError
from i18ntool.po.catalogue import Catalogue, Message, parse_catalogue
from i18ntool.po.layout import format_catalogue
from i18ntool.po import states
from i18ntool.po.states import FIGURES_CARRIED, Tally, read_states, stamp
from i18ntool.project import find_project
from i18ntool.targets import Target, TemplateColumns, TemplateEntry, inventory_against
from tests.conftest import REPOSITORY, profile
from tests.test_catalogue import messages
from tests.test_quick_reader import JUNK, damage

PROJECT = find_project(REPOSITORY)
NAME = "locales/it/LC_MESSAGES/x.po"
TARGET = Target("x", "it", PROJECT.catalogue_path("it", "x"))
SOURCE = "content/x.md"


def by_the_model(text: str, template: Sequence[TemplateEntry], words: bool) -> Row | str:
    try:
        catalogue = parse_catalogue(text.encode("utf-8"), NAME)
    except CatalogueError as error:
        return str(error)
    inventory = inventory_against(TARGET, catalogue, template, SOURCE)
    return row_of(PROJECT, inventory, 60, words=words)


def by_columns(text: str, template: Sequence[TemplateEntry], words: bool) -> tuple[Row | str, bool]:
    """The row counted from columns, or its error; and whether the columns were read."""
    try:
        tally = read_states(text.encode("utf-8"), NAME)
        if isinstance(tally, Catalogue):
            inventory = inventory_against(TARGET, tally, template, SOURCE)
            return row_of(PROJECT, inventory, 60, words=words), False
        columns = TemplateColumns.of(template)
        return row_of_tally(PROJECT, TARGET, tally, columns, SOURCE, 60, words=words), True
    except CatalogueError as error:
        return str(error), False


def assert_alike(text: str, template: Sequence[TemplateEntry]) -> bool:
    """Both ways give the same row (words counted or not) or the same error, whether the
    catalogue is read whole or in pieces of a few bytes (each cut after a blank line); whether
    the columns were read."""
    taken = []
    for piece in (states._PIECE, 40, 1):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(states, "_PIECE", piece)
            for words in (True, False):
                row, read = by_columns(text, template, words)
                assert row == by_the_model(text, template, words)
                taken.append(read)
    assert len(set(taken)) == 1
    return taken[0]


HEADER = (("Language", "it"), ("Content-Type", "text/plain; charset=UTF-8"))


@st.composite
def entries(draw: st.DrawFn) -> Message:
    """An entry of any kind, sometimes reviewed (its stamp current, or stale since), or a fuzzy
    (or fuzzy and empty) entry whose figures update carried."""
    message = draw(messages())
    if message.obsolete or message.msgid_plural is not None:
        return message
    kind = draw(st.sampled_from(["plain", "reviewed", "stale", "carried", "carried-empty"]))
    if kind in ("reviewed", "stale") and message.msgstr:
        message = stamp(message.replace(flags=()), "Maria Rossi", datetime.date(2026, 11, 21))
        if kind == "stale":
            message = message.replace(msgstr=message.msgstr + " changed")
    elif kind.startswith("carried"):
        comments = (*message.translator_comments, FIGURES_CARRIED)
        message = message.replace(flags=("fuzzy",), translator_comments=comments)
        if kind == "carried-empty":
            message = message.replace(msgstr="", previous_msgid=None)
    return message


def template_of(data: st.DataObject, catalogue: Sequence[Message]) -> list[TemplateEntry]:
    """A template the catalogue is in step with, or one edited since: entries dropped, added,
    moved, or with other references or comments."""
    draw = data.draw
    active = [m for m in catalogue if not m.obsolete and m.msgid_plural is None]
    template = [(m.msgctxt, m.msgid, m.references, m.extracted_comments) for m in active]
    if len(active) == sum(1 for m in catalogue if not m.obsolete) and draw(st.booleans()):
        return template  # in step, unless obsolete or plural entries say otherwise
    edits = draw(st.lists(st.sampled_from(["drop", "add", "move", "references", "comments"]), max_size=4))
    for edit in edits:
        where = draw(st.integers(0, len(template)))
        if edit == "add":
            template.insert(
                where, (None, f"new text {where} {len(template)}", (f"{SOURCE}:{where + 1}",), ("paragraph",))
            )
        elif template and where < len(template):
            context, msgid, references, comments = template[where]
            if edit == "drop":
                del template[where]
            elif edit == "move":
                template.append(template.pop(where))
            elif edit == "references":
                template[where] = (context, msgid, (*references, f"{SOURCE}:9999"), comments)
            else:
                template[where] = (context, msgid, references, (*comments, "list item"))
    distinct: dict[tuple[str | None, str], TemplateEntry] = {}
    for entry in template:
        distinct.setdefault((entry[0], entry[1]), entry)  # a template has each text once
    return list(distinct.values())


unique = st.lists(entries(), max_size=8, unique_by=lambda m: (m.obsolete, m.msgctxt, m.msgid))


@settings(max_examples=profile(300, 5000), deadline=None)
@given(unique, st.data())
def test_generated_catalogues_count_alike(catalogue: list[Message], data: st.DataObject) -> None:
    ordered = sorted(catalogue, key=lambda message: message.obsolete)
    text = format_catalogue(Catalogue(header_fields=HEADER, messages=tuple(ordered)))
    taken = assert_alike(text, template_of(data, ordered))
    if all(not m.obsolete and m.msgid_plural is None and "\r" not in m.msgid + m.msgstr for m in catalogue):
        assert taken or any(set(m.msgid + m.msgstr + (m.msgctxt or "")) - set(PRINTABLE) for m in catalogue)


PRINTABLE = "".join(chr(code) for code in range(32, 0x2028)) + "\n\t"


@settings(max_examples=profile(300, 5000), deadline=None)
@given(unique, st.data(), st.integers(min_value=0, max_value=2**32))
def test_broken_catalogues_count_alike_or_fail_alike(catalogue: list[Message], data: st.DataObject, seed: int) -> None:
    ordered = sorted(catalogue, key=lambda message: message.obsolete)
    lines = format_catalogue(Catalogue(header_fields=HEADER, messages=tuple(ordered))).split("\n")
    damage(lines, random.Random(seed), [*JUNK, 'msgid ""', '"Language it\\n"', '"Plural-Forms: x\\n"'])
    assert_alike("\n".join(lines), template_of(data, ordered))


A = (None, "a", (f"{SOURCE}:1",), ("paragraph",))
B = ("ctx", "b", (f"{SOURCE}:3", f"{SOURCE}:5"), ("heading 2", "list item"))


@pytest.mark.parametrize(
    ("text", "template", "taken"),
    [
        pytest.param('#. paragraph\n#: content/x.md:1\nmsgid "a"\nmsgstr "x"\n', [A], True, id="in-step"),
        pytest.param('#. paragraph\n#: content/x.md:1\nmsgid "a"\nmsgstr "x"\n', [B, A], True, id="one-missing"),
        pytest.param(
            '#. heading 2\n#. list item\n#: content/x.md:3\n#: content/x.md:5\nmsgctxt "ctx"\nmsgid "b"\nmsgstr ""\n',
            [B],
            True,
            id="references-on-two-lines",
        ),
        pytest.param(
            '#. paragraph\n#: content/x.md:1\nmsgid "a"\nmsgstr ""\n""\n', [A], True, id="empty-in-two-strings"
        ),
        pytest.param('#: content/x.md:1\n#. paragraph\nmsgid "a"\nmsgstr "x"\n', [A], True, id="comments-out-of-order"),
        pytest.param('msgid ""\nmsgstr "Language it\\n"\n\nmsgid "a"\nmsgstr "x"\n', [A], False, id="bad-header"),
        pytest.param('msgid "a"\nmsgstr "x"\n\nmsgid ""\nmsgstr ""\n', [A], False, id="header-not-first"),
        pytest.param('msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', [A], False, id="duplicate"),
        pytest.param(
            'msgctxt "c"\nmsgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', [A], True, id="same-text-contexts"
        ),
        pytest.param('msgid "a"\nmsgstr "x"\n\n#~ msgid "b"\n#~ msgstr "y"\n', [A], False, id="obsolete"),
        pytest.param('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\n', [A], False, id="plural"),
        pytest.param('#, fuzzy\n# figures carried by i18ntool\nmsgid "a"\nmsgstr ""\n', [A], True, id="carried-empty"),
        pytest.param("", [A], True, id="empty-file"),
        pytest.param('msgid "a"\nmsgstr "x"\n"', [A], False, id="unterminated"),
    ],
)
def test_hostile_catalogues_count_alike(text: str, template: list[TemplateEntry], taken: bool) -> None:
    assert assert_alike(text, template) is taken


def test_the_shipped_catalogues_count_alike() -> None:
    from i18ntool.documents import load_documents
    from i18ntool.targets import template_entries

    for document in load_documents(PROJECT):
        path = PROJECT.catalogue_path("it", document.id)
        if path.is_file():
            assert assert_alike(path.read_text(encoding="utf-8"), template_entries(document)), path


def test_a_tally_keeps_columns_not_entries() -> None:
    text = 'msgid ""\nmsgstr "Language: it\\n"\n\n#. paragraph\n#: content/x.md:1\nmsgid "a"\nmsgstr "x"\n'
    tally = read_states(text.encode("utf-8"), NAME)
    assert tally == Tally([None], ["a"], [f"{SOURCE}:1"], [("paragraph",)], bytearray([2]))


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "caf\xe9"\nmsgstr "x"\n'.encode(
                "latin-1"
            ),
            id="latin-1",
        ),
        pytest.param(b'msgid "a"\nmsgstr "\xff"\n', id="not-utf-8"),
        pytest.param(b'\xef\xbb\xbfmsgid "a"\nmsgstr "x"\n', id="byte-order-mark"),
        pytest.param(b'msgid "a"\nmsgstr "x\x00"\n', id="nul"),
        pytest.param(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=NOPE\\n"\n', id="unknown-charset"),
    ],
)
def test_other_bytes_are_left_to_the_model(data: bytes) -> None:
    """Bytes not in UTF-8 as declared (another charset, broken, a byte order mark, a NUL) are
    read by the model, which gives its catalogue or its error."""
    try:
        expected: object = parse_catalogue(data, NAME)
    except CatalogueError as error:
        expected = str(error)
    try:
        given: object = read_states(data, NAME)
    except CatalogueError as error:
        given = str(error)
    assert given == expected
