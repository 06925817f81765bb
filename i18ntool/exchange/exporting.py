"""`export --format xliff`: each catalogue chosen as one XLIFF file, for a translator's CAT tool.

One file per document (or catalogue with no source text) and target language, named
``<doc>.<lang>.xlf``. Every active entry is a unit (plural entries are left out: XLIFF has
no plural forms, and the file says how many were left out in the command's summary line).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from i18ntool.checks.markdown_parity import references
from i18ntool.errors import CatalogueError
from i18ntool.exchange.formats import ExportedFile, ExportRequest
from i18ntool.exchange.inline_codes import encode, encode_translation
from i18ntool.exchange.units import Origin, Unit, UnitState, notes_of, review_metadata, unit_id, unit_state
from i18ntool.exchange.xliff_write import NotXml, write_xliff_12, write_xliff_21
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.po.catalogue_files import catalogue_exists, read_catalogue
from i18ntool.project import Project
from i18ntool.targets import Target


def export_xliff(request: ExportRequest) -> list[ExportedFile]:
    project = request.project
    write = write_xliff_12 if request.xliff_version == "1.2" else write_xliff_21
    exported = []
    for target in request.targets:
        name = project.relative(target.catalogue_path)
        if not catalogue_exists(target.catalogue_path, name):
            raise CatalogueError("no catalogue to export; run `i18ntool update` first", name)
        catalogue = read_catalogue(target.catalogue_path, name)
        origin = origin_of(project, target)
        units, plurals = catalogue_units(catalogue, name, document_env(target))
        try:
            text = write(origin, units)
        except NotXml as error:  # pragma: no cover - units_of finds these first, with the line
            raise CatalogueError(str(error), name) from None
        counts = Counter(unit.state for unit in units)
        summary = ", ".join(f"{counts[state]} {state.value}" for state in UnitState if counts[state])
        left_out = f"; {plurals} plural entries left out (XLIFF has no plural forms)" if plurals else ""
        path = request.out_dir / f"{target.name}.{target.language}.xlf"
        exported.append(ExportedFile(path, text.encode("utf-8"), f"{len(units)} units ({summary or 'none'}){left_out}"))
    return exported


def origin_of(project: Project, target: Target) -> Origin:
    source_language = target.document.language if target.document is not None else project.source_language
    return Origin(project.name, target.name, project.relative(target.catalogue_path), source_language, target.language)


def document_env(target: Target) -> Mapping[str, Any]:
    """The link reference definitions of the target's document, for ``[text][ref]``."""
    return references(target.document.text) if target.document is not None else {}


def catalogue_units(catalogue: Catalogue, name: str, env: Mapping[str, Any]) -> tuple[list[Unit], int]:
    """The units of a catalogue's active entries, in its order, and how many plural entries were left out."""
    units: list[Unit] = []
    plurals = 0
    seen: dict[str, int] = {}
    for message in catalogue.messages:
        if message.obsolete:
            continue
        if message.msgid_plural is not None:
            plurals += 1
            continue
        unit = unit_of(message, env)
        if unit.id in seen:  # pragma: no cover - two entries whose 64-bit hashes collide
            raise CatalogueError(f"two entries share unit id {unit.id} (line {seen[unit.id]})", name, message.line)
        seen[unit.id] = message.line
        try:
            write_xliff_21(Origin("", "", "", "", ""), [unit])
        except NotXml as error:
            raise CatalogueError(f"entry {error}", name, message.line) from None
        units.append(unit)
    return units, plurals


def unit_of(message: Message, env: Mapping[str, Any]) -> Unit:
    source = encode(message.msgid, env)
    state = unit_state(message)
    target = None if state is UnitState.UNTRANSLATED else encode_translation(message.msgstr, source, env)
    reviewer, date = review_metadata(message)
    return Unit(
        id=unit_id(message.msgctxt, message.msgid),
        msgctxt=message.msgctxt,
        source=source,
        target=target,
        state=state,
        notes=notes_of(message),
        previous=message.previous_msgid if message.fuzzy else None,
        previous_context=message.previous_msgctxt if message.fuzzy else None,
        reviewer=reviewer,
        review_date=date,
    )
