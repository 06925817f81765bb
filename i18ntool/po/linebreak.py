"""Line breaking opportunities and display widths, as GNU libunistring 1.0 computes them.

gettext 0.21 wraps PO strings with libunistring's ``u8_possible_linebreaks`` (UAX #14 with
Unicode 14 data) followed by ``u8_width_linebreaks`` (display widths from ``uc_width``);
``line_breaks`` does both passes in one, on an escaped portion of a string, and gives the same
offsets (the tests hold it against libunistring itself where it is installed). The class and
width of every code point come from ``unicode_tables``, which
``scripts/generate-unicode-tables`` writes from the Unicode Character Database.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from i18ntool.po.unicode_tables import CLASS_RUNS, WIDTH_RUNS

__all__ = ["CLASS", "PAIR_TABLE", "WORD_CHARS", "WORD_ENDS", "char_info", "code_point_width", "line_breaks"]

# Line breaking classes. The first 33 index the pair table below; the others are handled by
# explicit rules. libunistring splits OP and CP into "not East Asian wide" (OP, CP) and "East
# Asian wide" (OPW, CPW) for rule LB30, and ID into ID and IDP (unassigned pictographic code
# points, for LB30b). Classes it resolves at run time are resolved in the data already:
# AI, SA, XX -> AL, CB -> ID, CR and LF -> BK.
CLASS_NAMES = (
    "WJ GL B2 BA BB HY CL CP CPW EX IN NS OP OPW QU IS NU PO PR SY AL H2 H3 ID IDP JL JV JT HL RI ZWJ EB EM BK CM ZW SP"
).split()
CLASS = {name: index for index, name in enumerate(CLASS_NAMES)}
_BA, _HY, _IS, _AL, _NU, _HL, _RI, _ZWJ = (CLASS[n] for n in ("BA", "HY", "IS", "AL", "NU", "HL", "RI", "ZWJ"))
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


# Letters and digits that are AL or NU and one column wide. Between two of them there is never
# a break opportunity, nor before a space, so a word with the spaces after it, or a run of
# spaces, is handled as one unit; this is what makes breaking long paragraphs fast. (The tests
# check this set against the embedded data.)
WORD_CHARS = "0-9A-Za-z\u00c0-\u024f"
# Punctuation that closes a word and never breaks from it (classes IS, EX, CP): a word, one of
# these and spaces is one unit too ("film, "), after which a word may start a line as after a
# word and spaces. Its class is kept, so that the general rules see what they saw before.
WORD_ENDS = ",.;:!?)"
_UNITS = re.compile(f"[{WORD_CHARS}]+(?:[{re.escape(WORD_ENDS)}] +| *)| +|.", re.DOTALL)
_WORD_SET = frozenset(
    chr(cp) for cp in (*range(0x30, 0x3A), *range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250))
)
_DIGITS = frozenset("0123456789")


# Plain prose: words and runs of spaces between them. A word may open with ( or [ and $, hold
# figures (8,000, 12.5: a separator between digits breaks nothing) and apostrophes between
# letters (l'amico), and close with % after a digit and one of WORD_ENDS or ]. Every character
# is one column wide, and the only break opportunities are the starts of the words after
# spaces (tests/test_linebreak.py holds this to the general rules and to libunistring), so the
# lines follow from the offsets of those starts alone (``_plain_breaks``). Markdown's emphasis
# marks count as letters: "*" is of class AL as they are, and one column wide
# (``*film*``, ``**8,000**`` are words; a third of the long strings of a press archive have them).
_PLAIN_WORD_CHARS = WORD_CHARS + r"*"
_WORD = (
    rf"[(\[]?\$?[{_PLAIN_WORD_CHARS}]+(?:(?<=[0-9])[,.](?=[0-9])[{_PLAIN_WORD_CHARS}]+|'[{_PLAIN_WORD_CHARS}]+)*"
    rf"(?:(?<=[0-9])%)?[{re.escape(WORD_ENDS)}\]]?"
)
_PLAIN = re.compile(f"{_WORD}(?: +{_WORD})* *")
_NOT_SPACE = re.compile("[^ ]")


def line_breaks(text: str, forbidden: set[int], width: int, start_column: int) -> list[int]:
    """Return the offsets in ``text`` before which gettext starts a new line.

    ``text`` is an escaped portion, ``forbidden`` the offsets where gettext forbids a break
    whatever the Unicode rules say, ``width`` the columns available on a line and
    ``start_column`` where the text starts on the first line (relative to the next lines).
    This is libunistring's ``u8_possible_linebreaks`` followed by ``u8_width_linebreaks``.
    """
    if not forbidden and _PLAIN.fullmatch(text):
        return _plain_breaks(text, width, start_column)
    return _general_breaks(text, forbidden, width, start_column)


def _plain_breaks(text: str, width: int, start_column: int) -> list[int]:
    """``line_breaks`` of plain prose (``_PLAIN``), from where its spaces are alone.

    As the general pass does: a line holds the piece of text up to its first opportunity
    whatever its width, then each following piece while the column at the piece's end
    (spaces included) stays within ``width``. So a line that does not fit ends at the last
    opportunity within the width, or else at its first one; ``str.rfind`` finds them.
    """
    end = len(text)
    breaks: list[int] = []
    line_start, column = 0, start_column
    while True:
        limit = line_start + width - column  # the last offset whose column is within the width
        if end <= limit:
            return breaks
        space = text.rfind(" ", line_start, limit) if limit > line_start else -1
        if space >= 0 and text[space + 1] == " ":  # a run of spaces past the limit: the one before
            while space > line_start and text[space - 1] == " ":
                space -= 1
            space = text.rfind(" ", line_start, space)
        if space >= 0:
            cut = space + 1
        else:  # even the line's first piece overflows: the next one goes below
            first_space = text.find(" ", line_start)
            after = _NOT_SPACE.search(text, first_space) if first_space >= 0 else None
            if after is None:
                return breaks
            cut = after.start()
        breaks.append(cut)
        line_start, column = cut, 0


def _general_breaks(text: str, forbidden: set[int], width: int, start_column: int) -> list[int]:
    """``line_breaks`` by UAX #14's rules, character by character (units of a word at a time)."""
    info_of = _char_info
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

    # True after a word followed by spaces: then a word that starts here may start a line
    # (AL or NU, spaces, AL or NU: an indirect break in the pair table), which is most of
    # the opportunities in prose, found without the general rules below.
    after_word = False

    i = 0
    for unit in _UNITS.findall(text):
        ch = unit[0]
        if after_word and ch in _WORD_SET:
            size = len(unit)
            if i not in forbidden:
                if last_opportunity >= 0 and last_column + piece > width:
                    breaks.append(last_opportunity)
                    last_column = 0
                last_opportunity = i
                last_column += piece
                piece = 0
            piece += size
            word = unit.rstrip(" ")
            end = word[-1]
            last = _NU if end in _DIGITS else _AL if end in _WORD_SET else _char_info[end][0]
            if len(word) < size:
                preceding = _SP  # seen_space stays true
            else:
                preceding = last
                seen_space = after_word = False
            i += size
            continue
        after_word = False
        cls, w = info_of.get(ch) or char_info(ch)

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
                last = preceding = (info_of.get(word[-1]) or char_info(word[-1]))[0]
                if len(word) < size:
                    seen_space = True
                    preceding = _SP
                    after_word = ch in _WORD_SET
        i += size

    if last_opportunity >= 0 and last_column + piece > width:
        breaks.append(last_opportunity)
    return breaks


_class_starts, _class_values = _parse_runs(CLASS_RUNS, CLASS)
_width_starts, _width_values = _parse_runs(WIDTH_RUNS, None)
for _end in WORD_ENDS:
    char_info(_end)  # known before the shortcut reads its class


def code_point_width(cp: int) -> int:
    """The display width of code point ``cp``: 0, 1 or 2 columns (control characters 0)."""
    return _width_values[bisect_right(_width_starts, cp) - 1]
