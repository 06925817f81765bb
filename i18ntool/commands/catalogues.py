"""`update`, `init` and `compile`: the commands that write catalogues and MO files."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from i18ntool.commands.options import (
    PathType,
    Progress,
    Session,
    echo_lines,
    locale_option,
    writes_project,
)
from i18ntool.errors import ExitCode

if TYPE_CHECKING:
    from pathlib import Path

    from i18ntool.sync import UpdateResult


@click.command()
@locale_option()
@click.option("--check", is_flag=True, help="Write nothing; list what would change and exit 1 if anything would.")
@click.pass_obj
@writes_project(unless="check")
def update(session: Session, locales: tuple[str, ...], check: bool) -> None:
    """Write the templates and bring every catalogue in step with the source texts.

    New segments are added (reusing exact translations from other catalogues of the
    language); changed segments keep their old translation as fuzzy, with the previous
    source text; removed segments become obsolete and come back with their translation.
    """
    from i18ntool.in_step import unless_in_step

    from i18ntool.command_reports import update_lines

    project = session.project
    progress = Progress.on_terminal("Updating")

    def run() -> UpdateResult:
        from i18ntool.updating import update as run_update  # the merge code: only when there is work

        return run_update(project, locales, check=check, progress=progress)

    try:
        result = unless_in_step(project, locales, run)
    finally:
        if progress is not None:
            progress.close()
    echo_lines(update_lines(project, result, check=check))
    if result.changes and check:
        sys.exit(ExitCode.GATE_FAILED)


@click.command()
@click.argument("language")
@click.pass_obj
@writes_project()
def init(session: Session, language: str) -> None:
    """Start catalogues for LANGUAGE, a language listed in the project's settings.

    Add the language to `languages` in the settings first. Each new catalogue gets the
    language's Plural-Forms as GNU gettext's msginit writes them; catalogues that already exist are brought in step,
    as `update` does.
    """
    from i18ntool.project import check_new_language
    from i18ntool.updating import init as run_init

    from i18ntool.command_reports import init_lines

    check_new_language(session.project, language)
    echo_lines(init_lines(session.project, run_init(session.project, language), language))


@click.command(name="compile")
@locale_option()
@click.option(
    "--out",
    "output_dir",
    type=PathType(file_okay=False),
    metavar="DIR",
    help="Write DIR/<lang>/LC_MESSAGES/<domain>.mo. Default: each MO file beside its catalogue.",
)
@click.option("--include-fuzzy", is_flag=True, help="Include fuzzy entries, as msgfmt --use-fuzzy does.")
@click.pass_obj
@writes_project()
def compile_catalogues(
    session: Session, locales: tuple[str, ...], output_dir: Path | None, include_fuzzy: bool
) -> None:
    """Compile every catalogue into an MO file, for sites that use gettext at run time.

    The MO files hold what msgfmt puts in them (translated entries and the header; no
    fuzzy, untranslated or obsolete entries), laid out as msgfmt lays them out.
    """
    from i18ntool.po.mo import compile_catalogues as run_compile
    from i18ntool.project import shown_path

    project = session.project
    results = run_compile(project, locales, output_dir=output_dir, include_fuzzy=include_fuzzy)
    for item in results:
        if item.written:
            click.echo(f"{shown_path(project, item.mo)}: written ({item.messages} messages, header included)")
    written = sum(item.written for item in results)
    click.echo(f"{len(results)} MO file(s): {written} written, {len(results) - written} unchanged.")
