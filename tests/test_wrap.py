"""The plain text's word wrapping is ``textwrap.wrap``'s (no word cut, none at hyphens), its
common case taken without textwrap's general rules."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18ntool.outputs.text import wrap_words

WORDS = st.text(alphabet=st.sampled_from("ab-è\u00a0\x00 \t\n\r\x0b\x0c\u3000"), max_size=40)


@given(st.lists(WORDS, max_size=30).map(" ".join), st.integers(min_value=1, max_value=30))
def test_wrapping_is_textwraps(text: str, width: int) -> None:
    assert wrap_words(text, width) == textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "word",
        "a b",
        "a  b c",
        " leading and trailing ",
        "averyveryverylongwordthatdoesnotfit then short",
        "short then averyveryverylongwordthatdoesnotfit",
        "exactly ten and more",
        "https://example.com/a/very/long/address/that/never/breaks\x00[1] and words",
    ],
)
def test_wrapping_cases(text: str) -> None:
    for width in (1, 5, 10, 20, 72):
        assert wrap_words(text, width) == textwrap.wrap(
            text, width=width, break_long_words=False, break_on_hyphens=False
        )
