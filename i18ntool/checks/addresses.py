"""What a translation copies as written: URLs, e-mail addresses and @handles.

``find_kept`` lists them in a text with where they are, so that other checks can leave them
out (the digits of ``https://example.org/2023/`` are not a figure), and ``compare_kept``
says which of the source's are missing from a translation and which the translation adds.
Link prefixes that a project localises (``/press/`` in English, ``/it/press/`` in Italian)
count as the same address; ``canonical_address`` holds that rule for links and plain URLs alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from i18ntool.checks.codes import Check, EN, ERROR, IT, WARNING, Problem

# Order matters: an e-mail address holds an "@" and a domain, an @handle can hold dots.
_PATTERNS = (
    ("URL", re.compile(r"(?:https?|ftp)://[^\s<>\"'`]+|mailto:[^\s<>\"'`]+|www\.[^\s<>\"'`]+", re.IGNORECASE)),
    ("e-mail address", re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")),
    ("@handle", re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")),
    # A bare domain (alessiacruci.com): lower-case labels only, the first of two or more
    # letters, so that "e.g.", "Dr. Kathryn" and "S.p.A." are not taken for one.
    (
        "domain",
        re.compile(r"(?<![\w.@/-])[a-z0-9][a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?:/[^\s<>\"'`]*)?(?![\w@-])"),
    ),
)
# Punctuation that ends a sentence rather than an address: "see example.org/press."
_TRAILING = ".,;:!?)]}’”»"

LinkRules = Sequence[Sequence[tuple[str, str]]]


@dataclass(frozen=True)
class Kept:
    """A URL, e-mail address, @handle or domain found in a text, at ``text[start:end]``."""

    kind: str
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        # Domains, e-mail addresses and handles do not depend on case; paths in URLs may.
        return self.text if self.kind == "URL" else self.text.casefold()


@dataclass(frozen=True)
class KeptDifference:
    """An address of the source missing from the translation (``missing``), or one added."""

    item: Kept
    missing: bool


def find_kept(text: str) -> list[Kept]:
    """Every URL, e-mail address, @handle and bare domain in ``text``, in order."""
    found: list[Kept] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            while end > start and text[end - 1] in _TRAILING and not _balanced_bracket(text[start:end]):
                end -= 1
            if end <= start or any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            found.append(Kept(kind, text[start:end], start, end))
    return sorted(found, key=lambda item: item.start)


def mask(text: str, items: Sequence[Kept]) -> str:
    """``text`` with each item replaced by spaces (so offsets stay), for the checks that skip them."""
    pieces = list(text)
    for item in items:
        pieces[item.start : item.end] = " " * (item.end - item.start)
    return "".join(pieces)


def compare_kept(
    source: str, translation: str, rules: LinkRules = (), source_language: str = "", language: str = ""
) -> list[KeptDifference]:
    """Addresses of ``source`` that ``translation`` lacks, then those it adds, in text order."""
    source_items = find_kept(source)
    translation_items = find_kept(translation)

    def unmatched(items: list[Kept], others: list[Kept]) -> list[Kept]:
        """``items`` that ``others`` do not account for, one for one."""
        available = Counter(_canonical(other.key, rules, (source_language, language)) for other in others)
        left = []
        for item in items:
            key = _canonical(item.key, rules, (source_language, language))
            if available[key] > 0:
                available[key] -= 1
            else:
                left.append(item)
        return left

    return [KeptDifference(item, missing=True) for item in unmatched(source_items, translation_items)] + [
        KeptDifference(item, missing=False) for item in unmatched(translation_items, source_items)
    ]


def canonical_address(address: str, rules: LinkRules, source_language: str, language: str) -> str:
    """``address`` with a localised prefix of either language replaced by a neutral marker."""
    return _canonical(address, rules, (source_language, language))


def _canonical(address: str, rules: LinkRules, languages: tuple[str, str]) -> str:
    best: tuple[int, str] | None = None
    for number, rule in enumerate(rules):
        for language, prefix in rule:
            if language in languages and address.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), f"\x00{number}\x00{address[len(prefix) :]}")
    return best[1] if best else address


def _balanced_bracket(text: str) -> bool:
    """A URL ending in ")" keeps it when the URL opened one (Wikipedia-style addresses)."""
    return text.endswith(")") and text.count("(") >= text.count(")")


# -- the checks of this family: their codes, and the problems they report ----------------

CHECKS: tuple[Check, ...] = (
    Check(
        "KEEP101",
        ERROR,
        "A URL, e-mail address or @handle of the source is missing or changed",
        f"{IT}/festivals.po:175: KEEP101 @handle @alessia.cruci of the source is missing; keep it as written",
    ),
    Check(
        "KEEP102",
        WARNING,
        "The translation has a URL, e-mail address or @handle that the source does not",
        f"{EN}/annuncio-proiezione.po:184: KEEP102 @handle @alessiacruci is not in the source; remove it or add it to the source",
    ),
)


def kept_problems(differences: Iterable[KeptDifference]) -> list[Problem]:
    problems = []
    for difference in differences:
        item = difference.item
        kind = "URL" if item.kind == "domain" else item.kind
        if difference.missing:
            problems.append(Problem("KEEP101", f"{kind} {item.text} of the source is missing; keep it as written"))
        else:
            problems.append(
                Problem("KEEP102", f"{kind} {item.text} is not in the source; remove it or add it to the source")
            )
    return problems
