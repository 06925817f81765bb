"""How much of a document is translated in one language: the one definition that publishing is
gated on (``localised.localise`` counts it), in a module of its own so that the build can
speak of it without importing the Markdown parser."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Completeness:
    """How much of a document's current text has a translation in one language."""

    entries: int
    translated: int  # translated or reviewed
    fuzzy: int
    untranslated: int  # empty, or missing from the catalogue
    fuzzy_counts: bool = False  # fuzzy translations are used, so count as done

    @property
    def done(self) -> int:
        return self.translated + (self.fuzzy if self.fuzzy_counts else 0)

    @property
    def percent(self) -> float:
        """Rounded down to one decimal, so that only a complete text shows 100.0."""
        return 100.0 if not self.entries else math.floor(self.done * 1000 / self.entries) / 10

    def reaches(self, threshold: float) -> bool:
        return self.done * 100 >= threshold * self.entries


FULL = Completeness(entries=0, translated=0, fuzzy=0, untranslated=0)
