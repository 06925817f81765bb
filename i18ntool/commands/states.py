"""`coverage`, `todo` and `review`: translation states, what is left, and sign-off."""

from __future__ import annotations

import sys
from typing import Any

import click

from i18ntool.commands.options import (
    Progress,
    Session,
    echo_lines,
    format_option,
    locale_option,
    wants_colour,
    writes_project,
)
from i18ntool.errors import ExitCode
from i18ntool.command_reports import COVERAGE_FORMATS, TODO_FORMATS


@click.command()
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
    from i18ntool.cache import Cache
    from i18ntool.coverage import measure, shortfalls
    from i18ntool.project_coverage import measure_project
    from i18ntool.reports import render
    from i18ntool.targets import select_targets

    project = session.project
    # Words are counted only where they are shown: reading every msgid as inline Markdown is
    # most of the work on a large catalogue, and a table of entries shows none.
    count_words = words or output_format in ("json", "csv")
    progress = Progress.on_terminal("Counting")
    try:
        if documents:
            targets = select_targets(project, documents, locales, glossary=False)
            report = measure(project, targets, words=count_words, progress=progress)
        else:
            report = measure_project(project, locales, words=count_words, progress=progress, cache=Cache.of_user())
    finally:
        if progress is not None:
            progress.close()
    colour = output_format == "table" and wants_colour()
    click.echo(render(report, output_format, words=words, colour=colour), nl=False, color=colour)
    failed = shortfalls(report, fail_under=fail_under, fail_under_reviewed=fail_under_reviewed, words=words)
    for shortfall in failed:
        click.echo(f"i18ntool: {shortfall.describe()}", err=True)
    code = ExitCode.GATE_FAILED if failed else ExitCode.OK
    if not documents:
        from i18ntool import replay
        from i18ntool.project_coverage import inputs_of_project

        # The whole answer is written: what it came from, for the next run to write it again
        # at once if all of that is as it was (``replay``).
        replay.depends_on([*session.looked_at, *inputs_of_project(project)], code)
    if code:
        sys.exit(code)


@click.command()
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


@click.command()
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
