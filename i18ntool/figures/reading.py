"""Figures in a text, read the way each locale writes them, and compared across languages.

A press text and its translation must give the same figures, though not in the same form:
8,000 in English is 8.000 in Italian, 12.5% is 12,5%, $8,000 is 8.000 dollari, 8 March is
8 marzo. Everything a locale needs for this comes from Babel: decimal and group symbols
(``parse_decimal``), month names, the words for "percent", "thousand" and "million", and
currency symbols and names. ``extract`` finds the figures of a text, ``compare`` pairs the
figures of a source with those of its translation and returns what differs: a figure
missing, added, changed, or written in the source language's format (8,000 in Italian reads
as eight).

Kinds of figure: numbers (years included: 1910 has no grouping in any locale), percentages,
amounts of money, dates written with a month name (day and month; a year after them is a
number of its own) and times of day. Digits glued to letters (MP3, H2O, COVID-19) are names,
not figures; the caller leaves URLs, code and link targets out of the text.

Some figures are literal: identifiers (versions such as Python 3.10 or 2.4.1, section
numbers, RFC 9110, #1234, 1920x1080: see ``identifiers``), times and ISO dates. No locale
formats them, so a translation that writes one exactly as the source does is right, whatever
the digits would mean as a number in its language; one that writes the same value in its own
format is right too. A quantity written as the source writes it is still a finding where the
translation's locale reads it otherwise (1,000 in Italian is one).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from babel.dates import format_skeleton, format_time
from babel.numbers import (
    NumberFormatError,
    format_decimal,
    parse_decimal,
)
from babel.units import format_unit

from i18ntool.figures.locale_facts import Facts, facts_for
from i18ntool.figures.identifiers import Identifier, find_identifiers, literal_key

Value = Decimal | tuple[int, int]


_SPACES = "\u00a0\u202f\u2009"  # no-break, narrow no-break and thin spaces group digits too
_CANDIDATE = re.compile(rf"\d+(?:[.,{_SPACES}]\d+)*")
_TIME = re.compile(r"(?<![\d.,:])(\d{1,2})(?:([:.])(\d{2})(?![\d:]))?(?:\s?([ap])\.?m\.?(?!\w))?", re.IGNORECASE)
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_ORDINAL = re.compile(r"(?:st|nd|rd|th|º|ª|°)(?!\w)")
_CONNECTOR = re.compile(r"[\s\u00a0]+(?:di|of|de|d[’'])[\s\u00a0]*", re.IGNORECASE)
_GAP = re.compile(r"[\s\u00a0\u202f]?")
_WORD_GAP = re.compile(r"[\s\u00a0\u202f]+")
_NOT_AFTER_NUMBER = re.compile(r"[^\W\d_]")  # a letter: "4K", "3D" are names


@dataclass(frozen=True)
class Figure:
    """A figure as written (``text``) and what it means (``value``).

    ``value`` is a Decimal (numbers, percentages, amounts), (month, day) for dates or
    (hour, minute) for times; None when the digits are not a number in the text's locale
    (12.5 in Italian). ``currencies`` are the ISO codes an amount's unit can stand for:
    "$" is USD in English, "dollari" any dollar. A ``literal`` figure (identifier, time, ISO
    date) of a source is given by a figure written exactly alike, whatever it means there.
    """

    kind: str  # "number", "percent", "amount", "date", "time"
    text: str
    value: Value | None
    start: int = 0
    currencies: frozenset[str] = frozenset()
    digits: str = ""  # the number as written, without unit or scale word ("8.000")
    scale: int = 1  # what a scale word multiplies it by ("5 milioni": 1000000)
    literal: bool = False

    @property
    def key(self) -> str:
        """The figure as written, without the spaces that do not change it."""
        return literal_key(self.text)

    def read_as(self, locale: str) -> Figure:
        """The same figure with its digits read as ``locale`` writes numbers."""
        if not self.digits or self.kind in ("date", "time"):
            return self
        value = _parse(self.digits, facts_for(locale, ()))
        return dataclasses.replace(self, value=None if value is None else value * self.scale)

    def same(self, other: Figure) -> bool:
        """Whether ``other``, in a translation, gives this figure of the source."""
        if self.literal and self.key == other.key:
            return True
        if {self.kind, other.kind} == {"time", "number"}:
            # "alle 18" is "at 6 pm": an hour on its own is a number in the 24-hour clock.
            time_of_day, number = (self, other) if self.kind == "time" else (other, self)
            return time_of_day.value == (number.value, 0)
        if self.kind != other.kind:
            return False
        if self.value is None or other.value is None:
            return self.value is None and other.value is None and self.text == other.text
        if self.value != other.value:
            return False
        return self.kind != "amount" or bool(self.currencies & other.currencies)


@dataclass(frozen=True)
class FigureDifference:
    """How a translation's figures differ from its source's.

    ``kind`` is "missing" (only ``source``), "added" (only ``translation``), "changed" (both),
    or "format" (both: the translation writes the source's figure in the source
    language's format, which its own readers read differently).
    """

    kind: str
    source: Figure | None
    translation: Figure | None


def extract(text: str, locale: str, symbol_locales: Sequence[str] = ()) -> list[Figure]:
    """The figures of ``text`` as ``locale`` writes them, in order.

    Currency symbols are looked up in ``locale`` and in ``symbol_locales`` too, since a
    translation may keep the source's "$".
    """
    facts = facts_for(locale, tuple(symbol_locales))
    figures: list[Figure] = []
    taken = [False] * len(text)

    def take(start: int, end: int) -> None:
        taken[start:end] = [True] * (end - start)

    for match in _ISO_DATE.finditer(text):
        year, month, day = (int(part) for part in match.groups())
        if _valid_day(month, day):
            figures.append(Figure("date", match.group(), (month, day), match.start(), literal=True))
            figures.append(Figure("number", match.group(1), Decimal(year), match.start()))
            take(match.start(), match.end())
    identifiers = find_identifiers(text, functools.partial(_reads_as_number, facts=facts))

    def take_identifiers(certain: bool) -> None:
        for identifier in identifiers:
            if identifier.certain == certain and not any(taken[identifier.start : identifier.end]):
                if (figure := _identifier_figure(text, identifier, facts)) is not None:
                    figures.append(figure)
                    take(identifier.start, identifier.end)

    take_identifiers(certain=True)
    for match in _TIME.finditer(text):
        if any(taken[match.start() : match.end()]) or _glued(text, match.start(), match.end()):
            continue
        hour, separator, minute, meridiem = (
            int(match.group(1)),
            match.group(2),
            int(match.group(3) or 0),
            match.group(4),
        )
        if not separator and not meridiem:
            continue  # a number: "6 pm" is a time, "6" is not
        if separator == "." and not meridiem and _reads_as_number(match.group(0).strip(), facts):
            continue  # 12.50 in English is a number; 18.30 in Italian is a time
        if meridiem:
            hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
        if hour < 24 and minute < 60:
            figures.append(Figure("time", match.group(0).strip(), (hour, minute), match.start(), literal=True))
            take(match.start(), match.end())
    take_identifiers(certain=False)  # after times: "9.30, 12.30 e 18.30" are times in Italian
    for match in _CANDIDATE.finditer(text):
        start, end = match.start(), match.end()
        if any(taken[start:end]) or _glued(text, start, end):
            continue
        figure, end = _read_figure(text, start, end, facts)
        figures.append(figure)
        take(figure.start, end)
    return sorted(figures, key=lambda figure: figure.start)


def compare(source: str, source_locale: str, translation: str, locale: str) -> list[FigureDifference]:
    """What differs between the figures of ``source`` and those of its ``translation``."""
    both = (source_locale, locale)
    wanted = extract(source, source_locale, both)
    found = extract(translation, locale, both)
    unmatched_source = list(wanted)
    unmatched_translation: list[Figure] = []
    for figure in found:
        partner = next((candidate for candidate in unmatched_source if candidate.same(figure)), None)
        if partner is None:
            unmatched_translation.append(figure)
        else:
            unmatched_source.remove(partner)
    differences: list[FigureDifference] = []
    for figure in list(unmatched_translation):
        # Read in the source's locale, does it give a figure of the source? Then it is the
        # right figure in the wrong format: 8,000 in an Italian text reads as eight.
        # Or is it written exactly as the source writes a quantity, which reads otherwise here?
        reread = figure.read_as(source_locale)
        partner = next(
            (candidate for candidate in unmatched_source if candidate.same(reread) or candidate.key == figure.key),
            None,
        )
        if partner is not None:
            differences.append(FigureDifference("format", partner, figure))
            unmatched_source.remove(partner)
            unmatched_translation.remove(figure)
    for same_kind in (True, False):
        for figure in list(unmatched_source):
            partner = next((t for t in unmatched_translation if not same_kind or t.kind == figure.kind), None)
            if partner is not None:
                differences.append(FigureDifference("changed", figure, partner))
                unmatched_source.remove(figure)
                unmatched_translation.remove(partner)
    differences += [FigureDifference("missing", figure, None) for figure in unmatched_source]
    differences += [FigureDifference("added", None, figure) for figure in unmatched_translation]
    return differences


def written_as(figure: Figure, locale: str) -> str:
    """How ``locale`` writes the value of ``figure`` (without a currency unit), for hints."""
    value = figure.value
    if value is None or figure.literal and figure.kind == "number":
        return figure.text
    if isinstance(value, tuple):
        if figure.kind == "date":
            return format_skeleton("MMMMd", date(2000, *value), locale=locale)
        return format_time(time(*value), "short", locale=locale)
    number = format_decimal(value, locale=locale, decimal_quantization=False)
    if figure.kind == "percent":
        return format_unit(value, "percent", "short", locale=locale)
    return number


# -- reading one figure ----------------------------------------------------------------------


def _read_figure(text: str, start: int, end: int, facts: Facts) -> tuple[Figure, int]:
    """The figure whose digits are ``text[start:end]``, read with its context; and its end."""
    digits = text[start:end]
    value = _parse(digits, facts)
    position = _skip(_ORDINAL, text, end)
    if digits.isdigit() and 1 <= int(digits) <= 31:
        if month := facts.month_after.match(text, _skip(_WORD_GAP, text, position)):
            day_month = (facts.month_numbers[month.group(1).lower()], int(digits))
            if month.start() > position and _valid_day(*day_month):
                return Figure("date", text[start : month.end()], day_month, start), month.end()
        if month := facts.month_before.search(text, max(0, start - 16), start):
            day_month = (facts.month_numbers[month.group(1).lower()], int(digits))
            if _valid_day(*day_month):
                return Figure("date", text[month.start() : position], day_month, month.start()), position
    kind, currencies, written_start, scale_value = "number", frozenset[str](), start, 1
    if before := facts.symbol_before.search(text, max(0, start - 12), start):
        kind, currencies, written_start = "amount", facts.symbol_codes[before.group(1)], before.start()
    if percent := facts.percent.match(text, _skip(_GAP, text, position)):
        figure = Figure("percent", text[written_start : percent.end()], value, written_start, digits=digits)
        return figure, percent.end()
    scale = facts.scales.match(text, _skip(_WORD_GAP, text, position))
    if scale is not None and scale.start() > position and value is not None:
        scale_value = facts.scale_values[scale.group(1).lower()]
        value *= scale_value
        position = scale.end()
    if kind == "number":
        unit_at = _skip(_CONNECTOR, text, position) if scale is not None else position
        gap = _skip(_GAP, text, unit_at)
        if symbol := facts.symbol_after.match(text, gap):
            kind, currencies, position = "amount", facts.symbol_codes[symbol.group(1)], symbol.end()
        elif (word := facts.word_after.match(text, gap)) and word.start() > position:
            kind, currencies, position = "amount", facts.word_codes[word.group(1).lower()], word.end()
    figure = Figure(kind, text[written_start:position], value, written_start, currencies, digits, scale_value)
    return figure, position


def _identifier_figure(text: str, identifier: Identifier, facts: Facts) -> Figure | None:
    """``identifier`` as a literal figure; None if what surrounds its number makes that a
    quantity or a date after all ("Over 2.5 million", "ROME 8 March")."""
    if identifier.digits:
        start = identifier.end - len(identifier.digits)
        figure, _ = _read_figure(text, start, identifier.end, facts)
        if figure.kind != "number" or figure.scale != 1 or figure.start != start:
            return None
    value = _parse(identifier.digits, facts) if identifier.digits else None
    return Figure("number", identifier.text, value, identifier.start, digits=identifier.digits, literal=True)


def _skip(pattern: re.Pattern[str], text: str, position: int) -> int:
    """Where ``pattern`` matched at ``position`` ends, or ``position``."""
    match = pattern.match(text, position)
    return match.end() if match else position


def _parse(digits: str, facts: Facts) -> Decimal | None:
    for space in _SPACES:
        digits = digits.replace(space, facts.group)
    try:
        return parse_decimal(digits, locale=facts.locale, strict=True)
    except NumberFormatError:
        return None


def _reads_as_number(digits: str, facts: Facts) -> bool:
    return _parse(digits, facts) is not None


def _glued(text: str, start: int, end: int) -> bool:
    """Digits inside a word or name (MP3, H2O, 4K, #1, 24/7, COVID-19, v.2): not a figure.

    Letters may follow for an ordinal (8th, 2ª), a decade (1910s) or a time (6pm).
    """
    before = text[start - 1] if start else ""
    if before and (before.isalpha() or before in "_#/\\"):
        return True
    if before in "-." and start > 1 and text[start - 2].isalpha():
        return True  # COVID-19, in-4.0, C.0.0
    after = text[end : end + 3]
    if not _NOT_AFTER_NUMBER.match(after):
        return False
    return not (
        _ORDINAL.match(after) or after[0] in "sSaApP" and not after[1:2].isalpha() or after[:2].lower() in ("am", "pm")
    )


def _valid_day(month: int, day: int) -> bool:
    try:
        date(2000, month, day)  # a leap year, so 29 February is a date
    except ValueError:
        return False
    return True
