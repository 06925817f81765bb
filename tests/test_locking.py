"""The project lock: writers wait for each other, give up naming the holder, and read after it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.cli import main
from i18ntool.errors import I18nToolError
from i18ntool.locking import LOCK_NAME, project_lock
from tests.conftest import REPOSITORY, snapshot

WRITERS = [
    pytest.param(["update"], id="update"),
    pytest.param(["init", "it"], id="init"),
    pytest.param(["review", "festivals", "--reviewer", "Maria Rossi"], id="review"),
    pytest.param(["build"], id="build"),
    pytest.param(["compile"], id="compile"),
]


def run(project: Path, *arguments: str, timeout: str = "0.2") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(project), *arguments], env={"I18NTOOL_LOCK_TIMEOUT": timeout})
    return result.exit_code, result.output


@pytest.mark.parametrize("arguments", WRITERS)
def test_a_writer_gives_up_naming_the_holder_and_writes_nothing(project_dir: Path, arguments: list[str]) -> None:
    with project_lock(project_dir, "i18ntool update"):
        before = snapshot(project_dir)
        code, output = run(project_dir, *arguments)
        assert snapshot(project_dir) == before
    assert code == 2, output
    lines = output.strip().splitlines()
    assert lines[0] == f"i18ntool: waiting for pid {os.getpid()}, `i18ntool update` to finish writing the project"
    assert re.fullmatch(
        rf"i18ntool: \S*{re.escape(LOCK_NAME)}: another i18ntool is writing this project \(pid {os.getpid()}, "
        r"`i18ntool update`\); gave up after waiting 0\.2 s\. Run this again when it has finished, "
        r"or set I18NTOOL_LOCK_TIMEOUT to wait longer",
        lines[1],
    ), lines
    assert len(lines) == 2


@pytest.mark.parametrize(
    "arguments",
    [
        pytest.param(["coverage"], id="coverage"),
        pytest.param(["check"], id="check"),
        pytest.param(["todo"], id="todo"),
        pytest.param(["update", "--check"], id="update-check"),
    ],
)
def test_readers_do_not_wait_for_the_lock(project_dir: Path, arguments: list[str]) -> None:
    with project_lock(project_dir, "i18ntool update"):
        code, output = run(project_dir, *arguments, timeout="0")
    assert code in (0, 1) and "waiting" not in output, output


def test_a_finished_writer_leaves_no_lock_file(project_dir: Path) -> None:
    code, output = run(project_dir, "update")
    assert code == 0, output
    assert not (project_dir / LOCK_NAME).exists()


def test_the_lock_is_free_once_its_holder_is_killed_even_with_a_child_alive(tmp_path: Path) -> None:
    # The holder forks a child (as build's worker processes are forked) and is killed: the
    # kernel releases the lock, and the child, which outlives it, must not hold it.
    script = textwrap.dedent(f"""
        import os, signal, sys, time
        from pathlib import Path
        from i18ntool.locking import project_lock
        with project_lock(Path({str(tmp_path)!r}), "i18ntool build"):
            child = os.fork()
            if child == 0:
                quiet = os.open(os.devnull, os.O_WRONLY)
                os.dup2(quiet, 1)
                os.dup2(quiet, 2)  # let the test read the holder's output to its end
                time.sleep(60)
                os._exit(0)
            print(child, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    holder = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPOSITORY, check=False)
    assert holder.returncode == -signal.SIGKILL, holder.stderr
    child = int(holder.stdout)
    try:
        dead = (tmp_path / LOCK_NAME).read_text(encoding="utf-8")
        assert dead.endswith(" i18ntool build\n") and dead != f"{child} i18ntool build\n"  # left by the killed holder
        with project_lock(tmp_path, "i18ntool update", timeout=1):
            assert (tmp_path / LOCK_NAME).read_text(encoding="utf-8") == f"{os.getpid()} i18ntool update\n"
    finally:
        os.kill(child, signal.SIGKILL)
    assert not (tmp_path / LOCK_NAME).exists()


def test_a_waiting_writer_reads_what_the_holder_wrote(project_dir: Path) -> None:
    # review waits while another writer holds the lock and changes a catalogue; when it gets
    # the lock, it must stamp the catalogue as that writer left it, losing nothing of its work.
    catalogue = project_dir / "locales/it/LC_MESSAGES/festivals.po"
    with project_lock(project_dir, "i18ntool update"):
        review = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "i18ntool",
                "--project",
                str(project_dir),
                "review",
                "festivals",
                "--reviewer",
                "Maria Rossi",
                "--date",
                "2026-01-05",
            ],
            cwd=REPOSITORY,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert review.stderr is not None
        assert "waiting for pid" in review.stderr.readline()  # it has tried, and waits
        text = catalogue.read_text(encoding="utf-8")
        catalogue.write_text(
            text.replace('msgid "Screenings and prizes"', '# kept by the holder\nmsgid "Screenings and prizes"', 1),
            encoding="utf-8",
        )
    stdout, stderr = review.communicate(timeout=60)
    assert review.returncode == 0, stderr
    assert "signed off" in stdout
    messages = {message.msgid: message for message in read_catalogue(catalogue).messages}
    heading = messages["Screenings and prizes"]
    assert "kept by the holder" in heading.translator_comments
    assert any(comment.startswith("reviewed: Maria Rossi, 2026-01-05") for comment in heading.translator_comments)


@pytest.mark.parametrize("value", ["soon", "-1", "nan"])
def test_a_timeout_that_is_not_seconds_is_an_error(project_dir: Path, value: str) -> None:
    code, output = run(project_dir, "update", timeout=value)
    assert code == 2
    assert output == f"i18ntool: I18NTOOL_LOCK_TIMEOUT={value!r} is not a number of seconds\n"


def test_a_lock_that_cannot_be_created_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "gone"
    with pytest.raises(I18nToolError, match="cannot take the project lock: No such file or directory"):
        with project_lock(missing, "i18ntool update"):
            pass
