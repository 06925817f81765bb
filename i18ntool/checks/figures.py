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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from babel import Locale
from babel.dates import format_skeleton, format_time, get_month_names
from babel.numbers import (
    NumberFormatError,
    format_decimal,
    get_currency_name,
    get_group_symbol,
    get_territory_currencies,
    parse_decimal,
)
from babel.units import format_unit

from i18ntool.checks.identifiers import Identifier, find_identifiers, literal_key
from i18ntool.checks.codes import Check, ERROR, IT, WARNING, Problem

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
        value = _parse(self.digits, _facts(locale, ()))
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
    facts = _facts(locale, tuple(symbol_locales))
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


@dataclass(frozen=True)
class _Facts:
    """What one locale (plus the currency symbols of others) says about writing figures."""

    locale: str
    group: str
    month_after: re.Pattern[str]  # "8 marzo": a month name where a day's number ends
    month_before: re.Pattern[str]  # "March 8": a month name just before a day's number
    month_numbers: dict[str, int]
    percent: re.Pattern[str]
    scales: re.Pattern[str]
    scale_values: dict[str, int]
    symbol_before: re.Pattern[str]
    symbol_after: re.Pattern[str]
    word_after: re.Pattern[str]
    symbol_codes: dict[str, frozenset[str]]
    word_codes: dict[str, frozenset[str]]


def _read_figure(text: str, start: int, end: int, facts: _Facts) -> tuple[Figure, int]:
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


def _identifier_figure(text: str, identifier: Identifier, facts: _Facts) -> Figure | None:
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


def _parse(digits: str, facts: _Facts) -> Decimal | None:
    for space in _SPACES:
        digits = digits.replace(space, facts.group)
    try:
        return parse_decimal(digits, locale=facts.locale, strict=True)
    except NumberFormatError:
        return None


def _reads_as_number(digits: str, facts: _Facts) -> bool:
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


@functools.lru_cache(maxsize=32)
def _facts(locale: str, symbol_locales: tuple[str, ...]) -> _Facts:
    months = _month_names(locale)
    scales = _scale_words(locale)
    for other in symbol_locales:  # a translation may keep "8 March" or "5 million" as written
        for name, number in _month_names(other).items():
            months.setdefault(name, number)
        for word, value in _scale_words(other).items():
            scales.setdefault(word, value)
    percent_words = {"%"}
    for length in ("long", "short"):
        word = format_unit(1, "percent", length, locale=locale).replace("1", "", 1).strip()
        if word.replace(" ", "").isalpha():
            percent_words.add(word)
            if word.startswith("per") and len(word) > 4 and " " not in word:
                percent_words.add("per " + word[3:])  # "per cent", "per cento" are written too
    symbols: dict[str, set[str]] = {}
    for other in (locale, *symbol_locales):
        for code, symbol in Locale.parse(other).currency_symbols.items():
            symbols.setdefault(symbol, set()).add(code)
            symbols.setdefault(code, set()).add(code)
    words = _currency_words(locale)
    symbol_pattern = _alternatives(symbols)
    return _Facts(
        locale=locale,
        group=get_group_symbol(locale),
        month_after=re.compile(rf"({_alternatives(months)})(?!\w)"),
        month_before=re.compile(rf"(?<!\w)({_alternatives(months)})[\s\u00a0]+$"),
        month_numbers={name.lower(): number for name, number in months.items()},
        percent=re.compile(rf"({_alternatives(percent_words)})(?!\w)", re.IGNORECASE),
        scales=re.compile(rf"({_alternatives(scales)})(?!\w)", re.IGNORECASE),
        scale_values={word.lower(): value for word, value in scales.items()},
        symbol_before=re.compile(rf"(?<![\w$€£¥])({symbol_pattern})[\s\u00a0\u202f]?$"),
        symbol_after=re.compile(rf"({symbol_pattern})(?![\w$€£¥])"),
        word_after=re.compile(rf"({_alternatives(words)})(?![\w'’])", re.IGNORECASE),  # not "won't"
        symbol_codes={symbol: frozenset(codes) for symbol, codes in symbols.items()},
        word_codes={word: frozenset(codes) for word, codes in words.items()},
    )


def _month_names(locale: str) -> dict[str, int]:
    """Month names as a text may write them: Babel's full names (as given, capitalised or in
    capitals) and abbreviations followed by a full stop ("8 Sept." but not "3 set", sets)."""
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("wide", context, locale).items():
            for form in (name, name.capitalize(), name.upper()):
                names[form] = number
        for number, name in get_month_names("abbreviated", context, locale).items():
            name = name.rstrip(".")
            for form in (name, name.capitalize(), name.upper()):
                names.setdefault(form + ".", number)
    return names


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _scale_words(locale: str) -> dict[str, int]:
    """Words such as "thousand", "mila", "milioni" and what they multiply by, from Babel's
    long compact number formats ("0 mila" for 1000 in Italian)."""
    scales: dict[str, int] = {}
    formats = Locale.parse(locale).compact_decimal_formats.get("long", {})
    for patterns in formats.values():
        for magnitude, pattern in patterns.items():
            pattern_text = getattr(pattern, "pattern", str(pattern))
            zeros = pattern_text.count("0")
            word = pattern_text.replace("0", "").strip()
            if zeros and word and not any(char in word for char in "¤%'"):
                scales.setdefault(word, int(magnitude) // 10 ** (zeros - 1))
    return scales


@functools.lru_cache(maxsize=16)
def _currency_words(locale: str) -> dict[str, set[str]]:
    """The nouns of currency names ("dollari", "dollars", "euro") and the codes they can mean.

    A currency's name is a noun and words that qualify it ("dollari statunitensi", "US
    dollars", "dinaro del Bahrein"). Where the noun stands is the language's habit: first in
    Italian, last in English; the place where the words that several names share stand more
    often says which. A noun is a unit when more than one currency has it ("dollari" is any
    dollar) or when it is a name by itself ("euro"); so "statunitensi" is not a unit, nor
    "del" ("nel 2023 del festival" is a year), nor "nuovo", which qualifies "dollaro" in
    "nuovo dollaro taiwanese" ("3 nuovi progetti" is a number). Only currencies in use
    today count: Babel also names those of the past and units such as "oro" (gold).
    """
    names: dict[str, list[list[str]]] = {}
    for code in _currencies_in_use():
        for count in (1, 2):
            name = get_currency_name(code, count, locale).lower()
            if name != code.lower():  # no name in this language
                names.setdefault(code, []).append(re.findall(r"[^\W\d_]+", name))
    sharing: dict[str, set[str]] = {}
    for code, forms in names.items():
        for words in forms:
            for word in words:
                sharing.setdefault(word, set()).add(code)
    several = [words for forms in names.values() for words in forms if len(words) > 1]
    first = sum(len(sharing[words[0]]) > 1 for words in several)
    last = sum(len(sharing[words[-1]]) > 1 for words in several)
    place = 0 if first > last else -1
    nouns: dict[str, set[str]] = {}
    alone: set[str] = set()
    for code, forms in names.items():
        for words in forms:
            if words:
                nouns.setdefault(words[place], set()).add(code)
                if len(words) == 1:
                    alone.add(words[0])
    units = {noun: codes for noun, codes in nouns.items() if len(codes) > 1 or noun in alone}
    qualifying = {
        words[index]
        for forms in names.values()
        for words in forms
        for index in range(len(words) - 1)
        if words[index + 1] in units
    }
    return {noun: codes for noun, codes in units.items() if noun not in qualifying}


@functools.cache
def _currencies_in_use() -> frozenset[str]:
    """The currencies legal tender somewhere today, as Babel's data says."""
    codes: set[str] = set()
    for territory in Locale.parse("en").territories:
        codes.update(get_territory_currencies(str(territory), tender=True))
    return frozenset(codes)


# -- the checks of this family: their codes, and the problems they report ----------------

CHECKS: tuple[Check, ...] = (
    Check(
        "NUM101",
        ERROR,
        "A figure of the source (number, percentage, amount, date) is missing",
        f"{IT}/festivals.po:92: NUM101 figure $8,000 of the source is missing (8.000 in Italian)",
    ),
    Check(
        "NUM102",
        WARNING,
        "The translation has a figure that the source does not",
        f"{IT}/historical-background.po:86: NUM102 figure 25 marzo is not in the source; check it or remove it",
    ),
    Check(
        "NUM103",
        ERROR,
        "A figure differs from the source's",
        f"{IT}/russo-brothers-award.po:28: NUM103 figure 8.500 dollari differs from the source's $8,000 (8.000 in Italian)",
    ),
    Check(
        "NUM104",
        ERROR,
        "A figure is written in the source language's format, which reads differently here",
        f"{IT}/russo-brothers-award.po:55: NUM104 1,000 reads as 1 in Italian; the source's 1,000 is written 1.000",
    ),
)


def figure_problems(differences: Iterable[FigureDifference], language: str) -> list[Problem]:
    name = _language_name(language)

    def hint(source: Figure) -> str:
        if source.literal and source.kind == "number":  # an identifier: Python 3.10, RFC 9110
            return "; keep it as written"
        return f" ({written_as(source, language)} in {name})"

    problems = []
    for difference in differences:
        source, translation = difference.source, difference.translation
        if difference.kind == "missing" and source is not None:
            problems.append(Problem("NUM101", f"figure {source.text} of the source is missing{hint(source)}"))
        elif difference.kind == "added" and translation is not None:
            problems.append(Problem("NUM102", f"figure {translation.text} is not in the source; check it or remove it"))
        elif difference.kind == "changed" and source is not None and translation is not None:
            problems.append(
                Problem("NUM103", f"figure {translation.text} differs from the source's {source.text}{hint(source)}")
            )
        elif source is not None and translation is not None:
            read = translation.read_as(language)
            reads = "is not a number" if read.value is None else f"reads as {written_as(read, language)}"
            problems.append(
                Problem(
                    "NUM104",
                    f"{translation.text} {reads} in {name}; the source's {source.text} is written "
                    f"{written_as(source, language)}",
                )
            )
    return problems


def _language_name(language: str) -> str:
    return Locale.parse(language).english_name or language
