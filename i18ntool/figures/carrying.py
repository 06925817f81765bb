"""Figure-only edits carried into a translation: $8,000 -> $8,500 turns 8.000 dollari into
8.500 dollari.

``carry`` takes a source text before and after an edit, the translation made for the old
text and the two languages, and returns the translation with every changed figure written
anew, as the translation's language writes it; or None when the edit is not a figure-only
edit or the way the old figures map onto the translation is not certain. Certain means:

- with every figure masked, the two source texts are the same, and their figures are as many
  and of the same kinds, one for one in order, each keeping its unit ($ stays $); figures
  that changed places (5% to 8% becoming 8% to 5%) moved rather than changed;
- ``reading.compare`` finds no difference between the old source and the translation, and
  every figure of the one gives exactly one figure of the other (a figure written twice,
  in words, or a figure the translation adds makes the mapping uncertain);
- no changed figure lies in code, a link target, an HTML tag or an address, where it is
  not a quantity but part of a name;
- the result, compared with the new source, has no difference either.

A figure the translation writes exactly as the source does (a version, an ISO date) is
replaced by the new one as the source writes it; any other keeps the translation's own unit
and words ("dollari", "per cento", "milioni") and takes the new value in the translation
language's digits, grouped if the translation grouped the old one. ``carry_into`` applies
this to a catalogue entry that `update` offers as fuzzy, marking it with
``states.FIGURES_CARRIED``; the entry stays fuzzy for a translator to confirm.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from decimal import Decimal, localcontext

from babel import Locale
from babel.numbers import get_group_symbol

from i18ntool.figures.reading import Figure, compare, extract, written_as
from i18ntool.italian import agree_before_figure
from i18ntool.po.catalogue import Message
from i18ntool.po.states import FIGURES_CARRIED

_MASK = "\x00"  # stands for the digits of a figure, to compare what surrounds them
# Where digits are part of a name, not a quantity: code spans, link targets, autolinks and
# HTML tags, bare addresses. Found roughly, and only to refuse: a false alarm carries nothing.
_LITERAL = re.compile(
    r"(`+).*?\1"  # a code span
    r"|\]\([^)]*\)"  # a link target
    r"|\]\[[^\]]*\]"  # a reference link's label
    r"|<[^<>\s][^<>]*>"  # an autolink or an HTML tag
    r"|(?:https?://|www\.)\S+"  # a bare address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|(?<!\w)@\w+",  # a handle
    re.DOTALL,
)
_SENTENCE_END = re.compile(r"\s*$|\s+[^\w\s]*[A-Z]")
# A day of the month, with the ordinal ending a language may write after it (1st, 1°).
_DAY = re.compile(r"(?<!\d)(?P<day>\d{1,2})(?!\d)(?P<ordinal>(?:st|nd|rd|th)(?!\w)|[º°ª])?")


def carry(old_source: str, new_source: str, translation: str, source_language: str, language: str) -> str | None:
    """``translation`` with the figures that changed from ``old_source`` to ``new_source``
    written anew in ``language``; None unless the edit changed only figures and each maps
    onto exactly one figure of the translation."""
    both = (source_language, language)
    old = extract(old_source, source_language, both)
    if not old:
        return None
    frame = _masked(old_source, old)
    if not _may_frame(new_source, frame):
        return None  # an edit of words (most edits): the new text's figures need not be read
    new = extract(new_source, source_language, both)
    if len(old) != len(new) or frame != _masked(new_source, new):
        return None
    if not all(_same_frame(before, after) for before, after in zip(old, new, strict=True)):
        return None
    if compare(old_source, source_language, translation, language):
        return None
    found = extract(translation, language, both)
    pairs = _pairs(old, found)
    if pairs is None:
        return None
    changes = [(index, before, after) for index, (before, after) in enumerate(zip(old, new, strict=True))]
    changes = [(index, before, after) for index, before, after in changes if before.text != after.text]
    if _moved([(before, after) for _, before, after in changes]):
        return None
    replacements: list[tuple[int, int, str]] = []
    for index, before, after in changes:
        written = found[pairs[index]]
        if any(_literal_at(text, figure) for text, figure in ((old_source, before), (new_source, after))) or (
            _literal_at(translation, written)
        ):
            return None
        replacement = _rewrite(translation, written, before, after, source_language, language)
        if replacement is None:
            return None
        replacements.append(replacement)
    carried = _apply(translation, replacements, language)
    if carried is None or compare(new_source, source_language, carried, language):
        return None
    return carried


def carry_into(offer: Message, old: Message, source_language: str, language: str) -> Message:
    """``offer``, the entry `update` makes of a changed text with the translation of ``old``,
    with the figures carried across if the edit changed only figures; else as it was.

    The offer stays fuzzy, with ``FIGURES_CARRIED`` among its translator comments. Only a
    confirmed translation, or one whose figures were carried before, is carried: the figures
    of any other fuzzy translation were never checked. An edit undone after its figures were
    carried takes the figures of the text it returns to, fuzzy again: the translation is no
    longer byte for byte the one a translator confirmed.
    """
    was_carried = old.fuzzy and _marked(old)
    if old.fuzzy and not was_carried:
        return offer
    comments = tuple(comment for comment in old.translator_comments if comment.strip() != FIGURES_CARRIED)
    plain = offer.replace(translator_comments=comments)
    if not offer.fuzzy:  # an edit undone after its figures were carried
        plain = plain.replace(flags=("fuzzy", *offer.flags), previous_msgid=old.msgid, previous_msgctxt=old.msgctxt)
    if old.msgid_plural is not None or offer.msgid_plural is not None:
        return plain
    carried = carry(old.msgid, offer.msgid, old.msgstr, source_language, language)
    if carried is None:
        return plain
    return plain.replace(msgstr=carried, translator_comments=(*comments, FIGURES_CARRIED))


def confirmed(message: Message) -> Message:
    """``message`` without the carried-figures comment once a translator confirmed it (no
    longer fuzzy): the comment speaks only of a translation waiting for a translator."""
    if message.fuzzy or not _marked(message):
        return message
    return message.replace(
        translator_comments=tuple(c for c in message.translator_comments if c.strip() != FIGURES_CARRIED)
    )


def _marked(message: Message) -> bool:
    return FIGURES_CARRIED in (comment.strip() for comment in message.translator_comments)


# -- certainty ------------------------------------------------------------------------------


def _masked(text: str, figures: Sequence[Figure]) -> tuple[str, ...]:
    """The pieces of ``text`` between its figures (overlapping or touching figures count as
    one): sliced between the holes, where going letter by letter took 80 µs a text."""
    holes: list[list[int]] = []
    for start, end in sorted(_span(figure, text) for figure in figures):
        end = min(end, len(text))
        if end <= start:
            continue  # hides nothing
        if holes and start <= holes[-1][1]:
            holes[-1][1] = max(holes[-1][1], end)
        else:
            holes.append([start, end])
    pieces, place = [], 0
    for start, end in holes:
        pieces.append(text[place:start])
        place = end
    pieces.append(text[place:])
    return tuple(pieces)


def _may_frame(text: str, pieces: Sequence[str]) -> bool:
    """Whether ``text`` could be ``pieces`` (``_masked``'s, of another text) with a figure
    between each two: it starts with the first, ends with the last, and holds the others in
    order, with at least one character between each two. False proves that ``text``'s own
    pieces differ, whatever its figures."""
    place = len(pieces[0])
    if not text.startswith(pieces[0]):
        return False
    for piece in pieces[1:-1]:
        found = text.find(piece, place + 1)
        if found < 0:
            return False
        place = found + len(piece)
    return len(text) - len(pieces[-1]) >= place + 1 and text.endswith(pieces[-1])


def _same_frame(before: Figure, after: Figure) -> bool:
    """Whether only the number of a figure changed: same kind, same unit, same scale word."""
    if before.kind != after.kind or before.literal != after.literal or before.currencies != after.currencies:
        return False
    if before.kind == "date" or before.literal:
        return True
    if not before.digits or not after.digits:
        return before.text == after.text
    return before.text.replace(before.digits, _MASK, 1) == after.text.replace(after.digits, _MASK, 1)


def _pairs(source: Sequence[Figure], translation: Sequence[Figure]) -> list[int] | None:
    """For each figure of the source, the index of the one figure of the translation that
    gives it; None if any figure of either side gives none or more than one."""
    if len(source) != len(translation):
        return None
    pairs = []
    for figure in source:
        partners = [index for index, candidate in enumerate(translation) if figure.same(candidate)]
        if len(partners) != 1:
            return None
        pairs.append(partners[0])
    if len(set(pairs)) != len(pairs):
        return None
    for candidate in translation:
        if sum(1 for figure in source if figure.same(candidate)) != 1:
            return None
    return pairs


def _span(figure: Figure, text: str) -> tuple[int, int]:
    """Where ``figure`` lies in ``text``, without the full stop that ends a sentence after a
    month ("on 17 May."), but with the one of an abbreviation inside it ("17 Nov. 2023")."""
    end = figure.start + len(figure.text)
    if figure.kind == "date" and figure.text.endswith(".") and _SENTENCE_END.match(text, end):
        return figure.start, end - 1
    return figure.start, end


def _moved(changes: Sequence[tuple[Figure, Figure]]) -> bool:
    """Whether the changed figures went round in a circle (5% to 8% became 8% to 5%): figures
    moved, not edited. A chain (2022 to 2023 became 2023 to 2024) is an edit."""
    following = {(before.kind, before.value): (after.kind, after.value) for before, after in changes}
    for start in following:
        seen, value = {start}, following[start]
        while value in following:
            if value in seen:
                return True
            seen.add(value)
            value = following[value]
    return False


def _literal_at(text: str, figure: Figure) -> bool:
    start, end = _span(figure, text)
    return any(match.start() < end and start < match.end() for match in _LITERAL.finditer(text))


# -- writing --------------------------------------------------------------------------------


def _rewrite(
    translation: str, written: Figure, before: Figure, after: Figure, source_language: str, language: str
) -> tuple[int, int, str] | None:
    """Where in ``translation`` its figure ``written`` (which gives ``before``) is, and what
    gives ``after`` there instead."""
    end = _span(written, translation)[1]
    if before.literal and written.key == before.key:
        return written.start, end, after.text  # written as the source writes it: so again
    if after.value is None or written.literal and not isinstance(after.value, tuple):
        return None
    if written.kind == "number" and after.kind == "time" and isinstance(after.value, tuple) and not after.value[1]:
        return written.start, end, str(after.value[0])  # "alle 18" for "at 6 pm": an hour alone stays so
    if written.kind == "date" and isinstance(before.value, tuple) and isinstance(after.value, tuple):
        days = [match["day"] for match in _DAY.finditer(written.text)]
        if before.value[0] == after.value[0] and days == [str(before.value[1])]:
            # Only the day changed: the translation's way of writing the month stays (25 nov.).
            day = after.value[1]
            text = _DAY.sub(lambda match: _day_as_written(match, day), translation[written.start : end])
            return written.start, end, text
    if isinstance(after.value, tuple) or not written.digits:
        return written.start, end, written_as(after, language)
    at = written.text.find(written.digits)
    if at < 0:
        return None
    old_value = written.value if isinstance(written.value, Decimal) else Decimal(0)
    grouped = _grouped(written, language) if abs(old_value) >= 1000 * written.scale else None
    if grouped is None:
        grouped = _grouped(after, source_language)
    with localcontext() as context:  # as many digits as the text gives: no rounding
        context.prec = max(context.prec, 2 * len(str(after.value)) + len(str(written.scale)))
        value = after.value / written.scale
        if after.scale != written.scale:  # 3.5 million into 3.500.000: no decimals the source did not write
            value = _plain(value)
        # else as many decimals as the source writes ($8.20 stays 8,20; the division keeps them)
        digits = _decimal(value, language, grouped)
    start = written.start + at
    return start, start + len(written.digits), digits


def _day_as_written(match: re.Match[str], day: int) -> str:
    """``day`` where ``match`` found the old one, its ordinal ending made to agree: English
    letters (1st, 2nd, 3rd, 11th), and a degree sign only on the first of the month, the one
    day Italian (and Spanish, Portuguese) write as an ordinal (1° marzo, 2 marzo)."""
    ordinal = match["ordinal"] or ""
    if ordinal in ("st", "nd", "rd", "th"):
        return f"{day}{'th' if day % 100 in (11, 12, 13) else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    return f"{day}{ordinal if day == 1 else ''}"


def _decimal(value: Decimal, language: str, grouped: bool) -> str:
    """``value`` as ``language`` writes numbers, with every decimal place it has, trailing
    zeros included (8.20 is 8,20: Babel's own patterns would write 8,2)."""
    pattern = copy.copy(Locale.parse(language).decimal_formats[None])
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    pattern.frac_prec = (places, max(places, pattern.frac_prec[1]))
    return str(pattern.apply(value, language, decimal_quantization=False, group_separator=grouped))


def _grouped(figure: Figure, language: str) -> bool:
    """Whether ``figure``'s digits are grouped (8.000, 8 000), not written in one run (8000)."""
    group = get_group_symbol(language)
    return any(separator in figure.digits for separator in (group, " ", "\u00a0", "\u202f", "\u2009"))


def _plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros that a division left (3.0 -> 3), as an integer if whole."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _apply(text: str, replacements: Sequence[tuple[int, int, str]], language: str) -> str | None:
    """``text`` with each replacement made, last first; None if two overlap."""
    ordered = sorted(replacements)
    if any(first[1] > second[0] for first, second in zip(ordered, ordered[1:], strict=False)):
        return None
    italian = Locale.parse(language).language == "it"
    for start, end, replacement in reversed(ordered):
        before = text[:start]
        if italian:  # an article agrees with how the new figure is read: l'8 marzo, il 9 marzo
            before = agree_before_figure(before, replacement)
        text = before + replacement + text[end:]
    return text
