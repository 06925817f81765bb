"""``localised_tokens`` parses each block's inline text once (its translation's, or else the
source's): its tokens are those of parsing every source block and then each translation over it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest
from markdown_it.token import Token

from i18ntool.documents import load_documents
from i18ntool.outputs import localised
from i18ntool.outputs.localised import LocalisedText, localise, localised_tokens
from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.project import find_project
from tests.conftest import REPOSITORY


def parsed_twice(text: LocalisedText) -> list[Token]:
    """The tokens as first written: every source block parsed, then its translation over it."""
    env: dict[str, Any] = {}
    tokens = localised._BLOCKS.parse(text.document.markdown_body, env)
    body: dict[int, list[str | None]] = defaultdict(list)
    copied = (localised._COPIED,) * len(text.document.copied)
    for segment, translation in sorted(
        zip((*text.document.segments, *text.document.copied), (*text.translations, *copied), strict=True),
        key=lambda pair: pair[0].span.start,
    ):
        if not segment.kind.startswith("front matter: "):
            body[segment.line].append(translation)
    inline_by_line: dict[int, list[int]] = defaultdict(list)
    for index, token in enumerate(tokens):
        if token.type == "inline":
            if token.map is not None and token.content:
                inline_by_line[token.map[0] + 1].append(index)
            token.children = localised._inline(token.content, env)
    for line, indices in inline_by_line.items():
        translations = body.get(line, [])
        if len(translations) != len(indices):
            continue
        for index, translation in zip(indices, translations, strict=True):
            if translation is localised._COPIED:
                continue
            if translation is not None:
                tokens[index].children = localised._inline(translation, env)
            elif not text.is_source:
                localised._mark(tokens, index, localised.html_language(text.document.language))
    return [token for token in tokens if token.type != "html_block"]


def texts() -> list[LocalisedText]:
    project = find_project(REPOSITORY)
    found = []
    for document in load_documents(project):
        for language in project.languages:
            path = project.catalogue_path(language, document.id)
            catalogue = read_catalogue(path) if path.exists() and language != document.language else None
            found.append(localise(document, language, catalogue))
            if catalogue is not None:  # and with every other translation dropped, to fall back
                dropped = tuple(t if i % 2 else None for i, t in enumerate(found[-1].translations))
                found.append(LocalisedText(document, language, dropped, found[-1].completeness))
    return found


@pytest.mark.parametrize("text", texts(), ids=lambda text: f"{text.document.id}-{text.language}")
def test_each_block_parsed_once_gives_the_same_tokens(text: LocalisedText) -> None:
    assert [token.as_dict() for token in localised_tokens(text)] == [token.as_dict() for token in parsed_twice(text)]


def test_the_texts_compared_hold_translations_and_fallbacks_in_both_languages() -> None:
    assert {text.language for text in texts() if text.fallbacks} == {"en", "it"}
    assert {text.language for text in texts() if any(text.translations)} == {"en", "it"}
