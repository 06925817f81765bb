"""A build that keeps what did not change gives exactly what a build from scratch gives.

After every kind of edit (a source, a catalogue, the pages' own words, the settings, an
output deleted or edited by hand, a document added or removed, other options), a build into
the folder of an earlier build must leave the same files, the same manifest and say the same
things as a build into an empty folder; and with nothing changed it reads no document.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import i18ntool.outputs.build as build_module
from i18ntool.outputs.build import BuildOptions, BuildResult, build
from i18ntool.outputs.manifest import manifest_text
from i18ntool.outputs.reuse import shared_inputs
from i18ntool.outputs.unchanged import KeptAnswers
from i18ntool.cache import Cache
from i18ntool.digests import Digests
from i18ntool.po.catalogue import Message
from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.project import find_project
from tests.conftest import snapshot

AWARD = "russo-brothers-award"  # written in English, translated into Italian
PROFILE = "radici-fiorentine"  # written in Italian


def said(result: BuildResult) -> dict[str, Any]:
    """Everything a build reports, but where it wrote and what it had to write (an output kept
    in place is not read: its record in the manifest, with the digest of its bytes, is what
    the build knows of it)."""
    return {
        "outputs": [output.record() for output in result.outputs],
        "held_back": [held.describe() for held in result.held_back],
        "fallbacks": [fallback.describe() for fallback in result.fallbacks],
        "ui_fallbacks": result.ui_fallbacks,
        "warnings": result.warnings,
        "documents": result.documents,
        "languages": result.languages,
    }


def in_step_with_scratch(project_dir: Path, tmp_path: Path) -> BuildResult:
    """Build into the project's folder and into an empty one; both must agree in every byte."""
    project = find_project(project_dir)
    kept = build(project, BuildOptions(output_dir=project_dir / "build"))
    scratch = tmp_path / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    fresh = build(project, BuildOptions(output_dir=scratch))
    assert snapshot(project_dir / "build") == snapshot(scratch)
    assert said(kept) == said(fresh)
    return kept


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_catalogue(project: Path, language: str, document: str, change: Callable[[Message], Message]) -> None:
    path = project / "locales" / language / "LC_MESSAGES" / f"{document}.po"
    catalogue = read_catalogue(path)
    write_catalogue(path, catalogue.replace(messages=tuple(change(m) for m in catalogue.messages)))


def first_translated(change: Callable[[Message], Message]) -> Callable[[Message], Message]:
    done: list[Message] = []

    def changed(message: Message) -> Message:
        if done or message.obsolete or not message.msgstr or "fuzzy" in message.flags or not message.msgid:
            return message
        done.append(message)
        return change(message)

    return changed


def _source_paragraph(project: Path) -> None:
    rewrite(project / f"content/{AWARD}.md", "is the winner of", "has won")


def _source_title(project: Path) -> None:
    path = project / f"content/{AWARD}.md"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    rewrite(path, title, "title: A new title, never translated")


def _source_date(project: Path) -> None:
    path = project / f"content/{AWARD}.md"
    text = path.read_text(encoding="utf-8")
    date = next(line for line in text.splitlines() if line.startswith("date:"))
    rewrite(path, date, "date: 2030-01-01")


def _source_html_block(project: Path) -> None:
    path = project / f"content/{AWARD}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n<div>\nraw\n</div>\n", encoding="utf-8")


def _catalogue_translation(project: Path) -> None:
    edit_catalogue(project, "it", AWARD, first_translated(lambda m: m.replace(msgstr=m.msgstr + " (rivisto)")))


def _catalogue_fuzzy(project: Path) -> None:
    edit_catalogue(project, "it", AWARD, first_translated(lambda m: m.replace(flags=(*m.flags, "fuzzy"))))


def _catalogue_removed(project: Path) -> None:
    (project / f"locales/it/LC_MESSAGES/{AWARD}.po").unlink()


def _catalogue_touched_only(project: Path) -> None:
    path = project / f"locales/it/LC_MESSAGES/{AWARD}.po"
    path.write_bytes(path.read_bytes())


def _ui_words(project: Path) -> None:
    edit_catalogue(project, "it", "ui", first_translated(lambda m: m.replace(msgstr=m.msgstr + "!")))


def _threshold(project: Path) -> None:
    rewrite(project / "pyproject.toml", "[tool.i18ntool]\n", "[tool.i18ntool]\npublish-threshold = 80\n")


def _date_locale(project: Path) -> None:
    rewrite(project / "pyproject.toml", 'date-locales = { en = "en_GB" }', 'date-locales = { en = "en_US" }')


def _project_name(project: Path) -> None:
    rewrite(project / "pyproject.toml", 'name = "Leaving the Factory press kit"', 'name = "Another kit"')


def _output_deleted(project: Path) -> None:
    (project / f"build/it/{AWARD}.html").unlink()


def _output_edited(project: Path) -> None:
    path = project / f"build/it/{AWARD}.md"
    path.write_text(path.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")


def _output_same_size(project: Path) -> None:
    path = project / f"build/en/{AWARD}.txt"
    data = bytearray(path.read_bytes())
    data[0] = ord("X") if data[0] != ord("X") else ord("Y")
    path.write_bytes(bytes(data))


def _index_deleted(project: Path) -> None:
    (project / "build/en/index.html").unlink()


def _index_edited(project: Path) -> None:
    path = project / "build/it/index.html"
    path.write_text(path.read_text(encoding="utf-8").replace("<body", "<body data-x"), encoding="utf-8")


def _manifest_deleted(project: Path) -> None:
    (project / "build/manifest.json").unlink()


def _manifest_sources_forged(project: Path) -> None:
    path = project / "build/manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["sources"] = [{"document": AWARD, "inputs": "x"}, "nonsense", {"texts": 3}]
    path.write_text(json.dumps(manifest), encoding="utf-8")


def _manifest_summary_damaged(project: Path) -> None:
    path = project / "build/manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    for record in manifest["sources"]:
        record["texts"][0]["completeness"][0] = "many"
    path.write_text(json.dumps(manifest), encoding="utf-8")


def _document_removed(project: Path) -> None:
    (project / f"content/{AWARD}.md").unlink()


def _document_added(project: Path) -> None:
    shutil.copy(project / f"content/{AWARD}.md", project / "content/news/another.md")


def _document_renamed(project: Path) -> None:
    (project / f"content/{AWARD}.md").rename(project / "content/award.md")
    (project / f"locales/it/LC_MESSAGES/{AWARD}.po").rename(project / "locales/it/LC_MESSAGES/award.po")


EDITS = [
    pytest.param(lambda project: None, id="nothing"),
    pytest.param(_source_paragraph, id="source-paragraph"),
    pytest.param(_source_title, id="source-title"),
    pytest.param(_source_date, id="source-date"),
    pytest.param(_source_html_block, id="source-html-block"),
    pytest.param(_catalogue_translation, id="catalogue-translation"),
    pytest.param(_catalogue_fuzzy, id="catalogue-fuzzy"),
    pytest.param(_catalogue_removed, id="catalogue-removed"),
    pytest.param(_catalogue_touched_only, id="catalogue-touched"),
    pytest.param(_ui_words, id="ui-words"),
    pytest.param(_threshold, id="settings-threshold"),
    pytest.param(_date_locale, id="settings-date-locale"),
    pytest.param(_project_name, id="settings-name"),
    pytest.param(_output_deleted, id="output-deleted"),
    pytest.param(_output_edited, id="output-edited"),
    pytest.param(_output_same_size, id="output-edited-same-size"),
    pytest.param(_index_deleted, id="index-deleted"),
    pytest.param(_index_edited, id="index-edited"),
    pytest.param(_manifest_deleted, id="manifest-deleted"),
    pytest.param(_manifest_sources_forged, id="manifest-sources-forged"),
    pytest.param(_manifest_summary_damaged, id="manifest-summary-damaged"),
    pytest.param(_document_removed, id="document-removed"),
    pytest.param(_document_added, id="document-added"),
    pytest.param(_document_renamed, id="document-renamed"),
]


@pytest.mark.parametrize("trusted", [False, True], ids=["hashed", "signatures"])
@pytest.mark.parametrize("edit", EDITS)
def test_a_build_after_an_edit_is_a_build_from_scratch(
    project_dir: Path, tmp_path: Path, edit: Callable[[Path], None], trusted: bool, request: pytest.FixtureRequest
) -> None:
    """Hashed: the files just written, their digests made from their bytes every run;
    signatures: digests remembered by the files' signatures, as for files at rest."""
    next_tick = request.getfixturevalue("trusted_at_once") if trusted else lambda: None
    (project_dir / "content/news").mkdir(exist_ok=True)
    in_step_with_scratch(project_dir, tmp_path)
    next_tick()
    edit(project_dir)
    in_step_with_scratch(project_dir, tmp_path)
    in_step_with_scratch(project_dir, tmp_path)  # and once more, from what that build kept


@pytest.mark.parametrize(
    "first, then",
    [
        pytest.param(BuildOptions(formats=("md",)), BuildOptions(), id="md-then-every-format"),
        pytest.param(BuildOptions(), BuildOptions(formats=("txt",)), id="every-format-then-txt"),
        pytest.param(BuildOptions(languages=("it",)), BuildOptions(), id="italian-then-every-language"),
        pytest.param(BuildOptions(), BuildOptions(languages=("en",), formats=("html",)), id="then-english-html"),
        pytest.param(BuildOptions(), BuildOptions(include_fuzzy=True), id="then-with-fuzzy"),
        pytest.param(BuildOptions(include_fuzzy=True), BuildOptions(), id="with-fuzzy-then-without"),
    ],
)
def test_other_options_than_the_last_builds_are_builds_that_keep_nothing(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: BuildOptions, then: BuildOptions
) -> None:
    """A build with options of its own leaves the rest of the folder as it was: the same two
    builds, the second keeping nothing from the first, leave the same folder."""
    edit_catalogue(project_dir, "it", AWARD, first_translated(lambda m: m.replace(flags=(*m.flags, "fuzzy"))))
    project = find_project(project_dir)
    kept, plain = project_dir / "build", tmp_path / "plain"
    build(project, dataclasses.replace(first, output_dir=kept))
    build(project, dataclasses.replace(first, output_dir=plain))
    reusing = build(project, dataclasses.replace(then, output_dir=kept))
    with monkeypatch.context() as patched:
        patched.setattr(build_module, "remembered", lambda manifest: {})
        keeping_nothing = build(project, dataclasses.replace(then, output_dir=plain))
    assert snapshot(kept) == snapshot(plain)
    assert said(reusing) == said(keeping_nothing)


def test_with_nothing_changed_no_document_is_read_and_nothing_is_written(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = find_project(project_dir)
    build(project)
    read: list[Path] = []
    from i18ntool.documents import load_document

    def counting(project: Any, path: Path, identifier: str | None = None) -> Any:
        read.append(path)
        return load_document(project, path, identifier)

    monkeypatch.setattr(build_module, "load_document", counting)
    again = build(project, BuildOptions(jobs=1))
    assert read == [] and again.written == ()
    rewrite(project_dir / f"content/{AWARD}.md", "is the winner of", "has won")
    edited = build(project, BuildOptions(jobs=1))
    assert read == [project_dir / f"content/{AWARD}.md"]
    assert {Path(path).stem for path in edited.written} == {AWARD, "index", "manifest"}


def test_the_code_that_renders_is_an_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A template or a module of i18ntool that changes (a development copy, an upgrade that
    kept the version number) makes every document's inputs new."""
    package = tmp_path / "i18ntool"
    shutil.copytree(Path(build_module.__file__).parent.parent, package)
    monkeypatch.setattr("i18ntool.outputs.reuse._PACKAGE", package)
    project = find_project(Path(__file__).parent.parent)
    files = Digests(Cache(tmp_path / "cache"), str(project.root))
    before = shared_inputs(project, False, files)
    assert shared_inputs(project, False, files) == before and shared_inputs(project, True, files) != before
    template = package / "outputs/templates/page.html"
    template.write_text(template.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert shared_inputs(project, False, files) != before


@pytest.mark.parametrize(
    "manifest",
    [
        pytest.param({"generator": "i18ntool", "outputs": [], "held_back": []}, id="empty"),
        pytest.param(
            {"outputs": [{"path": "a/b.md", "n": 1, "f": 1.5, "none": None, "yes": True, "text": 'è"\n\\'}]},
            id="flat-records",
        ),
        pytest.param({"languages": ["en", "it"], "nested": {"a": [1, {"b": []}]}, "list": [[1], {}]}, id="nested"),
    ],
)
def test_the_manifest_is_laid_out_as_json_indents_it(manifest: dict[str, Any]) -> None:
    assert manifest_text(manifest) == json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    assert json.loads(manifest_text({**manifest, "sources": [{"a": [1, 2]}, {"b": "c"}]}))["sources"] == [
        {"a": [1, 2]},
        {"b": "c"},
    ]


def test_the_same_project_in_another_folder_gives_the_same_manifest_and_keeps_its_outputs(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(find_project(project_dir))
    moved = tmp_path / "elsewhere" / "project"
    shutil.copytree(project_dir, moved)
    monkeypatch.setattr(build_module, "load_document", None)  # reading a document would fail
    again = build(find_project(moved), BuildOptions(jobs=1))
    assert again.written == ()
    assert snapshot(moved / "build") == snapshot(project_dir / "build")


@pytest.mark.parametrize("trusted", [False, True], ids=["hashed", "signatures"])
def test_a_source_changed_while_it_was_read_and_changed_back_is_built_again(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trusted: bool, request: pytest.FixtureRequest
) -> None:
    """The source text edited (A to B) as the build reads it, then put back (A): the outputs
    are B's, but A's digest is the one taken before the read; the next build makes them again."""
    next_tick = request.getfixturevalue("trusted_at_once") if trusted else lambda: None
    project = find_project(project_dir)
    build(project)
    source = project_dir / f"content/{AWARD}.md"
    original = source.read_text(encoding="utf-8")
    rewrite(source, "is the winner of", "has won")  # a change, so that the document is read
    edited = source.read_text(encoding="utf-8")
    from i18ntool.documents import load_document

    def read_as_b(project: Any, path: Path, identifier: str | None = None) -> Any:
        next_tick()
        path.write_text(edited.replace("has won", "took home"), encoding="utf-8")
        document = load_document(project, path, identifier)
        next_tick()
        path.write_text(edited, encoding="utf-8")  # back to the bytes whose digest was taken
        return document

    monkeypatch.setattr(build_module, "load_document", read_as_b)
    build(project, BuildOptions(jobs=1))
    assert "took home" in (project_dir / f"build/en/{AWARD}.md").read_text(encoding="utf-8")
    monkeypatch.setattr(build_module, "load_document", load_document)
    in_step_with_scratch(project_dir, tmp_path)  # the outputs made again from the source as it is
    assert "has won" in (project_dir / f"build/en/{AWARD}.md").read_text(encoding="utf-8")
    assert original != edited


def _fallback(project: Path) -> None:
    """A fuzzy translation in a text still published: its segment falls back."""
    rewrite(project / "pyproject.toml", "[tool.i18ntool]\n", "[tool.i18ntool]\npublish-threshold = 50\n")
    _catalogue_fuzzy(project)


def _ui_word_untranslated(project: Path) -> None:
    edit_catalogue(project, "it", "ui", first_translated(lambda m: m.replace(msgstr="")))


ANSWERED = [  # a build's options, and an edit that gives its answer more to say
    pytest.param(BuildOptions(), lambda project: None, id="every-format"),
    pytest.param(BuildOptions(formats=("md",)), _fallback, id="md-with-a-fallback"),
    pytest.param(
        BuildOptions(languages=("it",), formats=("html", "txt")), _source_html_block, id="italian-pages-html-block"
    ),
    pytest.param(BuildOptions(include_fuzzy=True), _ui_word_untranslated, id="with-fuzzy-ui-word-untranslated"),
    pytest.param(BuildOptions(languages=("en",)), _threshold, id="english-more-held-back"),
]


@pytest.mark.parametrize("trusted", [False, True], ids=["hashed", "signatures"])
@pytest.mark.parametrize("options, edit", ANSWERED)
def test_with_nothing_changed_the_answer_kept_by_the_last_build_is_the_plain_answer(
    project_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    options: BuildOptions,
    edit: Callable[[Path], None],
    trusted: bool,
    request: pytest.FixtureRequest,
) -> None:
    """The last build works out what a build with nothing changed would answer (``unchanged``):
    that build gives it without reading the manifest, and it is what the build that reads the
    manifest and every record in it says, in every field, with nothing written."""
    if trusted:
        request.getfixturevalue("trusted_at_once")
    edit(project_dir)
    project = find_project(project_dir)
    options = dataclasses.replace(options, output_dir=project_dir / "build")
    build(project, options)
    before = snapshot(project_dir / "build")
    with monkeypatch.context() as patched:
        for name in ("read_manifest", "remembered", "write_outputs", "load_document"):
            patched.setattr(build_module, name, None)  # none of them is needed: calling one fails
        kept = build(project, options)
    with monkeypatch.context() as patched:
        patched.setattr(KeptAnswers, "kept", lambda *arguments: None)
        plain = build(project, options)
    assert plain.written == () and plain.removed == ()
    assert kept == plain and said(kept) == said(plain)
    assert snapshot(project_dir / "build") == before
    assert build(project, options) == plain  # the plain build kept its answer too


def test_an_answer_kept_is_given_only_as_it_was_kept(project_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every field of a kept answer is read back as it was written, or the answer is not one."""
    _fallback(project_dir)
    _ui_word_untranslated(project_dir)
    (project_dir / "locales/it/LC_MESSAGES/festivals.po").unlink()  # held back
    project = find_project(project_dir)
    build(project)
    monkeypatch.setattr(KeptAnswers, "kept", lambda *arguments: None)
    kept = build(project)  # with nothing changed, as the answer is kept: every output in place
    assert kept.fallbacks and kept.held_back and kept.ui_fallbacks and kept.written == ()
    result = kept
    record = json.loads(json.dumps(build_module._record(kept)))
    assert build_module._from_record(record, result.output_dir, result.languages) == kept
    assert said(build_module._from_record(record, result.output_dir, result.languages)) == said(kept)  # type: ignore[arg-type]
    damages: list[Callable[[dict[str, Any]], object]] = [
        lambda record: record.pop("warnings"),
        lambda record: record["outputs"][0].__setitem__(0, 3),
        lambda record: record["outputs"][0].__setitem__(5, [1, 2, 3]),
        lambda record: record["outputs"][0][5].__setitem__(0, "many"),
        lambda record: record["outputs"][0].__setitem__(6, True),
        lambda record: record["outputs"][0].pop(),
        lambda record: record["held_back"][0].__setitem__(5, "50"),
        lambda record: record["fallbacks"][0][4].append("12"),
        lambda record: record.__setitem__("documents", None),
        lambda record: record.__setitem__("ui_fallbacks", "text"),
        lambda record: record.__setitem__("outputs", {}),
    ]
    for damage in damages:
        damaged = json.loads(json.dumps(record))
        damage(damaged)
        assert build_module._from_record(damaged, result.output_dir, result.languages) is None
    assert build_module._from_record(["outputs"], result.output_dir, result.languages) is None


def test_a_build_with_nothing_changed_removes_the_temporary_files_a_killed_build_left(project_dir: Path) -> None:
    project = find_project(project_dir)
    build(project)
    stale = project_dir / "build/en/.annuncio-proiezione.html.o9_xpuzi.tmp"
    stale.write_bytes(b"half a file")
    again = build(project)
    assert again.written == () and not stale.exists()


def test_with_no_answer_kept_no_document_is_hashed_to_look_for_one(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before a build with other options than the last (``quick_build`` asks, then the command
    line builds), the files of the documents are not read only to find that no answer is kept
    (just written, they are not known by their signatures: each look would read them)."""
    from i18ntool import digests

    # No file known by its signature, however long ago it changed: every look reads (else, on
    # a slow machine, the files have settled by the second build and the last line's reads,
    # which show that this test sees reads, are not made).
    monkeypatch.setattr(digests, "SETTLED", 10**18)
    monkeypatch.setattr(digests, "SETTLED_FINE", 10**18)
    project = find_project(project_dir)
    build(project, BuildOptions(formats=("md",)))  # a manifest, and an answer kept for md only
    read: list[str] = []
    original = Digests.read

    def counting(self: Digests, path: str) -> tuple[bytes, str]:
        read.append(path)
        return original(self, path)

    monkeypatch.setattr(Digests, "read", counting)
    assert build_module.build_if_unchanged(project) is None
    assert not [path for path in read if "/content/" in path or path.endswith(f"{AWARD}.po")]
    assert build(project).written and [path for path in read if "/content/" in path]  # the build reads them
