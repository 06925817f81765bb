"""Counting the words of a source text as a translator's quote counts them.

A translator is paid for the words they translate, so markup and addresses, which they
copy as written, are not words:

- the text is read as inline Markdown (markdown-it-py, CommonMark): emphasis markers, link
  targets, image addresses, inline HTML tags and code spans are not words; the text of a
  link and the alt text of an image are;
- URLs (``https://``, ``http://``, ``ftp://``, ``mailto:``, ``www.``), e-mail addresses and
  @handles are not words;
- a word is a run of letters and digits; an apostrophe, hyphen, dot or comma between two of
  them joins them, so ``Crucitelli’s``, ``co-worker``, ``8,000`` and ``alessiacruci.com``
  are one word each and ``Superintendent/President`` is two;
- numbers are words; punctuation and symbols (``$``, ``%``, ``–``) are not.

The text is normalised to NFC first, so that an accent typed as a combining mark does not
split a word.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from markdown_it import MarkdownIt

_ADDRESS = re.compile(
    r"(?:https?|ftp)://\S+|mailto:\S+|www\.\S+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w@])@\w+"  # @handles
)
_WORD = re.compile(r"[^\W_]+(?:['’\-‐.,][^\W_]+)*")
# What can turn letters into something that is not a word: code, tags, links and images,
# entities, escapes (the characters of _MARKUP_START), addresses (_may_hold_address). A text
# without any of these is not parsed: measured on the kit's seven texts, reading them takes
# 26% longer with has_words so, and 165% longer when every segment is parsed again. Looked
# for as one character class and three strings: on the 100,000 segments of
# catalogue-100000, 0.17 s against 0.43 s for one regular expression of them all (medians of 5).
# _MARKUP_START also says where the first character that could start markup comes, and the
# text before it up to its last space: that prefix is plain text in the parse too, so a word
# there that is not in an address is a word.
_MARKUP_START = re.compile(r"[`<\[!&\\@]")

_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        _PARSER = MarkdownIt("commonmark")
        # Whether a link is one depends on its destination, normalised (percent-encoded, its
        # host in punycode): the same answer for the same destination, so it is remembered.
        # Texts link to a few pages many times: catalogue-100000's 29,960 links go to 6,274,
        # and normalising them was a third of counting its words.
        _PARSER.normalizeLink = functools.lru_cache(maxsize=16384)(_PARSER.normalizeLink)  # type: ignore[method-assign]
    return _PARSER


@functools.lru_cache(maxsize=8192)
def count_words(text: str) -> int:
    """The number of words in ``text``, a msgid with its inline Markdown as written."""
    if not text.strip():
        return 0
    unparsed = _words_unparsed(text)
    if unparsed is not None:
        return unparsed
    return len(_WORD.findall(_without_addresses(prose(text))))


# What could make a code span, an HTML tag or autolink, a link or image, an escape or an
# entity: a text with none of these is read by the inline parse as written, but for its line
# breaks (spaces to a reader) and the emphasis markers it takes out.
_INLINE_MARKUP = re.compile(r"[`<\[\]\\&]")
_EMPHASIS_MARKERS = re.compile(r"[*_]+")
_JOINS = re.compile(r"[^\W_]|['’\-‐.,]")  # what _WORD can take on either side of a marker
# An inline link that the parse reads as one whatever stands around it (in a text with no
# code, tag, escape or entity): a label with no bracket, not after "!" (an image), and a web
# address with no space, control character, parenthesis, "<" or backslash, closed at once.
# Of such a link, the parse keeps its label's text; the address is dropped.
_SIMPLE_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\(https?://[^\s\x00-\x1f\x7f()<>\\]+\)")


def _words_unparsed(text: str) -> int | None:
    """``count_words(text)`` without the inline parse, or None where it takes the parse.

    Where the parse can only take emphasis markers (``*``, ``_``) out, write line breaks as
    spaces and keep the label of a plain web link (``_SIMPLE_LINK``), the words are those of
    the text with each such link written as its label, provided that no run of markers
    stands between two characters a word could hold on both sides (``a*b*c`` is one word
    once parsed, three as written) and that taking the markers out cannot make an address
    (``http:*//``): markers and spaces both separate words. On the 100,000 entries of
    catalogue-100000, 99% of the texts, counted without the parse; tests hold it to the
    parse on hypothesis-made, hostile and the shipped texts."""
    if not unicodedata.is_normalized("NFC", text):
        return None  # the parse reads the NFC text
    if "[" in text:
        text = _SIMPLE_LINK.sub(r"\1", text)
    if _INLINE_MARKUP.search(text):
        return None
    if "*" in text or "_" in text:
        end = len(text)
        for markers in _EMPHASIS_MARKERS.finditer(text):
            start, stop = markers.span()
            if start and stop < end and _JOINS.match(text, start - 1) and _JOINS.match(text, stop):
                return None
        bare = text.replace("*", "").replace("_", "")
        if "@" in bare or _may_hold_address(bare):
            return None
    return len(_WORD.findall(_without_addresses(text)))


# A text that opens with ASCII letters or digits and a space has a word: no markup can reach
# back over that run (each construct opens with a character of _MARKUP_START or is emphasis,
# which leaves the letters), the parse reads it as written, normalising changes neither it
# nor the space, and no address holds a space. 97% of catalogue-100000's texts: has_words of
# its 100,000 segments 0.32 -> 0.05 s.
_OPENING_WORD = re.compile(r"[A-Za-z0-9]+ ")


def has_words(text: str) -> bool:
    """Whether ``text`` has a word to translate outside its images: a line of badges, an
    image alone, a bare URL or a list of code spans has none, and is copied as written."""
    return True if _OPENING_WORD.match(text) else _has_words(text)


@functools.lru_cache(maxsize=8192)  # the answers that take longer, remembered
def _has_words(text: str) -> bool:
    if not _WORD.search(text):
        return False
    if not _MARKUP_START.search(text) and not _may_hold_address(text):
        return True  # nothing that could make its words markup or an address: no need to parse
    if _plain_prefix_has_words(text):
        return True
    return bool(_WORD.search(_without_addresses(prose(text, alt_text=False))))


def _without_addresses(text: str) -> str:
    """``text`` with its URLs, e-mail addresses and handles written as spaces. Most texts have
    none: on the 100,000 segments of catalogue-100000, looking for what every address holds
    takes 0.13 s, _ADDRESS 2.7 s."""
    return _ADDRESS.sub(" ", text) if "@" in text or _may_hold_address(text) else text


def _may_hold_address(text: str) -> bool:
    """Whether ``text`` holds what every URL holds (see _ADDRESS; e-mail addresses and handles
    hold an ``@``)."""
    return "://" in text or "www." in text or "mailto:" in text


def _plain_prefix_has_words(text: str) -> bool:
    """Whether the text before its first markup character, cut at its last space so that no
    address runs on into the markup, has a word outside addresses. Measured on 1,000 press
    texts, it spares parsing 10,500 of 11,000 segments with a link; ``has_words`` stays the
    parse's answer (tests compare them)."""
    if not unicodedata.is_normalized("NFC", text):
        return False  # the parse reads the NFC text, where U+1FEF becomes a backtick
    markup = _MARKUP_START.search(text)
    end = markup.start() if markup else len(text)
    cut = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end), text.rfind("\t", 0, end))
    if cut <= 0:
        return False
    return bool(_WORD.search(_without_addresses(text[:cut])))


def prose(text: str, *, alt_text: bool = True) -> str:
    """The words a reader sees in ``text``: inline Markdown read, markup left out (and the
    alt text of images too, without ``alt_text``)."""
    text = unicodedata.normalize("NFC", text)
    pieces: list[str] = []
    in_autolink = False
    for block in _parser().parseInline(text):
        for token in block.children or ():
            if token.type == "link_open" and token.markup == "autolink":
                in_autolink = True
                pieces.append(" ")
            elif token.type == "link_close" and in_autolink:
                in_autolink = False
            elif token.type in ("text", "text_special") and not in_autolink:
                pieces.append(token.content)
            elif token.type == "image":
                pieces.append(f" {token.content} " if alt_text else " ")
            elif token.type in ("softbreak", "hardbreak", "code_inline", "html_inline"):
                # A code span or a tag is not a word, but it does separate the words around it.
                pieces.append(" ")
    return "".join(pieces)
