"""TMX 1.4b translation memories: the project's own, written, and others', read.

A translation memory is a list of pairs, a source text and its translation: in TMX, one ``tu``
(translation unit) per pair, with a ``tuv`` (and its ``seg``) per language. i18ntool writes
one file per direction of translation, ``<output>/tmx/en-it.tmx`` for texts written in English
and translated into Italian, with every translated and reviewed entry of the project's
catalogues in that direction. Left out: fuzzy and untranslated entries (no finished
translation), obsolete ones (their text is in no source any more) and plural ones (a ``tu``
pairs one text with one text; a plural entry has one per form).

What goes where:

- the header says ``segtype="paragraph"`` (an entry is a block), ``o-tmf="PO"`` (where the
  pairs come from) and ``datatype="plaintext"``: TMX's list of recommended data types has no
  Markdown, and a segment is the entry's text with its inline Markdown written out, as in the
  msgid (``**award**``, ``[NIAF](https://niaf.org)``), not turned into TMX inline codes, so
  that the next project's msgids match it exactly;
- props carry what TMX has no element for: ``x-context`` (the msgctxt, spelt as Translate
  Toolkit spells it), ``x-i18ntool-state`` (``translated`` or ``reviewed``), and for an entry
  whose review stamp is current ``x-i18ntool-reviewer`` and ``x-i18ntool-reviewed-on``;
- the ``tuid`` is a hash of context, source and translation: the same pair has the same id in
  every export, and an identical pair in two catalogues is one ``tu``.

Reading uses defusedxml's ElementTree parser, which refuses entity declarations (where an XML
bomb or an external entity would hide; TMX needs none) and never fetches anything; a DOCTYPE
naming ``tmx14.dtd``, as many tools write, is accepted. ElementTree keeps no line numbers, so
a tree builder notes the parser's line as each element starts, for errors such as
``tm/agency.tmx:12: a <tuv> without xml:lang``.

A ``seg`` may hold inline elements. Its text is read as its whole text content, each inline
element's text in its place: ``bpt``, ``ept``, ``it``, ``ph`` and ``ut`` hold the native code
of the document the memory was made from, ``hi`` and ``sub`` hold text. So a segment reads as
that document had it: ``<bpt i="1">**</bpt>award<ept i="1">**</ept>`` from a tool that read
Markdown is ``**award**``, an exact match for the same msgid. A memory made from HTML reads as
HTML (``<b>award</b>``): it matches no Markdown text exactly, and a close match is offered as
fuzzy, for a translator to look at.

Languages: TMX writes RFC 4646 tags (``pt-BR``), the project Babel's codes (``pt_BR``). A
project language without a region reads any region of it (``en`` reads ``en-GB`` and
``EN-US``); one with a region reads that region only.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml.common import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import XMLParser

from i18ntool import __version__
from i18ntool.errors import CatalogueError, I18nToolError
from i18ntool.files import read_input
from i18ntool.exchange.formats import ExportedFile, ExportRequest
from i18ntool.outputs.page_words import UI_LANGUAGE
from i18ntool.documents import UI_DOMAIN
from i18ntool.po.catalogue import Message
from i18ntool.po.catalogue_files import catalogue_exists, read_catalogue
from i18ntool.po.states import State, review_of, state_of
from i18ntool.project import Project
from i18ntool.targets import Target

CONTEXT_PROP = "x-context"
STATE_PROP = "x-i18ntool-state"
REVIEWER_PROP = "x-i18ntool-reviewer"
REVIEWED_ON_PROP = "x-i18ntool-reviewed-on"

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters that XML 1.0 cannot hold, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_POSITION = re.compile(r":? line \d+, column \d+$")


@dataclass(frozen=True)
class MemoryUnit:
    """A source text and its translation, as a ``tu`` of a translation memory holds them."""

    source: str
    target: str
    context: str | None = None
    reviewer: str | None = None  # set for a reviewed pair
    reviewed_on: datetime.date | None = None
    # Line of the ``tu`` in the file it was read from (0 if not read); not part of the value.
    line: int = field(default=0, compare=False)

    @property
    def tuid(self) -> str:
        context = "" if self.context is None else f"{self.context}\x04"  # as gettext joins msgctxt and msgid
        return hashlib.sha256(f"{context}{self.source}\x00{self.target}".encode()).hexdigest()[:16]


def language_tag(language: str) -> str:
    """A project language (``pt_BR``) as TMX writes it (``pt-BR``)."""
    return language.replace("_", "-")


def tag_matches(tag: str, language: str) -> bool:
    """Whether a TMX language tag is ``language`` of the project (see the module's docstring)."""
    tag, wanted = tag.strip().casefold().replace("_", "-"), language_tag(language).casefold()
    return tag == wanted or ("-" not in wanted and tag.split("-")[0] == wanted)


# -- writing ---------------------------------------------------------------------------------


def memory_tmx(units: Sequence[MemoryUnit], source_language: str, target_language: str) -> str:
    """A TMX 1.4b document with one ``tu`` per unit, the source text in ``source_language``."""
    source_tag, target_tag = language_tag(source_language), language_tag(target_language)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="i18ntool" creationtoolversion="{_escape(__version__)}" datatype="plaintext"'
        f' segtype="paragraph" adminlang="en" srclang="{_escape(source_tag)}" o-tmf="PO"/>',
        "  <body>",
    ]
    for unit in units:
        lines.append(f'    <tu tuid="{unit.tuid}">')
        for kind, value in _props(unit):
            lines.append(f'      <prop type="{kind}">{_escape(value)}</prop>')
        for tag, text in ((source_tag, unit.source), (target_tag, unit.target)):
            lines.append(f'      <tuv xml:lang="{_escape(tag)}"><seg>{_escape(text)}</seg></tuv>')
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)


def _props(unit: MemoryUnit) -> list[tuple[str, str]]:
    props = [(CONTEXT_PROP, unit.context)] if unit.context is not None else []
    if unit.reviewer is None:
        return [*props, (STATE_PROP, State.TRANSLATED.value)]
    props += [(STATE_PROP, State.REVIEWED.value), (REVIEWER_PROP, unit.reviewer)]
    return props + ([(REVIEWED_ON_PROP, unit.reviewed_on.isoformat())] if unit.reviewed_on else [])


def _escape(text: str) -> str:
    """``text`` as XML character data or attribute value; a carriage return as a reference,
    which a parser would otherwise read as a line feed."""
    if found := _NOT_XML.search(text):
        raise ValueError(f"U+{ord(found.group()):04X} cannot be written in XML 1.0")
    for character, reference in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\r", "&#13;")):
        text = text.replace(character, reference)
    return text


def memory_units(project: Project, targets: Sequence[Target]) -> dict[tuple[str, str], list[MemoryUnit]]:
    """Every translated and reviewed pair of the catalogues ``targets``, by direction (source
    and target language), in catalogue order; every direction of the catalogues looked at,
    even one with no pair yet."""
    directions: dict[tuple[str, str], dict[tuple[str | None, str, str], MemoryUnit]] = {}
    for target in targets:
        source = _source_language(project, target)
        if target.language == source:
            continue  # the pages' words in the language they are written in
        pairs = directions.setdefault((source, target.language), {})
        name = project.relative(target.catalogue_path)
        if not catalogue_exists(target.catalogue_path, name):
            continue
        for message in read_catalogue(target.catalogue_path, name).messages:
            unit = _unit_of(message)
            if unit is None:
                continue
            if found := next(filter(None, map(_NOT_XML.search, (unit.source, unit.target, unit.context or ""))), None):
                raise CatalogueError(
                    f"U+{ord(found.group()):04X} cannot be written in a TMX file (XML 1.0 has no way to hold it)",
                    name,
                    message.line,
                )
            key = (unit.context, unit.source, unit.target)
            if key not in pairs or (unit.reviewer is not None and pairs[key].reviewer is None):
                pairs[key] = unit
    return {direction: list(pairs.values()) for direction, pairs in sorted(directions.items())}


def _source_language(project: Project, target: Target) -> str:
    """The language a catalogue translates from: its document's, English for the pages' words,
    the project's source language for the glossary and other catalogues with no document."""
    if target.document is not None:
        return target.document.language
    return UI_LANGUAGE if target.name == UI_DOMAIN else project.source_language


def _unit_of(message: Message) -> MemoryUnit | None:
    """The pair an entry gives a memory: None unless it is translated or reviewed, and singular."""
    if message.msgid_plural is not None or not message.msgid:
        return None
    state = state_of(message)
    if not state.done:
        return None
    review = review_of(message) if state is State.REVIEWED else None
    return MemoryUnit(
        source=message.msgid,
        target=message.msgstr,
        context=message.msgctxt,
        reviewer=review.reviewer if review else None,
        reviewed_on=review.date if review else None,
    )


def export_tmx(request: ExportRequest) -> list[ExportedFile]:
    """``<out>/<source>-<target>.tmx`` for every direction of translation among the chosen
    catalogues (the glossary's terms included), every catalogue read before any file is made."""
    files = []
    for (source, target), units in memory_units(request.project, request.targets).items():
        reviewed = sum(unit.reviewer is not None for unit in units)
        files.append(
            ExportedFile(
                request.out_dir / f"{source}-{target}.tmx",
                memory_tmx(units, source, target).encode("utf-8"),
                f"{len(units)} translated pair(s), {reviewed} reviewed",
            )
        )
    return files


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TmxUnit:
    """A ``tu`` as read: its props and its segments, each with the language tag it was given."""

    line: int
    props: tuple[tuple[str, str], ...]
    segments: tuple[tuple[str, str], ...]  # (language tag, text)

    def text_in(self, tags: Set[str]) -> str | None:
        """The text of its first segment in one of ``tags`` (the tags of one language)."""
        return next((text for tag, text in self.segments if tag in tags), None)


@dataclass(frozen=True)
class TmxFile:
    """A translation memory as read, before choosing a direction."""

    name: str
    header_line: int
    units: tuple[TmxUnit, ...]

    @property
    def languages(self) -> tuple[str, ...]:
        """The language tags of its segments, in order of first appearance."""
        return tuple(dict.fromkeys(tag for unit in self.units for tag, _ in unit.segments))

    def pairs(self, source_language: str, target_language: str) -> list[MemoryUnit]:
        """Its units with a non-empty text in both languages, as pairs of that direction."""
        pairs = []
        source_tags, target_tags = self.tags_of(source_language), self.tags_of(target_language)
        for unit in self.units:
            source, target = unit.text_in(source_tags), unit.text_in(target_tags)
            if not source or not target:
                continue
            props = dict(unit.props)
            reviewer = props.get(REVIEWER_PROP) if props.get(STATE_PROP) == State.REVIEWED.value else None
            pairs.append(
                MemoryUnit(
                    source=source,
                    target=target,
                    context=props.get(CONTEXT_PROP) or None,
                    reviewer=reviewer,
                    reviewed_on=_date(props.get(REVIEWED_ON_PROP)) if reviewer else None,
                    line=unit.line,
                )
            )
        return pairs

    def tags_of(self, language: str) -> frozenset[str]:
        """The language tags of its segments that are ``language``."""
        return frozenset(tag for tag in self.languages if tag_matches(tag, language))

    def holds_two(self, languages: Sequence[str]) -> bool:
        """Whether a unit has texts in two of ``languages`` (a pair in some direction)."""
        tags = [self.tags_of(language) for language in languages]
        return any(
            sum(any(text and tag in language for tag, text in unit.segments) for language in tags) >= 2
            for unit in self.units
        )

    def lacking(self, languages: Sequence[str]) -> I18nToolError:
        """The error for a memory with units, none of them in two of ``languages``."""
        wanted = f"both {' and '.join(languages)}" if len(languages) == 2 else f"two of {', '.join(languages)}"
        held = ", ".join(self.languages) or "none"
        return I18nToolError(
            f"no translation unit holds {wanted}; the memory's languages are {held}",
            self.name,
            self.header_line,
        )


def read_memory(path: Path, source_language: str, target_language: str, name: str | None = None) -> list[MemoryUnit]:
    """The pairs of the TMX file at ``path`` from ``source_language`` to ``target_language``.

    An error (naming the file as ``name``, default the path, and the line) for a file that is
    not well-formed XML, declares entities, is not TMX, or holds units but none in both
    languages. A memory with no units at all is empty, not wrong.
    """
    memory = read_tmx(path, name)
    pairs = memory.pairs(source_language, target_language)
    if memory.units and not pairs:
        raise memory.lacking([source_language, target_language])
    return pairs


def read_tmx(path: Path, name: str | None = None) -> TmxFile:
    """Read and check the TMX file at ``path``; errors name it as ``name`` (default: the path)."""
    where = name or str(path)
    try:
        data = read_input(path)
    except OSError as exc:
        raise I18nToolError(f"cannot read translation memory: {exc.strerror}", where) from exc
    root, lines = _parse(data, where)
    if root.tag != "tmx":
        raise I18nToolError(f"not a TMX file: its root element is <{root.tag}>, not <tmx>", where, lines[root])
    header, body = root.find("header"), root.find("body")
    if header is None or body is None:
        missing = "<header>" if header is None else "<body>"
        raise I18nToolError(f"not a TMX file: <tmx> has no {missing}", where, lines[root])
    units = []
    for tu in body.findall("tu"):
        segments = []
        for tuv in tu.findall("tuv"):
            tag = tuv.get(_XML_LANG) or tuv.get("lang")  # `lang` in TMX 1.1 to 1.3
            if not tag:
                raise I18nToolError("a <tuv> without xml:lang; say which language it is in", where, lines[tuv])
            seg = tuv.find("seg")
            if seg is None:
                raise I18nToolError("a <tuv> without a <seg>", where, lines[tuv])
            segments.append((tag, "".join(seg.itertext())))
        props = tuple((prop.get("type", ""), prop.text or "") for prop in tu.findall("prop"))
        units.append(TmxUnit(line=lines[tu], props=props, segments=tuple(segments)))
    return TmxFile(name=where, header_line=lines[header], units=tuple(units))


class _LineNumbers(TreeBuilder):
    """A tree builder that notes the line on which each element starts."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: Any = None
        self.lines: dict[Element, int] = {}

    def start(self, tag: Any, attrs: Any) -> Element:
        element = super().start(tag, attrs)
        self.lines[element] = self.line()
        return element

    def line(self) -> int:
        # defusedxml's parser is ElementTree's Python one, whose expat parser is `.parser`.
        return int(self.parser.parser.CurrentLineNumber)


def _parse(data: bytes, where: str) -> tuple[Element, dict[Element, int]]:
    builder = _LineNumbers()
    parser = XMLParser(target=builder)
    builder.parser = parser
    try:
        parser.feed(data)
        root: Element = parser.close()
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise I18nToolError(f"not well-formed XML: {_POSITION.sub('', str(exc))}", where, line) from exc
    except EntitiesForbidden as exc:
        raise I18nToolError(
            f"entity declaration '{exc.name}' refused: a translation memory needs none, and entities "
            "are how XML bombs and reads of other files are made",
            where,
            builder.line(),
        ) from exc
    except DefusedXmlException as exc:
        raise I18nToolError(f"refused: {exc}", where, builder.line()) from exc
    return root, builder.lines


def _date(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None
