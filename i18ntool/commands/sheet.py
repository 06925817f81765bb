"""`sheet`: the editor's bilingual proof sheets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from i18ntool.commands.options import PathType, Session, locale_option, writes_project

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@locale_option()
@click.argument("documents", metavar="[DOC]...", nargs=-1)
@click.option(
    "--out",
    "output_dir",
    type=PathType(file_okay=False),
    metavar="DIR",
    help="Write the sheets to DIR/sheets/. Default: the project's output folder.",
)
@click.pass_obj
@writes_project()
def sheet(session: Session, locales: tuple[str, ...], documents: tuple[str, ...], output_dir: Path | None) -> None:
    """Write the editor's proof sheets: source and translation side by side, per document and language.

    One static HTML page per document and target language (sheets/LANG/DOC.html under the
    output folder), and with no DOC an index page per language: the counts by state, whether
    the text is publishable, and for every entry its state, reviewer, the findings of
    `check`, the word diff of a changed source text and the `i18ntool review --entry`
    command that signs it off. Prints as a bilingual proof on A4. Writes only the pages
    whose content changed, and nothing outside its folder.
    """
    from i18ntool.outputs.sheet.pages import FOLDER, render_pages, sheets_of, write_pages
    from i18ntool.targets import select_targets

    project = session.project
    folder = (output_dir or project.output_dir).resolve() / FOLDER
    sheets = sheets_of(project, select_targets(project, documents, locales, glossary=False))
    pages = render_pages(project, sheets, index=not documents)
    written = write_pages(folder, pages)
    from i18ntool.project import shown_path

    where = shown_path(project, folder)
    for item in sorted(sheets, key=lambda item: item.path):
        verdict = "publishable" if item.publishable else "not publishable"
        click.echo(f"{where}/{item.path}: {len(item.rows)} entries, {verdict}")
    click.echo(
        f"Wrote {len(pages)} page(s) in {where}/: {len(written)} written, {len(pages) - len(written)} unchanged."
    )
