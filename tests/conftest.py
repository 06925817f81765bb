"""Shared fixtures: a copy of the shipped project in a temporary folder, and GNU gettext.

``I18NTOOL_PROFILE=long`` runs the tests that try to break i18ntool (fuzzing, kills,
concurrent runs, undo sequences) at the sizes RELIABILITY.md reports; by default they run
a small share of that, to keep the suite within a few minutes on two cores.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
LONG = os.environ.get("I18NTOOL_PROFILE", "") == "long"


def profile(ci: int, long: int) -> int:
    """How many examples, kills or runs: ``ci`` by default, ``long`` with I18NTOOL_PROFILE=long."""
    return long if LONG else ci

requires_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None or shutil.which("msgcat") is None,
    reason="GNU gettext (msgfmt, msgcat) is not installed; .ci/run installs it",
)


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A copy of the repository's own project (settings, content, locales) to change freely."""
    target = tmp_path / "project"
    target.mkdir()
    shutil.copy(REPOSITORY / "pyproject.toml", target / "pyproject.toml")
    shutil.copytree(REPOSITORY / "content", target / "content")
    shutil.copytree(REPOSITORY / "locales", target / "locales")
    return target


def run_gettext(*arguments: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(argument) for argument in arguments], capture_output=True, check=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes, to show that nothing was written."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}
