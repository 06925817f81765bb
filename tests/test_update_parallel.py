"""`update` planned in several processes writes what it writes in one: the same files, the
same bytes, the same report, and the same error for a broken input."""

from __future__ import annotations

import gc
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from i18ntool.errors import CatalogueError, ContentError
from i18ntool.project import load_project
from i18ntool.updating import update
from tests.conftest import copy_project


def edited_project(target: Path) -> Path:
    """The press kit with a word changed in every fourth paragraph, a paragraph added and one
    removed, and a catalogue emptied of a translation, so that every rule of merging runs."""
    root = copy_project(target)
    for number, source in enumerate(sorted((root / "content").glob("*.md"))):
        text = source.read_text(encoding="utf-8")
        body = text.index("\n---\n", 4) + 5 if text.startswith("---\n") else 0
        paragraphs = text[body:].split("\n\n")
        for index in range(number % 4, len(paragraphs), 4):
            paragraphs[index] = re.sub(r"\b(the|il|la|and|e)\b", "THE", paragraphs[index], count=1)
        paragraphs.insert(1, "A paragraph that is new, in every document.")
        del paragraphs[-1]
        source.write_text(text[:body] + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return root


def files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def run(root: Path, jobs: int, check: bool = False) -> list[tuple[str, bool, str]]:
    result = update(load_project(root / "pyproject.toml"), check=check, jobs=jobs)
    return [(change.path.relative_to(root).as_posix(), change.created, change.detail) for change in result.changes]


@pytest.mark.parametrize("check", [False, True], ids=["update", "check"])
def test_update_in_processes_writes_what_one_process_writes(
    tmp_path: Path, check: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    one = edited_project(tmp_path / "one")
    many = tmp_path / "many"
    shutil.copytree(one, many)
    for root in (one, many):
        (root / "locales" / "templates" / "festivals.pot").unlink()  # a template created
    alone = run(one, jobs=1, check=check)
    shared = run(many, jobs=3, check=check)
    assert alone == shared
    assert len(alone) > 5
    assert files(one) == files(many)


def test_a_broken_catalogue_stops_update_in_processes_as_in_one(tmp_path: Path) -> None:
    one = copy_project(tmp_path / "one")
    catalogue = one / "locales" / "it" / "LC_MESSAGES" / "press-release.po"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + '\nmsgid "unclosed\n', encoding="utf-8")
    errors = errors_alone_and_shared(one, tmp_path / "many", 2, CatalogueError)
    assert errors[0] == errors[1] and "press-release.po" in errors[0]


def errors_alone_and_shared(one: Path, many: Path, jobs: int, kind: type[Exception]) -> list[str]:
    """The error `update` raises in ``one`` in one process and in a copy in ``jobs``; each
    project left as it was."""
    shutil.copytree(one, many)
    errors = []
    for root, processes in ((one, 1), (many, jobs)):
        before = files(root)
        with pytest.raises(kind) as raised:
            run(root, jobs=processes)
        errors.append(str(raised.value))
        assert files(root) == before  # nothing written
    return errors


def test_a_broken_source_text_is_reported_before_a_broken_catalogue_in_processes_as_in_one(tmp_path: Path) -> None:
    """The catalogue of the first document is broken and so is the last source text, each read
    by another process: the source text's error comes first, as in one process."""
    one = copy_project(tmp_path / "one")
    sources = sorted((one / "content").rglob("*.md"))
    first = one / "locales" / "it" / "LC_MESSAGES" / "director-biography.po"  # the second document's
    first.write_text(first.read_text(encoding="utf-8") + '\nmsgid "unclosed\n', encoding="utf-8")
    sources[-1].write_bytes(b"\xff\xfe not UTF-8\n")
    errors = errors_alone_and_shared(one, tmp_path / "many", 3, ContentError)
    assert errors[0] == errors[1] and sources[-1].name in errors[0]


@pytest.mark.parametrize("jobs", [1, 3])
def test_a_file_that_cannot_be_written_leaves_every_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Each process stages its share; one share failing, no process renames anything."""
    from i18ntool import files as writing
    from i18ntool.errors import I18nToolError

    root = edited_project(tmp_path / "p")
    staging = writing._temporary

    def failing(path: Path, target: Path, data: bytes, umask: int) -> str:
        if path.name == "russo-brothers-award.po":  # in the last process's share
            raise I18nToolError("cannot write: No space left on device", path)
        return staging(path, target, data, umask)

    monkeypatch.setattr(writing, "_temporary", failing)
    before = files(root)
    with pytest.raises(I18nToolError, match="russo-brothers-award.po: cannot write"):
        run(root, jobs=jobs)
    assert files(root) == before  # nothing renamed, no temporary file left


def test_templates_read_in_the_background_give_what_templates_read_here_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every catalogue read in a forked process while its source text is read here, and every
    template while its catalogues are merged (as large ones are): the same files, the same
    report; a broken template or catalogue, the same error."""
    from i18ntool import updating, workers

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    here = edited_project(tmp_path / "here")
    (here / "locales" / "templates" / "festivals.pot").unlink()  # a template created
    background = tmp_path / "background"
    shutil.copytree(here, background)
    alone = run(here, jobs=1)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(updating, "BACKGROUND_BYTES", 0)
    assert run(background, jobs=1) == alone
    assert files(background) == files(here)

    reports = []
    for root, size in ((here, 10**12), (background, 0)):
        template = root / "locales" / "templates" / "press-release.pot"
        template.write_text(template.read_text(encoding="utf-8").replace("\n\n", "\n\n\n"), encoding="utf-8")
        monkeypatch.setattr(updating, "BACKGROUND_BYTES", size)
        reports.append(run(root, jobs=1))
    assert (
        reports[0]
        == reports[1]
        == [("locales/templates/press-release.pot", False, "gettext's layout restored, content unchanged")]
    )
    assert files(background) == files(here)

    for name in ("templates/director-biography.pot", "it/LC_MESSAGES/festivals.po"):
        for root in (here, background):
            broken = root / "locales" / name
            broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "unclosed\n', encoding="utf-8")
        errors = []
        for root, size in ((here, 10**12), (background, 0)):
            monkeypatch.setattr(updating, "BACKGROUND_BYTES", size)
            with pytest.raises(CatalogueError) as raised:
                run(root, jobs=1)
            errors.append(str(raised.value))
        assert errors[0] == errors[1] and Path(name).name in errors[0]


@pytest.mark.parametrize("collecting", [True, False], ids=["collecting", "not collecting"])
def test_update_leaves_cycle_collection_as_it_found_it(tmp_path: Path, collecting: bool) -> None:
    """update pauses the cycle collector while it reads and merges, and gives it back as it
    was, also when an input is broken."""
    root = edited_project(tmp_path / "project")
    was = gc.isenabled()
    try:
        gc.enable() if collecting else gc.disable()
        assert run(root, jobs=1)
        assert gc.isenabled() is collecting
        catalogue = root / "locales" / "it" / "LC_MESSAGES" / "press-release.po"
        catalogue.write_text(catalogue.read_text(encoding="utf-8") + '\nmsgid "unclosed\n', encoding="utf-8")
        with pytest.raises(CatalogueError):
            run(root, jobs=1)
        assert gc.isenabled() is collecting
    finally:
        gc.enable() if was else gc.disable()


@pytest.mark.parametrize("jobs", [1, 3])
def test_an_error_planning_the_last_document_leaves_the_files_staged_before_it_unwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Each document's files are staged as soon as it is planned; an error planning a later
    one (here, a failing write of a file staged before it in another process, and the error
    of planning in the last) reports the planning error and leaves every file as it was."""
    from i18ntool import files as writing
    from i18ntool import updating
    from i18ntool.errors import I18nToolError

    root = edited_project(tmp_path / "p")
    planning, staging = updating._Planner.plan, writing._temporary

    def failing_plan(planner: updating._Planner, domain: updating.Domain) -> list[tuple[Path, bytes, bool, str]]:
        if domain.name == "russo-brothers-award":  # in the last process's share
            raise I18nToolError("cannot plan this one", root / "content" / "russo-brothers-award.md")
        return planning(planner, domain)

    def failing_write(path: Path, target: Path, data: bytes, umask: int) -> str:
        if path.name == "director-biography.po":  # in the first process's share
            raise I18nToolError("cannot write: No space left on device", path)
        return staging(path, target, data, umask)

    monkeypatch.setattr(updating._Planner, "plan", failing_plan)
    monkeypatch.setattr(writing, "_temporary", failing_write)
    before = files(root)
    with pytest.raises(I18nToolError, match="cannot plan this one"):
        run(root, jobs=jobs)
    assert files(root) == before  # nothing renamed, no temporary file left


def test_texts_translated_in_another_share_are_reused_as_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first document takes paragraphs of every other (translated in their catalogues,
    read by other processes, some texts in two catalogues): each process is lent only the
    translations of the texts it asks for, and reuses what one process reuses."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    one = copy_project(tmp_path / "one")
    sources = sorted((one / "content").glob("*.md"))
    borrowed = []
    for source in sources[1:]:
        text = source.read_text(encoding="utf-8")
        body = text.index("\n---\n", 4) + 5 if text.startswith("---\n") else 0
        borrowed += text[body:].split("\n\n")[:4]
    sources[0].write_text(sources[0].read_text(encoding="utf-8") + "\n" + "\n\n".join(borrowed), encoding="utf-8")
    many = tmp_path / "many"
    shutil.copytree(one, many)
    alone = run(one, jobs=1)
    assert alone == run(many, jobs=3)
    assert any("reused" in detail for _, _, detail in alone)
    assert files(one) == files(many)


@pytest.mark.parametrize(
    ("damage", "read"),
    [
        pytest.param(lambda text: text, False, id="in-step"),
        pytest.param(lambda text: text.replace("Date: 2", "Date: 1", 1), False, id="other-date"),
        pytest.param(lambda text: re.sub(r'"POT-Creation-Date: [^"]*"\n', "", text, count=1), True, id="no-date"),
        pytest.param(lambda text: text.replace("Date: ", "Date: \\t", 1), True, id="escaped-date"),
        pytest.param(lambda text: text.replace("\n\n", "\n\n\n", 2), True, id="other-layout"),
        pytest.param(lambda text: text.replace('msgid "', 'msgid "Changed ', 2), True, id="other-content"),
        pytest.param(lambda text: text.replace("\n\n", "\n"), True, id="no-blank-line"),
    ],
)
def test_a_template_in_step_is_not_read_and_gives_what_reading_it_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[str], str], read: bool
) -> None:
    """A template that holds the very bytes `update` would write is not parsed; any other
    (another date, another layout, other entries) is, with the same report and files."""
    from i18ntool import updating
    from i18ntool.po import catalogue

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    quick = edited_project(tmp_path / "quick")
    run(quick, jobs=1)  # every template in step
    for template in (quick / "locales" / "templates").glob("*.pot"):
        template.write_text(damage(template.read_text(encoding="utf-8")), encoding="utf-8")
    plain = tmp_path / "plain"
    shutil.copytree(quick, plain)
    parsed: list[str] = []
    parse = catalogue.parse_catalogue

    def counted(data: bytes, name: str) -> object:
        parsed.append(name)
        return parse(data, name)

    monkeypatch.setattr(updating, "parse_catalogue", counted)
    reports = [run(quick, jobs=1)]
    templates_read = sorted(name for name in parsed if name.endswith(".pot"))
    monkeypatch.setattr(updating, "_HEADER_CREATED", re.compile(b"(?!)"))  # never found: every template read
    reports.append(run(plain, jobs=1))
    assert reports[0] == reports[1]
    assert files(quick) == files(plain)
    assert len(templates_read) == (8 if read else 0)  # the seven documents' and the pages' words


@pytest.mark.parametrize("edited", [False, True], ids=["in step", "edited"])
def test_a_templates_verdict_is_the_same_whether_or_not_it_likely_changed(tmp_path: Path, edited: bool) -> None:
    """``likely_changed`` only spares laying out a template to its first edit: the verdict
    (creation date, existed, changed, detail) is the one the full comparison gives."""
    from i18ntool.documents import load_document, source_paths
    from i18ntool.exchange.memory import load_memories
    from i18ntool.project import document_id
    from i18ntool.sync import now_stamp
    from i18ntool.updating import _Planner, document_domain

    root = edited_project(tmp_path / "kit") if edited else copy_project(tmp_path / "kit")
    project = load_project(root / "pyproject.toml")
    verdicts = []
    for path in source_paths(project):
        domain = document_domain(project, load_document(project, path, document_id(project, path)))
        pair = []
        for likely_changed in (False, True):
            planner = _Planner(project, now_stamp(), set(project.languages), load_memories(project))
            pair.append(planner.verdict(domain, likely_changed))
        assert pair[0][:4] == pair[1][:4], path
        verdicts.append(pair[0])
    assert any(verdict.changed for verdict in verdicts) == edited
