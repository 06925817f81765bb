"""Digits that name rather than count: versions, section numbers, codes and sizes.

Python 3.10+, Django 5.2, 2.4.1, section 3.2.1, RFC 9110, #1234, CVE-2024-1234 and 1920x1080
are written the same in every language. They are not quantities for a locale to format, and
the locales may even disagree on what they would mean as numbers (3.10 is three point one in
English and no number at all in Italian), so a translation copies them as written.
``find_identifiers`` tells them from figures by their shape and their company:

- a code: ``#`` and digits, or an acronym of capitals before digits (RFC 9110, PEP 8,
  CVE-2024-1234), except a currency code and a space (USD 8,000 is an amount);
- a size: digits times digits (1920x1080, 210 × 297);
- dotted numbers (3.10, 2.4.1), alone or in a list (3.10, 3.11 and 3.12; 3.8–3.12), when one
  of them has two dots or more and is no number of the locale (Italian writes a million
  1.000.000), ends in ``+`` or ``.x`` (3.10+, 2.27.x), or when the list follows a name or a
  version word (Python 3.10, Django 5.2, version 1.2, section 3.2) or comes before one
  (the 1.4 release). Such a list is
  ``certain``. A list of two or more dotted numbers, or one that is all the text, is an
  identifier too, but not ``certain``: in Italian 9.30, 12.30 e 18.30 are times, and the
  caller reads times first. A dotted number with three digits after its one dot is never
  taken: 1.000 is a thousand in Italian.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from babel.numbers import list_currencies

_SPACE = "[ \u00a0\u202f]"
_HASH = re.compile(r"(?<![\w&#])#\d+(?![\w])")
_CODE = re.compile(rf"(?<![\w-])([A-Z][A-Z0-9]*[A-Z])({_SPACE}|-)(\d+(?:-\d+)*)(?!\w|[.,:]\d)")
_SIZE = re.compile(rf"(?<![\w.,])\d+(?:{_SPACE}?[x×]{_SPACE}?\d+)+(?!\w|[.,]\d)")
_DOTTED = r"\d+(?:\.\d+)+"
_SUFFIX = r"(?:\+|\.[x*])"
_SEPARATOR = rf"(?:{_SPACE}*[/–—-]{_SPACE}*|,{_SPACE}+|,?{_SPACE}+(?:and|or|to|e|ed|o|od|a){_SPACE}+)"
_NOTE = rf"(?:{_SPACE}*\([^()\d]{{1,20}}\))?"  # "2.2 (LTS), 3.0"
_RUN = re.compile(rf"(?<![\w.,+-]){_DOTTED}{_SUFFIX}?(?:{_NOTE}{_SEPARATOR}{_DOTTED}{_SUFFIX}?)*(?![\w+]|[.,]\d)")
_MEMBER = re.compile(rf"({_DOTTED})({_SUFFIX})?")
_NAME_BEFORE = re.compile(rf"(?<![\w.])([^\W\d_][\w+-]*\.?|§)(:*){_SPACE}*$")
# Words before a version or section number that are not names (no capital); "version" and
# "release" begin more of them (versione, releases, versionadded).
_LABELS = frozenset(
    {
        "v",
        "v.",
        "ver.",
        "rilascio",
        "section",
        "sections",
        "sezione",
        "sezioni",
        "chapter",
        "chapters",
        "capitolo",
        "capitoli",
        "paragraph",
        "paragrafo",
        "§",
    }
)
_LABEL_STARTS = ("version", "release")
_LABEL_AFTER = re.compile(rf"{_SPACE}+(?:releases?|versions?|series|branch|LTS)(?!\w)")


@dataclass(frozen=True)
class Identifier:
    """Digits that name something, at ``text[start:end]``.

    ``digits`` is the one number in it, if it has one ("9110" in "RFC 9110", "3.10" in
    "Python 3.10"); a caller may read it to accept an identifier that a translation wrote
    in its own locale's format. ``certain`` is False when only a list says so (see above).
    """

    text: str
    start: int
    end: int
    digits: str = ""
    certain: bool = True


def find_identifiers(text: str, is_number: Callable[[str], bool]) -> list[Identifier]:
    """The identifiers of ``text``, in order; ``is_number`` says whether the text's locale
    reads some digits as a number (so that 1.000.000 stays a million in Italian)."""
    found: list[Identifier] = []
    taken: list[tuple[int, int]] = []

    def add(identifier: Identifier) -> None:
        if not any(start < identifier.end and identifier.start < end for start, end in taken):
            found.append(identifier)
            taken.append((identifier.start, identifier.end))

    for match in _HASH.finditer(text):
        add(Identifier(match.group(), match.start(), match.end(), match.group()[1:]))
    for match in _CODE.finditer(text):
        if match.group(2) == "-" or match.group(1) not in _currency_codes():  # CVE-2024-1, not CVE 20
            digits = match.group(3) if match.group(3).isdigit() else ""
            add(Identifier(match.group(), match.start(), match.end(), digits))
    for match in _SIZE.finditer(text):
        add(Identifier(match.group(), match.start(), match.end()))
    for match in _RUN.finditer(text):
        members = [
            member
            for member in _MEMBER.finditer(text, match.start(), match.end())
            if _may_name(member.group(1), is_number)
        ]
        certain = (
            any(member.group(2) or member.group(1).count(".") > 1 for member in members)
            or _follows_name(text, match.start())
            or bool(_LABEL_AFTER.match(text, match.end()))
        )
        listed = (
            len(members) > 1 or text[: match.start()].strip(" ([") == "" and text[match.end() :].strip(" )].:") == ""
        )
        if certain or listed:
            for member in members:
                add(Identifier(member.group(1), member.start(), member.end(1), member.group(1), certain))
    return sorted(found, key=lambda identifier: identifier.start)


def literal_key(text: str) -> str:
    """What two identifiers written alike have in common: spaces and × do not count."""
    return re.sub(r"[\s\u00a0\u202f]", "", text).replace("×", "x")


def _may_name(digits: str, is_number: Callable[[str], bool]) -> bool:
    """Whether dotted ``digits`` can be an identifier: 1.000 (a thousand in Italian) cannot,
    nor 1.000.000 where the locale reads it as a number."""
    parts = digits.split(".")
    if len(parts) == 2:
        return len(parts[1]) != 3
    return not is_number(digits)


def _follows_name(text: str, start: int) -> bool:
    """Whether a name (Python, Django, PyPy, urllib3) or a version word (version, Version:,
    sezione) comes just before ``start``."""
    match = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return False
    word, colon = match.groups()
    if word.lower() in _LABELS or word.lower().startswith(_LABEL_STARTS):
        return True
    if colon:
        return False  # "Total: 12.5" is a quantity
    if any(char.isdigit() for char in word):
        return True  # letters and digits make a name (urllib3, HTTP2)
    return any(char.isupper() for char in word) and word.upper() not in _currency_codes()


@functools.cache
def _currency_codes() -> frozenset[str]:
    return frozenset(list_currencies())
