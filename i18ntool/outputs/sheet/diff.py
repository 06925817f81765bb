"""A word-level diff of two texts: what a translator reads to see how a source text changed.

The texts are cut into words, figures (``8,000`` and ``12.5`` whole, so that a changed
amount shows as one figure replaced), single punctuation marks and runs of white space, and
compared with ``difflib``. White space never anchors a match, and a space between two
changes is taken into both, so that a rewritten clause reads as one deleted and one inserted
run rather than word-by-word alternation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|\s+|[^\w\s]")

Kind = Literal["same", "deleted", "inserted"]


@dataclass(frozen=True)
class Piece:
    """A run of text that both texts share, or that only the old or only the new one has."""

    kind: Kind
    text: str


def words(text: str) -> list[str]:
    """``text`` as the diff compares it; the pieces join back to ``text``."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """The pieces that turn ``old`` into ``new``: the same ones, and deleted and inserted runs
    (a deleted run before the inserted one that replaces it)."""
    before, after = words(old), words(new)
    matcher = SequenceMatcher(lambda token: token.isspace(), before, after, autojunk=False)
    raw: list[Piece] = []
    for tag, start, end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            raw.append(Piece("same", "".join(before[start:end])))
            continue
        if end > start:
            raw.append(Piece("deleted", "".join(before[start:end])))
        if new_end > new_start:
            raw.append(Piece("inserted", "".join(after[new_start:new_end])))
    return _grouped(raw)


def _grouped(raw: list[Piece]) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    index = 0
    while index < len(raw):
        if raw[index].kind == "same":
            pieces.append(raw[index])
            index += 1
            continue
        deleted: list[str] = []
        inserted: list[str] = []
        while index < len(raw):
            piece = raw[index]
            if piece.kind == "deleted":
                deleted.append(piece.text)
            elif piece.kind == "inserted":
                inserted.append(piece.text)
            elif piece.text.isspace() and index + 1 < len(raw):
                deleted.append(piece.text)  # a space between two changes belongs to both
                inserted.append(piece.text)
            else:
                break
            index += 1
        pieces += [Piece("deleted", "".join(deleted))] if deleted else []
        pieces += [Piece("inserted", "".join(inserted))] if inserted else []
    return tuple(pieces)


def old_text(pieces: tuple[Piece, ...]) -> str:
    return "".join(piece.text for piece in pieces if piece.kind != "inserted")


def new_text(pieces: tuple[Piece, ...]) -> str:
    return "".join(piece.text for piece in pieces if piece.kind != "deleted")
