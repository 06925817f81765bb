"""The project's glossary: terms with the translation they must have, and names kept as written.

The glossary is a PO catalogue per language, ``locales/<lang>/LC_MESSAGES/<glossary>.po``
(the domain is the ``glossary`` setting), so that translators edit it in the tools they use
for everything else. Each entry's msgid is a term as the source texts write it, its msgstr
the translation the catalogue's language requires::

    msgid "short film"
    msgstr "cortometraggio"

A name that must not be translated (a person, a film title, an institution) carries a
translator comment starting with "keep", and its msgstr is the name itself (or empty)::

    # keep: film title
    msgid "Leaving the Factory"
    msgstr "Leaving the Factory"

A translator comment, because it is the one place that survives every tool: ``msgcat`` and
``msgmerge`` drop flags they do not know (a ``#, keep`` would vanish), and ``msgmerge``
replaces extracted comments (``#.``) with the template's. Fuzzy, untranslated and obsolete
entries are not in force.

Names are matched as written (case and all); terms without regard to case and with a few
letters of inflection (cortometraggio, cortometraggi; press release, press releases).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from i18ntool.po.catalogue import Catalogue
from i18ntool.checks.codes import Check, ERROR, IT, WARNING, Problem

_KEEP = re.compile(r"\s*keep\b", re.IGNORECASE)
_VOWELS = "aeiouàèéìòù"


@dataclass(frozen=True)
class Term:
    """A glossary entry in force."""

    source: str
    translation: str  # the name itself, for kept names
    keep: bool
    line: int  # of the entry's msgid in the glossary catalogue


@dataclass(frozen=True)
class Glossary:
    """The terms of one language's glossary, and its entries that contradict themselves."""

    language: str
    terms: tuple[Term, ...]
    inconsistent: tuple[Term, ...] = ()  # marked keep, but translated as something else


@dataclass(frozen=True)
class TermDifference:
    """A glossary rule a translation breaks.

    ``kind`` is "name" (a kept name of the source is missing), "untranslated" (the source
    term is left as it is, without the glossary's translation) or "different" (the term
    is translated, but not as the glossary says).
    """

    term: Term
    kind: str


def glossary_of(catalogue: Catalogue, language: str) -> Glossary:
    """The glossary that ``catalogue`` holds for ``language``."""
    terms, inconsistent = [], []
    for message in catalogue.messages:
        if message.obsolete or message.fuzzy or not message.msgid.strip():
            continue
        keep = any(_KEEP.match(comment) for comment in message.translator_comments)
        if keep:
            term = Term(message.msgid, message.msgid, True, message.line)
            if message.msgstr and message.msgstr != message.msgid:
                inconsistent.append(Term(message.msgid, message.msgstr, True, message.line))
                continue
        elif message.msgstr:
            term = Term(message.msgid, message.msgstr, False, message.line)
        else:
            continue
        terms.append(term)
    # Longest first, so that "Film 33: Making the Short Film" is taken before "short film".
    terms.sort(key=lambda term: (-len(term.source), term.source))
    return Glossary(language, tuple(terms), tuple(inconsistent))


def compare(glossary: Glossary, source: str, translation: str) -> list[TermDifference]:
    """The glossary rules ``translation`` (of ``source``) breaks, names first."""
    differences = []
    for term in glossary.terms:
        if not term.keep:
            continue
        pattern = _name_pattern(term.source)
        if pattern.search(source):
            if not pattern.search(translation):
                differences.append(TermDifference(term, "name"))
            source, translation = pattern.sub(_blank, source), pattern.sub(_blank, translation)
    for term in glossary.terms:
        if term.keep:
            continue
        wanted = _term_pattern(term.source)
        if not wanted.search(source) or _term_pattern(term.translation).search(translation):
            continue
        kind = "untranslated" if wanted.search(translation) else "different"
        differences.append(TermDifference(term, kind))
    return differences


def _blank(match: re.Match[str]) -> str:
    """A kept name out of the way of the terms (the "Short Film" of a course's title)."""
    return " " * len(match.group())


@functools.lru_cache(maxsize=1024)
def _name_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in name.split()]
    return re.compile(r"(?<!\w)" + r"[\s\u00a0]+".join(words) + r"(?!\w)")


@functools.lru_cache(maxsize=1024)
def _term_pattern(term: str) -> re.Pattern[str]:
    parts = []
    for word in term.split():
        stem = word.rstrip(_VOWELS) if len(word) > 3 else word
        stem = stem if len(stem) >= 3 else word
        extra = len(word) - len(stem) + 2
        ending = rf"[^\W\d_]{{0,{extra}}}" if word[-1:].isalpha() else ""
        parts.append(re.escape(stem) + ending)
    return re.compile(r"(?<!\w)" + r"[\s\u00a0-]+".join(parts) + r"(?!\w)", re.IGNORECASE)


# -- the checks of this family: their codes, and the problems they report ----------------

CHECKS: tuple[Check, ...] = (
    Check(
        "GL101",
        ERROR,
        "A protected name of the glossary (person, title) is missing or altered",
        f"{IT}/press-release.po:67: GL101 protected name 'Roberta Sparta' is missing; keep it as written (glossary.po:57)",
    ),
    Check(
        "GL102",
        WARNING,
        "A glossary term is translated otherwise than the glossary says",
        f"{IT}/press-release.po:29: GL102 'short film' should be translated 'cortometraggio' (glossary.po:19)",
    ),
    Check(
        "GL103",
        ERROR,
        "A glossary term is left untranslated",
        f"{IT}/director-biography.po:106: GL103 'short film' is left untranslated; the glossary says 'cortometraggio' (glossary.po:19)",
    ),
    Check(
        "GL104",
        WARNING,
        "A glossary entry marked keep has a translation other than itself",
        f"{IT}/glossary.po:77: GL104 'Leaving the Factory' is marked keep but translated 'Lasciare la fabbrica'; make msgstr the name itself",
    ),
)


def glossary_problems(differences: Iterable[TermDifference], glossary_name: str) -> list[Problem]:
    problems = []
    for difference in differences:
        term = difference.term
        where = f"{glossary_name.rsplit('/', 1)[-1]}:{term.line}"
        if difference.kind == "name":
            problems.append(
                Problem("GL101", f"protected name '{term.source}' is missing; keep it as written ({where})")
            )
        elif difference.kind == "untranslated":
            problems.append(
                Problem(
                    "GL103",
                    f"'{term.source}' is left untranslated; the glossary says '{term.translation}' ({where})",
                )
            )
        else:
            problems.append(Problem("GL102", f"'{term.source}' should be translated '{term.translation}' ({where})"))
    return problems


def inconsistency_problems(terms: Glossary) -> list[Problem]:
    """The glossary's own entries marked keep but translated otherwise, at their lines."""
    return [
        Problem(
            "GL104",
            f"'{term.source}' is marked keep but translated '{term.translation}'; make msgstr the name itself",
            term.line,
        )
        for term in terms.inconsistent
    ]
