"""A quick reader for the PO files most runs read: those laid out as msgcat and i18ntool write.

The strict reader (``catalogue._Parser``) checks every rule msgfmt checks and names the line
of any error; at 100,000 entries it took 3 s of a 30 s `update`. Most files it reads are
plain: entries of comments, ``#|`` previous texts, ``msgctxt``, ``msgid`` and ``msgstr``
with one quoted string per line and the usual escapes. ``quick_entries`` reads exactly those,
with the strict reader's meaning, and gives up (returns None) at the first line that is
anything else: obsolete or plural entries, ``#=`` flags, other escapes, several strings on a
line, a string on the line after its keyword, anything out of order. The strict reader then
reads the whole file, and reports its errors; so a file read here is read as the strict
reader reads it (tests/test_catalogue.py holds the two together on generated files).
"""

from __future__ import annotations

import re
from typing import Any

_BODY = r'([^"\\]*(?:\\[nt"\\][^"\\]*)*)'  # no quote but in an escape (unrolled: fast)
_STRING = re.compile(f'"{_BODY}"')
_KEYWORD = re.compile(f'(msgctxt|msgid|msgstr) "{_BODY}"')
_ESCAPE = re.compile(r'\\[nt"\\]')
_ESCAPES = {"\\n": "\n", "\\t": "\t", '\\"': '"', "\\\\": "\\"}


def _decoded(body: str) -> str:
    return _ESCAPE.sub(lambda escape: _ESCAPES[escape[0]], body) if "\\" in body else body


class _GiveUp(Exception):
    """A line the quick reader leaves to the strict one."""


def quick_entries(text: str) -> list[dict[str, Any]] | None:
    """The entries of ``text`` in file order, each as the keyword arguments of a ``Message``
    (its ``line`` included), or None if the file is not one this reader takes."""
    try:
        return _Entries().read(text)
    except _GiveUp:
        return None


class _Entries:
    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []
        self._new()

    def _new(self) -> None:
        self.fields: dict[str, str] = {}
        self.previous: dict[str, str] = {}
        self.translator: list[str] = []
        self.extracted: list[str] = []
        self.references: list[str] = []
        self.flags: list[str] = []
        self.current: str | None = None  # the field a string line continues
        self.current_previous: str | None = None  # the previous field a "#|" string continues
        self.msgid_line = 0

    def read(self, text: str) -> list[dict[str, Any]]:
        for number, raw in enumerate(text.split("\n"), start=1):
            line = raw.strip()
            if not line:
                continue
            first = line[0]
            if first == '"':
                match = _STRING.fullmatch(line)
                if match is None or self.current is None:
                    raise _GiveUp
                self.fields[self.current] += _decoded(match[1])
            elif first == "#":
                self._comment(line)
            else:
                self._keyword(line, number)
        self._finish()
        return self.entries

    def _starting(self) -> None:
        """A comment or keyword that opens an entry closes the one before it."""
        if "msgstr" in self.fields:
            self._finish()

    def _comment(self, line: str) -> None:
        marker = line[1:2]
        if marker == "~" or marker == "=":
            raise _GiveUp
        self._starting()
        if self.fields:
            raise _GiveUp  # a comment inside an entry: an error the strict reader reports
        self.current = None
        if marker == "|":
            self._previous(line[2:].strip())
            return
        self.current_previous = None
        body = line[2:].strip()
        if marker == ".":
            self.extracted.append(body)
        elif marker == ":":
            self.references.extend(body.split())
        elif marker == ",":
            self.flags.extend(flag.strip() for flag in body.split(",") if flag.strip())
        else:
            comment = line[2:] if marker == " " else line[1:]
            if comment.startswith("| msgid"):
                raise _GiveUp  # perhaps Babel's previous text, which the strict reader reads as one
            self.translator.append(comment)

    def _previous(self, rest: str) -> None:
        if rest.startswith('"'):
            match = _STRING.fullmatch(rest)
            if match is None or self.current_previous is None:
                raise _GiveUp
            self.previous[self.current_previous] += _decoded(match[1])
            return
        match = _KEYWORD.fullmatch(rest)
        if match is None or match[1] == "msgstr":
            raise _GiveUp
        self.previous[match[1]] = _decoded(match[2])
        self.current_previous = match[1]

    def _keyword(self, line: str, number: int) -> None:
        match = _KEYWORD.fullmatch(line)
        if match is None:
            raise _GiveUp
        keyword, value = match[1], _decoded(match[2])
        if keyword != "msgstr":
            self._starting()
            if "msgid" in self.fields or (keyword == "msgctxt" and "msgctxt" in self.fields):
                raise _GiveUp
            if keyword == "msgid":
                self.msgid_line = number
        elif "msgid" not in self.fields or "msgstr" in self.fields:
            raise _GiveUp
        self.fields[keyword] = value
        self.current = keyword
        self.current_previous = None

    def _finish(self) -> None:
        if not self.fields:
            if self.translator or self.extracted or self.references or self.flags or self.previous:
                raise _GiveUp  # comments without an entry
            return
        if "msgid" not in self.fields or "msgstr" not in self.fields:
            raise _GiveUp
        self.entries.append(
            dict(
                msgid=self.fields["msgid"],
                msgstr=self.fields["msgstr"],
                msgctxt=self.fields.get("msgctxt"),
                flags=tuple(self.flags),
                translator_comments=tuple(self.translator),
                extracted_comments=tuple(self.extracted),
                references=tuple(self.references),
                previous_msgctxt=self.previous.get("msgctxt"),
                previous_msgid=self.previous.get("msgid"),
                previous_msgid_plural=None,
                line=self.msgid_line,
            )
        )
        self._new()
