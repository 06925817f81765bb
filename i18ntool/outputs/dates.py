"""Dates as the pages and plain texts write them: each locale's long format, from Babel.

One exception to CLDR: Italian reads the first of the month as an ordinal ("il primo
marzo"), and its press writes it so, "1º marzo 2023" (Treccani's *Enciclopedia
dell’Italiano*, "date"), where CLDR's pattern gives "1 marzo 2023". The day is given the
ordinal indicator º (U+00BA), the character for it, rather than the look-alike degree sign.
"""

from __future__ import annotations

import datetime
import re

from babel import Locale
from babel.dates import format_date, get_date_format

ORDINAL_INDICATOR = "º"
_QUOTED = re.compile(r"('(?:[^']|'')*')")  # literal text in a CLDR pattern
_DAY = re.compile(r"(?<!d)d(?!d)")  # the day of the month without a leading zero


def long_date(date: datetime.date, locale: str) -> str:
    """``date`` in ``locale``'s long format: "8 March 2023", "8 marzo 2023", "1º marzo 2023"."""
    pattern = get_date_format("long", locale=locale).pattern
    if date.day == 1 and Locale.parse(locale).language == "it":
        pattern = _ordinal_day(pattern)
    return format_date(date, pattern, locale=locale)


def _ordinal_day(pattern: str) -> str:
    """``pattern`` with the ordinal indicator after the day: ``d MMMM y`` -> ``d'º' MMMM y``."""
    parts = _QUOTED.split(pattern)
    return "".join(part if index % 2 else _DAY.sub(f"d'{ORDINAL_INDICATOR}'", part) for index, part in enumerate(parts))
