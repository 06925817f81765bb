"""The translator's to-do: what is left, where it is, and what the source said before."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.cli import main

AWARD = "russo-brothers-award"
CATALOGUE = f"locales/it/LC_MESSAGES/{AWARD}.po"


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)


def todo_json(project: Path, *arguments: str) -> list[dict[str, object]]:
    result = run(project, "todo", "--format", "json", *arguments)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "i18ntool-todo/1"
    return data["entries"]  # type: ignore[no-any-return]


def set_up(project: Path) -> None:
    """One fuzzy entry with a previous text, one untranslated, the rest translated, none reviewed."""
    for path in (project / "locales").glob("*/LC_MESSAGES/*.po"):
        catalogue = read_catalogue(path)
        messages = tuple(
            message
            if message.obsolete
            else message.replace(
                msgstr=message.msgstr or message.msgid,
                flags=(),
                translator_comments=tuple(
                    c for c in message.translator_comments if not c.startswith(("reviewed:", "stale review:"))
                ),
            )
            for message in catalogue.messages
        )
        write_catalogue(path, catalogue.replace(messages=messages))
    source = project / "content" / f"{AWARD}.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("| Grant | $8,000 (USD) |", "| Grant | $8,500 (USD) |"),
        encoding="utf-8",
    )
    assert run(project, "update").exit_code == 0
    path = project / CATALOGUE
    catalogue = read_catalogue(path)
    write_catalogue(
        path,
        catalogue.replace(
            messages=tuple(
                message.replace(msgstr="") if message.msgid == "Ceremony" else message for message in catalogue.messages
            )
        ),
    )


def test_todo_lists_every_kind_of_work_at_its_msgid_line(project_dir: Path) -> None:
    set_up(project_dir)
    entries = todo_json(project_dir, AWARD)
    by_state = {state: [e for e in entries if e["state"] == state] for state in ("untranslated", "fuzzy", "unreviewed")}
    assert [e["msgid"] for e in by_state["untranslated"]] == ["Ceremony"]
    fuzzy = by_state["fuzzy"]
    assert [(e["msgid"], e["previous_msgid"]) for e in fuzzy] == [("$8,500 (USD)", "$8,000 (USD)")]
    assert len(by_state["unreviewed"]) == 25
    lines = (project_dir / CATALOGUE).read_text(encoding="utf-8").splitlines()
    for entry in entries:
        assert entry["catalogue"] == CATALOGUE and entry["location"] == f"{CATALOGUE}:{entry['line']}"
        assert lines[int(entry["line"]) - 1].startswith("msgid ")  # type: ignore[call-overload]
        assert str(entry["source"]).startswith(f"content/{AWARD}.md:")
    text = run(project_dir, "todo", AWARD).stdout.splitlines()
    fuzzy_line = next(index for index, line in enumerate(text) if ": fuzzy" in line)
    carried = "fuzzy (figures carried by i18ntool; confirm them)"  # a figure-only edit
    assert text[fuzzy_line] == f"{CATALOGUE}:{fuzzy[0]['line']}: {carried}: $8,500 (USD)"
    assert text[fuzzy_line + 1] == "    was: $8,000 (USD)"
    assert text[-1] == "27 entries to do in 1 catalogue: 1 untranslated, 1 fuzzy, 25 unreviewed."


def test_todo_filters_by_state_language_and_document(project_dir: Path) -> None:
    set_up(project_dir)
    assert {e["state"] for e in todo_json(project_dir, "--state", "fuzzy", "--state", "untranslated")} == {
        "fuzzy",
        "untranslated",
    }
    assert {e["language"] for e in todo_json(project_dir, "--locale", "en")} == {"en"}
    assert {e["document"] for e in todo_json(project_dir, "press-release", "festivals")} == {
        "press-release",
        "festivals",
    }
    assert todo_json(project_dir, "--state", "fuzzy", "press-release") == []
    assert run(project_dir, "todo", "--state", "fuzzy", "press-release").stdout == "Nothing to do.\n"
    assert run(project_dir, "todo", "--state", "done").exit_code == 2


def test_entries_added_since_the_last_update_are_listed_at_their_source_line(project_dir: Path) -> None:
    set_up(project_dir)
    source = project_dir / "content" / f"{AWARD}.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text + "\nA closing paragraph.\n", encoding="utf-8")
    line = text.count("\n") + 2
    entries = todo_json(project_dir, AWARD, "--state", "untranslated")
    added = next(e for e in entries if e["msgid"] == "A closing paragraph.")
    assert (added["line"], added["in_catalogue"], added["location"]) == (None, False, f"content/{AWARD}.md:{line}")
    output = run(project_dir, "todo", AWARD, "--state", "untranslated").stdout
    assert (
        f"content/{AWARD}.md:{line}: untranslated (not in {CATALOGUE} yet; run `i18ntool update`): A closing paragraph."
        in output
    )


def test_a_stale_review_is_said_in_the_todo(project_dir: Path) -> None:
    set_up(project_dir)
    assert run(project_dir, "review", AWARD, "--reviewer", "Giulia Ferri", "--date", "2026-11-20").exit_code == 0
    assert todo_json(project_dir, AWARD, "--state", "unreviewed") == []
    path = project_dir / CATALOGUE
    translation = next(message.msgstr for message in read_catalogue(path).messages if message.msgid == "Detail")
    text = path.read_text(encoding="utf-8")
    edited = text.replace(f'msgid "Detail"\nmsgstr "{translation}"', f'msgid "Detail"\nmsgstr "{translation}!"')
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    [entry] = todo_json(project_dir, AWARD, "--state", "unreviewed")
    assert entry["msgid"] == "Detail"
    assert entry["stale_review"] == {"reviewer": "Giulia Ferri", "date": "2026-11-20"}
