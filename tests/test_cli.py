"""The command line, end to end, on a copy of the shipped press kit."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.cli import main
from tests.conftest import REPOSITORY, requires_gettext, run_gettext, snapshot

AWARD = "russo-brothers-award"


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)


def catalogue_entry(project: Path, language: str, document: str, msgid: str):  # type: ignore[no-untyped-def]
    catalogue = read_catalogue(project / "locales" / language / "LC_MESSAGES" / f"{document}.po")
    return next(message for message in catalogue.messages if message.msgid == msgid)


def paragraph_containing(project: Path, document: str, words: str) -> str:
    text = (project / "content" / f"{document}.md").read_text(encoding="utf-8")
    return next(block for block in text.split("\n\n") if words in block and not block.startswith(("---", "|")))


def test_the_shipped_project_is_in_step(project_dir: Path) -> None:
    before = snapshot(project_dir)
    result = run(project_dir, "update", "--check")
    assert result.exit_code == 0, result.output
    assert "in step" in result.output
    result = run(project_dir, "update")
    assert result.exit_code == 0
    assert snapshot(project_dir) == before


def test_update_check_lists_what_would_change_and_writes_nothing(project_dir: Path) -> None:
    source = project_dir / "content" / f"{AWARD}.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    before = snapshot(project_dir)
    result = run(project_dir, "update", "--check")
    assert result.exit_code == 1
    assert f"locales/templates/{AWARD}.pot: would update (1 added)" in result.output
    assert f"locales/it/LC_MESSAGES/{AWARD}.po: would update (1 new)" in result.output
    assert snapshot(project_dir) == before


def test_edit_delete_restore_a_paragraph(project_dir: Path) -> None:
    source = project_dir / "content" / f"{AWARD}.md"
    original_text = source.read_text(encoding="utf-8")
    paragraph = paragraph_containing(project_dir, AWARD, "$8,000")
    translation = catalogue_entry(project_dir, "it", AWARD, paragraph).msgstr
    assert translation

    edited = paragraph.replace("$8,000", "$8,500")
    source.write_text(original_text.replace(paragraph, edited), encoding="utf-8")
    assert run(project_dir, "update").exit_code == 0
    entry = catalogue_entry(project_dir, "it", AWARD, edited)
    carried = translation.replace("8.000 dollari", "8.500 dollari")  # a figure-only edit: figures carried
    assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == (carried, True, paragraph)
    po_text = (project_dir / "locales/it/LC_MESSAGES" / f"{AWARD}.po").read_text(encoding="utf-8")
    assert "#| msgid " in po_text

    source.write_text(original_text.replace(paragraph + "\n\n", ""), encoding="utf-8")
    assert run(project_dir, "update").exit_code == 0
    gone = catalogue_entry(project_dir, "it", AWARD, edited)
    assert gone.obsolete and gone.msgstr == carried

    source.write_text(original_text, encoding="utf-8")
    assert run(project_dir, "update").exit_code == 0
    back = catalogue_entry(project_dir, "it", AWARD, paragraph)
    assert (back.msgstr, back.fuzzy, back.obsolete) == (translation, False, False)


def test_init_starts_catalogues_with_gettexts_plural_forms(project_dir: Path) -> None:
    config = project_dir / "pyproject.toml"
    result = run(project_dir, "init", "fr")
    assert result.exit_code == 2
    assert "add 'fr' to languages" in result.output
    config.write_text(config.read_text().replace('languages = ["en", "it"]', 'languages = ["en", "it", "fr"]'))
    result = run(project_dir, "init", "fr")
    assert result.exit_code == 0, result.output
    catalogue = read_catalogue(project_dir / "locales/fr/LC_MESSAGES/press-release.po")
    assert catalogue.header("Language") == "fr"
    assert catalogue.header("Plural-Forms") == "nplurals=2; plural=(n > 1);"
    assert all(not message.msgstr for message in catalogue.messages)
    assert "8 catalogue(s) started for 'fr'" in result.output  # seven documents and the pages' words


def break_catalogue(project: Path) -> None:
    path = project / "locales/it/LC_MESSAGES" / f"{AWARD}.po"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[24] = 'msgstr "unterminated\n'
    path.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "arguments", "message"),
    [
        pytest.param(
            break_catalogue,
            ["update"],
            f"locales/it/LC_MESSAGES/{AWARD}.po:25: unterminated string",
            id="malformed-catalogue",
        ),
        pytest.param(
            lambda p: (p / "pyproject.toml").write_text((p / "pyproject.toml").read_text() + "colour = 'red'\n"),
            ["update"],
            "pyproject.toml:",
            id="unknown-setting",
        ),
        pytest.param(
            lambda p: None,
            ["update", "--locale", "xx"],
            "'xx' is not a language of this project; choose from en, it",
            id="unknown-locale",
        ),
        pytest.param(
            lambda p: (p / "content" / "bad name.md").write_text("# x\n"),
            ["update"],
            "content/bad name.md: unsafe document id 'bad name'",
            id="unsafe-id",
        ),
        pytest.param(
            lambda p: (p / "content" / "x.md").write_text("---\nlang: de\n---\n"),
            ["update"],
            "content/x.md:2: 'lang: de' is not a language of this project",
            id="unknown-document-language",
        ),
        pytest.param(
            lambda p: (p / "content" / "x.md").write_text("---\ntitle: X\n\n# X\n"),
            ["build"],
            "content/x.md:1: front matter is never closed; end it with a line '---'",
            id="unclosed-front-matter",
        ),
        pytest.param(
            lambda p: (p / "content" / "x.md").write_text("---\ntitle: X\nlang: en\ntitle: Y\n---\n"),
            ["update"],
            "content/x.md:4: front matter has the key 'title' twice (first on line 2)",
            id="duplicate-key",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(
    project_dir: Path, damage: Callable[[Path], object], arguments: list[str], message: str
) -> None:
    source = project_dir / "content" / f"{AWARD}.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA paragraph that update would add.\n", encoding="utf-8")
    damage(project_dir)
    before = snapshot(project_dir)
    result = run(project_dir, *arguments)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) <= 2
    assert snapshot(project_dir) == before


@requires_gettext
def test_every_shipped_catalogue_passes_msgfmt_and_is_a_msgcat_fixed_point() -> None:
    files = sorted((REPOSITORY / "locales").rglob("*.po*"))
    assert len(files) >= 14
    for path in files:
        checked = run_gettext("msgfmt", "-c", "-o", "/dev/null", path)
        assert checked.returncode == 0, checked.stderr.decode()
        assert run_gettext("msgcat", path).stdout == path.read_bytes(), f"msgcat rewrites {path}"


@requires_gettext
def test_catalogues_written_by_update_after_edits_pass_msgfmt_and_msgcat(project_dir: Path) -> None:
    source = project_dir / "content" / f"{AWARD}.md"
    text = source.read_text(encoding="utf-8")
    paragraph = paragraph_containing(project_dir, AWARD, "$8,000")
    source.write_text(
        text.replace(paragraph, paragraph.replace("$8,000", "$8,500")).replace("## ", "### ", 1), encoding="utf-8"
    )
    assert run(project_dir, "update").exit_code == 0
    for path in sorted((project_dir / "locales").rglob("*.po*")):
        assert run_gettext("msgfmt", "-c", "-o", "/dev/null", path).returncode == 0
        assert run_gettext("msgcat", path).stdout == path.read_bytes()


def test_python_dash_m_runs_the_same_command_line() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "i18ntool", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "update" in result.stdout and "init" in result.stdout


def _commands() -> dict[str, click.Command]:
    """Every command of the group, imported (the group imports each when it is asked for)."""
    context = click.Context(main, info_name="i18ntool")
    found = {name: main.get_command(context, name) for name in main.list_commands(context)}
    return {name: command for name, command in found.items() if command is not None}


def test_the_group_gives_every_command_of_the_commands_modules_by_its_name() -> None:
    import importlib

    from i18ntool.cli import COMMANDS

    defined = {
        command.name: command
        for path in sorted((REPOSITORY / "i18ntool" / "commands").glob("*.py"))
        for command in vars(importlib.import_module(f"i18ntool.commands.{path.stem}")).values()
        if isinstance(command, click.Command)
    }
    assert set(defined) == set(COMMANDS)
    assert {name: command.name for name, command in _commands().items()} == {name: name for name in COMMANDS}
    assert _commands() == defined


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    for name, command in _commands().items():
        assert command.help, f"{name} has no help"
        assert f"i18ntool {name}" in readme, f"{name} is not in the README"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_the_readme_heading_of_each_command_shows_what_its_help_shows(name: str) -> None:
    """Its arguments as the usage line writes them, and every option, repeatable ones with '...'."""
    import re

    import click

    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    (heading,) = re.findall(rf"^### `i18ntool {name}( .*)?`$", readme, re.MULTILINE)
    command = _commands()[name]
    for piece in command.collect_usage_pieces(click.Context(command, info_name=name))[1:]:
        assert f" {piece}" in heading, piece
    for option in command.params:
        if isinstance(option, click.Option) and option.name != "help":
            long_name = next(opt for opt in option.opts if opt.startswith("--"))
            shown = re.search(rf"\[{long_name}(?: [^\]]+)?\](\.\.\.)?", heading)
            assert shown is not None, f"{long_name} is not in the heading"
            assert bool(shown.group(1)) is option.multiple, f"{long_name}: repeatable is {option.multiple}"


def test_removed_document_keeps_its_catalogues_and_says_so(project_dir: Path) -> None:
    (project_dir / "content" / "festivals.md").unlink()
    before = snapshot(project_dir / "locales")
    result = CliRunner().invoke(main, ["--project", str(project_dir), "update"])
    assert result.exit_code == 0
    assert "locales/templates/festivals.pot: no source text content/festivals.md" in result.stderr
    assert snapshot(project_dir / "locales") == before


def test_update_brings_the_page_words_in_step_with_this_version(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import i18ntool.outputs.page_words as ui

    monkeypatch.setattr(ui, "UI_MESSAGES", (*ui.UI_MESSAGES, ui.UiMessage("Download", "A new button.")))
    result = run(project_dir, "update")
    assert result.exit_code == 0
    assert "locales/templates/ui.pot: updated (1 added)" in result.output
    for language in ("en", "it"):
        entry = catalogue_entry(project_dir, language, "ui", "Download")
        assert (entry.msgstr, entry.extracted_comments) == ("", ("A new button.",))


def test_update_rewrites_the_page_words_headers_from_the_settings_and_keeps_their_translations(
    project_dir: Path,
) -> None:
    """What the README says `update` does to the `ui` catalogues when `name` or `bugs-address` changes."""
    config = project_dir / "pyproject.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            'name = "Leaving the Factory press kit"', 'name = "Kit"\nbugs-address = "press@example.org"'
        ),
        encoding="utf-8",
    )
    before = read_catalogue(project_dir / "locales" / "it" / "LC_MESSAGES" / "ui.po")
    result = run(project_dir, "update")
    assert "locales/it/LC_MESSAGES/ui.po: updated (header)" in result.output
    after = read_catalogue(project_dir / "locales" / "it" / "LC_MESSAGES" / "ui.po")
    template = read_catalogue(project_dir / "locales" / "templates" / "ui.pot")
    assert [(m.msgid, m.msgstr) for m in after.messages] == [(m.msgid, m.msgstr) for m in before.messages]
    assert after.header("Project-Id-Version") == template.header("Project-Id-Version") == "Kit"
    assert template.header("Report-Msgid-Bugs-To") == "press@example.org"
    assert after.header("POT-Creation-Date") == template.header("POT-Creation-Date")


def test_a_document_as_found_in_the_wild(project_dir: Path) -> None:
    """A non-ASCII file name, a byte order mark, a quoted date and a thematic break after the front matter."""
    source = project_dir / "content" / "Übersicht.md"
    source.write_bytes(
        "\ufeff---\ntitle: Overview\ndate: '2024-01-28'\n---\n\n# Overview of the kit\n\n---\n\nText.\n".encode()
    )
    assert run(project_dir, "update").exit_code == 0
    catalogue = read_catalogue(project_dir / "locales" / "it" / "LC_MESSAGES" / "Übersicht.po")
    assert [m.msgid for m in catalogue.messages] == ["Overview", "Overview of the kit", "Text."]
    result = run(project_dir, "build", "--locale", "en")
    assert result.exit_code == 0, result.output
    assert (project_dir / "build" / "en" / "Übersicht.md").read_bytes() == source.read_bytes()
    page = (project_dir / "build" / "en" / "Übersicht.html").read_text(encoding="utf-8")
    assert "Overview of the kit</h1>" in page and "28 January 2024" in page
    assert "title:" not in page and "\ufeff" not in page
    assert "<hr" in page


WORDLESS = """---
title: Links for the press
---
# Links for the press

[![Trailer](https://img.example/trailer.svg)](https://www.youtube.com/) [![Poster](https://img.example/poster.svg)](poster.jpg)

https://www.smc.edu/

- `i18ntool update`, `i18ntool build`
- The press kit, as text and pages.

| Link | Note |
|---|---|
| https://alessiacruci.com/ | — |
"""


def test_blocks_with_no_words_are_copied_by_update_coverage_check_and_build(project_dir: Path) -> None:
    """Badges, a bare URL, code spans and a dash are no entries: nothing to translate or count."""
    (project_dir / "content" / "links.md").write_text(WORDLESS, encoding="utf-8")
    assert run(project_dir, "update").exit_code == 0
    path = project_dir / "locales" / "it" / "LC_MESSAGES" / "links.po"
    catalogue = read_catalogue(path)
    assert [m.msgid for m in catalogue.messages] == [
        "Links for the press",
        "The press kit, as text and pages.",
        "Link",
        "Note",
    ]
    # A catalogue from before, with an entry for the bare URL "translated" as itself.
    old_entry = '\n#. paragraph\n#: content/links.md:8\nmsgid "https://www.smc.edu/"\nmsgstr "https://www.smc.edu/"\n'
    path.write_text(path.read_text(encoding="utf-8") + old_entry, encoding="utf-8")
    coverage = run(project_dir, "coverage", "links", "--format", "json")
    (row,) = json.loads(coverage.output)["documents"]
    assert (row["entries"]["total"], row["extra"], row["in_step"]) == (4, 1, False)
    assert run(project_dir, "update").exit_code == 0
    obsolete = [m for m in read_catalogue(path).messages if m.obsolete]
    assert [(m.msgid, m.msgstr) for m in obsolete] == [("https://www.smc.edu/", "https://www.smc.edu/")]
    edit = {
        "Links for the press": "Link per la stampa",
        "The press kit, as text and pages.": "La cartella stampa.",
        "Link": "Link",
        "Note": "Nota",
    }
    text = path.read_text(encoding="utf-8")
    for msgid, msgstr in edit.items():
        text = text.replace(f'msgid "{msgid}"\nmsgstr ""', f'msgid "{msgid}"\nmsgstr "{msgstr}"')
    path.write_text(text, encoding="utf-8")
    (row,) = json.loads(run(project_dir, "coverage", "links", "--format", "json").output)["documents"]
    assert (row["entries"]["percent_translated"], row["in_step"], row["entries"]["obsolete"]) == (100.0, True, 1)
    assert run(project_dir, "check", "links").exit_code == 0
    built = run(project_dir, "build", "--locale", "it")
    assert built.exit_code == 0 and "links" not in built.output.replace("Built", "")
    page = (project_dir / "build" / "it" / "links.html").read_text(encoding="utf-8")
    article = page.split("<article>")[1].replace('hreflang="en" lang="en">', "")
    assert 'lang="en"' not in article  # nothing fell back: the copied blocks are every language's
    assert '<img src="https://img.example/trailer.svg" alt="Trailer" />' in article
    assert "<th>Nota</th>" in article and "<td>—</td>" in article
    markdown = (project_dir / "build" / "it" / "links.md").read_text(encoding="utf-8")
    assert "\nhttps://www.smc.edu/\n" in markdown and "- `i18ntool update`, `i18ntool build`\n" in markdown


def complete_with(environment: dict[str, str], cwd: Path) -> str:
    """What the installed `i18ntool` prints for shell completion, as a shell calls it."""
    import os
    import subprocess
    import sys

    executable = Path(sys.executable).parent / "i18ntool"
    result = subprocess.run(
        [str(executable)], env={**os.environ, **environment}, cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("shell", "registers"),
    [
        pytest.param("bash", "complete -o nosort -F _i18ntool_completion i18ntool", id="bash"),
        pytest.param("zsh", "#compdef i18ntool", id="zsh"),
        pytest.param("fish", "complete --no-files --command i18ntool", id="fish"),
    ],
)
def test_shell_completion_scripts_as_the_readme_says(shell: str, registers: str, tmp_path: Path) -> None:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    assert f"_I18NTOOL_COMPLETE={shell}_source i18ntool" in readme
    assert registers in complete_with({"_I18NTOOL_COMPLETE": f"{shell}_source"}, tmp_path)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        pytest.param("i18ntool co", ["compile", "coverage"], id="commands"),
        pytest.param("i18ntool coverage --f", ["--format", "--fail-under", "--fail-under-reviewed"], id="options"),
        pytest.param("i18ntool coverage --format ", ["table", "json", "markdown", "csv", "html"], id="choices"),
        pytest.param("i18ntool build --locale ", ["en", "it"], id="the-projects-languages"),
    ],
)
def test_shell_completion_offers_commands_options_and_languages(
    words: str, expected: list[str], shipped_project: Path
) -> None:
    output = complete_with(
        {"_I18NTOOL_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)},
        shipped_project,
    )
    assert [line.split(",", 1)[1] for line in output.splitlines()] == expected


def set_languages(line: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        config = project / "pyproject.toml"
        config.write_text(
            config.read_text(encoding="utf-8").replace('languages = ["en", "it"]', line), encoding="utf-8"
        )

    return edit


def dedicated_settings(text: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        (project / "i18ntool.toml").write_text(text, encoding="utf-8")

    return edit


@pytest.mark.parametrize(
    ("edit", "arguments"),
    [
        pytest.param(set_languages('language = ["en", "it"]'), ["update"], id="misspelt-key"),
        pytest.param(set_languages('languages = ["en", "it", "it"]'), ["update"], id="language-twice"),
        pytest.param(lambda project: None, ["init", "fr"], id="init-an-unlisted-language"),
        pytest.param(
            dedicated_settings('languages = ["en", "it"]\n\n[tool.i18ntool]\nname = "Kit"\n'),
            ["update"],
            id="both-shapes",
        ),
        pytest.param(dedicated_settings('[i18ntool]\nlanguages = ["en", "it"]\n'), ["update"], id="wrong-table"),
    ],
)
def test_the_readme_shows_the_real_settings_errors(
    edit: Callable[[Path], None],
    arguments: list[str],
    project_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each settings error the README shows is what the command says, file, line and all."""
    edit(project_dir)
    monkeypatch.chdir(project_dir)  # as the README runs it: in the project's folder
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    assert f"$ i18ntool {' '.join(arguments)}" in readme
    assert f"\n{line}\n" in readme, line


def test_the_readme_shows_what_the_main_job_prints(project_dir: Path) -> None:
    """The quick start's output is that of scripts/press-kit's three commands on a fresh clone."""
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    shown = readme.split("On a fresh clone it prints:\n\n```\n", 1)[1].split("```", 1)[0]
    script = (REPOSITORY / "scripts/press-kit").read_text(encoding="utf-8")
    commands = [line.split(" ", 1)[1].split() for line in script.splitlines() if line.startswith(".venv/bin/i18ntool ")]
    assert [command[0] for command in commands] == ["update", "coverage", "build"]
    printed = ""
    for command in commands:
        result = CliRunner().invoke(main, ["--project", str(project_dir), *command])
        assert result.exit_code == 0, result.output
        printed += result.output
    assert printed == shown


def test_an_interrupted_command_says_so_and_exits_130(project_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C is not a failed gate (exit 1, which a build script reads as "out of step")."""
    from i18ntool import updating

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(updating, "update", interrupted)
    result = CliRunner().invoke(main, ["--project", str(project_dir), "update", "--check"])
    assert result.exit_code == 130
    assert result.output.strip() == "i18ntool: interrupted; every file is whole, as it was or as written"


def test_the_script_ends_with_all_its_output_written_and_the_commands_exit_status(project_dir: Path) -> None:
    """``start.main`` ends the process without Python's teardown: what the command wrote is
    all there (standard output as a pipe, buffered), with the exit code it gave, 0 or not."""
    import subprocess
    import sys

    source = project_dir / "content" / f"{AWARD}.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    codes = []
    for arguments in (["todo"], ["update", "--check"], ["coverage", "--format", "json", "--fail-under", "100"], ["x"]):
        expected = CliRunner().invoke(main, ["--project", str(project_dir), *arguments])
        done = subprocess.run(
            [sys.executable, "-m", "i18ntool", "--project", str(project_dir), *arguments],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "I18NTOOL_CACHE": "off"},
        )
        assert (done.stdout, done.returncode) == (expected.stdout, expected.exit_code), arguments
        codes.append(done.returncode)
    assert codes == [0, 1, 1, 2] and "No such command 'x'" in done.stderr


def test_an_exit_with_a_message_is_status_1_and_the_message_on_standard_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from i18ntool.start import _status

    assert [_status(None), _status(0), _status(2)] == [0, 0, 2]
    assert _status("stopped") == 1
    assert capsys.readouterr().err == "stopped\n"
