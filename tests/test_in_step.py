"""`update` and `update --check` with nothing changed answer from the digest of their inputs,
and say exactly what a full run says after every kind of edit."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from i18ntool.cache import Cache
from i18ntool.cli import main
from i18ntool.in_step import inputs_key, known_in_step
from i18ntool.project import find_project
from tests.conftest import snapshot

AWARD = "russo-brothers-award"


def run(project: Path, cache: Path | None, *arguments: str) -> tuple[int, str, str]:
    environment = {"I18NTOOL_CACHE_DIR": str(cache)} if cache is not None else {"I18NTOOL_CACHE": "off"}
    environment["SOURCE_DATE_EPOCH"] = "1796000000"  # the same stamps in both copies
    result = CliRunner(env=environment).invoke(main, ["--project", str(project), *arguments])
    return result.exit_code, result.stdout, result.stderr


def _catalogue(project: Path) -> Path:
    return project / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"


def _retranslate(project: Path) -> None:
    path = _catalogue(project)
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "Voce"', 'msgstr "Elemento"'), encoding="utf-8")


def _same_size(project: Path) -> None:
    path = _catalogue(project)
    data, stat = path.read_bytes(), path.stat()
    path.write_bytes(data.replace(b'msgstr "Voce"', b'msgstr "Vocx"'))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def _edit_source(project: Path) -> None:
    path = project / "content" / f"{AWARD}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")


def _relayout(project: Path) -> None:
    """The same content in another tool's layout: out of step until `update` lays it out."""
    path = _catalogue(project)
    path.write_text(re.sub(r'"\n"', "", path.read_text(encoding="utf-8"), count=5), encoding="utf-8")


def _touch(project: Path) -> None:
    for path in project.rglob("*.po*"):
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))


def _template(project: Path) -> None:
    path = project / "locales" / "templates" / f"{AWARD}.pot"
    path.write_text(path.read_text(encoding="utf-8").replace("\n\n", "\n\n# a stray comment\n", 1), encoding="utf-8")


def _settings(project: Path) -> None:
    path = project / "pyproject.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('name = "Leaving the Factory press kit"', 'name = "Another name"', 1), encoding="utf-8"
    )


def _orphan(project: Path) -> None:
    template = project / "locales" / "templates" / f"{AWARD}.pot"
    (project / "locales" / "templates" / "gone.pot").write_bytes(template.read_bytes())


def _temporary(project: Path) -> None:
    (_catalogue(project).parent / f".{AWARD}.po.abcd1234.tmp").write_text("half", encoding="utf-8")


def _remove_catalogue(project: Path) -> None:
    _catalogue(project).unlink()


EDITS: dict[str, Callable[[Path], None]] = {
    "translation changed": _retranslate,
    "same size and time": _same_size,
    "source": _edit_source,
    "layout": _relayout,
    "touched": _touch,
    "template": _template,
    "settings": _settings,
    "orphan template": _orphan,
    "stray temporary": _temporary,
    "catalogue removed": _remove_catalogue,
}


@pytest.mark.parametrize("trusted", [False, True], ids=["hashed", "signatures"])
@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_update_says_what_a_full_run_says_after_any_edit(
    project_dir: Path, tmp_path: Path, edit: str, trusted: bool, request: pytest.FixtureRequest
) -> None:
    """Hashed: the files just written, their digests made from their bytes every run;
    signatures: digests remembered by the files' signatures, as for files at rest."""
    next_tick = request.getfixturevalue("trusted_at_once") if trusted else lambda: None
    cache = tmp_path / "cache"
    twin = tmp_path / "twin"
    assert run(project_dir, cache, "update", "--check")[0] == 0
    assert run(project_dir, cache, "update", "--check")[0] == 0  # remembered
    next_tick()
    EDITS[edit](project_dir)
    for arguments in [("update", "--check"), ("update", "--check"), ("update",), ("update", "--check"), ("update",)]:
        shutil.rmtree(twin, ignore_errors=True)
        shutil.copytree(project_dir, twin)
        assert run(project_dir, cache, *arguments) == run(twin, None, *arguments), (edit, arguments)
        assert snapshot(project_dir) == snapshot(twin), (edit, arguments)


def test_a_project_found_in_step_is_remembered_with_its_warnings(project_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _orphan(project_dir)
    first = run(project_dir, cache, "update", "--check")
    assert first[0] == 0 and "gone.pot" in first[2]
    project = find_project(project_dir, search_parents=False)
    assert known_in_step(Cache(cache), inputs_key(project, ())) is not None
    before = snapshot(project_dir)
    assert run(project_dir, cache, "update", "--check") == first
    assert run(project_dir, cache, "update") == first
    assert snapshot(project_dir) == before


def test_nothing_is_remembered_while_out_of_step_or_with_the_cache_off(project_dir: Path, tmp_path: Path) -> None:
    _edit_source(project_dir)
    project = find_project(project_dir, search_parents=False)
    assert run(project_dir, tmp_path / "cache", "update", "--check")[0] == 1
    assert known_in_step(Cache(tmp_path / "cache"), inputs_key(project, ())) is None
    assert run(project_dir, None, "update")[0] == 0
    assert (
        not (tmp_path / "cache").exists() or known_in_step(Cache(tmp_path / "cache"), inputs_key(project, ())) is None
    )


def test_a_bad_catalogue_is_reported_even_after_a_remembered_run(project_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert run(project_dir, cache, "update", "--check")[0] == 0
    _catalogue(project_dir).write_text('msgid "x', encoding="utf-8")
    code, _, error = run(project_dir, cache, "update", "--check")
    assert code == 2 and f"{AWARD}.po:1:" in error


def test_inputs_changed_while_update_ran_are_not_remembered_even_when_changed_back(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trusted_at_once: Callable[[], None]
) -> None:
    """A catalogue edited during the run and put back (A, B, A): the update may have read B,
    so finding no change proves nothing of A, whose digest is the same as before the run."""
    from i18ntool.in_step import FoundInStep, unless_in_step

    monkeypatch.setenv("I18NTOOL_CACHE_DIR", str(tmp_path / "cache"))
    project = find_project(project_dir, search_parents=False)
    path = _catalogue(project_dir)
    original = path.read_bytes()

    def update_reading_b() -> FoundInStep:
        trusted_at_once()
        path.write_bytes(original.replace(b'msgstr "Voce"', b'msgstr "Vocx"'))
        trusted_at_once()
        path.write_bytes(original)  # back to A, the same bytes, a later change time
        return FoundInStep(())

    assert unless_in_step(project, (), update_reading_b) == FoundInStep(())
    assert known_in_step(Cache(tmp_path / "cache"), inputs_key(project, ())) is None
    assert unless_in_step(project, (), lambda: FoundInStep(("a warning",))) == FoundInStep(("a warning",))
    assert known_in_step(Cache(tmp_path / "cache"), inputs_key(project, ())) == ("a warning",)


def test_no_input_is_read_before_an_update_whose_digests_are_not_remembered(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trusted_at_once: Callable[[], None]
) -> None:
    """A cold run (or one after an edit) goes straight to the update: the files are hashed
    only if it finds nothing to change, and the next run is answered from their signatures."""
    from i18ntool import digests
    from i18ntool.in_step import FoundInStep, unless_in_step

    monkeypatch.setenv("I18NTOOL_CACHE_DIR", str(tmp_path / "cache"))
    project = find_project(project_dir, search_parents=False)
    hashed: list[str] = []
    reading = digests.Digests.read

    def read(self: digests.Digests, path: str) -> tuple[bytes, str]:
        hashed.append(path)
        return reading(self, path)

    monkeypatch.setattr(digests.Digests, "read", read)

    def update() -> FoundInStep:
        assert hashed == []  # nothing read yet
        return FoundInStep(("a warning",))

    assert unless_in_step(project, (), update) == FoundInStep(("a warning",))
    assert str(_catalogue(project_dir)) in hashed  # hashed after the update found nothing to change
    hashed.clear()
    assert unless_in_step(project, (), lambda: pytest.fail("answered from the signatures")) == FoundInStep(
        ("a warning",)
    )
