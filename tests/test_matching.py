"""Fuzzy candidates: the similarity measure, and the indexed matcher held against comparing
every pair (the plain definition of the best match)."""

from __future__ import annotations

import difflib
import heapq
import math
import os
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool import matching, workers
from i18ntool.po.catalogue import Message
from i18ntool.matching import CONTEXT_PENALTY, FUZZY_THRESHOLD, best_matches, similarity
from tests.conftest import profile

ORIGINAL = (
    "The film won the Russo Brothers Italian American Film Forum, together with an $8,000 grant, "
    "and was named Best Short at the ETHOS International Film Festival."
)
OTHER = "Alessia Crucitelli was born and raised in Florence, Italy, and moved to Los Angeles in 2018."


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(ORIGINAL, ORIGINAL.replace("$8,000", "$8,500"), id="changed-figure"),
        pytest.param(ORIGINAL, ORIGINAL.replace("together with an", "along with a"), id="reworded-phrase"),
        pytest.param(
            ORIGINAL,
            "The film won the Russo Brothers Italian American Film Forum and its $8,000 grant, and it was "
            "named Best Short at the ETHOS International Film Festival.",
            id="reworded-sentence",
        ),
        pytest.param(
            ORIGINAL,
            "The film won the Russo Brothers Italian American Film Forum, together with an $8,000 grant.",
            id="split-first-half",
        ),
        pytest.param(
            ORIGINAL, "It was also named Best Short at the ETHOS International Film Festival.", id="split-second-half"
        ),
        pytest.param("Press contact", "Press contacts", id="plural-heading"),
        pytest.param(
            "**Lead actress:** Roberta Sparta (Marina)",
            "**Lead actress:** Roberta Sparta, as Marina",
            id="fact-box-item",
        ),
    ],
)
def test_real_edits_are_similar_enough_for_a_fuzzy_match(old: str, new: str) -> None:
    assert similarity(old, new) >= FUZZY_THRESHOLD


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(ORIGINAL, "About the director", id="heading-vs-paragraph"),
        pytest.param(ORIGINAL, OTHER, id="other-paragraph"),
        pytest.param("Press contact", "Fact box", id="other-heading"),
        pytest.param("About Santa Monica College", "About the director", id="about-headings"),
    ],
)
def test_unrelated_texts_are_not_matched(old: str, new: str) -> None:
    assert similarity(old, new) < FUZZY_THRESHOLD


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("Press contact", "PRESS CONTACT", 1.0, id="case-only"),
        pytest.param("Fact box", "", 0.0, id="empty-new"),
        pytest.param("", "Fact box", 0.0, id="empty-old"),
    ],
)
def test_similarity_at_its_ends(old: str, new: str, expected: float) -> None:
    assert similarity(old, new) == expected


def message(msgid: str, msgctxt: str | None = None, plural: str | None = None) -> Message:
    return Message(msgid=msgid, msgstr=f"IT {msgid}", msgctxt=msgctxt, msgid_plural=plural)


def reference_scores(entry: Message, candidates: list[Message]) -> list[float | None]:
    """Each candidate's score as comparing every pair defines it (None: not a candidate)."""
    scores: list[float | None] = []
    for candidate in candidates:
        if candidate.msgid_plural is not None and entry.msgid_plural is None:
            scores.append(None)
            continue
        score = similarity(candidate.msgid, entry.msgid)
        if candidate.msgctxt != entry.msgctxt:
            score -= CONTEXT_PENALTY
        scores.append(score)
    return scores


def reference_best(
    entry: Message, candidates: list[Message], scores: list[float | None] | None = None
) -> Message | None:
    """The plain definition: the highest score at or above the threshold, the earliest of equals.
    ``scores``, when given, are ``reference_scores(entry, candidates)`` computed already."""
    best, best_score = None, FUZZY_THRESHOLD
    if scores is None:
        scores = reference_scores(entry, candidates)
    for candidate, score in zip(candidates, scores, strict=True):
        if score is not None and score >= best_score and (best is None or score > best_score):
            best, best_score = candidate, score
    return best


PARAGRAPHS = [
    ORIGINAL,
    OTHER,
    "The Russo Brothers Italian American Film Forum is held every year in Washington.",
    "Leaving the Factory was shown at the ETHOS International Film Festival in 2022.",
    "Press contact",
    "About the director",
]


@pytest.mark.parametrize(
    ("candidates", "entry", "expected"),
    [
        pytest.param(PARAGRAPHS, message(ORIGINAL.replace("$8,000", "$9,000")), 0, id="edited-paragraph"),
        pytest.param(PARAGRAPHS, message("Press contacts"), 4, id="short-heading"),
        pytest.param(PARAGRAPHS, message("The screening starts at eight."), None, id="nothing-alike"),
        pytest.param(
            [message(ORIGINAL, "caption"), message(ORIGINAL)],
            message(ORIGINAL.replace("won", "took")),
            1,
            id="same-context-first",
        ),
        pytest.param(
            [message(ORIGINAL, "a"), message(ORIGINAL, "b")],
            message(ORIGINAL.replace("won", "took")),
            0,
            id="earliest-of-equals",
        ),
        pytest.param(
            [message("One file", plural="%d files"), message("One fil")],
            message("One files"),
            1,
            id="plural-not-for-singular",
        ),
        pytest.param([], message("Press contact"), None, id="no-candidates"),
        pytest.param(
            [message(f"Paragraph {n} about the press and the film festival in Florence.") for n in range(60)]
            + [message("Press contact")],
            message("Press contacts"),
            60,
            id="short-among-many-long",
        ),
    ],
)
def test_best_match(candidates: list[Message | str], entry: Message, expected: int | None) -> None:
    messages = [candidate if isinstance(candidate, Message) else message(candidate) for candidate in candidates]
    [found] = best_matches([entry], messages)
    assert found is (None if expected is None else messages[expected])
    assert found is reference_best(entry, messages)


WORDS = (
    "the the the of and a in film factory women workers rights grant festival award Florence 1910 "
    "$8,000 guests Marina Freeda rebellion garment Alessia Crucitelli YouTube director short, "
    "premiere. college Santa Monica"
).split()


def edit(text: str, draw: random.Random) -> str:
    tokens = text.split()
    for _ in range(draw.randint(1, 3)):
        where = draw.randrange(len(tokens))
        change = draw.random()
        if change < 0.5:
            tokens[where] = draw.choice(WORDS)
        elif change < 0.8 or len(tokens) < 3:
            tokens.insert(where, draw.choice(WORDS))
        else:
            del tokens[where]
    return " ".join(tokens)


def assert_agrees_with_comparing_every_pair(
    entry: Message, found: Message | None, candidates: list[Message], scores: list[float | None] | None = None
) -> None:
    """What the matcher found scores at or above the threshold; and when one candidate is the
    clear best (clear of the threshold and of the runner-up), the matcher found that one.
    ``scores``, when given, are ``reference_scores(entry, candidates)`` computed already."""
    if scores is None:
        scores = reference_scores(entry, candidates)
    if found is not None:
        score = scores[candidates.index(found)]
        assert score is not None and score >= FUZZY_THRESHOLD
    ranked = sorted((score for score in scores if score is not None), reverse=True)
    margin = 0.05
    if ranked and ranked[0] >= FUZZY_THRESHOLD + margin and (len(ranked) == 1 or ranked[0] - ranked[1] >= margin):
        assert found is reference_best(entry, candidates, scores)


texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=18).map(" ".join)


@settings(max_examples=profile(100, 2000), deadline=None)
@given(
    st.lists(
        st.tuples(texts, st.sampled_from([None, None, None, "caption"])),
        min_size=1,
        max_size=30,
        unique_by=lambda pair: pair,
    ),
    st.integers(min_value=0),
    st.one_of(st.none(), texts),
    st.integers(min_value=0, max_value=2**32),
)
def test_the_matcher_agrees_with_comparing_every_pair(
    pairs: list[tuple[str, str | None]], which: int, fresh: str | None, seed: int
) -> None:
    candidates = [message(text, context) for text, context in pairs]
    text, context = pairs[which % len(pairs)]
    new_text = fresh if fresh is not None else edit(text, random.Random(seed))
    entry = message(new_text, context)
    assert_agrees_with_comparing_every_pair(entry, best_matches([entry], candidates)[0], candidates)


def press_paragraph(draw: random.Random) -> str:
    names = ["Marina", "Freeda", "Crucitelli", "Sparta", "Carrasco", "Bartesaghi", "Russo", "Keslow"]
    common = "the of and a in to was for with by on at film women".split()
    rare = "factory workers rights grant festival award garment premiere college gala students crew".split()
    length = draw.randint(4, 30)
    pool = [draw.choice(common) if draw.random() < 0.6 else draw.choice(rare) for _ in range(length)]
    pool[draw.randrange(length)] = f"{draw.choice(names)}{draw.randint(1, 400)}"
    return " ".join(pool).capitalize() + "."


@pytest.fixture(scope="module")
def larger_catalogue() -> tuple[list[Message], list[Message], list[list[float | None]]]:
    """A catalogue of many paragraphs in a small vocabulary, where common words are everywhere
    and retrieval has to rank; some paragraphs repeat with one word changed. Then the entries
    to match (30 by default, 600 in the long profile), and each one's reference scores
    (comparing every pair is the slow part, and the same for every budget)."""
    draw = random.Random(16)
    texts = [press_paragraph(draw) for _ in range(160)]
    texts += [edit(draw.choice(texts), draw) for _ in range(40)]
    candidates = [message(text) for text in dict.fromkeys(texts)]
    queries = [edit(draw.choice(texts), draw) for _ in range(profile(25, 500))] + [
        press_paragraph(draw) for _ in range(profile(5, 100))
    ]
    entries = [message(query) for query in dict.fromkeys(queries)]
    return entries, candidates, [reference_scores(entry, candidates) for entry in entries]


@pytest.mark.parametrize("budget", [pytest.param(2000, id="default-budget"), pytest.param(40, id="budget-that-bites")])
def test_the_matcher_agrees_with_comparing_every_pair_on_a_larger_catalogue(
    budget: int,
    larger_catalogue: tuple[list[Message], list[Message], list[list[float | None]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(matching, "_POSTINGS_BUDGET", budget)
    entries, candidates, scores = larger_catalogue
    for entry, found, entry_scores in zip(entries, best_matches(entries, candidates), scores, strict=True):
        assert_agrees_with_comparing_every_pair(entry, found, candidates, entry_scores)


@pytest.mark.parametrize("jobs", [pytest.param(2, id="two-processes"), pytest.param(3, id="three-processes")])
def test_matching_in_processes_gives_what_one_process_gives(
    jobs: int, larger_catalogue: tuple[list[Message], list[Message], list[list[float | None]]]
) -> None:
    entries, candidates, _ = larger_catalogue
    contexts = [message(entry.msgid, "caption") for entry in entries[::3]]  # another context: the penalty
    asked = [*entries, *contexts, message("Marina", plural="Marinas")]
    alone = best_matches(asked, candidates, jobs=1)
    assert any(found is not None for found in alone) and any(found is None for found in alone)
    shared = best_matches(asked, candidates, jobs=jobs)
    assert [candidates.index(found) if found else None for found in shared] == [
        candidates.index(found) if found else None for found in alone
    ]


@settings(max_examples=profile(10, 100), deadline=None)
@given(
    st.lists(texts, min_size=1, max_size=30, unique=True),
    st.lists(texts, min_size=1, max_size=12),
)
def test_matching_in_processes_gives_what_one_process_gives_on_any_catalogue(old: list[str], new: list[str]) -> None:
    candidates = [message(text) for text in old]
    entries = [message(text) for text in new]
    assert best_matches(entries, candidates, jobs=2) == best_matches(entries, candidates, jobs=1)


def test_few_entries_are_matched_in_one_process_and_many_on_every_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    assert workers.jobs(None, matching.PARALLEL_MINIMUM - 1, matching.PARALLEL_MINIMUM) == 1
    assert workers.jobs(None, matching.PARALLEL_MINIMUM, matching.PARALLEL_MINIMUM) == 2
    assert workers.jobs(4, 3, matching.PARALLEL_MINIMUM) == 3


def test_the_index_built_in_processes_is_the_index_built_in_one(
    larger_catalogue: tuple[list[Message], list[Message], list[list[float | None]]],
) -> None:
    entries, candidates, _ = larger_catalogue
    texts = [matching._NewText(entry.msgid) for entry in entries]
    alone, shared = matching._Index(candidates, texts, 1), matching._Index(candidates, texts, 2)
    assert shared.sizes == alone.sizes and shared.lengths == alone.lengths
    assert shared.frequency == alone.frequency
    assert {key: list(run) for key, run in shared.postings.items()} == {
        key: list(run) for key, run in alone.postings.items()
    }


def plain_retrieval(index: matching._Index, new: matching._NewText) -> list[int]:
    """Retrieval in its plain form: each posting in the length range in turn, its key's weight
    added to its old text's sum, then the highest sums over the sizes, the first met of equals
    first (heapq.nlargest)."""
    shortest = math.floor(len(new.folded) / matching._LENGTH_FACTOR)
    longest = math.ceil(len(new.folded) * matching._LENGTH_FACTOR)
    shared: dict[int, float] = {}
    for key in index.chosen[id(new)]:
        weight = math.log(1 + len(index.lengths) / index.frequency[key])
        for number in index.postings[key]:
            if shortest <= index.lengths[number] <= longest:
                shared[number] = shared.get(number, 0.0) + weight
    ranked = {number: weight / (len(index.keys_of(new)) + index.sizes[number]) for number, weight in shared.items()}
    return heapq.nlargest(matching._CANDIDATES, ranked, key=ranked.__getitem__)


def test_retrieval_gives_what_its_plain_form_gives_on_a_larger_catalogue(
    larger_catalogue: tuple[list[Message], list[Message], list[list[float | None]]],
) -> None:
    entries, candidates, _ = larger_catalogue
    texts = [matching._NewText(entry.msgid) for entry in entries]
    index = matching._Index(candidates, texts)
    assert [index.retrieve(text) for text in texts] == [plain_retrieval(index, text) for text in texts]


@settings(max_examples=profile(100, 1000), deadline=None)
@given(
    st.lists(st.tuples(texts, st.integers(min_value=1, max_value=3)), min_size=1, max_size=40),
    st.lists(texts, min_size=1, max_size=12),
)
def test_retrieval_gives_what_its_plain_form_gives_on_any_catalogue(old: list[tuple[str, int]], new: list[str]) -> None:
    """Texts repeated (as in other contexts), short and long: ties and length ranges that cut."""
    candidates = [message(text, f"context {copy}") for text, copies in old for copy in range(copies)]
    texts = [matching._NewText(text) for text in new]
    index = matching._Index(candidates, texts)
    assert [index.retrieve(text) for text in texts] == [plain_retrieval(index, text) for text in texts]


@given(texts, texts)
def test_shared_counts_are_counters_intersections(first: str, second: str) -> None:
    for new, old in ((Counter(first), Counter(second)), (Counter(first.split()), Counter(second.split()))):
        assert matching._shared_count(new, old) == sum((new & old).values())


def plain_best(entry: Message, candidates: list[Message], retrieved: list[int]) -> int | None:
    """The best of the retrieved candidates, each scored in full: no bounds, nothing left out."""
    best, best_score = None, FUZZY_THRESHOLD
    for number in sorted(retrieved):
        old = candidates[number]
        if old.msgid_plural is not None and entry.msgid_plural is None:
            continue
        score = similarity(old.msgid, entry.msgid) - (CONTEXT_PENALTY if old.msgctxt != entry.msgctxt else 0.0)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = number, score
    return best


def assert_scoring_gives_what_scoring_in_full_gives(entries: list[Message], candidates: list[Message]) -> None:
    texts = [matching._NewText(entry.msgid) for entry in entries]
    index = matching._Index(candidates, texts)
    for entry, text in zip(entries, texts, strict=True):
        retrieved = index.retrieve(text)
        assert matching._best_match(entry, text, candidates, retrieved) == plain_best(entry, candidates, retrieved)


def test_scoring_gives_what_scoring_in_full_gives_on_a_larger_catalogue(
    larger_catalogue: tuple[list[Message], list[Message], list[list[float | None]]],
) -> None:
    """The bounds (and the letters' half left out of a clear winner) change no choice."""
    entries, candidates, _ = larger_catalogue
    contexts = [message(entry.msgid, "caption") for entry in entries[::3]]
    assert_scoring_gives_what_scoring_in_full_gives([*entries, *contexts], candidates)


@settings(max_examples=profile(100, 1000), deadline=None)
@given(
    st.lists(st.tuples(texts, st.sampled_from([None, None, "caption"])), min_size=1, max_size=30),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=2**32)), min_size=1, max_size=8),
)
def test_scoring_gives_what_scoring_in_full_gives_on_any_catalogue(
    pairs: list[tuple[str, str | None]], edits: list[tuple[int, int]]
) -> None:
    candidates = [message(text, context) for text, context in pairs]
    entries = [message(edit(pairs[which % len(pairs)][0], random.Random(seed))) for which, seed in edits]
    assert_scoring_gives_what_scoring_in_full_gives(entries, candidates)


@given(texts, texts)
def test_the_common_end_is_matched_by_difflib(first: str, second: str) -> None:
    """A lower bound the letters' half is left out on: difflib matches at least that many."""
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    assert matching._common_end(first, second) <= sum(block.size for block in matcher.get_matching_blocks())


@given(texts, texts)
def test_the_longest_shared_run_of_words_is_matched_by_difflib(old: str, new: str) -> None:
    """The other lower bound: the letters of the longest run of words matched, when the new
    text has them as they stand."""
    text = matching._NewText(new)
    candidate = matching._Bounded(text, 0, matching._OldText(old.casefold()), 0.0)
    text.word_score(candidate.tokens)
    matcher = difflib.SequenceMatcher(None, old.casefold(), text.folded, autojunk=False)
    assert candidate._longest_shared_run(text) <= sum(block.size for block in matcher.get_matching_blocks())
