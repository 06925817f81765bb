"""A source text in one language: what is translated, what falls back, and how complete it is.

``localise`` pairs every segment of a document with its translation from the language's
catalogue, or with nothing, in which case the source text stays (it *falls back*). A
translation is used when its entry is translated or reviewed (``status.state_of``), and a
fuzzy one only on request. ``Completeness`` is the one definition of "how much of this
document is translated" that publishing is gated on: entries of the document's current
template (so a paragraph added since the last `update` counts as missing) whose state is
done; fuzzy counts only when fuzzy translations are used.

``localised_tokens`` gives the renderers the text as Markdown tokens: the block structure of
the *source* (a translation cannot open a block, so cannot change the page's structure),
each block's inline Markdown from its translation, parsed with only a few harmless inline
HTML elements kept (``inline_html``: ``<br>``, ``<sub>``, ``<sup>``...; any other raw HTML is
text) and only safe link schemes, and each block that fell back marked with the source's ``lang``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18ntool.outputs.completeness import FULL, Completeness
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.outputs.inline_html import allow_inline_html, is_line_break
from i18ntool.markdown.segmenting import Document, render
from i18ntool.markdown.spans import Segment
from i18ntool.po.states import State, state_of

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.\-]*):")
_FRONT_MATTER = "front matter: "
_COPIED = "\x00copied"  # stands for the text of a block with no words, in localised_tokens


@dataclass(frozen=True)
class LocalisedText:
    """A document as shown in ``language``: one translation or ``None`` per segment."""

    document: Document
    language: str
    translations: tuple[str | None, ...]
    completeness: Completeness

    @property
    def is_source(self) -> bool:
        return self.language == self.document.language

    @property
    def fallbacks(self) -> tuple[Segment, ...]:
        """Segments shown in the source language in a translated text."""
        if self.is_source:
            return ()
        return tuple(s for s, t in zip(self.document.segments, self.translations, strict=True) if t is None)

    def translate(self) -> Callable[[Segment], str | None]:
        chosen = dict(zip(self.document.segments, self.translations, strict=True))
        return lambda segment: chosen.get(segment)

    def markdown(self) -> str:
        """The translated Markdown; in the source language, the source text itself."""
        if self.is_source:
            return self.document.text
        return render(self.document, self.translate(), self.language)

    def value(self, key: str) -> tuple[str | None, bool]:
        """A front-matter value as shown, and whether it fell back to the source language."""
        for segment, translation in zip(self.document.segments, self.translations, strict=True):
            if segment.kind == _FRONT_MATTER + key:
                return (translation or segment.text), (translation is None and not self.is_source)
        value = self.document.metadata.get(key)
        return (value.strip() or None if isinstance(value, str) else None), False


def localise(
    document: Document, language: str, catalogue: Catalogue | None, *, include_fuzzy: bool = False
) -> LocalisedText:
    """``document`` in ``language`` with the translations of ``catalogue`` (``None``: no catalogue)."""
    if language == document.language:
        none: tuple[str | None, ...] = (None,) * len(document.segments)
        return LocalisedText(document, language, none, FULL)
    messages = {m.key: m for m in catalogue.messages if not m.obsolete} if catalogue is not None else {}
    usable = {State.TRANSLATED, State.REVIEWED} | ({State.FUZZY} if include_fuzzy else set())

    def translation(message: Message | None) -> str | None:
        if message is None or state_of(message) not in usable:
            return None
        return message.msgstr_plural[0] if message.msgid_plural is not None else message.msgstr

    translations = tuple(translation(messages.get((s.context, s.text))) for s in document.segments)
    # One state for each entry of the document's template: each distinct (context, text).
    states = [
        state_of(messages[key]) if key in messages else State.UNTRANSLATED
        for key in dict.fromkeys((segment.context, segment.text) for segment in document.segments)
    ]
    completeness = Completeness(
        entries=len(states),
        translated=sum(state.done for state in states),
        fuzzy=states.count(State.FUZZY),
        untranslated=states.count(State.UNTRANSLATED),
        fuzzy_counts=include_fuzzy,
    )
    return LocalisedText(document, language, translations, completeness)


# -- Markdown tokens ---------------------------------------------------------------------------


def html_language(language: str) -> str:
    """A Babel language code as HTML's ``lang`` writes it (BCP 47): ``pt_BR`` -> ``pt-BR``."""
    return language.replace("_", "-")


def safe_link(url: str) -> bool:
    """Links and images may point at the web, mail or phone numbers, or at relative paths."""
    match = _SCHEME.match(url)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


# The block structure comes from the same parser settings and the same text as segmenting's
# (raw HTML on, ``Document.markdown_body``), so that blocks and segments line up; inline text
# is parsed with raw HTML on, then every tag but the few harmless ones becomes text.
_BLOCKS = MarkdownIt("commonmark").enable("table").disable("inline")
INLINE = MarkdownIt("commonmark").enable("table")
INLINE.validateLink = safe_link  # type: ignore[method-assign]


def localised_tokens(text: LocalisedText) -> list[Token]:
    """The document's block tokens with translated inline content and fallbacks marked.

    Front matter and raw HTML blocks (comments, directives, markup) are left out: a page
    holds no raw HTML block from any source, and inline only the few elements of ``inline_html``.
    """
    env: dict[str, Any] = {}
    tokens = _BLOCKS.parse(text.document.markdown_body, env)
    body: dict[int, list[tuple[Segment, str | None]]] = defaultdict(list)
    copied = (_COPIED,) * len(text.document.copied)
    for segment, translation in sorted(
        zip((*text.document.segments, *text.document.copied), (*text.translations, *copied), strict=True),
        key=lambda pair: pair[0].span.start,
    ):
        if not segment.kind.startswith(_FRONT_MATTER):
            body[segment.line].append((segment, translation))
    inline_by_line: dict[int, list[int]] = defaultdict(list)
    for index, token in enumerate(tokens):
        if token.type == "inline" and token.map is not None and token.content:
            inline_by_line[token.map[0] + 1].append(index)
    # Each block's inline text is parsed once: its translation's, or else the source's.
    shown: dict[int, str] = {}
    fell_back: list[int] = []
    for line, indices in inline_by_line.items():
        pairs = body.get(line, [])
        if len(pairs) != len(indices):
            continue  # a block the segmenter skipped (a directive said so): the source stays
        for index, (_, translation) in zip(indices, pairs, strict=True):
            if translation is _COPIED:
                continue  # no words to translate: the source's text is every language's
            if translation is not None:
                shown[index] = translation
            elif not text.is_source:
                fell_back.append(index)
    for index, token in enumerate(tokens):
        if token.type == "inline":
            token.children = _inline(shown.get(index, token.content), env)
    language = html_language(text.document.language)
    for index in fell_back:
        _mark(tokens, index, language)
    return [token for token in tokens if token.type != "html_block"]


def split_headline(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """The text's headline (a first-level heading that opens it), and the rest."""
    if len(tokens) >= 3 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        return tokens[:3], tokens[3:]
    return [], tokens


def inline_tokens(value: str) -> list[Token]:
    """A translatable front-matter value (``title``, ``summary``) as inline Markdown tokens.

    Front-matter values are inline Markdown like any paragraph (``*Leaving the Factory*``
    wins), parsed as the text's inline content is: no raw HTML but the few elements of
    ``inline_html``, safe links only.
    """
    return _inline(value, {})


def inline_plain(value: str) -> str:
    """The words of a front-matter value without its Markdown, for ``<title>``, a meta
    description, a plain-text title or sorting."""
    return plain_text(inline_tokens(value))


def plain_text(tokens: list[Token]) -> str:
    """The words of inline tokens (and their children), without markup."""
    words: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            words.append(token.content)
        elif token.type in ("softbreak", "hardbreak") or is_line_break(token):
            words.append(" ")
        elif token.children:
            words.append(plain_text(token.children))
    return "".join(words)


def _inline(content: str, env: dict[str, Any]) -> list[Token]:
    parsed = INLINE.parseInline(content, env)
    return allow_inline_html(list(parsed[0].children or [])) if parsed else []


def _mark(tokens: list[Token], index: int, language: str) -> None:
    """Mark the block of the inline token at ``index`` as written in ``language``."""
    level = tokens[index].level - 1
    opening = next(t for t in reversed(tokens[:index]) if t.nesting == 1 and t.level == level)
    if not opening.hidden:
        opening.attrSet("lang", language)
        return
    # A paragraph of a tight list item has no element of its own: wrap its text instead.
    children = tokens[index].children or []
    start = Token("html_inline", "", 0, content=f'<span lang="{language}">')
    tokens[index].children = [start, *children, Token("html_inline", "", 0, content="</span>")]
