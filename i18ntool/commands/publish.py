"""`build`: the published press texts."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from i18ntool.commands.options import (
    Progress,
    Session,
    locale_option,
    shown_path,
    writes_project,
)
from i18ntool.errors import ExitCode
from i18ntool.outputs.formats import OUTPUT_FORMATS


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
    type=click.Path(file_okay=False, path_type=Path),
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
    from i18ntool.outputs.build import BuildOptions
    from i18ntool.outputs.build import build as run_build

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
    for warning in result.warnings:
        click.echo(f"i18ntool: warning: {warning}", err=True)
    # One write for every line: click.echo flushes each (1,000 documents with passages that
    # fell back took 1,000 writes, 5 ms of a build with nothing changed).
    lines = [
        *(f"Held back: {held.describe()}.\n" for held in result.held_back),
        *(f"Fell back: {fallback.describe()}.\n" for fallback in result.fallbacks),
        *(f"Fell back: {words}.\n" for words in result.ui_fallbacks),
    ]
    if lines:
        click.echo("".join(lines), nl=False)
    where = shown_path(project, result.output_dir)
    written = [path for path in result.written if path != "manifest.json"]
    unchanged = len(result.outputs) - len(written)
    click.echo(
        f"Built {result.documents} document(s) in {', '.join(result.languages)}: {len(result.outputs)} file(s) "
        f"in {where}/, {len(written)} written, {unchanged} unchanged, {len(result.removed)} removed; "
        f"manifest {where}/manifest.json."
    )
    if strict and not result.complete:
        problems = [f"{len(result.held_back)} held back"] if result.held_back else []
        problems += [f"{len(result.fallbacks)} with passages in the source language"] if result.fallbacks else []
        problems += ["pages' own words untranslated"] if result.ui_fallbacks else []
        click.echo(f"i18ntool: --strict: {', '.join(problems)}", err=True)
        sys.exit(ExitCode.GATE_FAILED)
