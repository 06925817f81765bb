"""The formats `i18ntool export` writes: one table, from which the command's choices derive.

``EXPORT_FORMATS`` maps a format's name (as ``export --format`` spells it) to the function
that exports it, as ``"module:function"``, imported when first used so that
`i18ntool --help` imports no exporter. An exporter takes an ``ExportRequest`` and returns
the files to write (``ExportedFile``): it reads catalogues but writes nothing, so that the
command writes every file through ``files.py`` under the project lock, or none on an error.

To add a format: write its exporter in a module of its own beside ``exporting.py`` and add
one entry here.

Its records are NamedTuples rather than dataclasses because `i18ntool --help` imports this
module (see ``command_reports.Line``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

    from i18ntool.project import Project
    from i18ntool.targets import Target


class ExportRequest(NamedTuple):
    """What to export: the catalogues chosen (documents and languages), and where to."""

    project: Project
    targets: Sequence[Target]
    out_dir: Path
    xliff_version: str = "2.1"


class ExportedFile(NamedTuple):
    """One file an exporter made, and a line saying what it holds."""

    path: Path
    data: bytes
    summary: str


class ExportFormat(NamedTuple):
    name: str
    exporter: str  # "module:function" of a function of an ExportRequest
    folder: str  # the default folder under the project's output folder
    glossary: bool = False  # whether the glossary's catalogues are exported with the rest

    def export(self, request: ExportRequest) -> list[ExportedFile]:
        module, _, function = self.exporter.partition(":")
        exporter: Callable[[ExportRequest], list[ExportedFile]] = getattr(importlib.import_module(module), function)
        return exporter(request)


EXPORT_FORMATS: dict[str, ExportFormat] = {
    export.name: export
    for export in (
        ExportFormat("xliff", "i18ntool.exchange.exporting:export_xliff", "xliff"),
        ExportFormat("tmx", "i18ntool.exchange.tmx:export_tmx", "tmx", glossary=True),
    )
}

XLIFF_VERSIONS = ("2.1", "1.2")
