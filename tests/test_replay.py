"""A command's output written again when nothing it came from has changed (``replay``): never
after a change, always what the command itself would write."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from i18ntool import replay

# The command line as the installed script runs it, telling as it ends whether click was
# imported (it is not when the output was written again). start ends the process with
# os._exit, after which no atexit function runs: it is wrapped.
_RUN = (
    "import os, sys\n"
    "mark = sys.argv.pop(1)\n"
    "end = os._exit\n"
    "os._exit = lambda code: (open(mark, 'w').write(str('click' in sys.modules)), end(code))\n"
    "from i18ntool.start import main\n"
    "main()\n"
)


class Runs:
    """Runs of the command line on one project, with one cache folder of its own."""

    def __init__(self, tmp_path: Path, project: Path) -> None:
        self.project = project
        self.cache = tmp_path / "cache"
        self.mark = tmp_path / "mark"

    def run(self, *arguments: str, cache: bool = True, **environment: str) -> tuple[str, str, int, bool]:
        """stdout, stderr, the exit code, and whether the output was written again."""
        env = {**os.environ, "I18NTOOL_CACHE_DIR": str(self.cache), **environment}
        if not cache:
            env["I18NTOOL_CACHE"] = "off"
        done = subprocess.run(
            [sys.executable, "-c", _RUN, str(self.mark), "--project", str(self.project), *arguments],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        return done.stdout, done.stderr, done.returncode, self.mark.read_text() == "False"

    def plain(self, *arguments: str) -> tuple[str, str, int]:
        """What the command writes with no cache at all."""
        out, err, code, replayed = self.run(*arguments, cache=False)
        assert not replayed
        return out, err, code

    def kept(self, *arguments: str) -> tuple[str, str, int]:
        """Run with the files at rest, then again: the second run is written again. (One run
        before, for Python to write its compiled modules: a new ``__pycache__`` folder changes
        its package's folder.)"""
        self.run(*arguments)
        settle()
        first = self.run(*arguments)
        second = self.run(*arguments)
        assert second[3], "the second run with nothing changed was not answered from its kept output"
        assert second[:3] == first[:3]
        return second[:3]


def _checked_paths(entry: bytes) -> list[str]:
    """The paths an entry checks (``replay``'s format: after three lines, the output, then
    NUL-separated paths and what each should be)."""
    lengths = entry.split(b"\n", 3)[2]
    out_length, err_length = map(int, lengths.split(b" ")[:2])
    fields = entry.split(b"\n", 3)[3][out_length + err_length :].split(b"\0")
    return [os.fsdecode(path) for path in fields[0::2]]


def settle() -> None:
    """Wait until the files just written are at rest by ``replay``'s margin, as files are
    between a user's edit and the next command."""
    time.sleep(2 * replay.SETTLED_FINE / 1e9)


@pytest.fixture
def runs(tmp_path: Path, project_dir: Path) -> Runs:
    return Runs(tmp_path, project_dir)


def _own_settings(project: Path) -> str:
    """The project's settings as an i18ntool.toml of their own, under another name."""
    lines, inside = [], False
    for line in (project / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            inside = line.startswith("[tool.i18ntool")
        if inside:
            lines.append(line.replace('name = "Leaving', 'name = "Other'))
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _linked_to_copy(path: Path) -> None:
    copy = path.parent.parent.parent.parent / "copy.po"
    shutil.copy(path, copy)
    path.unlink()
    path.symlink_to(copy)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_run_with_nothing_changed_is_written_again_byte_for_byte(runs: Runs) -> None:
    assert runs.kept("coverage") == runs.plain("coverage")
    assert runs.kept("coverage", "--format", "json") == runs.plain("coverage", "--format", "json")


def test_a_failed_gate_is_written_again_with_its_message_and_exit_code(runs: Runs) -> None:
    out, err, code = runs.kept("coverage", "--fail-under", "99")
    assert code == 1 and "i18ntool: " in err
    assert (out, err, code) == runs.plain("coverage", "--fail-under", "99")


# Each edit a user or a tool makes: never answered from the output kept before it, and the
# next run is what the command itself writes.
EDITS: dict[str, Callable[[Path], object]] = {
    "a source text, same size": lambda p: _edit(p / "content" / "festivals.md", "Festival", "Festivak"),
    "a catalogue, same size": lambda p: _edit(
        p / "locales" / "it" / "LC_MESSAGES" / "festivals.po", 'msgstr "', 'msgstr "X'
    ),
    "a new document": lambda p: (p / "content" / "new-page.md").write_text(
        "---\ntitle: New\n---\n\nA new paragraph.\n"
    ),
    "a catalogue removed": lambda p: (p / "locales" / "it" / "LC_MESSAGES" / "festivals.po").unlink(),
    "a document in a new folder": lambda p: _write(
        p / "content" / "extra" / "page.md", "---\ntitle: Extra\n---\n\nMore.\n"
    ),
    "the settings": lambda p: _edit(p / "pyproject.toml", 'name = "Leaving', 'name = "Arriving'),
    "settings of their own beside": lambda p: (p / "i18ntool.toml").write_text(_own_settings(p)),
    "a file touched": lambda p: os.utime(p / "content" / "festivals.md"),
    "a file written back as it was": lambda p: (p / "content" / "festivals.md").write_bytes(
        (p / "content" / "festivals.md").read_bytes()
    ),
    "a catalogue replaced by a link to a copy": lambda p: _linked_to_copy(
        p / "locales" / "it" / "LC_MESSAGES" / "festivals.po"
    ),
    "permissions": lambda p: os.chmod(p / "content" / "festivals.md", 0o600),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_after_any_edit_the_command_runs_again(runs: Runs, edit: str) -> None:
    runs.kept("coverage")
    EDITS[edit](runs.project)
    out, err, code, replayed = runs.run("coverage")
    assert not replayed
    assert (out, err, code) == runs.plain("coverage")


def test_an_edit_of_a_file_in_a_linked_folder_is_seen(runs: Runs, tmp_path: Path) -> None:
    """A catalogue folder that is a link: the files it leads to are looked at, not the link."""
    folder = runs.project / "locales" / "it"
    shutil.move(folder, tmp_path / "it-elsewhere")
    folder.symlink_to(tmp_path / "it-elsewhere")
    runs.kept("coverage")
    _edit(tmp_path / "it-elsewhere" / "LC_MESSAGES" / "festivals.po", 'msgstr "', 'msgstr "X')
    out, err, code, replayed = runs.run("coverage")
    assert not replayed
    assert (out, err, code) == runs.plain("coverage")


def test_a_reader_gone_ends_the_output_as_the_command_does(runs: Runs) -> None:
    """A pipe closed before the output is written: exit 1 and nothing on stderr, as click
    ends the command itself."""
    runs.kept("coverage")
    endings = []
    for cache in ({}, {"I18NTOOL_CACHE": "off"}):
        command = [sys.executable, "-c", _RUN, str(runs.mark), "--project", str(runs.project), "coverage"]
        env = {**os.environ, "I18NTOOL_CACHE_DIR": str(runs.cache), **cache}
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
            assert process.stdout is not None and process.stderr is not None
            process.stdout.close()  # before Python has started in the child
            endings.append((process.wait(), process.stderr.read(), runs.mark.read_text()))
    assert endings == [(1, b"", "False"), (1, b"", "True")]


def test_another_situation_is_not_answered_from_the_kept_output(runs: Runs) -> None:
    runs.kept("coverage")
    assert not runs.run("coverage", NO_COLOR="1")[3]  # another environment
    assert not runs.run("coverage", "--words")[3]  # another command line
    other = runs.project.parent / "other"
    shutil.copytree(runs.project, other)
    runs.project = other  # the same files elsewhere
    assert not runs.run("coverage")[3]


def test_an_error_is_not_kept(runs: Runs) -> None:
    _edit(runs.project / "locales" / "it" / "LC_MESSAGES" / "festivals.po", 'msgid "', 'msgid x"')
    settle()
    first = runs.run("coverage")
    second = runs.run("coverage")
    assert first[2] == 2 and not second[3]
    assert second[:3] == first[:3]


def test_a_command_given_documents_or_another_command_is_not_kept(runs: Runs) -> None:
    settle()
    for arguments in (("coverage", "festivals"), ("todo",), ("check",)):
        runs.run(*arguments)
        assert not runs.run(*arguments)[3]


def test_nothing_is_kept_for_a_terminal(runs: Runs) -> None:
    settle()
    primary, secondary = pty.openpty()
    try:
        for _ in range(2):
            subprocess.run(
                [sys.executable, "-c", _RUN, str(runs.mark), "--project", str(runs.project), "coverage"],
                stdout=secondary,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "I18NTOOL_CACHE_DIR": str(runs.cache)},
                check=True,
            )
            assert runs.mark.read_text() == "True"
    finally:
        os.close(primary)
        os.close(secondary)
    assert not (runs.cache / "runs").exists()


def test_a_damaged_entry_is_ignored_and_written_anew(runs: Runs) -> None:
    runs.kept("coverage")
    (entry,) = (runs.cache / "runs").iterdir()
    whole = entry.read_bytes()
    hostile = [
        whole[: len(whole) // 2],
        b"",
        b"\x00" * 64,
        whole.replace(b"\n", b"\n9999999999999999 ", 3),  # lengths beyond the file
        whole + b"\0extra",
        whole.replace(b"\0s", b"\0x", 1),  # a check of no known kind
        bytes(range(256)) * 4,
    ]
    for damaged in hostile:
        entry.write_bytes(damaged)
        out, err, code, replayed = runs.run("coverage")
        assert not replayed
        assert (out, err, code) == runs.plain("coverage")
    assert runs.run("coverage")[3]


def test_an_input_changed_since_the_run_began_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file whose last change is not older than the run's start by the margin could change
    again without another signature: no output is kept on its word."""
    monkeypatch.setenv("I18NTOOL_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "input.md"
    source.write_text("text")
    monkeypatch.setattr(replay, "_STARTED", time.time_ns())
    replay._keep(["i18ntool", "coverage"], [str(source)], b"out", b"", 0)
    assert not (tmp_path / "cache" / "runs").exists()
    monkeypatch.setattr(replay, "_STARTED", time.time_ns() + 10 * replay.SETTLED)
    replay._keep(["i18ntool", "coverage"], [str(source)], b"out", b"", 0)
    assert replay._kept_output(["i18ntool", "coverage"]) == (b"out", b"", 0)
    source.write_text("text")
    assert replay._kept_output(["i18ntool", "coverage"]) is None


def test_every_file_and_folder_coverage_reads_is_named(runs: Runs, tmp_path: Path) -> None:
    """Each file opened and each folder listed in the project by a `coverage` (from nothing
    kept, and from kept rows) is among the inputs it names, as the audit hooks of Python see
    them."""
    log = tmp_path / "opened"
    audit = (
        "import os, sys\n"
        f"log = open({str(log)!r}, 'a')\n"
        "def hook(event, args):\n"
        "    if event in ('open', 'os.scandir', 'os.listdir') and isinstance(args[0], str):\n"
        "        log.write(os.path.realpath(args[0]) + '\\n'); log.flush()\n"
        "sys.addaudithook(hook)\n"
    )
    project = os.path.realpath(runs.project)
    for again in ("", "1"):  # the second in another environment: from the rows kept, not written again
        settle()
        subprocess.run(
            [sys.executable, "-c", audit + _RUN, str(runs.mark), "--project", str(runs.project), "coverage"],
            capture_output=True,
            env={**os.environ, "I18NTOOL_CACHE_DIR": str(runs.cache), "I18NTOOL_JOBS": "1", "AGAIN": again},
            check=True,
        )
        assert runs.mark.read_text() == "True"
    (entry,) = (runs.cache / "runs").iterdir()
    named = {os.path.realpath(path) for path in _checked_paths(entry.read_bytes())}
    read = {path for path in log.read_text().splitlines() if path.startswith(project + os.sep) or path == project}
    assert read and read <= named


def test_every_module_of_i18ntool_is_known_whether_loaded_or_not() -> None:
    """An answer from the cache needs none of the parsers: a later edit of one must still
    tell, as it changes what a run that measures would answer."""
    package = Path(replay.__file__).parent
    named = set(replay._code_paths())
    assert {str(path) for path in package.rglob("*.py")} <= named
    assert str(package / "markdown") in named  # a module added beside the others


# The command line, with the renames of its argument after the mark ("a>b;c>d") made as the measuring
# begins (the project already found).
_SWAPPING = (
    "import os, sys\n"
    "import i18ntool.project_coverage as measuring\n"
    "plain = measuring.measure_project\n"
    "renames = sys.argv.pop(2)\n"
    "def swapping(*args, **kwargs):\n"
    "    for rename in renames.split(';'):\n"
    "        os.rename(*rename.split('>'))\n"
    "    return plain(*args, **kwargs)\n"
    "measuring.measure_project = swapping\n"
)


@pytest.mark.parametrize("through", ["a link", "a folder"])
def test_a_project_replaced_while_a_run_measures_it_keeps_nothing(runs: Runs, tmp_path: Path, through: str) -> None:
    """A project found through a link (a release deployed as ``current``) or in a folder that
    is replaced while the run measures it: the run measured one, the files at the end are
    the other's, all at rest. Nothing is kept: the next run measures the project there now."""
    releases = tmp_path / "releases"
    releases.mkdir()
    shutil.copytree(runs.project, releases / "one")
    shutil.copytree(runs.project, releases / "two")
    _edit(releases / "two" / "pyproject.toml", 'name = "Leaving', 'name = "Release two of Leaving')
    current = releases / "current"
    if through == "a link":
        current.symlink_to("one")
        (releases / "next").symlink_to("two")
        renames = [(releases / "next", current)]
    else:
        (releases / "one").rename(current)
        renames = [(current, releases / "one"), (releases / "two", current)]
    runs.project = current
    settle()
    swaps = ";".join(f"{old}>{new}" for old, new in renames)
    measured = subprocess.run(
        [sys.executable, "-c", _SWAPPING + _RUN, str(runs.mark), swaps, "--project", str(current), "coverage"],
        capture_output=True,
        text=True,
        env={**os.environ, "I18NTOOL_CACHE_DIR": str(runs.cache)},
        check=True,
    )
    assert "Leaving the Factory" in measured.stdout and "Release two" not in measured.stdout
    settle()
    out, err, code, replayed = runs.run("coverage")
    assert not replayed
    assert (out, err, code) == runs.plain("coverage")
    assert "Release two" in out


def test_a_folder_reached_through_links_is_followed_again(runs: Runs) -> None:
    """Settings that name a folder reached through links (content -> texts/current -> v1):
    a link on the way retargeted is seen, though every file either way is at rest."""
    texts = runs.project / "texts"
    texts.mkdir()
    shutil.move(runs.project / "content", texts / "v1")
    shutil.copytree(texts / "v1", texts / "v2")
    (texts / "v2" / "festivals.md").unlink()
    (texts / "current").symlink_to("v1")
    (runs.project / "content").symlink_to("texts/current")
    runs.kept("coverage")
    (texts / "next").symlink_to("v2")
    (texts / "next").rename(texts / "current")
    settle()
    out, err, code, replayed = runs.run("coverage")
    assert not replayed
    assert (out, err, code) == runs.plain("coverage")


def test_an_interruption_is_not_kept_as_the_answer(runs: Runs) -> None:
    """Ctrl-C after the command has said what its answer came from: the run ends with 130,
    and the next one measures again."""
    interrupting = (
        "import i18ntool.replay as replay\n"
        "said = replay.depends_on\n"
        "def interrupted(*args):\n"
        "    said(*args)\n"
        "    raise KeyboardInterrupt\n"
        "replay.depends_on = interrupted\n"
    )
    settle()
    command = [sys.executable, "-c", interrupting + _RUN, str(runs.mark), "--project", str(runs.project), "coverage"]
    env = {**os.environ, "I18NTOOL_CACHE_DIR": str(runs.cache)}
    assert subprocess.run(command, capture_output=True, env=env, check=False).returncode == 130
    out, err, code, replayed = runs.run("coverage")
    assert not replayed and code == 0
    assert (out, err, code) == runs.plain("coverage")


def test_other_interpreter_options_are_another_situation(runs: Runs) -> None:
    runs.kept("coverage")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _RUN, str(runs.mark), "--project", str(runs.project), "coverage"],
        capture_output=True,
        env={**os.environ, "I18NTOOL_CACHE_DIR": str(runs.cache)},
        check=True,
    )
    assert runs.mark.read_text() == "True" and b"i18ntool.cli" in done.stderr


def test_another_import_path_is_another_situation(monkeypatch: pytest.MonkeyPatch) -> None:
    """A .pth file rewritten in place (an editable install moved to another checkout) changes
    no folder's times, but the import path."""
    before = replay._situation(["i18ntool", "coverage"])
    monkeypatch.setattr(sys, "path", ["/elsewhere", *sys.path])
    assert replay._situation(["i18ntool", "coverage"]) != before


def test_an_entry_put_in_place_as_a_link_is_replaced_not_followed(runs: Runs, tmp_path: Path) -> None:
    runs.kept("coverage")
    (entry,) = (runs.cache / "runs").iterdir()
    victim = tmp_path / "victim"
    victim.write_bytes(b"kept as it is")
    entry.unlink()
    entry.symlink_to(victim)
    runs.run("coverage")
    assert victim.read_bytes() == b"kept as it is"
    assert not entry.is_symlink() and runs.run("coverage")[3]


def test_a_project_folder_whose_name_is_not_utf8(runs: Runs, tmp_path: Path) -> None:
    other = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9"))
    shutil.copytree(runs.project, other)
    runs.project = other
    assert runs.kept("coverage") == runs.plain("coverage")
