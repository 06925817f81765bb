"""Translations from the project's translation memories (TMX files from elsewhere), for `update`.

`update` first merges each template into its catalogue by its own rules (the catalogue's own
translations, those of the language's other catalogues, fuzzy matches among them). An entry
still untranslated after that is looked up in the TMX files that the `translation-memories`
setting names (each glob's files in sorted order, the globs in the setting's order):

- the same source text: its translation is taken as translated (the unit with the same
  context first, then the first one found);
- otherwise the closest source text that fuzzy matching accepts (``matching.best_matches``,
  with its threshold): its translation is taken as fuzzy, with the memory's source text as
  the previous msgid (``#|``), so that a PO editor shows what differs;

each with a translator comment naming the memory, ``# from translation memory: tm/agency.tmx``.
An entry that has a translation is never looked up: the project's own catalogues win, and a
second `update` changes nothing. Every memory is read and checked when `update` starts, before
anything is written, and nothing read is kept from one run to the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from i18ntool.exchange.tmx import MemoryUnit, TmxFile, read_tmx
from i18ntool.matching import best_matches
from i18ntool.documents import memory_paths
from i18ntool.po.catalogue import Message
from i18ntool.po.states import State, state_of
from i18ntool.project import Project

MEMORY_COMMENT = "from translation memory: "


@dataclass(frozen=True)
class MemoryCounts:
    """What the memories gave one catalogue."""

    exact: int = 0
    fuzzy: int = 0

    def describe(self, merged: str) -> str:
        """``merged`` (what the merge did, as ``MergeCounts.describe`` says it) with these counts."""
        parts = [f"{self.exact} from translation memory"] if self.exact else []
        parts += [f"{self.fuzzy} fuzzy from translation memory"] if self.fuzzy else []
        return ", ".join(parts if merged == "header" else [merged, *parts]) if parts else merged


@dataclass(frozen=True)
class _Candidates:
    """A direction's pairs, each with the name of its memory, and as entries for the matcher."""

    pairs: tuple[tuple[str, MemoryUnit], ...]
    by_source: dict[str, list[tuple[str, MemoryUnit]]]
    entries: tuple[Message, ...]


class TranslationMemories:
    """The memories of one `update` run, read and checked."""

    def __init__(self, memories: Sequence[TmxFile]) -> None:
        self.memories = tuple(memories)
        self._directions: dict[tuple[str, str], _Candidates] = {}

    def fill(
        self, messages: Sequence[Message], source_language: str, target_language: str
    ) -> tuple[tuple[Message, ...], MemoryCounts]:
        """``messages`` with their untranslated entries filled from the memories, where they can be."""
        if source_language == target_language:  # the pages' words in their own language
            return tuple(messages), MemoryCounts()
        wanting = [index for index, message in enumerate(messages) if _untranslated(message)]
        candidates = self._candidates(source_language, target_language) if wanting else None
        if candidates is None or not candidates.pairs:
            return tuple(messages), MemoryCounts()
        filled = list(messages)
        unmatched = []
        for index in wanting:
            message = messages[index]
            same = candidates.by_source.get(message.msgid)
            if not same:
                unmatched.append(index)
                continue
            name, unit = next((found for found in same if found[1].context == message.msgctxt), same[0])
            filled[index] = message.replace(
                msgstr=unit.target,
                flags=tuple(flag for flag in message.flags if flag != "fuzzy"),
                previous_msgctxt=None,
                previous_msgid=None,
                previous_msgid_plural=None,
                translator_comments=_noted(message, name),
            )
        names = {id(entry): name for entry, (name, _) in zip(candidates.entries, candidates.pairs, strict=True)}
        close = best_matches([messages[index] for index in unmatched], candidates.entries)
        fuzzy = 0
        for index, match in zip(unmatched, close, strict=True):
            if match is None:
                continue
            message = messages[index]
            filled[index] = message.replace(
                msgstr=match.msgstr,
                flags=("fuzzy", *(flag for flag in message.flags if flag != "fuzzy")),
                previous_msgctxt=match.msgctxt,
                previous_msgid=match.msgid,
                previous_msgid_plural=None,
                translator_comments=_noted(message, names[id(match)]),
            )
            fuzzy += 1
        return tuple(filled), MemoryCounts(exact=len(wanting) - len(unmatched), fuzzy=fuzzy)

    def _candidates(self, source_language: str, target_language: str) -> _Candidates:
        direction = (source_language, target_language)
        if direction not in self._directions:
            pairs = tuple(
                (memory.name, unit)
                for memory in self.memories
                for unit in memory.pairs(source_language, target_language)
            )
            by_source: dict[str, list[tuple[str, MemoryUnit]]] = {}
            for name, unit in pairs:
                by_source.setdefault(unit.source, []).append((name, unit))
            entries = tuple(Message(msgid=unit.source, msgstr=unit.target, msgctxt=unit.context) for _, unit in pairs)
            self._directions[direction] = _Candidates(pairs, by_source, entries)
        return self._directions[direction]


def load_memories(project: Project) -> TranslationMemories:
    """Read and check every translation memory of the project: an error (file and line) for
    one that is not TMX, or whose units hold no two of the project's languages."""
    memories = []
    for path in memory_paths(project):
        memory = read_tmx(path, project.relative(path))
        if memory.units and not memory.holds_two(project.languages):
            raise memory.lacking(project.languages)
        memories.append(memory)
    return TranslationMemories(memories)


def _untranslated(message: Message) -> bool:
    return (
        not message.obsolete
        and bool(message.msgid)
        and message.msgid_plural is None
        and state_of(message) is State.UNTRANSLATED
    )


def _noted(message: Message, name: str) -> tuple[str, ...]:
    """The entry's translator comments, with one naming the memory its translation came from."""
    kept = tuple(comment for comment in message.translator_comments if not comment.startswith(MEMORY_COMMENT))
    return (*kept, f"{MEMORY_COMMENT}{name}")
