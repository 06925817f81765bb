"""`build`: the published press texts."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from i18ntool.commands.options import (
    PathType,
    Progress,
    Session,
    locale_option,
    writes_project,
)
from i18ntool.errors import ExitCode
from i18ntool.outputs.formats import OUTPUT_FORMATS

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@locale_option()
@click.option(
    "--format",
    "-f",
    "formats",
    multiple=True,
    type=click.Choice(list(OUTPUT_FORMATS)),
    help="Only this format (repeatable). Default: the project's formats.",
)
@click.option(
    "--out",
    "output_dir",
    type=PathType(file_okay=False),
    metavar="DIR",
    help="Write the outputs to DIR. Default: the project's output folder.",
)
@click.option("--include-fuzzy", is_flag=True, help="Use fuzzy translations, and count them as translated.")
@click.option(
    "--strict", is_flag=True, help="Exit 1 if a text was held back or a passage fell back to its source language."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    metavar="N",
    help="Render with N processes. Default: every core for large projects, one for small ones.",
)
@click.pass_obj
@writes_project()
def build(
    session: Session,
    locales: tuple[str, ...],
    formats: tuple[str, ...],
    output_dir: Path | None,
    include_fuzzy: bool,
    strict: bool,
    jobs: int | None,
) -> None:
    """Build the press texts in every language: Markdown, HTML pages and plain text.

    Each document is built in its source language and in every translation that reaches the
    publish threshold; untranslated (and fuzzy) passages fall back to the source text, marked
    with its language in HTML. Writes an index page per language and manifest.json, only
    the files whose content changed, and removes what an earlier build made and this one
    does not.
    """
    from i18ntool.outputs.build import BuildOptions, report
    from i18ntool.outputs.build import build as run_build
    from i18ntool.project import shown_path

    project = session.project
    options = BuildOptions(
        languages=locales, formats=formats, output_dir=output_dir, include_fuzzy=include_fuzzy, jobs=jobs
    )
    progress = Progress.on_terminal("Building")
    try:
        result = run_build(project, options, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    for to_stderr, text in report(result, shown_path(project, result.output_dir), strict=strict):
        click.echo(text, err=to_stderr, nl=False)
    if strict and not result.complete:
        sys.exit(ExitCode.GATE_FAILED)
