"""The errors i18ntool reports to its users, and the exit codes shared by every command.

Every error a user can cause (a malformed catalogue, a bad setting, an unsafe document id)
is an ``I18nToolError`` that knows the file and, where there is one, the line. The command
line turns it into one clean line on stderr and exit code 2; nothing else prints it.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class ExitCode(enum.IntEnum):
    OK = 0
    GATE_FAILED = 1
    INPUT_ERROR = 2
    INTERRUPTED = 130  # Ctrl-C, as shells report a command SIGINT stopped (128 + 2)


class I18nToolError(Exception):
    """An error in the user's input, reported as ``path:line: message``."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self) -> tuple[type[I18nToolError], tuple[str, Path | str | None, int | None]]:
        # Keep the path and line when the error crosses a process boundary (build's workers).
        return (type(self), (self.message, self.path, self.line))

    def location(self) -> str:
        if self.path is None:
            return ""
        from pathlib import Path  # (not at the top: `i18ntool --help` imports no pathlib)

        path = Path(self.path)
        if path.is_absolute() and path.is_relative_to(Path.cwd()):
            path = path.relative_to(Path.cwd())  # as the user would type it
        return f"{path}:{self.line}" if self.line is not None else str(path)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class ConfigError(I18nToolError):
    """A project setting is missing, unknown or invalid."""


class ContentError(I18nToolError):
    """A source text cannot be read or segmented."""


class CatalogueError(I18nToolError):
    """A PO or POT file cannot be read."""
