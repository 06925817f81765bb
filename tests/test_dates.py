"""Dates in each locale's long format, with the Italian first of the month as an ordinal."""

from __future__ import annotations

import datetime

import pytest

from i18ntool.outputs.dates import long_date


@pytest.mark.parametrize(
    ("date", "locale", "expected"),
    [
        pytest.param(datetime.date(2023, 3, 8), "it", "8 marzo 2023", id="it"),
        pytest.param(datetime.date(2023, 3, 1), "it", "1º marzo 2023", id="it-first-is-ordinal"),
        pytest.param(datetime.date(2023, 3, 1), "it_CH", "1º marzo 2023", id="it-CH-first"),
        pytest.param(datetime.date(2023, 3, 10), "it", "10 marzo 2023", id="it-tenth-is-cardinal"),
        pytest.param(datetime.date(2023, 3, 21), "it", "21 marzo 2023", id="it-twenty-first-is-cardinal"),
        pytest.param(datetime.date(2023, 3, 1), "en_GB", "1 March 2023", id="en-GB-first"),
        pytest.param(datetime.date(2023, 3, 1), "en", "March 1, 2023", id="en-first"),
        pytest.param(datetime.date(2023, 3, 1), "de", "1. März 2023", id="de-first"),
    ],
)
def test_long_date(date: datetime.date, locale: str, expected: str) -> None:
    assert long_date(date, locale) == expected
