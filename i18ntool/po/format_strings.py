"""printf-style format strings in catalogue entries: gettext 0.21's directive scanners.

An entry flagged ``python-format``, ``python-brace-format`` or ``c-format`` (the UI strings
of the pages `build` writes, such as ``Published on %(date)s``) is filled in by a program.
This module reads the directives of such strings, for the two uses gettext makes of them:

* the writer (``layout``) never breaks a line inside a directive: ``directive_interiors``
  gives the offsets it must not break at, as gettext 0.21's parsers mark them;
* the checks (``compare``) find translations whose directives do not take the same
  arguments, as ``msgfmt -c`` does: named arguments must be the same set with the same
  types; unnamed ones the same number with the same types in the same order (C's ``%2$s``
  may reorder them).
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------------
# Directive scanners, as gettext 0.21's format-c.c, format-python.c and format-python-brace.c
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Directive:
    """One complete ``%`` directive: ``text[start : end + 1]``."""

    start: int
    end: int
    conversion: str  # "s", "d", "%", ...; "d" etc. for C's <PRIdMAX> and friends
    name: str | None = None  # Python's %(name)s
    number: int = 0  # C's %2$s; 0 when unnumbered
    stars: tuple[int, ...] = ()  # the arguments of "*" width and precision (C: 0 = the next)


@dataclass
class Scan:
    """What gettext's parser finds in a string: the directives up to the first error, if any.

    ``starts`` are the offsets of every directive begun, the failing one included; ``error``
    the offset where the parser gave up, and ``mixed`` whether it gave up because named (or
    numbered) and unnamed arguments were mixed rather than because of the syntax.
    """

    directives: list[Directive] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    error: int | None = None
    mixed: bool = False

    def fail(self, offset: int, mixed: bool = False) -> Scan:
        self.error, self.mixed = offset, mixed
        return self


def _protected(scan: Scan) -> list[int]:
    """Offsets inside the directives of ``scan`` where gettext's ``wrap()`` forbids a break.

    gettext forbids a break after each directive's start up to the first end (or error) that
    follows, unless that is the error (an invalid directive is not protected).
    """
    starts = scan.starts
    ends = [directive.end for directive in scan.directives]
    errors = [] if scan.error is None else [scan.error]
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


def scan_c(s: str, objc: bool = False, translated: bool = False) -> Scan:
    """The directives of a C (or Objective C) format string, as gettext 0.21's parser reads them.

    Besides syntax, the parser rejects mixing numbered (``%1$s``) and unnumbered arguments.
    ``translated``: a msgstr, where glibc's ``I`` flag is allowed.
    """
    scan = Scan()
    n = len(s)

    def at(k: int) -> str:
        return s[k] if k < n else ""

    numbered = unnumbered = 0
    i = 0
    while i < n:
        i += 1
        if s[i - 1] != "%":
            continue
        start = i - 1
        scan.starts.append(start)
        number = 0
        m, j = _number_at(s, i)
        if j > i and at(j) == "$":
            if m == 0:
                return scan.fail(j)
            number, i = m, j + 1
        while at(i) and (at(i) in " +-#0'" or (translated and at(i) == "I")):
            i += 1
        stars: list[int] = []
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
                        return scan.fail(j)
                    argument, i = m, j + 1
                if argument and unnumbered or not argument and numbered:
                    return scan.fail(i - 1, mixed=True)
                numbered += bool(argument)
                unnumbered += not argument
                stars.append(argument)
            else:
                i = _number_at(s, i)[1]
        takes_argument = True
        if at(i) == "<":
            # <PRIdMAX> and friends, from <inttypes.h>.
            i += 1
            for expected in "PRI":
                if at(i) != expected:
                    return scan.fail(i if at(i) else i - 1)
                i += 1
            if not at(i) or at(i) not in "diouxX":
                return scan.fail(i if at(i) else i - 1)
            conversion = at(i)
            i += 1
            size = next((z for z in _C_PRI_SIZES if s.startswith(z, i)), None)
            if size is None:
                return scan.fail(i if at(i) else i - 1)
            i += len(size)
            if at(i) != ">":
                return scan.fail(i if at(i) else i - 1)
        else:
            # Size letters: gettext 0.21 takes any sequence of them, with any conversion.
            while at(i) and at(i) in "hlLqjzZt":
                i += 1
            conversion = at(i)
            if conversion in ("%", "m"):
                takes_argument = False
            elif not conversion or conversion not in "csCSiduoxXeEfFgGaApn" + "@" * objc:
                return scan.fail(i if conversion else i - 1)
        if takes_argument:
            if number and unnumbered or not number and numbered:
                return scan.fail(i, mixed=True)
            numbered += bool(number)
            unnumbered += not number
        scan.directives.append(Directive(start, i, conversion, number=number, stars=tuple(stars)))
        i += 1
    return scan


def scan_python(s: str) -> Scan:
    """The directives of a Python ``%`` format string, as gettext 0.21's parser reads them.

    Besides syntax, the parser rejects mixing named (``%(name)s``) and unnamed arguments.
    """
    scan = Scan()
    n = len(s)

    def at(k: int) -> str:
        return s[k] if k < n else ""

    named = unnamed = 0
    i = 0
    while i < n:
        i += 1
        if s[i - 1] != "%":
            continue
        start = i - 1
        scan.starts.append(start)
        name = None
        if at(i) == "(":
            depth = 0
            i += 1
            opening = i
            while i < n and (s[i] != ")" or depth):
                depth += {"(": 1, ")": -1}.get(s[i], 0)
                i += 1
            if i >= n:
                return scan.fail(i - 1)
            name = s[opening:i]
            i += 1
        while at(i) and at(i) in "-+ #0":
            i += 1
        stars = 0
        for star_allowed in (True, False):  # width, then precision after "."
            if not star_allowed:
                if at(i) != ".":
                    break
                i += 1
            if at(i) == "*":
                i += 1
                if named:
                    return scan.fail(i - 1, mixed=True)
                unnamed += 1
                stars += 1
            else:
                i = _number_at(s, i)[1]
        if at(i) and at(i) in "hlL":
            i += 1
        conversion = at(i)
        if not conversion or conversion not in "%csriduoxXeEfgG":
            return scan.fail(i if conversion else i - 1)
        if name is not None:
            if unnamed:
                return scan.fail(i, mixed=True)
            named += 1
        elif conversion != "%":
            if named:
                return scan.fail(i, mixed=True)
            unnamed += 1
        scan.directives.append(Directive(start, i, conversion, name=name, stars=(0,) * stars))
        i += 1
    return scan


def directive_interiors(language: str | None, value: str, translated: bool) -> list[int]:
    """Offsets in ``value`` where gettext forbids a break because of format directives.

    gettext looks at the first format language an entry is flagged with. C, Objective C,
    Python and Python brace formats are handled (``translated`` matters for C: msgstr
    strings may use the ``I`` flag); other languages are not.
    """
    if not value:
        return []
    if language in ("c", "objc"):
        return _protected(scan_c(value, language == "objc", translated)) if "%" in value else []
    if language == "python":
        return _protected(scan_python(value)) if "%" in value else []
    if language == "python-brace":
        return _brace_interiors(value)
    return []


_BRACE_NAME = re.compile(rb"[A-Za-z_][A-Za-z_0-9]*")
_BRACE_NUMBER = re.compile(rb"[0-9]+")
_BRACE_SPEC = re.compile(rb"(?:.?[<>=^])?[-+ ]?#?0?[0-9]*(?:\.[0-9]+)?[bcdoxXneEfFgG%]?", re.DOTALL)


def _brace_directive(data: bytes, start: int, toplevel: bool, ends: list[int], errors: list[int]) -> int | None:
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
# Arguments, compared as msgfmt -c compares them
# ---------------------------------------------------------------------------------------------

FLAGS = ("python-format", "python-brace-format", "c-format")

_FORMATTER = string.Formatter()
_TYPES = {
    **dict.fromkeys("diouxX", "integer"),
    **dict.fromkeys("eEfFgGaA", "float"),
    **dict.fromkeys("cC", "character"),
    **dict.fromkeys("sS", "string"),
    "r": "object",
    "@": "object",
    "p": "pointer",
    "n": "count",
}


@dataclass(frozen=True)
class Arguments:
    """The arguments a format string takes: by name, or by position (1, 2, ...)."""

    named: dict[str, str]  # name -> type
    positional: tuple[str, ...]  # types
    written: dict[str, str]  # name -> the directive as written, for messages


def arguments(text: str, flag: str, translated: bool = False) -> Arguments:
    """The arguments of ``text`` read as ``flag`` says; ValueError if it is not a valid one.

    ``translated``: ``text`` is a msgstr (C's ``I`` flag is allowed there).
    """
    if flag == "python-brace-format":
        return _brace(text)
    scan = scan_python(text) if flag == "python-format" else scan_c(text, translated=translated)
    if scan.error is not None:
        if not scan.mixed:
            start = scan.starts[-1]
            raise ValueError(f"'{text[start : start + 4]}' is not a complete directive; write a percent sign as %%")
        if flag == "python-format":
            raise ValueError("it mixes named (%(name)s) and unnamed (%s) arguments")
        raise ValueError("it mixes numbered (%1$s) and unnumbered (%s) arguments")
    named: dict[str, str] = {}
    written: dict[str, str] = {}
    positional: list[str] = []
    numbered: dict[int, str] = {}
    for directive in scan.directives:
        for star in directive.stars:
            if star:
                numbered[star] = "integer"
            else:
                positional.append("integer")
        if directive.conversion in ("%", "m"):
            continue  # no argument
        value = _TYPES.get(directive.conversion, directive.conversion)
        if directive.name is not None:
            named[directive.name] = value
            written.setdefault(directive.name, text[directive.start : directive.end + 1])
        elif directive.number:
            numbered[directive.number] = value
        else:
            positional.append(value)
    if numbered:
        positional = [numbered[number] for number in sorted(numbered)]
    return Arguments(named, tuple(positional), written)


def compare(source: str, translation: str, flag: str, plural_form: bool = False) -> list[str]:
    """What is wrong with the arguments of ``translation``, a translation of ``source``.

    A plural form (``plural_form``) may leave out an argument, as "one file" leaves out the
    number.
    """
    try:
        wanted = arguments(source, flag)
    except ValueError:
        return []  # the source is not a format string after all; msgfmt says nothing either
    try:
        found = arguments(translation, flag, translated=True)
    except ValueError as error:
        return [f"msgstr is not a valid {flag} string: {error}"]
    problems = []
    missing = [wanted.written[name] for name in wanted.named if name not in found.named]
    for name, kind in found.named.items():
        if name not in wanted.named:
            instead = missing or list(wanted.written.values())
            hint = f"use {', '.join(instead)}" if instead else "msgid has no named arguments"
            problems.append(f"{found.written[name]} is not an argument of msgid; {hint}")
        elif wanted.named[name] != kind:
            problems.append(
                f"{found.written[name]} is a {kind} here but a {wanted.named[name]} in msgid ({wanted.written[name]})"
            )
    if not plural_form and not problems:
        problems += [f"{directive} of msgid is missing; the program fills it in" for directive in missing]
    if wanted.positional != found.positional and not (plural_form and len(found.positional) < len(wanted.positional)):
        problems.append(
            f"msgid takes {len(wanted.positional)} unnamed argument(s) ({', '.join(wanted.positional) or 'none'}), "
            f"msgstr {len(found.positional)} ({', '.join(found.positional) or 'none'}); give msgstr the same ones in the same order"
        )
    return problems


def _brace(text: str) -> Arguments:
    """The arguments of a ``python-brace-format`` string, read by Python's own parser of
    ``str.format`` strings (``string.Formatter.parse``), nested fields (``{:{width}}``),
    automatic numbering (``{}``) and conversions (``!r``) included. It accepts more than
    gettext 0.21's brace grammar does (``_brace_directive``, which only the layout uses, for
    gettext's byte-exact line breaks): the check holds a translation to what the program
    running it accepts."""
    named: dict[str, str] = {}
    written: dict[str, str] = {}
    positional: list[str] = []
    numbering: set[str] = set()

    def read(part: str, depth: int) -> None:
        try:
            fields = list(_FORMATTER.parse(part))
        except ValueError as error:
            lone = "{" if "'{'" in str(error) or "end of string" in str(error) else "}"
            raise ValueError(f"a lone '{lone}'; write a brace as '{lone * 2}'") from None
        for _, field_name, spec, conversion in fields:
            if field_name is None:
                continue
            field = re.split(r"[.\[]", field_name, maxsplit=1)[0]
            if not field:
                numbering.add("automatic")
                field = str(len(positional))
            elif field.isdigit():
                numbering.add("manual")
            if numbering == {"automatic", "manual"}:
                raise ValueError("mixes automatic '{}' and numbered '{0}' fields, which Python refuses")
            if field.isdigit():
                while len(positional) <= int(field):
                    positional.append("object")
            else:
                named[field] = "object"
                token = "{" + field_name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                written.setdefault(field, token)
            if spec and depth < 2:  # Python allows one level of nesting in a format spec
                read(spec, depth + 1)

    read(text, 0)
    return Arguments(named, tuple(positional), written)
