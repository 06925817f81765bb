"""The command line: one click group, thin commands that parse, call the core and render.

This is the one module that imports click. Every ``I18nToolError`` raised by the core is
turned here, in one place, into a one-line message on stderr and exit code 2.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from i18ntool import __version__
from i18ntool.command_reports import CHECK_FORMATS, COVERAGE_FORMATS, TODO_FORMATS
from i18ntool.errors import ExitCode, I18nToolError
from i18ntool.outputs.formats import OUTPUT_FORMATS

F = TypeVar("F", bound=Callable[..., Any])


class Session:
    """What every command of one run shares: the project, found once from --project or the
    working folder (not to be confused with click's own ``Context``)."""

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
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The project folder. Default: the nearest folder upwards with i18ntool settings.",
)
@click.pass_context
def main(ctx: click.Context, project_dir: Path | None) -> None:
    """Keep Markdown press texts in English and Italian in step through gettext catalogues."""
    ctx.obj = Session(project_dir)


@main.command()
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
    from i18ntool.sync import update as run_update

    from i18ntool.command_reports import update_lines

    result = run_update(session.project, locales, check=check)
    echo_lines(update_lines(session.project, result, check=check))
    if result.changes and check:
        sys.exit(ExitCode.GATE_FAILED)


@main.command()
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
    from i18ntool.sync import init as run_init

    from i18ntool.command_reports import init_lines

    check_new_language(session.project, language)
    echo_lines(init_lines(session.project, run_init(session.project, language), language))


# -- coverage, todo, review: translation states and sign-off ---------------------------------


def _wants_colour() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    import os

    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@main.command()
@locale_option()
@click.argument("documents", metavar="[DOC]...", nargs=-1)
@format_option(COVERAGE_FORMATS, default="table", help_text="How to write the report.")
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    metavar="PCT",
    help="Exit 1 if a document is less than PCT percent translated in a language.",
)
@click.option(
    "--fail-under-reviewed",
    type=click.FloatRange(0, 100),
    metavar="PCT",
    help="Exit 1 if a document is less than PCT percent reviewed in a language.",
)
@click.option("--words", is_flag=True, help="Count source words instead of entries, in the table and the gates.")
@click.pass_obj
def coverage(
    session: Session,
    locales: tuple[str, ...],
    documents: tuple[str, ...],
    output_format: str,
    fail_under: float | None,
    fail_under_reviewed: float | None,
    words: bool,
) -> None:
    """How much of each document is translated and reviewed, per target language.

    Counts entries and source words in each state (untranslated, fuzzy, translated,
    reviewed, obsolete) against the current source texts: a paragraph added since the last
    `update` counts as untranslated. DOC is a document id (press-release), a source path
    or the name of a catalogue with no source text; default: all. Fuzzy entries are never
    counted as translated.
    """
    from i18ntool.coverage import measure, shortfalls
    from i18ntool.reports import render
    from i18ntool.targets import select_targets

    project = session.project
    report = measure(project, select_targets(project, documents, locales, glossary=False))
    colour = output_format == "table" and _wants_colour()
    click.echo(render(report, output_format, words=words, colour=colour), nl=False, color=colour)
    failed = shortfalls(report, fail_under=fail_under, fail_under_reviewed=fail_under_reviewed, words=words)
    for shortfall in failed:
        click.echo(f"i18ntool: {shortfall.describe()}", err=True)
    if failed:
        sys.exit(ExitCode.GATE_FAILED)


@main.command()
@locale_option()
@click.argument("documents", metavar="[DOC]...", nargs=-1)
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice(["untranslated", "fuzzy", "unreviewed"]),
    help="Only entries in this state (repeatable). Default: all three.",
)
@format_option(
    TODO_FORMATS, default="text", help_text="text: one entry per line, as catalogue:line; json: for scripts."
)
@click.pass_obj
def todo(
    session: Session, locales: tuple[str, ...], documents: tuple[str, ...], states: tuple[str, ...], output_format: str
) -> None:
    """List what is left: untranslated, fuzzy and unreviewed entries, as catalogue:line.

    Fuzzy entries come with the previous source text where the catalogue keeps it;
    entries added to a source text since the last `update` are listed at their source line.
    """
    from i18ntool.targets import select_targets
    from i18ntool.todo import KINDS, render_json, render_text, tasks

    project = session.project
    found = tasks(project, select_targets(project, documents, locales, glossary=False), states or KINDS)
    click.echo(render_json(found) if output_format == "json" else render_text(found), nl=False)


@main.command()
@locale_option(
    "The language whose translations are signed off (repeatable); needed when DOC is translated into several.",
)
@click.argument("documents", metavar="[DOC]...", nargs=-1)
@click.option("--reviewer", metavar="NAME", help="Who signs off. Default: git's user.name.")
@click.option(
    "--entry",
    "entries",
    multiple=True,
    metavar="PATH:LINE",
    help="Only the entry on this line of the catalogue, such as the msgid line `i18ntool todo` shows "
    "(repeatable); LINE alone when DOC and --locale name one catalogue.",
)
@click.option(
    "--msgid", "msgids", multiple=True, metavar="TEXT", help="Only entries with this source text (repeatable)."
)
@click.option(
    "--date",
    "review_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Date of the review. Default: today.",
)
@click.pass_obj
@writes_project()
def review(
    session: Session,
    locales: tuple[str, ...],
    documents: tuple[str, ...],
    reviewer: str | None,
    entries: tuple[str, ...],
    msgids: tuple[str, ...],
    review_date: Any,
) -> None:
    """Sign off translations: stamp every translated entry of DOC, or chosen entries, as reviewed.

    A review is of one language's catalogue: a document translated into several languages
    needs --locale. DOC may be left out when --entry PATH:LINE names the catalogues. The stamp is a translator comment naming the reviewer and the date, bound to a hash of
    the entry's source text and translation: when either changes, the review goes stale.
    Fuzzy and untranslated entries are not stamped, and that does not stop the rest.
    """
    import datetime

    from i18ntool.command_reports import review_lines
    from i18ntool.review import requests_for, reviewer_name
    from i18ntool.review import review as run_review

    project = session.project
    name = reviewer_name(reviewer, project.root)
    day = review_date.date() if review_date is not None else datetime.date.today()
    outcomes = run_review(project, requests_for(project, documents, locales, entries, msgids), name, day)
    echo_lines(review_lines(outcomes, name, day))


# -- build and compile: the published outputs -----------------------------------------------


@main.command()
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
    progress = _Progress() if sys.stdout.isatty() and sys.stderr.isatty() else None
    try:
        result = run_build(project, options, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    for warning in result.warnings:
        click.echo(f"i18ntool: warning: {warning}", err=True)
    for held in result.held_back:
        click.echo(f"Held back: {held.describe()}.")
    for fallback in result.fallbacks:
        click.echo(f"Fell back: {fallback.describe()}.")
    for words in result.ui_fallbacks:
        click.echo(f"Fell back: {words}.")
    where = _shown_path(project, result.output_dir)
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


class _Progress:
    """A progress bar on stderr, drawn from the first text rendered."""

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="Building", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _shown_path(project: Any, path: Path) -> str:
    """``path`` as the user would type it: relative to the working folder, or to the project."""
    if path.is_relative_to(Path.cwd()):
        return path.relative_to(Path.cwd()).as_posix() or "."
    return str(project.relative(path))


@main.command(name="compile")
@locale_option()
@click.option(
    "--out",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
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

    project = session.project
    results = run_compile(project, locales, output_dir=output_dir, include_fuzzy=include_fuzzy)
    for item in results:
        if item.written:
            click.echo(f"{_shown_path(project, item.mo)}: written ({item.messages} messages, header included)")
    written = sum(item.written for item in results)
    click.echo(f"{len(results)} MO file(s): {written} written, {len(results) - written} unchanged.")


# -- check -----------------------------------------------------------------------------------


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


@main.command()
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

    report = check_project(session.project, documents, locales, codes)
    if output_format == "json":
        click.echo(check_json(report))
    else:

        def emphasise(code: str, error: bool) -> str:
            return click.style(code, fg="red" if error else "yellow", bold=True)

        echo_lines(check_lines(report, emphasise), color=None if "NO_COLOR" not in os.environ else False)
    if report.errors or (strict and report.findings):
        sys.exit(ExitCode.GATE_FAILED)


if __name__ == "__main__":  # pragma: no cover
    main()
