"""A translator's to-do: every entry still to translate, to correct or to review.

Three kinds of work, named as `todo --state` takes them:

- ``untranslated``: no translation, including entries the source text has and the catalogue
  lacks (added since the last ``update``; they are listed at their source line);
- ``fuzzy``: a translation to check against a changed source text (the previous text is
  given where the catalogue keeps it), or whose figures `update` carried across an edit
  that changed only figures (``figures_carried``: confirm the new figures);
- ``unreviewed``: translated but not signed off, or signed off before the text changed.

Each item is located as ``catalogue-path:line``, the line of the entry's msgid, which is
what editors jump to and what `i18ntool review --entry` takes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from i18ntool.po.catalogue import Message
from i18ntool.project import Project
from i18ntool.po.states import Review, State, figures_carried, review_of
from i18ntool.targets import Target, take_inventory

KINDS = ("untranslated", "fuzzy", "unreviewed")
_KIND_OF = {State.UNTRANSLATED: "untranslated", State.FUZZY: "fuzzy", State.TRANSLATED: "unreviewed"}


@dataclass(frozen=True)
class Task:
    """One entry to work on."""

    kind: str  # one of KINDS
    document: str
    language: str
    catalogue: str
    line: int | None  # line of the msgid in the catalogue; None if the catalogue lacks the entry
    source: str | None  # the entry's first reference in the source text, "content/x.md:12"
    message: Message
    review: Review | None  # a stale review stamp, for unreviewed entries that had one

    @property
    def location(self) -> str:
        if self.line is not None:
            return f"{self.catalogue}:{self.line}"
        return self.source or self.catalogue


def tasks(project: Project, targets: Sequence[Target], kinds: Iterable[str] = KINDS) -> tuple[Task, ...]:
    """The work left in ``targets``, catalogue by catalogue, in file order."""
    wanted = set(kinds)
    found = []
    for target in targets:
        inventory = take_inventory(project, target)
        catalogue = project.relative(target.catalogue_path)
        for entry in inventory.entries:
            kind = _KIND_OF.get(entry.state)
            if kind is None or kind not in wanted:
                continue
            message = entry.message
            found.append(
                Task(
                    kind=kind,
                    document=target.name,
                    language=target.language,
                    catalogue=catalogue,
                    line=message.line if entry.in_catalogue else None,
                    source=message.references[0] if message.references else None,
                    message=message,
                    review=review_of(message) if kind == "unreviewed" else None,
                )
            )
    return tuple(found)


def render_text(found: Sequence[Task]) -> str:
    """``path:line: kind: source text`` lines, with the previous text under fuzzy entries."""
    lines = []
    for task in found:
        text = _one_line(task.message.msgid)
        if task.message.msgctxt is not None:
            text = f"[{_one_line(task.message.msgctxt)}] {text}"
        if task.message.msgid_plural is not None:
            text += f" | plural: {_one_line(task.message.msgid_plural)}"
        label = task.kind
        if task.line is None:
            label += f" (not in {task.catalogue} yet; run `i18ntool update`)"
        elif task.review is not None:
            label += f" (review by {task.review.reviewer} on {task.review.date.isoformat()} is stale)"
        elif figures_carried(task.message):
            label += " (figures carried by i18ntool; confirm them)"
        lines.append(f"{task.location}: {label}: {text}")
        if task.kind == "fuzzy" and task.message.previous_msgid is not None:
            lines.append(f"    was: {_one_line(task.message.previous_msgid)}")
    lines.append(summary(found))
    return "\n".join(lines) + "\n"


def summary(found: Sequence[Task]) -> str:
    if not found:
        return "Nothing to do."
    counts = [f"{count} {kind}" for kind in KINDS if (count := sum(1 for task in found if task.kind == kind))]
    catalogues = len({task.catalogue for task in found})
    noun = "entry" if len(found) == 1 else "entries"
    return f"{len(found)} {noun} to do in {catalogues} catalogue{'s' if catalogues != 1 else ''}: {', '.join(counts)}."


def render_json(found: Sequence[Task]) -> str:
    """The to-do for scripts: ``{"schema": "i18ntool-todo/1", "entries": [...]}``."""
    entries = [
        {
            "state": task.kind,
            "document": task.document,
            "language": task.language,
            "catalogue": task.catalogue,
            "line": task.line,
            "location": task.location,
            "source": task.source,
            "in_catalogue": task.line is not None,
            "msgctxt": task.message.msgctxt,
            "msgid": task.message.msgid,
            "msgid_plural": task.message.msgid_plural,
            "previous_msgid": task.message.previous_msgid if task.kind == "fuzzy" else None,
            "figures_carried": figures_carried(task.message),
            "stale_review": None
            if task.review is None
            else {
                "reviewer": task.review.reviewer,
                "date": task.review.date.isoformat(),
            },
        }
        for task in found
    ]
    return json.dumps({"schema": "i18ntool-todo/1", "entries": entries}, indent=2, ensure_ascii=False) + "\n"


def _one_line(text: str) -> str:
    return text.replace("\n", "\\n")
