"""Signing translations off: review stamps written into catalogues.

A reviewer signs off every translated entry of a document in a language, or chosen entries
(by a line of the entry in the catalogue, such as the msgid line `i18ntool todo` prints, or
by their source text). The stamp itself is ``status.stamp``'s: a translator comment naming the
reviewer and the date, bound to a hash of the entry's text.

Fuzzy and untranslated entries are not stamped, and saying so does not stop the rest.
Entries whose stamp still matches keep it (so running a review twice writes nothing); a
stale stamp is replaced. Every catalogue is read, and every choice checked, before any
file is written: an input error writes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from i18ntool.po.catalogue import Catalogue, Message, parse_catalogue
from i18ntool.po.catalogue_files import catalogue_exists, read_catalogue, read_catalogue_bytes
from i18ntool.po.writer import write_catalogue
from i18ntool.errors import CatalogueError, I18nToolError
from i18ntool.files import remove_stale_temporaries
from i18ntool.project import Project
from i18ntool.po.states import State, review_of, stamp, state_of
from i18ntool.targets import select_targets

_LOCATION = re.compile(r"(?:(?P<path>.+):)?(?P<line>\d+)")


@dataclass(frozen=True)
class Request:
    """One catalogue to stamp: every translated entry, or only the chosen ones."""

    path: Path
    lines: tuple[int, ...] = ()  # msgid lines of chosen entries
    msgids: tuple[str, ...] = ()  # source texts of chosen entries

    @property
    def chosen(self) -> bool:
        return bool(self.lines or self.msgids)


@dataclass(frozen=True)
class Refusal:
    """An entry that could not be stamped, and why."""

    line: int
    state: State
    msgid: str
    msgctxt: str | None = None

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)


@dataclass(frozen=True)
class Outcome:
    """What a review did to one catalogue."""

    catalogue: str
    stamped: int  # entries signed off now (with no stamp before)
    renewed: int  # entries whose stale stamp was replaced
    kept: int  # entries whose stamp still matched
    refused: tuple[Refusal, ...]
    chosen: bool
    written: bool


def reviewer_name(given: str | None, folder: Path) -> str:
    """The reviewer: ``given``, or git's ``user.name`` as seen from ``folder``."""
    name = given
    if name is None:
        try:
            result = subprocess.run(
                ["git", "config", "user.name"],
                cwd=folder,
                capture_output=True,
                text=True,
                check=False,
                timeout=10,
            )
        except (OSError, subprocess.SubprocessError):
            result = None
        name = result.stdout.strip() if result is not None and result.returncode == 0 else ""
        if not name:
            raise I18nToolError("no reviewer: pass --reviewer NAME, or set git's user.name")
    name = " ".join(name.split())
    if not name or "," in name or not name.isprintable():
        raise I18nToolError(f"reviewer {given or name!r}: a reviewer's name cannot be empty or hold a comma")
    return name


def requests_for(
    project: Project,
    names: Sequence[str],
    languages: Sequence[str],
    entries: Sequence[str] = (),
    msgids: Sequence[str] = (),
) -> list[Request]:
    """The catalogues to stamp, from documents, languages, entry locations and source texts.

    With no ``entries`` and no ``msgids``, every translated entry of the catalogues of
    ``names`` in ``languages`` is stamped. Otherwise only the chosen entries are: ``entries``
    are ``PATH:LINE`` (a catalogue and a line of the entry, such as its msgid's, which
    `todo` prints) or ``LINE`` (in the one catalogue ``names`` and ``languages`` choose);
    ``msgids`` apply to the catalogues of ``names``, or to those of ``entries`` when no
    names are given.
    """
    located = [_parse_location(entry) for entry in entries]
    bare = tuple(line for path, line in located if path is None)
    requests: dict[Path, Request] = {}
    if names:
        targets = select_targets(project, names, languages)
        if not targets:
            raise I18nToolError(
                f"no catalogue of {', '.join(names)} in {', '.join(languages or project.languages)} to review; "
                "a document is reviewed in the languages it is translated into"
            )
        if not languages:
            for name in dict.fromkeys(target.name for target in targets):
                found = [target.language for target in targets if target.name == name]
                if len(found) > 1:
                    raise I18nToolError(
                        f"'{name}' has catalogues in {', '.join(found)}; choose the language reviewed with --locale",
                    )
        for target in targets:
            if not catalogue_exists(target.catalogue_path, project.relative(target.catalogue_path)):
                raise CatalogueError(
                    "no catalogue to review; run `i18ntool update` first", project.relative(target.catalogue_path)
                )
        if bare and len(targets) != 1:
            raise I18nToolError(
                "--entry LINE needs exactly one catalogue: name one document (and --locale), or write --entry PATH:LINE"
            )
        for target in targets:
            requests[target.catalogue_path] = Request(target.catalogue_path, bare, tuple(msgids))
    elif bare or not located:
        raise I18nToolError("name the documents to review, or give entries as --entry PATH:LINE")
    for path_text, line in located:
        if path_text is not None:
            path = _catalogue_path(project, path_text)
            previous = requests.get(path, Request(path, (), () if names else tuple(msgids)))
            requests[path] = Request(path, (*previous.lines, line), previous.msgids)
    if entries or msgids:
        return [request for request in requests.values() if request.chosen]
    return list(requests.values())


def review(project: Project, requests: Sequence[Request], reviewer: str, date: datetime.date) -> list[Outcome]:
    """Stamp what ``requests`` choose; read and check everything first, then write."""
    planned = []
    catalogues = []
    for request in requests:
        name = project.relative(request.path)
        data = read_catalogue_bytes(request.path, name)
        catalogue = parse_catalogue(data, name)
        catalogues.append(catalogue)
        if request.lines:
            request = dataclasses.replace(request, lines=_msgid_lines(data, catalogue, request.lines))
        planned.append((request.path, *stamp_catalogue(catalogue, name, request, reviewer, date)))
    for msgid in dict.fromkeys(msgid for request in requests for msgid in request.msgids):
        if not any(
            message.msgid == msgid and not message.obsolete
            for catalogue in catalogues
            for message in catalogue.messages
        ):
            names = ", ".join(project.relative(request.path) for request in requests if msgid in request.msgids)
            raise I18nToolError(f"--msgid {_shorten(msgid)!r}: no entry has this source text in {names}")
    remove_stale_temporaries(project.locales_dir, (".po",))
    outcomes = []
    for path, catalogue, outcome in planned:
        written = write_catalogue(path, catalogue) if outcome.stamped or outcome.renewed else False
        if written and outcome.refused:
            # Stamps add lines: name refused entries by their lines in the file as written.
            lines = {message.key: message.line for message in read_catalogue(path).messages if not message.obsolete}
            refused = tuple(dataclasses.replace(refusal, line=lines[refusal.key]) for refusal in outcome.refused)
            outcome = dataclasses.replace(outcome, refused=refused)
        outcomes.append(dataclasses.replace(outcome, written=written))
    return outcomes


def stamp_catalogue(
    catalogue: Catalogue,
    name: str,
    request: Request,
    reviewer: str,
    date: datetime.date,
) -> tuple[Catalogue, Outcome]:
    """``catalogue`` with the entries ``request`` chooses stamped, and what was done."""
    active = [message for message in catalogue.messages if not message.obsolete]
    by_line = {message.line: message for message in active}
    for line in request.lines:
        if line not in by_line:
            raise CatalogueError(_no_entry_at(line, sorted(by_line)), name, line)
    chosen = set(request.lines)
    counts = {"stamped": 0, "renewed": 0, "kept": 0}
    refused: list[Refusal] = []
    messages: list[Message] = []
    for message in catalogue.messages:
        wanted = not message.obsolete and (
            not request.chosen or message.line in chosen or message.msgid in request.msgids
        )
        if not wanted:
            messages.append(message)
            continue
        state = state_of(message)
        if state is State.REVIEWED:
            counts["kept"] += 1
        elif state is State.TRANSLATED:
            counts["renewed" if review_of(message) is not None else "stamped"] += 1
            message = stamp(message, reviewer, date)
        else:
            refused.append(Refusal(message.line, state, message.msgid, message.msgctxt))
        messages.append(message)
    outcome = Outcome(name, refused=tuple(refused), chosen=request.chosen, written=False, **counts)
    return catalogue.replace(messages=tuple(messages)), outcome


def _msgid_lines(data: bytes, catalogue: Catalogue, lines: Sequence[int]) -> tuple[int, ...]:
    """Each of ``lines`` moved to the msgid line of the entry around it.

    An entry is a run of non-blank lines (comments, keywords, strings), so a line anywhere
    in it, such as the msgstr an editor shows, names the entry. Other lines stay as they are,
    for ``stamp_catalogue`` to refuse with the nearest entries.
    """
    rows = data.split(b"\n")
    msgid_lines = {message.line for message in catalogue.messages if not message.obsolete}
    moved = []
    for line in lines:
        if not 1 <= line <= len(rows) or not rows[line - 1].strip():
            moved.append(line)
            continue
        first = last = line
        while first > 1 and rows[first - 2].strip():
            first -= 1
        while last < len(rows) and rows[last].strip():
            last += 1
        found = [number for number in range(first, last + 1) if number in msgid_lines]
        moved.append(found[0] if len(found) == 1 else line)
    return tuple(moved)


def _parse_location(text: str) -> tuple[str | None, int]:
    match = _LOCATION.fullmatch(text.strip())
    if not match or int(match["line"]) < 1:
        raise I18nToolError(f"--entry {text!r}: write the entry as PATH:LINE or LINE, as `i18ntool todo` shows it")
    return match["path"], int(match["line"])


def _catalogue_path(project: Project, text: str) -> Path:
    """The catalogue of this project that ``text`` names (from the working folder or the project's)."""
    given = Path(text)
    for path in (given,) if given.is_absolute() else (Path.cwd() / given, project.root / given):
        path = path.absolute()
        if not path.is_file() or not path.is_relative_to(project.locales_dir):
            continue
        language, folder, *_ = path.relative_to(project.locales_dir).parts + ("", "")
        if language in project.languages and folder == "LC_MESSAGES" and path.suffix == ".po":
            return path
    raise CatalogueError(
        f"not a catalogue of this project; catalogues are {project.relative(project.locales_dir)}/<language>/LC_MESSAGES/*.po",
        text,
    )


def _no_entry_at(line: int, lines: Sequence[int]) -> str:
    before = [number for number in lines if number < line][-1:]
    after = [number for number in lines if number > line][:1]
    nearest = " and ".join(str(number) for number in (*before, *after))
    hint = (
        f"; the nearest are at lines {nearest}"
        if len(before + after) == 2
        else (f"; the nearest is at line {nearest}" if nearest else "")
    )
    return f"no entry on this line{hint} (`i18ntool todo` shows each entry's line)"


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
