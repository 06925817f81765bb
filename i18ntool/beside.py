"""A large document's template built in forked processes while this one does other work.

Profiled (``I18NTOOL_JOBS=1 python -m cProfile``), `coverage` of one 19 MB document with a
100,000-entry catalogue spent about half its time segmenting the source text and the other
half reading the catalogue; the two meet only at the end, where each entry of the template is
looked up in the catalogue. So the source text is segmented in forked processes (two, a part
each, where the text can be cut: :func:`cut_of`), which send back only what the template holds
(context, text, references and comments of each entry, as columns), while this process reads
the catalogues. The document itself, its segments and the parse's blocks stay in the children
and go with them.

The answer is the one this process would give: a child runs the same functions on the same
bytes, an error in the source text comes back as the same error, and anything else (no
process to be had, a child that dies or fails otherwise, an error in one part of a text cut
in two) leaves the document to the plain path, which reads it again and fails as it would
have. Tests compare the rows with the plain path's on the kit, generated projects and broken
input, and the template of a text cut in two with the whole's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from i18ntool.documents import document_of_bytes
from i18ntool.errors import I18nToolError
from i18ntool.po.quick_reader import expanded_references
from i18ntool.targets import TemplateColumns, template_entries
from i18ntool.workers import collection_paused

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
    columns: TemplateColumns
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
) -> tuple[Template | I18nToolError | None, Result]:
    """The template of the source text ``data`` (read from ``path``), or the error reading it
    gives, and ``work()``, done here meanwhile; None for the template where the processes
    that segment it could not give it (one died, or failed otherwise; a part of a text cut in
    two had an error): the caller then reads the text again and measures it the plain way,
    which fails as it would have. With ``fork`` false both are done here, one after the
    other. A text that can be cut in two (:func:`cut_of`) is segmented in two processes, a
    part each. This process lets go of ``data`` once the processes have it: a caller that
    keeps no reference either holds the text no longer than it needs. With ``words``, the
    children also count the words of the first half of their texts (``Template.words``),
    where counting words is most of the work (on catalogue-100000, 2 of 3.5 s)."""
    from i18ntool import workers

    if not fork:
        result = work()
        answer = _template_answer(project, path, data, identifier, words=False, catch_all=False)
        return _template_of(answer), result
    # The parsers are imported here, once, rather than in each child (50 ms each).
    from i18ntool.markdown import segmenting  # noqa: F401

    cut = cut_of(data)
    parts = [(0, len(data))] if cut is None else [(0, cut), (cut, len(data))]
    text = [data]  # what the children take; emptied here once they have it
    del data
    children = [
        workers.Background(functools.partial(_child, project, path, text, identifier, words, start, end))
        for start, end in parts
    ]
    text.clear()
    result = work()
    answers = [given for child in children if (given := _answer_of(child)) is not None and given[0] != "failed"]
    if len(answers) < len(children):
        return None, result
    if len(answers) == 1:
        return _template_of(answers[0]), result
    if answers[0][0] == answers[1][0] == "template":
        return _template_of(_joined(answers[0], answers[1])), result
    return None, result  # an error in a part: the error of the whole is found the plain way


def _template_of(answer: tuple[Any, ...]) -> Template | I18nToolError:
    if answer[0] == "error":
        error: I18nToolError = answer[1]
        return error
    _, language, source, columns, words_of = answer
    return Template(language, source, columns, words_of)


def _answer_of(child: Any) -> tuple[Any, ...] | None:
    """A child's answer; None if it died."""
    from i18ntool import workers

    try:
        answer: tuple[Any, ...] = child.result()
    except workers.WorkerLost:
        return None
    return answer


# Where a source text can be cut in two: a blank line, then a line that starts a paragraph
# with a letter; each part's segments are then those of the whole, provided that nothing
# reaches across a blank line or from one block to another (cut_of).
_CUT = re.compile(rb"\n\n(?=[A-Za-z])")
# A line that may open an HTML block (some run on over blank lines, and directives are
# HTML comments that apply to the block after them), behind any indentation or list and
# quote markers.
# (Looked for after each line break, and at the start apart: a tenth of the time of one
# regular expression in MULTILINE mode, 0.008 s against 0.08-0.18 s on a 19 MB text.)
_HTML_LINE = re.compile(rb"\n[ \t>*+\-0-9.)]*<")
_HTML_START = re.compile(rb"[ \t>*+\-0-9.)]*<")


def cut_of(data: bytes) -> int | None:
    """Where the source text ``data`` can be cut in two near its middle, so that segmenting
    the two parts gives the segments of the whole; None where it cannot be, or is not worth it.

    A part is segmented as a text of its own (:func:`part_answer`): the second part's first
    line cannot open front matter, and its references are then moved down by the lines of the
    first. Only CommonMark's fenced code blocks, HTML blocks and link reference definitions reach
    across a blank line followed by a line that opens a paragraph with a letter (which ends
    any list, quote, indented code or paragraph before it); so a text with no fence, no line
    that may open an HTML block (nor so an i18ntool directive) and no ``]:`` is cut there.
    Line endings other than "\n" are left whole. Front matter that is not closed before the
    cut fails in the first part, which then leaves the text whole. Tests compare the parts'
    template with the whole's on generated and hostile texts."""
    if len(data) < 2 * LARGE or b"\r" in data or b"]:" in data:
        return None
    # A fence only where its character is at all: a byte is found ten times faster than three.
    if (b"`" in data and b"```" in data) or (b"~" in data and b"~~~" in data):
        return None
    if _HTML_START.match(data) or _HTML_LINE.search(data):
        return None
    found = _CUT.search(data, len(data) // 2)
    return None if found is None else found.end()


def part_answer(
    project: Project, path: Path, data: bytes, identifier: str, start: int, end: int, *, words: bool, catch_all: bool
) -> tuple[Any, ...]:
    """:func:`_template_answer` of the part of the text from ``start`` to ``end`` (a part
    ``cut_of`` gives), its references' lines counted from the start of the whole text."""
    answer = _template_answer(project, path, data[start:end], identifier, words=words, catch_all=catch_all)
    lines = data.count(b"\n", 0, start)
    if answer[0] == "template" and lines:
        columns = answer[3]
        columns.references[:] = [_moved(references, lines) for references in columns.references]
    return answer


def _moved(references: str | tuple[str, ...], lines: int) -> str | tuple[str, ...]:
    """References ("path:line") ``lines`` lines further down, compact as they were given."""
    if isinstance(references, str):
        path, _, line = references.rpartition(":")
        return f"{path}:{int(line) + lines}"
    return tuple(_moved(reference, lines) for reference in references)  # type: ignore[misc]


# Texts in both parts up to which each is found by a search of the lists.
_FEW = 16


def _joined(first: tuple[Any, ...], second: tuple[Any, ...]) -> tuple[Any, ...]:
    """The answer for the whole text from those of its two parts (``cut_of``): the entries of
    the first, then those of the second, an entry whose text the first part has too adding its
    references and kinds of block to that entry's, as ``documents.template_fields`` groups the
    segments of the whole (no part has a note: notes are directives, which cut_of leaves whole).
    Most texts are in one part only, and most have no context: their texts are the keys."""
    _, language, source, columns, words = first
    words.update(second[4])
    more: TemplateColumns = second[3]
    if columns.contexts.count(None) == len(columns.contexts) and more.contexts.count(None) == len(more.contexts):
        # The texts in both parts found by one intersection of sets, and each then looked up
        # in the lists (no text is twice in a part's template): 0.02 s against 0.04 s for a
        # dictionary of each of the 50,000 texts of a part, where a few or none are in both.
        common = set(columns.msgids).intersection(more.msgids)
        if len(common) <= _FEW:
            in_both = {more.msgids.index(msgid): columns.msgids.index(msgid) for msgid in common}
        else:
            where: dict[Any, int] = {msgid: index for index, msgid in enumerate(columns.msgids) if msgid in common}
            in_both = {index: where[msgid] for index, msgid in enumerate(more.msgids) if msgid in common}
    else:
        where = {key: index for index, key in enumerate(zip(columns.contexts, columns.msgids, strict=True))}
        pairs = enumerate(zip(more.contexts, more.msgids, strict=True))
        in_both = {index: where[key] for index, key in pairs if key in where}
    for index, entry in in_both.items():
        references = expanded_references(columns.references[entry]) + expanded_references(more.references[index])
        columns.references[entry] = references
        columns.comments[entry] = tuple(dict.fromkeys(columns.comments[entry] + more.comments[index]))
    kept = [index for index in range(len(more.msgids)) if index not in in_both] if in_both else None
    for column, added in (
        (columns.contexts, more.contexts),
        (columns.msgids, more.msgids),
        (columns.references, more.references),
        (columns.comments, more.comments),
    ):
        column.extend(added if kept is None else [added[index] for index in kept])
    return ("template", language, source, columns, words)


def _child(
    project: Project, path: Path, text: list[bytes], identifier: str, words: bool, start: int, end: int
) -> tuple[Any, ...]:
    # No cycle collection: the child lives for one template and makes few cycles, and
    # collecting them scanned its 100,000 segments again and again (a tenth of its time at
    # catalogue-100000) and touched every page it shares with this process.
    if not text:
        return ("failed",)  # run in the caller after all (no process could be forked): it let the text go
    with collection_paused():
        return part_answer(project, path, text[0], identifier, start, end, words=words, catch_all=True)


def _template_answer(
    project: Project, path: Path, data: bytes, identifier: str, *, words: bool, catch_all: bool
) -> tuple[Any, ...]:
    """The template as plain values, for a pipe (entries as ``targets.TemplateEntry`` tuples);
    with ``words``, the words of the first half of its texts."""
    from i18ntool.markdown.words import count_words  # Markdown's parser: only when reading a document

    try:
        document = document_of_bytes(project, path, data, identifier)
        columns = TemplateColumns.of(template_entries(document))
        texts = columns.msgids
        counted = {text: count_words(text) for text in texts[: len(texts) // 2]} if words else {}
        return ("template", document.language, document.source, columns, counted)
    except I18nToolError as error:
        return ("error", error)
    except Exception:
        if not catch_all:
            raise
        return ("failed",)
