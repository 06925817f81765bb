"""Signing off: `i18ntool review` stamps, stamps that survive gettext, and go stale on change."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.cli import main
from i18ntool.po.states import State, review_of, state_of
from tests.conftest import requires_gettext, run_gettext, snapshot

AWARD = "russo-brothers-award"
CATALOGUE = f"locales/it/LC_MESSAGES/{AWARD}.po"
REVIEWER = ("--reviewer", "Giulia Ferri", "--date", "2026-11-21")


def run(project: Path, *arguments: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), *arguments], catch_exceptions=False, env=env)


def states(project: Path, relative: str = CATALOGUE) -> dict[str, State]:
    return {
        message.msgid: state_of(message)
        for message in read_catalogue(project / relative).messages
        if not message.obsolete
    }


def prepare(project: Path) -> tuple[str, str]:
    """Take every stamp off the award's catalogue, make one entry fuzzy and one untranslated."""
    path = project / CATALOGUE
    catalogue = read_catalogue(path)
    fuzzy, untranslated = "Grant", "Ceremony"
    messages = []
    for message in catalogue.messages:
        message = message.replace(
            translator_comments=tuple(
                comment
                for comment in message.translator_comments
                if not comment.startswith(("reviewed:", "stale review:"))
            ),
            flags=tuple(flag for flag in message.flags if flag != "fuzzy"),
        )
        if message.msgid == fuzzy:
            message = message.replace(flags=("fuzzy",))
        if message.msgid == untranslated:
            message = message.replace(msgstr="")
        messages.append(message)
    write_catalogue(path, catalogue.replace(messages=tuple(messages)))
    return fuzzy, untranslated


def line_of(project: Path, msgid: str, relative: str = CATALOGUE) -> int:
    return next(message.line for message in read_catalogue(project / relative).messages if message.msgid == msgid)


def test_review_signs_off_every_translated_entry_and_then_stays_honest(project_dir: Path) -> None:
    fuzzy, untranslated = prepare(project_dir)
    result = run(project_dir, "review", AWARD, *REVIEWER)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{CATALOGUE}: 25 signed off by Giulia Ferri on 2026-11-21\n"
    assert (
        result.stderr
        == f"i18ntool: {CATALOGUE}: 1 fuzzy and 1 untranslated not signed off; `i18ntool todo` lists them\n"
    )
    before = states(project_dir)
    assert (before.pop(fuzzy), before.pop(untranslated)) == (State.FUZZY, State.UNTRANSLATED)
    assert set(before.values()) == {State.REVIEWED}

    # Running it again changes nothing, not even a file's time.
    files = snapshot(project_dir)
    again = run(project_dir, "review", AWARD, *REVIEWER)
    assert again.stdout == f"{CATALOGUE}: nothing to sign off; 25 already reviewed\n"
    assert snapshot(project_dir) == files

    # A translator changes one translation in a text editor: only that review goes stale.
    path = project_dir / CATALOGUE
    text = path.read_text(encoding="utf-8")
    translation = next(message.msgstr for message in read_catalogue(path).messages if message.msgid == "Result")
    changed = text.replace(f'msgid "Result"\nmsgstr "{translation}"', f'msgid "Result"\nmsgstr "{translation}!"')
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    after = states(project_dir)
    assert after.pop("Result") is State.TRANSLATED
    assert all(after[msgid] is State.REVIEWED for msgid in before if msgid != "Result")
    coverage = json.loads(run(project_dir, "coverage", AWARD, "--format", "json").stdout)["documents"][0]
    assert (coverage["entries"]["reviewed"], coverage["entries"]["translated"], coverage["stale_reviews"]) == (24, 1, 1)
    assert "1 review is stale" in run(project_dir, "coverage", AWARD).stdout
    todo = run(project_dir, "todo", AWARD, "--state", "unreviewed").stdout
    assert (
        f"{CATALOGUE}:{line_of(project_dir, 'Result')}: unreviewed (review by Giulia Ferri on 2026-11-21 is stale): Result"
        in todo
    )

    renewed = run(project_dir, "review", AWARD, "--reviewer", "Mark Ellis", "--date", "2026-11-22")
    assert (
        renewed.stdout
        == f"{CATALOGUE}: 1 signed off by Mark Ellis on 2026-11-22 (1 stale review renewed); 24 already reviewed\n"
    )
    result_entry = next(m for m in read_catalogue(path).messages if m.msgid == "Result")
    assert [c for c in result_entry.translator_comments if c.startswith("reviewed:")] == [
        f"reviewed: Mark Ellis, 2026-11-22, {review_of(result_entry).digest}"  # type: ignore[union-attr]
    ]


@requires_gettext
def test_stamps_survive_update_msgmerge_and_msgcat_and_only_the_edited_entry_goes_stale(
    project_dir: Path, tmp_path: Path
) -> None:
    prepare(project_dir)
    assert run(project_dir, "review", AWARD, *REVIEWER).exit_code == 0
    path = project_dir / CATALOGUE
    assert run_gettext("msgcat", path).stdout == path.read_bytes()
    reviewed = {msgid for msgid, state in states(project_dir).items() if state is State.REVIEWED}
    stamped = tmp_path / "stamped.po"
    shutil.copy(path, stamped)

    source = project_dir / "content" / f"{AWARD}.md"
    text = source.read_text(encoding="utf-8")
    paragraph = next(block for block in text.split("\n\n") if block.startswith("The award was presented"))
    source.write_text(
        text.replace(paragraph, paragraph.replace("about 1,000 guests", "about 1,200 guests")), encoding="utf-8"
    )
    assert run(project_dir, "update").exit_code == 0
    edited = paragraph.replace("about 1,000 guests", "about 1,200 guests").replace("\n", " ")
    after_update = states(project_dir)
    assert after_update[edited] is State.FUZZY
    assert {msgid for msgid, state in after_update.items() if state is State.REVIEWED} == reviewed - {
        paragraph.replace("\n", " ")
    }
    assert run_gettext("msgcat", path).stdout == path.read_bytes()

    # The same source edit merged by GNU msgmerge instead of i18ntool update.
    merged = tmp_path / "merged.po"
    template = project_dir / "locales" / "templates" / f"{AWARD}.pot"
    result = run_gettext("msgmerge", "--quiet", "--previous", "-o", merged, stamped, template)
    assert result.returncode == 0, result.stderr.decode()
    by_msgmerge = {
        message.msgid: state_of(message) for message in read_catalogue(merged).messages if not message.obsolete
    }
    assert by_msgmerge[edited] is State.FUZZY
    assert {msgid for msgid, state in by_msgmerge.items() if state is State.REVIEWED} == reviewed - {
        paragraph.replace("\n", " ")
    }
    catted = tmp_path / "catted.po"
    assert run_gettext("msgcat", "-o", catted, merged).returncode == 0
    assert {m.msgid: state_of(m) for m in read_catalogue(catted).messages if not m.obsolete} == by_msgmerge


def test_chosen_entries_by_location_line_or_source_text(project_dir: Path) -> None:
    fuzzy, _ = prepare(project_dir)
    todo = json.loads(run(project_dir, "todo", AWARD, "--format", "json").stdout)["entries"]
    grant = next(entry for entry in todo if entry["msgid"] == "Result")
    result = run(project_dir, "review", "--entry", grant["location"], *REVIEWER)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{CATALOGUE}: 1 signed off by Giulia Ferri on 2026-11-21\n"
    assert [msgid for msgid, state in states(project_dir).items() if state is State.REVIEWED] == ["Result"]

    line = str(line_of(project_dir, "Item"))
    assert run(project_dir, "review", AWARD, "--locale", "it", "--entry", line, *REVIEWER).exit_code == 0
    assert run(project_dir, "review", AWARD, "--msgid", "Detail", "--msgid", fuzzy, *REVIEWER).exit_code == 0
    reviewed = sorted(msgid for msgid, state in states(project_dir).items() if state is State.REVIEWED)
    assert reviewed == ["Detail", "Item", "Result"]


def test_a_chosen_fuzzy_entry_is_named_and_does_not_stop_the_rest(project_dir: Path) -> None:
    fuzzy, untranslated = prepare(project_dir)
    result = run(
        project_dir,
        "review",
        AWARD,
        "--msgid",
        fuzzy,
        "--msgid",
        untranslated,
        "--msgid",
        "Award",
        *REVIEWER,
    )
    assert result.exit_code == 0
    assert result.stdout == f"{CATALOGUE}: 1 signed off by Giulia Ferri on 2026-11-21\n"
    assert result.stderr.splitlines() == [
        f"i18ntool: {CATALOGUE}:{line_of(project_dir, fuzzy)}: fuzzy; not signed off (check the translation and clear its fuzzy flag first)",
        f"i18ntool: {CATALOGUE}:{line_of(project_dir, untranslated)}: untranslated; not signed off (translate it first)",
    ]
    assert states(project_dir)["Award"] is State.REVIEWED


def test_the_reviewer_comes_from_git_user_name(project_dir: Path, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    prepare(project_dir)
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Maria Rossi\n", encoding="utf-8")
    env = {"GIT_CONFIG_GLOBAL": str(config), "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)}
    result = run(project_dir, "review", AWARD, "--msgid", "Award", env=env)
    assert result.exit_code == 0, result.output
    assert "signed off by Maria Rossi on " in result.stdout
    config.write_text("", encoding="utf-8")
    before = snapshot(project_dir)
    result = run(project_dir, "review", AWARD, env=env)
    assert result.exit_code == 2
    assert result.stderr == "i18ntool: no reviewer: pass --reviewer NAME, or set git's user.name\n"
    assert snapshot(project_dir) == before


def add_french(project: Path) -> None:
    config = project / "pyproject.toml"
    config.write_text(config.read_text().replace('languages = ["en", "it"]', 'languages = ["en", "it", "fr"]'))


def break_festivals(project: Path) -> None:
    path = project / "locales/it/LC_MESSAGES/festivals.po"
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "dangling"\n', encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "arguments", "message"),
    [
        pytest.param(
            None, [], "name the documents to review, or give entries as --entry PATH:LINE", id="nothing-named"
        ),
        pytest.param(None, ["--entry", "12"], "name the documents to review", id="bare-line-without-document"),
        pytest.param(
            None,
            [AWARD, "--entry", "3"],
            f"{CATALOGUE}:3: no entry on this line; the nearest is at line",
            id="no-entry-at-line",
        ),
        pytest.param(
            None, [AWARD, "--entry", "x:y"], "--entry 'x:y': write the entry as PATH:LINE or LINE", id="bad-location"
        ),
        pytest.param(
            None,
            ["--entry", "pyproject.toml:3"],
            "pyproject.toml: not a catalogue of this project",
            id="not-a-catalogue",
        ),
        pytest.param(
            None,
            [AWARD, "--msgid", "No such text"],
            "--msgid 'No such text': no entry has this source text",
            id="unknown-msgid",
        ),
        pytest.param(
            None, [AWARD, "--reviewer", "Rossi, Maria"], "a reviewer's name cannot be empty or hold a comma", id="comma"
        ),
        pytest.param(None, ["no-such-text"], "content/no-such-text.md: no such source text", id="unknown-document"),
        pytest.param(None, ["../secrets"], "unsafe document id '../secrets'", id="unsafe-id"),
        pytest.param(
            None,
            [AWARD, "festivals", "--entry", "12"],
            "--entry LINE needs exactly one catalogue",
            id="bare-line-two-catalogues",
        ),
        pytest.param(
            break_festivals, [AWARD, "festivals"], "locales/it/LC_MESSAGES/festivals.po:", id="malformed-catalogue"
        ),
        pytest.param(
            add_french,
            [AWARD],
            f"'{AWARD}' has catalogues in it, fr; choose the language reviewed with --locale",
            id="several-languages",
        ),
        pytest.param(
            add_french,
            [AWARD, "--locale", "fr"],
            f"locales/fr/LC_MESSAGES/{AWARD}.po: no catalogue to review",
            id="no-catalogue",
        ),
        pytest.param(None, [AWARD, "--locale", "en"], f"no catalogue of {AWARD} in en to review", id="source-language"),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(
    project_dir: Path, damage: Callable[[Path], object] | None, arguments: list[str], message: str
) -> None:
    prepare(project_dir)
    if damage is not None:
        damage(project_dir)
    before = snapshot(project_dir)
    arguments = [*arguments, *REVIEWER] if "--reviewer" not in arguments else [*arguments, "--date", "2026-11-21"]
    result = run(project_dir, "review", *arguments)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert result.stdout == ""
    assert snapshot(project_dir) == before


def test_any_line_of_an_entry_names_it(project_dir: Path) -> None:
    prepare(project_dir)
    msgid_line = line_of(project_dir, "Award")
    lines = (project_dir / CATALOGUE).read_text(encoding="utf-8").splitlines()
    assert lines[msgid_line - 2].startswith("#: ") and lines[msgid_line].startswith("msgstr ")
    for line in (msgid_line - 1, msgid_line + 1):  # its reference comment, its msgstr
        prepare(project_dir)
        result = run(project_dir, "review", "--entry", f"{CATALOGUE}:{line}", *REVIEWER)
        assert result.exit_code == 0, result.output
        assert [msgid for msgid, state in states(project_dir).items() if state is State.REVIEWED] == ["Award"]
    prepare(project_dir)
    blank = msgid_line + 2
    assert lines[blank - 1] == ""
    result = run(project_dir, "review", "--entry", f"{CATALOGUE}:{blank}", *REVIEWER)
    assert result.exit_code == 2
    assert f"{CATALOGUE}:{blank}: no entry on this line; the nearest are at lines {msgid_line} and " in result.stderr
