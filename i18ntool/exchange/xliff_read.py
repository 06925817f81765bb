"""Reading XLIFF 2.1 (2.0) and 1.2 files back: their origin, and each unit's source, target and state.

Files come from outside (a freelancer's CAT tool, an e-mail), so they are parsed with
defusedxml: a DTD is refused outright, and with it entity expansion (the "billion laughs")
and external entities; nothing is fetched and nothing grows. Every error names the file and
the line, as the rest of i18ntool does.

What CAT tools may legitimately do to a file is read too: a unit cut into several segments
(joined back, with its ``<ignorable>`` parts), ``<sc>``/``<ec>`` for a paired code,
``<mrk>`` annotations (their text kept), ``<cp>`` for a character; in 1.2, ``<g>``/``<x>``
and ``<bx>``/``<ex>`` in a target (their Markdown taken from the source's codes).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from i18ntool.errors import I18nToolError
from i18ntool.files import read_input
from i18ntool.exchange.inline_codes import Close, Content, Mark, Open, Piece
from i18ntool.exchange.units import NAMESPACE, UnitState
from i18ntool.exchange.xliff_write import METADATA, XLIFF_12, XLIFF_21


class XliffError(I18nToolError):
    """An XLIFF file that cannot be read or imported."""


@dataclass(frozen=True)
class ReadUnit:
    id: str
    line: int
    msgctxt: str | None
    source: Content
    target: Content | None  # None: no target, or an empty one
    state: UnitState
    target_line: int = 0  # the line of its (first) <target>, where errors in the target are reported


@dataclass(frozen=True)
class ReadFile:
    path: Path
    name: str  # how messages name the file
    version: str  # "2.1" (any 2.x) or "1.2"
    project: str | None
    catalogue_name: str | None  # the document id or domain i18ntool wrote
    catalogue: str | None  # the ``original`` attribute: the catalogue's path in the project
    source_language: str | None
    target_language: str | None
    line: int  # the line of the <file> element
    units: tuple[ReadUnit, ...]


def read_xliff(path: Path, name: str) -> ReadFile:
    """Read the XLIFF file at ``path``; ``name`` is how errors name it."""
    try:
        data = read_input(path)
    except OSError as exc:
        raise XliffError(f"cannot read: {exc.strerror}", name) from None
    root, lines = _parse(data, name)
    reader = _Reader(name, lines)
    if root.tag == f"{{{XLIFF_21}}}xliff" and root.get("version", "").startswith("2."):
        return reader.version_2(path, root)
    if root.tag == f"{{{XLIFF_12}}}xliff":
        return reader.version_1(path, root)
    raise XliffError("not an XLIFF 2.1 or 1.2 file (its root is not <xliff> in their namespace)", name, 1)


class _LineBuilder(ElementTree.TreeBuilder):
    """A tree builder that notes the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: Any = None
        self.lines: dict[int, int] = {}

    def start(self, tag: Any, attrs: Any) -> ElementTree.Element:
        element = super().start(tag, attrs)
        self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element


def _parse(data: bytes, name: str) -> tuple[ElementTree.Element, dict[int, int]]:
    builder = _LineBuilder()
    parser = SafeElementTree.DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except ElementTree.ParseError as error:
        line = error.position[0] if error.position else None
        reason = str(error).split(":")[0]
        raise XliffError(f"malformed XML ({reason}); the file is not well-formed XML", name, line) from None
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden, DefusedXmlException) as error:
        line = parser.parser.CurrentLineNumber
        what = {
            DTDForbidden: "a DTD (<!DOCTYPE>)",
            EntitiesForbidden: "an entity declaration",
            ExternalReferenceForbidden: "an external reference",
        }.get(type(error), "a construct")
        raise XliffError(
            f"{what} is refused: XLIFF needs none, and it could expand entities or fetch files", name, line
        ) from None
    return root, builder.lines


def _local(element: ElementTree.Element) -> tuple[str, str]:
    namespace, _, local = element.tag.rpartition("}")
    return namespace.lstrip("{"), local


class _Reader:
    def __init__(self, name: str, lines: Mapping[int, int]):
        self.name = name
        self.lines = lines

    def line(self, element: ElementTree.Element) -> int:
        return self.lines.get(id(element), 0)

    def fail(self, message: str, element: ElementTree.Element) -> XliffError:
        return XliffError(message, self.name, self.line(element))

    def only_file(self, root: ElementTree.Element, namespace: str) -> ElementTree.Element:
        files = root.findall(f"{{{namespace}}}file")
        if len(files) != 1:
            raise self.fail(f"{len(files)} <file> elements; i18ntool writes, and reads, one per file", root)
        return files[0]

    def check_ids(self, units: list[ReadUnit]) -> None:
        seen: dict[str, int] = {}
        for unit in units:
            if unit.id in seen:
                raise XliffError(
                    f"unit {unit.id}: the id is used twice (also on line {seen[unit.id]}); ids must be unique",
                    self.name,
                    unit.line,
                )
            seen[unit.id] = unit.line

    # -- XLIFF 2.x --------------------------------------------------------------------------

    def version_2(self, path: Path, root: ElementTree.Element) -> ReadFile:
        ns = XLIFF_21
        file = self.only_file(root, ns)
        metas = self.metas_2(file, "i18ntool")
        units = [self.unit_2(unit) for unit in file.iter(f"{{{ns}}}unit")]
        self.check_ids(units)
        return ReadFile(
            path,
            self.name,
            "2.1",
            metas.get("project"),
            metas.get("catalogue"),
            file.get("original"),
            root.get("srcLang"),
            root.get("trgLang"),
            self.line(file),
            tuple(units),
        )

    def metas_2(self, element: ElementTree.Element, category: str) -> dict[str, str]:
        found: dict[str, str] = {}
        metadata = element.find(f"{{{METADATA}}}metadata")
        for group in metadata.iter(f"{{{METADATA}}}metaGroup") if metadata is not None else ():
            if group.get("category") == category:
                for meta in group.findall(f"{{{METADATA}}}meta"):
                    found[meta.get("type", "")] = meta.text or ""
        return found

    def unit_2(self, unit: ElementTree.Element) -> ReadUnit:
        ns = XLIFF_21
        unit_id = unit.get("id") or ""
        if not unit_id:
            raise self.fail("a <unit> without an id", unit)
        data: dict[str, str] = {}
        original = unit.find(f"{{{ns}}}originalData")
        for item in original.findall(f"{{{ns}}}data") if original is not None else ():
            data[item.get("id", "")] = self.data_text(item)
        source: list[Piece] = []
        target: list[Piece] = []
        has_target = False
        target_line = 0
        states = []
        for part in unit:
            kind = _local(part)[1]
            if kind not in ("segment", "ignorable"):
                continue
            part_source = part.find(f"{{{ns}}}source")
            if part_source is None:
                raise self.fail(f"unit {unit_id}: a <{kind}> without a <source>", part)
            part_target = part.find(f"{{{ns}}}target")
            pieces = self.inline_2(part_source, data, unit_id)
            source += pieces
            if part_target is not None:
                target_pieces = self.inline_2(part_target, data, unit_id)
                has_target = has_target or (kind == "segment" and bool(target_pieces))
                target_line = target_line or self.line(part_target)
                target += target_pieces
            else:
                target += pieces if kind == "ignorable" else []
            if kind == "segment":
                states.append(part.get("state", "initial"))
        if not states:
            raise self.fail(f"unit {unit_id}: no <segment>", unit)
        msgctxt = self.metas_2(unit, "po").get("msgctxt")
        target = _joined(target)  # segments cut by a CAT tool, joined back
        text = tuple(target) if has_target and target else None
        state = _state_2(states, text)
        return ReadUnit(unit_id, self.line(unit), msgctxt, tuple(_joined(source)), text, state, target_line)

    def data_text(self, element: ElementTree.Element) -> str:
        parts = [element.text or ""]
        for child in element:
            if _local(child)[1] == "cp":
                parts.append(_code_point(child.get("hex", "")))
            parts.append(child.tail or "")
        return "".join(parts)

    def inline_2(self, element: ElementTree.Element, data: Mapping[str, str], unit_id: str) -> list[Piece]:
        pieces: list[Piece] = [element.text] if element.text else []
        for child in element:
            kind = _local(child)[1]
            code_id = child.get("id", "")
            line = self.line(child)

            def ref(attribute: str, child: ElementTree.Element = child) -> str | None:
                name = child.get(attribute)
                if name is None:
                    return None
                if name not in data:
                    raise self.fail(f'unit {unit_id}: {attribute}="{name}" names no <data> of the unit', child)
                return data[name]

            if kind == "pc":
                pieces.append(Open(code_id, ref("dataRefStart"), line))
                pieces += self.inline_2(child, data, unit_id)
                pieces.append(Close(code_id, ref("dataRefEnd"), line))
            elif kind == "ph":
                pieces.append(Mark(code_id, ref("dataRef"), line))
            elif kind == "sc" and child.get("isolated") != "yes":
                pieces.append(Open(code_id, ref("dataRef"), line))
            elif kind == "ec" and child.get("isolated") != "yes":
                pieces.append(Close(child.get("startRef") or code_id, ref("dataRef"), line))
            elif kind == "mrk":
                pieces += self.inline_2(child, data, unit_id)
            elif kind == "cp":
                pieces.append(_code_point(child.get("hex", "")))
            elif kind not in ("sm", "em"):
                raise self.fail(f"unit {unit_id}: <{kind}> is not an inline element i18ntool can import", child)
            if child.tail:
                pieces.append(child.tail)
        return _joined(pieces)

    # -- XLIFF 1.2 --------------------------------------------------------------------------

    def version_1(self, path: Path, root: ElementTree.Element) -> ReadFile:
        ns = XLIFF_12
        file = self.only_file(root, ns)
        origin = file.find(f"{{{ns}}}header/{{{NAMESPACE}}}origin")
        units = [self.unit_1(unit) for unit in file.iter(f"{{{ns}}}trans-unit")]
        self.check_ids(units)
        return ReadFile(
            path,
            self.name,
            "1.2",
            origin.get("project") if origin is not None else None,
            origin.get("catalogue") if origin is not None else None,
            file.get("original"),
            file.get("source-language"),
            file.get("target-language"),
            self.line(file),
            tuple(units),
        )

    def unit_1(self, unit: ElementTree.Element) -> ReadUnit:
        ns = XLIFF_12
        unit_id = unit.get("id") or ""
        if not unit_id:
            raise self.fail("a <trans-unit> without an id", unit)
        source_element = unit.find(f"{{{ns}}}source")
        if source_element is None:
            raise self.fail(f"unit {unit_id}: no <source>", unit)
        source = self.inline_1(source_element, unit_id)
        target_element = unit.find(f"{{{ns}}}target")
        target = self.inline_1(target_element, unit_id) if target_element is not None else []
        text = tuple(target) if target else None
        msgctxt = unit.get("resname")
        for context in unit.iter(f"{{{ns}}}context"):
            if context.get("context-type") == "x-po-msgctxt":
                msgctxt = context.text or ""
        state = target_element.get("state") if target_element is not None else None
        target_line = self.line(target_element) if target_element is not None else 0
        state_read = _state_1(state, unit.get("approved"), text)
        return ReadUnit(unit_id, self.line(unit), msgctxt, tuple(source), text, state_read, target_line)

    def inline_1(self, element: ElementTree.Element, unit_id: str) -> list[Piece]:
        pieces: list[Piece] = [element.text] if element.text else []
        pairs: dict[str, str] = {}  # rid -> the id of the <bpt> or <bx> it pairs
        for child in element:
            kind = _local(child)[1]
            code_id = child.get("id", "")
            line = self.line(child)
            if kind in ("bpt", "bx"):
                pairs[child.get("rid") or code_id] = code_id
                pieces.append(Open(code_id, self.native(child, unit_id) if kind == "bpt" else None, line))
            elif kind in ("ept", "ex"):
                paired = pairs.get(child.get("rid") or code_id, code_id)
                pieces.append(Close(paired, self.native(child, unit_id) if kind == "ept" else None, line))
            elif kind in ("ph", "x"):
                pieces.append(Mark(code_id, self.native(child, unit_id) if kind == "ph" else None, line))
            elif kind == "g":
                pieces.append(Open(code_id, None, line))
                pieces += self.inline_1(child, unit_id)
                pieces.append(Close(code_id, None, line))
            elif kind == "mrk":
                pieces += self.inline_1(child, unit_id)
            else:
                raise self.fail(f"unit {unit_id}: <{kind}> is not an inline element i18ntool can import", child)
            if child.tail:
                pieces.append(child.tail)
        return _joined(pieces)

    def native(self, element: ElementTree.Element, unit_id: str) -> str:
        if len(element):
            raise self.fail(
                f"unit {unit_id}: <{_local(element)[1]}> holds markup; it must hold only its Markdown", element
            )
        return element.text or ""


def _state_2(states: list[str], target: Content | None) -> UnitState:
    if target is None:
        return UnitState.UNTRANSLATED
    order = {"initial": 0, "translated": 1, "reviewed": 2, "final": 2}
    lowest = min(order.get(state, 0) for state in states)
    return (UnitState.NEEDS_REVIEW, UnitState.TRANSLATED, UnitState.REVIEWED)[lowest]


def _state_1(state: str | None, approved: str | None, target: Content | None) -> UnitState:
    if target is None:
        return UnitState.UNTRANSLATED
    if state is not None and (state == "new" or state.startswith("needs-")):
        return UnitState.NEEDS_REVIEW
    if approved == "yes" or state in ("signed-off", "final"):
        return UnitState.REVIEWED
    return UnitState.TRANSLATED


def _code_point(hex_value: str) -> str:
    try:
        return chr(int(hex_value, 16))
    except ValueError:
        return ""


def _joined(pieces: list[Piece]) -> list[Piece]:
    """Adjacent pieces of text as one."""
    joined: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str) and joined and isinstance(joined[-1], str):
            joined[-1] += piece
        elif piece != "":
            joined.append(piece)
    return joined
