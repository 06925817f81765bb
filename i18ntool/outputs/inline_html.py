"""Which inline HTML of a text a built page keeps: a few harmless elements, nothing else.

A press text may write ``H<sub>2</sub>O``, ``1<sup>st</sup>`` or a line break as ``<br>``.
Those elements, and a few more that only change how text looks (``b``, ``i``, ``em``,
``strong``, ``small``, ``mark``, ``s``, ``u``, ``wbr``), are kept when written bare: no
attribute, so no event handler, style or address can come with them. A paired element is
kept only with its closing tag in the same span of text (the same emphasis, link or
block), so that an unclosed ``<b>`` cannot run on into the rest of the page. Every other
tag, comment or declaration becomes text, escaped as any text is: ``<script>`` shows as
``<script>`` and runs nothing.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

VOID = frozenset({"br", "wbr"})
PAIRED = frozenset({"b", "i", "em", "strong", "small", "mark", "s", "u", "sub", "sup"})
_BARE_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\s*(/?)>\Z")


def allow_inline_html(tokens: list[Token]) -> list[Token]:
    """``tokens`` (inline children parsed with raw HTML on) with the allowed tags normalised
    (``<BR/>`` is ``<br>``) and every other piece of raw HTML turned into text."""
    kept: dict[int, str] = {}
    opened: list[tuple[str, int, int]] = []  # name, level, index of each tag still open
    for index, token in enumerate(tokens):
        if token.nesting == -1:  # an emphasis or link closes: what opened inside it stays unpaired
            opened = [tag for tag in opened if tag[1] <= token.level]
            continue
        match = _BARE_TAG.match(token.content) if token.type == "html_inline" else None
        if match is None:
            continue
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in VOID and not closing:
            kept[index] = f"<{name}>"
        elif name in PAIRED and not self_closing:
            if not closing:
                opened.append((name, token.level, index))
            elif opened and opened[-1][:2] == (name, token.level):
                kept[opened.pop()[2]] = f"<{name}>"
                kept[index] = f"</{name}>"
    return [
        token.copy(content=kept[index])
        if index in kept
        else Token("text", "", 0, content=token.content)
        if token.type == "html_inline"
        else token
        for index, token in enumerate(tokens)
    ]


def is_line_break(token: Token) -> bool:
    """Whether ``token`` is a kept ``<br>``, which plain text writes as a line break."""
    return token.type == "html_inline" and token.content == "<br>"
