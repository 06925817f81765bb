"""Writing catalogues to PO files: gettext's layout, atomically, only when the bytes change."""

from __future__ import annotations

from pathlib import Path

from i18ntool.files import write_if_changed
from i18ntool.po.catalogue import Catalogue
from i18ntool.po.layout import format_catalogue

__all__ = ["write_catalogue"]


def write_catalogue(path: Path, catalogue: Catalogue) -> bool:
    """Write ``catalogue`` to ``path`` in gettext's layout, atomically, if its bytes change."""
    return write_if_changed(path, format_catalogue(catalogue).encode("utf-8"))
