"""What a locale says about writing figures, from Babel's data: its group symbol, month names,
the words for percent and for thousand or million, currency symbols and names."""

from __future__ import annotations

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.dates import get_month_names
from babel.numbers import (
    get_currency_name,
    get_group_symbol,
    get_territory_currencies,
)
from babel.units import format_unit


Value = Decimal | tuple[int, int]


@dataclass(frozen=True)
class Facts:
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


@functools.lru_cache(maxsize=32)
def facts_for(locale: str, symbol_locales: tuple[str, ...]) -> Facts:
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
    return Facts(
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
