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

The Unicode data this needs (the line breaking class and the width of every code point, as
libunistring 1.0 has them) is embedded at the end of the module. Catalogues are assumed to be
in UTF-8. Only the layout is decided here; reading and writing files is left to the callers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from i18ntool.po.catalogue import Catalogue, Message

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
_ESCAPE_TABLE = str.maketrans(_ESCAPES)
_NEEDS_ESCAPE = re.compile(r'[\\"\a\b\f\n\r\t\v]')


def escape(s: str) -> str:
    """Escape ``s`` for the inside of a PO string literal, as gettext does."""
    return s.translate(_ESCAPE_TABLE)


# ---------------------------------------------------------------------------------------------
# Line breaking (UAX #14 as in libunistring 1.0) and display widths
# ---------------------------------------------------------------------------------------------

# Line breaking classes. The first 33 index the pair table below; the others are handled by
# explicit rules. libunistring splits OP and CP into "not East Asian wide" (OP, CP) and "East
# Asian wide" (OPW, CPW) for rule LB30, and ID into ID and IDP (unassigned pictographic code
# points, for LB30b). Classes it resolves at run time are resolved in the data already:
# AI, SA, XX -> AL, CB -> ID, CR and LF -> BK.
_CLASS_NAMES = (
    "WJ GL B2 BA BB HY CL CP CPW EX IN NS OP OPW QU IS NU PO PR SY AL H2 H3 ID IDP "
    "JL JV JT HL RI ZWJ EB EM BK CM ZW SP"
).split()
_CLASS = {name: index for index, name in enumerate(_CLASS_NAMES)}
_BA, _HY, _IS, _AL, _HL, _RI, _ZWJ = (_CLASS[n] for n in ("BA", "HY", "IS", "AL", "HL", "RI", "ZWJ"))
_BK, _CM, _ZW, _SP = (_CLASS[n] for n in ("BK", "CM", "ZW", "SP"))
_HL_BA = -1  # "previous character is HY or BA right after HL", for rule LB21a

# Outcome of the pair table, as in UAX #14 section 7: direct break, indirect break (only
# after spaces), prohibited.
_DIRECT, _INDIRECT = "D", "I"

# Break kinds at a position (before the character there).
_NO_BREAK, _CAN_BREAK, _MUST_BREAK = 0, 1, 2

# Row: class before; column: class after. Extracted from libunistring 1.0's table.
_PAIR_TABLE: tuple[str, ...] = (
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  # WJ
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  # GL
    "PIPIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # B2
    "PDDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # BA
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  # BB
    "PDDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD",  # HY
    "PIDIDIPPPPIPDDIPDIIPDDDDDDDDDDDDD",  # CL
    "PIDIDIPPPPIIDDIPIIIPIDDDDDDDIDIDD",  # CP
    "PIDIDIPPPPIIDDIPDIIPDDDDDDDDDDDDD",  # CPW
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # EX
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # IN
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # OP
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # OPW
    "PIIIIIPPPPIIPPIPIIIPIIIIIIIIIIIII",  # QU
    "PIDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD",  # IS
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  # NU
    "PIDIDIPPPPIIIIIPIDDPIDDDDDDDIDIDD",  # PO
    "PIDIDIPPPPIIIIIPIDDPIIIIIIIIIDIII",  # PR
    "PIDIDIPPPPIIDDIPIDDPDDDDDDDDIDDDD",  # SY
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  # AL
    "PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD",  # H2
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD",  # H3
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD",  # ID
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI",  # IDP
    "PIDIDIPPPPIIDDIPDIDPDIIDDIIDDDDDD",  # JL
    "PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD",  # JV
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD",  # JT
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  # HL
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # RI
    "PIDIDIPPPPIIIDIPIIIPIDDIIDDDIDIII",  # ZWJ
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI",  # EB
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD",  # EM
)


def _parse_runs(text: str, decode: dict[str, int] | None) -> tuple[list[int], list[int]]:
    """Decode ``start:value`` tokens (start in hex) into parallel lists for bisection."""
    starts: list[int] = []
    values: list[int] = []
    for token in text.split():
        start, _, value = token.partition(":")
        starts.append(int(start, 16))
        values.append(decode[value] if decode is not None else int(value))
    return starts, values


# (class, width) of every character seen so far; the tables are searched once per character.
_char_info: dict[str, tuple[int, int]] = {}


def _info(ch: str) -> tuple[int, int]:
    """Return the line breaking class and display width of one character."""
    cp = ord(ch)
    info = (
        _class_values[bisect_right(_class_starts, cp) - 1],
        _width_values[bisect_right(_width_starts, cp) - 1],
    )
    _char_info[ch] = info
    return info


# Letters and digits that are AL or NU and one column wide. Between two of them there is never
# a break opportunity, nor before a space, so a word with the spaces after it, or a run of
# spaces, is handled as one unit; this is what makes breaking long paragraphs fast. (The tests
# check this set against the embedded data.)
_WORD_CHARS = "0-9A-Za-z\u00c0-\u024f"
_UNITS = re.compile(f"[{_WORD_CHARS}]+ *| +|.", re.DOTALL)


def _line_breaks(text: str, forbidden: set[int], width: int, start_column: int) -> list[int]:
    """Return the offsets in ``text`` before which gettext starts a new line.

    ``text`` is an escaped portion, ``forbidden`` the offsets where gettext forbids a break
    whatever the Unicode rules say, ``width`` the columns available on a line and
    ``start_column`` where the text starts on the first line (relative to the next lines).
    This is libunistring's ``u8_possible_linebreaks`` followed by ``u8_width_linebreaks``.
    """
    info_of = _char_info
    table = _PAIR_TABLE
    breaks: list[int] = []

    # State of the UAX #14 pass.
    last = _BK  # class of the last character that is not a space (CM attach to it)
    seen_space = False  # spaces since `last`
    preceding = _BK  # class of the immediately preceding character
    ri_run = 0  # regional indicators immediately before

    # State of the width pass: the last break opportunity, the column where the piece of text
    # after it starts, and the width of that piece so far.
    last_opportunity = -1
    last_column = start_column
    piece = 0

    i = 0
    for unit in _UNITS.findall(text):
        ch = unit[0]
        cls, w = info_of.get(ch) or _info(ch)

        if cls == _BK:
            kind = _MUST_BREAK
            last = _BK
            seen_space = False
            preceding = _BK
            ri_run = 0
        else:
            if cls == _SP:
                kind = _NO_BREAK  # LB7: never before a space
                seen_space = True
            elif cls == _ZW:
                kind = _NO_BREAK
                last = _ZW
                seen_space = False
            elif cls == _CM or cls == _ZWJ:
                # LB9/LB10: a combining mark sticks to what precedes it, unless that is a
                # line start, a zero width space or a space; then it acts as a letter.
                if last == _BK:
                    kind = _NO_BREAK
                    last = _AL
                    seen_space = False
                elif last == _ZW or seen_space:
                    kind = _CAN_BREAK
                    last = _AL
                    seen_space = False
                else:
                    kind = _NO_BREAK
            else:
                if last == _BK:
                    kind = _NO_BREAK  # not at the start of the text
                elif last == _ZW:
                    kind = _CAN_BREAK  # LB8
                elif preceding == _ZWJ:
                    kind = _NO_BREAK  # LB8a
                elif last == _IS and ch == "<":
                    kind = _CAN_BREAK  # libunistring's exception, to break before "</p>"
                elif preceding == _HL_BA:
                    kind = _NO_BREAK  # LB21a
                elif last == _RI and cls == _RI:
                    # LB30a: flags are pairs of regional indicators.
                    kind = _CAN_BREAK if seen_space or ri_run % 2 == 0 else _NO_BREAK
                else:
                    outcome = table[last][cls]
                    if outcome == _DIRECT or (outcome == _INDIRECT and seen_space):
                        kind = _CAN_BREAK
                    else:
                        kind = _NO_BREAK
                last = cls
                seen_space = False
            ri_run = ri_run + 1 if cls == _RI else 0
            preceding = _HL_BA if (cls == _HY or cls == _BA) and preceding == _HL else cls

        if kind != _NO_BREAK and i in forbidden:
            kind = _NO_BREAK

        if kind != _NO_BREAK:
            # A piece of text ends here: if it overflows, break before it.
            if last_opportunity >= 0 and last_column + piece > width:
                breaks.append(last_opportunity)
                last_column = 0
            if kind == _MUST_BREAK:
                # A line separator: the next piece starts at column 0 (gettext does not
                # write a break there, but measures as if it did).
                last_opportunity = -1
                last_column = 0
                piece = 0
                i += 1  # a separator is a unit of its own
                continue
            last_opportunity = i
            last_column += piece
            piece = 0
        piece += w

        size = len(unit)
        if size > 1:
            # The rest of the unit: one column per character, no break opportunity, and the
            # state becomes that after its last letter and its spaces.
            piece += size - 1
            if cls != _SP:
                word = unit.rstrip(" ")
                last = preceding = (info_of.get(word[-1]) or _info(word[-1]))[0]
                if len(word) < size:
                    seen_space = True
                    preceding = _SP
        i += size

    if last_opportunity >= 0 and last_column + piece > width:
        breaks.append(last_opportunity)
    return breaks


# ---------------------------------------------------------------------------------------------
# Flags and format directives
# ---------------------------------------------------------------------------------------------

# gettext 0.21's format languages, in its order (format.c): "#," lines list them in this
# order, and the first one an entry is flagged with decides which directives must not be
# broken. Flags for other languages are dropped by msgcat, and so they are here.
_FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
    "php", "gcc-internal", "gfc-internal", "ycp",
)  # fmt: skip
_FORMAT_INDEX = {lang: i for i, lang in enumerate(_FORMAT_LANGUAGES)}
_FLAG_SEPARATORS = re.compile(r"[\s,]+")
_RANGE = re.compile(r"([0-9]+)\.\.([0-9]+)")


class _Flags:
    """The flags of an entry as gettext understands them (``po_parse_comment_special``)."""

    __slots__ = ("fuzzy", "formats", "range", "no_wrap", "unknown")

    def __init__(self, flags: Iterable[str]) -> None:
        self.fuzzy = False
        self.formats: dict[int, bool] = {}  # language index -> True (yes/possible) or False (no)
        self.range: tuple[int, int] | None = None
        self.no_wrap = False
        self.unknown: list[str] = []
        tokens = [t for t in _FLAG_SEPARATORS.split(" ".join(flags)) if t]
        i = 0
        while i < len(tokens):
            token = tokens[i]
            i += 1
            if token == "fuzzy":
                self.fuzzy = True
            elif token == "wrap":
                self.no_wrap = False
            elif token == "no-wrap":
                self.no_wrap = True
            elif token == "range:":
                # "range: MIN..MAX" is two tokens; an invalid range is dropped.
                if i < len(tokens) and (m := _RANGE.fullmatch(tokens[i])):
                    i += 1
                    low, high = int(m[1]), int(m[2])
                    if low <= high:
                        self.range = (low, high)
            elif token.endswith("-format"):
                name = token[: -len("-format")]
                value: bool | None = True
                for prefix, meaning in (("no-", False), ("possible-", True), ("impossible-", None)):
                    if name.startswith(prefix) and name[len(prefix) :] in _FORMAT_INDEX:
                        name, value = name[len(prefix) :], meaning
                        break
                if name in _FORMAT_INDEX:
                    if value is None:
                        self.formats.pop(_FORMAT_INDEX[name], None)  # "impossible" is not written
                    else:
                        self.formats[_FORMAT_INDEX[name]] = value
                elif token not in self.unknown:
                    self.unknown.append(token)  # a newer gettext's format: kept, as below
            elif token not in self.unknown:
                # Not a flag gettext 0.21 knows. msgcat 0.21 drops it, but gettext's manual
                # ("Evolution of the PO File Format") asks tools that read and write PO files
                # to keep flags they do not know (workflow and custom flags), so it stays.
                self.unknown.append(token)

    def written(self, translated: bool) -> list[str]:
        """The flags msgcat writes, in its order; ``fuzzy`` only on a translated entry."""
        out = ["fuzzy"] if self.fuzzy and translated else []
        for index in sorted(self.formats):
            lang = _FORMAT_LANGUAGES[index]
            out.append(f"{lang}-format" if self.formats[index] else f"no-{lang}-format")
        if self.range is not None:
            out.append(f"range: {self.range[0]}..{self.range[1]}")
        if self.no_wrap:
            out.append("no-wrap")
        return out + self.unknown

    def format_language(self) -> str | None:
        """The language whose directives gettext keeps whole when wrapping."""
        for index in sorted(self.formats):
            if self.formats[index]:
                return _FORMAT_LANGUAGES[index]
        return None


def normalise_flags(flags: Iterable[str], translated: bool = True) -> tuple[str, ...]:
    """Return ``flags`` as msgcat writes them on the ``#,`` line of an entry.

    ``possible-X-format`` becomes ``X-format``, ``wrap`` and ``impossible-X-format``
    disappear, ``fuzzy`` is kept only when ``translated`` (the first msgstr is not empty),
    and the order is fuzzy, format flags, range, no-wrap, then the flags gettext 0.21 does
    not know, kept in their order (msgcat 0.21 drops those; gettext's manual asks to keep them).
    """
    return tuple(_Flags(flags).written(translated))


# Where gettext's format string parsers mark a directive: its start, its end, or an error. A
# parser stops at the first error. gettext then forbids a break after each start up to the
# first end that follows, unless an error comes first (an invalid directive is not protected).
_Marks = tuple[list[int], list[int], list[int]]


def _protected(marks: _Marks) -> list[int]:
    """Offsets inside the directives described by ``marks`` (as ``wrap()`` derives them)."""
    starts, ends, errors = marks
    stops = sorted({*ends, *errors})
    error_set = set(errors)
    start_set = set(starts)
    inside: list[int] = []
    resume = 0
    for start in sorted(start_set):
        if start < resume:
            continue
        k = bisect_right(stops, start - 1)
        if k == len(stops):
            break
        stop = stops[k]
        if stop not in error_set:
            inside.extend(i for i in range(start + 1, stop + 1) if i not in start_set)
        resume = stop + 1
    return inside


def _number_at(s: str, i: int) -> tuple[int, int]:
    """The decimal number starting at ``s[i]`` (0 if none) and the offset after it."""
    j = i
    while j < len(s) and "0" <= s[j] <= "9":
        j += 1
    return (int(s[i:j]) if j > i else 0), j


_C_PRI_SIZES = ("MAX", "PTR", "LEAST8", "LEAST16", "LEAST32", "LEAST64",
                "FAST8", "FAST16", "FAST32", "FAST64", "8", "16", "32", "64")  # fmt: skip


def _c_marks(s: str, objc: bool, translated: bool) -> _Marks:
    """Directive marks of a C (or Objective C) format string, as gettext 0.21's parser sets them.

    Besides syntax, the parser rejects mixing numbered (``%1$s``) and unnumbered arguments.
    """
    starts: list[int] = []
    ends: list[int] = []
    errors: list[int] = []
    n = len(s)

    def at(k: int) -> str:
        return s[k] if k < n else ""

    def fail(k: int) -> _Marks:
        errors.append(k)
        return starts, ends, errors

    numbered = unnumbered = 0
    i = 0
    while i < n:
        i += 1
        if s[i - 1] != "%":
            continue
        starts.append(i - 1)
        number = 0
        m, j = _number_at(s, i)
        if j > i and at(j) == "$":
            if m == 0:
                return fail(j)
            number, i = m, j + 1
        while at(i) and (at(i) in " +-#0'" or (translated and at(i) == "I")):
            i += 1
        for star_allowed in (True, False):  # width, then precision after "."
            if not star_allowed:
                if at(i) != ".":
                    break
                i += 1
            if at(i) == "*":
                i += 1
                m, j = _number_at(s, i)
                argument = 0
                if j > i and at(j) == "$":
                    if m == 0:
                        return fail(j)
                    argument, i = m, j + 1
                if argument and unnumbered or not argument and numbered:
                    return fail(i - 1)
                numbered += bool(argument)
                unnumbered += not argument
            else:
                i = _number_at(s, i)[1]
        takes_argument = True
        if at(i) == "<":
            # <PRIdMAX> and friends, from <inttypes.h>.
            i += 1
            for expected in "PRI":
                if at(i) != expected:
                    return fail(i if at(i) else i - 1)
                i += 1
            if not at(i) or at(i) not in "diouxX":
                return fail(i if at(i) else i - 1)
            i += 1
            size = next((z for z in _C_PRI_SIZES if s.startswith(z, i)), None)
            if size is None:
                return fail(i if at(i) else i - 1)
            i += len(size)
            if at(i) != ">":
                return fail(i if at(i) else i - 1)
        else:
            # Size letters: gettext 0.21 takes any sequence of them, with any conversion.
            while at(i) and at(i) in "hlLqjzZt":
                i += 1
            conversion = at(i)
            if conversion in ("%", "m"):
                takes_argument = False
            elif not conversion or conversion not in "csCSiduoxXeEfFgGaApn" + "@" * objc:
                return fail(i if conversion else i - 1)
        if takes_argument:
            if number and unnumbered or not number and numbered:
                return fail(i)
            numbered += bool(number)
            unnumbered += not number
        ends.append(i)
        i += 1
    return starts, ends, errors


def _python_marks(s: str) -> _Marks:
    """Directive marks of a Python ``%`` format string, as gettext 0.21's parser sets them.

    Besides syntax, the parser rejects mixing named (``%(name)s``) and unnamed arguments.
    """
    starts: list[int] = []
    ends: list[int] = []
    errors: list[int] = []
    n = len(s)

    def at(k: int) -> str:
        return s[k] if k < n else ""

    def fail(k: int) -> _Marks:
        errors.append(k)
        return starts, ends, errors

    named = unnamed = 0
    i = 0
    while i < n:
        i += 1
        if s[i - 1] != "%":
            continue
        starts.append(i - 1)
        has_name = False
        if at(i) == "(":
            depth = 0
            i += 1
            while i < n and (s[i] != ")" or depth):
                depth += {"(": 1, ")": -1}.get(s[i], 0)
                i += 1
            if i >= n:
                return fail(i - 1)
            has_name = True
            i += 1
        while at(i) and at(i) in "-+ #0":
            i += 1
        for star_allowed in (True, False):  # width, then precision after "."
            if not star_allowed:
                if at(i) != ".":
                    break
                i += 1
            if at(i) == "*":
                i += 1
                if named:
                    return fail(i - 1)
                unnamed += 1
            else:
                i = _number_at(s, i)[1]
        if at(i) and at(i) in "hlL":
            i += 1
        conversion = at(i)
        if not conversion or conversion not in "%csriduoxXeEfgG":
            return fail(i if conversion else i - 1)
        if has_name:
            if unnamed:
                return fail(i)
            named += 1
        elif conversion != "%":
            if named:
                return fail(i)
            unnamed += 1
        ends.append(i)
        i += 1
    return starts, ends, errors


def _directive_interiors(language: str | None, value: str, translated: bool) -> list[int]:
    """Offsets in ``value`` where gettext forbids a break because of format directives.

    gettext looks at the first format language an entry is flagged with. C, Objective C,
    Python and Python brace formats are handled (``translated`` matters for C: msgstr
    strings may use the ``I`` flag); other languages are not.
    """
    if not value:
        return []
    if language in ("c", "objc"):
        return _protected(_c_marks(value, language == "objc", translated)) if "%" in value else []
    if language == "python":
        return _protected(_python_marks(value)) if "%" in value else []
    if language == "python-brace":
        return _brace_interiors(value)
    return []


_BRACE_NAME = re.compile(rb"[A-Za-z_][A-Za-z_0-9]*")
_BRACE_NUMBER = re.compile(rb"[0-9]+")
_BRACE_SPEC = re.compile(rb"(?:.?[<>=^])?[-+ ]?#?0?[0-9]*(?:\.[0-9]+)?[bcdoxXneEfFgG%]?", re.DOTALL)


def _brace_directive(
    data: bytes, start: int, toplevel: bool, ends: list[int], errors: list[int]
) -> int | None:
    """Parse the Python brace directive at ``data[start]`` (a ``{``) as gettext 0.21 does.

    Returns the offset after it, or None if it is invalid. ``ends`` and ``errors`` collect the
    marks gettext records, at offsets counted from the directive's own ``{`` (see below).
    """
    pos = start + 1
    if data[pos : pos + 1] == b"{":
        return pos + 1  # "{{", an escaped brace
    m = _BRACE_NAME.match(data, pos) or _BRACE_NUMBER.match(data, pos)
    if m is None:
        errors.append(pos - start)
        return None
    pos = m.end()
    while True:  # getattr ".name" and getitem "[key]" operators
        operator = data[pos : pos + 1]
        if operator == b".":
            m = _BRACE_NAME.match(data, pos + 1)
        elif operator == b"[":
            m = _BRACE_NAME.match(data, pos + 1) or _BRACE_NUMBER.match(data, pos + 1)
        else:
            break
        if m is None:
            errors.append(pos + 1 - start)
            return None
        pos = m.end()
        if operator == b"[":
            if data[pos : pos + 1] != b"]":
                errors.append(pos - start)
                return None
            pos += 1
    if data[pos : pos + 1] == b":":
        if not toplevel:
            errors.append(pos - start)
            return None
        pos += 1
        if data[pos : pos + 1] == b"{":
            nested = _brace_directive(data, pos, False, ends, errors)
            if nested is None:
                return None
            pos = nested
        elif pos >= len(data):
            errors.append(pos - start)
            return None
        else:
            spec = _BRACE_SPEC.match(data, pos)  # [[fill]align][sign][#][0][width][.precision][type]
            pos = spec.end() if spec else pos
    if data[pos : pos + 1] != b"}":
        errors.append(pos - start)
        return None
    if toplevel:
        ends.append(pos - start)
    return pos + 1


def _brace_interiors(value: str) -> list[int]:
    """Where gettext 0.21 forbids breaks in a string flagged ``python-brace-format``.

    Its Python brace parser records the extent of each directive relative to the directive's
    own ``{`` instead of the start of the string (a bug, fixed in later versions). All the
    directives thus seem to start at offset 0, and the first recorded end (or error) closes
    that phantom directive: gettext never breaks inside the first bytes of the string, while
    the real directives may be broken anywhere. This reproduces it.
    """
    if "{" not in value:
        return []
    data = value.encode("utf-8")
    ends: list[int] = []
    errors: list[int] = []
    pos = data.find(b"{")
    while pos >= 0:
        after = _brace_directive(data, pos, True, ends, errors)
        if after is None:
            break
        pos = data.find(b"{", after)
    if not ends:
        return []
    end = min(ends)
    if errors and min(errors) <= end:
        return []  # the phantom directive is invalid: nothing is protected
    # Offsets 1..end are bytes; protect the characters starting there.
    interiors: list[int] = []
    offset = 0
    for index, ch in enumerate(value):
        if offset > end:
            break
        if offset >= 1:
            interiors.append(index)
        offset += len(ch.encode("utf-8"))
    return interiors


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
    escaped = portion.translate(_ESCAPE_TABLE)
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
) -> list[str]:
    """Lay out ``keyword "value"`` as gettext's ``wrap()`` does, one list item per line."""
    # Columns are counted from the opening quote of a continuation line; one column is kept
    # for the closing quote.
    after_break = len(prefix) + 1
    available = (_NO_WRAP_WIDTH if no_wrap else width) - 1 - after_break
    interiors = _directive_interiors(language, value, keyword.startswith("msgstr"))
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
            breaks = _breaks(escaped, prohibited, available, start)
            if escaped and (index + 1 < len(portions) or start > available or breaks):
                # The value does not fit on the keyword's line: gettext then writes an empty
                # string there and starts the value on the next line.
                lines.append(f'{prefix}{keyword} ""')
                lead = f'{prefix}"'
                breaks = _breaks(escaped, prohibited, available, 0)
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
    return lines


def _breaks(escaped: str, prohibited: set[int], available: int, start: int) -> list[int]:
    """Line breaks for one escaped portion, skipping the work when it obviously fits."""
    # No character is wider than 2 columns, nor than 1 in ASCII text.
    if start + len(escaped) * (1 if escaped.isascii() else 2) <= available:
        return []
    return _line_breaks(escaped, prohibited, available, start)


# ---------------------------------------------------------------------------------------------
# Comments
# ---------------------------------------------------------------------------------------------


def _comment_lines(marker: str, comments: Iterable[str]) -> list[str]:
    """``# text`` lines (``#`` alone for an empty one); a comment with newlines spans lines."""
    return [f"{marker} {line}" if line else marker for c in comments for line in c.split("\n")]


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


def _reference_lines(references: Iterable[str], width: int) -> list[str]:
    """``#:`` lines, packed as gettext packs them (its widths count bytes, not columns).

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
    return lines


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


def _entry_lines(message: Message, width: int, nplurals: int) -> list[str]:
    """The lines of one entry, or none for an untranslated obsolete entry (msgcat drops it)."""
    msgstrs = _msgstrs(message, nplurals)
    translated = msgstrs[0][1] != ""
    if message.obsolete and not translated:
        return []
    flags = _Flags(message.flags)
    language = flags.format_language()
    no_wrap = flags.no_wrap

    lines = _comment_lines("#", message.translator_comments)
    lines += _comment_lines("#.", message.extracted_comments)
    lines += _reference_lines(message.references, width)
    # Flags read from a "#=" line go back there, as gettext's manual asks of tools that
    # read, change and write PO files; all others, new ones included, on the "#," line.
    equals = [flag for flag in message.equals_line_flags if flag in message.flags and (translated or flag != "fuzzy")]
    written = _Flags(flag for flag in message.flags if flag not in equals).written(translated)
    if written:
        lines.append("#, " + ", ".join(written))
    if equals:
        lines.append("#= " + ", ".join(equals))

    previous_prefix = "#~| " if message.obsolete else "#| "
    for keyword, value in (
        ("msgctxt", message.previous_msgctxt),
        ("msgid", message.previous_msgid),
        ("msgid_plural", message.previous_msgid_plural),
    ):
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
    plural_forms = catalogue.header("Plural-Forms") or ""
    m = _NPLURALS.search(plural_forms)
    nplurals = int(m[1]) if m else 2

    width = _page_width(width)
    entries = [header_message(catalogue)]
    entries += [message for message in catalogue.messages if not message.obsolete]
    entries += [message for message in catalogue.messages if message.obsolete]
    blocks = []
    for message in entries:
        lines = _entry_lines(message, width, nplurals)
        if lines:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------------------------
# Unicode data, as in GNU libunistring 1.0 (Unicode 14.0), which gettext 0.21 uses.
# ---------------------------------------------------------------------------------------------

# Line breaking class of every code point: "start:class" runs, start in hex, each run going up
# to the next start. Extracted from libunistring's own table, with the classes it resolves at
# run time already resolved (see _CLASS_NAMES).
_CLASS_RUNS = """
0:CM 9:BA a:BK e:CM 20:SP 21:EX 22:QU 23:AL 24:PR 25:PO 26:AL 27:QU 28:OP 29:CP 2a:AL 2b:PR
2c:IS 2d:HY 2e:IS 2f:SY 30:NU 3a:IS 3c:AL 3f:EX 40:AL 5b:OP 5c:PR 5d:CP 5e:AL 7b:OP 7c:BA 7d:CL
7e:AL 7f:CM 85:BK 86:CM a0:GL a1:OP a2:PO a3:PR a6:AL ab:QU ac:AL ad:BA ae:AL b0:PO b1:PR b2:AL
b4:BB b5:AL bb:QU bc:AL bf:OP c0:AL 2c8:BB 2c9:AL 2cc:BB 2cd:AL 2df:BB 2e0:AL 300:CM 34f:GL
350:CM 35c:GL 363:CM 370:AL 37e:IS 37f:AL 483:CM 48a:AL 589:IS 58a:BA 58b:AL 58f:PR 590:AL
591:CM 5be:BA 5bf:CM 5c0:AL 5c1:CM 5c3:AL 5c4:CM 5c6:EX 5c7:CM 5c8:AL 5d0:HL 5eb:AL 5ef:HL
5f3:AL 609:PO 60c:IS 60e:AL 610:CM 61b:EX 61c:CM 61d:EX 620:AL 64b:CM 660:NU 66a:PO 66b:NU
66d:AL 670:CM 671:AL 6d4:EX 6d5:AL 6d6:CM 6dd:AL 6df:CM 6e5:AL 6e7:CM 6e9:AL 6ea:CM 6ee:AL
6f0:NU 6fa:AL 711:CM 712:AL 730:CM 74b:AL 7a6:CM 7b1:AL 7c0:NU 7ca:AL 7eb:CM 7f4:AL 7f8:IS
7f9:EX 7fa:AL 7fd:CM 7fe:PR 800:AL 816:CM 81a:AL 81b:CM 824:AL 825:CM 828:AL 829:CM 82e:AL
859:CM 85c:AL 898:CM 8a0:AL 8ca:CM 8e2:AL 8e3:CM 904:AL 93a:CM 93d:AL 93e:CM 950:AL 951:CM
958:AL 962:CM 964:BA 966:NU 970:AL 981:CM 984:AL 9bc:CM 9bd:AL 9be:CM 9c5:AL 9c7:CM 9c9:AL
9cb:CM 9ce:AL 9d7:CM 9d8:AL 9e2:CM 9e4:AL 9e6:NU 9f0:AL 9f2:PO 9f4:AL 9f9:PO 9fa:AL 9fb:PR
9fc:AL 9fe:CM 9ff:AL a01:CM a04:AL a3c:CM a3d:AL a3e:CM a43:AL a47:CM a49:AL a4b:CM a4e:AL
a51:CM a52:AL a66:NU a70:CM a72:AL a75:CM a76:AL a81:CM a84:AL abc:CM abd:AL abe:CM ac6:AL
ac7:CM aca:AL acb:CM ace:AL ae2:CM ae4:AL ae6:NU af0:AL af1:PR af2:AL afa:CM b00:AL b01:CM
b04:AL b3c:CM b3d:AL b3e:CM b45:AL b47:CM b49:AL b4b:CM b4e:AL b55:CM b58:AL b62:CM b64:AL
b66:NU b70:AL b82:CM b83:AL bbe:CM bc3:AL bc6:CM bc9:AL bca:CM bce:AL bd7:CM bd8:AL be6:NU
bf0:AL bf9:PR bfa:AL c00:CM c05:AL c3c:CM c3d:AL c3e:CM c45:AL c46:CM c49:AL c4a:CM c4e:AL
c55:CM c57:AL c62:CM c64:AL c66:NU c70:AL c77:BB c78:AL c81:CM c84:BB c85:AL cbc:CM cbd:AL
cbe:CM cc5:AL cc6:CM cc9:AL cca:CM cce:AL cd5:CM cd7:AL ce2:CM ce4:AL ce6:NU cf0:AL d00:CM
d04:AL d3b:CM d3d:AL d3e:CM d45:AL d46:CM d49:AL d4a:CM d4e:AL d57:CM d58:AL d62:CM d64:AL
d66:NU d70:AL d79:PO d7a:AL d81:CM d84:AL dca:CM dcb:AL dcf:CM dd5:AL dd6:CM dd7:AL dd8:CM
de0:AL de6:NU df0:AL df2:CM df4:AL e3f:PR e40:AL e50:NU e5a:BA e5c:AL ed0:NU eda:AL f01:BB
f05:AL f06:BB f08:GL f09:BB f0b:BA f0c:GL f0d:EX f12:GL f13:AL f14:EX f15:AL f18:CM f1a:AL
f20:NU f2a:AL f34:BA f35:CM f36:AL f37:CM f38:AL f39:CM f3a:OP f3b:CL f3c:OP f3d:CL f3e:CM
f40:AL f71:CM f7f:BA f80:CM f85:BA f86:CM f88:AL f8d:CM f98:AL f99:CM fbd:AL fbe:BA fc0:AL
fc6:CM fc7:AL fd0:BB fd2:BA fd3:BB fd4:AL fd9:GL fdb:AL 1040:NU 104a:BA 104c:AL 1090:NU 109a:AL
1100:JL 1160:JV 11a8:JT 1200:AL 135d:CM 1360:AL 1361:BA 1362:AL 1400:BA 1401:AL 1680:BA 1681:AL
169b:OP 169c:CL 169d:AL 16eb:BA 16ee:AL 1712:CM 1716:AL 1732:CM 1735:BA 1737:AL 1752:CM 1754:AL
1772:CM 1774:AL 17d4:BA 17d6:NS 17d7:AL 17d8:BA 17d9:AL 17da:BA 17db:PR 17dc:AL 17e0:NU 17ea:AL
1802:EX 1804:BA 1806:BB 1807:AL 1808:EX 180a:AL 180b:CM 180e:GL 180f:CM 1810:NU 181a:AL 1885:CM
1887:AL 18a9:CM 18aa:AL 1920:CM 192c:AL 1930:CM 193c:AL 1944:EX 1946:NU 1950:AL 19d0:NU 19da:AL
1a17:CM 1a1c:AL 1a7f:CM 1a80:NU 1a8a:AL 1a90:NU 1a9a:AL 1ab0:CM 1acf:AL 1b00:CM 1b05:AL 1b34:CM
1b45:AL 1b50:NU 1b5a:BA 1b5c:AL 1b5d:BA 1b61:AL 1b6b:CM 1b74:AL 1b7d:BA 1b7f:AL 1b80:CM 1b83:AL
1ba1:CM 1bae:AL 1bb0:NU 1bba:AL 1be6:CM 1bf4:AL 1c24:CM 1c38:AL 1c3b:BA 1c40:NU 1c4a:AL 1c50:NU
1c5a:AL 1c7e:BA 1c80:AL 1cd0:CM 1cd3:AL 1cd4:CM 1ce9:AL 1ced:CM 1cee:AL 1cf4:CM 1cf5:AL 1cf7:CM
1cfa:AL 1dc0:CM 1e00:AL 1ffd:BB 1ffe:AL 2000:BA 2007:GL 2008:BA 200b:ZW 200c:CM 200d:ZWJ 200e:CM
2010:BA 2011:GL 2012:BA 2014:B2 2015:AL 2018:QU 201a:OP 201b:QU 201e:OP 201f:QU 2020:AL 2024:IN
2027:BA 2028:BK 202a:CM 202f:GL 2030:PO 2038:AL 2039:QU 203b:AL 203c:NS 203e:AL 2044:IS 2045:OP
2046:CL 2047:NS 204a:AL 2056:BA 2057:AL 2058:BA 205c:AL 205d:BA 2060:WJ 2061:AL 2066:CM 2070:AL
207d:OP 207e:CL 207f:AL 208d:OP 208e:CL 208f:AL 20a0:PR 20a7:PO 20a8:PR 20b6:PO 20b7:PR 20bb:PO
20bc:PR 20be:PO 20bf:PR 20c0:PO 20c1:PR 20d0:CM 20f1:AL 2103:PO 2104:AL 2109:PO 210a:AL 2116:PR
2117:AL 2212:PR 2214:AL 22ef:IN 22f0:AL 2308:OP 2309:CL 230a:OP 230b:CL 230c:AL 231a:ID 231c:AL
2329:OPW 232a:CL 232b:AL 23f0:ID 23f4:AL 2600:ID 2604:AL 2614:ID 2616:AL 2618:ID 2619:AL 261a:ID
261d:EB 261e:ID 2620:AL 2639:ID 263c:AL 2668:ID 2669:AL 267f:ID 2680:AL 26bd:ID 26c9:AL 26cd:ID
26ce:AL 26cf:ID 26d2:AL 26d3:ID 26d5:AL 26d8:ID 26da:AL 26dc:ID 26dd:AL 26df:ID 26e2:AL 26ea:ID
26eb:AL 26f1:ID 26f6:AL 26f7:ID 26f9:EB 26fa:ID 26fb:AL 26fd:ID 2705:AL 2708:ID 270a:EB 270e:AL
275b:QU 2761:AL 2762:EX 2764:ID 2765:AL 2768:OP 2769:CL 276a:OP 276b:CL 276c:OP 276d:CL 276e:OP
276f:CL 2770:OP 2771:CL 2772:OP 2773:CL 2774:OP 2775:CL 2776:AL 27c5:OP 27c6:CL 27c7:AL 27e6:OP
27e7:CL 27e8:OP 27e9:CL 27ea:OP 27eb:CL 27ec:OP 27ed:CL 27ee:OP 27ef:CL 27f0:AL 2983:OP 2984:CL
2985:OP 2986:CL 2987:OP 2988:CL 2989:OP 298a:CL 298b:OP 298c:CL 298d:OP 298e:CL 298f:OP 2990:CL
2991:OP 2992:CL 2993:OP 2994:CL 2995:OP 2996:CL 2997:OP 2998:CL 2999:AL 29d8:OP 29d9:CL 29da:OP
29db:CL 29dc:AL 29fc:OP 29fd:CL 29fe:AL 2cef:CM 2cf2:AL 2cf9:EX 2cfa:BA 2cfd:AL 2cfe:EX 2cff:BA
2d00:AL 2d70:BA 2d71:AL 2d7f:CM 2d80:AL 2de0:CM 2e00:QU 2e0e:BA 2e16:AL 2e17:BA 2e18:OP 2e19:BA
2e1a:AL 2e1c:QU 2e1e:AL 2e20:QU 2e22:OP 2e23:CL 2e24:OP 2e25:CL 2e26:OP 2e27:CL 2e28:OP 2e29:CL
2e2a:BA 2e2e:EX 2e2f:AL 2e30:BA 2e32:AL 2e33:BA 2e35:AL 2e3a:B2 2e3c:BA 2e3f:AL 2e40:BA 2e42:OP
2e43:BA 2e4b:AL 2e4c:BA 2e4d:AL 2e4e:BA 2e50:AL 2e53:EX 2e55:OP 2e56:CL 2e57:OP 2e58:CL 2e59:OP
2e5a:CL 2e5b:OP 2e5c:CL 2e5d:BA 2e5e:AL 2e80:ID 2e9a:AL 2e9b:ID 2ef4:AL 2f00:ID 2fd6:AL 2ff0:ID
2ffc:AL 3000:BA 3001:CL 3003:ID 3005:NS 3006:ID 3008:OPW 3009:CL 300a:OPW 300b:CL 300c:OPW
300d:CL 300e:OPW 300f:CL 3010:OPW 3011:CL 3012:ID 3014:OPW 3015:CL 3016:OPW 3017:CL 3018:OPW
3019:CL 301a:OPW 301b:CL 301c:NS 301d:OPW 301e:CL 3020:ID 302a:CM 3030:ID 3035:CM 3036:ID
303b:NS 303d:ID 3040:AL 3041:NS 3042:ID 3043:NS 3044:ID 3045:NS 3046:ID 3047:NS 3048:ID 3049:NS
304a:ID 3063:NS 3064:ID 3083:NS 3084:ID 3085:NS 3086:ID 3087:NS 3088:ID 308e:NS 308f:ID 3095:NS
3097:AL 3099:CM 309b:NS 309f:ID 30a0:NS 30a2:ID 30a3:NS 30a4:ID 30a5:NS 30a6:ID 30a7:NS 30a8:ID
30a9:NS 30aa:ID 30c3:NS 30c4:ID 30e3:NS 30e4:ID 30e5:NS 30e6:ID 30e7:NS 30e8:ID 30ee:NS 30ef:ID
30f5:NS 30f7:ID 30fb:NS 30ff:ID 3100:AL 3105:ID 3130:AL 3131:ID 318f:AL 3190:ID 31e4:AL 31f0:NS
3200:ID 321f:AL 3220:ID 3248:AL 3250:ID 4dc0:AL 4e00:ID a015:NS a016:ID a48d:AL a490:ID a4c7:AL
a4fe:BA a500:AL a60d:BA a60e:EX a60f:BA a610:AL a620:NU a62a:AL a66f:CM a673:AL a674:CM a67e:AL
a69e:CM a6a0:AL a6f0:CM a6f2:AL a6f3:BA a6f8:AL a802:CM a803:AL a806:CM a807:AL a80b:CM a80c:AL
a823:CM a828:AL a82c:CM a82d:AL a838:PO a839:AL a874:BB a876:EX a878:AL a880:CM a882:AL a8b4:CM
a8c6:AL a8ce:BA a8d0:NU a8da:AL a8e0:CM a8f2:AL a8fc:BB a8fd:AL a8ff:CM a900:NU a90a:AL a926:CM
a92e:BA a930:AL a947:CM a954:AL a960:JL a97d:AL a980:CM a984:AL a9b3:CM a9c1:AL a9c7:BA a9ca:AL
a9d0:NU a9da:AL a9f0:NU a9fa:AL aa29:CM aa37:AL aa43:CM aa44:AL aa4c:CM aa4e:AL aa50:NU aa5a:AL
aa5d:BA aa60:AL aaeb:CM aaf0:BA aaf2:AL aaf5:CM aaf7:AL abe3:CM abeb:BA abec:CM abee:AL abf0:NU
abfa:AL ac00:H2 ac01:H3 ac1c:H2 ac1d:H3 ac38:H2 ac39:H3 ac54:H2 ac55:H3 ac70:H2 ac71:H3 ac8c:H2
ac8d:H3 aca8:H2 aca9:H3 acc4:H2 acc5:H3 ace0:H2 ace1:H3 acfc:H2 acfd:H3 ad18:H2 ad19:H3 ad34:H2
ad35:H3 ad50:H2 ad51:H3 ad6c:H2 ad6d:H3 ad88:H2 ad89:H3 ada4:H2 ada5:H3 adc0:H2 adc1:H3 addc:H2
addd:H3 adf8:H2 adf9:H3 ae14:H2 ae15:H3 ae30:H2 ae31:H3 ae4c:H2 ae4d:H3 ae68:H2 ae69:H3 ae84:H2
ae85:H3 aea0:H2 aea1:H3 aebc:H2 aebd:H3 aed8:H2 aed9:H3 aef4:H2 aef5:H3 af10:H2 af11:H3 af2c:H2
af2d:H3 af48:H2 af49:H3 af64:H2 af65:H3 af80:H2 af81:H3 af9c:H2 af9d:H3 afb8:H2 afb9:H3 afd4:H2
afd5:H3 aff0:H2 aff1:H3 b00c:H2 b00d:H3 b028:H2 b029:H3 b044:H2 b045:H3 b060:H2 b061:H3 b07c:H2
b07d:H3 b098:H2 b099:H3 b0b4:H2 b0b5:H3 b0d0:H2 b0d1:H3 b0ec:H2 b0ed:H3 b108:H2 b109:H3 b124:H2
b125:H3 b140:H2 b141:H3 b15c:H2 b15d:H3 b178:H2 b179:H3 b194:H2 b195:H3 b1b0:H2 b1b1:H3 b1cc:H2
b1cd:H3 b1e8:H2 b1e9:H3 b204:H2 b205:H3 b220:H2 b221:H3 b23c:H2 b23d:H3 b258:H2 b259:H3 b274:H2
b275:H3 b290:H2 b291:H3 b2ac:H2 b2ad:H3 b2c8:H2 b2c9:H3 b2e4:H2 b2e5:H3 b300:H2 b301:H3 b31c:H2
b31d:H3 b338:H2 b339:H3 b354:H2 b355:H3 b370:H2 b371:H3 b38c:H2 b38d:H3 b3a8:H2 b3a9:H3 b3c4:H2
b3c5:H3 b3e0:H2 b3e1:H3 b3fc:H2 b3fd:H3 b418:H2 b419:H3 b434:H2 b435:H3 b450:H2 b451:H3 b46c:H2
b46d:H3 b488:H2 b489:H3 b4a4:H2 b4a5:H3 b4c0:H2 b4c1:H3 b4dc:H2 b4dd:H3 b4f8:H2 b4f9:H3 b514:H2
b515:H3 b530:H2 b531:H3 b54c:H2 b54d:H3 b568:H2 b569:H3 b584:H2 b585:H3 b5a0:H2 b5a1:H3 b5bc:H2
b5bd:H3 b5d8:H2 b5d9:H3 b5f4:H2 b5f5:H3 b610:H2 b611:H3 b62c:H2 b62d:H3 b648:H2 b649:H3 b664:H2
b665:H3 b680:H2 b681:H3 b69c:H2 b69d:H3 b6b8:H2 b6b9:H3 b6d4:H2 b6d5:H3 b6f0:H2 b6f1:H3 b70c:H2
b70d:H3 b728:H2 b729:H3 b744:H2 b745:H3 b760:H2 b761:H3 b77c:H2 b77d:H3 b798:H2 b799:H3 b7b4:H2
b7b5:H3 b7d0:H2 b7d1:H3 b7ec:H2 b7ed:H3 b808:H2 b809:H3 b824:H2 b825:H3 b840:H2 b841:H3 b85c:H2
b85d:H3 b878:H2 b879:H3 b894:H2 b895:H3 b8b0:H2 b8b1:H3 b8cc:H2 b8cd:H3 b8e8:H2 b8e9:H3 b904:H2
b905:H3 b920:H2 b921:H3 b93c:H2 b93d:H3 b958:H2 b959:H3 b974:H2 b975:H3 b990:H2 b991:H3 b9ac:H2
b9ad:H3 b9c8:H2 b9c9:H3 b9e4:H2 b9e5:H3 ba00:H2 ba01:H3 ba1c:H2 ba1d:H3 ba38:H2 ba39:H3 ba54:H2
ba55:H3 ba70:H2 ba71:H3 ba8c:H2 ba8d:H3 baa8:H2 baa9:H3 bac4:H2 bac5:H3 bae0:H2 bae1:H3 bafc:H2
bafd:H3 bb18:H2 bb19:H3 bb34:H2 bb35:H3 bb50:H2 bb51:H3 bb6c:H2 bb6d:H3 bb88:H2 bb89:H3 bba4:H2
bba5:H3 bbc0:H2 bbc1:H3 bbdc:H2 bbdd:H3 bbf8:H2 bbf9:H3 bc14:H2 bc15:H3 bc30:H2 bc31:H3 bc4c:H2
bc4d:H3 bc68:H2 bc69:H3 bc84:H2 bc85:H3 bca0:H2 bca1:H3 bcbc:H2 bcbd:H3 bcd8:H2 bcd9:H3 bcf4:H2
bcf5:H3 bd10:H2 bd11:H3 bd2c:H2 bd2d:H3 bd48:H2 bd49:H3 bd64:H2 bd65:H3 bd80:H2 bd81:H3 bd9c:H2
bd9d:H3 bdb8:H2 bdb9:H3 bdd4:H2 bdd5:H3 bdf0:H2 bdf1:H3 be0c:H2 be0d:H3 be28:H2 be29:H3 be44:H2
be45:H3 be60:H2 be61:H3 be7c:H2 be7d:H3 be98:H2 be99:H3 beb4:H2 beb5:H3 bed0:H2 bed1:H3 beec:H2
beed:H3 bf08:H2 bf09:H3 bf24:H2 bf25:H3 bf40:H2 bf41:H3 bf5c:H2 bf5d:H3 bf78:H2 bf79:H3 bf94:H2
bf95:H3 bfb0:H2 bfb1:H3 bfcc:H2 bfcd:H3 bfe8:H2 bfe9:H3 c004:H2 c005:H3 c020:H2 c021:H3 c03c:H2
c03d:H3 c058:H2 c059:H3 c074:H2 c075:H3 c090:H2 c091:H3 c0ac:H2 c0ad:H3 c0c8:H2 c0c9:H3 c0e4:H2
c0e5:H3 c100:H2 c101:H3 c11c:H2 c11d:H3 c138:H2 c139:H3 c154:H2 c155:H3 c170:H2 c171:H3 c18c:H2
c18d:H3 c1a8:H2 c1a9:H3 c1c4:H2 c1c5:H3 c1e0:H2 c1e1:H3 c1fc:H2 c1fd:H3 c218:H2 c219:H3 c234:H2
c235:H3 c250:H2 c251:H3 c26c:H2 c26d:H3 c288:H2 c289:H3 c2a4:H2 c2a5:H3 c2c0:H2 c2c1:H3 c2dc:H2
c2dd:H3 c2f8:H2 c2f9:H3 c314:H2 c315:H3 c330:H2 c331:H3 c34c:H2 c34d:H3 c368:H2 c369:H3 c384:H2
c385:H3 c3a0:H2 c3a1:H3 c3bc:H2 c3bd:H3 c3d8:H2 c3d9:H3 c3f4:H2 c3f5:H3 c410:H2 c411:H3 c42c:H2
c42d:H3 c448:H2 c449:H3 c464:H2 c465:H3 c480:H2 c481:H3 c49c:H2 c49d:H3 c4b8:H2 c4b9:H3 c4d4:H2
c4d5:H3 c4f0:H2 c4f1:H3 c50c:H2 c50d:H3 c528:H2 c529:H3 c544:H2 c545:H3 c560:H2 c561:H3 c57c:H2
c57d:H3 c598:H2 c599:H3 c5b4:H2 c5b5:H3 c5d0:H2 c5d1:H3 c5ec:H2 c5ed:H3 c608:H2 c609:H3 c624:H2
c625:H3 c640:H2 c641:H3 c65c:H2 c65d:H3 c678:H2 c679:H3 c694:H2 c695:H3 c6b0:H2 c6b1:H3 c6cc:H2
c6cd:H3 c6e8:H2 c6e9:H3 c704:H2 c705:H3 c720:H2 c721:H3 c73c:H2 c73d:H3 c758:H2 c759:H3 c774:H2
c775:H3 c790:H2 c791:H3 c7ac:H2 c7ad:H3 c7c8:H2 c7c9:H3 c7e4:H2 c7e5:H3 c800:H2 c801:H3 c81c:H2
c81d:H3 c838:H2 c839:H3 c854:H2 c855:H3 c870:H2 c871:H3 c88c:H2 c88d:H3 c8a8:H2 c8a9:H3 c8c4:H2
c8c5:H3 c8e0:H2 c8e1:H3 c8fc:H2 c8fd:H3 c918:H2 c919:H3 c934:H2 c935:H3 c950:H2 c951:H3 c96c:H2
c96d:H3 c988:H2 c989:H3 c9a4:H2 c9a5:H3 c9c0:H2 c9c1:H3 c9dc:H2 c9dd:H3 c9f8:H2 c9f9:H3 ca14:H2
ca15:H3 ca30:H2 ca31:H3 ca4c:H2 ca4d:H3 ca68:H2 ca69:H3 ca84:H2 ca85:H3 caa0:H2 caa1:H3 cabc:H2
cabd:H3 cad8:H2 cad9:H3 caf4:H2 caf5:H3 cb10:H2 cb11:H3 cb2c:H2 cb2d:H3 cb48:H2 cb49:H3 cb64:H2
cb65:H3 cb80:H2 cb81:H3 cb9c:H2 cb9d:H3 cbb8:H2 cbb9:H3 cbd4:H2 cbd5:H3 cbf0:H2 cbf1:H3 cc0c:H2
cc0d:H3 cc28:H2 cc29:H3 cc44:H2 cc45:H3 cc60:H2 cc61:H3 cc7c:H2 cc7d:H3 cc98:H2 cc99:H3 ccb4:H2
ccb5:H3 ccd0:H2 ccd1:H3 ccec:H2 cced:H3 cd08:H2 cd09:H3 cd24:H2 cd25:H3 cd40:H2 cd41:H3 cd5c:H2
cd5d:H3 cd78:H2 cd79:H3 cd94:H2 cd95:H3 cdb0:H2 cdb1:H3 cdcc:H2 cdcd:H3 cde8:H2 cde9:H3 ce04:H2
ce05:H3 ce20:H2 ce21:H3 ce3c:H2 ce3d:H3 ce58:H2 ce59:H3 ce74:H2 ce75:H3 ce90:H2 ce91:H3 ceac:H2
cead:H3 cec8:H2 cec9:H3 cee4:H2 cee5:H3 cf00:H2 cf01:H3 cf1c:H2 cf1d:H3 cf38:H2 cf39:H3 cf54:H2
cf55:H3 cf70:H2 cf71:H3 cf8c:H2 cf8d:H3 cfa8:H2 cfa9:H3 cfc4:H2 cfc5:H3 cfe0:H2 cfe1:H3 cffc:H2
cffd:H3 d018:H2 d019:H3 d034:H2 d035:H3 d050:H2 d051:H3 d06c:H2 d06d:H3 d088:H2 d089:H3 d0a4:H2
d0a5:H3 d0c0:H2 d0c1:H3 d0dc:H2 d0dd:H3 d0f8:H2 d0f9:H3 d114:H2 d115:H3 d130:H2 d131:H3 d14c:H2
d14d:H3 d168:H2 d169:H3 d184:H2 d185:H3 d1a0:H2 d1a1:H3 d1bc:H2 d1bd:H3 d1d8:H2 d1d9:H3 d1f4:H2
d1f5:H3 d210:H2 d211:H3 d22c:H2 d22d:H3 d248:H2 d249:H3 d264:H2 d265:H3 d280:H2 d281:H3 d29c:H2
d29d:H3 d2b8:H2 d2b9:H3 d2d4:H2 d2d5:H3 d2f0:H2 d2f1:H3 d30c:H2 d30d:H3 d328:H2 d329:H3 d344:H2
d345:H3 d360:H2 d361:H3 d37c:H2 d37d:H3 d398:H2 d399:H3 d3b4:H2 d3b5:H3 d3d0:H2 d3d1:H3 d3ec:H2
d3ed:H3 d408:H2 d409:H3 d424:H2 d425:H3 d440:H2 d441:H3 d45c:H2 d45d:H3 d478:H2 d479:H3 d494:H2
d495:H3 d4b0:H2 d4b1:H3 d4cc:H2 d4cd:H3 d4e8:H2 d4e9:H3 d504:H2 d505:H3 d520:H2 d521:H3 d53c:H2
d53d:H3 d558:H2 d559:H3 d574:H2 d575:H3 d590:H2 d591:H3 d5ac:H2 d5ad:H3 d5c8:H2 d5c9:H3 d5e4:H2
d5e5:H3 d600:H2 d601:H3 d61c:H2 d61d:H3 d638:H2 d639:H3 d654:H2 d655:H3 d670:H2 d671:H3 d68c:H2
d68d:H3 d6a8:H2 d6a9:H3 d6c4:H2 d6c5:H3 d6e0:H2 d6e1:H3 d6fc:H2 d6fd:H3 d718:H2 d719:H3 d734:H2
d735:H3 d750:H2 d751:H3 d76c:H2 d76d:H3 d788:H2 d789:H3 d7a4:AL d7b0:JV d7c7:AL d7cb:JT d7fc:AL
f900:ID fb00:AL fb1d:HL fb1e:CM fb1f:HL fb29:AL fb2a:HL fb37:AL fb38:HL fb3d:AL fb3e:HL fb3f:AL
fb40:HL fb42:AL fb43:HL fb45:AL fb46:HL fb50:AL fd3e:CL fd3f:OP fd40:AL fdfc:PO fdfd:AL fe00:CM
fe10:IS fe11:CL fe13:IS fe15:EX fe17:OPW fe18:CL fe19:IN fe1a:AL fe20:CM fe30:ID fe35:OPW
fe36:CL fe37:OPW fe38:CL fe39:OPW fe3a:CL fe3b:OPW fe3c:CL fe3d:OPW fe3e:CL fe3f:OPW fe40:CL
fe41:OPW fe42:CL fe43:OPW fe44:CL fe45:ID fe47:OPW fe48:CL fe49:ID fe50:CL fe51:ID fe52:CL
fe53:AL fe54:NS fe56:EX fe58:ID fe59:OPW fe5a:CL fe5b:OPW fe5c:CL fe5d:OPW fe5e:CL fe5f:ID
fe67:AL fe68:ID fe69:PR fe6a:PO fe6b:ID fe6c:AL feff:WJ ff00:AL ff01:EX ff02:ID ff04:PR ff05:PO
ff06:ID ff08:OPW ff09:CL ff0a:ID ff0c:CL ff0d:ID ff0e:CL ff0f:ID ff1a:NS ff1c:ID ff1f:EX ff20:ID
ff3b:OPW ff3c:ID ff3d:CL ff3e:ID ff5b:OPW ff5c:ID ff5d:CL ff5e:ID ff5f:OPW ff60:CL ff62:OPW
ff63:CL ff65:NS ff66:ID ff67:NS ff71:ID ff9e:NS ffa0:ID ffbf:AL ffc2:ID ffc8:AL ffca:ID ffd0:AL
ffd2:ID ffd8:AL ffda:ID ffdd:AL ffe0:PO ffe1:PR ffe2:ID ffe5:PR ffe7:AL fff9:CM fffc:ID fffd:AL
10100:BA 10103:AL 101fd:CM 101fe:AL 102e0:CM 102e1:AL 10376:CM 1037b:AL 1039f:BA 103a0:AL
103d0:BA 103d1:AL 104a0:NU 104aa:AL 10857:BA 10858:AL 1091f:BA 10920:AL 10a01:CM 10a04:AL
10a05:CM 10a07:AL 10a0c:CM 10a10:AL 10a38:CM 10a3b:AL 10a3f:CM 10a40:AL 10a50:BA 10a58:AL
10ae5:CM 10ae7:AL 10af0:BA 10af6:IN 10af7:AL 10b39:BA 10b40:AL 10d24:CM 10d28:AL 10d30:NU
10d3a:AL 10eab:CM 10ead:BA 10eae:AL 10f46:CM 10f51:AL 10f82:CM 10f86:AL 11000:CM 11003:AL
11038:CM 11047:BA 11049:AL 11066:NU 11070:CM 11071:AL 11073:CM 11075:AL 1107f:CM 11083:AL
110b0:CM 110bb:AL 110be:BA 110c2:CM 110c3:AL 110f0:NU 110fa:AL 11100:CM 11103:AL 11127:CM
11135:AL 11136:NU 11140:BA 11144:AL 11145:CM 11147:AL 11173:CM 11174:AL 11175:BB 11176:AL
11180:CM 11183:AL 111b3:CM 111c1:AL 111c5:BA 111c7:AL 111c8:BA 111c9:CM 111cd:AL 111ce:CM
111d0:NU 111da:AL 111db:BB 111dc:AL 111dd:BA 111e0:AL 1122c:CM 11238:BA 1123a:AL 1123b:BA
1123d:AL 1123e:CM 1123f:AL 112a9:BA 112aa:AL 112df:CM 112eb:AL 112f0:NU 112fa:AL 11300:CM
11304:AL 1133b:CM 1133d:AL 1133e:CM 11345:AL 11347:CM 11349:AL 1134b:CM 1134e:AL 11357:CM
11358:AL 11362:CM 11364:AL 11366:CM 1136d:AL 11370:CM 11375:AL 11435:CM 11447:AL 1144b:BA
1144f:AL 11450:NU 1145a:BA 1145c:AL 1145e:CM 1145f:AL 114b0:CM 114c4:AL 114d0:NU 114da:AL
115af:CM 115b6:AL 115b8:CM 115c1:BB 115c2:BA 115c4:EX 115c6:AL 115c9:BA 115d8:AL 115dc:CM
115de:AL 11630:CM 11641:BA 11643:AL 11650:NU 1165a:AL 11660:BB 1166d:AL 116ab:CM 116b8:AL
116c0:NU 116ca:AL 11730:NU 1173a:AL 1173c:BA 1173f:AL 1182c:CM 1183b:AL 118e0:NU 118ea:AL
11930:CM 11936:AL 11937:CM 11939:AL 1193b:CM 1193f:AL 11940:CM 11941:AL 11942:CM 11944:BA
11947:AL 11950:NU 1195a:AL 119d1:CM 119d8:AL 119da:CM 119e1:AL 119e2:BB 119e3:AL 119e4:CM
119e5:AL 11a01:CM 11a0b:AL 11a33:CM 11a3a:AL 11a3b:CM 11a3f:BB 11a40:AL 11a41:BA 11a45:BB
11a46:AL 11a47:CM 11a48:AL 11a51:CM 11a5c:AL 11a8a:CM 11a9a:BA 11a9d:AL 11a9e:BB 11aa1:BA
11aa3:AL 11c2f:CM 11c37:AL 11c38:CM 11c40:AL 11c41:BA 11c46:AL 11c50:NU 11c5a:AL 11c70:BB
11c71:EX 11c72:AL 11c92:CM 11ca8:AL 11ca9:CM 11cb7:AL 11d31:CM 11d37:AL 11d3a:CM 11d3b:AL
11d3c:CM 11d3e:AL 11d3f:CM 11d46:AL 11d47:CM 11d48:AL 11d50:NU 11d5a:AL 11d8a:CM 11d8f:AL
11d90:CM 11d92:AL 11d93:CM 11d98:AL 11da0:NU 11daa:AL 11ef3:CM 11ef7:AL 11fdd:PO 11fe1:AL
11fff:BA 12000:AL 12470:BA 12475:AL 13258:OP 1325b:CL 1325e:AL 13282:CL 13283:AL 13286:OP
13287:CL 13288:OP 13289:CL 1328a:AL 13379:OP 1337a:CL 1337c:AL 13430:GL 13437:OP 13438:CL
13439:AL 145ce:OP 145cf:CL 145d0:AL 16a60:NU 16a6a:AL 16a6e:BA 16a70:AL 16ac0:NU 16aca:AL
16af0:CM 16af5:BA 16af6:AL 16b30:CM 16b37:BA 16b3a:AL 16b44:BA 16b45:AL 16b50:NU 16b5a:AL
16e97:BA 16e99:AL 16f4f:CM 16f50:AL 16f51:CM 16f88:AL 16f8f:CM 16f93:AL 16fe0:NS 16fe4:GL
16fe5:AL 16ff0:CM 16ff2:AL 17000:ID 187f8:AL 18800:ID 18b00:AL 18d00:ID 18d09:AL 1b000:ID
1b123:AL 1b150:NS 1b153:AL 1b164:NS 1b168:AL 1b170:ID 1b2fc:AL 1bc9d:CM 1bc9f:BA 1bca0:CM
1bca4:AL 1cf00:CM 1cf2e:AL 1cf30:CM 1cf47:AL 1d165:CM 1d16a:AL 1d16d:CM 1d183:AL 1d185:CM
1d18c:AL 1d1aa:CM 1d1ae:AL 1d242:CM 1d245:AL 1d7ce:NU 1d800:AL 1da00:CM 1da37:AL 1da3b:CM
1da6d:AL 1da75:CM 1da76:AL 1da84:CM 1da85:AL 1da87:BA 1da8b:AL 1da9b:CM 1daa0:AL 1daa1:CM
1dab0:AL 1e000:CM 1e007:AL 1e008:CM 1e019:AL 1e01b:CM 1e022:AL 1e023:CM 1e025:AL 1e026:CM
1e02b:AL 1e130:CM 1e137:AL 1e140:NU 1e14a:AL 1e2ae:CM 1e2af:AL 1e2ec:CM 1e2f0:NU 1e2fa:AL
1e2ff:PR 1e300:AL 1e8d0:CM 1e8d7:AL 1e944:CM 1e94b:AL 1e950:NU 1e95a:AL 1e95e:OP 1e960:AL
1ecac:PO 1ecad:AL 1ecb0:PO 1ecb1:AL 1f000:ID 1f02c:IDP 1f030:ID 1f094:IDP 1f0a0:ID 1f0af:IDP
1f0b1:ID 1f0c0:IDP 1f0c1:ID 1f0d0:IDP 1f0d1:ID 1f0f6:IDP 1f100:AL 1f10d:ID 1f110:AL 1f16d:ID
1f170:AL 1f1ad:ID 1f1ae:IDP 1f1e6:RI 1f200:ID 1f203:IDP 1f210:ID 1f23c:IDP 1f240:ID 1f249:IDP
1f250:ID 1f252:IDP 1f260:ID 1f266:IDP 1f300:ID 1f385:EB 1f386:ID 1f39c:AL 1f39e:ID 1f3b5:AL
1f3b7:ID 1f3bc:AL 1f3bd:ID 1f3c2:EB 1f3c5:ID 1f3c7:EB 1f3c8:ID 1f3ca:EB 1f3cd:ID 1f3fb:EM
1f400:ID 1f442:EB 1f444:ID 1f446:EB 1f451:ID 1f466:EB 1f479:ID 1f47c:EB 1f47d:ID 1f481:EB
1f484:ID 1f485:EB 1f488:ID 1f48f:EB 1f490:ID 1f491:EB 1f492:ID 1f4a0:AL 1f4a1:ID 1f4a2:AL
1f4a3:ID 1f4a4:AL 1f4a5:ID 1f4aa:EB 1f4ab:ID 1f4af:AL 1f4b0:ID 1f4b1:AL 1f4b3:ID 1f500:AL
1f507:ID 1f517:AL 1f525:ID 1f532:AL 1f54a:ID 1f574:EB 1f576:ID 1f57a:EB 1f57b:ID 1f590:EB
1f591:ID 1f595:EB 1f597:ID 1f5d4:AL 1f5dc:ID 1f5f4:AL 1f5fa:ID 1f645:EB 1f648:ID 1f64b:EB
1f650:AL 1f676:QU 1f679:NS 1f67c:AL 1f680:ID 1f6a3:EB 1f6a4:ID 1f6b4:EB 1f6b7:ID 1f6c0:EB
1f6c1:ID 1f6cc:EB 1f6cd:ID 1f6d8:IDP 1f6dd:ID 1f6ed:IDP 1f6f0:ID 1f6fd:IDP 1f700:AL 1f774:IDP
1f780:AL 1f7d5:ID 1f7d9:IDP 1f7e0:ID 1f7ec:IDP 1f7f0:ID 1f7f1:IDP 1f800:AL 1f80c:IDP 1f810:AL
1f848:IDP 1f850:AL 1f85a:IDP 1f860:AL 1f888:IDP 1f890:AL 1f8ae:IDP 1f8b0:ID 1f8b2:IDP 1f900:AL
1f90c:EB 1f90d:ID 1f90f:EB 1f910:ID 1f918:EB 1f920:ID 1f926:EB 1f927:ID 1f930:EB 1f93a:ID
1f93c:EB 1f93f:ID 1f977:EB 1f978:ID 1f9b5:EB 1f9b7:ID 1f9b8:EB 1f9ba:ID 1f9bb:EB 1f9bc:ID
1f9cd:EB 1f9d0:ID 1f9d1:EB 1f9de:ID 1fa00:AL 1fa54:IDP 1fa60:ID 1fa6e:IDP 1fa70:ID 1fa75:IDP
1fa78:ID 1fa7d:IDP 1fa80:ID 1fa87:IDP 1fa90:ID 1faad:IDP 1fab0:ID 1fabb:IDP 1fac0:ID 1fac3:EB
1fac6:IDP 1fad0:ID 1fada:IDP 1fae0:ID 1fae8:IDP 1faf0:EB 1faf7:IDP 1fb00:AL 1fbf0:NU 1fbfa:AL
1fc00:IDP 1fffe:AL 20000:ID 2fffe:AL 30000:ID 3fffe:AL e0001:CM e0002:AL e0020:CM e0080:AL
e0100:CM e01f0:AL
"""

# Display width (uc_width) of every code point, as runs like the above. Control characters,
# which gettext leaves out of the count, have width 0 here.
_WIDTH_RUNS = """
0:0 20:1 7f:0 a0:1 ad:0 ae:1 300:0 370:1 483:0 48a:1 591:0 5be:1 5bf:0 5c0:1 5c1:0 5c3:1 5c4:0
5c6:1 5c7:0 5c8:1 600:0 606:1 610:0 61b:1 61c:0 61d:1 64b:0 660:1 670:0 671:1 6d6:0 6de:1 6df:0
6e5:1 6e7:0 6e9:1 6ea:0 6ee:1 70f:0 710:1 711:0 712:1 730:0 74b:1 7a6:0 7b1:1 7eb:0 7f4:1 7fd:0
7fe:1 816:0 81a:1 81b:0 824:1 825:0 828:1 829:0 82e:1 859:0 85c:1 890:0 892:1 898:0 8a0:1 8ca:0
903:1 93a:0 93b:1 93c:0 93d:1 941:0 949:1 94d:0 94e:1 951:0 958:1 962:0 964:1 981:0 982:1 9bc:0
9bd:1 9c1:0 9c5:1 9cd:0 9ce:1 9e2:0 9e4:1 9fe:0 9ff:1 a01:0 a03:1 a3c:0 a3d:1 a41:0 a43:1 a47:0
a49:1 a4b:0 a4e:1 a51:0 a52:1 a70:0 a72:1 a75:0 a76:1 a81:0 a83:1 abc:0 abd:1 ac1:0 ac6:1 ac7:0
ac9:1 acd:0 ace:1 ae2:0 ae4:1 afa:0 b00:1 b01:0 b02:1 b3c:0 b3d:1 b3f:0 b40:1 b41:0 b45:1 b4d:0
b4e:1 b55:0 b57:1 b62:0 b64:1 b82:0 b83:1 bc0:0 bc1:1 bcd:0 bce:1 c00:0 c01:1 c04:0 c05:1 c3c:0
c3d:1 c3e:0 c41:1 c46:0 c49:1 c4a:0 c4e:1 c55:0 c57:1 c62:0 c64:1 c81:0 c82:1 cbc:0 cbd:1 ccc:0
cce:1 ce2:0 ce4:1 d00:0 d02:1 d3b:0 d3d:1 d41:0 d45:1 d4d:0 d4e:1 d62:0 d64:1 d81:0 d82:1 dca:0
dcb:1 dd2:0 dd5:1 dd6:0 dd7:1 e31:0 e32:1 e34:0 e3b:1 e47:0 e4f:1 eb1:0 eb2:1 eb4:0 ebd:1 ec8:0
ece:1 f18:0 f1a:1 f35:0 f36:1 f37:0 f38:1 f39:0 f3a:1 f71:0 f7f:1 f80:0 f85:1 f86:0 f88:1 f8d:0
f98:1 f99:0 fbd:1 fc6:0 fc7:1 102d:0 1031:1 1032:0 1038:1 1039:0 103b:1 103d:0 103f:1 1058:0
105a:1 105e:0 1061:1 1071:0 1075:1 1082:0 1083:1 1085:0 1087:1 108d:0 108e:1 109d:0 109e:1
1100:2 1160:0 1200:1 135d:0 1360:1 1712:0 1715:1 1732:0 1734:1 1752:0 1754:1 1772:0 1774:1
17b4:0 17b6:1 17b7:0 17be:1 17c6:0 17c7:1 17c9:0 17d4:1 17dd:0 17de:1 180b:0 1810:1 1885:0
1887:1 18a9:0 18aa:1 1920:0 1923:1 1927:0 1929:1 1932:0 1933:1 1939:0 193c:1 1a17:0 1a19:1
1a1b:0 1a1c:1 1a56:0 1a57:1 1a58:0 1a5f:1 1a60:0 1a61:1 1a62:0 1a63:1 1a65:0 1a6d:1 1a73:0
1a7d:1 1a7f:0 1a80:1 1ab0:0 1acf:1 1b00:0 1b04:1 1b34:0 1b35:1 1b36:0 1b3b:1 1b3c:0 1b3d:1
1b42:0 1b43:1 1b6b:0 1b74:1 1b80:0 1b82:1 1ba2:0 1ba6:1 1ba8:0 1baa:1 1bab:0 1bae:1 1be6:0
1be7:1 1be8:0 1bea:1 1bed:0 1bee:1 1bef:0 1bf2:1 1c2c:0 1c34:1 1c36:0 1c38:1 1cd0:0 1cd3:1
1cd4:0 1ce1:1 1ce2:0 1ce9:1 1ced:0 1cee:1 1cf4:0 1cf5:1 1cf8:0 1cfa:1 1dc0:0 1e00:1 200b:0
2010:1 202a:0 202f:1 2060:0 2065:1 2066:0 2070:1 20d0:0 20f1:1 231a:2 231c:1 2329:2 232b:1
23e9:2 23ed:1 23f0:2 23f1:1 23f3:2 23f4:1 25fd:2 25ff:1 2614:2 2616:1 2648:2 2654:1 267f:2
2680:1 2693:2 2694:1 26a1:2 26a2:1 26aa:2 26ac:1 26bd:2 26bf:1 26c4:2 26c6:1 26ce:2 26cf:1
26d4:2 26d5:1 26ea:2 26eb:1 26f2:2 26f4:1 26f5:2 26f6:1 26fa:2 26fb:1 26fd:2 26fe:1 2705:2
2706:1 270a:2 270c:1 2728:2 2729:1 274c:2 274d:1 274e:2 274f:1 2753:2 2756:1 2757:2 2758:1
2795:2 2798:1 27b0:2 27b1:1 27bf:2 27c0:1 2b1b:2 2b1d:1 2b50:2 2b51:1 2b55:2 2b56:1 2cef:0
2cf2:1 2d7f:0 2d80:1 2de0:0 2e00:1 2e80:2 302a:0 302e:2 303f:1 3040:2 3099:0 309b:2 3248:1
3250:2 4dc0:1 4e00:2 a4d0:1 a66f:0 a673:1 a674:0 a67e:1 a69e:0 a6a0:1 a6f0:0 a6f2:1 a802:0
a803:1 a806:0 a807:1 a80b:0 a80c:1 a825:0 a827:1 a82c:0 a82d:1 a8c4:0 a8c6:1 a8e0:0 a8f2:1
a8ff:0 a900:1 a926:0 a92e:1 a947:0 a952:1 a960:2 a97d:1 a980:0 a983:1 a9b3:0 a9b4:1 a9b6:0
a9ba:1 a9bc:0 a9be:1 a9e5:0 a9e6:1 aa29:0 aa2f:1 aa31:0 aa33:1 aa35:0 aa37:1 aa43:0 aa44:1
aa4c:0 aa4d:1 aa7c:0 aa7d:1 aab0:0 aab1:1 aab2:0 aab5:1 aab7:0 aab9:1 aabe:0 aac0:1 aac1:0
aac2:1 aaec:0 aaee:1 aaf6:0 aaf7:1 abe5:0 abe6:1 abe8:0 abe9:1 abed:0 abee:1 ac00:2 d7a4:1
d7b0:0 d7c7:1 d7cb:0 d7fc:1 f900:2 fb00:1 fb1e:0 fb1f:1 fe00:0 fe10:2 fe20:0 fe30:2 fe70:1
feff:0 ff00:2 ff61:1 ffe0:2 ffe7:1 fff9:0 fffc:1 101fd:0 101fe:1 102e0:0 102e1:1 10376:0 1037b:1
10a01:0 10a04:1 10a05:0 10a07:1 10a0c:0 10a10:1 10a38:0 10a3b:1 10a3f:0 10a40:1 10ae5:0 10ae7:1
10d24:0 10d28:1 10eab:0 10ead:1 10f46:0 10f51:1 10f82:0 10f86:1 11001:0 11002:1 11038:0 11047:1
11070:0 11071:1 11073:0 11075:1 1107f:0 11082:1 110b3:0 110b7:1 110b9:0 110bb:1 110bd:0 110be:1
110c2:0 110c3:1 110cd:0 110ce:1 11100:0 11103:1 11127:0 1112c:1 1112d:0 11135:1 11173:0 11174:1
11180:0 11182:1 111b6:0 111bf:1 111c9:0 111cd:1 111cf:0 111d0:1 1122f:0 11232:1 11234:0 11235:1
11236:0 11238:1 1123e:0 1123f:1 112df:0 112e0:1 112e3:0 112eb:1 11300:0 11302:1 1133b:0 1133d:1
11340:0 11341:1 11366:0 1136d:1 11370:0 11375:1 11438:0 11440:1 11442:0 11445:1 11446:0 11447:1
1145e:0 1145f:1 114b3:0 114b9:1 114ba:0 114bb:1 114bf:0 114c1:1 114c2:0 114c4:1 115b2:0 115b6:1
115bc:0 115be:1 115bf:0 115c1:1 115dc:0 115de:1 11633:0 1163b:1 1163d:0 1163e:1 1163f:0 11641:1
116ab:0 116ac:1 116ad:0 116ae:1 116b0:0 116b6:1 116b7:0 116b8:1 1171d:0 11720:1 11722:0 11726:1
11727:0 1172c:1 1182f:0 11838:1 11839:0 1183b:1 1193b:0 1193d:1 1193e:0 1193f:1 11943:0 11944:1
119d4:0 119d8:1 119da:0 119dc:1 119e0:0 119e1:1 11a01:0 11a07:1 11a09:0 11a0b:1 11a33:0 11a39:1
11a3b:0 11a3f:1 11a47:0 11a48:1 11a51:0 11a57:1 11a59:0 11a5c:1 11a8a:0 11a97:1 11a98:0 11a9a:1
11c30:0 11c37:1 11c38:0 11c3e:1 11c92:0 11ca8:1 11caa:0 11cb1:1 11cb2:0 11cb4:1 11cb5:0 11cb7:1
11d31:0 11d37:1 11d3a:0 11d3b:1 11d3c:0 11d3e:1 11d3f:0 11d46:1 11d47:0 11d48:1 11d90:0 11d92:1
11d95:0 11d96:1 11d97:0 11d98:1 11ef3:0 11ef5:1 13430:0 13439:1 16af0:0 16af5:1 16b30:0 16b37:1
16f4f:0 16f50:1 16f8f:0 16f93:1 16fe0:2 16fe4:0 16fe5:1 16ff0:2 16ff2:1 17000:2 187f8:1 18800:2
18cd6:1 18d00:2 18d09:1 1aff0:2 1aff4:1 1aff5:2 1affc:1 1affd:2 1afff:1 1b000:2 1b123:1 1b150:2
1b153:1 1b164:2 1b168:1 1b170:2 1b2fc:1 1bc9d:0 1bc9f:1 1bca0:0 1bca4:1 1cf00:0 1cf2e:1 1cf30:0
1cf47:1 1d167:0 1d16a:1 1d173:0 1d183:1 1d185:0 1d18c:1 1d1aa:0 1d1ae:1 1d242:0 1d245:1 1da00:0
1da37:1 1da3b:0 1da6d:1 1da75:0 1da76:1 1da84:0 1da85:1 1da9b:0 1daa0:1 1daa1:0 1dab0:1 1e000:0
1e007:1 1e008:0 1e019:1 1e01b:0 1e022:1 1e023:0 1e025:1 1e026:0 1e02b:1 1e130:0 1e137:1 1e2ae:0
1e2af:1 1e2ec:0 1e2f0:1 1e8d0:0 1e8d7:1 1e944:0 1e94b:1 1f004:2 1f005:1 1f0cf:2 1f0d0:1 1f18e:2
1f18f:1 1f191:2 1f19b:1 1f200:2 1f321:1 1f32d:2 1f336:1 1f337:2 1f37d:1 1f37e:2 1f394:1 1f3a0:2
1f3cb:1 1f3cf:2 1f3d4:1 1f3e0:2 1f3f1:1 1f3f4:2 1f3f5:1 1f3f8:2 1f43f:1 1f440:2 1f441:1 1f442:2
1f4fd:1 1f4ff:2 1f53e:1 1f54b:2 1f54f:1 1f550:2 1f568:1 1f57a:2 1f57b:1 1f595:2 1f597:1 1f5a4:2
1f5a5:1 1f5fb:2 1f650:1 1f680:2 1f6c6:1 1f6cc:2 1f6cd:1 1f6d0:2 1f6d3:1 1f6d5:2 1f6d8:1 1f6dd:2
1f6e0:1 1f6eb:2 1f6ed:1 1f6f4:2 1f6fd:1 1f7e0:2 1f7ec:1 1f7f0:2 1f7f1:1 1f90c:2 1f93b:1 1f93c:2
1f946:1 1f947:2 1fa00:1 1fa70:2 1fa75:1 1fa78:2 1fa7d:1 1fa80:2 1fa87:1 1fa90:2 1faad:1 1fab0:2
1fabb:1 1fac0:2 1fac6:1 1fad0:2 1fada:1 1fae0:2 1fae8:1 1faf0:2 1faf7:1 20000:2 40000:1 e0001:0
e0002:1 e0020:0 e0080:1 e0100:0 e01f0:1
"""

_class_starts, _class_values = _parse_runs(_CLASS_RUNS, _CLASS)
_width_starts, _width_values = _parse_runs(_WIDTH_RUNS, None)
