"""The command line: one click group, thin commands that parse, call the core and render.

This is the one module that imports click. Every ``I18nToolError`` raised by the core is
turned here, in one place, into a one-line message on stderr and exit code 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from i18ntool import __version__
from i18ntool.errors import ExitCode, I18nToolError

F = TypeVar("F", bound=Callable[..., Any])


class Context:
    """What every command shares: the project folder given with --project, if any."""

    def __init__(self, project_dir: Path | None):
        self.project_dir = project_dir
        self._project: Any = None

    @property
    def project(self) -> Any:
        from i18ntool.project import find_project

        if self._project is None:
            if self.project_dir is not None:
                self._project = find_project(self.project_dir, search_parents=False)
            else:
                self._project = find_project(Path.cwd())
        return self._project


class OneLineError(click.BadParameter):
    """A bad option value shown as one line, like the core's errors, without the usage text."""

    def show(self, file: Any = None) -> None:
        name = self.param.get_error_hint(self.ctx) if self.param is not None and self.ctx is not None else "value"
        click.echo(f"i18ntool: {name}: {self.message}", err=True)


class LocaleType(click.ParamType):
    """A language of the project; anything else fails with the list of configured ones."""

    name = "locale"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            project = ctx.find_object(Context).project if ctx is not None else None  # type: ignore[union-attr]
        except I18nToolError as error:
            raise OneLineError(str(error), ctx, param) from error
        if project is not None and value not in project.languages:
            choices = ", ".join(project.languages)
            raise OneLineError(f"'{value}' is not a language of this project; choose from {choices}", ctx, param)
        return str(value)


def locale_option(function: F) -> F:
    return click.option(
        "--locale", "-l", "locales", multiple=True, type=LocaleType(),
        help="Only this target language (repeatable). Default: all.",
    )(function)


class Group(click.Group):
    """The command group, and the one place where the core's errors become exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except I18nToolError as error:
            click.echo(f"i18ntool: {error}", err=True)
            ctx.exit(ExitCode.INPUT_ERROR)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="i18ntool")
@click.option(
    "--project", "project_dir", type=click.Path(file_okay=False, path_type=Path),
    help="The project folder. Default: the nearest folder upwards with i18ntool settings.",
)
@click.pass_context
def main(ctx: click.Context, project_dir: Path | None) -> None:
    """Keep Markdown press texts in English and Italian in step through gettext catalogues."""
    ctx.obj = Context(project_dir)


@main.command()
@locale_option
@click.option("--check", is_flag=True, help="Write nothing; list what would change and exit 1 if anything would.")
@click.pass_obj
def update(context: Context, locales: tuple[str, ...], check: bool) -> None:
    """Write the templates and bring every catalogue in step with the source texts.

    New segments are added (reusing exact translations from other catalogues of the
    language); changed segments keep their old translation as fuzzy, with the previous
    source text; removed segments become obsolete and come back with their translation.
    """
    from i18ntool.sync import update as run_update

    project = context.project
    result = run_update(project, locales, check=check)
    for warning in result.warnings:
        click.echo(f"i18ntool: warning: {warning}", err=True)
    verb = ("would create", "would update") if check else ("created", "updated")
    for change in result.changes:
        click.echo(f"{project.relative(change.path)}: {verb[0] if change.created else verb[1]} ({change.detail})")
    if not result.changes:
        click.echo("Every template and catalogue is in step with its source text.")
    elif check:
        click.echo(f"{len(result.changes)} file(s) out of step; run `i18ntool update`.")
        sys.exit(ExitCode.GATE_FAILED)
    else:
        click.echo(f"{len(result.changes)} file(s) written.")


@main.command()
@click.argument("language")
@click.pass_obj
def init(context: Context, language: str) -> None:
    """Start catalogues for LANGUAGE, a language listed in the project's settings.

    Add the language to `languages` in the settings first. Each new catalogue gets the
    language's plural forms from Babel; catalogues that already exist are brought in step,
    as `update` does.
    """
    from i18ntool.project import check_new_language
    from i18ntool.sync import init as run_init

    project = context.project
    check_new_language(project, language)
    result = run_init(project, language)
    created = [change for change in result.changes if change.created and change.path.suffix == ".po"]
    for change in result.changes:
        click.echo(f"{project.relative(change.path)}: {'created' if change.created else 'updated'} ({change.detail})")
    click.echo(f"{len(created)} catalogue(s) started for '{language}'.")


if __name__ == "__main__":  # pragma: no cover
    main()
