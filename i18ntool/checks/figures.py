"""The figure checks (NUM): figures of a source missing, added, changed or written in the
source language's format in its translation, as ``i18ntool.figures`` reads and compares them."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from babel import Locale

from i18ntool.figures.reading import Figure, FigureDifference, written_as
from i18ntool.checks.codes import Check, ERROR, IT, WARNING, Problem

Value = Decimal | tuple[int, int]

# -- the checks of this family: their codes, and the problems they report ----------------

CHECKS: tuple[Check, ...] = (
    Check(
        "NUM101",
        ERROR,
        "A figure of the source (number, percentage, amount, date) is missing",
        f"{IT}/festivals.po:92: NUM101 figure $8,000 of the source is missing (8.000 in Italian)",
    ),
    Check(
        "NUM102",
        WARNING,
        "The translation has a figure that the source does not",
        f"{IT}/historical-background.po:86: NUM102 figure 25 marzo is not in the source; check it or remove it",
    ),
    Check(
        "NUM103",
        ERROR,
        "A figure differs from the source's",
        f"{IT}/russo-brothers-award.po:28: NUM103 figure 8.500 dollari differs from the source's $8,000 (8.000 in Italian)",
    ),
    Check(
        "NUM104",
        ERROR,
        "A figure is written in the source language's format, which reads differently here",
        f"{IT}/russo-brothers-award.po:55: NUM104 1,000 reads as 1 in Italian; the source's 1,000 is written 1.000",
    ),
)


def figure_problems(differences: Iterable[FigureDifference], language: str) -> list[Problem]:
    name = _language_name(language)

    def hint(source: Figure) -> str:
        if source.literal and source.kind == "number":  # an identifier: Python 3.10, RFC 9110
            return "; keep it as written"
        return f" ({written_as(source, language)} in {name})"

    problems = []
    for difference in differences:
        source, translation = difference.source, difference.translation
        if difference.kind == "missing" and source is not None:
            problems.append(Problem("NUM101", f"figure {source.text} of the source is missing{hint(source)}"))
        elif difference.kind == "added" and translation is not None:
            problems.append(Problem("NUM102", f"figure {translation.text} is not in the source; check it or remove it"))
        elif difference.kind == "changed" and source is not None and translation is not None:
            problems.append(
                Problem("NUM103", f"figure {translation.text} differs from the source's {source.text}{hint(source)}")
            )
        elif source is not None and translation is not None:
            read = translation.read_as(language)
            reads = "is not a number" if read.value is None else f"reads as {written_as(read, language)}"
            problems.append(
                Problem(
                    "NUM104",
                    f"{translation.text} {reads} in {name}; the source's {source.text} is written "
                    f"{written_as(source, language)}",
                )
            )
    return problems


def _language_name(language: str) -> str:
    return Locale.parse(language).english_name or language
