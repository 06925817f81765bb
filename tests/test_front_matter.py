"""The front matter is read once: its values are made from the nodes that give their positions,
and are those PyYAML's own ``load`` gives, merge keys and aliases included."""

from __future__ import annotations

import datetime

import pytest
import yaml

from i18ntool.errors import ContentError
from i18ntool.markdown.front_matter import _FrontMatterLoader
from i18ntool.markdown.segmenting import parse_document


@pytest.mark.parametrize(
    "front_matter",
    [
        pytest.param("title: T\nsummary: S\ndate: 2023-03-08\n", id="plain"),
        pytest.param("base: &b\n  x: 1\n  y: [1, 2]\nother:\n  <<: *b\n  x: 2\ntitle: T\n", id="merge-key"),
        pytest.param("list: &l [a, b]\nagain: *l\ntitle: 'It''s'\n", id="alias"),
        pytest.param("deep:\n  - <<: [{a: 1}, {b: 2}]\n    c: 3\ntitle: T\n", id="merge-in-a-sequence"),
        pytest.param("values:\n  =: 1\n  x: 2\ntitle: T\n", id="value-key"),
        pytest.param("title: |\n  Two\n  lines\nsummary: >\n  folded\n  text\n", id="block-scalars"),
    ],
)
def test_values_are_those_yaml_load_gives(front_matter: str) -> None:
    document = parse_document(
        f"---\n{front_matter}---\n\nText.\n",
        document_id="x",
        source="content/x.md",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )
    expected = yaml.load(front_matter, Loader=_FrontMatterLoader)  # noqa: S506 (a SafeLoader)
    if isinstance(expected.get("date"), str):
        expected["date"] = datetime.date.fromisoformat(expected["date"])
    assert document.metadata == expected
    for segment in document.segments[:-1]:
        assert document.text[segment.span.start : segment.span.end].strip("'\n") in front_matter


def test_a_control_character_is_refused_with_its_line() -> None:
    with pytest.raises(ContentError, match=r"content/x.md:2: front matter is not valid YAML: .*#x0008"):
        parse_document(
            "---\ntitle: \x08\n---\n\nText.\n",
            document_id="x",
            source="content/x.md",
            default_language="en",
            languages=("en", "it"),
            translatable_keys=("title", "summary"),
        )
