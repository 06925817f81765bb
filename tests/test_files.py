"""Invariant 7: an interrupted write leaves no partial file; two runs at once corrupt nothing."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.cli import main
from i18ntool.errors import I18nToolError
from i18ntool.files import read_input, write_all_if_changed, write_if_changed
from tests.conftest import snapshot


def test_a_write_interrupted_before_the_rename_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(b"old content\n")

    def power_cut(source: str, target: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(KeyboardInterrupt):
        write_if_changed(path, b"new content\n" * 1000)
    assert path.read_bytes() == b"old content\n"
    assert [child.name for child in tmp_path.iterdir()] == ["x.po"]  # the temporary file is gone too


def test_a_failed_write_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "locales"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(I18nToolError) as caught:
        write_if_changed(blocker / "it" / "x.po", b"content")
    assert caught.value.path == blocker / "it" / "x.po"
    assert "cannot write" in caught.value.message


def test_a_file_with_the_same_content_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(b"same\n")
    os.utime(path, (1_000_000, 1_000_000))
    assert write_if_changed(path, b"same\n") is False
    assert path.stat().st_mtime == 1_000_000


def test_two_updates_at_once_leave_whole_readable_catalogues(project_dir: Path) -> None:
    for source in (project_dir / "content").glob("*.md"):
        source.write_text(
            source.read_text(encoding="utf-8") + "\nA closing paragraph added to every text.\n", encoding="utf-8"
        )
    command = [sys.executable, "-m", "i18ntool", "--project", str(project_dir), "update"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], results
    for path in (project_dir / "locales").rglob("*.po*"):
        read_catalogue(path)  # whole and valid, whichever run wrote it last
    assert not [path for path in (project_dir / "locales").rglob("*.tmp")]
    before = snapshot(project_dir / "locales")
    check = subprocess.run([*command, "--check"], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout
    assert snapshot(project_dir / "locales") == before


STALE = [  # (command, folder where it writes, a temporary file it left there when killed)
    pytest.param(["update"], "locales/it/LC_MESSAGES", ".festivals.po.o9_xpuzi.tmp", id="update-catalogue"),
    pytest.param(["update"], "locales/templates", ".festivals.pot.a1b2c3d4.tmp", id="update-template"),
    pytest.param(
        ["review", "festivals", "--reviewer", "Maria Rossi"],
        "locales/it/LC_MESSAGES",
        ".festivals.po.zz_9y8x7.tmp",
        id="review",
    ),
    pytest.param(["build"], "build/en", ".annuncio-proiezione.html.o9_xpuzi.tmp", id="build-page"),
    pytest.param(["build"], "build", ".manifest.json.q0w9e8r7.tmp", id="build-manifest"),
    pytest.param(["compile"], "locales/it/LC_MESSAGES", ".festivals.mo.abcdefgh.tmp", id="compile"),
]


@pytest.mark.parametrize(("arguments", "folder", "name"), STALE)
def test_the_next_run_removes_the_temporary_files_a_killed_run_left(
    project_dir: Path, arguments: list[str], folder: str, name: str
) -> None:
    (project_dir / folder).mkdir(parents=True, exist_ok=True)
    (project_dir / folder / name).write_bytes(b"half a file")
    others = [".notes.odt.abcdefgh.tmp", "draft.tmp", ".festivals.po.swp"]  # not i18ntool's: kept
    for other in others:
        (project_dir / folder / other).write_bytes(b"someone else's")
    result = CliRunner().invoke(main, ["--project", str(project_dir), *arguments])
    assert result.exit_code == 0, result.output
    assert not (project_dir / folder / name).exists()
    assert all((project_dir / folder / other).read_bytes() == b"someone else's" for other in others)


def test_update_check_leaves_temporary_files_alone(project_dir: Path) -> None:
    stale = project_dir / "locales/it/LC_MESSAGES/.festivals.po.o9_xpuzi.tmp"
    stale.write_bytes(b"half a file")
    result = CliRunner().invoke(main, ["--project", str(project_dir), "update", "--check"])
    assert result.exit_code == 0, result.output
    assert stale.exists()


@pytest.mark.parametrize("failing_write", [1, 3])
def test_a_full_disk_is_one_line_exit_2_and_leaves_every_file_as_it_was(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch, failing_write: int
) -> None:
    """`update` writes every new file's temporary before it renames any, so a disk that fills
    up while they are written leaves every file as it was, whichever write fails."""
    for source in (project_dir / "content").glob("*.md"):
        source.write_text(source.read_text(encoding="utf-8") + "\nA closing paragraph.\n", encoding="utf-8")
    before = snapshot(project_dir)
    writes = 0
    real_fdopen = os.fdopen

    def disk_full(descriptor: int, mode: str = "r", *args: object, **kwargs: object) -> object:
        nonlocal writes
        if mode == "wb":
            writes += 1
            if writes >= failing_write:
                os.close(descriptor)
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fdopen(descriptor, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "fdopen", disk_full)
    # The cache off: its entries are written (and a full disk ignored) apart from the project's files.
    result = CliRunner(env={"I18NTOOL_CACHE": "off"}).invoke(main, ["--project", str(project_dir), "update"])
    assert writes == failing_write  # the files to write are more than three
    assert result.exit_code == 2, result.output
    assert re.fullmatch(r"i18ntool: \S+\.pot?: cannot write: No space left on device\n", result.output), result.output
    assert snapshot(project_dir) == before  # no file changed, no temporary file left


def _read_in_a_thread(path: Path) -> list[str]:
    """What ``read_input`` says of ``path``, read in a thread; a reader left waiting for a FIFO's
    writer is freed by opening the FIFO for writing, so that the test fails instead of hanging."""
    outcome: list[str] = []

    def read() -> None:
        try:
            outcome.append(repr(read_input(path)))
        except OSError as exc:
            outcome.append(f"OSError: {exc.strerror}")

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(timeout=60)
    if thread.is_alive():
        with open(path, "wb"):
            pass
        thread.join()
    return outcome


def test_a_fifo_or_a_folder_given_as_a_file_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "agency.tmx"
    os.mkfifo(fifo)
    assert _read_in_a_thread(fifo) == ["OSError: not a regular file (a FIFO, a device or a socket)"]
    assert _read_in_a_thread(tmp_path) == ["OSError: Is a directory"]
    regular = tmp_path / "x.xlf"
    regular.write_bytes(b"<xliff/>")
    assert _read_in_a_thread(regular) == ["b'<xliff/>'"]


@pytest.mark.parametrize("failing", [1, 3])
def test_many_files_written_together_are_each_whole_or_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    paths = [tmp_path / "out" / f"{number}.md" for number in range(5)]
    for path in paths[:2]:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"old")
    assert write_all_if_changed([(path, b"new") for path in paths]) == paths
    assert write_all_if_changed([(path, b"new") for path in paths]) == []  # nothing changed, nothing written
    renames = 0
    real_replace = os.replace

    def failing_replace(source: str, target: Path) -> None:
        nonlocal renames
        renames += 1
        if renames >= failing:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(I18nToolError, match="No space left on device"):
        write_all_if_changed([(path, b"newer") for path in paths])
    assert [path.read_bytes() for path in paths] == [b"newer"] * (failing - 1) + [b"new"] * (6 - failing)
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [path.name for path in paths]


def test_a_link_to_a_file_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    kept = tmp_path / "elsewhere" / "shared.po"
    kept.parent.mkdir()
    kept.write_bytes(b"old\n")
    kept.chmod(0o640)
    link = tmp_path / "project" / "shared.po"
    link.parent.mkdir()
    link.symlink_to(kept)
    assert write_all_if_changed([(link, b"new\n")]) == [link]
    assert link.is_symlink() and kept.read_bytes() == b"new\n"
    assert kept.stat().st_mode & 0o777 == 0o640
    assert not [path for path in tmp_path.rglob("*.tmp")]


def test_a_link_to_anything_but_a_file_is_replaced_by_a_file_of_a_new_files_mode(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    os.umask(old_umask)
    for name, target in (("device.md", "/dev/zero"), ("folder.md", str(tmp_path)), ("nothing.md", "/nonexistent/x")):
        link = tmp_path / name
        link.symlink_to(target)
        write_if_changed(link, b"built\n")
        assert not link.is_symlink() and link.read_bytes() == b"built\n", name
        assert link.stat().st_mode & 0o777 == 0o666 & ~old_umask, name  # not /dev/zero's 666


def test_a_catalogue_that_is_a_link_to_nothing_is_an_error_not_a_new_catalogue(project_dir: Path) -> None:
    catalogue = project_dir / "locales" / "it" / "LC_MESSAGES" / "festivals.po"
    catalogue.unlink()
    catalogue.symlink_to(project_dir / "gone" / "festivals.po")
    before = snapshot(project_dir)
    for command in (["update"], ["update", "--check"], ["coverage"]):
        result = CliRunner().invoke(main, ["--project", str(project_dir), *command])
        assert (result.exit_code, result.output) == (
            2,
            "i18ntool: locales/it/LC_MESSAGES/festivals.po: a link to a file that does not exist; "
            "restore the file or remove the link\n",
        ), command
    assert snapshot(project_dir) == before


def test_files_read_in_this_run_are_staged_as_if_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """stage_changed stages what it stages without ``read``; a file whose bytes in ``read``
    differ from its new content is not read again, any other is."""
    from i18ntool import files as writing

    paths = [tmp_path / name for name in ("changed.po", "same.po", "known-same-now-other.po", "new.po")]
    for path, text in zip(paths[:3], (b"old", b"same", b"other"), strict=True):
        path.write_bytes(text)
    wanted = [(paths[0], b"new"), (paths[1], b"same"), (paths[2], b"same"), (paths[3], b"new")]
    plain = writing.stage_changed(wanted)
    try:
        plain_paths = [path for path, _, _ in plain]
    finally:
        writing.discard_staged(plain)
    looked_at: list[Path] = []
    reading = writing.read_input_as_found

    def counted(path: Path | str) -> tuple[bytes, os.stat_result]:
        looked_at.append(Path(path))
        return reading(path)

    monkeypatch.setattr(writing, "read_input_as_found", counted)
    staged = writing.stage_changed(wanted, read={paths[0]: b"old", paths[1]: b"same", paths[2]: b"same"})
    try:
        assert [path for path, _, _ in staged] == plain_paths == [paths[0], paths[2], paths[3]]
        assert looked_at == paths[1:]
    finally:
        writing.discard_staged(staged)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(path.name for path in paths[:3])
