"""`check`: the findings on the catalogues before they are committed."""

from __future__ import annotations

import sys

import click

from i18ntool.commands.options import (
    Progress,
    Session,
    echo_lines,
    format_option,
    locale_option,
)
from i18ntool.errors import ExitCode
from collections.abc import Callable

from i18ntool.command_reports import CHECK_FORMATS
from i18ntool.commands.options import F, OneLineError


def _codes_option(name: str, help_text: str) -> Callable[[F], F]:
    return click.option(name, metavar="CODES", multiple=True, callback=_check_codes, help=help_text)


def _check_codes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[str]:
    """The codes or code prefixes given, comma-separated or repeated; each must name a check."""
    from i18ntool.checks.findings import select_codes

    codes = [code.strip() for value in values for code in value.split(",") if code.strip()]
    try:
        select_codes(codes)
    except ValueError as error:
        raise OneLineError(str(error), ctx, param) from error
    return codes


@click.command()
@locale_option()
@click.argument("documents", nargs=-1, metavar="[DOC]...")
@format_option(
    CHECK_FORMATS, default="text", help_text="text: one `path:line: CODE message` per finding; json: for scripts."
)
@_codes_option("--select", "Only these checks: codes or their start, comma-separated (e.g. NUM,MD101).")
@_codes_option("--ignore", "Skip these checks: codes or their start, comma-separated.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--list-checks", is_flag=True, help="List every check: code, severity, description; then exit.")
@click.pass_obj
def check(
    session: Session,
    locales: tuple[str, ...],
    documents: tuple[str, ...],
    output_format: str,
    select: list[str],
    ignore: list[str],
    strict: bool,
    list_checks: bool,
) -> None:
    """Check the catalogues of the documents DOC (default: all) before they are committed.

    Catalogue validity (as msgfmt -c), Markdown parity with the source text, figures
    (understood per language: 8,000 and 8.000 are the same number), URLs, e-mail addresses
    and @handles kept, and the project's glossary. Each finding is `path:line: CODE
    message`. Exit 1 if there is an error (or any finding, with --strict), 2 if a
    catalogue cannot be read at all.
    """
    import os

    from i18ntool.checks.findings import CHECKS, select_codes
    from i18ntool.command_reports import check_json, check_lines, check_list

    if list_checks:
        echo_lines(check_list(CHECKS.values()))
        return
    codes = select_codes(select, ignore)
    from i18ntool.checks.runner import check_project

    progress = Progress.on_terminal("Checking")
    try:
        report = check_project(session.project, documents, locales, codes, progress)
    finally:
        if progress is not None:
            progress.close()
    if output_format == "json":
        click.echo(check_json(report))
    else:

        def emphasise(code: str, error: bool) -> str:
            return click.style(code, fg="red" if error else "yellow", bold=True)

        echo_lines(check_lines(report, emphasise), color=None if "NO_COLOR" not in os.environ else False)
    if report.errors or (strict and report.findings):
        sys.exit(ExitCode.GATE_FAILED)
