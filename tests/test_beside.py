"""A large document measured on two cores gives the rows and errors of one process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from i18ntool import beside, project_coverage
from i18ntool.beside import template_beside
from i18ntool.cache import Cache
from i18ntool.coverage import Coverage
from i18ntool.project_coverage import measure_project
from i18ntool.documents import load_document
from i18ntool.errors import I18nToolError
from i18ntool.project import find_project
from i18ntool.targets import TemplateColumns, template_entries
from tests.conftest import REPOSITORY, copy_project

AWARD = "russo-brothers-award"


def measured(folder: Path, monkeypatch: pytest.MonkeyPatch, *, large: int, words: bool = True) -> Coverage:
    """Coverage of the project in ``folder`` with every source text of ``large`` bytes or more
    segmented beside (0: all of them; a huge number: none)."""
    with monkeypatch.context() as patch:
        patch.setattr(project_coverage, "LARGE", large)
        return measure_project(find_project(folder), words=words)


def error_of(folder: Path, monkeypatch: pytest.MonkeyPatch, *, large: int) -> str:
    with pytest.raises(I18nToolError) as caught:
        measured(folder, monkeypatch, large=large)
    return str(caught.value)


def assert_same_rows(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for words in (True, False):
        plain = measured(folder, monkeypatch, large=10**12, words=words)
        assert measured(folder, monkeypatch, large=0, words=words) == plain


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    """A project of one document with a catalogue of 600 entries in every state."""
    folder = tmp_path / "archive"
    command = [sys.executable, str(REPOSITORY / "benchmarks" / "scale.py"), "generate", "--out", str(folder)]
    subprocess.run([*command, "--entries", "600"], check=True, capture_output=True)
    return folder


def test_the_kit_gives_the_same_rows(project_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same_rows(project_dir, monkeypatch)


def test_a_generated_archive_gives_the_same_rows(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same_rows(generated, monkeypatch)


def test_a_source_edited_since_the_update_gives_the_same_rows(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = next((generated / "content").glob("*.md"))
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("film", "movie", 40) + "\nA paragraph added since.\n", encoding="utf-8")
    assert_same_rows(generated, monkeypatch)
    row = measured(generated, monkeypatch, large=0).rows[0]
    assert row.missing > 0 and row.extra > 0 and row.in_step is False


def test_a_missing_catalogue_gives_the_same_rows(project_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project_dir / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po").unlink()
    assert_same_rows(project_dir, monkeypatch)


def break_line(path: Path, number: int, line: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[number - 1] = line
    path.write_text("".join(lines), encoding="utf-8")


def test_a_broken_catalogue_gives_the_same_error(project_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    break_line(project_dir / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po", 25, 'msgstr "unterminated\n')
    plain = error_of(project_dir, monkeypatch, large=10**12)
    assert plain.startswith(f"locales/it/LC_MESSAGES/{AWARD}.po:25: unterminated string")
    assert error_of(project_dir, monkeypatch, large=0) == plain


def test_a_broken_source_text_comes_before_a_broken_catalogue(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    break_line(project_dir / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po", 25, 'msgstr "unterminated\n')
    (project_dir / "content" / f"{AWARD}.md").write_bytes(b"# Title\n\nText \xff here.\n")
    plain = error_of(project_dir, monkeypatch, large=10**12)
    assert plain == f"content/{AWARD}.md:3: source text is not valid UTF-8; save it as UTF-8"
    assert error_of(project_dir, monkeypatch, large=0) == plain


def test_a_broken_catalogue_in_the_documents_own_language_is_not_read(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = project_dir / "locales" / "en" / "LC_MESSAGES" / f"{AWARD}.po"  # the document is written in English
    own.write_text('msgid "unterminated\n', encoding="utf-8")
    assert_same_rows(project_dir, monkeypatch)


def test_the_forked_template_is_the_one_built_here(generated: Path) -> None:
    project = find_project(generated)
    path = next(project.content_dir.glob("*.md"))
    document = load_document(project, path)
    forked, done = template_beside(project, path, path.read_bytes(), document.id, lambda: "done", fork=True)
    here, _ = template_beside(project, path, path.read_bytes(), document.id, lambda: "done", fork=False)
    assert done == "done"
    assert (
        forked
        == here
        == beside.Template(document.language, document.source, TemplateColumns.of(template_entries(document)))
    )


def test_a_child_that_dies_leaves_the_template_to_this_process(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = find_project(generated)
    path = next(project.content_dir.glob("*.md"))
    expected, _ = template_beside(project, path, path.read_bytes(), "archive", lambda: None, fork=False)
    parent = os.getpid()
    real = beside.document_of_bytes  # type: ignore[attr-defined]

    def dying(*arguments: object) -> object:
        if os.getpid() != parent:
            os._exit(9)  # as the kernel's out-of-memory killer would end it
        return real(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(beside, "document_of_bytes", dying)
    assert template_beside(project, path, path.read_bytes(), "archive", lambda: None, fork=True)[0] == expected


def test_an_unexpected_failure_in_the_child_is_raised_here(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = find_project(generated)
    path = next(project.content_dir.glob("*.md"))

    def failing(*arguments: object) -> object:
        raise RuntimeError(f"failed in process {os.getpid()}")

    monkeypatch.setattr(beside, "document_of_bytes", failing)
    with pytest.raises(RuntimeError, match=f"failed in process {os.getpid()}$"):
        template_beside(project, path, path.read_bytes(), "archive", lambda: None, fork=True)


def test_an_error_in_the_source_text_comes_back_from_the_child(tmp_path: Path) -> None:
    project = find_project(copy_project(tmp_path / "project"))
    path = project.content_dir / f"{AWARD}.md"
    data = b"---\nlang: xx\n---\nText.\n"
    forked, result = template_beside(project, path, data, AWARD, lambda: 1, fork=True)
    here, _ = template_beside(project, path, data, AWARD, lambda: 1, fork=False)
    assert isinstance(forked, I18nToolError) and isinstance(here, I18nToolError)
    assert str(forked) == str(here) == f"content/{AWARD}.md:2: 'lang: xx' is not a language of this project (en, it)"
    assert result == 1


def test_a_catalogue_that_is_not_a_file_is_reported_as_in_one_process(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = project_dir / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    path.unlink()
    path.mkdir()
    plain = error_of(project_dir, monkeypatch, large=10**12)
    assert plain.startswith(f"locales/it/LC_MESSAGES/{AWARD}.po: not a regular file")
    assert error_of(project_dir, monkeypatch, large=0) == plain


def test_rows_kept_in_the_cache_are_the_measured_ones(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = measured(generated, monkeypatch, large=10**12)
    with monkeypatch.context() as patch:
        patch.setattr(project_coverage, "LARGE", 0)
        cache = Cache(tmp_path / "cache")
        assert measure_project(find_project(generated), cache=cache) == plain
        assert list((tmp_path / "cache").iterdir())
        patch.setattr(project_coverage, "template_beside", None)  # a second run measures nothing
        assert measure_project(find_project(generated), cache=cache) == plain
