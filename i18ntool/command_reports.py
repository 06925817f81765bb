"""What `update`, `init`, `review` and `check` tell their users, as lines of text or JSON.

Beside ``reports`` (coverage) and ``todo``'s renderers: every function takes the result a
command's core returned and gives the lines to show, and none prints. Lines meant for
stderr (warnings, refusals) are returned apart from those for stdout, so that the command
line only writes them, in their order. The colour of a check's code is applied by the caller,
through ``emphasise``, so that this module needs no terminal library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime

    from i18ntool.checks.codes import Check
    from i18ntool.checks.runner import CheckReport
    from i18ntool.project import Project
    from i18ntool.review import Outcome
    from i18ntool.in_step import FoundInStep
    from i18ntool.sync import UpdateResult

CHECK_SCHEMA = "i18ntool-check/1"
# The formats each command writes its report in, the first its default; `--format` offers
# these. Kept here, in a module that imports nothing heavy, so that `i18ntool --help` is quick.
COVERAGE_FORMATS = ("table", "json", "markdown", "csv", "html")  # rendered by ``reports.render``
TODO_FORMATS = ("text", "json")  # ``todo.render_text``, ``todo.render_json``
CHECK_FORMATS = ("text", "json")  # ``check_lines``, ``check_json``


class Line(NamedTuple):
    """A line for stdout, or a diagnostic for stderr (shown after ``i18ntool: ``).

    A NamedTuple, as are the format tables' records: `i18ntool --help` imports this module, and
    a dataclass takes about 0.4 ms to create where a NamedTuple takes 0.07 ms (and ``json`` is
    imported where it is used), which kept `--help` within 1.5x of importing click."""

    text: str
    diagnostic: bool = False


def _said(texts: Iterable[str], *, diagnostic: bool = False) -> list[Line]:
    return [Line(text, diagnostic) for text in texts]


def update_lines(project: Project, result: UpdateResult | FoundInStep, *, check: bool) -> list[Line]:
    """What `update` (or `update --check`) did, or would do, to each file."""
    verb = ("would create", "would update") if check else ("created", "updated")
    out = [
        f"{project.relative(change.path)}: {verb[0] if change.created else verb[1]} ({change.detail})"
        for change in result.changes
    ]
    if not result.changes:
        out.append("Every template and catalogue is in step with its source text.")
    elif check:
        out.append(f"{len(result.changes)} file(s) out of step; run `i18ntool update`.")
    else:
        out.append(f"{len(result.changes)} file(s) written.")
    return _said((f"warning: {warning}" for warning in result.warnings), diagnostic=True) + _said(out)


def init_lines(project: Project, result: UpdateResult, language: str) -> list[Line]:
    """What `init` started, and what it brought in step."""
    created = [change for change in result.changes if change.created and change.path.suffix == ".po"]
    out = [
        f"{project.relative(change.path)}: {'created' if change.created else 'updated'} ({change.detail})"
        for change in result.changes
    ]
    out.append(f"{len(created)} catalogue(s) started for '{language}'.")
    return _said(out)


def review_lines(outcomes: Sequence[Outcome], reviewer: str, day: datetime.date) -> list[Line]:
    """One line per catalogue signed off; the entries refused, on stderr."""
    from i18ntool.po.states import State

    lines: list[Line] = []
    for outcome in outcomes:
        signed = outcome.stamped + outcome.renewed
        if signed:
            renewed = (
                f" ({outcome.renewed} stale review{'s' if outcome.renewed != 1 else ''} renewed)"
                if outcome.renewed
                else ""
            )
            said = f"{signed} signed off by {reviewer} on {day.isoformat()}{renewed}"
        else:
            said = "nothing to sign off"
        kept = f"; {outcome.kept} already reviewed" if outcome.kept else ""
        lines.append(Line(f"{outcome.catalogue}: {said}{kept}"))
        if outcome.chosen:
            for refusal in outcome.refused:
                hint = (
                    "check the translation and clear its fuzzy flag" if refusal.state is State.FUZZY else "translate it"
                )
                lines.append(
                    Line(
                        f"{outcome.catalogue}:{refusal.line}: {refusal.state.value}; not signed off ({hint} first)",
                        True,
                    )
                )
        elif outcome.refused:
            kinds = [
                f"{sum(1 for refusal in outcome.refused if refusal.state is state)} {state.value}"
                for state in (State.FUZZY, State.UNTRANSLATED)
                if any(refusal.state is state for refusal in outcome.refused)
            ]
            lines.append(
                Line(f"{outcome.catalogue}: {' and '.join(kinds)} not signed off; `i18ntool todo` lists them", True)
            )
    return lines


def check_lines(report: CheckReport, emphasise: Callable[[str, bool], str] = lambda code, error: code) -> list[Line]:
    """Each finding as ``path:line: CODE message``, then the count; ``emphasise(code, is_error)``
    styles the code."""
    from i18ntool.checks.codes import Severity

    out = [
        f"{finding.path}:{finding.line}: {emphasise(finding.code, finding.severity is Severity.ERROR)} {finding.message}"
        for finding in report.findings
    ]
    errors = f"{report.errors} error{'s' if report.errors != 1 else ''}"
    warnings = f"{report.warnings} warning{'s' if report.warnings != 1 else ''}"
    out.append(f"{errors}, {warnings} in {report.catalogues} catalogue(s).")
    return _said(out)


def check_json(report: CheckReport) -> str:
    """The report for scripts; the schema is documented in the README and only grows under one name."""
    import json

    return json.dumps(
        {
            "schema": CHECK_SCHEMA,
            "findings": [finding.as_json() for finding in report.findings],
            "errors": report.errors,
            "warnings": report.warnings,
            "catalogues": report.catalogues,
        },
        ensure_ascii=False,
        indent=2,
    )


def check_list(checks: Iterable[Check]) -> list[Line]:
    """`check --list-checks`: code, severity and description of every check."""
    return _said(f"{check.code:<8} {check.severity.value:<8} {check.description}" for check in checks)
