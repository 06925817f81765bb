"""`i18ntool sheet`: the word diff, the rows of a sheet, and the sheets of the shipped kit."""

from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from i18ntool.checks.findings import Finding
from i18ntool.cli import main
from i18ntool.outputs.sheet.diff import Piece, new_text, old_text, word_diff
from i18ntool.outputs.sheet.rows import Row, rows_of, unplaced
from i18ntool.po.catalogue import Message
from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.states import FIGURES_CARRIED, State, stamp, state_of
from i18ntool.po.writer import write_catalogue
from i18ntool.targets import Entry
from tests.conftest import snapshot

IT = "locales/it/LC_MESSAGES"
EN = "locales/en/LC_MESSAGES"
AWARD = "russo-brothers-award"
HOSTILE_SOURCE = (
    "Hostile <script>document.title='pwned'</script> source "
    "\"><img src=x onerror=\"document.title='pwned'\"> and [a link](javascript:document.title='pwned')."
)
HOSTILE_TRANSLATION = (
    "Traduzione <script>document.title='pwned'</script> ostile "
    "\"><img src=x onerror=\"document.title='pwned'\"> e [un link](javascript:document.title='pwned')."
)


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)


# -- the word diff -----------------------------------------------------------------------------


def D(text: str) -> Piece:
    return Piece("deleted", text)


def I(text: str) -> Piece:  # noqa: E743
    return Piece("inserted", text)


def S(text: str) -> Piece:
    return Piece("same", text)


@pytest.mark.parametrize(
    ("old", "new", "pieces"),
    [
        pytest.param("A short film.", "A short film.", (S("A short film."),), id="unchanged"),
        pytest.param(
            "A short film.", "A long film.", (S("A "), D("short"), I("long"), S(" film.")), id="word-replaced"
        ),
        pytest.param(
            "A grant of $8,000.",
            "A grant of $8,500.",
            (S("A grant of $"), D("8,000"), I("8,500"), S(".")),
            id="figure-whole",
        ),
        pytest.param("The film won.", "The short film won.", (S("The "), I("short "), S("film won.")), id="inserted"),
        pytest.param("The short film won.", "The film won.", (S("The "), D("short "), S("film won.")), id="deleted"),
        pytest.param(
            "They were short trips, able to hold together landscape.",
            "On those outings landscape.",
            (D("They were short trips, able to hold together"), I("On those outings"), S(" landscape.")),
            id="clause-rewritten-reads-as-one-run",
        ),
        pytest.param("film", "film.", (S("film"), I(".")), id="punctuation-apart"),
        pytest.param("", "New text.", (I("New text."),), id="from-nothing"),
    ],
)
def test_word_diff(old: str, new: str, pieces: tuple[Piece, ...]) -> None:
    found = word_diff(old, new)
    assert found == pieces
    assert old_text(found) == old and new_text(found) == new


# -- the rows ----------------------------------------------------------------------------------

CATALOGUE = f"{IT}/x.po"
DAY = datetime.date(2026, 11, 16)
SOURCE = "A grant of $8,500."
TRANSLATED = Message(SOURCE, "Un contributo di 8.500 dollari.", references=("content/x.md:3",), line=12)
REVIEWED = stamp(TRANSLATED, "Giulia Ferri", DAY)
STALE = REVIEWED.replace(msgstr="Una borsa di 8.500 dollari.")
FUZZY = TRANSLATED.replace(flags=("fuzzy",), previous_msgid="A grant of $8,000.")
CARRIED = FUZZY.replace(translator_comments=(FIGURES_CARRIED,))


def entry(message: Message, in_catalogue: bool = True) -> Entry:
    return Entry(message, state_of(message) if in_catalogue else State.UNTRANSLATED, in_catalogue)


@pytest.mark.parametrize(
    ("given", "status", "command", "notes"),
    [
        pytest.param(entry(Message(SOURCE, line=12)), "untranslated", None, (), id="untranslated"),
        pytest.param(
            entry(Message(SOURCE, references=("content/x.md:3",)), in_catalogue=False),
            "untranslated",
            None,
            (f"new in the source text: not in {CATALOGUE} yet; run `i18ntool update`",),
            id="not-in-the-catalogue-yet",
        ),
        pytest.param(
            entry(FUZZY),
            "fuzzy",
            None,
            ("the source text changed: check the translation against the changes, then clear the fuzzy mark",),
            id="fuzzy",
        ),
        pytest.param(
            entry(FUZZY.replace(previous_msgid=None)),
            "fuzzy",
            None,
            ("matched to a similar text: check the translation, then clear the fuzzy mark",),
            id="fuzzy-without-previous-text",
        ),
        pytest.param(
            entry(CARRIED),
            "fuzzy",
            None,
            (
                "figures carried by i18ntool: the earlier translation with the source's new figures",
                "the source text changed: check the translation against the changes, then clear the fuzzy mark",
            ),
            id="figures-carried",
        ),
        pytest.param(entry(TRANSLATED), "translated", f"i18ntool review --entry {CATALOGUE}:12", (), id="translated"),
        pytest.param(entry(REVIEWED), "reviewed", None, (), id="reviewed"),
        pytest.param(
            entry(STALE),
            "review stale",
            f"i18ntool review --entry {CATALOGUE}:12",
            ("the text changed after the sign-off by Giulia Ferri on 2026-11-16: review it again",),
            id="review-stale",
        ),
    ],
)
def test_a_row_says_the_state_what_to_do_and_how_to_sign_off(
    given: Entry, status: str, command: str | None, notes: tuple[str, ...]
) -> None:
    (row,) = rows_of([given], CATALOGUE)
    assert row.status == status
    assert row.review_command == command
    assert row.notes == notes
    assert row.location == (f"{CATALOGUE}:12" if given.in_catalogue else None)
    assert row.figures_carried is (given.message is CARRIED)
    assert row.translations == (() if status == "untranslated" else (given.message.msgstr,))
    if status in ("reviewed", "review stale"):
        assert (row.reviewer, row.review_date) == ("Giulia Ferri", DAY)
    else:
        assert row.reviewer is None and row.review_date is None


def test_a_fuzzy_row_holds_the_word_diff_of_its_source_text() -> None:
    (row,) = rows_of([entry(FUZZY)], CATALOGUE)
    assert row.changes == (S("A grant of $"), D("8,000"), I("8,500"), S("."))
    (translated,) = rows_of([entry(TRANSLATED.replace(previous_msgid="A grant of $8,000."))], CATALOGUE)
    assert translated.changes == ()  # a previous text on a confirmed entry is history, not a change to check


def test_findings_sit_on_the_row_of_their_entry_and_the_rest_on_the_catalogue() -> None:
    first, second = entry(TRANSLATED), entry(Message("Second.", "Secondo.", line=20))
    findings = [
        Finding(CATALOGUE, 3, "PO104", "header"),
        Finding(CATALOGUE, 12, "NUM101", "figure"),
        Finding(CATALOGUE, 20, "MD101", "link"),
        Finding(CATALOGUE, 20, "TYPO101", "quote"),
    ]
    rows: tuple[Row, ...] = rows_of([first, second], CATALOGUE, findings)
    assert [[finding.code for finding in row.findings] for row in rows] == [["NUM101"], ["MD101", "TYPO101"]]
    assert [finding.code for finding in unplaced([first, second], findings)] == ["PO104"]
    assert [row.number for row in rows] == [1, 2]


# -- the sheets of the shipped kit ---------------------------------------------------------------


class Sheet(HTMLParser):
    """The elements, the text and the rows of a sheet as a browser would parse them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())

    def names(self) -> set[str]:
        return {tag for tag, _ in self.tags}


def entry_html(page: str, line: int, catalogue: str) -> str:
    """The HTML of the row of the entry at ``catalogue:line``."""
    rows = page.split('<article class="entry ')[1:]
    return next(row for row in rows if f"{catalogue}:{line}<" in row)


def test_a_sheet_for_every_document_and_target_language_and_an_index_per_language(project_dir: Path) -> None:
    result = run(project_dir, "sheet")
    assert result.exit_code == 0, result.output
    # Each source text in the other language of the two (its front matter's `lang:`), and the pages' own words in both.
    expected = {"en/ui.html", "it/ui.html"}
    for source in (project_dir / "content").glob("*.md"):
        (language,) = re.findall(r"^lang: (en|it)$", source.read_text(encoding="utf-8"), re.MULTILINE)
        expected.add(f"{'it' if language == 'en' else 'en'}/{source.stem}.html")
    assert {"it/director-biography.html", "en/radici-fiorentine.html"} <= expected and len(expected) == 9
    folder = project_dir / "build" / "sheets"
    made = {path.relative_to(folder).as_posix() for path in folder.rglob("*.html")}
    assert made == expected | {"en/index.html", "it/index.html"}
    assert f"Wrote {len(made)} page(s) in" in result.output and f"{len(made)} written, 0 unchanged" in result.output
    for path in expected:
        page = (folder / path).read_text(encoding="utf-8")
        assert "default-src 'none'; style-src 'unsafe-inline'; img-src data:" in page
        assert "@page { size: A4" in page and "<script" not in page and "<link" not in page
        index = Sheet((folder / path.split("/")[0] / "index.html").read_text(encoding="utf-8"))
        assert path.split("/")[1] in {attributes.get("href") for tag, attributes in index.tags if tag == "a"}

    again = run(project_dir, "sheet")
    assert f"0 written, {len(made)} unchanged" in again.output


def test_the_italian_press_release_shows_its_stale_reviews(shipped_project: Path, tmp_path: Path) -> None:
    result = run(shipped_project, "sheet", "--out", str(tmp_path), "--locale", "it")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "sheets" / "it" / "press-release.html").read_text(encoding="utf-8")
    catalogue = f"{IT}/press-release.po"
    row = entry_html(page, 67, catalogue)
    assert row.startswith('state-review-stale"') and '<span class="state">review stale</span>' in row
    assert "The text changed after the sign-off by Giulia Ferri on 2026-11-16: review it again." in row
    assert f'<code class="command">i18ntool review --entry {catalogue}:67</code>' in row
    words = Sheet(page).words
    assert "0 untranslated 0 fuzzy 2 translated 8 review stale 13 reviewed" in words
    assert "Publishable: 23 of 23 entries translated, at or above the publish threshold of 100%." in words
    assert "Source text content/press-release.md Catalogue locales/it/LC_MESSAGES/press-release.po" in words
    assert "Published on 8 March 2023" in words and "Pubblicato l’8 marzo 2023" in words
    assert not (tmp_path / "sheets" / "en").exists()


def test_the_english_director_biography_shows_the_fuzzy_word_diff_and_the_untranslated_entry(
    shipped_project: Path, tmp_path: Path
) -> None:
    result = run(shipped_project, "sheet", "radici-fiorentine", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "radici-fiorentine.html: 17 entries, not publishable" in result.output
    assert not (tmp_path / "sheets" / "en" / "index.html").exists()  # only with every document
    page = (tmp_path / "sheets" / "en" / "radici-fiorentine.html").read_text(encoding="utf-8")
    catalogue = f"{EN}/radici-fiorentine.po"
    fuzzy = entry_html(page, 105, catalogue)
    assert fuzzy.startswith('state-fuzzy"') and "i18ntool review" not in fuzzy
    assert "<del>Erano viaggi brevi, ma capaci di tenere insieme</del><ins>In quelle gite</ins>" in fuzzy
    assert "<ins>pari passo</ins>" in fuzzy
    untranslated = entry_html(page, 193, catalogue)
    assert untranslated.startswith('state-untranslated"') and "(untranslated)" in untranslated
    assert "<em>Leaving the Factory</em> si può vedere su YouTube." in untranslated
    words = Sheet(page).words
    assert "Not publishable: 15 of 17 entries translated (88.2%), under the publish threshold of 100%." in words
    assert "Radici fiorentine: Alessia Crucitelli tra Firenze e Los Angeles" in words
    assert "Florentine roots: Alessia Crucitelli between Florence and Los Angeles" in words


def test_the_sign_off_command_a_sheet_shows_signs_the_entry_off(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(project_dir, "sheet")
    page = (project_dir / "build" / "sheets" / "it" / "press-release.html").read_text(encoding="utf-8")
    command = re.findall(r'<code class="command">(i18ntool review --entry [^<]+)</code>', page)[0]
    monkeypatch.chdir(project_dir)  # FILE is as typed from the project's folder
    signed = CliRunner().invoke(main, [*command.split()[1:], "--reviewer", "Ada Editor"], catch_exceptions=False)
    assert signed.exit_code == 0, signed.output
    result = run(project_dir, "sheet")
    assert "2 written" in result.output  # the sheet and its language's index; nothing else changed
    location = command.rsplit(" ", 1)[1]
    row = entry_html(
        (project_dir / "build" / "sheets" / "it" / "press-release.html").read_text(encoding="utf-8"),
        int(location.rsplit(":", 1)[1]),
        location.rsplit(":", 1)[0],
    )
    assert row.startswith('state-reviewed"') and "by Ada Editor, " in row


def write_hostile_text(project_dir: Path) -> None:
    """A paragraph of the award text, and its Italian translation, that try to run script."""
    source = project_dir / "content" / f"{AWARD}.md"
    text = source.read_text(encoding="utf-8")
    paragraph = next(block for block in text.split("\n\n") if block.startswith("The award was presented"))
    source.write_text(text.replace(paragraph, HOSTILE_SOURCE), encoding="utf-8")
    assert run(project_dir, "update").exit_code == 0
    path = project_dir / IT / f"{AWARD}.po"
    catalogue = read_catalogue(path)
    write_catalogue(
        path,
        catalogue.replace(
            messages=tuple(
                message.replace(msgstr=HOSTILE_TRANSLATION, flags=())
                if message.msgid == HOSTILE_SOURCE and not message.obsolete
                else message
                for message in catalogue.messages
            )
        ),
    )


def test_hostile_text_in_a_source_and_its_translation_is_shown_as_text(project_dir: Path) -> None:
    write_hostile_text(project_dir)
    result = run(project_dir, "sheet", AWARD)
    assert result.exit_code == 0, result.output
    page = (project_dir / "build" / "sheets" / "it" / f"{AWARD}.html").read_text(encoding="utf-8")
    parsed = Sheet(page)
    assert "script" not in parsed.names() and "img" not in parsed.names()
    assert not any(name.startswith("on") for _, attributes in parsed.tags for name in attributes)
    hrefs = [str(attributes.get("href")) for tag, attributes in parsed.tags if tag == "a"]
    assert hrefs and not any("javascript" in href.lower() for href in hrefs)
    words = parsed.words
    assert "Hostile <script>document.title='pwned'</script> source \"><img src=x onerror=" in words
    assert "Traduzione <script>document.title='pwned'</script> ostile" in words
    assert "[un link](javascript:document.title='pwned')" in words


def test_the_findings_of_check_stand_beside_their_entries(project_dir: Path) -> None:
    path = project_dir / IT / f"{AWARD}.po"
    path.write_text(path.read_text(encoding="utf-8").replace("8.000 dollari", "9.000 dollari"), encoding="utf-8")
    checked = run(project_dir, "check", AWARD, "--format", "json")
    findings = json.loads(checked.output)["findings"]
    assert findings and all(finding["code"].startswith("NUM") for finding in findings)
    assert run(project_dir, "sheet", AWARD).exit_code == 0
    page = (project_dir / "build" / "sheets" / "it" / f"{AWARD}.html").read_text(encoding="utf-8")
    for finding in findings:
        row = entry_html(page, finding["line"], finding["path"])
        assert f"{finding['code']} {finding['message']}" in Sheet(row).words


def test_a_fuzzy_entry_whose_figures_i18ntool_carried_says_so(project_dir: Path) -> None:
    path = project_dir / IT / f"{AWARD}.po"
    catalogue = read_catalogue(path)
    chosen = next(m for m in catalogue.messages if "$8,000" in m.msgid and not m.obsolete and m.msgstr)
    carried = chosen.replace(
        flags=("fuzzy",),
        previous_msgid=chosen.msgid.replace("$8,000", "$7,000"),
        translator_comments=(FIGURES_CARRIED,),
    )
    write_catalogue(path, catalogue.replace(messages=tuple(carried if m is chosen else m for m in catalogue.messages)))
    assert run(project_dir, "sheet", AWARD).exit_code == 0
    page = (project_dir / "build" / "sheets" / "it" / f"{AWARD}.html").read_text(encoding="utf-8")
    row = entry_html(page, read_catalogue(path).messages[catalogue.messages.index(chosen)].line, f"{IT}/{AWARD}.po")
    assert row.startswith('state-fuzzy"') and "<del>7,000</del><ins>8,000</ins>" in row
    assert "Figures carried by i18ntool: the earlier translation with the source's new figures." in Sheet(row).words


def test_a_document_named_index_is_refused_in_one_line(project_dir: Path) -> None:
    (project_dir / "content" / "festivals.md").rename(project_dir / "content" / "index.md")
    before = snapshot(project_dir)
    result = run(project_dir, "sheet")
    assert result.exit_code == 2
    assert result.output == (
        "i18ntool: content/index.md: the document id 'index' would overwrite the sheets' index pages; rename the file\n"
    )
    assert snapshot(project_dir) == before


def test_build_and_sheet_never_remove_each_others_files(project_dir: Path) -> None:
    built = project_dir / "build"
    assert run(project_dir, "build").exit_code == 0
    outputs = snapshot(built)
    assert run(project_dir, "sheet").exit_code == 0
    after_sheet = snapshot(built)
    sheets = {path: data for path, data in after_sheet.items() if path.startswith("sheets/")}
    assert sheets and {path: data for path, data in after_sheet.items() if path not in sheets} == outputs

    # A document goes: the build removes its outputs, and no sheet.
    (project_dir / "content" / "festivals.md").unlink()
    result = run(project_dir, "build")
    assert re.search(r", [1-9][0-9]* removed;", result.output), result.output
    remaining = snapshot(built)
    assert not any("festivals" in path for path in remaining if not path.startswith("sheets/"))
    assert {path: data for path, data in remaining.items() if path.startswith("sheets/")} == sheets
