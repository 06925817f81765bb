"""Front matter is read once for its node tree and its values; that gives what reading it
twice (``yaml.compose`` and ``yaml.load``) gives, marks and errors included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from i18ntool.markdown import front_matter

ROOT = Path(__file__).resolve().parent.parent
KIT = [path.read_text(encoding="utf-8").split("---\n")[1] for path in sorted((ROOT / "content").glob("*.md"))]
TEXTS = [
    *KIT,
    "",
    "# only a comment\n",
    "title: Plain\nsummary: >\n  folded\n  text\ndate: 2024-02-30\n",
    "base: &b {a: 1, b: [x, y]}\nother: *b\nlist:\n  - one\n  - {k: v}\n",
    "base: &b {a: 1}\nmerged:\n  <<: *b\n  c: 2\n",
    "just a scalar\n",
    "- a\n- b\n",
    "title: 'quoted: yes'\nn: 12\nf: 1.5\nt: true\nnull: ~\n",
    "title: [unclosed\n",
    "a: b: c\n",
    "key: value\nkey: again\n",
    "x: !!python/object:os.system echo\n",
    "date: !!timestamp 2024-01-01\n",
]


def tree(node: yaml.Node | None) -> Any:
    """A node's tag, style, value and marks, all the way down."""
    if node is None:
        return None
    marks = (node.start_mark.index, node.end_mark.index, node.start_mark.line)
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.style, node.value, marks)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [tree(item) for item in node.value], marks)
    return (node.tag, [(tree(key), tree(value)) for key, value in node.value], marks)


def twice(text: str) -> Any:
    try:
        node = yaml.compose(text, Loader=front_matter._FrontMatterLoader)
        return tree(node), yaml.load(text, Loader=front_matter._FrontMatterLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as error:
        return str(error)


def once(text: str) -> Any:
    try:
        node, values = front_matter._compose_and_load(text)
        return tree(node), values
    except yaml.YAMLError as error:
        return str(error)


@pytest.mark.parametrize("text", TEXTS)
def test_front_matter_read_once_is_what_reading_it_twice_gives(text: str) -> None:
    assert once(text) == twice(text)
