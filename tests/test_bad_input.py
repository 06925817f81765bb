"""Bad input: one line naming the file (and line), exit code 2, no traceback, nothing written."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from i18ntool.cli import main
from tests.conftest import LONG, snapshot


def set_setting(key: str, value: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        config = project / "pyproject.toml"
        text = config.read_text(encoding="utf-8")
        tool = text.index("[tool.i18ntool]")
        head, tail = text[:tool], text[tool:]
        line = f"{key} = {value}\n"
        tail, count = re.subn(rf"^{re.escape(key)} = .*\n", lambda _: line, tail, count=1, flags=re.MULTILINE)
        if not count:
            tail = tail.replace("[tool.i18ntool]\n", "[tool.i18ntool]\n" + line, 1)
        config.write_text(head + tail, encoding="utf-8")

    return damage


def replace_in(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return damage


def copy_source(name: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        (project / "content" / name).write_bytes((project / "content/festivals.md").read_bytes())

    return damage


def append_bytes(relative: str, data: bytes) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        with (project / relative).open("ab") as stream:
            stream.write(data)

    return damage


def prepend_bytes(relative: str, data: bytes) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        path = project / relative
        path.write_bytes(data + path.read_bytes())

    return damage


def insert_bytes(relative: str, after: bytes, data: bytes) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        path = project / relative
        content = path.read_bytes()
        assert after in content, after
        at = content.index(after) + len(after)
        path.write_bytes(content[:at] + data + content[at:])

    return damage


def folder_for(relative: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        (project / relative).unlink()
        (project / relative).mkdir()

    return damage


def write_source(name: str, text: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        (project / "content" / name).write_text(text, encoding="utf-8")

    return damage


def remove_line(relative: str, line: str) -> Callable[[Path], None]:
    return replace_in(relative, line + "\n", "")


def truncate(relative: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        path = project / relative
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])

    return damage


def replace_file(relative: str, data: bytes) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        (project / relative).write_bytes(data)

    return damage


def fifo_at(relative: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        (project / relative).unlink()
        os.mkfifo(project / relative)

    return damage


def symlink_at(relative: str, target: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        (project / relative).unlink(missing_ok=True)
        (project / relative).symlink_to(target)

    return damage


def folder_source(name: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        (project / "content" / name).mkdir()

    return damage


def file_for_folder(relative: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        shutil.rmtree(project / relative)
        (project / relative).write_text("a file where a folder should be\n", encoding="utf-8")

    return damage


def no_folder(relative: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        shutil.rmtree(project / relative)

    return damage


def front_matter(text: str) -> Callable[[Path], None]:
    return write_source("bad.md", f"---\n{text}\n---\n\nText.\n")


def deep_front_matter(project: Path) -> None:
    (project / "content/deep.md").write_text(
        "---\nkey: " + "[" * 500 + "]" * 500 + "\n---\n\nText.\n", encoding="utf-8"
    )


def fifo(project: Path) -> None:
    os.mkfifo(project / "content/pipe.md")


FESTIVALS_IT = "locales/it/LC_MESSAGES/festivals.po"
EVERY = ("update", "coverage", "build", "check")

CASES = [
    pytest.param(
        set_setting("name", '"A\\nmsgid \\"x\\""'),
        r"pyproject\.toml:\d+: setting 'name' goes into every catalogue's header",
        id="newline-in-name",
    ),
    pytest.param(
        set_setting("bugs-address", '"a@b.c\\r"'),
        r"pyproject\.toml:\d+: setting 'bugs-address' goes into",
        id="control-in-bugs-address",
    ),
    pytest.param(
        set_setting("output", '"content"'),
        r"pyproject\.toml:\d+: setting 'output' must not be, hold or lie inside the content folder",
        id="output-is-content",
    ),
    pytest.param(
        set_setting("output", '"locales/it"'),
        r"pyproject\.toml:\d+: setting 'output' .* inside the locales folder",
        id="output-in-locales",
    ),
    pytest.param(
        set_setting("output", '"."'), r"pyproject\.toml:\d+: setting 'output' .* content folder", id="output-is-project"
    ),
    pytest.param(
        set_setting("output", '".git"'),
        r"pyproject\.toml:\d+: setting 'output' .* the project's own folder",
        id="output-is-git",
    ),
    pytest.param(
        append_bytes("pyproject.toml", b'x = "\xff"\n'),
        r"pyproject\.toml:\d+: invalid UTF-8 byte sequence",
        id="toml-invalid-utf8",
    ),
    pytest.param(
        copy_source("ui.md"),
        r"content/ui\.md: 'ui' is the name of the catalogue that holds the words of the built pages",
        id="reserved-ui",
    ),
    pytest.param(
        copy_source("glossary.md"),
        r"content/glossary\.md: 'glossary' is the name of the catalogue that holds the glossary",
        id="reserved-glossary",
    ),
    pytest.param(fifo, r"content/pipe\.md: not a regular file", id="fifo-source"),
    pytest.param(
        replace_in("content/festivals.md", "date: 2023-04-12", "date: 2023-02-30"),
        r"content/festivals\.md:\d+: 'date' is not a day of the calendar",
        id="impossible-date",
    ),
    pytest.param(
        replace_in("content/festivals.md", "date: 2023-04-12", "date: '2023-02-30'"),
        r"content/festivals\.md:\d+: 'date' is not a day of the calendar",
        id="impossible-quoted-date",
    ),
    pytest.param(deep_front_matter, r"content/deep\.md:2: front matter is nested too deeply", id="deep-yaml"),
    pytest.param(
        prepend_bytes(FESTIVALS_IT, b"\xef\xbb\xbf"),
        rf"{FESTIVALS_IT}:1: the file starts with a byte order mark, which msgfmt refuses",
        id="po-bom",
    ),
    pytest.param(
        insert_bytes(FESTIVALS_IT, b'msgstr "*Leaving', b"\x00"),
        rf"{FESTIVALS_IT}:\d+: the file holds a NUL character, where gettext would cut the string short",
        id="po-nul",
    ),
    pytest.param(
        insert_bytes(FESTIVALS_IT, b'msgstr "*Leaving', b"\\0"),
        rf"{FESTIVALS_IT}:\d+: '\\0' is a NUL character",
        id="po-escaped-nul",
    ),
    pytest.param(
        insert_bytes(FESTIVALS_IT, b'msgstr "*Leaving', b"\\x00"),
        rf"{FESTIVALS_IT}:\d+: '\\x00' is a NUL character",
        id="po-hex-nul",
    ),
    pytest.param(
        folder_for(FESTIVALS_IT),
        rf"{FESTIVALS_IT}: not a regular file; a catalogue must be a plain PO file",
        id="po-is-a-folder",
    ),
    pytest.param(
        write_source("deep.md", "# Deep\n\nIntro.\n\n" + "> " * 20 + "Deep text.\n"),
        r"content/deep\.md:5: blocks nested too deeply",
        id="deep-quotes",
    ),
    pytest.param(
        write_source("deep.md", "# Deep\n\n" + "".join("  " * level + "- item\n" for level in range(12))),
        r"content/deep\.md:\d+: blocks nested too deeply",
        id="deep-lists",
    ),
]

# The rest of the corpus: each case with the commands that read what it damages. In the CI
# profile each runs with one of them in turn; with I18NTOOL_PROFILE=long, with every one.
PO_READERS = EVERY
MORE = [
    # PO syntax, as strict as msgfmt
    pytest.param(
        replace_in(FESTIVALS_IT, 'festival"\n\n#. front matter: summary', "festival\n\n#. front matter: summary"),
        rf"{FESTIVALS_IT}:\d+: unterminated string; close the quote",
        PO_READERS,
        id="po-unterminated",
    ),
    pytest.param(
        replace_in(FESTIVALS_IT, 'msgstr "*Leaving the Factory* nel', 'msgstr "*Leaving\\q the Factory* nel'),
        rf"{FESTIVALS_IT}:\d+: invalid escape '\\q' in string",
        PO_READERS,
        id="po-unknown-escape",
    ),
    pytest.param(
        remove_line(FESTIVALS_IT, 'msgstr "*Leaving the Factory* nel circuito dei festival"'),
        rf"{FESTIVALS_IT}:\d+: comment in the middle of an entry",
        PO_READERS,
        id="po-missing-msgstr",
    ),
    pytest.param(
        append_bytes(FESTIVALS_IT, b'\nmsgid "Screenings and prizes"\nmsgstr "x"\n'),
        rf"{FESTIVALS_IT}:\d+: duplicate message definition; the first is at line \d+",
        PO_READERS,
        id="po-duplicate",
    ),
    pytest.param(
        insert_bytes(FESTIVALS_IT, b'msgstr "*Leaving', b"\xff"),
        rf"{FESTIVALS_IT}:\d+: invalid UTF-8 byte sequence",
        PO_READERS,
        id="po-invalid-utf8",
    ),
    pytest.param(
        replace_in(FESTIVALS_IT, "charset=UTF-8", "charset=KLINGON-8"),
        rf"{FESTIVALS_IT}:12: unknown charset 'KLINGON-8'",
        PO_READERS,
        id="po-unknown-charset",
    ),
    pytest.param(
        append_bytes(FESTIVALS_IT, b'\nmsgfoo "x"\n'),
        rf"{FESTIVALS_IT}:\d+: unknown keyword 'msgfoo'",
        PO_READERS,
        id="po-unknown-keyword",
    ),
    pytest.param(
        append_bytes(FESTIVALS_IT, b'\nmsgid "a file"\nmsgid_plural "files"\nmsgstr "un file"\n'),
        rf"{FESTIVALS_IT}:\d+: an entry with msgid_plural needs msgstr\[0\]",
        PO_READERS,
        id="po-plural-without-forms",
    ),
    pytest.param(
        replace_in(
            FESTIVALS_IT,
            'msgstr "*Leaving the Factory* nel circuito dei festival"',
            'msgstr "*Leaving the Factory*" nel circuito',
        ),
        rf"{FESTIVALS_IT}:\d+: unexpected text after the string",
        PO_READERS,
        id="po-text-after-string",
    ),
    pytest.param(truncate(FESTIVALS_IT), rf"{FESTIVALS_IT}:\d+: unterminated string", PO_READERS, id="po-truncated"),
    pytest.param(
        replace_file(FESTIVALS_IT, b"\xde\x12\x04\x95" + bytes(range(256))),
        rf"{FESTIVALS_IT}:1: invalid UTF-8 byte sequence",
        PO_READERS,
        id="po-mo-bytes",
    ),
    pytest.param(
        append_bytes(FESTIVALS_IT, b"\nthis is not PO\n"),
        rf"{FESTIVALS_IT}:\d+: unknown keyword 'this'",
        PO_READERS,
        id="po-stray-text",
    ),
    pytest.param(
        append_bytes("locales/it/LC_MESSAGES/glossary.po", b'\nmsgid "x\n'),
        r"locales/it/LC_MESSAGES/glossary\.po:\d+: unterminated string",
        ("update", "check"),
        id="glossary-broken",
    ),
    pytest.param(
        append_bytes("locales/it/LC_MESSAGES/ui.po", b'\nmsgid "x\n'),
        r"locales/it/LC_MESSAGES/ui\.po:\d+: unterminated string",
        ("update", "build", "compile"),
        id="ui-broken",
    ),
    pytest.param(
        append_bytes("locales/templates/festivals.pot", b'\nmsgid "x\n'),
        r"locales/templates/festivals\.pot:\d+: unterminated string",
        ("update",),
        id="template-broken",
    ),
    # file kinds
    pytest.param(
        fifo_at(FESTIVALS_IT),
        rf"{FESTIVALS_IT}: not a regular file; a catalogue must be a plain PO file",
        PO_READERS,
        id="po-fifo",
    ),
    pytest.param(
        symlink_at(FESTIVALS_IT, "/tmp"), rf"{FESTIVALS_IT}: not a regular file", PO_READERS, id="po-link-to-a-folder"
    ),
    pytest.param(
        folder_for("locales/templates/festivals.pot"),
        r"locales/templates/festivals\.pot: not a regular file",
        ("update",),
        id="template-is-a-folder",
    ),
    pytest.param(
        folder_source("bad.md"),
        r"content/bad\.md: not a regular file; a source text must be a plain Markdown file",
        EVERY,
        id="source-is-a-folder",
    ),
    pytest.param(
        symlink_at("content/outside.md", "/etc/hostname"),
        r"content/outside\.md: source text is a link to a file outside the project",
        EVERY,
        id="source-links-outside",
    ),
    pytest.param(no_folder("content"), r"content: content folder does not exist", EVERY, id="no-content-folder"),
    pytest.param(file_for_folder("content"), r"content: content folder does not exist", EVERY, id="content-is-a-file"),
    pytest.param(
        file_for_folder("locales"),
        r"locales/\S+: cannot read catalogue: Not a directory",
        ("update", "build"),
        id="locales-is-a-file",
    ),
    # Markdown sources
    pytest.param(
        replace_file("content/bad.md", b"# Title\n\nCaf\xe9.\n"),
        r"content/bad\.md:3: source text is not valid UTF-8",
        EVERY,
        id="source-invalid-utf8",
    ),
    pytest.param(
        write_source("bad.md", "# Title\n\nA\x00B.\n"),
        r"content/bad\.md:3: source text holds a NUL character",
        EVERY,
        id="source-nul",
    ),
    pytest.param(
        write_source("bad name!.md", "# Title\n"),
        r"content/bad name!\.md: unsafe document id 'bad name!'",
        EVERY,
        id="source-odd-id",
    ),
    pytest.param(
        write_source("index.md", "# Title\n"),
        r"content/index\.md: the document id 'index' would overwrite the index pages",
        ("build",),
        id="source-index-id",
    ),
    # front matter (YAML)
    pytest.param(
        front_matter("title: [unclosed"), r"content/bad\.md:3: front matter is not valid YAML", EVERY, id="yaml-syntax"
    ),
    pytest.param(
        front_matter("- a\n- b"),
        r"content/bad\.md:2: front matter must be a mapping of keys to values",
        EVERY,
        id="yaml-list",
    ),
    pytest.param(
        front_matter("lang: xx"),
        r"content/bad\.md:2: 'lang: xx' is not a language of this project",
        EVERY,
        id="yaml-unknown-lang",
    ),
    pytest.param(
        front_matter("title:\n  a: b"),
        r"content/bad\.md:3: translatable key 'title' must be a string",
        EVERY,
        id="yaml-title-mapping",
    ),
    pytest.param(
        front_matter("title: A\n\tsummary: B"),
        r"content/bad\.md:3: front matter is not valid YAML: found character '\\t'",
        EVERY,
        id="yaml-tab",
    ),
    pytest.param(
        front_matter("title: A\ntitle: B"),
        r"content/bad\.md:3: front matter has the key 'title' twice \(first on line 2\)",
        EVERY,
        id="yaml-duplicate-key",
    ),
    pytest.param(
        front_matter("date: soon"),
        r"content/bad\.md:2: 'date' must be an ISO date such as 2023-03-08, not 'soon'",
        EVERY,
        id="yaml-date-word",
    ),
    pytest.param(
        front_matter("date: 2023-04-12 25:00:00"),
        r"content/bad\.md:2: 'date' is not a day of the calendar: hour must be in 0\.\.23",
        EVERY,
        id="yaml-impossible-time",
    ),
    # settings
    pytest.param(
        set_setting("colour", '"blue"'),
        r"pyproject\.toml:\d+: unknown setting 'colour'; known settings: name,",
        EVERY,
        id="setting-unknown",
    ),
    pytest.param(
        set_setting("langauges", '["en", "it"]'),
        r"pyproject\.toml:\d+: unknown setting 'langauges'; did you mean 'languages'\?",
        EVERY,
        id="setting-misspelt",
    ),
    pytest.param(
        set_setting("languages", '["en", "xx"]'),
        r"pyproject\.toml:\d+: unknown language 'xx'",
        EVERY,
        id="setting-unknown-language",
    ),
    pytest.param(
        set_setting("languages", '"en"'),
        r"pyproject\.toml:\d+: setting 'languages' must be a list of strings, not 'en'",
        EVERY,
        id="setting-languages-string",
    ),
    pytest.param(
        set_setting("languages", "[]"),
        r"pyproject\.toml:\d+: setting 'languages' needs two or more different languages",
        EVERY,
        id="setting-no-languages",
    ),
    pytest.param(
        set_setting("source-language", '"de"'),
        r"pyproject\.toml:\d+: source language 'de' is not one of the languages",
        EVERY,
        id="setting-source-language",
    ),
    pytest.param(
        set_setting("publish-threshold", "150"),
        r"pyproject\.toml:\d+: setting 'publish-threshold' must be between 0 and 100, not 150",
        EVERY,
        id="setting-threshold-too-big",
    ),
    pytest.param(
        set_setting("publish-threshold", '"all"'),
        r"pyproject\.toml:\d+: setting 'publish-threshold' must be a percentage, not 'all'",
        EVERY,
        id="setting-threshold-word",
    ),
    pytest.param(
        set_setting("formats", '["pdf"]'), r"pyproject\.toml:\d+: unknown format 'pdf'", EVERY, id="setting-format"
    ),
    pytest.param(
        set_setting("content", '"/etc"'),
        r"pyproject\.toml:\d+: setting 'content' must be a folder inside the project, not '/etc'",
        EVERY,
        id="setting-content-absolute",
    ),
    pytest.param(
        set_setting("content", '"../x"'),
        r"pyproject\.toml:\d+: setting 'content' must be a folder inside the project, not '\.\./x'",
        EVERY,
        id="setting-content-outside",
    ),
    pytest.param(
        set_setting("output", '"../out"'),
        r"pyproject\.toml:\d+: setting 'output' must be a folder inside the project",
        EVERY,
        id="setting-output-outside",
    ),
    pytest.param(
        set_setting("output", '"content/out"'),
        r"pyproject\.toml:\d+: setting 'output' must not be, hold or lie inside the content folder",
        EVERY,
        id="setting-output-in-content",
    ),
    pytest.param(
        set_setting("translatable-keys", '"title"'),
        r"pyproject\.toml:\d+: setting 'translatable-keys' must be a list of strings",
        EVERY,
        id="setting-keys-string",
    ),
    pytest.param(
        set_setting("date-locales", '{ en = "xx_YY" }'),
        r"pyproject\.toml:\d+: unknown language 'xx_YY'",
        EVERY,
        id="setting-date-locale",
    ),
    pytest.param(
        set_setting("localised-links", '"x"'),
        r"pyproject\.toml:\d+: setting 'localised-links' must be a list of tables",
        EVERY,
        id="setting-links",
    ),
    pytest.param(
        set_setting("glossary", '"../x"'),
        r"pyproject\.toml:\d+: setting 'glossary' must be a catalogue name such as \"glossary\", not '\.\./x'",
        EVERY,
        id="setting-glossary-outside",
    ),
    pytest.param(
        set_setting("name", "5"),
        r"pyproject\.toml:\d+: setting 'name' must be a string, not 5",
        EVERY,
        id="setting-name-number",
    ),
    pytest.param(
        append_bytes("pyproject.toml", b"[tool.i18ntool\n"),
        r"pyproject\.toml:\d+: invalid TOML",
        EVERY,
        id="toml-syntax",
    ),
]


def corpus() -> list[object]:
    """Every case with the command(s) it runs with in this profile."""
    cases = [pytest.param(*case.values, EVERY, id=case.id) for case in CASES] + MORE
    runs: list[object] = []
    for index, case in enumerate(cases):
        damage, message, commands = case.values
        assert isinstance(commands, tuple)
        for command in commands if LONG else (commands[index % len(commands)],):
            runs.append(pytest.param(damage, message, command, id=f"{case.id}-{command}"))
    return runs


@pytest.mark.parametrize(("damage", "message", "command"), corpus())
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
    project_dir: Path, damage: Callable[[Path], None], message: str, command: str
) -> None:
    damage(project_dir)
    before = snapshot(project_dir)
    result = CliRunner().invoke(main, ["--project", str(project_dir), command])
    assert result.exit_code == 2, (result.output, result.exception)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and re.match(rf"i18ntool: (\S*/)?{message}", lines[0]), result.output
    assert "Traceback" not in result.output
    assert snapshot(project_dir) == before


@pytest.mark.parametrize(
    "command",
    [
        ["update"],
        ["coverage"],
        ["check"],
        ["todo"],
        ["build"],
        ["compile"],
        ["review", "festivals", "--reviewer", "M"],
    ],
)
def test_a_catalogue_that_is_a_folder_is_the_same_error_in_every_command(project_dir: Path, command: list[str]) -> None:
    folder_for(FESTIVALS_IT)(project_dir)
    result = CliRunner().invoke(main, ["--project", str(project_dir), *command])
    assert (result.exit_code, result.output) == (
        2,
        f"i18ntool: {FESTIVALS_IT}: not a regular file; a catalogue must be a plain PO file\n",
    )


def test_the_corpus_holds_sixty_cases_or_more() -> None:
    assert len(CASES) + len(MORE) >= 60
    assert len({case.id for case in [*CASES, *MORE]}) == len(CASES) + len(MORE)


@pytest.mark.parametrize(
    "relative", [FESTIVALS_IT, "locales/templates/gone.pot"], ids=["catalogue", "template-of-no-document"]
)
@pytest.mark.parametrize("command", [["update"], ["update", "--check"]], ids=["update", "check"])
def test_a_fifo_among_the_catalogues_is_an_error_not_a_wait_with_the_cache_on(
    project_dir: Path, relative: str, command: list[str]
) -> None:
    """`update` first digests every file under locales/ to see whether it found them in step
    before: a FIFO there is reported, not read (which waits for a writer for ever)."""
    (project_dir / relative).unlink(missing_ok=True)
    os.mkfifo(project_dir / relative)
    result = CliRunner().invoke(main, ["--project", str(project_dir), *command])
    assert (result.exit_code, result.output) == (
        2,
        f"i18ntool: {relative}: not a regular file; a catalogue must be a plain PO file\n",
    )


def test_a_fifo_is_not_read_by_a_build_that_reuses_the_last_one(project_dir: Path) -> None:
    """A build after a build digests every input and reads every output in place and its
    manifest: a FIFO among the catalogues is reported, one among the outputs or in the
    manifest's place replaced, none waited on."""
    run = CliRunner().invoke
    assert run(main, ["--project", str(project_dir), "build"]).exit_code == 0
    output = project_dir / "build" / "it" / "festivals.md"
    kept = output.read_bytes()
    output.unlink()
    os.mkfifo(output)
    assert run(main, ["--project", str(project_dir), "build"]).exit_code == 0
    assert output.read_bytes() == kept
    manifest = project_dir / "build" / "manifest.json"
    manifest.unlink()
    os.mkfifo(manifest)
    result = run(main, ["--project", str(project_dir), "build"])
    assert result.exit_code == 0 and "manifest.json: not a manifest of i18ntool's" in result.output
    assert manifest.is_file()
    (project_dir / FESTIVALS_IT).unlink()
    os.mkfifo(project_dir / FESTIVALS_IT)
    result = run(main, ["--project", str(project_dir), "build"])
    assert (result.exit_code, result.output) == (
        2,
        f"i18ntool: {FESTIVALS_IT}: not a regular file; a catalogue must be a plain PO file\n",
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device that refuses every write")
@pytest.mark.parametrize(
    "command", [["update", "--check"], ["coverage"], ["build"]], ids=["update", "coverage", "build"]
)
def test_standard_output_that_refuses_writes_is_one_line_and_exit_2(
    project_dir: Path, tmp_path: Path, command: list[str]
) -> None:
    """A full disk (here /dev/full) under standard output: one line on standard error, exit
    2, no trace. Each command runs first into a pipe, so that the second is answered from
    what the first kept where it keeps anything (`coverage`'s output, `build`'s answer)."""
    import subprocess
    import sys

    environment = {**os.environ, "I18NTOOL_CACHE_DIR": str(tmp_path / "cache")}
    arguments = [sys.executable, "-m", "i18ntool", "--project", str(project_dir), *command]
    subprocess.run(arguments, env=environment, capture_output=True, check=False)  # keeps what it may
    with open("/dev/full", "w") as full:
        result = subprocess.run(arguments, env=environment, stdout=full, stderr=subprocess.PIPE, check=False)
    assert result.returncode == 2
    assert (
        result.stderr.decode().splitlines()[-1] == "i18ntool: cannot write to standard output: No space left on device"
    )
    assert b"Traceback" not in result.stderr
