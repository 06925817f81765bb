"""Italian typography in translations: the TYPO findings of `i18ntool check`.

Three rules, run on catalogues whose target language is Italian, each a finding to fix by
hand (a press text's wording is the translator's, so nothing is rewritten):

- an article or preposition written in full before a number read with a vowel: "il 8
  marzo" for "l’8 marzo" (the rule is ``italian.unelided``'s);
- a straight apostrophe or quotation mark in a catalogue whose translations otherwise
  write typographic ones (’ “ ” « »): consistency within a catalogue, judged by majority,
  so a catalogue written with straight ones throughout gives no finding;
- a space between a number and % where the language's CLDR percent format writes none
  (Babel: Italian ``#,##0%``, so "80 %" for "80%"; French's ``#,##0 %`` wants the space).

The texts given are what a reader sees (``markup.read_inline(...).plain``, with URLs and
other kept items masked): inline code, link targets and raw HTML are not typography.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from babel import Locale

from i18ntool.italian import TYPOGRAPHIC_APOSTROPHE, unelided
from i18ntool.checks.codes import Check, IT, WARNING, Problem

_OPENING_CLOSING = {"“": "”", "«": "»"}
_TYPOGRAPHIC_QUOTES = "“”«»„"
_STRAIGHT_APOSTROPHE = re.compile(r"[^\W_]*'[^\W_]*")
_STRAIGHT_QUOTED = re.compile(r'"([^"\n]*)"|"')
_SPACED_PERCENT = re.compile(r"(\d(?:[\d.,]*\d)?)([^\S\n]+)%")


@dataclass(frozen=True)
class QuoteStyle:
    """How a catalogue's translations write apostrophes and double quotation marks."""

    straight_apostrophes: int = 0
    typographic_apostrophes: int = 0
    straight_quotes: int = 0
    typographic_quotes: int = 0
    guillemets: int = 0  # of the typographic quotes, « and »

    @property
    def apostrophe(self) -> str:
        """The apostrophe to suggest: typographic unless the catalogue writes straight ones."""
        return "'" if self.straight_apostrophes > self.typographic_apostrophes else TYPOGRAPHIC_APOSTROPHE

    @property
    def quotes(self) -> tuple[str, str]:
        """The typographic quotation marks the catalogue writes most: “ ” or « »."""
        return ("«", "»") if self.guillemets * 2 > self.typographic_quotes else ("“", "”")


@dataclass(frozen=True)
class TypographyDifference:
    """A place where a translation's typography departs from the rules: ``kind`` is
    "elision", "apostrophe", "quotes" or "percent"; ``written`` what the text has,
    ``suggested`` what to write, ``detail`` what the message needs besides."""

    kind: str
    written: str
    suggested: str
    detail: str = ""


def applies_to(language: str) -> bool:
    return Locale.parse(language).language == "it"


def quote_style(texts: Iterable[str]) -> QuoteStyle:
    """The style of a catalogue, from the texts of all its translations in force."""
    counts = [0, 0, 0, 0, 0]
    for text in texts:
        counts[0] += text.count("'")
        counts[1] += text.count(TYPOGRAPHIC_APOSTROPHE)
        counts[2] += text.count('"')
        counts[3] += sum(text.count(mark) for mark in _TYPOGRAPHIC_QUOTES)
        counts[4] += text.count("«") + text.count("»")
    return QuoteStyle(*counts)


def compare(text: str, language: str, style: QuoteStyle) -> list[TypographyDifference]:
    """What ``text``, a translation into ``language`` in a catalogue of ``style``, should write otherwise."""
    differences = [
        TypographyDifference("elision", found.written + found.following, found.elided + found.following)
        for found in unelided(text, style.apostrophe)
    ]
    if style.typographic_apostrophes > style.straight_apostrophes:
        differences += [
            TypographyDifference(
                "apostrophe",
                match.group(),
                match.group().replace("'", TYPOGRAPHIC_APOSTROPHE),
                str(style.typographic_apostrophes),
            )
            for match in _STRAIGHT_APOSTROPHE.finditer(text)
        ]
    if style.typographic_quotes > style.straight_quotes:
        opening, closing = style.quotes
        for match in _STRAIGHT_QUOTED.finditer(text):
            inside = match.group(1)
            suggested = f"{opening}{inside}{closing}" if inside is not None else f"{opening} or {closing}"
            differences.append(TypographyDifference("quotes", match.group(), suggested, str(style.typographic_quotes)))
    pattern = Locale.parse(language).percent_formats[None].pattern
    if not re.search(r"\s%", pattern):
        differences += [
            TypographyDifference("percent", match.group(), f"{match.group(1)}%", pattern)
            for match in _SPACED_PERCENT.finditer(text)
        ]
    return differences


# -- the checks of this family: their codes, and the problems they report ----------------

CHECKS: tuple[Check, ...] = (
    Check(
        "TYPO101",
        WARNING,
        "An article or preposition is written in full before a number read with a vowel (il 8 for l’8)",
        f'{IT}/historical-background.po:101: TYPO101 "il 8 marzo": the article elides before a number read with a vowel; write "l’8 marzo"',
    ),
    Check(
        "TYPO102",
        WARNING,
        "A straight apostrophe or quotation mark in a catalogue whose translations otherwise write typographic ones",
        f"{IT}/press-release.po:83: TYPO102 straight apostrophe in nell'edificio; the catalogue writes ’ elsewhere (5 times): nell’edificio",
    ),
    Check(
        "TYPO103",
        WARNING,
        "A space between a number and % where the language's CLDR percent format writes none",
        f'{IT}/ui.po:61: TYPO103 space before % in "80 %"; write 80% (CLDR\'s percent format #,##0%)',
    ),
)


def typography_problems(differences: Iterable[TypographyDifference]) -> list[Problem]:
    problems = []
    for difference in differences:
        written, suggested = difference.written, difference.suggested
        if difference.kind == "elision":
            problems.append(
                Problem(
                    "TYPO101",
                    f'"{written}": the article elides before a number read with a vowel; write "{suggested}"',
                )
            )
        elif difference.kind == "apostrophe":
            problems.append(
                Problem(
                    "TYPO102",
                    f"straight apostrophe in {written}; the catalogue writes ’ elsewhere ({difference.detail} times): {suggested}",
                )
            )
        elif difference.kind == "quotes":
            problems.append(
                Problem(
                    "TYPO102",
                    f"straight quotation marks {written}; the catalogue writes typographic ones elsewhere "
                    f"({difference.detail} times): {suggested}",
                )
            )
        else:
            problems.append(
                Problem(
                    "TYPO103",
                    f'space before % in "{written}"; write {suggested} (CLDR\'s percent format {difference.detail})',
                )
            )
    return problems
