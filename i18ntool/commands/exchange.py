"""`export` and `import`: catalogues out to translators' tools (XLIFF) and back."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from i18ntool.commands.options import PathType, Session, format_option, locale_option, writes_project
from i18ntool.exchange.formats import EXPORT_FORMATS, XLIFF_VERSIONS

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@format_option(list(EXPORT_FORMATS), default="xliff", help_text="The exchange format.")
@click.option(
    "--xliff-version",
    type=click.Choice(list(XLIFF_VERSIONS)),
    default=XLIFF_VERSIONS[0],
    show_default=True,
    help="XLIFF 2.1, or 1.2 for tools that read only that.",
)
@locale_option()
@click.argument("documents", metavar="[DOC]...", nargs=-1)
@click.option(
    "--out",
    "output_dir",
    type=PathType(file_okay=False),
    metavar="DIR",
    help="Write the files to DIR. Default: <output>/xliff or <output>/tmx in the project's output folder.",
)
@click.pass_obj
@writes_project()
def export(
    session: Session,
    output_format: str,
    xliff_version: str,
    locales: tuple[str, ...],
    documents: tuple[str, ...],
    output_dir: Path | None,
) -> None:
    """Export catalogues for translators' CAT tools: XLIFF per document and language, or TMX.

    Each entry is a unit with a stable id, its notes, context and source reference, and its
    state (untranslated, fuzzy, translated, reviewed); inline Markdown (links, emphasis, code,
    HTML) becomes inline codes a CAT tool protects. Bring the work back with `i18ntool import`.
    With --format tmx: the translation memory, one TMX 1.4b file per direction of translation
    (every translated and reviewed pair, the reviewed ones marked), in <output>/tmx.
    """
    from i18ntool.exchange.formats import ExportRequest
    from i18ntool.files import remove_stale_temporaries, write_if_changed
    from i18ntool.targets import select_targets

    project = session.project
    chosen = EXPORT_FORMATS[output_format]
    out = output_dir.absolute() if output_dir is not None else project.output_dir / chosen.folder
    targets = select_targets(project, documents, locales, glossary=chosen.glossary)
    request = ExportRequest(project, targets, out, xliff_version)
    files = chosen.export(request)  # every file made before any is written: an error writes nothing
    remove_stale_temporaries(out, tuple(sorted({exported.path.suffix for exported in files})))
    for exported in files:
        written = write_if_changed(exported.path, exported.data)
        status = "" if written else " (unchanged)"
        from i18ntool.project import shown_path

        click.echo(f"{shown_path(project, exported.path)}: {exported.summary}{status}")


@click.command("import")
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=PathType())
@click.option(
    "--reviewer",
    metavar="NAME",
    help="Sign off units marked reviewed or final in the files, in this name. Without it they come back as translated.",
)
@click.option("--dry-run", is_flag=True, help="Say what would change, and write nothing.")
@click.pass_obj
@writes_project(unless="dry_run")
def import_files(session: Session, files: tuple[Path, ...], reviewer: str | None, dry_run: bool) -> None:
    """Import translations from XLIFF 2.1 or 1.2 files written by `i18ntool export`.

    A unit whose source is unchanged brings its translation and state; one whose source
    changed since the export comes back fuzzy, with the old source as the previous text; one
    whose entry is gone is kept as an obsolete entry. Inline codes are checked: a missing,
    duplicated, altered or unknown code is an error, and then nothing is written from any
    file. Units marked reviewed or final are signed off only with --reviewer.
    """
    import datetime

    from i18ntool.exchange.import_files import import_xliff, write_imports
    from i18ntool.review import reviewer_name

    project = session.project
    name = reviewer_name(reviewer, project.root) if reviewer is not None else None
    imports = import_xliff(project, [path.absolute() for path in files], name, datetime.date.today())
    written = set() if dry_run else write_imports(project, imports)
    for result in imports:
        verb = "would change" if dry_run else ("changed" if result.path in written else "unchanged")
        if not result.changes:
            verb = "unchanged"
        name = project.relative(result.path)
        click.echo(f"{name}: {verb}{result.counts()}")
        for change in result.changes:
            click.echo(f"  {change.describe(name)}")
