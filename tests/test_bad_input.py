"""Bad input: one line naming the file (and line), exit code 2, no traceback, nothing written."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from i18ntool.cli import main
from tests.conftest import snapshot


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


def deep_front_matter(project: Path) -> None:
    (project / "content/deep.md").write_text("---\nkey: " + "[" * 500 + "]" * 500 + "\n---\n\nText.\n", encoding="utf-8")


def fifo(project: Path) -> None:
    os.mkfifo(project / "content/pipe.md")


CASES = [
    pytest.param(set_setting("name", '"A\\nmsgid \\"x\\""'), r"pyproject\.toml:\d+: setting 'name' goes into every catalogue's header", id="newline-in-name"),
    pytest.param(set_setting("bugs-address", '"a@b.c\\r"'), r"pyproject\.toml:\d+: setting 'bugs-address' goes into", id="control-in-bugs-address"),
    pytest.param(set_setting("output", '"content"'), r"pyproject\.toml:\d+: setting 'output' must not be, hold or lie inside the content folder", id="output-is-content"),
    pytest.param(set_setting("output", '"locales/it"'), r"pyproject\.toml:\d+: setting 'output' .* inside the locales folder", id="output-in-locales"),
    pytest.param(set_setting("output", '"."'), r"pyproject\.toml:\d+: setting 'output' .* content folder", id="output-is-project"),
    pytest.param(set_setting("output", '".git"'), r"pyproject\.toml:\d+: setting 'output' .* the project's own folder", id="output-is-git"),
    pytest.param(append_bytes("pyproject.toml", b'x = "\xff"\n'), r"pyproject\.toml:\d+: invalid UTF-8 byte sequence", id="toml-invalid-utf8"),
    pytest.param(copy_source("ui.md"), r"content/ui\.md: 'ui' is the name of the catalogue that holds the words of the built pages", id="reserved-ui"),
    pytest.param(copy_source("glossary.md"), r"content/glossary\.md: 'glossary' is the name of the catalogue that holds the glossary", id="reserved-glossary"),
    pytest.param(fifo, r"content/pipe\.md: not a regular file", id="fifo-source"),
    pytest.param(replace_in("content/festivals.md", "date: 2023-04-12", "date: 2023-02-30"), r"content/festivals\.md:\d+: 'date' is not a day of the calendar", id="impossible-date"),
    pytest.param(replace_in("content/festivals.md", "date: 2023-04-12", "date: '2023-02-30'"), r"content/festivals\.md:\d+: 'date' is not a day of the calendar", id="impossible-quoted-date"),
    pytest.param(deep_front_matter, r"content/deep\.md:2: front matter is nested too deeply", id="deep-yaml"),
]


@pytest.mark.parametrize("command", ["update", "coverage", "build", "check"])
@pytest.mark.parametrize(("damage", "message"), CASES)
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
