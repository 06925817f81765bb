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
    # Building, coverage and checks find documents and templates in `documents`, below `sync`
    # (merging) and `updating` (the command's run).
    importers = sorted(
        path.relative_to(REPOSITORY).as_posix()
        for path in (REPOSITORY / "i18ntool").rglob("*.py")
        if {"i18ntool.sync", "i18ntool.updating"} & _imports(path)
    )
    assert importers == ["i18ntool/commands/catalogues.py", "i18ntool/updating.py"]


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


# Calls that touch the file system: methods of Path (and of open files), and the os, shutil and
# tempfile functions that do. ``str.replace`` and ``Path.replace`` cannot be told apart without
# types, so renames are found through ``os.replace``, which ``files.py`` uses.
_IO_METHODS = {"read_bytes", "read_text", "write_bytes", "write_text", "open", "unlink", "mkdir", "rmdir", "iterdir",
               "glob", "rglob", "stat", "lstat", "exists", "is_file", "is_dir", "touch", "symlink_to"}  # fmt: skip
_OS_FUNCTIONS = {"open", "replace", "rename", "remove", "unlink", "write", "read", "scandir", "listdir", "walk", "stat",
                 "lstat", "fsync", "makedirs", "mkdir", "rmdir", "fdopen", "sync"}  # fmt: skip

# The edges, where commands meet the disk: finding and reading the project's files, the cache,
# atomic writes and the lock. Every other module takes values and gives values.
FILE_EDGES = {
    "i18ntool/cache.py", "i18ntool/digests.py", "i18ntool/documents.py",
    "i18ntool/files.py", "i18ntool/in_step.py", "i18ntool/locking.py", "i18ntool/outputs/manifest.py",
    "i18ntool/outputs/reuse.py", "i18ntool/po/catalogue_files.py", "i18ntool/project.py", "i18ntool/project_coverage.py",
    "i18ntool/replay.py", "i18ntool/review.py", "i18ntool/targets.py", "i18ntool/updating.py",
}  # fmt: skip


def _file_system_calls(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if isinstance(function, ast.Name) and function.id == "open":
            lines.append(node.lineno)
        elif isinstance(function, ast.Attribute):
            owner = function.value.id if isinstance(function.value, ast.Name) else None
            if owner in ("shutil", "tempfile") or (owner == "os" and function.attr in _OS_FUNCTIONS):
                lines.append(node.lineno)
            elif function.attr in _IO_METHODS and owner not in ("os", "re"):
                lines.append(node.lineno)
    return lines


def test_file_io_happens_only_at_the_edges() -> None:
    """The model, the readers, the layout, segmenting, matching, the checks and the renderers
    take values: a file is read or written only in the edge modules (ARCHITECTURE.md)."""
    touching = {
        path.relative_to(REPOSITORY).as_posix(): lines
        for path in sorted((REPOSITORY / "i18ntool").rglob("*.py"))
        if (lines := _file_system_calls(path))
    }
    outside = {name: lines for name, lines in touching.items() if name not in FILE_EDGES}
    assert not outside, f"file I/O outside the edge modules: {outside}"
    assert set(touching) == FILE_EDGES  # an edge that no longer touches a file leaves the list
