"""A quick reader for the PO files most runs read: those laid out as msgcat and i18ntool write.

The strict reader (``catalogue._Parser``) checks every rule msgfmt checks and names the line
of any error; at 100,000 entries it took 3 s of a 30 s `update`. Most files it reads are
plain: entries of comments, ``#|`` previous texts, ``msgctxt``, ``msgid`` and ``msgstr``
with one quoted string per line and the usual escapes, separated by blank lines.
``quick_entries`` reads exactly those, with the strict reader's meaning, and gives up (returns
None) at the first entry that is anything else: obsolete or plural entries, ``#=`` flags,
other escapes, several strings on a line, a string on the line after its keyword, spaces
around a keyword's line, anything out of order. The strict reader then reads the whole file,
and reports its errors; so a file read here is read as the strict reader reads it
(tests/test_quick_reader.py holds the two together on generated and broken files).

One regular expression takes a whole entry (``_ENTRY``): its comment lines, then its fields,
each a keyword's string and the strings of the lines below it. A line-by-line reader spent
most of its time deciding, line by line, what each line was; here the regular expression
does that in one call per entry, and only the comment lines are looked at one by one.

``quick_summary`` reads the same files for `coverage`, which needs states, not entries: the
keys, references and extracted comments of each entry and its state from its msgstr and
flags, as columns (``states.read_states`` makes a catalogue's tally of them;
tests/test_tally.py holds its rows and errors to the model's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A string's body: no quote but in an escape, no line end (unrolled: fast).
_BODY = r'[^"\\\n]*(?:\\[nt"\\][^"\\\n]*)*'
# A field's strings: the body on the keyword's line and those of the "..." lines below, with
# '"\n"' between them (which a body cannot hold: its quotes are escaped, it has no line end).
_STRINGS = f'{_BODY}(?:"\\n"{_BODY})*'
# An entry's comment lines are taken in one of two ways. Most are in gettext's order, each
# kind in a group of its own (translator comments, extracted comments, references, flags,
# previous texts): each group is then read apart, and a group seen before (the same flags,
# the same kind of block) is not read again. Any other lines are read one by one.
_ENTRY = re.compile(
    rf"""\n*
    (?:(?P<translator>(?:\#\ [^\n]*\n)*)
       (?P<extracted>(?:\#\.[^\n]*\n)*)
       (?P<references>(?:\#:[^\n]*\n)*)
       (?P<flags>(?:\#,[^\n]*\n)*)
       (?P<previous>(?:\#\|[^\n]*\n)*)
     |(?P<comments>(?:\#[^\n]*\n)*))
    (?:msgctxt\ "(?P<msgctxt>{_STRINGS})"\n)?
    (?P<msgid_at>)msgid\ "(?P<msgid>{_STRINGS})"\n
    msgstr\ "(?P<msgstr>{_STRINGS})"(?:\n|\Z)""",
    re.VERBOSE,
)
_STRING = re.compile(f'"({_BODY})"')
_KEYWORD = re.compile(f'(msgctxt|msgid) "({_BODY})"')
_ESCAPE = re.compile(r'\\[nt"\\]')
_ESCAPES = {"\\n": "\n", "\\t": "\t", '\\"': '"', "\\\\": "\\"}

# An entry's fields as the keyword arguments of a ``Message``, its ``line`` included.
Entry = tuple[
    str,  # msgid
    str,  # msgstr
    str | None,  # msgctxt
    tuple[str, ...],  # flags
    tuple[str, ...],  # translator_comments
    tuple[str, ...],  # extracted_comments
    tuple[str, ...],  # references
    str | None,  # previous_msgctxt
    str | None,  # previous_msgid
    int,  # line (of the msgid keyword)
]


# An entry's comment lines read: flags, translator comments, extracted comments, references,
# previous msgctxt and previous msgid.
Comments = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], str | None, str | None]


def _decoded(strings: str) -> str:
    """The value of a field's strings (``_STRINGS``): joined, escapes decoded. A body always
    ends with a whole escape, so joining first and decoding after gives the same value."""
    if '"' in strings:
        strings = strings.replace('"\n"', "")
    return _ESCAPE.sub(lambda escape: _ESCAPES[escape[0]], strings) if "\\" in strings else strings


class _GiveUp(Exception):
    """An entry the quick reader leaves to the strict one."""


def quick_entries(text: str) -> list[Entry] | None:
    """The entries of ``text`` in file order, or None if the file is not one this reader takes."""
    entries: list[Entry] = []
    position = 0
    line = 1
    match_entry = _ENTRY.match
    # Comments and flags repeat from entry to entry ("#. paragraph", "#, fuzzy"): one tuple
    # for each kind, not one per entry (10 MiB less at 100,000 entries).
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    read: dict[tuple[str, str], Comments] = {}
    try:
        while True:
            match = match_entry(text, position)
            if match is None:
                if text.count("\n", position) != len(text) - position:
                    return None  # not an entry, nor blank lines to the end
                return entries
            msgid_at = match.start("msgid_at")
            line += text.count("\n", position, msgid_at)
            msgctxt = match["msgctxt"]
            entries.append(
                (
                    _decoded(match["msgid"]),
                    _decoded(match["msgstr"]),
                    None if msgctxt is None else _decoded(msgctxt),
                    *_entry_comments(match, shared, read),
                    line,
                )
            )
            position = match.end()
            if position == msgid_at:
                return None  # cannot happen (an entry takes a line at least): no endless loop
            line += text.count("\n", msgid_at, position)
    except _GiveUp:
        return None


def _entry_comments(
    match: re.Match[str], shared: dict[tuple[str, ...], tuple[str, ...]], read: dict[tuple[str, str], Comments]
) -> Comments:
    """:func:`_comments` of the comment lines of an entry ``_ENTRY`` matched. Lines in
    gettext's order with no translator comment and no previous text (most entries): their
    extracted comments and flags read once for all the entries that have the same (kept in
    ``read``), their references split here; any others, read line by line."""
    translator, extracted, references, flags, previous = match.group(
        "translator", "extracted", "references", "flags", "previous"
    )
    if translator is None:
        return _comments(match["comments"], shared)
    if translator or previous:
        return _comments(match.string[match.start("translator") : match.end("previous")], shared)
    known = read.get((extracted, flags))
    if known is None:
        known = read[extracted, flags] = _comments(extracted + flags, shared)
    if not references:
        return known
    # The items of every "#:" line, as _comments splits each line: the lines joined by spaces.
    return (known[0], known[1], known[2], tuple(references[2:].replace("\n#:", " ").split()), None, None)


_NO_COMMENTS: Comments = ((), (), (), (), None, None)


def _comments(block: str, shared: dict[tuple[str, ...], tuple[str, ...]]) -> Comments:
    """An entry's comment lines: its flags, translator comments, extracted comments,
    references, previous msgctxt and previous msgid, as the strict reader reads them; the
    first three taken from ``shared`` when an entry before had the same."""
    if not block:
        return _NO_COMMENTS
    translator: list[str] = []
    extracted: list[str] = []
    references: list[str] = []
    flags: list[str] = []
    previous: dict[str, str] = {}
    current_previous: str | None = None  # the previous field a '#| "..."' line continues
    for raw in block[:-1].split("\n"):
        line = raw.strip()
        marker = line[1:2]
        if marker == "|":
            rest = line[2:].strip()
            if rest.startswith('"'):
                match = _STRING.fullmatch(rest)
                if match is None or current_previous is None:
                    raise _GiveUp
                previous[current_previous] += _decoded(match[1])
                continue
            match = _KEYWORD.fullmatch(rest)
            if match is None:
                raise _GiveUp
            current_previous = match[1]
            previous[current_previous] = _decoded(match[2])
            continue
        current_previous = None
        if marker == ".":
            extracted.append(line[2:].strip())
        elif marker == ":":
            references.extend(line[2:].split())
        elif marker == ",":
            flags.extend(flag.strip() for flag in line[2:].split(",") if flag.strip())
        elif marker == "~" or marker == "=":
            raise _GiveUp
        else:
            comment = line[2:] if marker == " " else line[1:]
            if comment.startswith("| msgid"):
                raise _GiveUp  # perhaps Babel's previous text, which the strict reader reads as one
            translator.append(comment)
    return (
        shared.setdefault(tuple(flags), tuple(flags)),
        shared.setdefault(tuple(translator), tuple(translator)),
        shared.setdefault(tuple(extracted), tuple(extracted)),
        tuple(references),
        previous.get("msgctxt"),
        previous.get("msgid"),
    )


def compact_references(references: tuple[str, ...]) -> str | tuple[str, ...]:
    """An entry's references as a column of them holds them: most entries have one, kept as
    itself rather than in a tuple of its own (6 MiB less at 100,000 entries)."""
    return references[0] if len(references) == 1 else references


def expanded_references(compact: str | tuple[str, ...]) -> tuple[str, ...]:
    """The references :func:`compact_references` gave ``compact`` for."""
    return (compact,) if isinstance(compact, str) else compact


# The state of an entry as :func:`quick_summary` reads it: by its msgstr and flags only.
EMPTY, FUZZY, TRANSLATED = 0, 1, 2


@dataclass
class Summary:
    """A catalogue's active entries in file order, as coverage needs them: their keys, the
    shapes a template is compared with, and their states; the header apart. Columns, not an
    object per entry: comparing two columns is one comparison of lists."""

    contexts: list[str | None] = field(default_factory=list)
    msgids: list[str] = field(default_factory=list)
    references: list[str | tuple[str, ...]] = field(default_factory=list)  # compact_references
    comments: list[tuple[str, ...]] = field(default_factory=list)  # extracted comments
    states: bytearray = field(default_factory=bytearray)  # EMPTY, FUZZY or TRANSLATED
    # Entries with translator comments (a review stamp?), by position: (msgctxt, msgid,
    # msgstr, flags, translator comments), to be classified as the model is.
    commented: dict[int, tuple[str | None, str, str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    header: str | None = None  # the text up to the end of the header entry, if there is one

    def distinct(self) -> bool:
        """Whether no entry is there twice (the strict reader says where one is)."""
        msgids = self.msgids
        return len(set(msgids)) == len(msgids) or len(set(zip(self.contexts, msgids, strict=True))) == len(msgids)


# The groups of _ENTRY that quick_summary reads, in order; _ENTRY.split gives them at
# these places from one entry to the next.
_SUMMARY_GROUPS = (
    "translator",
    "extracted",
    "references",
    "flags",
    "previous",
    "comments",
    "msgctxt",
    "msgid",
    "msgstr",
)
_STRIDE = _ENTRY.groups + 1


def quick_summary(text: str, summary: Summary) -> bool:
    """Add the entries of ``text`` to ``summary``, where :func:`quick_entries` reads it and the
    strict reader would find no second header; whether it did (if not, the strict reader then
    says what is wrong, if anything). ``text`` may be a piece of a file cut after a blank line
    (the entries of the file are those of its pieces: no entry holds one), given in order.
    No line is counted and no translation decoded, but for the few entries with translator
    comments.

    The entries are found by one ``_ENTRY.split`` of the text, which gives what lies between
    entries (nothing, where each entry follows the one before as :func:`quick_entries`
    matches them) and each entry's groups, at fixed places: 0.1 s less than matching entry by
    entry at catalogue-100000."""
    pieces = _ENTRY.split(text)
    between = pieces[0::_STRIDE]
    rest = between.pop()
    if any(between) or rest.count("\n") != len(rest):
        return False  # something that is not an entry, nor blank lines to the end
    columns = [pieces[_ENTRY.groupindex[name] :: _STRIDE] for name in _SUMMARY_GROUPS]
    del pieces, between
    msgids = summary.msgids
    # The columns' appends, looked up once (a tenth of the time of the loop below).
    add_context, add_msgid, add_references, add_comments, add_state = (
        summary.contexts.append,
        msgids.append,
        summary.references.append,
        summary.comments.append,
        summary.states.append,
    )
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    read: dict[tuple[str, str], Comments] = {}
    try:
        for translator, extracted, found, flags_lines, previous, block, msgctxt, msgid, msgstr in zip(
            *columns, strict=True
        ):
            if block is not None:
                flags, translator_comments, extracted_comments, listed, _, _ = _comments(block, shared)
                entry_references = compact_references(listed)
            elif translator or previous:
                flags, translator_comments, extracted_comments, listed, _, _ = _comments(
                    translator + extracted + found + flags_lines + previous, shared
                )
                entry_references = compact_references(listed)
            else:
                known = read.get((extracted, flags_lines))
                if known is None:
                    known = read[extracted, flags_lines] = _comments(extracted + flags_lines, shared)
                flags, translator_comments, extracted_comments = known[0], known[1], known[2]
                # The items of every "#:" line, as _comments splits each line: the lines joined by spaces.
                items = found[2:].replace("\n#:", " ").split()
                entry_references = items[0] if len(items) == 1 else tuple(items)  # compact_references
            if msgctxt is not None:
                msgctxt = _decoded(msgctxt)
            msgid = _decoded(msgid)
            if not msgid and msgctxt is None:
                if msgids or summary.header is not None:
                    return False  # a second header: the strict reader says so
                # The text up to the header's closing quote (its lines are the file's): the
                # header is the first entry, and its msgstr the first line to open with msgstr.
                summary.header = text[: text.index("\nmsgstr ") + len('\nmsgstr "') + len(msgstr) + 1]
                continue
            # A msgstr is empty when all its strings are: nothing in them but quotes and line ends.
            state = EMPTY if not msgstr.strip('"\n') else FUZZY if "fuzzy" in flags else TRANSLATED
            if translator_comments:
                summary.commented[len(msgids)] = (msgctxt, msgid, _decoded(msgstr), flags, translator_comments)
            add_context(msgctxt)
            add_msgid(msgid)
            add_references(entry_references)
            add_comments(extracted_comments)
            add_state(state)
    except _GiveUp:
        return False
    return True
