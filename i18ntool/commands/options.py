"""What the commands share: the session (the project, found once), the option decorators,
the project lock around writing commands, and how lines reach the terminal."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from i18ntool.errors import I18nToolError

if TYPE_CHECKING:
    from pathlib import Path

F = TypeVar("F", bound=Callable[..., Any])


class Session:
    """What every command of one run shares: the project, found once from --project or the
    working folder (not to be confused with click's own ``Context``)."""

    def __init__(self, project_dir: Path | None):
        self.project_dir = project_dir
        self._project: Any = None
        self.looked_at: list[str] = []  # the folders and files finding the project looked at

    @property
    def project(self) -> Any:
        from pathlib import Path

        from i18ntool.project import find_project

        if self._project is None:
            if self.project_dir is not None:
                self._project = find_project(self.project_dir, search_parents=False, looked_at=self.looked_at)
            else:
                self._project = find_project(Path.cwd(), looked_at=self.looked_at)
            from i18ntool import replay

            folders = (self._project.root, self._project.content_dir, self._project.locales_dir)
            replay.noted([*self.looked_at, *(str(folder) for folder in folders)])
        return self._project


class PathType(click.Path):
    """click's ``Path`` giving a ``pathlib.Path``, with pathlib imported only once a value is
    converted: `i18ntool --help` imports every command's module, and pathlib (with what it
    imports) was 5 ms of its 80."""

    def coerce_path_result(self, value: Any) -> Any:
        from pathlib import Path

        return Path(value)


class OneLineError(click.BadParameter):
    """A bad option value shown as one line, like the core's errors, without the usage text."""

    def show(self, file: Any = None) -> None:
        name = self.param.get_error_hint(self.ctx) if self.param is not None and self.ctx is not None else "value"
        click.echo(f"i18ntool: {name}: {self.message}", err=True)


class LocaleType(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2 on
    """A language of the project; anything else fails with the list of configured ones."""

    name = "locale"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            project = ctx.find_object(Session).project if ctx is not None else None  # type: ignore[union-attr]
        except I18nToolError as error:
            raise OneLineError(str(error), ctx, param) from error
        if project is not None and value not in project.languages:
            choices = ", ".join(project.languages)
            raise OneLineError(f"'{value}' is not a language of this project; choose from {choices}", ctx, param)
        return str(value)

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        """The project's languages, for shell completion (nothing outside a project)."""
        from click.shell_completion import CompletionItem

        try:  # completion runs no command callbacks, so the group's Session is not made yet
            project = Session(ctx.find_root().params.get("project_dir")).project
        except I18nToolError:
            return []
        return [CompletionItem(language) for language in project.languages if language.startswith(incomplete)]


def locale_option(help_text: str = "Only this target language (repeatable). Default: all.") -> Callable[[F], F]:
    """``--locale``/``-l``, repeatable, checked against the project's languages."""
    return click.option("--locale", "-l", "locales", multiple=True, type=LocaleType(), help=help_text)


def format_option(choices: Sequence[str], *, help_text: str, default: str | None = None) -> Callable[[F], F]:
    """``--format``: one of ``choices`` (a registry's names), ``default`` unless given."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default=default,
        show_default=default is not None,
        help=help_text,
    )


def echo_lines(lines: Sequence[Any], *, color: bool | None = None) -> None:
    """``command_reports`` lines, in order: each on stdout, or on stderr if it is a diagnostic."""
    for line in lines:
        if line.diagnostic:
            click.echo(f"i18ntool: {line.text}", err=True)
        else:
            click.echo(line.text, color=color)


def writes_project(*, unless: str | None = None) -> Callable[[F], F]:
    """Run the command holding the project lock (see ``locking``), so that it reads its inputs
    after any other writer has finished and no writer loses another's work. ``unless`` names
    a flag with which the command only reads (``update --check``): then it takes no lock,
    and works in a read-only checkout."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def run(session: Session, *args: Any, **options: Any) -> Any:
            from i18ntool.locking import project_lock

            if unless is not None and options.get(unless):
                return function(session, *args, **options)
            name = click.get_current_context().info_name
            with project_lock(
                session.project.root,
                f"i18ntool {name}",
                on_wait=lambda holder: click.echo(
                    f"i18ntool: waiting for {holder} to finish writing the project", err=True
                ),
            ):
                return function(session, *args, **options)

        return run  # type: ignore[return-value]

    return decorate


def wants_colour() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    import os

    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


class Progress:
    """A progress bar on stderr, drawn from the first piece of work done.

    Long commands (update, coverage, check, build) take one from :meth:`on_terminal`, which
    gives none unless both stdout and stderr are a terminal: build scripts and pipes stay quiet.
    The bar is a callable ``progress(done, total)`` for the core to call as it goes.
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    @classmethod
    def on_terminal(cls, label: str) -> Progress | None:
        return cls(label) if sys.stdout.isatty() and sys.stderr.isatty() else None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
