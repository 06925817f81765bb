"""Catalogues in memory, and reading them strictly from PO files.

Catalogues are frozen values (``Catalogue``, ``Message``); this module reads them strictly,
with the line of every error. Writing is ``writer``'s, in ``layout``'s layout: exactly the one
``msgcat`` gives, so that translators' diffs stay small.
"""

from __future__ import annotations

import codecs
import dataclasses
import operator
import re
from dataclasses import dataclass
from typing import Any

from i18ntool.errors import CatalogueError
from i18ntool.po.quick_reader import quick_entries


@dataclass(frozen=True, slots=True, init=False)
class Message:
    """One PO entry. ``msgstr_plural`` is used instead of ``msgstr`` when ``msgid_plural`` is set."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # every flag, from "#," and "#=" lines alike
    # The flags that stood on a "#=" line (gettext's manual, "Evolution of the PO File
    # Format"): written back there, the others on the "#," line.
    equals_line_flags: tuple[str, ...] = ()
    translator_comments: tuple[str, ...] = ()  # "# " lines, without the "# "
    extracted_comments: tuple[str, ...] = ()  # "#. " lines, without the "#. "
    references: tuple[str, ...] = ()  # "path:line" items of "#: " lines
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    # Line of the msgid keyword in the file it was read from (0 if new); not part of the
    # value, so that a catalogue read back equals the one that was written.
    line: int = dataclasses.field(default=0, compare=False)

    def __init__(
        self,
        msgid: str,
        msgstr: str = "",
        msgctxt: str | None = None,
        msgid_plural: str | None = None,
        msgstr_plural: tuple[str, ...] = (),
        flags: tuple[str, ...] = (),
        equals_line_flags: tuple[str, ...] = (),
        translator_comments: tuple[str, ...] = (),
        extracted_comments: tuple[str, ...] = (),
        references: tuple[str, ...] = (),
        previous_msgctxt: str | None = None,
        previous_msgid: str | None = None,
        previous_msgid_plural: str | None = None,
        obsolete: bool = False,
        line: int = 0,
    ) -> None:
        """Each field set through its slot, one line each: the __init__ that dataclass writes
        for a frozen class calls ``object.__setattr__`` for each field, and catalogues of
        100,000 entries are made (read, merged, sent from a worker) several times in a run
        (about half the time an entry)."""
        _SET_MSGID(self, msgid)
        _SET_MSGSTR(self, msgstr)
        _SET_MSGCTXT(self, msgctxt)
        _SET_MSGID_PLURAL(self, msgid_plural)
        _SET_MSGSTR_PLURAL(self, msgstr_plural)
        _SET_FLAGS(self, flags)
        _SET_EQUALS_LINE_FLAGS(self, equals_line_flags)
        _SET_TRANSLATOR_COMMENTS(self, translator_comments)
        _SET_EXTRACTED_COMMENTS(self, extracted_comments)
        _SET_REFERENCES(self, references)
        _SET_PREVIOUS_MSGCTXT(self, previous_msgctxt)
        _SET_PREVIOUS_MSGID(self, previous_msgid)
        _SET_PREVIOUS_MSGID_PLURAL(self, previous_msgid_plural)
        _SET_OBSOLETE(self, obsolete)
        _SET_LINE(self, line)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    def replace(self, **changes: object) -> Message:
        """This message with ``changes``: ``dataclasses.replace``, without its walk through
        every field's options."""
        values = list(_MESSAGE_FIELDS(self))
        for name, value in changes.items():
            if (number := _FIELD_NUMBERS.get(name)) is None:
                raise TypeError(f"Message has no field {name!r}")
            values[number] = value
        return Message(*values)

    def __reduce__(self) -> tuple[type[Message], tuple[object, ...]]:
        """Pickled as the class and its fields in order: a catalogue sent from a worker
        process (``update`` reads a large one so) unpickles in half the time of the default,
        which goes through ``copyreg`` for each entry."""
        return (Message, _MESSAGE_FIELDS(self))


_MESSAGE_FIELDS = operator.attrgetter(*(field.name for field in dataclasses.fields(Message)))
_FIELD_NUMBERS = {field.name: number for number, field in enumerate(dataclasses.fields(Message))}
(
    _SET_MSGID,
    _SET_MSGSTR,
    _SET_MSGCTXT,
    _SET_MSGID_PLURAL,
    _SET_MSGSTR_PLURAL,
    _SET_FLAGS,
    _SET_EQUALS_LINE_FLAGS,
    _SET_TRANSLATOR_COMMENTS,
    _SET_EXTRACTED_COMMENTS,
    _SET_REFERENCES,
    _SET_PREVIOUS_MSGCTXT,
    _SET_PREVIOUS_MSGID,
    _SET_PREVIOUS_MSGID_PLURAL,
    _SET_OBSOLETE,
    _SET_LINE,
) = (getattr(Message, field.name).__set__ for field in dataclasses.fields(Message))


@dataclass(frozen=True, slots=True)
class Catalogue:
    """A whole PO file: the header entry and the messages in file order.

    ``header_fields`` keeps the header's "Key: value" lines in their order; ``header_comments``
    are the translator comment lines above it (without "# "), ``header_flags`` its flags.
    """

    header_fields: tuple[tuple[str, str], ...] = ()
    header_comments: tuple[str, ...] = ()
    header_flags: tuple[str, ...] = ()
    messages: tuple[Message, ...] = ()
    # Line of the header's msgid keyword in the file it was read from (0: no header entry);
    # not part of the value, like ``Message.line``.
    header_line: int = dataclasses.field(default=0, compare=False)

    def header(self, name: str) -> str | None:
        for key, value in self.header_fields:
            if key.lower() == name.lower():
                return value
        return None

    def replace(self, **changes: object) -> Catalogue:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


# -- reading ---------------------------------------------------------------------------------
#
# The reader is strict in the way msgfmt is: an unterminated string, an unknown escape, a
# keyword out of place, a missing msgstr or a duplicate entry is an error with the line, as
# ``locales/it/LC_MESSAGES/x.po:42: ...``. polib's parser was not enough here: it reads an
# unterminated string as an empty catalogue and accepts unknown escapes and a msgid_plural
# without msgstr[N], so a broken file would pass for an empty or wrong one.

_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "?": "?",
}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?(?=[\s\"]|$)")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_BABEL_PREVIOUS = re.compile(r'\| (?:(?P<keyword>msgctxt|msgid_plural|msgid)\s+)?(?P<rest>".*)')
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)")
# A catalogue is text: gettext's strings end at a NUL, so msgfmt keeps only what comes before
# it ("b\0c" compiles to "b"), and a NUL that reached a page would be there in its title.
_NUL = "a NUL character, where gettext would cut the string short; remove it"


def parse_catalogue(data: bytes, name: str) -> Catalogue:
    """Parse the bytes of a PO file. Errors name ``name`` and the line."""
    if data.startswith(b"\xef\xbb\xbf"):
        # msgfmt refuses it ("syntax error" on line 1), and so do we: as strict as gettext.
        raise CatalogueError(
            "the file starts with a byte order mark, which msgfmt refuses; save it as UTF-8 without one", name, 1
        )
    match = _CHARSET.search(data)
    charset = _charset_of(match)
    try:
        codecs.lookup(charset)
    except LookupError:
        line = data[: match.start()].count(b"\n") + 1 if match else None
        raise CatalogueError(f"unknown charset '{charset}' in Content-Type; use UTF-8", name, line) from None
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogueError(f"invalid {charset} byte sequence; save the file as {charset}", name, line) from None
    # The text is all that is read from here on: where the caller keeps no reference to the
    # bytes either, they go now rather than with the model (42 MiB at 100,000 entries). The
    # match holds them too.
    del data, match
    if "\x00" in text:
        raise CatalogueError(f"the file holds {_NUL}", name, text.count("\n", 0, text.index("\x00")) + 1)
    return catalogue_of_text(text, name)


def declared_charset(data: bytes) -> str:
    """The charset a PO file's bytes are read in (as :func:`parse_catalogue` reads them)."""
    return _charset_of(_CHARSET.search(data))


def _charset_of(match: re.Match[bytes] | None) -> str:
    """The charset the first ``charset=`` names; UTF-8 where there is none or a fresh
    template's placeholder."""
    charset = match.group(1).decode("ascii") if match else "UTF-8"
    return "UTF-8" if charset.upper() == "CHARSET" else charset  # the placeholder of a fresh template


def catalogue_of_text(text: str, name: str) -> Catalogue:
    """The catalogue of a PO file's text, decoded (:func:`parse_catalogue`)."""
    quick = _read_quickly(text, name)
    return quick if quick is not None else _Parser(name).parse(text)


def _read_quickly(text: str, name: str) -> Catalogue | None:
    """``text`` read by the quick reader, checked as the strict reader checks a whole file;
    None if the quick reader leaves the file to the strict one."""
    entries = quick_entries(text)
    if entries is None:
        return None
    parser = _Parser(name)
    parser.messages = [
        Message(
            msgid,
            msgstr,
            msgctxt,
            flags=flags,
            translator_comments=translator,
            extracted_comments=extracted,
            references=references,
            previous_msgctxt=previous_msgctxt,
            previous_msgid=previous_msgid,
            line=line,
        )
        for msgid, msgstr, msgctxt, flags, translator, extracted, references, previous_msgctxt, previous_msgid, line in entries
    ]
    if parser.messages and _is_header(parser.messages[0]):
        parser.header = parser.messages.pop(0)
    return parser._catalogue()


def _is_header(message: Message) -> bool:
    return message.msgid == "" and message.msgctxt is None and not message.obsolete


class _Parser:
    """A line-by-line reader of PO syntax, one entry at a time."""

    def __init__(self, name: str):
        self.name = name
        self.messages: list[Message] = []
        self.header: Message | None = None
        self._reset()

    def _reset(self) -> None:
        self.awaiting = 0  # line of a keyword still waiting for its string
        self.fields: dict[str, Any] = {}
        self.translator: list[str] = []
        self.extracted: list[str] = []
        self.references: list[str] = []
        self.flags: list[str] = []
        self.equals_line_flags: list[str] = []
        self.previous: dict[str, str] = {}
        self.current: tuple[str, str | int] | None = None  # the field continuation lines add to
        self.obsolete: bool | None = None
        self.start_line = 0
        self.msgid_line = 0

    def fail(self, message: str, line: int) -> CatalogueError:
        return CatalogueError(message, self.name, line)

    def parse(self, text: str) -> Catalogue:
        for number, raw in enumerate(text.split("\n"), start=1):
            line = raw.removesuffix("\r")
            stripped = line.strip()
            if not stripped:
                continue
            obsolete = stripped.startswith("#~")
            if obsolete:
                # "#~ msgid ..." is an obsolete field, "#~| msgid ..." an obsolete previous one.
                stripped = "#" + stripped[2:] if stripped.startswith("#~|") else stripped[2:].lstrip()
                if not stripped:
                    continue
            if stripped.startswith("#|"):
                self._previous(stripped[2:].strip(), number, obsolete)
            elif stripped.startswith("#"):
                self._comment(stripped, number)
            else:
                self._keyword_or_string(stripped, number, obsolete)
        self._finish(len(text.split("\n")))
        return self._catalogue()

    def _starting(self, number: int) -> None:
        """A comment or keyword that opens a new entry closes the one before it."""
        if "msgstr" in self.fields or "msgstr_plural" in self.fields:
            self._finish(number)
        if not self.start_line:
            self.start_line = number

    def _comment(self, comment: str, number: int) -> None:
        self._expect_string()
        self._starting(number)
        if self.fields:
            raise self.fail("comment in the middle of an entry; move it above the entry's msgctxt or msgid", number)
        marker, body = comment[1:2], comment[2:].strip()
        if marker == ".":
            self.extracted.append(body)
        elif marker == ":":
            self.references.extend(body.split())
        elif marker and marker in ",=":  # a bare "#" is an empty translator comment, as msgcat keeps it
            # "#=" lines carry flags as "#," lines do, from June 2025 on (gettext's manual).
            flags = [flag.strip() for flag in body.split(",") if flag.strip()]
            self.flags.extend(flags)
            if marker == "=":
                self.equals_line_flags.extend(flags)
        else:
            self.translator.append(comment[2:] if marker == " " else comment[1:])

    def _previous_from_babel(self, number: int) -> None:
        """Babel's writer turns "#| msgid" lines into translator comments "# | msgid": read them
        as the previous text they are, so that `update` writes them back as "#|". Babel also
        wraps long comments, which cuts its quoted strings; such lines stay comments."""
        if self.previous or not any(comment.startswith("| msgid") for comment in self.translator):
            return
        previous: dict[str, str] = {}
        keyword = None
        kept = []
        try:
            for comment in self.translator:
                match = _BABEL_PREVIOUS.fullmatch(comment)
                if match is None:
                    kept.append(comment)
                    keyword = None
                    continue
                if match["keyword"]:
                    keyword = match["keyword"]
                    previous[keyword] = ""
                if keyword is None:
                    return
                previous[keyword] += self._string(match["rest"].strip(), number)
        except CatalogueError:
            return
        self.previous, self.translator = previous, kept

    def _previous(self, rest: str, number: int, obsolete: bool) -> None:
        self._starting(number)
        if self.fields:
            raise self.fail("'#|' line in the middle of an entry; move it above the entry's msgid", number)
        if rest.startswith('"'):
            if self.current is None or self.current[0] != "previous":
                raise self.fail(
                    "'#|' string without a keyword before it; start the previous text with '#| msgid'", number
                )
            key = str(self.current[1])
            self.previous[key] += self._string(rest, number)
            return
        self._expect_string()
        match = _KEYWORD.match(rest)
        if not match or match.group(1) == "msgstr":
            raise self.fail(
                "'#|' lines hold only msgctxt, msgid and msgid_plural; delete this line or fix its keyword", number
            )
        keyword = match.group(1)
        self.previous[keyword] = self._string(rest[match.end() :].strip(), number)
        self.current = ("previous", keyword)

    def _keyword_or_string(self, line: str, number: int, obsolete: bool) -> None:
        if line.startswith('"'):
            if self.current is None or self.current[0] == "previous":
                raise self.fail(
                    "string without a keyword before it; put it under a msgid, msgstr or msgctxt line, or delete it",
                    number,
                )
            self._check_obsolete(obsolete, number)
            value = self._string(line, number)
            field, index = self.current
            if field == "msgstr_plural":
                self.fields["msgstr_plural"][index] += value
            else:
                self.fields[field] += value
            return
        self._expect_string()
        match = _KEYWORD.match(line)
        if not match:
            word = line.split()[0]
            raise self.fail(f"unknown keyword '{word}'; entries use msgctxt, msgid, msgid_plural and msgstr", number)
        keyword, index = match.group(1), match.group(2)
        if keyword in ("msgctxt", "msgid"):
            self._starting(number)
        self._check_obsolete(obsolete, number)
        value = self._string(line[match.end() :].strip(), number)
        if keyword == "msgctxt":
            if "msgctxt" in self.fields or "msgid" in self.fields:
                raise self.fail("msgctxt must come before msgid, once; keep one msgctxt, above the msgid", number)
            self.fields["msgctxt"] = value
            self.current = ("msgctxt", 0)
        elif keyword == "msgid":
            if "msgid" in self.fields:
                raise self.fail('entry has no msgstr; add msgstr "" after its msgid', self.msgid_line)
            self.fields["msgid"] = value
            self.msgid_line = number
            self.current = ("msgid", 0)
        elif keyword == "msgid_plural":
            if "msgid" not in self.fields or "msgid_plural" in self.fields or "msgstr" in self.fields:
                raise self.fail(
                    "msgid_plural must follow msgid, once; keep one msgid_plural, right after the msgid", number
                )
            self.fields["msgid_plural"] = value
            self.current = ("msgid_plural", 0)
        elif index is None:
            if "msgid" not in self.fields:
                raise self.fail("msgstr without a msgid before it; add the msgid above it", number)
            if "msgid_plural" in self.fields:
                raise self.fail("an entry with msgid_plural needs msgstr[0], msgstr[1]... instead of msgstr", number)
            if "msgstr" in self.fields or "msgstr_plural" in self.fields:
                raise self.fail(
                    "second msgstr in one entry; delete one, or start a new entry with its own msgid", number
                )
            self.fields["msgstr"] = value
            self.current = ("msgstr", 0)
        else:
            if "msgid_plural" not in self.fields:
                raise self.fail(f"msgstr[{index}] in an entry without msgid_plural; use msgstr", number)
            forms = self.fields.setdefault("msgstr_plural", [])
            if int(index) != len(forms):
                raise self.fail(
                    f"msgstr[{index}] out of order; expected msgstr[{len(forms)}]: number the forms from msgstr[0], in order",
                    number,
                )
            forms.append(value)
            self.current = ("msgstr_plural", int(index))

    def _check_obsolete(self, obsolete: bool, number: int) -> None:
        if self.obsolete is None:
            self.obsolete = obsolete
        elif self.obsolete != obsolete:
            raise self.fail(
                "entry mixes obsolete ('#~') and active lines; start every line of the entry with '#~', or none", number
            )

    def _string(self, text: str, number: int) -> str:
        """The value of the quoted PO strings on a line, escapes decoded and joined.

        Like msgfmt, this takes several strings on one line (``msgstr "a" "b"``) and a keyword
        whose string starts on the next line; ``_expect_string`` checks that one does.
        """
        if not text:
            self.awaiting = number
            return ""
        self.awaiting = 0
        value: list[str] = []
        position = 0
        while True:
            match = _STRING.match(text, position)
            if match is None:
                if text.startswith('"', position):
                    raise self.fail("unterminated string; close the quote opened on this line", number)
                raise self.fail("expected a quoted string; write the text in double quotes", number)
            body = match.group(1)
            value.append(_ESCAPE.sub(lambda escape: self._unescape(escape, number), body) if "\\" in body else body)
            position = match.end()
            while position < len(text) and text[position] in " \t":
                position += 1
            if position == len(text):
                return "".join(value)
            if text[position] != '"':
                rest = text[position:]
                raise self.fail(
                    f'unexpected text after the string: {rest[:20]!r}; escape quotes inside strings as \\"', number
                )

    def _unescape(self, escape: re.Match[str], number: int) -> str:
        sequence = escape.group(1)
        if sequence in _ESCAPES:
            return _ESCAPES[sequence]
        if sequence[0] in "01234567" or (sequence[0] == "x" and len(sequence) > 1):
            character = chr(int(sequence, 8) if sequence[0] != "x" else int(sequence[1:], 16))
            if character == "\x00":
                raise self.fail(f"'\\{sequence}' is {_NUL}", number)
            return character
        raise self.fail(f"invalid escape '\\{sequence}' in string; write a backslash as '\\\\'", number)

    def _expect_string(self) -> None:
        """A keyword with no string after it, on its line or the next, is an error."""
        if self.awaiting:
            raise self.fail('keyword without a string; add "" after it', self.awaiting)

    def _finish(self, number: int) -> None:
        self._expect_string()
        self._previous_from_babel(number)
        if not self.fields:
            if self.translator or self.extracted or self.references or self.flags or self.previous:
                if self.obsolete is None and not self.previous:
                    # Comments at the end of a file, with no entry: msgcat drops them, so do we.
                    self._reset()
                    return
                raise self.fail(
                    "comments without an entry after them; add the entry below them, or delete them", self.start_line
                )
            return
        if "msgid" not in self.fields:
            raise self.fail(
                "msgctxt without a msgid after it; add the entry's msgid and msgstr below it", self.start_line
            )
        if "msgstr" not in self.fields and "msgstr_plural" not in self.fields:
            raise self.fail('entry has no msgstr; add msgstr "" after its msgid', self.msgid_line)
        message = Message(
            msgid=self.fields["msgid"],
            msgstr=self.fields.get("msgstr", ""),
            msgctxt=self.fields.get("msgctxt"),
            msgid_plural=self.fields.get("msgid_plural"),
            msgstr_plural=tuple(self.fields.get("msgstr_plural", ())),
            flags=tuple(self.flags),
            equals_line_flags=tuple(self.equals_line_flags),
            translator_comments=tuple(self.translator),
            extracted_comments=tuple(self.extracted),
            references=tuple(self.references),
            previous_msgctxt=self.previous.get("msgctxt"),
            previous_msgid=self.previous.get("msgid"),
            previous_msgid_plural=self.previous.get("msgid_plural"),
            obsolete=bool(self.obsolete),
            line=self.msgid_line,
        )
        if self.header is None and not self.messages and _is_header(message):
            self.header = message
        else:
            self.messages.append(message)
        self._reset()

    def _catalogue(self) -> Catalogue:
        seen: dict[tuple[bool, str | None, str], int] = {}
        for message in self.messages:
            key = (message.obsolete, message.msgctxt, message.msgid)
            if _is_header(message):
                raise self.fail("a second header entry (empty msgid); give the entry a msgid", message.line)
            if key in seen:
                raise self.fail(
                    f"duplicate message definition; the first is at line {seen[key]}: keep one of the two (or give one a msgctxt)",
                    message.line,
                )
            seen[key] = message.line
        if self.header is None:
            return Catalogue(messages=tuple(self.messages))
        fields = []
        for line in self.header.msgstr.split("\n"):
            if not line.strip():
                continue
            name, colon, value = line.partition(":")
            if not colon or not name.strip():
                raise self.fail(
                    f"header line {line!r} is not 'Name: value'; write it as \"Name: value\\n\" or delete it",
                    self.header.line,
                )
            fields.append((name.strip(), value.strip()))
        return Catalogue(
            header_fields=tuple(fields),
            header_comments=self.header.translator_comments,
            header_flags=self.header.flags,
            messages=tuple(self.messages),
            header_line=self.header.line,
        )
