"""How Italian writes an article or preposition before a number: ``l’8 marzo``, ``il 1910``.

Italian elides ``il``, ``la``, ``lo`` and the prepositions joined with them (``del``,
``dall’``...) before a vowel, and a figure is read aloud, so the article agrees with how the
number is said, not with its first digit. Italian reads a number from its highest group down
("ottomila", "undici milioni"), so:

- a number whose leading group of digits begins with 8 begins with a vowel: 8 otto, 80
  ottanta, 800 ottocento, 8.000 ottomila, 80.000 ottantamila, 8.000.000 otto milioni
  (``l’8 marzo``, ``dell’80%``, ``nell’800``);
- so does one whose leading group is 11: 11 undici, 11.000 undicimila (``l’11 settembre``);
- 1 on its own is "uno" before a decimal or a percentage (``l’1%``, ``dell’1,5%``), but the
  first of the month is "primo" (``il 1º marzo``, ``il 1 marzo``) and an ordinal "primo"
  too, so 1 elides only there;
- everything else begins with a consonant: 1.000 mille, 1800 and 1910 milleottocento and
  millenovecentodieci (``nel 1800``, ``il 1910`` stay), 18 diciotto, 110 centodieci.

Sources: the Corriere della Sera's "Si dice o non si dice?" (Hoepli), "Apostrofo davanti a
una cifra": "l’8 di giugno, ... dall’1 all’88"; Serianni, *Grammatica italiana* IV.60, as the
Accademia della Crusca quotes it: "il 1720", "nel 1988", "l’85", and "il 1/2/2003" read
"il primo"; Treccani's *Enciclopedia dell’Italiano*, "date": the first of the month is read
as an ordinal, "il 1° aprile". "dal 1 al 10" is left alone: 1 there may be "primo".

``unelided`` finds an article written in full before such a number (for `check`),
``elided_before_values`` makes the pages' own words agree with the date put into them, and
``agree_before_figure`` the words before a figure that `update` carried into a translation
(``l’8 marzo`` -> ``il 9 marzo``: a figure read aloud is masculine, a date, a year, a
percentage alike).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

# Article or articulated preposition -> its elided form (the apostrophe is added by the caller).
ELIDED: dict[str, str] = {
    "il": "l",
    "lo": "l",
    "la": "l",
    "del": "dell",
    "dello": "dell",
    "della": "dell",
    "al": "all",
    "allo": "all",
    "alla": "all",
    "dal": "dall",
    "dallo": "dall",
    "dalla": "dall",
    "nel": "nell",
    "nello": "nell",
    "nella": "nell",
    "sul": "sull",
    "sullo": "sull",
    "sulla": "sull",
    "quel": "quell",
    "quello": "quell",
    "quella": "quell",
}
TYPOGRAPHIC_APOSTROPHE = "’"

# A figure as Italian writes it: groups of three after a dot (8.000), a decimal comma, and
# what may follow that changes how it is read (an ordinal indicator, a percentage).
_NUMBER = r"(?P<digits>\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?P<decimal>,\d+)?(?P<after>[º°ª]|[^\S\n]*%|[^\S\n]+per cento\b)?"
_FIGURE = re.compile(_NUMBER)
_ARTICLE_BEFORE_NUMBER = re.compile(
    r"(?<![\w’'])(?P<article>" + "|".join(sorted(ELIDED, key=len, reverse=True)) + r")(?P<space>[^\S\n]+)" + _NUMBER,
    re.IGNORECASE,
)
_FOLLOWING = re.compile(r"[^\S\n]+[^\W\d_]+")
# The elided forms, and the masculine article or preposition each stands for before a figure.
_UNELIDED = {"l": "il", "dell": "del", "all": "al", "dall": "dal", "nell": "nel", "sull": "sul", "quell": "quel"}
_ELIDED_AT_END = re.compile(r"(?<![\w’'])(?P<article>" + "|".join(_UNELIDED) + r")(?P<apostrophe>[’'])$", re.IGNORECASE)
_FULL_AT_END = re.compile(r"(?<![\w’'])(?P<article>" + "|".join(ELIDED) + r")[^\S\n]+$", re.IGNORECASE)


@dataclass(frozen=True)
class Unelided:
    """An article written in full before a number read with a vowel, at ``text[start:end]``."""

    written: str  # "il 8"
    elided: str  # "l’8"
    start: int
    end: int
    following: str  # the word after it, to show the article in context (" marzo"), or ""


def reads_with_vowel(figure: str) -> bool:
    """Whether ``figure`` (a number as Italian writes it, with a following % or º) is read
    aloud starting with a vowel."""
    match = _FIGURE.match(figure)
    return match is not None and _vowel(match)


def unelided(text: str, apostrophe: str = TYPOGRAPHIC_APOSTROPHE) -> list[Unelided]:
    """Every article or preposition in ``text`` written in full before a number that elides it."""
    found = []
    for match in _ARTICLE_BEFORE_NUMBER.finditer(text):
        if not _vowel(match):
            continue
        end = match.end("after") if match.group("after") else match.end("digits")
        number = text[match.start("digits") : end]
        following = _FOLLOWING.match(text, end)
        found.append(
            Unelided(
                written=f"{match.group('article')}{match.group('space')}{number}",
                elided=elided(match.group("article"), apostrophe) + number,
                start=match.start(),
                end=end,
                following=following.group() if following else "",
            )
        )
    return found


def elided(article: str, apostrophe: str = TYPOGRAPHIC_APOSTROPHE) -> str:
    """``article``'s elided form with its apostrophe, in the same case: ``Dal`` -> ``Dall’``."""
    short = ELIDED[article.lower()]
    if article.isupper() and len(article) > 1:
        short = short.upper()
    elif article[:1].isupper():
        short = short.capitalize()
    return short + apostrophe


def elided_before_values(translation: str, values: Mapping[str, str]) -> str:
    """``translation`` (a python-format string) with the article written right before a
    placeholder elided where the value that fills it is read with a vowel:
    ``Pubblicato il %(date)s`` with "8 marzo 2023" -> ``Pubblicato l’%(date)s``.

    The apostrophe is the one the translation writes; typographic if it writes none.
    """
    apostrophe = "'" if "'" in translation and TYPOGRAPHIC_APOSTROPHE not in translation else TYPOGRAPHIC_APOSTROPHE
    for name, value in values.items():
        if not reads_with_vowel(value):
            continue
        placeholder = re.escape(f"%({name})s")
        pattern = r"(?<![\w’'])(" + "|".join(ELIDED) + r")[^\S\n]+(?=" + placeholder + ")"
        translation = re.sub(
            pattern, lambda match: elided(match.group(1), apostrophe), translation, flags=re.IGNORECASE
        )
    return translation


def agree_before_figure(before: str, figure: str) -> str:
    """``before``, the text that precedes ``figure`` (as Italian writes it), with an article
    or preposition at its end made to agree with how ``figure`` is read: ``il `` before 8
    becomes ``l’``, ``dall’`` before 9 becomes ``dal ``. The apostrophe stays the one written."""
    if reads_with_vowel(figure):
        if full := _FULL_AT_END.search(before):
            return before[: full.start()] + elided(full.group("article"), _apostrophe_of(before))
        return before
    if short := _ELIDED_AT_END.search(before):
        article = short.group("article")
        written = _UNELIDED[article.lower()]
        if article.isupper() and len(article) > 1:
            written = written.upper()
        elif article[:1].isupper():
            written = written.capitalize()
        return before[: short.start()] + written + " "
    return before


def _apostrophe_of(text: str) -> str:
    return "'" if "'" in text and TYPOGRAPHIC_APOSTROPHE not in text else TYPOGRAPHIC_APOSTROPHE


def _vowel(match: re.Match[str]) -> bool:
    digits = match.group("digits").replace(".", "")
    after = (match.group("after") or "").strip()
    if digits.startswith("0"):
        return False
    leading = digits[: len(digits) % 3 or 3]
    if leading.startswith("8") or leading == "11":
        return True
    if digits == "1":  # "uno" only as a quantity; the first of the month is "primo"
        return after not in ("º", "°", "ª") and (match.group("decimal") is not None or after in ("%", "per cento"))
    return False
