"""The flags of a PO entry (``#,`` lines) as gettext 0.21 reads, orders and writes them.

``Flags`` reads them the way gettext's ``po_parse_comment_special`` does; ``written`` gives
them back in msgcat's canonical form and order, and ``format_language`` the format language
whose directives the layout keeps whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["Flags", "normalise_flags"]

# gettext 0.21's format languages, in its order (format.c): "#," lines list them in this
# order, and the first one an entry is flagged with decides which directives must not be
# broken. Flags for other languages are dropped by msgcat, and so they are here.
_FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
    "php", "gcc-internal", "gfc-internal", "ycp",
)  # fmt: skip
_FORMAT_INDEX = {lang: i for i, lang in enumerate(_FORMAT_LANGUAGES)}
_FLAG_SEPARATORS = re.compile(r"[\s,]+")
_RANGE = re.compile(r"([0-9]+)\.\.([0-9]+)")


class Flags:
    """The flags of an entry as gettext understands them (``po_parse_comment_special``)."""

    __slots__ = ("fuzzy", "formats", "range", "no_wrap", "unknown")

    def __init__(self, flags: Iterable[str]) -> None:
        self.fuzzy = False
        self.formats: dict[int, bool] = {}  # language index -> True (yes/possible) or False (no)
        self.range: tuple[int, int] | None = None
        self.no_wrap = False
        self.unknown: list[str] = []
        tokens = [t for t in _FLAG_SEPARATORS.split(" ".join(flags)) if t]
        i = 0
        while i < len(tokens):
            token = tokens[i]
            i += 1
            if token == "fuzzy":
                self.fuzzy = True
            elif token == "wrap":
                self.no_wrap = False
            elif token == "no-wrap":
                self.no_wrap = True
            elif token == "range:":
                # "range: MIN..MAX" is two tokens; an invalid range is dropped.
                if i < len(tokens) and (m := _RANGE.fullmatch(tokens[i])):
                    i += 1
                    low, high = int(m[1]), int(m[2])
                    if low <= high:
                        self.range = (low, high)
            elif token.endswith("-format"):
                name = token[: -len("-format")]
                value: bool | None = True
                for prefix, meaning in (("no-", False), ("possible-", True), ("impossible-", None)):
                    if name.startswith(prefix) and name[len(prefix) :] in _FORMAT_INDEX:
                        name, value = name[len(prefix) :], meaning
                        break
                if name in _FORMAT_INDEX:
                    if value is None:
                        self.formats.pop(_FORMAT_INDEX[name], None)  # "impossible" is not written
                    else:
                        self.formats[_FORMAT_INDEX[name]] = value
                elif token not in self.unknown:
                    self.unknown.append(token)  # a newer gettext's format: kept, as below
            elif token not in self.unknown:
                # Not a flag gettext 0.21 knows. msgcat 0.21 drops it, but gettext's manual
                # ("Evolution of the PO File Format") asks tools that read and write PO files
                # to keep flags they do not know (workflow and custom flags), so it stays.
                self.unknown.append(token)

    def written(self, translated: bool) -> list[str]:
        """The flags msgcat writes, in its order; ``fuzzy`` only on a translated entry."""
        out = ["fuzzy"] if self.fuzzy and translated else []
        for index in sorted(self.formats):
            lang = _FORMAT_LANGUAGES[index]
            out.append(f"{lang}-format" if self.formats[index] else f"no-{lang}-format")
        if self.range is not None:
            out.append(f"range: {self.range[0]}..{self.range[1]}")
        if self.no_wrap:
            out.append("no-wrap")
        return out + self.unknown

    def format_language(self) -> str | None:
        """The language whose directives gettext keeps whole when wrapping."""
        for index in sorted(self.formats):
            if self.formats[index]:
                return _FORMAT_LANGUAGES[index]
        return None


def normalise_flags(flags: Iterable[str], translated: bool = True) -> tuple[str, ...]:
    """Return ``flags`` as msgcat writes them on the ``#,`` line of an entry.

    ``possible-X-format`` becomes ``X-format``, ``wrap`` and ``impossible-X-format``
    disappear, ``fuzzy`` is kept only when ``translated`` (the first msgstr is not empty),
    and the order is fuzzy, format flags, range, no-wrap, then the flags gettext 0.21 does
    not know, kept in their order (msgcat 0.21 drops those; gettext's manual asks to keep them).
    """
    return tuple(Flags(flags).written(translated))
