"""The build's manifest (``manifest.json``): reading the last one, writing the outputs and the new one.

The manifest lists every output of the output folder with its document, language, format,
completeness and hash, and every text held back with the reason. It is also the build's
memory: only files the previous manifest lists are ever removed, and a manifest that i18ntool
could not have written (one naming a file outside the output folder) is not obeyed.

This module deals in records (dictionaries as the JSON has them) and bytes; ``build.py``
decides what they hold.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from i18ntool import __version__
from i18ntool.files import (
    read_input,
    remove_if_present,
    remove_stale_temporaries,
    write_all_if_changed,
    write_if_changed,
)
from i18ntool.outputs.formats import extensions
from i18ntool.project import Project

MANIFEST = "manifest.json"
_ENCODER = json.JSONEncoder(ensure_ascii=False)  # one, not one per value as json.dumps makes


def manifest_header(project: Project, include_fuzzy: bool) -> dict[str, Any]:
    return {
        "generator": f"i18ntool {__version__}",
        "project": project.name,
        "languages": list(project.languages),
        "publish_threshold": project.publish_threshold,
        "include_fuzzy": include_fuzzy,
    }


def write_outputs(
    output_dir: Path,
    previous: dict[str, Any],
    files: Sequence[tuple[str, bytes]],
    planned: tuple[dict[str, Any], list[str]],
    found: dict[Path, os.stat_result] | None = None,
) -> tuple[list[str], list[str]]:
    """Write ``files`` (path in the output folder, bytes) and the manifest; remove what the last
    build made and this one did not. ``planned`` is the manifest and those outputs of the last
    build (:func:`planned_manifest`); ``previous`` is the last manifest (``read_manifest``)."""
    manifest, stale = planned
    remove_temporaries(output_dir)
    # One flush to disk for every output (``write_all_if_changed``), then the manifest that lists them.
    written = [
        path.relative_to(output_dir).as_posix()
        for path in write_all_if_changed([(output_dir / path, data) for path, data in sorted(files)], found)
    ]
    removed = [path for path in stale if _remove(output_dir, path)]
    if manifest != previous:  # the same records need neither laying out nor comparing as bytes
        data = manifest_text(manifest).encode("utf-8")
        if write_if_changed(output_dir / MANIFEST, data):
            written.append(MANIFEST)
    return written, removed


def remove_temporaries(output_dir: Path) -> None:
    """Remove what a build killed as it wrote left in ``output_dir`` (``files.remove_stale_temporaries``)."""
    remove_stale_temporaries(output_dir, (*extensions(), MANIFEST))


def planned_manifest(
    previous: dict[str, Any],
    records: Sequence[dict[str, Any]],
    held_back: Sequence[dict[str, Any]],
    sources: Sequence[dict[str, Any]],
    languages: Sequence[str],
    formats: Sequence[str],
    header: dict[str, Any],
) -> tuple[dict[str, Any], list[str]]:
    """The manifest :func:`write_outputs` writes, and the outputs of the last build it removes
    (those of ``languages`` and ``formats`` that this build did not make). ``records`` describe
    every output of this build, written now or found in place; ``sources`` what the next build
    needs to keep what did not change (``reuse``); ``previous`` is the last manifest."""
    built = {record["path"] for record in records}

    def rebuilt(record: dict[str, Any]) -> bool:
        return record["language"] in languages and record["format"] in formats

    earlier = [record for record in previous.get("outputs", []) if record["path"] not in built]
    kept = [record for record in earlier if not rebuilt(record)]  # other languages or formats
    stale = sorted(record["path"] for record in earlier if rebuilt(record))
    outputs = sorted([*kept, *records], key=lambda record: record["path"])
    held = [record for record in previous.get("held_back", []) if record["language"] not in languages]
    held += held_back
    held.sort(key=lambda record: (record["document"], record["language"]))
    return {**header, "outputs": outputs, "held_back": held, "sources": list(sources)}, stale


def manifest_text(manifest: dict[str, Any]) -> str:
    """The manifest as JSON: indented as ``json.dumps(indent=2)`` writes it, except that each of
    the ``sources`` is one line (they are the build's memory, not for reading, and the longest
    part). Lists of flat records are laid out here, because ``json`` indents in pure Python, ten
    times slower than it writes without indenting: a third of a build with nothing to do."""
    parts = []
    for key, value in manifest.items():
        if key == "sources":
            shown = "".join(f"\n    {_compact(record)}," for record in value)
            laid_out = f"[{shown[:-1]}\n  ]" if value else "[]"
        elif isinstance(value, list) and all(_flat(record) for record in value):
            records = ",".join(
                "\n    {" + ",".join(f"\n      {_compact(k)}: {_compact(v)}" for k, v in record.items()) + "\n    }"
                for record in value
            )
            laid_out = f"[{records}\n  ]" if value else "[]"
        else:
            laid_out = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        parts.append(f"\n  {_compact(key)}: {laid_out}")
    return "{" + ",".join(parts) + "\n}\n"


def _compact(value: Any) -> str:
    return _ENCODER.encode(value)


def _flat(record: Any) -> bool:
    """A non-empty dictionary of strings, numbers, booleans and nulls."""
    return (
        isinstance(record, dict)
        and bool(record)
        and all(value is None or isinstance(value, str | int | float) for value in record.values())
    )


def read_manifest(output_dir: Path) -> tuple[dict[str, Any], list[str]]:
    """The previous build's manifest, if it is one i18ntool could have written."""
    path = output_dir / MANIFEST
    try:
        data = read_input(path)  # a FIFO is no manifest, not a wait
    except FileNotFoundError:
        return {}, []
    except OSError:
        data = b""
    return manifest_of(data, path)


def has_manifest(output_dir: Path) -> bool:
    """Whether ``output_dir`` holds a manifest (a regular file, or a link to one)."""
    return (output_dir / MANIFEST).is_file()


def manifest_of(data: bytes, path: Path) -> tuple[dict[str, Any], list[str]]:
    """The manifest whose bytes are ``data`` (read from ``path``), as :func:`read_manifest` gives it."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        manifest = None
    if _valid_manifest(manifest):
        return manifest, []
    return {}, [f"{path}: not a manifest of i18ntool's; no earlier outputs were removed, it is rewritten"]


def _valid_manifest(manifest: Any) -> bool:
    if not isinstance(manifest, dict) or not isinstance(manifest.get("outputs", []), list):
        return False
    if not isinstance(manifest.get("held_back", []), list):
        return False
    return all(
        isinstance(record, dict)
        and isinstance(record.get("path"), str)  # three tests, not all() of a generator: 2,000 records a build
        and isinstance(record.get("language"), str)
        and isinstance(record.get("format"), str)
        and _safe_path(record["path"])
        for record in manifest.get("outputs", [])
    ) and all(
        isinstance(record, dict) and isinstance(record.get("document"), str) and isinstance(record.get("language"), str)
        for record in manifest.get("held_back", [])
    )


def _safe_path(path: str) -> bool:
    """A path a manifest may name: relative, inside the output folder, with no '..'."""
    parts = [part for part in path.split("/") if part not in ("", ".")]  # as PurePosixPath(path).parts, the root aside
    return bool(parts) and not path.startswith("/") and ".." not in parts and "\\" not in path


def _remove(output_dir: Path, path: str) -> bool:
    target = output_dir / path
    if not target.resolve().is_relative_to(output_dir.resolve()):
        return False
    removed = remove_if_present(target)
    folder = target.parent
    while output_dir in folder.parents and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
    return removed
