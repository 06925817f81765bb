"""A fuzzer over the readers of user input: the catalogue reader, the front matter reader and
the segmenter. Whatever the bytes, the only exception that may escape is i18ntool's own error,
naming the file and the line; anything else would reach a user as a traceback.

Inputs are the project's own files with random edits (bytes cut, repeated or replaced with
fragments of PO, YAML and Markdown syntax, or with random bytes), and random text. The CI
profile tries a few hundred of each; ``I18NTOOL_PROFILE=long`` tries many thousands.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from i18ntool.po.catalogue import parse_catalogue
from i18ntool.errors import I18nToolError
from i18ntool.markdown.segmenting import parse_document
from tests.conftest import REPOSITORY, profile

CATALOGUES = sorted((REPOSITORY / "locales").rglob("*.po*"))
SOURCES = sorted((REPOSITORY / "content").glob("*.md")) + sorted((REPOSITORY / "tests/golden").rglob("source.md"))

PO_FRAGMENTS = [
    b'msgid "',
    b'msgstr "',
    b"msgstr[1] ",
    b"msgid_plural ",
    b'msgctxt ""',
    b"#~ ",
    b"#| ",
    b"#, fuzzy",
    b"#=",
    b"#: ",
    b"#. ",
    b'"\n"',
    b"\\",
    b"\\x",
    b"\\0",
    b"\\777",
    b"\\u00e9",
    b'"',
    b"\n",
    b"\r\n",
    b"\t",
    b"charset=",
    b"charset=UTF-16",
    b"Plural-Forms: nplurals=3; plural=(n>1);",
    b"\xef\xbb\xbf",
    b"\x00",
    b"\xff",
]
MARKDOWN_FRAGMENTS = [
    b"---\n",
    b"\n---\n",
    b"title: ",
    b"lang: it\n",
    b"lang: ",
    b"date: 2023-02-30",
    b"date: 2023-04-12 25:61:00",
    b"date: ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!!python/object ",
    b"!!binary ",
    b"? ",
    b": ",
    b"- ",
    b"> ",
    b"# ",
    b"1. ",
    b"```",
    b"    ",
    b"| a | b |\n|---|---|\n",
    b"<!-- i18n: skip -->",
    b"<!-- i18n: note x -->",
    b"<!-- i18n: context x -->",
    b"<div>",
    b"[x]: /y",
    b"*",
    b"_",
    b"`",
    b"\\",
    b"\r",
    b"\t",
    b"\xef\xbb\xbf",
    b"\x00",
    b"\xff",
    b"\n",
    "\u2028".encode(),
]


def mutated(seeds: list[Path], fragments: list[bytes]) -> st.SearchStrategy[bytes]:
    """A seed file with up to eight edits: a slice cut, repeated, or replaced."""
    edit = st.tuples(
        st.floats(0, 1),
        st.integers(0, 40),
        st.one_of(st.sampled_from(fragments), st.binary(max_size=8)),
        st.integers(1, 3),
    )

    def apply(seed: bytes, edits: list[tuple[float, int, bytes, int]]) -> bytes:
        for where, cut, insert, times in edits:
            at = int(where * len(seed))
            seed = seed[:at] + insert * times + seed[at + cut :]
        return seed

    return st.builds(apply, st.sampled_from(seeds).map(Path.read_bytes), st.lists(edit, max_size=8))


def assert_own_error_with_line(error: I18nToolError, name: str) -> None:
    assert str(error.path) == name, error
    assert error.line is not None and error.line >= 1, error


@settings(
    max_examples=profile(300, 20000),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.one_of(mutated(CATALOGUES, PO_FRAGMENTS), st.binary(max_size=300)))
def test_the_catalogue_reader_raises_only_its_own_errors_with_a_line(data: bytes) -> None:
    try:
        parse_catalogue(data, "x.po")
    except I18nToolError as error:
        assert_own_error_with_line(error, "x.po")


def segment(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")  # read_document refuses invalid UTF-8 before this
    parse_document(
        text,
        document_id="x",
        source="content/x.md",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )


@settings(
    max_examples=profile(300, 20000),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.one_of(mutated(SOURCES, MARKDOWN_FRAGMENTS), st.binary(max_size=300)))
def test_the_front_matter_reader_and_segmenter_raise_only_their_own_errors_with_a_line(data: bytes) -> None:
    try:
        segment(data)
    except I18nToolError as error:
        assert_own_error_with_line(error, "content/x.md")


front_matter_values = st.recursive(
    st.one_of(
        st.text(max_size=10),
        st.integers(),
        st.floats(allow_nan=True),
        st.booleans(),
        st.none(),
        st.sampled_from(["2023-02-30", "2023-04-12T25:00:00", "0000-01-01", "9999-12-31", "~", "!!binary AA=="]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=profile(200, 10000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["title", "summary", "lang", "date", "other", ""]), front_matter_values, max_size=4
    ),
    st.sampled_from(["json", "yaml-ish"]),
)
def test_front_matter_of_any_shape_is_read_or_refused_with_a_line(values: dict[str, object], style: str) -> None:
    import json

    if style == "json":  # YAML reads JSON: nested values of every type
        body = "\n".join(f"{json.dumps(key)}: {json.dumps(value)}" for key, value in values.items())
    else:
        body = "\n".join(f"{key}: {value}" for key, value in values.items())
    try:
        segment(f"---\n{body}\n---\n\n# Heading\n\nText.\n".encode())
    except I18nToolError as error:
        assert_own_error_with_line(error, "content/x.md")
