"""Catalogues on disk: whether one is there, its bytes, the catalogue they hold.

The edge where the ``po`` package meets the file system: the model, the readers and the
layout (``catalogue.py``, ``quick_reader.py``, ``layout.py``) take and give values, and a
command reads a catalogue's bytes here once, for every use it has of them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from i18ntool.errors import CatalogueError
from i18ntool.po.catalogue import Catalogue, parse_catalogue


def catalogue_exists(path: Path, name: str) -> bool:
    """Whether there is a catalogue at ``path``: False if nothing is there. Anything there
    that is not a regular file (a folder, a FIFO that would make the read wait for ever) is
    an error, the same one in every command, which would otherwise each see it differently."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if os.path.islink(path):  # a link to nothing: not a catalogue to create in its place
            raise CatalogueError(
                "a link to a file that does not exist; restore the file or remove the link", name
            ) from None
        return False
    except OSError as exc:
        raise CatalogueError(f"cannot read catalogue: {exc.strerror}", name) from exc
    if not stat.S_ISREG(mode):
        raise CatalogueError("not a regular file; a catalogue must be a plain PO file", name)
    return True


def read_catalogue_bytes(path: Path, name: str | None = None) -> bytes:
    """The bytes of the PO or POT file at ``path``, read once for every use a command has of
    them; ``name`` is how errors name it (default: the path)."""
    where = name or str(path)
    try:
        if not catalogue_exists(path, where):
            raise FileNotFoundError(2, os.strerror(2))
        return path.read_bytes()
    except OSError as exc:
        raise CatalogueError(f"cannot read catalogue: {exc.strerror}", where) from exc


def read_catalogue(path: Path, name: str | None = None) -> Catalogue:
    """Read the PO or POT file at ``path``; ``name`` is how errors name it (default: the path)."""
    return parse_catalogue(read_catalogue_bytes(path, name), name or str(path))
