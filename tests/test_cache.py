"""The answers cache and the worker processes: a kept or parallel answer is always the plain one.

Every kind of edit (a source text, a catalogue, a template, the settings, a file touched
without change, a file replaced by another of the same size, a catalogue removed or added) is
followed by a cached run, a run with the cache off and the plain serial `measure`, which must
agree row for row; so must a run in worker processes and a run here.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from typing import Any
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from i18ntool import workers
from i18ntool.cache import Cache, cache_folder, key_of
from i18ntool.digests import Digests, scope_of
from i18ntool.coverage import Coverage, measure
from i18ntool.project_coverage import measure_project
from i18ntool.documents import source_paths
from i18ntool.errors import I18nToolError
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.project import find_project
from i18ntool.targets import select_targets
from tests.conftest import copy_project, profile
from tests.test_coverage import _messages

AWARD = "russo-brothers-award"


def plain(project_dir: Path, words: bool = True) -> Coverage:
    project = find_project(project_dir, search_parents=False)
    return measure(project, select_targets(project, (), (), glossary=False), words=words)


def remembered(project_dir: Path, folder: Path, words: bool = True) -> Coverage:
    return measure_project(find_project(project_dir, search_parents=False), words=words, cache=Cache(folder))


def entries_in(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.json"))


def _edit_source(project: Path) -> None:
    path = project / "content" / f"{AWARD}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA paragraph added since the last update.\n", encoding="utf-8")


def _edit_catalogue(project: Path) -> None:
    path = project / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('msgstr "', 'msgstr ""\n"', 1).replace("#, fuzzy\n", "", 1), encoding="utf-8")


def _same_size_catalogue(project: Path) -> None:
    """One translated entry emptied of a letter and given another: same size, other content."""
    path = project / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    data = path.read_bytes()
    at = re.search(rb'msgstr "[A-Za-z]', data).end() - 1  # type: ignore[union-attr]
    replaced = data[:at] + (b"Z" if data[at : at + 1] != b"Z" else b"Y") + data[at + 1 :]
    stat = path.stat()
    path.write_bytes(replaced)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same modification time


def _mark_fuzzy(project: Path) -> None:
    """The entry of the line ``msgstr "Voce"`` (translated) marked fuzzy."""
    path = project / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    text = path.read_text(encoding="utf-8")
    assert text.count('\nmsgid "Item"\nmsgstr "Voce"\n') == 1
    path.write_text(text.replace('\nmsgid "Item"\n', '\n#, fuzzy\nmsgid "Item"\n'), encoding="utf-8")


def _touch(project: Path) -> None:
    for path in [*project.rglob("*.po"), *project.rglob("*.md")]:
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))


def _edit_template(project: Path) -> None:
    path = project / "locales" / "templates" / f"{AWARD}.pot"
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "Only in the template"\nmsgstr ""\n', encoding="utf-8")


def _edit_settings(project: Path) -> None:
    path = project / "pyproject.toml"
    text = path.read_text(encoding="utf-8")
    assert "[tool.i18ntool]" in text
    path.write_text(text.replace("[tool.i18ntool]", "[tool.i18ntool]\npublish-threshold = 99.5", 1), encoding="utf-8")


def _remove_catalogue(project: Path) -> None:
    (project / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po").unlink()


def _add_document(project: Path) -> None:
    (project / "content" / "new-note.md").write_text("---\ntitle: A note\n---\n\nA new note.\n", encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "source": _edit_source,
    "catalogue": _edit_catalogue,
    "same size and time": _same_size_catalogue,
    "marked fuzzy": _mark_fuzzy,
    "touched": _touch,
    "template": _edit_template,
    "settings": _edit_settings,
    "catalogue removed": _remove_catalogue,
    "document added": _add_document,
}


@pytest.mark.parametrize("trusted", [False, True], ids=["hashed", "signatures"])
@pytest.mark.parametrize("words", [True, False], ids=["words", "entries"])
def test_kept_answers_are_never_stale_after_any_edit(
    project_dir: Path, tmp_path: Path, words: bool, trusted: bool, request: pytest.FixtureRequest
) -> None:
    """Hashed: the files just written, their digests made from their bytes every run;
    signatures: digests remembered by the files' signatures, as for files at rest."""
    next_tick = request.getfixturevalue("trusted_at_once") if trusted else lambda: None
    folder = tmp_path / "cache"
    assert remembered(project_dir, folder, words) == plain(project_dir, words)
    assert entries_in(folder) > 0
    assert remembered(project_dir, folder, words) == plain(project_dir, words)  # from the cache
    for name, edit in EDITS.items():
        next_tick()
        edit(project_dir)
        assert remembered(project_dir, folder, words) == plain(project_dir, words), name
        assert remembered(project_dir, folder, words) == plain(project_dir, words), name


def test_an_answer_kept_for_one_content_comes_back_when_the_content_does(project_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    path = project_dir / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    original = path.read_bytes()
    first = remembered(project_dir, folder)
    _mark_fuzzy(project_dir)
    assert remembered(project_dir, folder) != first
    path.write_bytes(original)
    assert remembered(project_dir, folder) == first == plain(project_dir)


def _rewritten(entry: Path, change: Callable[[dict[str, Any]], object]) -> None:
    stored = json.loads(entry.read_bytes())
    change(stored)
    entry.write_text(json.dumps(stored), encoding="utf-8")


def _damage_rows(stored: dict[str, Any]) -> None:
    """Each document's rows damaged in another way: nonsense, a field missing or mistyped."""
    damages: list[Callable[[list[Any]], object]] = [
        lambda rows: rows.__setitem__(0, {"document": "x"}),
        lambda rows: rows[0].__setitem__("missing", "2"),
        lambda rows: rows[0].__setitem__("exists", 1),
        lambda rows: rows[0].__setitem__("entries", {"fuzzy": True}),
        lambda rows: rows[0].pop("language"),
        lambda rows: rows.__setitem__(0, "not a row"),
    ]
    for rows, damage in zip(stored["answer"].values(), damages, strict=False):
        damage(rows)


ENTRY_DAMAGES: dict[str, Callable[[Path], object]] = {
    "truncated": lambda entry: entry.write_bytes(entry.read_bytes()[:10]),
    "another key's": lambda entry: entry.write_text(json.dumps({"key": "another", "answer": {}}), "utf-8"),
    "not JSON": lambda entry: entry.write_bytes(b"\xff\xfe not json"),
    "answer of another shape": lambda entry: _rewritten(entry, lambda stored: stored.update(answer=[1, 2])),
    "rows damaged": lambda entry: _rewritten(entry, _damage_rows),
}


@pytest.mark.parametrize("damage", ENTRY_DAMAGES.values(), ids=ENTRY_DAMAGES.keys())
def test_corrupt_or_foreign_entries_are_ignored(
    project_dir: Path, tmp_path: Path, damage: Callable[[Path], object]
) -> None:
    """The project's rows (one entry) and the digests of its files (one entry), each damaged."""
    folder = tmp_path / "cache"
    expected = remembered(project_dir, folder)
    digests_key = Digests(Cache(folder), scope_of(project_dir, "coverage"))._key
    assert digests_key is not None
    digests_entry = folder / digests_key[:2] / f"{digests_key[2:]}.json"
    (rows_entry,) = set(folder.rglob("*.json")) - {digests_entry}
    rows_only = damage is ENTRY_DAMAGES["rows damaged"]
    for entry in (rows_entry,) if rows_only else (rows_entry, digests_entry):
        if entry.exists():
            damage(entry)
        assert remembered(project_dir, folder) == expected == plain(project_dir)
        assert remembered(project_dir, folder) == expected  # the entry written again, whole
    project = find_project(project_dir, search_parents=False)
    ui = [path for path in (project_dir / "locales").glob("*/LC_MESSAGES/ui.po")]  # a catalogue with no document
    kept = json.loads(rows_entry.read_bytes())["answer"]
    assert len(kept) == len(source_paths(project)) + len(ui) and len(ui) == 2


def test_an_unwritable_cache_changes_nothing(project_dir: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a file where the folder would be"
    blocked.write_text("", encoding="utf-8")
    assert remembered(project_dir, blocked) == plain(project_dir)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda project: (project / "locales/it/LC_MESSAGES" / f"{AWARD}.po").write_text('msgid "x', "utf-8"), "it/"),
        (lambda project: (project / "content" / f"{AWARD}.md").write_bytes(b"---\ntitle: [\n---\n"), "content/"),
    ],
    ids=["catalogue", "source"],
)
def test_bad_input_fails_the_same_with_the_cache_warm(
    project_dir: Path, tmp_path: Path, damage: Callable[[Path], None], message: str
) -> None:
    folder = tmp_path / "cache"
    remembered(project_dir, folder)
    damage(project_dir)
    with pytest.raises(I18nToolError) as plain_error:
        plain(project_dir)
    with pytest.raises(I18nToolError) as cached_error:
        remembered(project_dir, folder)
    assert str(cached_error.value) == str(plain_error.value)
    assert message in str(plain_error.value)


def test_a_bad_source_is_reported_before_a_bad_catalogue_as_in_the_plain_order(
    project_dir: Path, tmp_path: Path
) -> None:
    (project_dir / "locales/it/LC_MESSAGES/director-biography.po").write_text('msgid "x', "utf-8")
    (project_dir / "content" / "russo-brothers-award.md").write_bytes(b"\xff\xfe")
    with pytest.raises(I18nToolError) as plain_error:
        plain(project_dir)
    with pytest.raises(I18nToolError) as cached_error:
        remembered(project_dir, tmp_path / "cache")
    assert str(cached_error.value) == str(plain_error.value)
    assert "content/russo-brothers-award.md" in str(plain_error.value)


def test_worker_processes_give_the_serial_answer_and_errors(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "PARALLEL_MINIMUM", 1)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    assert measure_project(find_project(project_dir, search_parents=False)) == plain(project_dir)
    (project_dir / "locales/it/LC_MESSAGES/festivals.po").write_text('msgid "x"\nmsgstr "', "utf-8")
    with pytest.raises(I18nToolError) as plain_error:
        plain(project_dir)
    with pytest.raises(I18nToolError) as parallel_error:
        measure_project(find_project(project_dir, search_parents=False))
    assert str(parallel_error.value) == str(plain_error.value)


def test_map_in_order_keeps_the_order_and_reports_progress() -> None:
    seen: list[tuple[int, int]] = []
    items = list(range(50))
    assert (
        workers.map_in_order(abs, [-item for item in items], lambda done, total: seen.append((done, total)), jobs=2)
        == items
    )
    assert seen == [(done, 50) for done in range(1, 51)]
    assert workers.map_in_order(abs, [-3, 4], jobs=1) == [3, 4]


def test_without_a_pool_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def refuse(*arguments: object, **options: object) -> None:
        raise PermissionError(13, "no semaphores here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    seen: list[int] = []
    assert workers.map_in_order(abs, [-1, -2, -3], lambda done, total: seen.append(done), jobs=2) == [1, 2, 3]
    assert seen == [1, 2, 3]


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("I18NTOOL_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "i18ntool"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert cache_folder() == Path.home() / ".cache" / "i18ntool"
    monkeypatch.setenv("HOME", "")
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # no home to be found
    assert cache_folder() is None
    monkeypatch.setenv("I18NTOOL_CACHE_DIR", str(tmp_path / "chosen"))
    assert cache_folder() == tmp_path / "chosen"
    monkeypatch.setenv("I18NTOOL_CACHE", "off")
    assert cache_folder() is None
    assert Cache(None).get(key_of("x", [b""])) is None


def test_keys_tell_absent_from_empty_and_bytes_from_text() -> None:
    keys = {key_of("k", parts) for parts in ([None], [b""], [""], [b"a", b"b"], [b"ab"], [b"a", None])}
    assert len(keys) == 6


def test_coverage_command_output_is_the_same_from_the_cache(project_dir: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from i18ntool.cli import main

    def run(*arguments: str, cache: str) -> str:
        environment = {"I18NTOOL_CACHE_DIR": str(tmp_path / "cache")} if cache == "on" else {"I18NTOOL_CACHE": "off"}
        result = CliRunner(env=environment).invoke(main, ["--project", str(project_dir), "coverage", *arguments])
        assert result.exit_code == 0, result.output
        return result.stdout

    for arguments in [
        (),
        ("--words",),
        ("--format", "json"),
        ("--format", "csv"),
        ("--format", "markdown"),
        ("--format", "html"),
    ]:
        expected = run(*arguments, cache="off")
        assert run(*arguments, cache="on") == expected
        assert run(*arguments, cache="on") == expected


def outcome(compute: Callable[[], Coverage]) -> Coverage | str:
    """The coverage, or the one-line error it fails with."""
    try:
        return compute()
    except I18nToolError as error:
        return str(error)


@settings(max_examples=profile(25, 400), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    messages=st.lists(_messages, max_size=8, unique_by=lambda message: (message.msgctxt, message.msgid)),
    damage=st.one_of(st.none(), st.tuples(st.integers(min_value=0), st.binary(min_size=1, max_size=3))),
)
def test_generated_and_damaged_catalogues_answer_the_same_cached(
    shipped_copy: tuple[Path, Catalogue], messages: list[Message], damage: tuple[int, bytes] | None
) -> None:
    """One cache for every example, so that an answer kept for one catalogue and wrongly given
    for another would show; damaged bytes must fail with the plain error, or count the same."""
    project, header = shipped_copy
    path = project / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    path.unlink()
    write_catalogue(path, header.replace(messages=tuple(messages)))
    if damage is not None:
        data = path.read_bytes()
        at = damage[0] % (len(data) + 1)
        path.write_bytes(data[:at] + damage[1] + data[at:])
    expected = outcome(lambda: plain(project))
    assert outcome(lambda: remembered(project, project.parent / "cache")) == expected
    assert outcome(lambda: remembered(project, project.parent / "cache")) == expected


@pytest.fixture(scope="module")
def shipped_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalogue]:
    """A copy of the shipped project that the property test above rewrites example by example,
    and the catalogue it rewrites as shipped (for its header)."""
    project = copy_project(tmp_path_factory.mktemp("generated") / "project")
    return project, read_catalogue(project / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po")


def test_another_version_of_a_library_gives_other_keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Answers are kept per version of the libraries that read sources: another release of
    markdown-it-py (its ``__init__.py`` states the version) must not answer from this one's."""
    import importlib.machinery
    import importlib.util

    from i18ntool import cache

    real_find_spec = importlib.util.find_spec
    released = tmp_path / "__init__.py"

    def find_spec(name: str) -> importlib.machinery.ModuleSpec | None:
        if name == "markdown_it":
            return importlib.machinery.ModuleSpec(name, None, origin=str(released))
        return real_find_spec(name)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    keys = []
    for version in ("4.3.0", "4.3.1", None):  # None: the same file, not written again
        if version is not None:
            time.sleep(0.02)  # the next tick of the file system's clock
            released.write_text(f'__version__ = "{version}"\n', encoding="utf-8")  # the same size
        cache.code_digest.cache_clear()
        keys.append(key_of("coverage rows", [b"the same input"]))
    cache.code_digest.cache_clear()
    assert keys[0] != keys[1] and keys[1] == keys[2]


def test_an_update_answered_from_the_cache_does_not_import_the_merge_code(project_dir: Path, tmp_path: Path) -> None:
    """A run with nothing to do is mostly start-up: the merge code (matching, layout, the
    Markdown parser) is imported only when there is work (0.1 s of 0.3 s on 1,000 documents)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from i18ntool.cli import main\n"
        f"main(['--project', {str(project_dir)!r}, 'update', '--check'], standalone_mode=False)\n"
        "print(sorted(name for name in ('i18ntool.updating', 'i18ntool.sync', 'markdown_it') if name in sys.modules))\n"
    )
    environment = {**os.environ, "I18NTOOL_CACHE_DIR": str(tmp_path / "cache")}
    first, again = (
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=True)
        for _ in range(2)
    )
    assert first.stdout.splitlines()[-1] == "['i18ntool.sync', 'i18ntool.updating', 'markdown_it']"
    assert again.stdout.splitlines()[-1] == "[]"


def test_coverage_answered_from_the_cache_reads_no_file_and_imports_no_reader(
    project_dir: Path, tmp_path: Path
) -> None:
    """With nothing changed, `coverage` takes every digest from the files' signatures (no
    source text or catalogue is opened, the catalogues with no document neither) and imports
    neither the Markdown readers nor the other commands' modules: it is start-up and a look at
    each file."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from i18ntool import digests, files\n"
        "digests.SETTLED = digests.SETTLED_FINE = -10**12  # the files just copied: trusted at once\n"
        "import io, os\n"
        "read = []\n"
        f"project = {str(project_dir)!r}\n"
        "real_open, real_io_open = os.open, io.open\n"
        "def counted(opener):\n"
        "    def opening(path, *arguments, **options):\n"
        "        if str(path).startswith(project + '/') and not str(path).endswith('.toml'):\n"
        "            read.append(path)\n"
        "        return opener(path, *arguments, **options)\n"
        "    return opening\n"
        "os.open, io.open = counted(real_open), counted(real_io_open)\n"
        "from i18ntool.cli import main\n"
        f"main(['--project', {str(project_dir)!r}, 'coverage'], standalone_mode=False)\n"
        "readers = ('markdown_it', 'yaml', 'i18ntool.markdown.segmenting',\n"
        "           'i18ntool.commands.catalogues', 'i18ntool.commands.publish')\n"
        "print(len(read), sorted(name for name in readers if name in sys.modules))\n"
    )
    environment = {**os.environ, "I18NTOOL_CACHE_DIR": str(tmp_path / "cache"), "I18NTOOL_JOBS": "1"}
    first, again = (
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=True)
        for _ in range(2)
    )
    sources = len(list((project_dir / "content").rglob("*.md")))
    assert int(first.stdout.splitlines()[-1].split()[0]) > sources  # every source text and catalogue
    assert again.stdout.splitlines()[-1] == "0 []"
    assert first.stdout.splitlines()[:-1] == again.stdout.splitlines()[:-1]  # the same table
