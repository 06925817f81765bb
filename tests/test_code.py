"""The code is held to STYLE.md's tools: mypy in strict mode and ruff."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPOSITORY


def test_mypy_strict() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPOSITORY, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=REPOSITORY, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    """The code is laid out by ``ruff format``, as STYLE.md says: run it before committing."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path) -> set[str]:
    """The i18ntool modules a source file imports when it runs, at any level of it (not those
    under ``if TYPE_CHECKING:``, which only name types)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            node.body = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("i18ntool")}


def test_only_the_command_line_imports_the_merge_code() -> None:
    # Building, coverage and checks find documents and templates in `documents`, below `sync`.
    importers = sorted(
        path.relative_to(REPOSITORY).as_posix()
        for path in (REPOSITORY / "i18ntool").rglob("*.py")
        if "i18ntool.sync" in _imports(path)
    )
    assert importers == ["i18ntool/cli.py"]
