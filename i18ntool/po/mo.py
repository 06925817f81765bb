"""Compiling catalogues into MO files, for sites that use gettext at run time.

The MO files hold what ``msgfmt`` puts in them, and are laid out as it lays them out (the
same string order and the same hash table), so ``msgunfmt`` reads the same catalogue back
from both and, for catalogues without system-dependent strings, the bytes are the same:

- the header entry without its POT-Creation-Date, whatever its fuzziness (msgfmt ignores a
  fuzzy flag on the header);
- every active entry whose first translation is not empty, fuzzy ones only on request;
- never obsolete entries.

An entry with plural forms is included when its first form is filled, as msgfmt does, even
though ``status.state_of`` counts it as untranslated until every form is filled.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from i18ntool.documents import catalogue_domain, catalogue_paths
from i18ntool.po.catalogue import Catalogue
from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.files import remove_stale_temporaries, write_if_changed
from i18ntool.project import Project

_MAGIC = 0x950412DE
_HEADER_SIZE = 28
_CONTEXT_SEPARATOR = "\x04"


@dataclass(frozen=True)
class CompiledCatalogue:
    """One MO file that `compile` wrote or found already up to date."""

    catalogue: Path
    mo: Path
    messages: int  # entries in the MO file, the header included
    written: bool


def mo_entries(catalogue: Catalogue, *, include_fuzzy: bool = False) -> list[tuple[str, str]]:
    """The (key, value) strings of the MO file, as msgfmt chooses and spells them.

    A key is ``msgctxt`` + EOT + ``msgid`` (+ NUL + ``msgid_plural``); a value is the
    translation, or the plural forms separated by NUL.
    """
    entries: list[tuple[str, str]] = []
    # msgfmt leaves POT-Creation-Date out of the header, so that an MO file does not change
    # when only the template's date did.
    header = [(key, value) for key, value in catalogue.header_fields if key != "POT-Creation-Date"]
    if header:
        entries.append(("", "".join(f"{key}: {value}\n" for key, value in header)))
    for message in catalogue.messages:
        forms = message.msgstr_plural if message.msgid_plural is not None else (message.msgstr,)
        if message.obsolete or not forms or not forms[0] or (message.fuzzy and not include_fuzzy):
            continue
        key = message.msgid if message.msgctxt is None else message.msgctxt + _CONTEXT_SEPARATOR + message.msgid
        if message.msgid_plural is not None:
            key += "\x00" + message.msgid_plural
        entries.append((key, "\x00".join(forms)))
    return entries


def mo_bytes(entries: Iterable[tuple[str, str]], charset: str = "UTF-8") -> bytes:
    """An MO file holding ``entries``, byte for byte as GNU msgfmt writes it."""
    encoded = sorted((key.encode(charset), value.encode(charset)) for key, value in entries)
    count = len(encoded)
    hash_size = _hash_table_size(count)
    originals_at = _HEADER_SIZE
    translations_at = originals_at + 8 * count
    hash_at = translations_at + 8 * count
    offset = hash_at + 4 * hash_size
    originals, translations, strings = [], [], []
    for key, _ in encoded:
        originals.append((len(key), offset))
        strings.append(key + b"\x00")
        offset += len(key) + 1
    for _, value in encoded:
        translations.append((len(value), offset))
        strings.append(value + b"\x00")
        offset += len(value) + 1
    table = [0] * hash_size
    for index, (key, _) in enumerate(encoded):
        # msgfmt hashes the msgid up to its first NUL, so a plural entry by its singular.
        hashed = _hash_string(key.split(b"\x00", 1)[0])
        slot = hashed % hash_size
        if table[slot]:
            increment = 1 + hashed % (hash_size - 2)
            while table[slot]:
                slot = slot - (hash_size - increment) if slot >= hash_size - increment else slot + increment
        table[slot] = index + 1
    parts = [
        struct.pack("<7I", _MAGIC, 0, count, originals_at, translations_at, hash_size, hash_at),
        b"".join(struct.pack("<2I", length, at) for length, at in originals),
        b"".join(struct.pack("<2I", length, at) for length, at in translations),
        struct.pack(f"<{hash_size}I", *table),
        *strings,
    ]
    return b"".join(parts)


def compile_catalogues(
    project: Project, languages: Sequence[str] = (), *, output_dir: Path | None = None, include_fuzzy: bool = False
) -> list[CompiledCatalogue]:
    """Compile every catalogue of the languages (default: all) into an MO file.

    Each MO file goes beside its catalogue, or with ``output_dir`` to
    ``output_dir/<lang>/LC_MESSAGES/<domain>.mo``, the layout ``gettext.translation`` reads.
    Every catalogue is read (strictly) before anything is written.
    """
    plan: list[tuple[Path, Path, bytes, int]] = []
    for language in languages or project.languages:
        for path in catalogue_paths(project, language):
            catalogue = read_catalogue(path, project.relative(path))
            entries = mo_entries(catalogue, include_fuzzy=include_fuzzy)
            domain = catalogue_domain(project, language, path)
            target = (
                path.with_suffix(".mo")
                if output_dir is None
                else output_dir / language / "LC_MESSAGES" / f"{domain}.mo"
            )
            plan.append((path, target, mo_bytes(entries, _charset(catalogue)), len(entries)))
    remove_stale_temporaries(project.locales_dir if output_dir is None else output_dir, (".mo",))
    return [
        CompiledCatalogue(catalogue=path, mo=target, messages=count, written=write_if_changed(target, data))
        for path, target, data, count in plan
    ]


def _charset(catalogue: Catalogue) -> str:
    content_type = catalogue.header("Content-Type") or ""
    _, _, charset = content_type.partition("charset=")
    charset = charset.strip()
    return charset if charset and charset.upper() != "CHARSET" else "UTF-8"


def _hash_string(data: bytes) -> int:
    """GNU gettext's ``hash_string`` (hashpjw), computed in a 64-bit ``unsigned long`` as msgfmt does."""
    value = 0
    for byte in data:
        value = ((value << 4) + byte) & 0xFFFFFFFFFFFFFFFF
        high = value & (0xFFFFFFFFFFFFFFFF << 28) & 0xFFFFFFFFFFFFFFFF
        if high:
            value ^= high >> 24
            value ^= high
    return value & 0xFFFFFFFF


def _hash_table_size(count: int) -> int:
    """msgfmt's table size: the next "prime" after 4/3 of the count, at least 3."""
    size = _next_prime(count * 4 // 3)
    return size if size > 2 else 3


def _next_prime(seed: int) -> int:
    # gettext's next_prime and is_prime, quirks included (3 is not "prime" to them), so
    # that the table has the same size as msgfmt's.
    seed |= 1
    while not _is_prime(seed):
        seed += 2
    return seed


def _is_prime(candidate: int) -> bool:
    divisor, square = 3, 9
    while square < candidate and candidate % divisor != 0:
        divisor += 1
        square += 4 * divisor
        divisor += 1
    return candidate % divisor != 0
