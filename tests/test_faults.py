"""Invariant 7 with real processes: SIGKILL at random moments, and two writers at once.

Kills: `update`, `build` and `review` are killed at a random moment of their run. After each
kill every file is the old version or the new one (never a mix, never unreadable), and the
next normal run leaves no temporary file and a tree equal to a clean run's.

Concurrency: `update` with `review`, `build` or another `update`, started together. The
project lock makes them take turns, so the result is the tree of one order or the other:
nothing either wrote is lost.

The default profile kills each command twice and runs each pair together once; I18NTOOL_PROFILE=long
as RELIABILITY.md says (200 kills per command, 20 runs per pair).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.locking import LOCK_NAME
from tests.conftest import REPOSITORY, copy_project, profile, snapshot

REVIEW = [
    "review",
    "festivals",
    "press-release",
    "director-biography",
    "--reviewer",
    "Maria Rossi",
    "--date",
    "2026-01-05",
]
COMMANDS = {"update": ["update"], "build": ["build"], "review": REVIEW}
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "I18NTOOL_LOCK_TIMEOUT": "120", "NO_COLOR": "1"}


def start(project: Path, arguments: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "i18ntool", "--project", str(project), *arguments],
        cwd=REPOSITORY,
        env=ENVIRONMENT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def run(project: Path, arguments: list[str]) -> None:
    process = start(project, arguments)
    _, error = process.communicate(timeout=120)
    assert process.returncode == 0, error.decode()


def tree(project: Path) -> dict[str, bytes]:
    """Every file but the lock file, which a killed writer leaves for the next to take over."""
    return {name: data for name, data in snapshot(project).items() if name != LOCK_NAME}


def temporary(name: str) -> bool:
    return Path(name).name.startswith(".") and name.endswith(".tmp")


def restore(project: Path, pristine: Path) -> None:
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(pristine, project, symlinks=True)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with a paragraph added to every source text, so that `update` has work.
    Tests copy it before they run a command in it, so one copy serves them all."""
    project = copy_project(tmp_path_factory.mktemp("pristine") / "project")
    for source in (project / "content").glob("*.md"):
        source.write_text(
            source.read_text(encoding="utf-8") + "\nA closing paragraph added to every text.\n", encoding="utf-8"
        )
    return project


class CleanRuns:
    """Uninterrupted runs of commands, one after the other, on copies of the pristine project:
    each sequence is run once per module, and a longer one starts from its prefix's folder."""

    def __init__(self, pristine: Path, folders: pytest.TempPathFactory) -> None:
        self._folders: dict[tuple[str, ...], Path] = {(): pristine}
        self._factory = folders
        self.seconds: dict[tuple[str, ...], float] = {}  # how long each sequence's last run took

    def folder(self, *commands: str) -> Path:
        if commands not in self._folders:
            work = self._factory.mktemp("clean") / "project"
            shutil.copytree(self.folder(*commands[:-1]), work, symlinks=True)
            began = time.monotonic()
            run(work, COMMANDS[commands[-1]])
            self.seconds[commands] = time.monotonic() - began
            self._folders[commands] = work
        return self._folders[commands]

    def tree(self, *commands: str) -> dict[str, bytes]:
        return tree(self.folder(*commands))


@pytest.fixture(scope="module")
def clean(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> CleanRuns:
    return CleanRuns(pristine, tmp_path_factory)


def assert_readable(project: Path, name: str) -> None:
    if name.endswith((".po", ".pot")):
        read_catalogue(project / name)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_killed_run_leaves_every_file_old_or_new_and_the_next_run_finishes_the_work(
    pristine: Path, clean: CleanRuns, tmp_path: Path, command: str
) -> None:
    arguments = COMMANDS[command]
    work = tmp_path / "work"
    old, new = tree(pristine), clean.tree(command)
    duration = clean.seconds[(command,)]  # kills land anywhere within a clean run's time
    assert new != old and not any(map(temporary, new))
    randomness = random.Random(os.environ.get("I18NTOOL_KILL_SEED", "0"))
    mixed = 0
    for _ in range(profile(2, 200)):
        restore(work, pristine)
        process = start(work, arguments)
        time.sleep(randomness.uniform(0, duration))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        after = tree(work)
        for name, data in after.items():
            if temporary(name):
                continue  # a write cut short before its rename: the next run removes it
            assert data in (old.get(name), new.get(name)), f"{name} is neither the old nor the new version"
            assert_readable(work, name)
        assert set(old) - set(after) <= set(old) - set(new), "a file that stays was removed"
        finished = {name for name in after if not temporary(name) and after[name] == new.get(name) != old.get(name)}
        mixed += bool(finished) and finished != {name for name in new if new[name] != old.get(name)}
        run(work, arguments)
        assert tree(work) == new  # no temporary file left, and the work done as by a clean run
    print(f"{command}: {profile(2, 200)} kills, {mixed} in the middle of writing")


PAIRS = [
    pytest.param("update", "review", id="update-review"),
    pytest.param("update", "build", id="update-build"),
    pytest.param("update", "update", id="update-update"),
]


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_two_writers_at_once_take_turns_and_lose_nothing(
    pristine: Path, clean: CleanRuns, tmp_path: Path, first: str, second: str
) -> None:
    orders = [clean.tree(first, second), clean.tree(second, first)]
    work = tmp_path / "together"
    randomness = random.Random(0)
    for _ in range(profile(1, 20)):
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(pristine, work, symlinks=True)
        first_process = start(work, COMMANDS[first])
        time.sleep(randomness.uniform(0, 0.3))
        second_process = start(work, COMMANDS[second])
        for process in (first_process, second_process):
            _, error = process.communicate(timeout=120)
            assert process.returncode == 0, error.decode()
        assert tree(work) in orders, "the result is neither order's: one writer's work was lost"
