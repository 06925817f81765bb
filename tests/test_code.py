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
            # ``from i18ntool.checks import figures`` imports the module i18ntool.checks.figures
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
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
    assert importers == ["i18ntool/commands/catalogues.py"]


def test_no_import_cycle_anywhere_in_the_package() -> None:
    """No module imports, at any level of it, one that imports it back (directly or not):
    a cycle hidden in a function-level import is still a knot in the house."""
    modules = {}
    for path in sorted((REPOSITORY / "i18ntool").rglob("*.py")):
        parts = path.relative_to(REPOSITORY).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = {
        name: {target for target in _imports(path) if target in modules and target != name}
        for name, path in modules.items()
    }

    def cycle_from(start: str) -> list[str] | None:
        path, seen = [start], {start}
        stack = [iter(sorted(graph[start]))]
        while stack:
            following = next(stack[-1], None)
            if following is None:
                stack.pop()
                seen.discard(path.pop())
            elif following == start:
                return [*path, start]
            elif following not in seen:
                path.append(following)
                seen.add(following)
                stack.append(iter(sorted(graph[following])))
        return None

    cycles = [cycle for name in graph if (cycle := cycle_from(name))]
    assert not cycles, " -> ".join(cycles[0])
