"""Fuzzy candidates: which old entry's translation could best serve a new or changed text.

``similarity`` is the measure; ``FuzzyMatcher`` finds the old entry that ``similarity`` rates
highest without comparing the text with every old entry. Comparing all pairs was quadratic:
on a document of 3,000 segments with 5% of them edited, 94% of `update` went into
``similarity``, and a document of 10,000 segments took minutes.

The matcher works in three steps, each cheaper than the next:

1. Retrieve: old texts are indexed by their words, each word's list sorted by text length.
   A new text looks up its rarest words first, only among old texts of a length that could
   reach the threshold, until it has read a fixed number of postings; old texts that share
   the most (rare) words are its few candidates.
2. Bound: for each candidate, an upper bound of its score from counts alone (shared words and
   letters, as difflib's ``quick_ratio``); candidates are tried best bound first.
3. Score: ``similarity`` itself, computed in two halves so that the costly one (letters) is
   skipped when the words' half plus the letters' bound cannot beat the best so far.

The length range and steps 2 and 3 never change the result: a candidate is left out only when
it provably cannot win. Step 1 is where the index can differ from comparing every pair: an
old text that shares few of the new text's rarer words, or is outranked by the few, is not
scored. tests/test_matching.py holds the matcher against comparing every pair on generated
catalogues (whenever one old text is clearly the best, the matcher finds it), and
benchmarks/fuzzy.py measures how often each tool gives an edited paragraph its own old
translation.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence

from i18ntool.catalogue import Message

# How alike an old and a new source text must be for the old translation to be offered as
# fuzzy. Measured on word tokens (see ``similarity``); tests/test_matching.py holds the real
# edits this was tuned on.
FUZZY_THRESHOLD = 0.6
# Taken from the score of an old entry in another context (msgctxt): the same words in
# another place are a little less likely to be the same sentence.
CONTEXT_PENALTY = 0.05

# Retrieval: how many postings a text reads (rarest words first; it always reads its three
# rarest words, so that a short text of common words still finds its like), and how many of
# the old texts sharing most words go on to be scored. A document's own edit shares almost all
# its rare words with the new text, so it is among the first few; measured on generated
# documents of 1,000 to 100,000 segments (benchmarks/fuzzy.py), a larger budget found nothing
# more.
_POSTINGS_BUDGET = 2000
_ALWAYS_READ = 3
_CANDIDATES = 8
# The characters' half of a score is at most 2 * shorter / (sum of the lengths) and the words'
# half at most 1, so an old text longer than the new one by more than this factor (or shorter)
# cannot reach the threshold.
_LENGTH_FACTOR = 2 / (2 * FUZZY_THRESHOLD - 1) - 1

_TOKEN = re.compile(r"\w+|[^\w\s]")


def similarity(old: str, new: str) -> float:
    """How well the translation of ``old`` could serve ``new``, from 0 to 1.

    The mean of two measures, so that each covers the other's blind spot: the ratio of
    shared characters (as msgmerge's fuzzy matching does; it sees "contact" and "contacts"
    as alike) and the ratio of shared words (which does not reward two unrelated sentences
    for using the same letters). For a new text that is a part of the old one (a split
    paragraph), the word measure is the share of the new text found in the old, counted
    only for a part at least a quarter of the whole, so that a short heading does not match
    every paragraph that contains its words.
    """
    return _NewText(new).similarity(old)


class _NewText:
    """A new text, ready to be compared with many old ones.

    difflib's matchers index their second sequence; the new text is that sequence in both
    (words, then characters), so it is indexed once however many old texts it meets.
    """

    def __init__(self, text: str) -> None:
        self.folded = text.casefold()
        self.tokens = _TOKEN.findall(self.folded)
        self._words = difflib.SequenceMatcher(None, [], self.tokens, autojunk=False)
        self._characters = difflib.SequenceMatcher(None, "", self.folded, autojunk=False)

    def similarity(self, old: str) -> float:
        old_folded = old.casefold()
        if old_folded == self.folded:
            return 1.0
        old_tokens = _TOKEN.findall(old_folded)
        if not old_tokens or not self.tokens:
            return 0.0
        return (self.word_score(old_tokens) + self.character_score(old_folded)) / 2

    def word_score(self, old_tokens: list[str]) -> float:
        self._words.set_seq1(old_tokens)
        score = self._words.ratio()
        if self._part_of_old(len(old_tokens)):
            shared = sum(block.size for block in self._words.get_matching_blocks())
            score = max(score, 0.95 * shared / len(self.tokens))
        return score

    def character_score(self, old_folded: str) -> float:
        self._characters.set_seq1(old_folded)
        return self._characters.ratio()

    def word_bound(self, old_token_counts: Counter[str], old_length: int) -> float:
        """At least ``word_score``: difflib matches no more tokens than the two texts share."""
        shared = sum((self.token_counts & old_token_counts).values())
        bound = 2.0 * shared / (old_length + len(self.tokens))
        if self._part_of_old(old_length):
            bound = max(bound, 0.95 * shared / len(self.tokens))
        return bound

    def character_bound(self, old_character_counts: Counter[str], old_length: int) -> float:
        """At least ``character_score``: difflib's ``quick_ratio``, from shared letters."""
        shared = sum((self.character_counts & old_character_counts).values())
        return 2.0 * shared / (old_length + len(self.folded))

    @functools.cached_property
    def token_counts(self) -> Counter[str]:
        return Counter(self.tokens)

    @functools.cached_property
    def character_counts(self) -> Counter[str]:
        return Counter(self.folded)

    def _part_of_old(self, old_length: int) -> bool:
        return len(self.tokens) * 4 >= old_length and len(self.tokens) >= 5


class FuzzyMatcher:
    """The old entries whose translations may be offered as fuzzy, indexed by their words.

    ``best_match`` gives what comparing the text with every candidate in turn would give:
    the candidate with the highest score (``similarity``, less ``CONTEXT_PENALTY`` for
    another context) at or above ``FUZZY_THRESHOLD``, the earliest of equals.
    """

    def __init__(self, candidates: Sequence[Message]) -> None:
        self._candidates = tuple(candidates)
        self._postings: dict[str, list[int]] | None = None  # built on the first question
        self._lengths: list[int] = []  # casefolded length of each candidate's text
        self._sizes: list[int] = []  # distinct words in each candidate's text

    def best_match(self, entry: Message) -> Message | None:
        if not self._candidates:
            return None
        new = _NewText(entry.msgid)
        bounded = []
        for number in self._retrieve(new):
            old = self._candidates[number]
            if old.msgid_plural is not None and entry.msgid_plural is None:
                continue
            penalty = CONTEXT_PENALTY if old.msgctxt != entry.msgctxt else 0.0
            bounded.append(_Bounded(new, number, old.msgid.casefold(), penalty))
        bounded.sort(key=lambda candidate: (-candidate.bound, candidate.number))
        best: _Bounded | None = None
        best_score = FUZZY_THRESHOLD
        for candidate in bounded:
            if candidate.bound < best_score:
                break  # neither this one nor any after it can reach the best so far
            score = candidate.score(new, best_score)
            if score is None or score < best_score:
                continue
            if best is None or score > best_score or candidate.number < best.number:
                best, best_score = candidate, score
        return None if best is None else self._candidates[best.number]

    def _retrieve(self, new: _NewText) -> list[int]:
        """The numbers of the few candidates that share most of ``new``'s rarer words, among
        those of a length that could reach the threshold."""
        postings = self._index()
        shortest = math.floor(len(new.folded) / _LENGTH_FACTOR)
        longest = math.ceil(len(new.folded) * _LENGTH_FACTOR)
        slices = []
        words = set(new.folded.split())
        for word in words:
            numbers = postings.get(word)
            if numbers:
                start = bisect.bisect_left(numbers, shortest, key=self._lengths.__getitem__)
                end = bisect.bisect_right(numbers, longest, key=self._lengths.__getitem__)
                if end > start:
                    slices.append((end - start, len(numbers), word, start, end))
        slices.sort()
        shared: dict[int, float] = {}
        read = 0
        for position, (size, frequency, word, start, end) in enumerate(slices):
            if read + size > _POSTINGS_BUDGET and position >= _ALWAYS_READ:
                break
            read += size
            weight = math.log(1 + len(self._candidates) / frequency)
            for number in postings[word][start:end]:
                shared[number] = shared.get(number, 0.0) + weight
        # Shared weight over the two texts' sizes (as Dice's coefficient), so that a short old
        # text that shares most of its words ranks above a long one that shares a few more.
        return heapq.nsmallest(
            _CANDIDATES, shared, key=lambda number: (-shared[number] / (len(words) + self._sizes[number]), number)
        )

    def _index(self) -> dict[str, list[int]]:
        """Each word (casefolded, split at spaces) -> the candidates that have it, shortest text
        first (so that a length range is a slice)."""
        if self._postings is None:
            self._lengths = [len(candidate.msgid.casefold()) for candidate in self._candidates]
            self._sizes = [0] * len(self._candidates)
            postings: dict[str, list[int]] = {}
            for number in sorted(range(len(self._candidates)), key=self._lengths.__getitem__):
                words = set(self._candidates[number].msgid.casefold().split())
                self._sizes[number] = len(words)
                for word in words:
                    if word in postings:
                        postings[word].append(number)
                    else:
                        postings[word] = [number]
            self._postings = postings
        return self._postings


class _Bounded:
    """A retrieved candidate with an upper bound of its score, from counts alone."""

    def __init__(self, new: _NewText, number: int, folded: str, penalty: float) -> None:
        self.number, self.folded, self.penalty = number, folded, penalty
        self.tokens = _TOKEN.findall(folded)
        self.character_bound = new.character_bound(Counter(folded), len(folded))
        self.bound = (new.word_bound(Counter(self.tokens), len(self.tokens)) + self.character_bound) / 2 - penalty

    def score(self, new: _NewText, to_beat: float) -> float | None:
        """``similarity`` less the penalty, computed as ``_NewText.similarity`` does; None when
        the words' half shows that it stays under ``to_beat``."""
        if self.folded == new.folded:
            return 1.0 - self.penalty
        if not self.tokens or not new.tokens:
            return 0.0 - self.penalty
        words = new.word_score(self.tokens)
        if (words + self.character_bound) / 2 - self.penalty < to_beat:
            return None
        return (words + new.character_score(self.folded)) / 2 - self.penalty
