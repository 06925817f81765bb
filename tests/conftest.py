"""Shared fixtures: copies of the shipped project in temporary folders, and GNU gettext.

``I18NTOOL_PROFILE=long`` runs the property tests and the tests that try to break i18ntool
(fuzzing, kills, concurrent runs, undo sequences) at the sizes the README's Development section
lists; by default they run a small share of that, to keep the whole suite within a minute on
two cores. Tests assert no times: timings live in ``benchmarks/``.

Where ``CI`` is set (as `.ci/run` runs), hypothesis draws the same examples on every run, so
that a submission lands or not on its own merits; a developer's runs draw new ones each time,
which is where the property tests find what nobody thought of.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from i18ntool import digests

settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPOSITORY = Path(__file__).resolve().parent.parent
LONG = os.environ.get("I18NTOOL_PROFILE", "") == "long"


def profile(ci: int, long: int) -> int:
    """How many examples, kills or runs: ``ci`` by default, ``long`` with I18NTOOL_PROFILE=long."""
    return long if LONG else ci


requires_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None or shutil.which("msgcat") is None,
    reason="GNU gettext (msgfmt, msgcat) is not installed; .ci/run installs it",
)


def copy_project(target: Path) -> Path:
    """Copy the repository's own project (settings, content, locales) into ``target``."""
    target.mkdir(exist_ok=True)
    shutil.copy(REPOSITORY / "pyproject.toml", target / "pyproject.toml")
    shutil.copytree(REPOSITORY / "content", target / "content")
    shutil.copytree(REPOSITORY / "locales", target / "locales")
    return target


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A copy of the repository's own project (settings, content, locales) to change freely."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def shipped_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of the shipped project for the whole session, for tests that only read it
    (`check`, `coverage`, completion). A test that writes takes ``project_dir``; one that wrote
    here anyway fails the session's teardown, which finds the copy changed."""
    project = copy_project(tmp_path_factory.mktemp("shipped") / "project")
    before = snapshot(project)
    yield project
    assert snapshot(project) == before, "a test wrote into the shared copy of the shipped project; give it project_dir"


def run_gettext(*arguments: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(argument) for argument in arguments], capture_output=True, check=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes, to show that nothing was written."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="session", autouse=True)
def answers_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache of answers for the whole session, never the user's: every test that edits a
    project and runs a command again then also tests that no kept answer is ever stale."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("I18NTOOL_CACHE_DIR")
    os.environ["I18NTOOL_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        del os.environ["I18NTOOL_CACHE_DIR"]
    else:
        os.environ["I18NTOOL_CACHE_DIR"] = before


@pytest.fixture
def trusted_at_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[], None]:
    """Every file's signature remembered however recently it changed (``digests.SETTLED``),
    so that a test's run answers from signatures as a run on files at rest does; gives the
    function to call before each edit, which waits for the next tick of the file system's
    clock, so that an edit made after a read leaves another change time (what ``SETTLED``
    ensures for files at rest)."""
    monkeypatch.setattr(digests, "SETTLED", -(10**12))
    monkeypatch.setattr(digests, "SETTLED_FINE", -(10**12))
    probe = tmp_path / ".tick"

    def next_tick() -> None:
        probe.write_bytes(b"")
        first = probe.stat().st_ctime_ns
        while probe.stat().st_ctime_ns == first:
            time.sleep(0.001)
            probe.write_bytes(b"")

    return next_tick
