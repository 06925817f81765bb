"""Digests remembered by the files' signatures: a remembered digest is used only for the very
file it was made of, unchanged (``digests``)."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from i18ntool import digests, files
from i18ntool.cache import Cache
from i18ntool.digests import Digests, read_signed


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def trust_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file's signature remembered, however recently it changed."""
    monkeypatch.setattr(digests, "SETTLED", -(10**12))
    monkeypatch.setattr(digests, "SETTLED_FINE", -(10**12))


def unread(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, reading a file fails the test: a digest must come from its signature."""

    def refuse(path: str) -> object:
        raise AssertionError(f"{path} read")

    monkeypatch.setattr(digests, "read_input_as_found", refuse)


def remembered(folder: Path) -> tuple[Path, Cache]:
    """A file holding ``one``, its digest made and kept in a cache: the file and the cache."""
    path = folder / "a.po"
    path.write_bytes(b"one")
    cache = Cache(folder / "cache")
    first = Digests(cache, "project")
    assert first.of(str(path)) == sha(b"one")
    first.save()
    return path, cache


def test_a_settled_file_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trusted_at_once: Callable[[], None]
) -> None:
    path, cache = remembered(tmp_path)
    unread(monkeypatch)
    assert Digests(cache, "project").of(str(path)) == sha(b"one")  # from the signature kept in the cache
    assert Digests(cache, "another project").of(str(tmp_path / "absent.po")) is None


def _same_size_and_time(path: Path) -> None:
    before = path.stat()
    path.write_bytes(b"two")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _replaced_by_rename(path: Path) -> None:
    before = path.stat()
    other = path.with_name("other")
    other.write_bytes(b"two")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    other.replace(path)


def _removed(path: Path) -> None:
    path.unlink()


def _made_a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _made_a_link_to_nothing(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.with_name("nowhere"))


@pytest.mark.parametrize(
    "change",
    [_same_size_and_time, _replaced_by_rename, _removed, _made_a_folder, _made_a_link_to_nothing],
    ids=["same size and time", "replaced by rename", "removed", "a folder", "a link to nothing"],
)
def test_a_changed_file_is_read_again(
    tmp_path: Path, trusted_at_once: Callable[[], None], change: Callable[[Path], None]
) -> None:
    path, cache = remembered(tmp_path)
    trusted_at_once()  # the change comes after the read, in a later tick of the clock
    change(path)
    again = Digests(cache, "project")
    if path.is_file():
        assert again.of(str(path)) == sha(b"two")
    elif path.is_symlink() or path.is_dir():
        with pytest.raises(OSError):
            again.of(str(path))
    else:
        assert again.of(str(path)) is None


def test_a_file_changed_too_recently_is_not_remembered(tmp_path: Path) -> None:
    """A file could change again within the tick of the clock it was read in, keeping its
    times: its signature is not trusted until it has been at rest for ``SETTLED``."""
    path = tmp_path / "a.po"
    path.write_bytes(b"one")
    assert read_signed(str(path))[1:] == (sha(b"one"), None)
    at_rest = os.stat(path).st_mtime_ns - digests.SETTLED - 10**9
    os.utime(path, ns=(at_rest, at_rest))  # its modification time in the past: its change time is now
    assert read_signed(str(path))[2] is None


def _found(changed_at: int) -> os.stat_result:
    """A regular file's ``stat`` whose last change was at ``changed_at`` (nanoseconds)."""
    fields = (0o100644, 5, 7, 1, 0, 0, 3, 0, 0, 0, 0.0, 0.0, 0.0, changed_at - 1, changed_at - 1, changed_at)
    return os.stat_result(fields + (0,) * (os.stat_result.n_fields - len(fields)))


@pytest.mark.parametrize(
    ("changed_at", "settled_after"),
    [(1_700_000_000_123_456_789, digests.SETTLED_FINE), (1_700_000_000_123_000_000, digests.SETTLED)],
    ids=["times to the nanosecond", "times to the millisecond"],
)
def test_the_margin_follows_the_precision_of_the_files_times(changed_at: int, settled_after: int) -> None:
    found = _found(changed_at)
    assert digests._record("a", found, changed_at + settled_after, "d") is None
    assert digests._record("a", found, changed_at + settled_after + 1, "d") == (
        "a",
        [7, 5, 3, changed_at - 1, changed_at, "d"],
    )


def test_files_written_are_remembered_with_the_signature_they_had_when_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ``stat`` said of a file as it was written is remembered, not what it says at the
    end of the run: a change made in between (another program) leaves another signature."""
    path = tmp_path / "out.md"
    found: dict[Path, os.stat_result] = {}
    assert files.write_all_if_changed([(path, b"written")], found) == [path]
    cache = Cache(tmp_path / "cache")
    kept = Digests(cache, "project")
    kept.found_holding([(str(path), found[path], sha(b"written"))])
    kept.save()
    assert Digests(cache, "project")._records() == {}  # written just now: not settled yet
    trust_all(monkeypatch)
    kept.found_holding([(str(path), found[path], sha(b"written"))])
    kept.save()
    assert Digests(cache, "project").of(str(path)) == sha(b"written")
    assert files.write_all_if_changed([(path, b"written")], found) == []  # found holding it, before the read
    trust_all(monkeypatch)
    time.sleep(0.02)  # the next tick of the file system's clock
    path.write_bytes(b"changed")  # by another program, before the run ends
    kept.found_holding([(str(path), found[path], sha(b"written"))])
    kept.save()
    assert Digests(cache, "project").of(str(path)) == sha(b"changed")


def test_the_signature_is_taken_before_the_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change during the read leaves a signature unlike the remembered one."""
    path = tmp_path / "a.po"
    path.write_bytes(b"one")
    trust_all(monkeypatch)
    real = files.read_input_as_found

    def changed_while_read(where: str) -> tuple[bytes, os.stat_result]:
        data, found = real(where)
        path.write_bytes(b"two!")  # after the signature was taken
        return data, found

    monkeypatch.setattr(digests, "read_input_as_found", changed_while_read)
    data, digest, record = read_signed(str(path))
    assert record is not None and record[1][2] == 3  # the size before the change
    assert record[1][:5] != digests._signature(os.stat(path))


@pytest.mark.parametrize(
    "damaged",
    [[1, 2], [1, 2, 3, 4, 5, 6], ["1", 2, 3, 4, 5, "d"], "text"],
    ids=["short record", "digest not text", "field not a number", "text"],
)
def test_damaged_records_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damaged: object) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"x")
    trust_all(monkeypatch)
    cache = Cache(tmp_path / "cache")
    kept = Digests(cache, "project")
    assert kept.of(str(path)) == sha(b"x")
    kept.save()
    assert kept._key is not None
    good = cache.get(kept._key)[str(path)]
    assert Digests(cache, "project")._records() == {str(path): good}
    cache.put(kept._key, {str(path): [*good[:5], 7] if damaged == [1, 2, 3, 4, 5, 6] else damaged})
    assert Digests(cache, "project").of(str(path)) == sha(b"x")
    cache.put(kept._key, ["not", "a", "table"])
    assert Digests(cache, "project").of(str(path)) == sha(b"x")


def test_without_a_cache_folder_nothing_is_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(b"one")
    trust_all(monkeypatch)
    kept = Digests(Cache(None), "project")
    assert kept.of(str(path)) == sha(b"one")
    kept.save()
    unread(monkeypatch)
    with pytest.raises(AssertionError, match="read"):
        Digests(Cache(None), "project").of(str(path))
