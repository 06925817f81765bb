"""`update` with the `translation-memories` setting: exact matches as translated, close ones as
fuzzy, after the project's own catalogues; broken memories stop it before it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from i18ntool.cli import main
from i18ntool.exchange.memory import TranslationMemories
from i18ntool.exchange.tmx import MemoryUnit, memory_tmx, read_tmx
from i18ntool.po.catalogue import Message
from i18ntool.po.catalogue_files import read_catalogue
from tests.conftest import requires_gettext, run_gettext, snapshot

AWARD = "russo-brothers-award"  # written in English
ANNOUNCEMENT = "annuncio-proiezione"  # written in Italian
MEMORY_SETTING = 'translation-memories = ["tm/*.tmx"]'

EXACT = "The film will be shown again at the Italian Cultural Institute in Los Angeles next spring."
EXACT_IT = "Il film sarà proiettato di nuovo all’Istituto Italiano di Cultura di Los Angeles la prossima primavera."
CLOSE = "Tickets for the screening in Rome are free and can be booked on the festival’s website until 30 May."
CLOSE_IN_MEMORY = (
    "Tickets for the screening in Milan are free and can be booked on the festival’s website until 30 May."
)
CLOSE_IT = (
    "I biglietti per la proiezione di Milano sono gratuiti e si prenotano sul sito del festival fino al 30 maggio."
)
UNRELATED = MemoryUnit("Our offices are closed in August.", "I nostri uffici sono chiusi ad agosto.")
FESTIVALS_TEXT = (
    "From the InFocus: Female Cinema programme at NewFilmmakers Los Angeles to Best Short at ETHOS, "
    "Alessia Crucitelli’s short film has made its mark on the festival circuit."
)


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), *arguments])


def set_memories(project: Path, setting: str = MEMORY_SETTING) -> None:
    config = project / "pyproject.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[tool.i18ntool]\n", f"[tool.i18ntool]\n{setting}\n", 1), encoding="utf-8")


def write_memory(project: Path, units: list[MemoryUnit], name: str = "agency.tmx") -> None:
    (project / "tm").mkdir(exist_ok=True)
    (project / "tm" / name).write_text(memory_tmx(units, "en", "it"), encoding="utf-8")


def add_paragraphs(project: Path, document: str, *paragraphs: str) -> None:
    source = project / "content" / f"{document}.md"
    source.write_text(source.read_text(encoding="utf-8") + "".join(f"\n{text}\n" for text in paragraphs), "utf-8")


def entry(project: Path, language: str, document: str, msgid: str) -> Message:
    catalogue = read_catalogue(project / "locales" / language / "LC_MESSAGES" / f"{document}.po")
    return next(message for message in catalogue.messages if message.msgid == msgid)


def test_update_takes_exact_matches_as_translated_and_close_ones_as_fuzzy_once(project_dir: Path) -> None:
    set_memories(project_dir)
    write_memory(project_dir, [UNRELATED, MemoryUnit(EXACT, EXACT_IT), MemoryUnit(CLOSE_IN_MEMORY, CLOSE_IT)])
    add_paragraphs(project_dir, AWARD, EXACT, CLOSE, "A paragraph no memory knows, about the cast and crew.")

    result = run(project_dir, "update")
    assert result.exit_code == 0, result.output
    assert (
        f"locales/it/LC_MESSAGES/{AWARD}.po: updated "
        "(3 new, 1 from translation memory, 1 fuzzy from translation memory)" in result.output
    )
    exact = entry(project_dir, "it", AWARD, EXACT)
    assert (exact.msgstr, exact.fuzzy, exact.previous_msgid) == (EXACT_IT, False, None)
    assert exact.translator_comments == ("from translation memory: tm/agency.tmx",)
    close = entry(project_dir, "it", AWARD, CLOSE)
    assert (close.msgstr, close.fuzzy, close.previous_msgid) == (CLOSE_IT, True, CLOSE_IN_MEMORY)
    assert close.translator_comments == ("from translation memory: tm/agency.tmx",)
    assert entry(project_dir, "it", AWARD, "A paragraph no memory knows, about the cast and crew.").msgstr == ""
    po = (project_dir / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po").read_text(encoding="utf-8")
    assert "# from translation memory: tm/agency.tmx\n" in po
    assert '#| msgid ""\n#| "Tickets for the screening in Milan' in po

    written = snapshot(project_dir)
    again = run(project_dir, "update")
    assert again.exit_code == 0, again.output
    assert snapshot(project_dir) == written
    check = run(project_dir, "update", "--check")
    assert check.exit_code == 0, check.output


def test_a_memory_serves_both_directions(project_dir: Path) -> None:
    """The same en/it memory gives the English catalogue of an Italian text its translation."""
    set_memories(project_dir)
    write_memory(project_dir, [MemoryUnit(EXACT, EXACT_IT)])
    add_paragraphs(project_dir, ANNOUNCEMENT, EXACT_IT)
    result = run(project_dir, "update")
    assert result.exit_code == 0, result.output
    assert entry(project_dir, "en", ANNOUNCEMENT, EXACT_IT).msgstr == EXACT


def test_the_projects_own_catalogues_win_over_the_memory(project_dir: Path) -> None:
    kept = entry(project_dir, "it", AWARD, "An Italian American story")
    assert kept.msgstr
    reused = entry(project_dir, "it", "festivals", FESTIVALS_TEXT).msgstr
    set_memories(project_dir)
    write_memory(
        project_dir,
        [MemoryUnit(kept.msgid, "Una storia qualunque"), MemoryUnit(FESTIVALS_TEXT, "Una traduzione dell’agenzia")],
    )
    add_paragraphs(project_dir, AWARD, FESTIVALS_TEXT)
    result = run(project_dir, "update")
    assert result.exit_code == 0, result.output
    assert "from translation memory" not in result.output
    assert entry(project_dir, "it", AWARD, kept.msgid) == kept
    taken = entry(project_dir, "it", AWARD, FESTIVALS_TEXT)
    assert (taken.msgstr, taken.translator_comments) == (reused, ())


BOMB = '<!DOCTYPE tmx [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'


def tmx(body: str, *, before: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{before}<tmx version="1.4">\n'
        f'<header srclang="en"/>\n<body>\n{body}\n</body>\n</tmx>\n'
    )


def tu(source: str, target: str, languages: tuple[str, str] = ("en", "it")) -> str:
    return (
        f'<tu><tuv xml:lang="{languages[0]}"><seg>{source}</seg></tuv>'
        f'<tuv xml:lang="{languages[1]}"><seg>{target}</seg></tuv></tu>'
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(tmx(tu("&b;", "x"), before=BOMB), "tm/agency.tmx:3: entity declaration 'a' refused", id="bomb"),
        pytest.param(
            tmx(tu("a", "b") + "<tu>"), "tm/agency.tmx:6: not well-formed XML: mismatched tag", id="malformed"
        ),
        pytest.param(
            tmx(tu(EXACT, "Der Film", ("en", "de"))),
            "tm/agency.tmx:3: no translation unit holds both en and it; the memory's languages are en, de",
            id="other-languages",
        ),
        pytest.param(
            '<?xml version="1.0"?>\n<xliff version="2.1"/>\n',
            "tm/agency.tmx:2: not a TMX file: its root element is <xliff>, not <tmx>",
            id="not-tmx",
        ),
    ],
)
def test_a_broken_or_hostile_memory_stops_update_before_it_writes(project_dir: Path, text: str, message: str) -> None:
    set_memories(project_dir)
    (project_dir / "tm").mkdir()
    (project_dir / "tm" / "agency.tmx").write_text(text, encoding="utf-8")
    add_paragraphs(project_dir, AWARD, EXACT)
    before = snapshot(project_dir)
    result = run(project_dir, "update")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"i18ntool: {message}")
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert result.stdout == ""
    assert snapshot(project_dir) == before


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        pytest.param(
            'translation-memories = "tm/*.tmx"',
            "setting 'translation-memories' must be a list of strings, not 'tm/*.tmx'",
            id="not-a-list",
        ),
        pytest.param(
            'translation-memories = ["../elsewhere/*.tmx"]',
            "setting 'translation-memories' holds globs relative to the project's folder, "
            "such as \"tm/*.tmx\", not '../elsewhere/*.tmx'",
            id="outside-the-project",
        ),
        pytest.param(
            'translation-memories = ["/srv/tm/*.tmx"]',
            "setting 'translation-memories' holds globs relative to the project's folder, "
            "such as \"tm/*.tmx\", not '/srv/tm/*.tmx'",
            id="absolute",
        ),
    ],
)
def test_a_bad_setting_is_an_error_naming_its_line(project_dir: Path, setting: str, message: str) -> None:
    set_memories(project_dir, setting)
    line = (project_dir / "pyproject.toml").read_text(encoding="utf-8").splitlines().index(setting) + 1
    result = run(project_dir, "update")
    assert result.exit_code == 2
    assert result.stderr == f"i18ntool: {project_dir / 'pyproject.toml'}:{line}: {message}\n"


def test_a_glob_that_matches_nothing_is_fine(project_dir: Path) -> None:
    set_memories(project_dir, 'translation-memories = ["tm/*.tmx", "memories/**/*.tmx"]')
    before = snapshot(project_dir)
    result = run(project_dir, "update", "--check")
    assert result.exit_code == 0, result.output
    assert snapshot(project_dir) == before


# -- filling, directly ---------------------------------------------------------------------------


def memories(tmp_path: Path, *files: list[MemoryUnit]) -> TranslationMemories:
    read = []
    for number, units in enumerate(files):
        path = tmp_path / f"m{number}.tmx"
        path.write_text(memory_tmx(units, "en", "it"), encoding="utf-8")
        read.append(read_tmx(path, f"tm/m{number}.tmx"))
    return TranslationMemories(read)


@pytest.mark.parametrize(
    ("message", "files", "expected"),
    [
        pytest.param(
            Message("Close", msgctxt="button"),
            [[MemoryUnit("Close", "Vicino")], [MemoryUnit("Close", "Chiudi", context="button")]],
            Message("Close", "Chiudi", msgctxt="button", translator_comments=("from translation memory: tm/m1.tmx",)),
            id="same-context-first",
        ),
        pytest.param(
            Message("Close"),
            [[MemoryUnit("Close", "Vicino")], [MemoryUnit("Close", "Chiudi")]],
            Message("Close", "Vicino", translator_comments=("from translation memory: tm/m0.tmx",)),
            id="first-memory-first",
        ),
        pytest.param(
            Message("Close", "Chiudi"), [[MemoryUnit("Close", "Vicino")]], Message("Close", "Chiudi"), id="translated"
        ),
        pytest.param(
            Message("Close", "Chiudi", flags=("fuzzy",)),
            [[MemoryUnit("Close", "Vicino")]],
            Message("Close", "Chiudi", flags=("fuzzy",)),
            id="fuzzy",
        ),
        pytest.param(
            Message("Close", obsolete=True),
            [[MemoryUnit("Close", "Vicino")]],
            Message("Close", obsolete=True),
            id="obsolete",
        ),
        pytest.param(
            Message("Close", msgid_plural="Closes", msgstr_plural=("", "")),
            [[MemoryUnit("Close", "Vicino")]],
            Message("Close", msgid_plural="Closes", msgstr_plural=("", "")),
            id="plural",
        ),
        pytest.param(
            Message("Close", translator_comments=("from translation memory: tm/old.tmx", "ask Giulia")),
            [[MemoryUnit("Close", "Vicino")]],
            Message("Close", "Vicino", translator_comments=("ask Giulia", "from translation memory: tm/m0.tmx")),
            id="one-memory-comment",
        ),
        pytest.param(Message("Open"), [[MemoryUnit("Close", "Vicino")]], Message("Open"), id="nothing-alike"),
    ],
)
def test_fill(tmp_path: Path, message: Message, files: list[list[MemoryUnit]], expected: Message) -> None:
    (filled,), _ = memories(tmp_path, *files).fill([message], "en", "it")
    assert filled == expected


def test_no_filling_from_a_language_into_itself(tmp_path: Path) -> None:
    found = memories(tmp_path, [MemoryUnit("Close", "Vicino")])
    assert found.fill([Message("Close")], "en", "en")[0] == (Message("Close"),)


def test_the_projects_own_memory_gives_a_lost_catalogue_its_translations_back(project_dir: Path) -> None:
    """Export, delete a catalogue, `update` from the export: every finished translation is back,
    as translated (not reviewed: a review is a person's act, for this catalogue's text)."""
    catalogue = project_dir / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    finished = {
        message.msgid: message.msgstr
        for message in read_catalogue(catalogue).messages
        if message.msgstr and not message.fuzzy and not message.obsolete
    }
    # Texts that another Italian catalogue has translated come from there: the project first.
    elsewhere = {
        message.msgid
        for path in catalogue.parent.glob("*.po")
        if path != catalogue
        for message in read_catalogue(path).messages
        if message.msgstr and not message.fuzzy and not message.obsolete
    }
    assert (
        run(project_dir, "export", "--format", "tmx", "--locale", "it", "--out", str(project_dir / "tm")).exit_code == 0
    )
    set_memories(project_dir, 'translation-memories = ["tm/en-it.tmx"]')
    catalogue.unlink()
    result = run(project_dir, "update")
    assert result.exit_code == 0, result.output
    restored = read_catalogue(catalogue).messages
    assert {message.msgid: message.msgstr for message in restored if message.msgid in finished} == finished
    from_memory = {
        message.msgid
        for message in restored
        if message.translator_comments == ("from translation memory: tm/en-it.tmx",)
    }
    assert from_memory == set(finished) - elsewhere
    assert from_memory


@requires_gettext
def test_catalogues_filled_from_a_memory_pass_msgfmt_check(project_dir: Path) -> None:
    set_memories(project_dir)
    write_memory(project_dir, [MemoryUnit(EXACT, EXACT_IT), MemoryUnit(CLOSE_IN_MEMORY, CLOSE_IT)])
    add_paragraphs(project_dir, AWARD, EXACT, CLOSE)
    assert run(project_dir, "update").exit_code == 0
    catalogue = project_dir / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    checked = run_gettext("msgfmt", "-c", "-o", "/dev/null", catalogue)
    assert checked.returncode == 0, checked.stderr
    assert run_gettext("msgcat", catalogue).stdout == catalogue.read_bytes()
