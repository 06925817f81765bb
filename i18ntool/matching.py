"""Fuzzy candidates: which old entry's translation could best serve a new or changed text.

``similarity`` is the measure; ``best_matches`` finds the old entry that ``similarity`` rates
highest without comparing each text with every old entry. Comparing all pairs was quadratic:
on a document of 3,000 segments with 5% of them edited, 87% of `update` went into
``similarity`` (cProfile), and a document of 10,000 segments took minutes.

The matcher works in three steps, each dearer than the one before and run on fewer texts:

1. Retrieve: old texts are indexed by their words and pairs of words, each key's postings in
   order of text length. A new text reads its rarest keys first, only among old texts of a
   length that could reach the threshold, up to a fixed number of postings; the few old texts
   that share the most (rare) keys are its candidates.
2. Bound: for each candidate, an upper bound of its score from counts alone (shared words and
   letters, as difflib's ``quick_ratio``); candidates are tried best bound first.
3. Score: ``similarity`` itself, computed in two halves so that the costly one (letters) is
   skipped when the words' half plus the letters' bound cannot beat the best so far, or when
   the words' half plus the fewest letters difflib can match (a common beginning or end, a
   run of words matched) already puts the first candidate above every other's bound.

The length range and steps 2 and 3 never change the result: a candidate is left out only when
it provably cannot win. Step 1 is where the index can differ from comparing every pair: an
old text that shares few of the new text's rarer keys, or is outranked by the few, is not
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
import itertools
import math
import operator
import os
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from i18ntool import workers
from i18ntool.po.catalogue import Message

# How alike an old and a new source text must be for the old translation to be offered as
# fuzzy. Measured on word tokens (see ``similarity``); tests/test_matching.py holds the real
# edits this was tuned on.
FUZZY_THRESHOLD = 0.6
# Taken from the score of an old entry in another context (msgctxt): the same words in
# another place are a little less likely to be the same sentence.
CONTEXT_PENALTY = 0.05

# Retrieval: how many postings a text reads (rarest keys first; it always reads its three
# rarest keys, so that a short text of common words still finds its like), at most how many
# keys, and how many of the old texts sharing most keys go on to be scored. A paragraph's own
# old text shares almost all its rare pairs of words with it, so it is among the first few.
# Measured on generated documents (benchmarks/fuzzy.py): at 100,000 segments, a budget of
# 1,000 postings gave 98.2% of edited paragraphs their old translation, 2,000 gave 98.5%; at
# 10,000, both 100%. The keys past a paragraph's twelfth rarest are common ones (a median
# text read 28 keys, 1,800 postings, most of them in its last few keys) and changed no
# answer: at 100,000 segments, stopping at 8, 12, 16 or 24 keys gave each of 3,310 new
# texts the candidate reading every key within the budget gave; at 12 keys, retrieving and
# scoring took 1.6 s where it had taken 4.8 s (one process).
_POSTINGS_BUDGET = 2000
_KEYS_ENOUGH = 12
# From this many old texts, pairs of words are indexed too (``_index_keys``).
PAIRS_FROM = 1000
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


def _index_keys(folded: str, pairs: bool = True) -> set[str]:
    """What a text is indexed by: its words (split at spaces) and, with ``pairs``, each two
    words in a row.

    Pairs are far rarer than words: in a long document of common words, every single word is
    in thousands of texts, but a paragraph's pairs are in few besides itself and its edits
    (an edited word breaks two pairs and leaves the rest). Among a few hundred old texts, a
    paragraph's rarer words are enough, and making the pairs was half of the index's cost
    (`update` of 1,000 documents of 50 paragraphs).
    """
    words = folded.split()
    if not pairs:
        return set(words)
    return {*words, *map(" ".join, zip(words, words[1:], strict=False))}


class _NewText:
    """A new text, ready to be compared with many old ones.

    difflib's matchers index their second sequence; the new text is that sequence in both
    (words, then characters), so it is indexed once however many old texts it meets, and
    only if it meets one.
    """

    def __init__(self, text: str) -> None:
        self.folded = text.casefold()
        self.tokens = _TOKEN.findall(self.folded)

    @functools.cached_property
    def _words(self) -> difflib.SequenceMatcher[str]:
        return difflib.SequenceMatcher(None, [], self.tokens, autojunk=False)

    @functools.cached_property
    def _characters(self) -> difflib.SequenceMatcher[str]:
        return difflib.SequenceMatcher(None, "", self.folded, autojunk=False)

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

    def word_blocks(self) -> list[difflib.Match]:
        """The matching blocks of the last ``word_score``, kept by difflib."""
        return self._words.get_matching_blocks()

    def character_score(self, old_folded: str) -> float:
        self._characters.set_seq1(old_folded)
        return self._characters.ratio()

    def word_bound(self, old_token_counts: Counter[str], old_length: int) -> float:
        """At least ``word_score``: difflib matches no more tokens than the two texts share."""
        shared = _shared_count(self.token_counts, old_token_counts)
        bound = 2.0 * shared / (old_length + len(self.tokens))
        if self._part_of_old(old_length):
            bound = max(bound, 0.95 * shared / len(self.tokens))
        return bound

    def character_bound(self, old_character_counts: Counter[str], old_length: int) -> float:
        """At least ``character_score``: difflib's ``quick_ratio``, from shared letters."""
        shared = _shared_count(self.character_counts, old_character_counts)
        return 2.0 * shared / (old_length + len(self.folded))

    @functools.cached_property
    def keys(self) -> set[str]:
        return _index_keys(self.folded)

    @functools.cached_property
    def words(self) -> set[str]:
        return _index_keys(self.folded, pairs=False)

    @functools.cached_property
    def token_counts(self) -> Counter[str]:
        return Counter(self.tokens)

    @functools.cached_property
    def character_counts(self) -> Counter[str]:
        return Counter(self.folded)

    def _part_of_old(self, old_length: int) -> bool:
        return len(self.tokens) * 4 >= old_length and len(self.tokens) >= 5


def _shared_count(new: Counter[str], old: Counter[str]) -> int:
    """How many items the two counts share: ``sum((new & old).values())``, by map() rather than
    Counter's ``&`` (a loop in Python, run for each of 8 candidates of every text, twice)."""
    return sum(map(min, old.values(), map(new.get, old, itertools.repeat(0))))


def best_matches(
    entries: Sequence[Message], candidates: Sequence[Message], *, jobs: int | None = None
) -> list[Message | None]:
    """For each entry, the candidate whose translation could best serve it, or None.

    Each answer is what comparing the entry with every candidate in turn would give (up to
    what retrieval misses; see the module's docstring): the candidate with the highest score
    (``similarity``, less ``CONTEXT_PENALTY`` for another context) at or above
    ``FUZZY_THRESHOLD``, the earliest of equals. All entries are asked at once, so that the
    index holds only the keys that some entry will read.

    Each entry's answer depends on the index and on itself only, so many entries are shared
    out among ``jobs`` processes (default: every core when there are enough entries to pay
    for starting them), forked once the index is built so that it is built once; the answers
    are the same as in one process.
    """
    return [None if found is None else found[0] for found in best_offers(entries, candidates, _no_offer, jobs=jobs)]


Offer = TypeVar("Offer")


def best_offers(
    entries: Sequence[Message],
    candidates: Sequence[Message],
    offer: Callable[[Message, Message], Offer],
    *,
    jobs: int | None = None,
) -> list[tuple[Message, Offer] | None]:
    """:func:`best_matches`, each match with ``offer(entry, match)``, made where it was found:
    on every core with the matching (at 100,000 segments, `update` made its 2,665 fuzzy
    entries, figures carried, in 0.35 s of one process)."""
    if not entries or not candidates:
        return [None] * len(entries)
    texts = [_NewText(entry.msgid) for entry in entries]
    jobs = workers.jobs(jobs, len(entries), PARALLEL_MINIMUM)
    task = _Task(entries, texts, candidates, _Index(candidates, texts, jobs), offer)
    return task.run(0, len(entries)) if jobs == 1 else workers.forked(task.run, len(entries), jobs)


def _no_offer(entry: Message, match: Message) -> None:
    return None


# Below this many entries to match, one process: forking and collecting take about a tenth of
# a second, and 1,000 entries take about a second here (benchmarks/fuzzy.py, 10,000 segments).
PARALLEL_MINIMUM = 1000


@dataclass(frozen=True)
class _Task(Generic[Offer]):
    """Everything matching needs, built once: the entries, their texts, the candidates, the
    index, and what to make of a match."""

    entries: Sequence[Message]
    texts: Sequence[_NewText]
    candidates: Sequence[Message]
    index: _Index
    offer: Callable[[Message, Message], Offer]

    def run(self, start: int, end: int) -> list[tuple[Message, Offer] | None]:
        """The best candidate of each entry from ``start`` to ``end``, with its offer."""
        found: list[tuple[Message, Offer] | None] = []
        olds: dict[int, _OldText] = {}  # each candidate's counts, made once for all entries that meet it
        for number in range(start, end):
            entry, text = self.entries[number], self.texts[number]
            best = _best_match(entry, text, self.candidates, self.index.retrieve(text), olds)
            found.append(None if best is None else (self.candidates[best], self.offer(entry, self.candidates[best])))
        return found


def _best_match(
    entry: Message,
    new: _NewText,
    candidates: Sequence[Message],
    retrieved: list[int],
    olds: dict[int, _OldText] | None = None,
) -> int | None:
    """The number of the best of the ``retrieved`` candidates for ``entry``, or None; ``olds``
    keeps each candidate's counts for the next entry (the few new texts of a document meet
    the same old ones)."""
    olds = {} if olds is None else olds
    bounded = []
    for number in retrieved:
        old = candidates[number]
        if old.msgid_plural is not None and entry.msgid_plural is None:
            continue
        penalty = CONTEXT_PENALTY if old.msgctxt != entry.msgctxt else 0.0
        if (prepared := olds.get(number)) is None:
            prepared = olds[number] = _OldText(old.msgid.casefold())
        bounded.append(_Bounded(new, number, prepared, penalty))
    bounded.sort(key=_order)
    best: _Bounded | None = None
    best_score = FUZZY_THRESHOLD
    for place, candidate in enumerate(bounded):
        if candidate.bound < best_score:
            break  # neither this one nor any after it can reach the best so far
        # The first may win without its letters' half computed (see _Bounded.score), which
        # may tighten the others' bounds: they are put in order again.
        score = candidate.score(new, best_score, bounded[1:] if place == 0 else None)
        if place == 0:
            bounded[1:] = sorted(bounded[1:], key=_order)
        if score is None or score < best_score:
            continue
        if best is None or score > best_score or candidate.number < best.number:
            best, best_score = candidate, score
    return None if best is None else best.number


def _order(candidate: _Bounded) -> tuple[float, int]:
    """Candidates are tried highest bound first, the earliest of equals first."""
    return -candidate.bound, candidate.number


_Postings = tuple["array[int]", "array[int]", "array[int]", "array[int]"]  # sizes, keys, ends of their runs, runs


class _Index:
    """The candidates' texts by index key (``_index_keys``), each key's postings in order of
    text length, so that a length range is a slice.

    Only keys that some new text has are indexed: in a document of 100,000 segments,
    indexing every word and pair of every old text took longer than reading the catalogue.
    Old texts are split once, in slices in order of length on every core, each slice giving
    its postings of those keys as runs of numbers; how many old texts have a key is the
    length of its runs, and the keys new texts will read (``_keys_to_read``, which depends on
    those counts) take their runs joined. (Gathering postings from each old text's shared
    keys in the main process took 1.2 s at 100,000 segments.)
    """

    def __init__(self, candidates: Sequence[Message], texts: Sequence[_NewText], jobs: int = 1) -> None:
        folded = [candidate.msgid.casefold() for candidate in candidates]
        self.pairs = pairs = len(candidates) >= PAIRS_FROM
        wanted: set[str] = set().union(*map(self.keys_of, texts))
        self.lengths = [len(old) for old in folded]
        by_length = sorted(range(len(folded)), key=self.lengths.__getitem__)

        def runs_of(start: int, end: int) -> tuple[list[int], dict[str, list[int]]]:
            """The number of keys of each old text ``start`` to ``end`` in order of length,
            and the run of those texts (in that order) of every key a new text has."""
            found: defaultdict[str, list[int]] = defaultdict(list)
            run_of, append = found.__getitem__, list.append
            sizes = []
            for number in by_length[start:end]:
                own = _index_keys(folded[number], pairs)
                sizes.append(len(own))
                # The text's number appended to the run of each key it shares with a new
                # text, by map() rather than a loop here (3 million keys at 100,000 segments).
                any(map(append, map(run_of, own & wanted), itertools.repeat(number)))
            return sizes, found

        if jobs == 1:
            # Here (a document of a few dozen old texts, most often): one run of each key.
            sizes, found = runs_of(0, len(folded))
            self.frequency: Counter[str] = Counter({key: len(run) for key, run in found.items()})
            self._set_sizes(by_length, sizes)
            self.chosen = {id(text): self._keys_to_read(text) for text in texts}  # each text's, read twice
            self.postings: dict[str, Sequence[int]] = {key: found[key] for keys in self.chosen.values() for key in keys}
            return
        # Splitting every old text is most of the index's cost: on every core, as matching is,
        # in slices in order of length, so that each key's postings are the slices' runs joined.
        names = list(wanted)  # keys by number, in any order: numbers travel, and are only looked up
        number_of = {key: number for number, key in enumerate(names)}

        def postings_of(start: int, end: int) -> list[_Postings]:
            """``runs_of`` as arrays, each key's run in one run of ``numbers`` (arrays travel
            from a worker as bytes, where a list per key cost more to send than to make)."""
            sizes, found = runs_of(start, end)
            keys, ends, runs = array("l"), array("l"), array("l")
            for key, run in found.items():
                keys.append(number_of[key])
                runs.extend(run)
                ends.append(len(runs))
            return [(array("l", sizes), keys, ends, runs)]

        # The slices are handed out longest texts first, so that the last to finish are the
        # cheapest: in order of length, the last slice took a third of the time, and one core
        # waited 0.5 s for it at 100,000 segments. They come back in that order, reversed here.
        total = len(folded)
        parts = workers.forked(lambda start, end: postings_of(total - end, total - start), total, jobs)[::-1]
        self._set_sizes(by_length, [size for sizes, _, _, _ in parts for size in sizes])
        counts: dict[int, int] = {}
        for _, keys, ends, _ in parts:
            for key_number, run_end, run_start in zip(keys, ends, itertools.chain((0,), ends), strict=False):
                counts[key_number] = counts.get(key_number, 0) + run_end - run_start
        self.frequency = Counter({names[number]: count for number, count in counts.items()})
        self.chosen = {id(text): self._keys_to_read(text) for text in texts}
        # Only the runs of keys that new texts will read (which depends on the counts) are joined.
        read = {number_of[key] for keys in self.chosen.values() for key in keys}
        gathered: dict[int, array[int]] = {}
        for _, keys, ends, numbers in parts:
            for key_number, run_end, run_start in zip(keys, ends, itertools.chain((0,), ends), strict=False):
                if key_number in read:
                    if (postings := gathered.get(key_number)) is None:
                        gathered[key_number] = numbers[run_start:run_end]
                    else:
                        postings.extend(numbers[run_start:run_end])
        self.postings = {names[key_number]: numbers for key_number, numbers in gathered.items()}

    def keys_of(self, new: _NewText) -> set[str]:
        """What ``new`` is looked up by here: its words, and its pairs of words among many old texts."""
        return new.keys if self.pairs else new.words

    def _set_sizes(self, by_length: list[int], sizes: Iterable[int]) -> None:
        """How many keys each old text has, from their numbers in order of length."""
        self.sizes = [0] * len(by_length)
        for number, size in zip(by_length, sizes, strict=True):
            self.sizes[number] = size

    def retrieve(self, new: _NewText) -> list[int]:
        """The numbers of the few candidates that share most of ``new``'s rarer keys, among
        those of a length that could reach the threshold."""
        shortest = math.floor(len(new.folded) / _LENGTH_FACTOR)
        longest = math.ceil(len(new.folded) * _LENGTH_FACTOR)
        shared: dict[int, float] = {}
        shared_weight, length_of = shared.get, self.lengths.__getitem__  # bound once: the loop runs per posting
        for key in self.chosen[id(new)] if id(new) in self.chosen else self._keys_to_read(new):
            numbers = self.postings[key]
            # The length range is wide (a factor of 9 each way), so most keys' postings lie in
            # it whole: two lookups then tell so, where bisecting took 17 each way.
            if length_of(numbers[0]) < shortest or length_of(numbers[-1]) > longest:
                start = bisect.bisect_left(numbers, shortest, key=length_of)
                end = bisect.bisect_right(numbers, longest, key=length_of)
                numbers = numbers[start:end]
            weight = math.log(1 + len(self.lengths) / self.frequency[key])
            for number in numbers:
                shared[number] = shared_weight(number, 0.0) + weight
        # Shared weight over the two texts' sizes (as Dice's coefficient), so that a short old
        # text that shares most of its keys ranks above a long one that shares a few more; the
        # first met of equals first. Computed by map() rather than in a loop here, which ran
        # once per old text met (5 million times at 100,000 segments).
        met = list(shared)
        sizes = map(len(self.keys_of(new)).__add__, map(self.sizes.__getitem__, met))
        ranked = list(map(operator.truediv, shared.values(), sizes))
        return [met[place] for place in heapq.nlargest(_CANDIDATES, range(len(met)), key=ranked.__getitem__)]

    def _keys_to_read(self, new: _NewText) -> list[str]:
        """``new``'s keys that old texts have, rarest first, within the budget of postings and
        of keys."""
        chosen: list[str] = []
        read = 0
        keys = self.keys_of(new)
        for key in sorted((key for key in keys if self.frequency[key]), key=lambda key: (self.frequency[key], key)):
            if len(chosen) >= _ALWAYS_READ and (
                read + self.frequency[key] > _POSTINGS_BUDGET or len(chosen) >= _KEYS_ENOUGH
            ):
                break
            read += self.frequency[key]
            chosen.append(key)
        return chosen


class _OldText:
    """An old text as scoring reads it: folded, its tokens, and the counts its bounds need."""

    __slots__ = ("folded", "tokens", "token_counts", "character_counts")

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.tokens = _TOKEN.findall(folded)
        self.token_counts = Counter(self.tokens)
        self.character_counts = Counter(folded)


class _Bounded:
    """A retrieved candidate with an upper bound of its score, from counts alone."""

    def __init__(self, new: _NewText, number: int, old: _OldText, penalty: float) -> None:
        self.number, self.folded, self.tokens, self.penalty = number, old.folded, old.tokens, penalty
        self.character_bound = new.character_bound(old.character_counts, len(old.folded))
        self.bound = (new.word_bound(old.token_counts, len(old.tokens)) + self.character_bound) / 2 - penalty
        self.words: float | None = None  # the words' half, once computed

    def score(self, new: _NewText, to_beat: float, others: Sequence[_Bounded] | None = None) -> float | None:
        """``similarity`` less the penalty, computed as ``_NewText.similarity`` does; None when
        the words' half shows that it stays under ``to_beat``.

        The letters' half (difflib's ratio, most of the cost of matching) is left out when a
        lower bound of the score already reaches ``to_beat`` and is above the bounds of the
        ``others`` (the other candidates, when given): this one wins whatever its exact score,
        and the bound is returned. difflib matches at least the longest run of letters the
        texts share (its first block), so at least their common beginning or end, and the
        longest run of words the words' half matched when the new text has it letter for
        letter: an edited paragraph keeps long runs (at 100,000 segments, 2,400 of 2,709
        letters' halves were left out so). Where an other's bound is in the way, its words'
        half is computed to tighten it (:meth:`tighten`): a paragraph of the same document
        shares most letters with any other, and its bound from counts alone kept the letters'
        half of 125 edited paragraphs of 1,000 documents, each dearer than the words' half
        of all the others.
        """
        if self.folded == new.folded:
            return 1.0 - self.penalty
        if not self.tokens or not new.tokens:
            return 0.0 - self.penalty
        words = self.words if self.words is not None else new.word_score(self.tokens)
        if (words + self.character_bound) / 2 - self.penalty < to_beat:
            return None
        if others is not None:
            shared_end = max(_common_end(self.folded, new.folded), self._longest_shared_run(new))
            at_least = (words + 2.0 * shared_end / (len(self.folded) + len(new.folded))) / 2 - self.penalty
            if at_least >= to_beat and at_least > max((other.bound for other in others), default=-math.inf):
                return at_least
            if at_least >= to_beat:
                for other in others:
                    if other.bound >= at_least:
                        other.tighten(new)
                if at_least > max((other.bound for other in others), default=-math.inf):
                    return at_least
        return (words + new.character_score(self.folded)) / 2 - self.penalty

    def tighten(self, new: _NewText) -> None:
        """The bound with the words' half computed (the letters' half still from counts)."""
        if self.words is None and self.folded != new.folded and self.tokens and new.tokens:
            self.words = new.word_score(self.tokens)
            self.bound = (self.words + self.character_bound) / 2 - self.penalty

    def _longest_shared_run(self, new: _NewText) -> int:
        """The letters of the longest run of words the words' half matched, if ``new`` has
        them as they stand here (spaces and all): difflib matches at least as many letters."""
        blocks = new.word_blocks()
        start, _, size = max(blocks, key=lambda block: block.size)
        if not size:
            return 0
        spans = [match.span() for match in _TOKEN.finditer(self.folded)]
        run = self.folded[spans[start][0] : spans[start + size - 1][1]]
        return len(run) if run in new.folded else 0


def _common_end(first: str, second: str) -> int:
    """The length of the two texts' common beginning or common end, the longer of the two."""
    return max(len(os.path.commonprefix([first, second])), len(os.path.commonprefix([first[::-1], second[::-1]])))
