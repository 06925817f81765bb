"""`import`: XLIFF files read, checked against the project, merged, and written back together.

Every file is read and every unit merged before anything is written: an error in any file
of a run (malformed XML, a file of another project or language, a broken inline code)
stops the run with nothing written. The writes go through ``po/writer.py`` (atomic, only
when the bytes change), under the project lock the command takes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from i18ntool.checks.addresses import canonical_address
from i18ntool.errors import I18nToolError
from i18ntool.exchange.exporting import document_env
from i18ntool.exchange.importing import Change, Settings, merge_units, summary
from i18ntool.exchange.inline_codes import link_target
from i18ntool.exchange.xliff_read import ReadFile, XliffError, read_xliff
from i18ntool.files import remove_stale_temporaries
from i18ntool.po.catalogue import Catalogue
from i18ntool.po.catalogue_files import catalogue_exists, read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.project import Project, check_document_id
from i18ntool.targets import Target, select_targets


@dataclass
class Imported:
    """One catalogue an import changes (or leaves as it is), and what it does to it."""

    path: Path
    original: Catalogue
    catalogue: Catalogue
    changes: list[Change] = field(default_factory=list)

    def counts(self) -> str:
        return summary(self.changes)


def import_xliff(project: Project, files: Sequence[Path], reviewer: str | None, date: datetime.date) -> list[Imported]:
    """Read and merge every file; nothing is written here (``write_imports`` does it)."""
    imports: dict[Path, Imported] = {}
    for path in files:
        read = read_xliff(path, _shown(project, path))
        target = _target_of(project, read)
        name = project.relative(target.catalogue_path)
        if target.catalogue_path not in imports:
            if not catalogue_exists(target.catalogue_path, name):
                raise XliffError(
                    f"its catalogue {name} does not exist; run `i18ntool update` first", read.name, read.line
                )
            catalogue = read_catalogue(target.catalogue_path, name)
            imports[target.catalogue_path] = Imported(target.catalogue_path, catalogue, catalogue)
        imported = imports[target.catalogue_path]
        source_language = target.document.language if target.document is not None else project.source_language
        settings = Settings(
            reviewer,
            date,
            document_env(target),
            _link_rule(project, source_language, target.language),
            blocks=target.document is not None,
        )
        imported.catalogue, changes = merge_units(imported.catalogue, read.units, read.name, settings)
        imported.changes += changes
    return list(imports.values())


def write_imports(project: Project, imports: Sequence[Imported]) -> set[Path]:
    """Write the catalogues an import changed; the paths written."""
    remove_stale_temporaries(project.locales_dir, (".po",))
    return {
        imported.path
        for imported in imports
        if imported.catalogue != imported.original and write_catalogue(imported.path, imported.catalogue)
    }


def _target_of(project: Project, read: ReadFile) -> Target:
    """The catalogue a file belongs to; an error for a file of another project or language."""

    def refuse(message: str) -> XliffError:
        return XliffError(message, read.name, read.line)

    if read.project is None or read.catalogue_name is None:
        raise refuse("not written by `i18ntool export` (no project or catalogue named in it); nothing to import")
    if read.project != project.name:
        raise refuse(f"written for project '{read.project}', not this one ('{project.name}')")
    language = read.target_language or ""
    if language not in project.languages:
        raise refuse(
            f"its target language '{language}' is not a language of this project ({', '.join(project.languages)})"
        )
    try:
        check_document_id(read.catalogue_name, read.name)
        targets = select_targets(project, [read.catalogue_name], [language])
    except I18nToolError as error:
        raise refuse(f"its catalogue '{read.catalogue_name}': {error.message}") from None
    if len(targets) != 1:
        raise refuse(f"'{read.catalogue_name}' has no catalogue in '{language}' in this project")
    target = targets[0]
    expected = project.relative(target.catalogue_path)
    if read.catalogue != expected:
        raise refuse(f"it says it is for {read.catalogue}, but its languages and catalogue name give {expected}")
    source_language = target.document.language if target.document is not None else project.source_language
    if read.source_language != source_language:
        raise refuse(f"its source language '{read.source_language}' is not the source text's ('{source_language}')")
    return target


def _link_rule(project: Project, source_language: str, language: str) -> Callable[[str, str], bool]:
    """Whether a translation may close a link with other Markdown: only to a URL the
    project's `localised-links` setting makes the same address in the target language."""

    def allowed(source_end: str, target_end: str) -> bool:
        wanted, found = link_target(source_end), link_target(target_end)
        if wanted is None or found is None or not project.localised_links:
            return False
        rules = project.localised_links
        return canonical_address(wanted, rules, source_language, language) == canonical_address(
            found, rules, source_language, language
        )

    return allowed


def _shown(project: Project, path: Path) -> str:
    if path.is_relative_to(Path.cwd()):
        return path.relative_to(Path.cwd()).as_posix()
    return project.relative(path)
