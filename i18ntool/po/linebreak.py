"""Line breaking opportunities and display widths, as GNU libunistring 1.0 computes them.

gettext 0.21 wraps PO strings with libunistring's ``u8_possible_linebreaks`` (UAX #14 with
Unicode 14 data) followed by ``u8_width_linebreaks`` (display widths from ``uc_width``);
``line_breaks`` does both passes in one, on an escaped portion of a string, and gives the same
offsets (the tests hold it against libunistring itself where it is installed). The class and
width of every code point come from ``unicode_tables``, which
``scripts/generate-unicode-tables`` writes from the Unicode Character Database.

Press texts (letters of the Latin alphabets, digits, punctuation, quotes, dashes, Markdown's
links and emphasis) take a shorter road, ``_simple_breaks``, that looks only where a line may
end; any other text is broken character by character by ``_general_breaks``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import chain

from i18ntool.po.unicode_tables import CLASS_RUNS, WIDTH_RUNS

__all__ = ["CLASS", "PAIR_TABLE", "char_info", "code_point_width", "line_breaks"]

# Line breaking classes. The first 33 index the pair table below; the others are handled by
# explicit rules. libunistring splits OP and CP into "not East Asian wide" (OP, CP) and "East
# Asian wide" (OPW, CPW) for rule LB30, and ID into ID and IDP (unassigned pictographic code
# points, for LB30b). Classes it resolves at run time are resolved in the data already:
# AI, SA, XX -> AL, CB -> ID, CR and LF -> BK.
CLASS_NAMES = (
    "WJ GL B2 BA BB HY CL CP CPW EX IN NS OP OPW QU IS NU PO PR SY AL H2 H3 ID IDP JL JV JT HL RI ZWJ EB EM BK CM ZW SP"
).split()
CLASS = {name: index for index, name in enumerate(CLASS_NAMES)}
_BA, _HY, _IS, _AL, _HL, _RI, _ZWJ = (CLASS[n] for n in ("BA", "HY", "IS", "AL", "HL", "RI", "ZWJ"))
_BK, _CM, _ZW, _SP = (CLASS[n] for n in ("BK", "CM", "ZW", "SP"))
_HL_BA = -1  # "previous character is HY or BA right after HL", for rule LB21a

# Outcome of the pair table, as in UAX #14 section 7: direct break, indirect break (only
# after spaces), prohibited.
_DIRECT, _INDIRECT = "D", "I"

# Break kinds at a position (before the character there).
_NO_BREAK, _CAN_BREAK, _MUST_BREAK = 0, 1, 2

# Row: class before; column: class after. Extracted from libunistring 1.0's table.
PAIR_TABLE: tuple[str, ...] = (
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


_class_starts, _class_values = _parse_runs(CLASS_RUNS, CLASS)
_width_starts, _width_values = _parse_runs(WIDTH_RUNS, None)

# (class, width) of every character seen so far; the tables are searched once per character.
_char_info: dict[str, tuple[int, int]] = {}


def char_info(ch: str) -> tuple[int, int]:
    """Return the line breaking class and display width of one character."""
    cp = ord(ch)
    info = (
        _class_values[bisect_right(_class_starts, cp) - 1],
        _width_values[bisect_right(_width_starts, cp) - 1],
    )
    _char_info[ch] = info
    return info


def code_point_width(cp: int) -> int:
    """The display width of code point ``cp``: 0, 1 or 2 columns (control characters 0)."""
    return _width_values[bisect_right(_width_starts, cp) - 1]


def line_breaks(text: str, forbidden: set[int], width: int, start_column: int) -> list[int]:
    """Return the offsets in ``text`` before which gettext starts a new line.

    ``text`` is an escaped portion, ``forbidden`` the offsets where gettext forbids a break
    whatever the Unicode rules say, ``width`` the columns available on a line and
    ``start_column`` where the text starts on the first line (relative to the next lines).
    This is libunistring's ``u8_possible_linebreaks`` followed by ``u8_width_linebreaks``.
    """
    if _NOT_SIMPLE.search(text):
        return _general_breaks(text, forbidden, width, start_column)
    return _simple_breaks(text, forbidden, width, start_column)


# ---------------------------------------------------------------------------------------------
# Simple text: the pair table alone, looked up where a line may end
# ---------------------------------------------------------------------------------------------

# Classes for which ``_general_breaks`` has rules beyond the pair table: mandatory breaks, the
# zero width space, combining marks and the zero width joiner (which attach to what precedes
# them), Hebrew letters (LB21a) and regional indicators (flags, LB30a).
_OWN_RULES = frozenset((_BK, _ZW, _CM, _ZWJ, _HL, _RI))
# Where the characters of simple text are taken from: the Latin alphabets, general punctuation
# and currency signs, what press texts in European languages are written with. Any code point
# would do; fewer make smaller expressions, compiled sooner.
_SIMPLE_RANGES = (range(0x20, 0x250), range(0x2000, 0x20D0))


def _simple_groups() -> list[tuple[int, str]]:
    """The characters of simple text that are not spaces, as (class, characters) groups.

    A simple character is one column wide and of a class the pair table decides alone. The
    space (the only character of class SP among them) is simple too. ``<`` is a group of its
    own: libunistring breaks before it after IS whatever the table says.
    """
    by_class: dict[int, list[str]] = {}
    for cp in chain(*_SIMPLE_RANGES):
        cls, width = char_info(chr(cp))
        if width == 1 and cls not in _OWN_RULES and cls != _SP:
            by_class.setdefault(cls, []).append(chr(cp))
    by_class[_AL].remove("<")
    return [(cls, "".join(chars)) for cls, chars in by_class.items()] + [(_AL, "<")]


def _outcome(before: tuple[int, str], after: tuple[int, str]) -> str:
    """What ``_general_breaks`` decides between two simple groups (``after`` its characters)."""
    if before[0] == _IS and after[1] == "<":
        return _DIRECT  # libunistring's exception, to break before "</p>"
    return PAIR_TABLE[before[0]][after[0]]


def _ranges(chars: str) -> str:
    """``chars`` written for a regular expression's character set, runs as ranges."""
    codes = sorted(set(map(ord, chars)))
    out = []
    start = 0
    for i, cp in enumerate(codes):
        if i + 1 == len(codes) or codes[i + 1] != cp + 1:
            first, last = re.escape(chr(codes[start])), re.escape(chr(cp))
            out.append(first if start == i else f"{first}-{last}")
            start = i + 1
    return "".join(out)


def _opportunities(groups: list[tuple[int, str]], outcome: Callable[[tuple[int, str], tuple[int, str]], str]) -> str:
    """A regular expression that matches, in simple text, a character, then its spaces, and
    ends where a line may start: the character next is one with which ``outcome`` gives a
    direct break, or after spaces an indirect or a direct break.

    The character set after it is written as what it is not when that is shorter (spaces
    included, so that the lookahead is never a space): simple text holds nothing else. The
    alternatives go from the most characters to the fewest, so that letters are tried first.
    """
    simple = "".join(chars for _, chars in groups)
    by_sets: dict[tuple[str, str], str] = {}
    for first in groups:
        direct = "".join(then[1] for then in groups if outcome(first, then) == _DIRECT)
        any_break = "".join(then[1] for then in groups if outcome(first, then) in (_DIRECT, _INDIRECT))
        by_sets[direct, any_break] = by_sets.get((direct, any_break), "") + first[1]

    def char_set(chars: str) -> str:
        if 2 * len(chars) < len(simple):
            return f"[{_ranges(chars)}]"
        wanted = set(chars)
        return f"[^ {_ranges(''.join(c for c in simple if c not in wanted))}]"

    alternatives = []
    for (direct, any_break), firsts in sorted(by_sets.items(), key=lambda item: -len(item[1])):
        after = ([f"(?={char_set(direct)})"] if direct else []) + (
            [f" +(?={char_set(any_break)})"] if any_break else []
        )
        if after:
            alternatives.append(f"[{_ranges(firsts)}](?:{'|'.join(after)})")
    return "|".join(alternatives)


_GROUPS = _simple_groups()
_NOT_SIMPLE = re.compile(f"[^ {_ranges(''.join(chars for _, chars in _GROUPS))}]")
# On the text: a character and its spaces, ending before a break opportunity.
_AFTER = re.compile(_opportunities(_GROUPS, _outcome))
# On the text reversed: a character and its spaces, ending (in the text: starting) after a
# break opportunity, which is before the character matched first.
_BEFORE = re.compile(_opportunities(_GROUPS, lambda first, then: _outcome(then, first)))


def _simple_breaks(text: str, forbidden: set[int], width: int, start_column: int) -> list[int]:
    """``line_breaks`` of simple text (nothing that ``_NOT_SIMPLE`` finds), line by line.

    Why this gives ``_general_breaks``' offsets. In simple text that pass decides each break
    with the pair table alone: no character has a class with rules of its own, so there is a
    break opportunity before a character that is not a space if and only if a character that
    is not a space comes before it (none at the start of the text), and the pair table gives
    a direct break from the last such character to it, or an indirect break with spaces
    between (LB7: never before a space); a forbidden offset is only not an opportunity.
    ``_AFTER`` and ``_BEFORE`` find such pairs, written from the same table.

    Every character is one column wide, so the column at an offset is the offset less the
    line's start. That pass ends a piece of text at each opportunity and at the end of the
    text: a line holds the piece up to its first opportunity whatever its width, then each
    following piece while the column at the piece's end stays within ``width``. So a line
    that does not hold the rest of the text ends at its last opportunity within the width,
    found from there backwards (``_BEFORE`` on the reversed text), or else at its first one.
    Only the opportunities near the lines' ends are looked at, not every one.
    """
    end = len(text)
    reversed_text = text[::-1]
    breaks: list[int] = []
    line_start, column = 0, start_column
    while True:
        limit = line_start + width - column  # the last offset whose column is within the width
        if end <= limit:
            return breaks
        # The last opportunity within the width: one before text[p] is a match of _BEFORE at
        # end - 1 - p in the reversed text. Found at the line's start at the latest (an
        # opportunity, where the line was broken), or at none on the first line.
        match = _BEFORE.search(reversed_text, end - 1 - limit)
        while match is not None and end - 1 - match.start() in forbidden:
            match = _BEFORE.search(reversed_text, match.start() + 1)
        cut = end - 1 - match.start() if match is not None else 0
        if cut <= line_start:  # even the line's first piece overflows: the next one goes below
            match = _AFTER.search(text, line_start)
            while match is not None and match.end() in forbidden:
                match = _AFTER.search(text, match.end())
            if match is None:
                return breaks
            cut = match.end()
        breaks.append(cut)
        line_start, column = cut, 0


# ---------------------------------------------------------------------------------------------
# Any text: UAX #14 character by character
# ---------------------------------------------------------------------------------------------


def _general_breaks(text: str, forbidden: set[int], width: int, start_column: int) -> list[int]:
    """``line_breaks`` by UAX #14's rules, character by character."""
    table = PAIR_TABLE
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

    for i, ch in enumerate(text):
        cls, w = _char_info.get(ch) or char_info(ch)

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
                continue
            last_opportunity = i
            last_column += piece
            piece = 0
        piece += w

    if last_opportunity >= 0 and last_column + piece > width:
        breaks.append(last_opportunity)
    return breaks
