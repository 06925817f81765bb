"""Lay a catalogue out as PO text, byte for byte as GNU gettext's ``msgcat`` writes it.

Translators diff the PO files we write against what their tools (``msgmerge``, ``msgcat``,
Poedit) write, so every choice gettext makes is reproduced here, and ``msgcat`` run on the
output of ``format_catalogue`` gives back the same bytes. This matches gettext 0.21 linked with
GNU libunistring 1.0 (Debian 12), at any width.

Layout of an entry, in this order: translator comments (``# text``, ``#`` when empty),
extracted comments (``#.``), references (``#:``, packed up to the width counting bytes),
flags (``#,``, in gettext's canonical form, see ``normalise_flags``), previous msgctxt,
msgid and msgid_plural (``#|``), then msgctxt, msgid, msgid_plural and msgstr or
``msgstr[N]``. Obsolete entries keep all their comments and flags as they are; only the
previous fields become ``#~|`` and the strings ``#~``. msgcat moves obsolete entries to the end
and drops those whose (first) msgstr is empty, and so does ``format_catalogue``.

How gettext (``write-po.c``, function ``wrap``) lays out a string:

* The escaped string is cut after every ``\\n``; each portion starts a new line. If there is
  more than one portion, or the first one does not fit on the keyword's line, the keyword
  gets ``""`` and the text starts on the next line.
* Within a portion, lines may only be broken where the Unicode line breaking algorithm
  (UAX #14, as implemented by libunistring 1.0 with Unicode 14 data) allows it, applied to the
  *escaped* text: after spaces (a run of spaces stays at the end of the line), after ``-`` and
  dashes, after ``/``, after ``.`` ``,`` ``:`` ``;`` ``!`` ``?`` when a letter follows (so
  ``www.`` / ``example.com``)… but not on either side of a quotation mark that can open or
  close (``"`` ``'`` ``’`` ``«`` ``»`` ``“`` ``”``) unless a space is there, so ``l’amico`` and
  ``«Sì»`` stay whole. Never inside an escape sequence, never just before the ``\\n`` that
  ends a portion, and never inside a format directive of the entry's format language.
* Widths are display columns (``uc_width``: CJK and emoji count 2, combining marks and control
  characters 0). Counting from the opening quote, the text of a line may take
  ``width - 2 - len(prefix)`` columns (77 for ``msgid``, 74 after ``#| `` or ``#~ ``), and
  ``len(keyword) + 1`` fewer on the keyword's own line. Each piece of text between two break
  opportunities, trailing spaces included, goes on the current line if it fits, else on a
  new line; a piece wider than a line is never split.

The line breaking itself is ``linebreak``'s (with the Unicode data of ``unicode_tables``,
generated from the Unicode Character Database), the flags are ``flags``'s and the directives
``format_strings``'s. Catalogues are assumed to be in UTF-8. Only the layout is decided here;
``writer`` writes it to files.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from i18ntool import workers
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.po.flags import Flags, normalise_flags
from i18ntool.po.format_strings import directive_interiors
from i18ntool.po.linebreak import line_breaks

__all__ = ["escape", "format_catalogue", "format_message", "header_message", "normalise_flags"]

DEFAULT_WIDTH = 79

# ---------------------------------------------------------------------------------------------
# Escaping
# ---------------------------------------------------------------------------------------------

# gettext writes the C escapes below and leaves every other character, control characters
# and all non-ASCII text included, as it is.
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
}
_NEEDS_ESCAPE = re.compile(r'[\\"\a\b\f\n\r\t\v]')


def escape(s: str) -> str:
    """Escape ``s`` for the inside of a PO string literal, as gettext does.

    Most texts have nothing to escape, and are given back as they are; the others are
    escaped by the pattern, which on text beyond ASCII (a translation with one accented
    letter) took a tenth of the time of ``str.translate`` (3.5 against 39 microseconds for
    a paragraph)."""
    return s if _nothing_to_escape(s) else _NEEDS_ESCAPE.sub(_escaped, s)


def _escaped(match: re.Match[str]) -> str:
    return _ESCAPES[match[0]]


def _nothing_to_escape(s: str) -> bool:
    """No character of ``s`` is one gettext escapes. A printable text (no control character)
    without quote or backslash is told so at C speed, faster than the pattern searches it;
    any other (a line end, a no-break space, which is not printable) is searched."""
    return (s.isprintable() and '"' not in s and "\\" not in s) or _NEEDS_ESCAPE.search(s) is None


# ---------------------------------------------------------------------------------------------
# Strings
# ---------------------------------------------------------------------------------------------

_PORTIONS = re.compile(r"[^\n]*\n|[^\n]+")
_NO_WRAP_WIDTH = 2**31 - 1  # gettext's INT_MAX: no-wrap entries are never broken


def _escape_portion(portion: str, interiors: Sequence[int], base: int) -> tuple[str, set[int]]:
    """Escape one portion; return it with the offsets where breaking is forbidden.

    A break is never made inside an escape sequence, just before the closing ``\\n`` or inside
    a format directive (``interiors``, offsets in the whole string, which starts ``base``
    characters before this portion).
    """
    escaped = escape(portion)
    prohibited: set[int] = set()
    if len(escaped) == len(portion) and not interiors:
        return escaped, prohibited
    escape_at = [m.start() for m in _NEEDS_ESCAPE.finditer(portion)]
    for shift, raw in enumerate(escape_at):
        prohibited.add(raw + shift + 1)
    if portion.endswith("\n"):
        prohibited.add(len(escaped) - 2)
    for raw in interiors:
        offset = raw - base
        if 0 <= offset < len(portion):
            prohibited.add(offset + bisect_right(escape_at, offset - 1))
    return escaped, prohibited


def _wrap(
    prefix: str,
    keyword: str,
    value: str,
    width: int,
    no_wrap: bool = False,
    language: str | None = None,
) -> tuple[str, ...]:
    """Lay out ``keyword "value"`` as gettext's ``wrap()`` does, one item per line.

    A value that fits on the keyword's line, as most short ones do (headings, list items,
    empty translations), is that one line: no escape, no line end, no line breaking to
    consider. (Counted as ``_breaks`` counts: no character is wider than 2 columns, nor than
    1 in ASCII text; tests/test_layout.py holds this to the general path.)"""
    columns = len(prefix) + len(keyword) + 3 + len(value) * (1 if value.isascii() else 2)
    if columns <= (_NO_WRAP_WIDTH if no_wrap else width) and _nothing_to_escape(value):
        return (f'{prefix}{keyword} "{value}"',)
    return _wrap_lines(prefix, keyword, value, width, no_wrap, language)


@functools.lru_cache(maxsize=1 << 19)
def _wrap_lines(
    prefix: str,
    keyword: str,
    value: str,
    width: int,
    no_wrap: bool = False,
    language: str | None = None,
) -> tuple[str, ...]:
    """``_wrap``'s general path, through the line breaker.

    Remembered: `update` lays out each source text in the template and again in every
    catalogue of it, and line breaking is most of the time spent writing a catalogue."""
    # Columns are counted from the opening quote of a continuation line; one column is kept
    # for the closing quote.
    after_break = len(prefix) + 1
    available = (_NO_WRAP_WIDTH if no_wrap else width) - 1 - after_break
    interiors = directive_interiors(language, value, keyword.startswith("msgstr"))
    portions = _PORTIONS.findall(value) or [""]
    lines: list[str] = []
    first_line = True
    base = 0
    for index, portion in enumerate(portions):
        escaped, prohibited = _escape_portion(portion, interiors, base)
        base += len(portion)
        if first_line:
            first_line = False
            start = len(keyword) + 1
            # The breaks of the value on lines of its own. Where they are any, the value does
            # not fit on the keyword's line either (it starts further right there), so a long
            # paragraph is broken once, not first from the keyword's column and then again.
            breaks = _breaks(escaped, prohibited, available, 0)
            if escaped and (
                index + 1 < len(portions)
                or start > available
                or breaks
                or _breaks(escaped, prohibited, available, start)
            ):
                # The value does not fit on the keyword's line: gettext then writes an empty
                # string there and starts the value on the next line.
                lines.append(f'{prefix}{keyword} ""')
                lead = f'{prefix}"'
            else:
                lead = f'{prefix}{keyword} "'
        else:
            lead = f'{prefix}"'
            breaks = _breaks(escaped, prohibited, available, 0)
        pos = 0
        for cut in breaks:
            lines.append(f'{lead}{escaped[pos:cut]}"')
            lead = f'{prefix}"'
            pos = cut
        lines.append(f'{lead}{escaped[pos:]}"')
    return tuple(lines)


def _breaks(escaped: str, prohibited: set[int], available: int, start: int) -> list[int]:
    """Line breaks for one escaped portion, skipping the work when it obviously fits."""
    # No character is wider than 2 columns, nor than 1 in ASCII text.
    if start + len(escaped) * (1 if escaped.isascii() else 2) <= available:
        return []
    return line_breaks(escaped, prohibited, available, start)


# ---------------------------------------------------------------------------------------------
# Comments
# ---------------------------------------------------------------------------------------------


def _comment_lines(marker: str, comments: Iterable[str]) -> list[str]:
    """``# text`` lines (``#`` alone for an empty one); a comment with newlines spans lines."""
    return [f"{marker} {line}" if line else marker for c in comments for line in c.split("\n")]


@functools.lru_cache(maxsize=4096)
def _extracted_comment_lines(comments: tuple[str, ...]) -> tuple[str, ...]:
    """``#.`` lines, remembered: entries have few kinds of block to name ("paragraph")."""
    return tuple(_comment_lines("#.", comments))


_REFERENCE_SPACE = " \t\n"


def _parse_references(references: Iterable[str]) -> list[tuple[str, int | None]]:
    """Split references into (file, line) the way gettext reads a ``#:`` line.

    ``file:line`` gives a line number, also with spaces around the colon; anything else is a
    file name without one (``page.md``, ``:5``, ``a.md:x``).
    """
    text = " ".join(references)
    n = len(text)
    out: list[tuple[str, int | None]] = []
    i = 0
    while True:
        while i < n and text[i] in _REFERENCE_SPACE:
            i += 1
        if i >= n:
            return out
        start = i
        while i < n and text[i] not in _REFERENCE_SPACE:
            i += 1
        name = text[start:i]
        # "file : 12", with spaces.
        j = i
        while j < n and text[j] in _REFERENCE_SPACE:
            j += 1
        if j < n and text[j] == ":":
            j += 1
            while j < n and text[j] in _REFERENCE_SPACE:
                j += 1
            k = j
            while k < n and "0" <= text[k] <= "9":
                k += 1
            if k > j and (k == n or text[k] in _REFERENCE_SPACE):
                out.append((name, int(text[j:k])))
                i = k
                continue
        # "file:12".
        k = len(name)
        while k > 0 and "0" <= name[k - 1] <= "9":
            k -= 1
        if k < len(name) and k > 1 and name[k - 1] == ":":
            out.append((name[: k - 1], int(name[k:])))
        else:
            out.append((name, None))


# One reference as gettext writes it back unchanged: no space, no leading "./", no line number
# with a leading zero (written without it).
_PLAIN_REFERENCE = re.compile(r"(?!\./)[^ \t\n]+")
_LEADING_ZERO = re.compile(r":0[0-9]+\Z")


def _reference_lines(references: tuple[str, ...], width: int) -> tuple[str, ...]:
    """``#:`` lines, packed as gettext packs them (its widths count bytes, not columns).

    Most entries have no reference or one, plain (``content/page.md:12``): that one is its
    own line whatever the width (the first item of a line always goes on it)."""
    if not references:
        return ()
    if len(references) == 1:
        (reference,) = references
        if _PLAIN_REFERENCE.fullmatch(reference) and not _LEADING_ZERO.search(reference):
            return (f"#: {reference}",)
    return _packed_reference_lines(references, width)


@functools.lru_cache(maxsize=1 << 18)
def _packed_reference_lines(references: tuple[str, ...], width: int) -> tuple[str, ...]:
    """``_reference_lines``' general path. Remembered, as ``_wrap``'s lines are: a template
    and its catalogues share references.

    gettext drops a leading ``./`` when writing, and a repeated reference when reading; both
    are done here, so that reading the output back changes nothing.
    """
    lines: list[str] = []
    line = "#:"
    column = 2
    seen: set[str] = set()
    for name, number in _parse_references(references):
        while name.startswith("./"):
            name = name[2:]
        item = name if number is None else f"{name}:{number}"
        if item in seen:
            continue
        seen.add(item)
        size = len(item.encode("utf-8")) + 1
        if column > 2 and column + size > width:
            lines.append(line)
            line = "#:"
            column = 2
        line += " " + item
        column += size
    if column > 2:
        lines.append(line)
    return tuple(lines)


# ---------------------------------------------------------------------------------------------
# Entries and catalogues
# ---------------------------------------------------------------------------------------------


def _msgstrs(message: Message, nplurals: int) -> list[tuple[str, str]]:
    """The (keyword, value) pairs of an entry's translation."""
    if message.msgid_plural is None:
        return [("msgstr", message.msgstr)]
    # A plural entry with no translation yet gets empty forms, as msginit/msgmerge write it.
    forms = message.msgstr_plural or ("",) * max(nplurals, 1)
    return [(f"msgstr[{n}]", form) for n, form in enumerate(forms)]


@functools.lru_cache(maxsize=4096)
def _flag_lines(
    flags: tuple[str, ...], equals_line_flags: tuple[str, ...], translated: bool
) -> tuple[str | None, bool, tuple[str, ...]]:
    """An entry's format language, whether it is no-wrap, and its flag lines. Remembered:
    entries have few sets of flags (most none), and reading them is a parse of its own."""
    parsed = Flags(flags)
    # Flags read from a "#=" line go back there, as gettext's manual asks of tools that
    # read, change and write PO files; all others, new ones included, on the "#," line.
    equals = [flag for flag in equals_line_flags if flag in flags and (translated or flag != "fuzzy")]
    written = Flags(flag for flag in flags if flag not in equals).written(translated)
    lines = ["#, " + ", ".join(written)] if written else []
    lines += ["#= " + ", ".join(equals)] if equals else []
    return parsed.format_language(), parsed.no_wrap, tuple(lines)


def _entry_lines(message: Message, width: int, nplurals: int) -> list[str]:
    """The lines of one entry, or none for an untranslated obsolete entry (msgcat drops it)."""
    msgstrs = _msgstrs(message, nplurals)
    translated = msgstrs[0][1] != ""
    if message.obsolete and not translated:
        return []
    language, no_wrap, flag_lines = _flag_lines(message.flags, message.equals_line_flags, translated)

    lines = _comment_lines("#", message.translator_comments) if message.translator_comments else []
    lines += _extracted_comment_lines(message.extracted_comments)
    lines += _reference_lines(message.references, width)
    lines += flag_lines

    previous = (message.previous_msgctxt, message.previous_msgid, message.previous_msgid_plural)
    if previous != (None, None, None):  # most entries have no previous text
        previous_prefix = "#~| " if message.obsolete else "#| "
        for keyword, value in zip(("msgctxt", "msgid", "msgid_plural"), previous, strict=True):
            if value is not None:
                lines += _wrap(previous_prefix, keyword, value, width, no_wrap, language)

    prefix = "#~ " if message.obsolete else ""
    if message.msgctxt is not None:
        lines += _wrap(prefix, "msgctxt", message.msgctxt, width, no_wrap, language)
    lines += _wrap(prefix, "msgid", message.msgid, width, no_wrap, language)
    if message.msgid_plural is not None:
        lines += _wrap(prefix, "msgid_plural", message.msgid_plural, width, no_wrap, language)
    for keyword, value in msgstrs:
        lines += _wrap(prefix, keyword, value, width, no_wrap, language)
    return lines


def _page_width(width: int) -> int:
    """The width msgcat really uses: at least 20, and 0 (or less) for no wrapping at all."""
    return _NO_WRAP_WIDTH if width <= 0 else max(width, 20)


def format_message(message: Message, width: int = DEFAULT_WIDTH, nplurals: int = 2) -> str:
    """Return one entry as msgcat writes it, ending in a newline.

    An obsolete entry without translation gives ``""``: msgcat does not write those.
    ``nplurals`` is the number of empty ``msgstr[N]`` written for an untranslated plural
    entry that has no forms at all.
    """
    lines = _entry_lines(message, _page_width(width), nplurals)
    return "\n".join(lines) + "\n" if lines else ""


_NPLURALS = re.compile(r"nplurals\s*=\s*([0-9]+)")


def header_message(catalogue: Catalogue) -> Message:
    """The header entry of ``catalogue``: ``msgid ""`` with the fields as its msgstr."""
    return Message(
        msgid="",
        msgstr="".join(f"{key}: {value}\n" for key, value in catalogue.header_fields),
        flags=catalogue.header_flags,
        translator_comments=catalogue.header_comments,
    )


def format_catalogue(catalogue: Catalogue, width: int = DEFAULT_WIDTH) -> str:
    """Return ``catalogue`` as the text of a PO file, exactly as ``msgcat`` writes it.

    The header comes first, then the messages in the order given, then the obsolete ones
    (msgcat moves them to the end, keeping their order, and drops those without a
    translation). Entries are separated by one blank line. As with ``msgcat --width``, a
    width below 20 counts as 20 and a width of 0 turns wrapping off.
    """
    return format_catalogues([catalogue], width)[0]


def format_catalogues(catalogues: Sequence[Catalogue], width: int = DEFAULT_WIDTH) -> list[str]:
    """:func:`format_catalogue` of each catalogue.

    Entries are laid out each on its own, so large catalogues are laid out in slices on every
    core (one of 100,000 entries took 2.4 s in one process), joined in order. The slices go by
    position, the same range of every catalogue in one process: a template and its
    catalogues hold the same texts in the same order, so the line breaks of a template's
    msgid, remembered (``_wrap_lines``), serve the catalogues' in the same process, where
    laying out each catalogue in its own processes broke every text again."""
    width = _page_width(width)
    entry_lists, plural_counts = [], []
    for catalogue in catalogues:
        entries, nplurals = _entries(catalogue)
        plural_counts.append(nplurals)
        entry_lists.append(entries)

    def texts(start: int, end: int) -> list[list[str]]:
        """The text of entries ``start`` to ``end`` of every catalogue (their blocks joined; ""
        if none), as one item: a worker sends one string for each catalogue, where a string
        for each entry took longer to send and join."""
        found = []
        for entries, nplurals in zip(entry_lists, plural_counts, strict=True):
            laid_out = []
            for message in entries[start:end]:
                lines = _entry_lines(message, width, nplurals)
                if lines:
                    laid_out.append("\n".join(lines))
            found.append("\n\n".join(laid_out))
        return [found]

    longest = max((len(entries) for entries in entry_lists), default=0)
    jobs = workers.jobs(None, sum(len(entries) for entries in entry_lists), PARALLEL_ENTRIES)
    slices = texts(0, longest) if jobs == 1 else workers.forked(texts, longest, jobs)
    return ["\n\n".join(part[number] for part in slices if part[number]) + "\n" for number in range(len(catalogues))]


PARALLEL_ENTRIES = 20_000  # entries (of the catalogues laid out together) from which every core pays


def _entries(catalogue: Catalogue) -> tuple[list[Message], int]:
    """The entries of ``catalogue`` in the order they are written (the header, the active
    ones, the obsolete ones), and the number of plural forms of an untranslated one."""
    m = _NPLURALS.search(catalogue.header("Plural-Forms") or "")
    entries = [header_message(catalogue)]
    entries += [message for message in catalogue.messages if not message.obsolete]
    entries += [message for message in catalogue.messages if message.obsolete]
    return entries, int(m[1]) if m else 2


def holds_layout(data: bytes, catalogue: Catalogue, width: int = DEFAULT_WIDTH) -> bool:
    """Whether ``data`` is ``format_catalogue(catalogue)`` in UTF-8, told entry by entry and
    given up at the first that differs: a template whose text changed at its third paragraph
    is laid out no further (`update` asks this of every old template before reading it)."""
    width = _page_width(width)
    entries, nplurals = _entries(catalogue)
    position = 0
    for message in entries:
        lines = _entry_lines(message, width, nplurals)
        if not lines:
            continue
        block = ("\n\n" if position else "") + "\n".join(lines)
        encoded = block.encode("utf-8")
        if not data.startswith(encoded, position):
            return False
        position += len(encoded)
    return len(data) == position + 1 and data.endswith(b"\n")
