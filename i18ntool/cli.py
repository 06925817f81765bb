"""The command line: one click group gathering the commands of ``i18ntool/commands/``.

A command's module is imported when the command is asked for (``COMMANDS``), not all of
them at every start: a `coverage` answered from the cache needs 60 ms in all, of which the
other commands' modules and the libraries they name took 5. Only this module and
``commands/`` import click. Every ``I18nToolError`` raised by the core is
turned here, in one place, into a one-line message on stderr and exit code 2.
"""

from __future__ import annotations

import gc
import importlib
from typing import TYPE_CHECKING, Any

import click

from i18ntool import __version__
from i18ntool.commands.options import PathType, Session
from i18ntool.errors import ExitCode, I18nToolError

if TYPE_CHECKING:
    from pathlib import Path


# Each command's name, and the module of ``i18ntool.commands`` and the function that make it.
COMMANDS = {
    "build": ("publish", "build"),
    "check": ("check", "check"),
    "compile": ("catalogues", "compile_catalogues"),
    "coverage": ("states", "coverage"),
    "export": ("exchange", "export"),
    "import": ("exchange", "import_files"),
    "init": ("catalogues", "init"),
    "review": ("states", "review"),
    "sheet": ("sheet", "sheet"),
    "todo": ("states", "todo"),
    "update": ("catalogues", "update"),
}


class Group(click.Group):
    """The command group, its commands imported when asked for, and the one place where the
    core's errors become exit code 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(f"i18ntool.commands.{module}"), name)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except I18nToolError as error:
            click.echo(f"i18ntool: {error}", err=True)
            ctx.exit(ExitCode.INPUT_ERROR)
        except KeyboardInterrupt:
            # Not click's "Aborted!" and exit 1, which a script would read as a failed gate.
            click.echo("\ni18ntool: interrupted; every file is whole, as it was or as written", err=True)
            ctx.exit(ExitCode.INTERRUPTED)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="i18ntool")
@click.option(
    "--project",
    "project_dir",
    type=PathType(file_okay=False),
    help="The project folder. Default: the nearest folder upwards with i18ntool settings.",
)
@click.pass_context
def main(ctx: click.Context, project_dir: Path | None) -> None:
    """Keep Markdown press texts in English and Italian in step through gettext catalogues."""
    # A command makes millions of objects that live until it ends (tokens, segments, entries)
    # and almost no reference cycles; Python's cycle collector, run every 700 new objects, went
    # through them again and again: 40% of `coverage` of a 100,000-entry catalogue (user time
    # 8.0 -> 5.5 s with this threshold; the peak memory the same). Collections still run, less
    # often, as mypy's command line tunes them.
    gc.set_threshold(200_000, 30, 30)
    ctx.obj = Session(project_dir)


if __name__ == "__main__":  # pragma: no cover
    main()
