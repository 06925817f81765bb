"""A large document's template built in a forked process while this one does other work.

Profiled (``I18NTOOL_JOBS=1 python -m cProfile``), `coverage` of one 19 MB document with a
100,000-entry catalogue spent about half its time segmenting the source text and the other
half reading the catalogue; the two meet only at the end, where each entry of the template is
looked up in the catalogue. So the source text is segmented in a forked process, which sends
back only what the template holds (context, text, references and comments of each entry),
while this process reads the catalogues. The document itself, its segments and the parse's
blocks stay in the child and go with it.

The answer is the one this process would give: the child runs the same functions on the same
bytes, an error in the source text comes back as the same error, and anything else (no
process to be had, a child that dies or fails otherwise) makes this process build the
template itself, which then fails as it would have. Tests compare the rows with the plain
path's on the kit, generated projects and broken input.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from i18ntool.documents import document_of_bytes
from i18ntool.errors import I18nToolError
from i18ntool.targets import TemplateEntry, template_entries

if TYPE_CHECKING:
    from i18ntool.project import Project

Result = TypeVar("Result")

# Bytes of source text from which a second process pays: starting one and sending the
# template back cost about 0.05 s, segmenting a 1 MB text about 0.1 s.
LARGE = 1_000_000


@dataclass(frozen=True)
class Template:
    """What a document's template entries need of it: its language, its path as references
    write it, and the entries (``documents.build_template``)."""

    language: str
    source: str
    entries: list[TemplateEntry]
    # Words of the first half of the entries' texts, counted by the child when asked to.
    words: dict[str, int] = field(default_factory=dict, compare=False)


def template_beside(
    project: Project,
    path: Path,
    data: bytes,
    identifier: str,
    work: Callable[[], Result],
    *,
    fork: bool = True,
    words: bool = False,
) -> tuple[Template | I18nToolError, Result]:
    """The template of the source text ``data`` (read from ``path``), or the error reading it
    gives, and ``work()``, done here meanwhile. With ``fork`` false, or where no process can
    be forked, both are done here, one after the other. With ``words``, the child also counts
    the words of the first half of the template's texts (``Template.words``), where counting
    words is most of the work (on catalogue-100000, 2 of 3.5 s)."""
    from i18ntool import workers

    answer: Any = None
    background = workers.Background(functools.partial(_child, project, path, data, identifier, words)) if fork else None
    result = work()
    if background is not None:
        try:
            answer = background.result()
        except workers.WorkerLost:
            answer = None  # the child died (out of memory?): the template is built here
        if answer[0] == "failed" if answer is not None else False:
            answer = None  # an unexpected failure: built here, it fails here as it would have
    if answer is None:
        answer = _template_answer(project, path, data, identifier, words=False, catch_all=False)
    if answer[0] == "error":
        return answer[1], result
    _, language, source, entries, counted = answer
    words_of = dict(zip((entry[1] for entry in entries[: len(counted)]), counted, strict=True))
    return Template(language, source, entries, words_of), result


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No cycle collection within: for reading a large catalogue and pairing it with its
    template, which make hundreds of thousands of objects and no cycles, and which the
    collector otherwise scans again and again (a third of parse_catalogue's time on the
    100,000 entries of catalogue-100000)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _child(project: Project, path: Path, data: bytes, identifier: str, words: bool) -> tuple[Any, ...]:
    # No cycle collection: the child lives for one template and makes few cycles, and
    # collecting them scanned its 100,000 segments again and again (a tenth of its time at
    # catalogue-100000) and touched every page it shares with this process.
    with collection_paused():
        return _template_answer(project, path, data, identifier, words=words, catch_all=True)


def _template_answer(
    project: Project, path: Path, data: bytes, identifier: str, *, words: bool, catch_all: bool
) -> tuple[Any, ...]:
    """The template as plain values, for a pipe (entries as ``targets.TemplateEntry`` tuples);
    with ``words``, the words of the first half of its texts."""
    from i18ntool.markdown.words import count_words  # Markdown's parser: only when reading a document

    try:
        document = document_of_bytes(project, path, data, identifier)
        entries = template_entries(document)
        counted = [count_words(entry[1]) for entry in entries[: len(entries) // 2]] if words else []
        return ("template", document.language, document.source, entries, counted)
    except I18nToolError as error:
        return ("error", error)
    except Exception:
        if not catch_all:
            raise
        return ("failed",)
