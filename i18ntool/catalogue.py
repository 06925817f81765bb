"""Catalogues in memory, and reading and writing them as PO files.

This is the one module that imports polib: polib parses, and its entries are turned at once
into the frozen values below. Writing does not go through polib's writer, whose line
wrapping and header order differ from GNU gettext's; ``poformat`` lays a catalogue out
exactly as ``msgcat`` would, so that translators' diffs stay small.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """One PO entry. ``msgstr_plural`` is used instead of ``msgstr`` when ``msgid_plural`` is set."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    translator_comments: tuple[str, ...] = ()  # "# " lines, without the "# "
    extracted_comments: tuple[str, ...] = ()  # "#. " lines, without the "#. "
    references: tuple[str, ...] = ()  # "path:line" items of "#: " lines
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = 0  # line of the msgid keyword in the file it was read from; 0 if new

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    def replace(self, **changes: object) -> Message:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Catalogue:
    """A whole PO file: the header entry and the messages in file order.

    ``header_fields`` keeps the header's "Key: value" lines in their order; ``header_comments``
    are the translator comment lines above it (without "# "), ``header_flags`` its flags.
    """

    header_fields: tuple[tuple[str, str], ...] = ()
    header_comments: tuple[str, ...] = ()
    header_flags: tuple[str, ...] = ()
    messages: tuple[Message, ...] = ()

    def header(self, name: str) -> str | None:
        for key, value in self.header_fields:
            if key.lower() == name.lower():
                return value
        return None

    def replace(self, **changes: object) -> Catalogue:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]
