"""Tests for ``i18ntool.po.layout``: exact layouts, and agreement with GNU gettext's ``msgcat``.

The msgcat tests check the property the module exists for: what ``format_catalogue`` writes is
a fixed point of ``msgcat`` (gettext 0.21 with libunistring 1.0), and ``msgfmt -c`` accepts it.
They are skipped when gettext is not installed. The property test lays out 50 generated
catalogues by default and 5,000 with ``I18NTOOL_PROFILE=long`` (the format-string one a
quarter of that, at least 20).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.po.layout import escape, format_catalogue, format_message, holds_layout, normalise_flags
from tests.conftest import profile

MSGCAT = shutil.which("msgcat")
MSGFMT = shutil.which("msgfmt")
needs_gettext = pytest.mark.skipif(
    MSGCAT is None or MSGFMT is None,
    reason="GNU gettext's msgcat and msgfmt are not installed; cannot compare with them",
)

HEADER = (
    ("Project-Id-Version", "press-site 2.1"),
    ("Report-Msgid-Bugs-To", "press@example.org"),
    ("POT-Creation-Date", "2024-03-01 09:30+0100"),
    ("PO-Revision-Date", "2024-03-04 18:12+0100"),
    ("Last-Translator", "Maria Rossi <maria@example.org>"),
    ("Language-Team", "Italian <it@example.org>"),
    ("Language", "it"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
    ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
)

HEADER_TEXT = """\
msgid ""
msgstr ""
"Project-Id-Version: press-site 2.1\\n"
"Report-Msgid-Bugs-To: press@example.org\\n"
"POT-Creation-Date: 2024-03-01 09:30+0100\\n"
"PO-Revision-Date: 2024-03-04 18:12+0100\\n"
"Last-Translator: Maria Rossi <maria@example.org>\\n"
"Language-Team: Italian <it@example.org>\\n"
"Language: it\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


def catalogue(*messages: Message, **header: object) -> Catalogue:
    return Catalogue(header_fields=HEADER, messages=messages).replace(**header)


# ---------------------------------------------------------------------------------------------
# Running gettext
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("poformat")


def run_msgcat(po_text: str, workdir: Path, *options: str) -> str:
    """What msgcat writes for ``po_text`` (plain ``msgcat FILE``, output on stdout)."""
    assert MSGCAT is not None
    path = workdir / "input.po"
    path.write_bytes(po_text.encode("utf-8"))
    result = subprocess.run([MSGCAT, *options, str(path)], capture_output=True)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout.decode("utf-8")


def assert_gettext_agrees(text: str, workdir: Path, *options: str) -> None:
    """``text`` is a fixed point of msgcat, both to stdout and with ``-o -``; msgfmt -c passes."""
    assert MSGFMT is not None
    # msgcat writes nothing for a file with nothing but the header (no blank line separating
    # entries) unless given --force-po.
    options += ("--force-po",) if "\n\n" not in text else ()
    assert run_msgcat(text, workdir, *options) == text
    assert run_msgcat(text, workdir, *options, "-o", "-") == text
    path = workdir / "input.po"
    result = subprocess.run([MSGFMT, "-c", "-o", os.devnull, str(path)], capture_output=True)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")


# ---------------------------------------------------------------------------------------------
# Exact layouts (each also checked against msgcat below)
# ---------------------------------------------------------------------------------------------

LONG_EN = (
    "The festival opens on Friday with a concert in the main square, followed by a "
    "week of screenings, talks and workshops for schools across the whole region."
)
LONG_IT = (
    "Il festival si apre venerdì con un concerto in piazza: seguirà una settimana di "
    "proiezioni, incontri e laboratori per le scuole di tutta la regione."
)

CASES = [
    pytest.param(
        Message(msgid="Press release", msgstr="Comunicato stampa"),
        'msgid "Press release"\nmsgstr "Comunicato stampa"\n',
        id="short",
    ),
    pytest.param(
        Message(msgid=LONG_EN, msgstr=LONG_IT),
        'msgid ""\n'
        '"The festival opens on Friday with a concert in the main square, followed by "\n'
        '"a week of screenings, talks and workshops for schools across the whole "\n'
        '"region."\n'
        'msgstr ""\n'
        '"Il festival si apre venerdì con un concerto in piazza: seguirà una settimana "\n'
        '"di proiezioni, incontri e laboratori per le scuole di tutta la regione."\n',
        id="long-paragraph",
    ),
    pytest.param(
        Message(msgid="First line\nSecond line\nThird", msgstr="Prima riga\nSeconda riga\nTerza"),
        'msgid ""\n"First line\\n"\n"Second line\\n"\n"Third"\n'
        'msgstr ""\n"Prima riga\\n"\n"Seconda riga\\n"\n"Terza"\n',
        id="embedded-newlines",
    ),
    pytest.param(
        Message(msgid="Done.\n", msgstr="Fatto.\n"),
        'msgid "Done.\\n"\nmsgstr "Fatto.\\n"\n',
        id="trailing-newline",
    ),
    pytest.param(
        Message(msgid="\n\n", msgstr="\n\n"),
        'msgid ""\n"\\n"\n"\\n"\nmsgstr ""\n"\\n"\n"\\n"\n',
        id="only-newlines",
    ),
    pytest.param(
        Message(msgid='Say "hi"\tthen C:\\path\\to\\file', msgstr="Di' «ciao»\te poi C:\\percorso"),
        'msgid "Say \\"hi\\"\\tthen C:\\\\path\\\\to\\\\file"\nmsgstr "Di\' «ciao»\\te poi C:\\\\percorso"\n',
        id="escapes",
    ),
    pytest.param(
        Message(msgctxt="menu", msgid="Open", msgstr="Apri"),
        'msgctxt "menu"\nmsgid "Open"\nmsgstr "Apri"\n',
        id="msgctxt",
    ),
    pytest.param(
        Message(
            msgid="%d photo",
            msgid_plural="%d photos",
            msgstr_plural=("%d foto", "%d foto"),
            flags=("python-format",),
        ),
        '#, python-format\nmsgid "%d photo"\nmsgid_plural "%d photos"\nmsgstr[0] "%d foto"\nmsgstr[1] "%d foto"\n',
        id="plural",
    ),
    pytest.param(
        Message(msgid="%d photo", msgid_plural="%d photos"),
        'msgid "%d photo"\nmsgid_plural "%d photos"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        id="plural-untranslated",
    ),
    pytest.param(
        Message(
            msgid="Hello %(name)s",
            msgstr="Ciao %(name)s",
            flags=("python-format", "fuzzy", "wrap"),
        ),
        '#, fuzzy, python-format\nmsgid "Hello %(name)s"\nmsgstr "Ciao %(name)s"\n',
        id="flags",
    ),
    pytest.param(
        Message(msgid="Untranslated", flags=("fuzzy",)),
        'msgid "Untranslated"\nmsgstr ""\n',
        id="fuzzy-untranslated",
    ),
    pytest.param(
        Message(
            msgid="The new release is out",
            msgstr="La nuova versione è uscita",
            flags=("fuzzy",),
            previous_msgid="The release is out",
        ),
        '#, fuzzy\n#| msgid "The release is out"\n'
        'msgid "The new release is out"\nmsgstr "La nuova versione è uscita"\n',
        id="previous-msgid",
    ),
    pytest.param(
        Message(
            msgid="Old headline for the spring campaign, no longer used anywhere in the site",
            msgstr="Vecchio titolo per la campagna di primavera, non più usato da nessuna parte",
            obsolete=True,
            flags=("fuzzy",),
            translator_comments=("Checked by the press office",),
            extracted_comments=("Heading",),
            references=("content/old.md:4",),
            previous_msgctxt="campaign",
            previous_msgid="Old headline for the campaign",
        ),
        "# Checked by the press office\n"
        "#. Heading\n"
        "#: content/old.md:4\n"
        "#, fuzzy\n"
        '#~| msgctxt "campaign"\n'
        '#~| msgid "Old headline for the campaign"\n'
        '#~ msgid ""\n'
        '#~ "Old headline for the spring campaign, no longer used anywhere in the site"\n'
        '#~ msgstr ""\n'
        '#~ "Vecchio titolo per la campagna di primavera, non più usato da nessuna "\n'
        '#~ "parte"\n',
        id="obsolete",
    ),
    pytest.param(Message(msgid="Gone", obsolete=True), "", id="obsolete-untranslated"),
    pytest.param(
        Message(
            msgid="Contacts",
            msgstr="Contatti",
            references=tuple(f"content/press/2024-{m:02d}-release.md:{m * 7}" for m in range(1, 10))
            + ("./content/about.md:3", "content/about.md:3"),
        ),
        "#: content/press/2024-01-release.md:7 content/press/2024-02-release.md:14\n"
        "#: content/press/2024-03-release.md:21 content/press/2024-04-release.md:28\n"
        "#: content/press/2024-05-release.md:35 content/press/2024-06-release.md:42\n"
        "#: content/press/2024-07-release.md:49 content/press/2024-08-release.md:56\n"
        "#: content/press/2024-09-release.md:63 content/about.md:3\n"
        'msgid "Contacts"\nmsgstr "Contatti"\n',
        id="references",
    ),
    pytest.param(
        Message(
            msgid="Tickets",
            msgstr="Biglietti",
            translator_comments=("Keep it short", ""),
            extracted_comments=("Button label",),
        ),
        '# Keep it short\n#\n#. Button label\nmsgid "Tickets"\nmsgstr "Biglietti"\n',
        id="comments",
    ),
    pytest.param(
        Message(
            msgid="“Quotes” and l’amico’s café — naïve résumé in Città di Castello, più o meno: perché sì.",
            msgstr="«Virgolette» e il caffè dell’amico — ingenuo curriculum a Città di Castello, "
            "più o meno: perché sì.",
        ),
        'msgid ""\n'
        '"“Quotes” and l’amico’s café — naïve résumé in Città di Castello, più o meno: "\n'
        '"perché sì."\n'
        'msgstr ""\n'
        '"«Virgolette» e il caffè dell’amico — ingenuo curriculum a Città di Castello, "\n'
        '"più o meno: perché sì."\n',
        id="non-ascii",
    ),
    pytest.param(
        Message(
            msgid="Tokyo office",
            msgstr="東京オフィスは月曜日から金曜日まで、午前九時から午後六時まで営業しています。"
            "お問い合わせはメールでお願いします。",
        ),
        'msgid "Tokyo office"\nmsgstr ""\n'
        '"東京オフィスは月曜日から金曜日まで、午前九時から午後六時まで営業しています。"\n'
        '"お問い合わせはメールでお願いします。"\n',
        id="cjk-double-width",
    ),
    pytest.param(
        Message(
            msgid="Read the full statement at "
            "https://www.example.com/press/2024/statements/full-text-of-the-statement.html today.",
            msgstr="Leggi il testo completo su "
            "https://www.example.com/press/2024/statements/full-text-of-the-statement.html oggi.",
        ),
        'msgid ""\n'
        '"Read the full statement at https://www.example.com/press/2024/statements/"\n'
        '"full-text-of-the-statement.html today."\n'
        'msgstr ""\n'
        '"Leggi il testo completo su https://www.example.com/press/2024/statements/"\n'
        '"full-text-of-the-statement.html oggi."\n',
        id="url",
    ),
    pytest.param(
        Message(
            msgid="Aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaa aaaaaaaaaa www.example.com and more"
        ),
        'msgid ""\n'
        '"Aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaaa aaaaaaaaaa aaaaaaa aaaaaaaaaa www."\n'
        '"example.com and more"\n'
        'msgstr ""\n',
        id="break-after-dot",
    ),
    pytest.param(
        Message(msgid="A well-known, long-standing, award-winning, world-class, state-of-the-art, much-loved venue."),
        'msgid ""\n'
        '"A well-known, long-standing, award-winning, world-class, state-of-the-art, "\n'
        '"much-loved venue."\n'
        'msgstr ""\n',
        id="hyphens",
    ),
    pytest.param(
        Message(msgid="x" * 90, msgstr="y" * 70 + " " + "z" * 10),
        f'msgid "{"x" * 90}"\nmsgstr ""\n"{"y" * 70} "\n"{"z" * 10}"\n',
        id="unbreakable-word",
    ),
    pytest.param(
        Message(msgid=LONG_EN, msgstr=LONG_IT, flags=("no-wrap",)),
        f'#, no-wrap\nmsgid "{LONG_EN}"\nmsgstr "{LONG_IT}"\n',
        id="no-wrap",
    ),
    pytest.param(
        Message(
            msgid="Please note that the number of characters typed into this box %(count-of-chars)s characters.",
            flags=("python-format",),
        ),
        "#, python-format\n"
        'msgid ""\n'
        '"Please note that the number of characters typed into this box "\n'
        '"%(count-of-chars)s characters."\n'
        'msgstr ""\n',
        id="python-directive-kept-whole",
    ),
    pytest.param(
        Message(
            msgid="Could not save the file because the disk is full or the server answered no %-s (left-aligned).",
            flags=("c-format",),
        ),
        "#, c-format\n"
        'msgid ""\n'
        '"Could not save the file because the disk is full or the server answered no "\n'
        '"%-s (left-aligned)."\n'
        'msgstr ""\n',
        id="c-directive-kept-whole",
    ),
    pytest.param(
        # gettext 0.21 misplaces Python brace directives: it protects the first bytes of the
        # string (as long as the first directive) instead of the directives themselves.
        Message(msgid="ab cd ef " + "x" * 75 + " {obj.attr}", flags=("python-brace-format",)),
        f'#, python-brace-format\nmsgid ""\n"ab cd ef {"x" * 75} "\n"{{obj.attr}}"\nmsgstr ""\n',
        id="python-brace-quirk",
    ),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_format_message(message: Message, expected: str) -> None:
    assert format_message(message) == expected


@needs_gettext
@pytest.mark.parametrize(("message", "expected"), CASES)
def test_cases_are_what_msgcat_writes(message: Message, expected: str, workdir: Path) -> None:
    text = format_catalogue(catalogue(message))
    assert text == HEADER_TEXT + ("\n" + expected if expected else "")
    assert_gettext_agrees(text, workdir)


def test_header_comments_fuzzy_and_obsolete_order(workdir: Path) -> None:
    cat = catalogue(
        Message(msgid="Old", msgstr="Vecchio", obsolete=True),
        Message(msgid="New", msgstr="Nuovo"),
        Message(msgid="Dropped", obsolete=True),
        header_comments=("Italian translation of the press site.", "", "  Indented note."),
        header_flags=("fuzzy",),
    )
    text = format_catalogue(cat)
    assert text == (
        "# Italian translation of the press site.\n"
        "#\n"
        "#   Indented note.\n"
        "#, fuzzy\n" + HEADER_TEXT + '\nmsgid "New"\nmsgstr "Nuovo"\n' + '\n#~ msgid "Old"\n#~ msgstr "Vecchio"\n'
    )
    if MSGCAT and MSGFMT:
        assert_gettext_agrees(text, workdir)


def test_short_header_stays_on_the_msgstr_line(workdir: Path) -> None:
    cat = Catalogue(header_fields=(("Content-Type", "text/plain; charset=UTF-8"),), messages=(Message(msgid="a"),))
    text = format_catalogue(cat)
    assert text == 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr ""\n'
    if MSGCAT:
        assert run_msgcat(text, workdir) == text


def test_empty_header_drops_fuzzy(workdir: Path) -> None:
    cat = Catalogue(header_flags=("fuzzy",), messages=(Message(msgid="a"),))
    text = format_catalogue(cat)
    assert text == 'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr ""\n'
    if MSGCAT:
        assert run_msgcat(text, workdir) == text


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        pytest.param(30, 'msgid ""\n"The festival opens on "\n"Friday with a concert in "\n', id="30"),
        pytest.param(5, 'msgid ""\n"The festival "\n"opens on Friday "\n', id="below-20-is-20"),
        pytest.param(0, f'msgid "{LONG_EN}"\n', id="0-is-no-wrap"),
        pytest.param(120, 'msgid ""\n"{}"\n"for schools'.format(LONG_EN.split("for schools")[0]), id="120"),
    ],
)
def test_width(width: int, expected: str, workdir: Path) -> None:
    message = Message(msgid=LONG_EN, references=tuple(f"content/page-{n}.md:{n}" for n in range(1, 20)))
    text = format_message(message, width)
    assert text[text.index("msgid ") :].startswith(expected)
    if MSGCAT and MSGFMT:
        assert_gettext_agrees(format_catalogue(catalogue(message), width), workdir, f"--width={width}")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        pytest.param(
            Message(msgid="Hello", msgstr="Ciao", flags=("python-format", "my-tool-flag", "fuzzy")),
            '#, fuzzy, python-format, my-tool-flag\nmsgid "Hello"\nmsgstr "Ciao"\n',
            id="unknown-flag-kept-last",
        ),
        pytest.param(
            Message(
                msgid="Hello",
                msgstr="Ciao",
                flags=("c-format", "fuzzy", "approved"),
                equals_line_flags=("fuzzy", "approved"),
            ),
            '#, c-format\n#= fuzzy, approved\nmsgid "Hello"\nmsgstr "Ciao"\n',
            id="equals-line-kept",
        ),
        pytest.param(
            Message(msgid="Hello", msgstr="Ciao", flags=("approved",), equals_line_flags=("fuzzy", "approved")),
            '#= approved\nmsgid "Hello"\nmsgstr "Ciao"\n',
            id="flag-removed-from-equals-line",
        ),
        pytest.param(
            Message(msgid="Hello", msgstr="", flags=("fuzzy", "reviewed"), equals_line_flags=("fuzzy",)),
            '#, reviewed\nmsgid "Hello"\nmsgstr ""\n',
            id="untranslated-drops-fuzzy-on-either-line",
        ),
    ],
)
def test_flags_gettext_021_does_not_know_are_kept(message: Message, expected: str) -> None:
    """gettext's manual ("Evolution of the PO File Format"): tools that read and write PO
    files keep the flags they do not know, and flags of a "#=" line on that line. msgcat
    0.21 drops both, so these cases are not held against it."""
    assert format_message(message) == expected


def test_escape() -> None:
    assert escape('a"b\\c\nd\te\rf\ag\bh\fi\vj\x01k') == 'a\\"b\\\\c\\nd\\te\\rf\\ag\\bh\\fi\\vj\x01k'


_ESCAPED_ONE_BY_ONE = str.maketrans(
    {
        "\\": "\\\\",
        '"': '\\"',
        "\a": "\\a",
        "\b": "\\b",
        "\f": "\\f",
        "\n": "\\n",
        "\r": "\\r",
        "\t": "\\t",
        "\v": "\\v",
    }
)


@given(st.text(alphabet=st.sampled_from('ab "\\\a\b\f\n\r\t\v\x00\x1b\u00a0\u200bà€😀') | st.characters(), max_size=30))
@settings(max_examples=profile(500, 5000))
def test_escape_gives_each_character_its_escape(text: str) -> None:
    """The quick answer for a text with nothing to escape, and the pattern for the others,
    give what mapping each character to its escape gives."""
    assert escape(text) == text.translate(_ESCAPED_ONE_BY_ONE)


@pytest.mark.parametrize(
    ("flags", "translated", "expected"),
    [
        (("python-format", "fuzzy"), True, ("fuzzy", "python-format")),
        (("fuzzy",), False, ()),
        (("python-brace-format", "c-format", "no-perl-format"), True,
         ("c-format", "python-brace-format", "no-perl-format")),
        (("possible-c-format", "impossible-python-format"), True, ("c-format",)),
        (("no-wrap", "wrap", "range: 1..5", "unknown"), True, ("range: 1..5", "unknown")),
        (("approved", "fuzzy", "rust-format"), True, ("fuzzy", "approved", "rust-format")),
        (("range: 5..1", "no-wrap"), True, ("no-wrap",)),
        (("fuzzy, c-format",), True, ("fuzzy", "c-format")),
    ],
)  # fmt: skip
def test_normalise_flags(flags: tuple[str, ...], translated: bool, expected: tuple[str, ...]) -> None:
    assert normalise_flags(flags, translated) == expected


# ---------------------------------------------------------------------------------------------
# Hand-written catalogues: msgcat's rewrite of the file equals our layout of its content
# ---------------------------------------------------------------------------------------------

PRESS_PO = """\
# Italian translations for the press site.
# Copyright (C) 2024 Example Press Office
# Maria Rossi <maria@example.org>, 2024.
#
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: press-site 2.1\\n"
"Report-Msgid-Bugs-To: press@example.org\\n"
"POT-Creation-Date: 2024-03-01 09:30+0100\\n"
"PO-Revision-Date: 2024-03-04 18:12+0100\\n"
"Last-Translator: Maria Rossi <maria@example.org>\\n"
"Language-Team: Italian <it@example.org>\\n"
"Language: it\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#: ./content/press/2024-03-spring-festival.md:1
msgid "Spring festival returns to the old town"
msgstr "Il festival di primavera torna nel centro storico"

#: content/press/2024-03-spring-festival.md:3
msgid "After two years away, the spring festival returns to the old town with more than forty events, from open-air concerts to guided walks along the river."
msgstr "Dopo due anni di assenza, il festival di primavera torna nel centro storico con più di quaranta eventi, dai concerti all’aperto alle passeggiate guidate lungo il fiume."

#~ msgid "Press contact: Anna Bianchi"
#~ msgstr "Contatto stampa: Anna Bianchi"

#: content/press/2024-03-spring-festival.md:5
#, python-format
msgid "%(count)d event"
msgid_plural "%(count)d events"
msgstr[0] "%(count)d evento"
msgstr[1] "%(count)d eventi"

#. Label of the download button
#: content/press/2024-03-spring-festival.md:9 content/press/2024-03-spring-festival.md:27 content/press/2024-03-spring-festival.md:41
msgctxt "button"
msgid "Download"
msgstr "Scarica"

#: content/press/2024-03-spring-festival.md:11
#, python-format, fuzzy
#| msgid "Tickets are on sale from 1 March at the usual outlets."
msgid "Tickets are on sale from 4 March at the usual outlets and on the festival website, %(url)s."
msgstr "I biglietti sono in vendita dal 1° marzo nei soliti punti vendita, %(url)s."

#, fuzzy
#~| msgid "The programme will be announced in February."
#~ msgid "The full programme will be announced at a press conference in February at the town hall."
#~ msgstr "Il programma completo sarà presentato in febbraio in una conferenza stampa in municipio."
"""

PRESS = Catalogue(
    header_fields=HEADER,
    header_comments=(
        "Italian translations for the press site.",
        "Copyright (C) 2024 Example Press Office",
        "Maria Rossi <maria@example.org>, 2024.",
        "",
    ),
    header_flags=("fuzzy",),
    messages=(
        Message(
            msgid="Spring festival returns to the old town",
            msgstr="Il festival di primavera torna nel centro storico",
            references=("./content/press/2024-03-spring-festival.md:1",),
        ),
        Message(
            msgid="After two years away, the spring festival returns to the old town with more "
            "than forty events, from open-air concerts to guided walks along the river.",
            msgstr="Dopo due anni di assenza, il festival di primavera torna nel centro storico "
            "con più di quaranta eventi, dai concerti all’aperto alle passeggiate guidate lungo "
            "il fiume.",
            references=("content/press/2024-03-spring-festival.md:3",),
        ),
        Message(
            msgid="Press contact: Anna Bianchi",
            msgstr="Contatto stampa: Anna Bianchi",
            obsolete=True,
        ),
        Message(
            msgid="%(count)d event",
            msgid_plural="%(count)d events",
            msgstr_plural=("%(count)d evento", "%(count)d eventi"),
            flags=("python-format",),
            references=("content/press/2024-03-spring-festival.md:5",),
        ),
        Message(
            msgctxt="button",
            msgid="Download",
            msgstr="Scarica",
            extracted_comments=("Label of the download button",),
            references=tuple(f"content/press/2024-03-spring-festival.md:{n}" for n in (9, 27, 41)),
        ),
        Message(
            msgid="Tickets are on sale from 4 March at the usual outlets and on the festival website, %(url)s.",
            msgstr="I biglietti sono in vendita dal 1° marzo nei soliti punti vendita, %(url)s.",
            flags=("python-format", "fuzzy"),
            previous_msgid="Tickets are on sale from 1 March at the usual outlets.",
            references=("content/press/2024-03-spring-festival.md:11",),
        ),
        Message(
            msgid="The full programme will be announced at a press conference in February at the town hall.",
            msgstr="Il programma completo sarà presentato in febbraio in una conferenza stampa in municipio.",
            flags=("fuzzy",),
            previous_msgid="The programme will be announced in February.",
            obsolete=True,
        ),
    ),
)

MARKDOWN_PO = """\
msgid ""
msgstr "Project-Id-Version: press-site 2.1\\n"
"Language: it\\nMIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

# Keep the Markdown list markers.
#: content/about.md:12
msgid "Our partners:\\n\\n- the City Council\\n- the Regional Film Fund\\n- “Amici del Cinema”, the volunteers’ association that has run the open-air screenings since 1998\\n"
msgstr "I nostri partner:\\n\\n- il Comune\\n- il Fondo regionale per il cinema\\n- «Amici del Cinema», l’associazione di volontari che organizza le proiezioni all’aperto dal 1998\\n"

#: content/about.md:20
msgctxt "photo caption"
msgid "%d photo by the press office"
msgid_plural "%d photos by the press office, free to use with credit (see https://www.example.org/press/photo-credits/)"
msgstr[0] "%d foto dell’ufficio stampa"
msgstr[1] "%d foto dell’ufficio stampa, libere da diritti citando la fonte (vedi https://www.example.org/press/photo-credits/)"

#, fuzzy
#~| msgid "%d photo"
#~| msgid_plural "%d photos by the press office, free to use with credit and a link to the site"
#~ msgid "%d image"
#~ msgid_plural "%d images"
#~ msgstr[0] "%d immagine"
#~ msgstr[1] "%d immagini"

#~ msgid "Never translated, so msgcat drops it"
#~ msgstr ""

#. Table cell; "N/D" means not available.
#: content/about.md:31
msgid "Opening hours:\\tMon–Fri 9–18\\tSat 10–13 \\"by appointment\\" \\\\ see notes"
msgstr "Orari:\\tlun–ven 9–18\\tsab 10–13 \\"su appuntamento\\" \\\\ vedi note"
"""

MARKDOWN = Catalogue(
    header_fields=(
        ("Project-Id-Version", "press-site 2.1"),
        ("Language", "it"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
    ),
    messages=(
        Message(
            msgid="Our partners:\n\n- the City Council\n- the Regional Film Fund\n- “Amici del "
            "Cinema”, the volunteers’ association that has run the open-air screenings since "
            "1998\n",
            msgstr="I nostri partner:\n\n- il Comune\n- il Fondo regionale per il cinema\n- "
            "«Amici del Cinema», l’associazione di volontari che organizza le proiezioni "
            "all’aperto dal 1998\n",
            translator_comments=("Keep the Markdown list markers.",),
            references=("content/about.md:12",),
        ),
        Message(
            msgctxt="photo caption",
            msgid="%d photo by the press office",
            msgid_plural="%d photos by the press office, free to use with credit (see "
            "https://www.example.org/press/photo-credits/)",
            msgstr_plural=(
                "%d foto dell’ufficio stampa",
                "%d foto dell’ufficio stampa, libere da diritti citando la fonte (vedi "
                "https://www.example.org/press/photo-credits/)",
            ),
            references=("content/about.md:20",),
        ),
        Message(
            msgid="%d image",
            msgid_plural="%d images",
            msgstr_plural=("%d immagine", "%d immagini"),
            flags=("fuzzy",),
            previous_msgid="%d photo",
            previous_msgid_plural="%d photos by the press office, free to use with credit and a link to the site",
            obsolete=True,
        ),
        Message(msgid="Never translated, so msgcat drops it", obsolete=True),
        Message(
            msgid='Opening hours:\tMon–Fri 9–18\tSat 10–13 "by appointment" \\ see notes',
            msgstr='Orari:\tlun–ven 9–18\tsab 10–13 "su appuntamento" \\ vedi note',
            extracted_comments=('Table cell; "N/D" means not available.',),
            references=("content/about.md:31",),
        ),
    ),
)


@needs_gettext
@pytest.mark.parametrize(
    ("po_text", "parsed"),
    [pytest.param(PRESS_PO, PRESS, id="press-release"), pytest.param(MARKDOWN_PO, MARKDOWN, id="markdown")],
)
def test_hand_written_catalogue(po_text: str, parsed: Catalogue, workdir: Path) -> None:
    expected = run_msgcat(po_text, workdir)
    assert format_catalogue(parsed) == expected
    assert_gettext_agrees(expected, workdir)


# ---------------------------------------------------------------------------------------------
# Property: msgcat leaves whatever we write unchanged
# ---------------------------------------------------------------------------------------------

ENGLISH = "the press release is out today and all our partners signed agreement festival".split()
ITALIAN = "perché città più è così già può né caffè virtù l’amico dell’uomo qualità attività".split()
SPECIAL = [
    "https://www.example.com/press/2024/festival-programme.html?lang=it&page=2",
    "www.example.org",
    "well-known",
    "state-of-the-art",
    "e-mail",
    "«virgolette»",
    "“citazione”",
    "‘singole’",
    "(parentesi)",
    "[link](https://example.com)",
    "**grassetto**",
    "10:30",
    "3.14",
    "1.000,50",
    "50%",
    "€10",
    "—",
    "–",
    "…",
    'x"y"',
    "back\\slash",
    "日本語",
    "😀",
    "naïve",
    "Ω",
]
PUNCTUATION = list(".,;:!?’'\"-/()«»“”…")
SEPARATORS = [" ", " ", " ", " ", "", "  ", "\n", " \n", "\t", "/", "-"]

words = st.one_of(
    st.sampled_from(ENGLISH),
    st.sampled_from(ITALIAN),
    st.sampled_from(SPECIAL),
    st.sampled_from(PUNCTUATION),
    st.text(alphabet="abcdefghilmnopqrstuvzàèéìòù", min_size=1, max_size=12),
    st.integers(40, 110).map(lambda n: "x" * n),  # longer than a line
)
texts = st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(word + separator for word, separator in parts)
)
# Comments are single lines, and never end with a backslash: gettext's reader would join the
# next line to such a comment (msgcat writes them all the same).
comments = st.lists(
    st.sampled_from(ENGLISH + ITALIAN + [w for w in SPECIAL if "\\" not in w] + PUNCTUATION), max_size=15
).map(" ".join)
references = st.builds(
    "content/{}/{}.md:{}".format,
    st.sampled_from(["press", "news", "a-rather-long-directory-name"]),
    st.text(alphabet="abcdefghij-", min_size=1, max_size=30),
    st.integers(1, 99999),
)


def like_msgid(msgid: str, value: str) -> str:
    """``value`` with a leading and trailing newline exactly where ``msgid`` has one (msgfmt -c)."""
    core = value.strip("\n")
    if not core:
        return ""
    return "\n" * msgid.startswith("\n") + core + "\n" * msgid.endswith("\n")


@st.composite
def messages(draw: st.DrawFn) -> Message:
    msgid = draw(texts.filter(lambda t: t.strip("\n")))
    plural = draw(st.booleans()) and draw(st.booleans())
    translated = draw(st.booleans()) or draw(st.booleans())
    obsolete = draw(st.integers(0, 9)) == 0
    fields: dict[str, object] = {
        "msgid": msgid,
        "msgctxt": draw(st.none() | comments),
        "flags": tuple(draw(st.lists(st.sampled_from(["fuzzy", "no-wrap", "wrap"]), max_size=2))),
        "translator_comments": tuple(draw(st.lists(comments, max_size=2))),
        "extracted_comments": tuple(draw(st.lists(comments, max_size=2))),
        "references": tuple(draw(st.lists(references, max_size=8))),
        "obsolete": obsolete,
    }
    if plural:
        msgid_plural = like_msgid(msgid, "plural " + draw(texts))
        forms = [like_msgid(msgid, draw(texts)) for _ in range(2)]
        fields["msgid_plural"] = msgid_plural
        fields["msgstr_plural"] = tuple(forms) if translated and all(forms) else ("", "")
    elif translated:
        fields["msgstr"] = like_msgid(msgid, draw(texts))
    if draw(st.integers(0, 4)) == 0:
        fields["previous_msgid"] = draw(texts)
        fields["previous_msgctxt"] = draw(st.none() | comments)
        if plural:
            fields["previous_msgid_plural"] = draw(st.none() | texts)
    return Message(**fields)  # type: ignore[arg-type]


EXAMPLES = profile(50, 5000)


@needs_gettext
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    batch=st.lists(messages(), min_size=1, max_size=25, unique_by=lambda m: (m.msgctxt, m.msgid)),
    header_comments=st.lists(comments, max_size=3),
    fuzzy_header=st.booleans(),
)
def test_msgcat_leaves_our_output_unchanged(
    batch: list[Message], header_comments: list[str], fuzzy_header: bool, workdir: Path
) -> None:
    cat = catalogue(
        *batch,
        header_comments=tuple(header_comments),
        header_flags=("fuzzy",) if fuzzy_header else (),
    )
    assert_gettext_agrees(format_catalogue(cat), workdir)


# Format directives: gettext never breaks inside one, when it recognises it (C and Python),
# and gets Python brace directives wrong in its own way. Untranslated entries, so that
# msgfmt -c has no translation to compare the directives with.
DIRECTIVE_PIECES = [
    "%", "%%", "%s", "%d", "% d", "%-s", "%-5s", "%1$s", "%'d", "%5.2f", "%zu", "%lhs", "%<PRId64>",
    "%(name)s", "%(a-b)s", "%(x y)d", "(", ")", "-", "+", "#", "0", "5", ".", "s", "d", "$",
    "{", "}", "{{", "}}", "{0}", "{name}", "{obj.attr}", "{a[b-c]}", "{x:>10}", "{x:{y}}", ":", "[", "]",
]  # fmt: skip
directive_texts = st.lists(
    st.tuples(st.one_of(st.sampled_from(DIRECTIVE_PIECES), words), st.sampled_from(SEPARATORS)), max_size=40
).map(lambda parts: "".join(word + separator for word, separator in parts))


@needs_gettext
@settings(max_examples=max(EXAMPLES // 4, 20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    batch=st.lists(
        st.builds(
            Message,
            msgid=directive_texts.filter(lambda t: t.strip("\n")),
            flags=st.sampled_from(["c-format", "python-format", "python-brace-format", "objc-format"]).map(
                lambda flag: (flag,)
            ),
            previous_msgid=st.none() | directive_texts,
        ),
        min_size=1,
        max_size=20,
        unique_by=lambda m: m.msgid,
    )
)
def test_msgcat_agrees_on_format_strings(batch: list[Message], workdir: Path) -> None:
    assert_gettext_agrees(format_catalogue(catalogue(*batch)), workdir)


@settings(max_examples=profile(100, 2000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    batch=st.lists(messages(), max_size=12, unique_by=lambda m: (m.msgctxt, m.msgid)),
    other=st.lists(messages(), max_size=12, unique_by=lambda m: (m.msgctxt, m.msgid)),
    cut=st.integers(min_value=0, max_value=2000),
    inserted=st.sampled_from(["", "\n", " ", "x", "é", '"']),
    removed=st.integers(min_value=0, max_value=3),
    width=st.sampled_from([0, 20, 79]),
)
def test_holds_layout_is_comparing_with_the_whole_layout(
    batch: list[Message], other: list[Message], cut: int, inserted: str, removed: int, width: int
) -> None:
    """``holds_layout`` (entry by entry, given up at the first that differs) says what
    comparing the bytes with the whole layout says: for the layout itself, the layout of
    another catalogue sharing its first entries, and either edited anywhere."""
    laid_out = format_catalogue(catalogue(*batch), width).encode("utf-8")
    shared = catalogue(*batch[: len(batch) // 2], *other)
    for data in (laid_out, format_catalogue(shared, width).encode("utf-8")):
        edited = data[:cut] + inserted.encode("utf-8") + data[cut + removed :]
        for text in (data, edited, data + b"\n", data[:-1]):
            assert holds_layout(text, catalogue(*batch), width) == (text == laid_out)
