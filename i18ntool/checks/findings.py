"""Every check `i18ntool check` runs, and the findings they give.

A check has a code (``NUM103``), a severity, a one-line description and an example of its
finding; ``CHECKS`` lists them all, in the order of the README's table. Codes are grouped
by family, and ``--select`` and ``--ignore`` take a code or the start of one (``NUM``,
``MD1``), as ruff and flake8 do.

A finding is ``path:line: CODE message``: the catalogue, the line of the entry's msgid (or
of the header field), so that an editor can jump to it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    description: str
    example: str  # a finding as `check` prints it on a damaged copy of the shipped press kit


E, W = Severity.ERROR, Severity.WARNING
_IT = "locales/it/LC_MESSAGES"
_EN = "locales/en/LC_MESSAGES"

CHECKS: dict[str, Check] = {check.code: check for check in (
    # -- PO: the catalogue itself, as strictly as `msgfmt -c` --------------------------------
    Check("PO101", E, "The catalogue has no header entry (msgid \"\")",
          f"{_EN}/radici-fiorentine.po:1: PO101 no header entry; start the catalogue with msgid \"\" and its header (run `i18ntool update`)"),
    Check("PO102", E, "Content-Type names no charset, or the template's placeholder CHARSET",
          f"{_IT}/historical-background.po:11: PO102 Content-Type names the placeholder charset 'CHARSET'; write \"Content-Type: text/plain; charset=UTF-8\\n\""),
    Check("PO103", W, "The charset is not UTF-8, which i18ntool writes",
          f"{_IT}/director-biography.po:12: PO103 charset is windows-1252, not the UTF-8 that i18ntool writes; convert the file (msgconv -t UTF-8) and set charset=UTF-8"),
    Check("PO104", E, "Language is missing, unknown to Babel, or not the language of the catalogue's folder",
          f"{_IT}/historical-background.po:10: PO104 Language is 'en' but the catalogue is in locales/it/; write \"Language: it\\n\""),
    Check("PO105", E, "Plural-Forms is unreadable, inconsistent, missing where plurals need it, or not GNU gettext's rule for the language",
          f"{_IT}/historical-background.po:13: PO105 Plural-Forms says nplurals=3 but Italian has 2 forms; write \"Plural-Forms: nplurals=2; plural=(n != 1);\\n\""),
    Check("PO106", W, "A header field gettext expects is missing or still holds the template's placeholder",
          f"{_IT}/historical-background.po:2: PO106 header field 'MIME-Version' is missing; add \"MIME-Version: 1.0\\n\""),
    Check("PO201", E, "A plural entry has a different number of msgstr[N] than Plural-Forms' nplurals",
          f"{_IT}/ui.po:52: PO201 entry has 3 plural forms but nplurals=2; give it msgstr[0] to msgstr[1]"),
    Check("PO202", E, "msgid and msgstr do not both begin, or both end, with a newline",
          f"{_IT}/ui.po:58: PO202 msgid ends with '\\n' but msgstr does not; make both end with a newline, or neither"),
    Check("PO203", E, "A python-format, python-brace-format or c-format translation takes other arguments than msgid",
          f"{_IT}/ui.po:22: PO203 python-format: %(data)s is not an argument of msgid; use %(date)s"),
    # -- MD: Markdown parity -----------------------------------------------------------------
    Check("MD101", E, "A link target of the source is missing, changed or added (localised prefixes allowed)",
          f"{_IT}/festivals.po:106: MD101 link target changed: (https://www.newfilmmakersla.com/) in the source, (https://newfilmmakersla.com/) here"),
    Check("MD102", E, "Inline code of the source is missing, changed or added",
          f"{_IT}/festivals.po:175: MD102 inline code `YouTube` is not in the source; remove it or add it to the source"),
    Check("MD103", E, "An image of the source is missing, changed or added (the alt text may change)",
          f"{_IT}/historical-background.po:159: MD103 image (poster.jpg) is not in the source; remove it or add it to the source"),
    Check("MD104", W, "The translation has a different number of emphasis or strong spans",
          f"{_IT}/festivals.po:63: MD104 strong emphasis: 1 in the source, 0 here"),
    Check("MD105", E, "An emphasis marker (* or _) does not pair and would show as text",
          f"{_IT}/press-release.po:49: MD105 unmatched emphasis marker ('*' or '_'); close the emphasis or escape it as \\*"),
    Check("MD106", E, "Inline HTML of the source is missing, changed or added",
          f"{_IT}/director-biography.po:64: MD106 inline HTML <br> is not in the source; remove it or add it to the source"),
    Check("MD107", E, "The translation would open a new block (heading, list, quote, code) in the Markdown",
          f"{_IT}/festivals.po:74: MD107 \"- **ETHOS International Film Festival:** premio…\" would start a list ('-', '+' or '*' and a space at the start of a line); reword or escape it"),
    Check("MD108", W, "A table cell's translation holds a line break or an unescaped '|'",
          f"{_IT}/russo-brothers-award.po:141: MD108 '|' in a table cell would end the cell; escape it with a backslash"),
    # -- NUM: figures ------------------------------------------------------------------------
    Check("NUM101", E, "A figure of the source (number, percentage, amount, date) is missing",
          f"{_IT}/festivals.po:92: NUM101 figure $8,000 of the source is missing (8.000 in Italian)"),
    Check("NUM102", W, "The translation has a figure that the source does not",
          f"{_IT}/historical-background.po:86: NUM102 figure 25 marzo is not in the source; check it or remove it"),
    Check("NUM103", E, "A figure differs from the source's",
          f"{_IT}/russo-brothers-award.po:28: NUM103 figure 8.500 dollari differs from the source's $8,000 (8.000 in Italian)"),
    Check("NUM104", E, "A figure is written in the source language's format, which reads differently here",
          f"{_IT}/russo-brothers-award.po:55: NUM104 1,000 reads as 1 in Italian; the source's 1,000 is written 1.000"),
    # -- KEEP: addresses copied as written ---------------------------------------------------
    Check("KEEP101", E, "A URL, e-mail address or @handle of the source is missing or changed",
          f"{_IT}/festivals.po:175: KEEP101 @handle @alessia.cruci of the source is missing; keep it as written"),
    Check("KEEP102", W, "The translation has a URL, e-mail address or @handle that the source does not",
          f"{_EN}/annuncio-proiezione.po:184: KEEP102 @handle @alessiacruci is not in the source; remove it or add it to the source"),
    # -- GL: the glossary --------------------------------------------------------------------
    Check("GL101", E, "A protected name of the glossary (person, title) is missing or altered",
          f"{_IT}/press-release.po:67: GL101 protected name 'Roberta Sparta' is missing; keep it as written (glossary.po:57)"),
    Check("GL102", W, "A glossary term is translated otherwise than the glossary says",
          f"{_IT}/press-release.po:29: GL102 'short film' should be translated 'cortometraggio' (glossary.po:19)"),
    Check("GL103", E, "A glossary term is left untranslated",
          f"{_IT}/director-biography.po:106: GL103 'short film' is left untranslated; the glossary says 'cortometraggio' (glossary.po:19)"),
    Check("GL104", W, "A glossary entry marked keep has a translation other than itself",
          f"{_IT}/glossary.po:77: GL104 'Leaving the Factory' is marked keep but translated 'Lasciare la fabbrica'; make msgstr the name itself"),
    # -- TYPO: Italian typography -----------------------------------------------------------
    Check("TYPO101", W, "An article or preposition is written in full before a number read with a vowel (il 8 for l’8)",
          f"{_IT}/historical-background.po:101: TYPO101 \"il 8 marzo\": the article elides before a number read with a vowel; write \"l’8 marzo\""),
    Check("TYPO102", W, "A straight apostrophe or quotation mark in a catalogue whose translations otherwise write typographic ones",
          f"{_IT}/press-release.po:83: TYPO102 straight apostrophe in nell'edificio; the catalogue writes ’ elsewhere (5 times): nell’edificio"),
    Check("TYPO103", W, "A space between a number and % where the language's CLDR percent format writes none",
          f"{_IT}/ui.po:61: TYPO103 space before % in \"80 %\"; write 80% (CLDR's percent format #,##0%)"),
)}


@dataclass(frozen=True)
class Problem:
    """What a check found in one entry or header field, before it is placed in a file."""

    code: str
    message: str
    line: int = 0  # 0: the line of the entry the check was given


@dataclass(frozen=True)
class Finding:
    """A problem placed in its catalogue: ``path:line: CODE message``."""

    path: str
    line: int
    code: str
    message: str

    @property
    def severity(self) -> Severity:
        return CHECKS[self.code].severity

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line, self.code, self.message)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path, "line": self.line, "code": self.code,
            "severity": self.severity.value, "message": self.message,
        }


def select_codes(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> frozenset[str]:
    """The codes to report: those matching ``select`` (all if empty) and not ``ignore``.

    Each item is a code or the start of one, case-insensitive; one that matches no code is
    a ValueError naming the families.
    """

    def matching(prefixes: Iterable[str]) -> set[str]:
        codes: set[str] = set()
        for prefix in prefixes:
            prefix = prefix.strip().upper()
            found = {code for code in CHECKS if code.startswith(prefix)} if prefix else set()
            if not found:
                families = ", ".join(sorted({code.rstrip("0123456789") for code in CHECKS}))
                raise ValueError(f"'{prefix}' is not a check code; codes start with {families} (see `i18ntool check --list-checks`)")
            codes |= found
        return codes

    select = list(select)
    selected = matching(select) if select else set(CHECKS)
    return frozenset(selected - matching(ignore))
