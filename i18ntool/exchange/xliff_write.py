"""Writing XLIFF 2.1 and 1.2: units (``units.Unit``) to the text of one file.

The files are written by hand rather than through an XML library's serialiser, so that
their layout is fixed (the same catalogue gives the same bytes) and every text keeps its
whitespace: sources and targets are under ``xml:space="preserve"``, and a carriage return
or tab is written as a character reference where a parser would otherwise normalise it.

Inline codes (``inline_codes``): in 2.1 a paired code is a ``<pc>`` and a placeholder a
``<ph>``, their Markdown in the unit's ``<originalData>``; in 1.2 a paired code is a
``<bpt>``/``<ept>`` pair and a placeholder a ``<ph>``, their Markdown inside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from i18ntool.exchange.inline_codes import Close, Code, Coded, Content, Mark, Open
from i18ntool.exchange.units import FUZZY_SUBSTATE, NAMESPACE, Origin, Unit, UnitState

XLIFF_21 = "urn:oasis:names:tc:xliff:document:2.0"  # 2.1 keeps 2.0's namespace
XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
METADATA = "urn:oasis:names:tc:xliff:metadata:2.0"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The type of each kind of code, in XLIFF 2.1's values (and its subType where there is one).
_TYPES_21 = {
    "link": ("link", None),
    "autolink": ("link", None),
    "emphasis": ("fmt", "xlf:i"),
    "strong": ("fmt", "xlf:b"),
    "image": ("image", None),
    "code": ("other", None),
    "html": ("other", None),
}
# XLIFF 1.2's ctype of each kind of code.
_CTYPES_12 = {
    "link": "link",
    "autolink": "link",
    "emphasis": "italic",
    "strong": "bold",
    "image": "image",
    "code": "x-code",
    "html": "x-html",
}
_STATES_21 = {
    UnitState.UNTRANSLATED: "initial",
    UnitState.NEEDS_REVIEW: "initial",
    UnitState.TRANSLATED: "translated",
    UnitState.REVIEWED: "reviewed",
}
_STATES_12 = {
    UnitState.NEEDS_REVIEW: "needs-review-translation",
    UnitState.TRANSLATED: "translated",
    UnitState.REVIEWED: "signed-off",
}


class NotXml(ValueError):
    """A text holds a character XML 1.0 cannot carry."""


def write_xliff_21(origin: Origin, units: Sequence[Unit]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff xmlns="{XLIFF_21}" xmlns:mda="{METADATA}" version="2.1"'
        f" srcLang={_attr(origin.source_language)} trgLang={_attr(origin.target_language)}>",
        f'  <file id="f1" original={_attr(origin.catalogue)}>',
        "    <mda:metadata>",
        '      <mda:metaGroup category="i18ntool">',
        *_metas(("project", origin.project), ("catalogue", origin.name), indent=8),
        "      </mda:metaGroup>",
        "    </mda:metadata>",
    ]
    for unit in units:
        lines += _unit_21(unit)
    lines += ["  </file>", "</xliff>", ""]
    return "\n".join(lines)


def _unit_21(unit: Unit) -> list[str]:
    lines = [f'    <unit id="{unit.id}">']
    po_metas = [
        ("msgctxt", unit.msgctxt),
        ("previous-msgctxt", unit.previous_context),
        ("previous-msgid", unit.previous),
    ]
    review_metas = [("reviewer", unit.reviewer), ("date", unit.review_date)]
    groups = [
        (name, [(key, value) for key, value in metas if value is not None])
        for name, metas in (("po", po_metas), ("review", review_metas))
    ]
    groups = [(name, metas) for name, metas in groups if metas]
    if groups:
        lines.append("      <mda:metadata>")
        for name, metas in groups:
            lines.append(f'        <mda:metaGroup category="{name}">')
            lines += _metas(*metas, indent=10)
            lines.append("        </mda:metaGroup>")
        lines.append("      </mda:metadata>")
    if unit.notes:
        lines.append("      <notes>")
        lines += [f"        <note category={_attr(note.category)}>{_text(note.text)}</note>" for note in unit.notes]
        lines.append("      </notes>")
    data_ids = _data_ids(unit.source, unit.target)
    if data_ids:
        lines.append("      <originalData>")
        lines += [f'        <data id="{data_id}">{_text(data)}</data>' for data, data_id in data_ids.items()]
        lines.append("      </originalData>")
    state = _STATES_21[unit.state]
    sub_state = f' subState="{FUZZY_SUBSTATE}"' if unit.state is UnitState.NEEDS_REVIEW else ""
    lines.append(f'      <segment state="{state}"{sub_state}>')
    lines.append(
        f'        <source xml:space="preserve">{_inline_21(unit.source.content, unit.source, data_ids)}</source>'
    )
    if unit.target is not None:
        lines.append(f'        <target xml:space="preserve">{_inline_21(unit.target, unit.source, data_ids)}</target>')
    lines += ["      </segment>", "    </unit>"]
    return lines


def _data_ids(source: Coded, target: Content | None) -> dict[str, str]:
    """Each distinct piece of original data of the unit, in order, with its id (d1, d2...)."""
    found: dict[str, str] = {}
    for piece in (*source.content, *(target or ())):
        if isinstance(piece, (Open, Close, Mark)) and piece.data is not None and piece.data not in found:
            found[piece.data] = f"d{len(found) + 1}"
    return found


def _inline_21(content: Content, source: Coded, data_ids: dict[str, str]) -> str:
    ends = {piece.id: piece.data for piece in content if isinstance(piece, Close)}
    parts = []
    for piece in content:
        if isinstance(piece, str):
            parts.append(_text(piece))
        elif isinstance(piece, Open):
            kind = _kind(source, piece.id)
            parts.append(
                f'<pc id="{piece.id}" dataRefStart="{data_ids[str(piece.data)]}" '
                f'dataRefEnd="{data_ids[str(ends[piece.id])]}"{_type_21(kind)}>'
            )
        elif isinstance(piece, Close):
            parts.append("</pc>")
        else:
            kind = _kind(source, piece.id)
            parts.append(
                f'<ph id="{piece.id}" dataRef="{data_ids[str(piece.data)]}"{_type_21(kind)} disp={_attr(str(piece.data))}/>'
            )
    return "".join(parts)


def _type_21(kind: str) -> str:
    code_type, sub_type = _TYPES_21.get(kind, ("other", None))
    return f' type="{code_type}"' + (f' subType="{sub_type}"' if sub_type else "")


def write_xliff_12(origin: Origin, units: Sequence[Unit]) -> str:
    phases = _phases(units)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff xmlns="{XLIFF_12}" xmlns:i18n="{NAMESPACE}" version="1.2">',
        f"  <file original={_attr(origin.catalogue)} source-language={_attr(origin.source_language)}"
        f' target-language={_attr(origin.target_language)} datatype="x-gettext-po">',
        "    <header>",
    ]
    if phases:
        lines.append("      <phase-group>")
        lines += [
            f'        <phase phase-name="{name}" process-name="review" contact-name={_attr(reviewer)}'
            f' date="{date}T00:00:00Z"/>'
            for (reviewer, date), name in phases.items()
        ]
        lines.append("      </phase-group>")
    lines += [
        '      <tool tool-id="i18ntool" tool-name="i18ntool"/>',
        f"      <i18n:origin project={_attr(origin.project)} catalogue={_attr(origin.name)}/>",
        "    </header>",
        "    <body>",
    ]
    for unit in units:
        lines += _unit_12(unit, phases)
    lines += ["    </body>", "  </file>", "</xliff>", ""]
    return "\n".join(lines)


def _phases(units: Iterable[Unit]) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for unit in units:
        if unit.reviewer is not None and unit.review_date is not None:
            found.setdefault((unit.reviewer, unit.review_date), f"review-{len(found) + 1}")
    return found


def _unit_12(unit: Unit, phases: dict[tuple[str, str], str]) -> list[str]:
    approved = ' approved="yes"' if unit.state is UnitState.REVIEWED else ""
    resname = f" resname={_attr(unit.msgctxt)}" if unit.msgctxt is not None else ""
    lines = [f'      <trans-unit id="{unit.id}"{resname} xml:space="preserve"{approved}>']
    lines.append(f"        <source>{_inline_12(unit.source.content, unit.source)}</source>")
    if unit.target is not None:
        state = _STATES_12[unit.state]
        phase = phases.get((unit.reviewer or "", unit.review_date or ""))
        phase_name = f' phase-name="{phase}"' if phase else ""
        lines.append(f'        <target state="{state}"{phase_name}>{_inline_12(unit.target, unit.source)}</target>')
    if unit.previous is not None:
        lines.append(
            f'        <alt-trans alttranstype="previous-version"><source>{_text(unit.previous)}</source></alt-trans>'
        )
    if unit.msgctxt is not None:
        lines.append(
            f'        <context-group purpose="information"><context context-type="x-po-msgctxt">'
            f"{_text(unit.msgctxt)}</context></context-group>"
        )
    for note in unit.notes:
        if note.category == "location":
            path, _, line = note.text.rpartition(":")
            lines.append(
                f'        <context-group purpose="location"><context context-type="sourcefile">{_text(path or note.text)}'
                f'</context><context context-type="linenumber">{_text(line if path else "")}</context></context-group>'
            )
        elif note.category != "context":
            lines.append(f"        <note from={_attr(note.category)}>{_text(note.text)}</note>")
    lines.append("      </trans-unit>")
    return lines


def _inline_12(content: Content, source: Coded) -> str:
    parts = []
    for piece in content:
        if isinstance(piece, str):
            parts.append(_text(piece))
        else:
            ctype = _CTYPES_12.get(_kind(source, piece.id), "x-other")
            tag = "bpt" if isinstance(piece, Open) else "ept" if isinstance(piece, Close) else "ph"
            ctype_attribute = "" if tag == "ept" else f' ctype="{ctype}"'
            parts.append(f'<{tag} id="{piece.id}"{ctype_attribute}>{_text(str(piece.data))}</{tag}>')
    return "".join(parts)


def _kind(source: Coded, code_id: str) -> str:
    code: Code | None = source.code(code_id)
    return code.kind if code is not None else "other"


def _metas(*pairs: tuple[str, str | None], indent: int) -> list[str]:
    return [
        f'{" " * indent}<mda:meta type="{key}">{_text(value)}</mda:meta>' for key, value in pairs if value is not None
    ]


def _text(text: str) -> str:
    _refuse(text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(text: str) -> str:
    _refuse(text)
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return '"' + escaped.replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;") + '"'


def _refuse(text: str) -> None:
    found = _NOT_XML.search(text)
    if found:
        raise NotXml(f"holds the character U+{ord(found.group()):04X}, which XML cannot carry")
