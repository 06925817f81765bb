"""A build with nothing changed answered before click is imported (``quick_build``) says, writes
and exits as the command line does, and any other command line is left to the command line."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from i18ntool.quick_build import _read
from tests.conftest import copy_project, snapshot

# A run through ``start`` (as the ``i18ntool`` script), noting whether click was imported.
# (start ends the process with os._exit, after which no atexit function runs: it is wrapped.)
_QUICK = (
    "import os, sys; mark = sys.argv.pop(1); end = os._exit; "
    "os._exit = lambda code: (open(mark, 'w').write(str('click' in sys.modules)), end(code)); "
    "from i18ntool.start import main; main()"
)
# The same command line through click, as before ``quick_build``.
_PLAIN = "import sys; from i18ntool.cli import main; main()"


def _run(code: str, folder: Path, arguments: list[str], *extra: str) -> tuple[str, str, int]:
    done = subprocess.run(
        [sys.executable, "-c", code, *extra, *arguments], cwd=folder, capture_output=True, check=False, text=True
    )
    return done.stdout, done.stderr, done.returncode


def _edit_source(project: Path) -> None:
    path = project / "content/russo-brothers-award.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")


COMMAND_LINES = [  # (arguments, answered before click, an edit between the builds)
    pytest.param(["build"], True, None, id="build"),
    pytest.param(["build", "--format", "md", "--out", "elsewhere"], True, None, id="md-out"),
    pytest.param(["build", "-f", "html", "--format=txt", "-l", "it", "--out=elsewhere"], True, None, id="forms"),
    pytest.param(["--project", "{project}", "build", "--strict"], True, None, id="project-strict-fails"),
    pytest.param(["--project={project}", "build", "--include-fuzzy", "--strict"], True, None, id="fuzzy"),
    pytest.param(["build", "--format", "md"], False, _edit_source, id="source-edited"),
    pytest.param(["build", "--locale", "fr"], False, None, id="unknown-language"),
    pytest.param(["build", "--format", "pdf"], False, None, id="unknown-format"),
    pytest.param(["build", "-fmd"], False, None, id="joined-short-option"),
    pytest.param(["build", "--jobs", "1"], False, None, id="jobs"),
    pytest.param(["build", "--out"], False, None, id="value-missing"),
    pytest.param(["build", "extra"], False, None, id="argument"),
]


@pytest.mark.parametrize("arguments, quick, edit", COMMAND_LINES)
def test_a_build_answered_before_click_is_the_command_lines_build(
    project_dir: Path, tmp_path: Path, arguments: list[str], quick: bool, edit: Callable[[Path], None] | None
) -> None:
    """The same steps in two copies of a project, the last run through ``start`` in one and
    through click in the other: the same output, exit code and files."""
    twin = copy_project(tmp_path / "twin")
    mark = tmp_path / "mark"
    said = []
    for project, code, extra in ((project_dir, _QUICK, [str(mark)]), (twin, _PLAIN, [])):
        given = [argument.format(project=project) for argument in arguments]
        _run(_PLAIN, project, given)
        if edit is not None:
            edit(project)
        said.append(_run(code, project, given, *extra))
    assert mark.read_text() == str(not quick)  # click imported only when not answered before it
    assert said[0] == said[1]
    assert snapshot(project_dir) == snapshot(twin)
    if quick:
        assert "0 written" in said[0][0]


def test_what_a_build_answered_before_click_says_goes_where_the_command_line_puts_it(
    project_dir: Path, tmp_path: Path
) -> None:
    """stdout and stderr into one file: the same lines in the same order."""
    (project_dir / "content/news").mkdir()
    path = project_dir / "content/russo-brothers-award.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n<div>\nraw\n</div>\n", encoding="utf-8")  # a warning
    arguments = ["build", "--strict"]
    _run(_PLAIN, project_dir, arguments)
    together = []
    for code, extra in ((_QUICK, [str(tmp_path / "mark")]), (_PLAIN, [])):
        with open(tmp_path / "said", "wb") as said:
            subprocess.run(
                [sys.executable, "-c", code, *extra, *arguments], cwd=project_dir, stdout=said, stderr=said, check=False
            )
        together.append((tmp_path / "said").read_text(encoding="utf-8"))
    assert (tmp_path / "mark").read_text() == "False"
    assert together[0] == together[1] and "warning" in together[0] and "--strict" in together[0]


@pytest.mark.parametrize(
    "arguments",
    [
        ["build", "-f=md"],
        ["build", "--strict=yes"],
        ["build", "--format", "-x"],
        ["build", "--out", "a", "--out", "b"],
        ["build", "--"],
        ["build", "--help"],
        ["--project", "", "build"],
        ["coverage"],
        ["--version", "build"],
    ],
)
def test_other_command_lines_are_left_to_click(arguments: list[str]) -> None:
    assert _read(arguments) is None


def test_the_plainest_command_lines_are_read_as_click_reads_them() -> None:
    assert _read(["--project", "p", "build", "-f", "md", "--format=html", "-l", "it", "--out=o=x", "--strict"]) == {
        "project": "p",
        "formats": ["md", "html"],
        "locales": ["it"],
        "out": "o=x",
        "strict": True,
    }
