"""A large document measured on two cores gives the rows and errors of one process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool import beside, project_coverage
from i18ntool.beside import template_beside
from i18ntool.cache import Cache
from i18ntool.coverage import Coverage
from i18ntool.project_coverage import measure_project
from i18ntool.documents import load_document
from i18ntool.errors import I18nToolError
from i18ntool.markdown.words import count_words
from i18ntool.project import find_project
from i18ntool.targets import TemplateColumns, template_entries
from tests.conftest import REPOSITORY, copy_project, profile

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


def test_a_child_that_dies_leaves_the_measuring_to_the_plain_path(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = find_project(generated)
    path = next(project.content_dir.glob("*.md"))
    plain = measured(generated, monkeypatch, large=10**12)
    parent = os.getpid()
    real = beside.document_of_bytes  # type: ignore[attr-defined]

    def dying(*arguments: object) -> object:
        if os.getpid() != parent:
            os._exit(9)  # as the kernel's out-of-memory killer would end it
        return real(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(beside, "document_of_bytes", dying)
    assert template_beside(project, path, path.read_bytes(), "archive", lambda: "done", fork=True) == (None, "done")
    monkeypatch.setattr(beside, "LARGE", 1)  # cut in two, as well
    assert measured(generated, monkeypatch, large=0) == plain


def test_an_unexpected_failure_in_the_child_is_raised_by_the_plain_path(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = find_project(generated)
    path = next(project.content_dir.glob("*.md"))

    def failing(*arguments: object) -> object:
        raise RuntimeError(f"failed in process {os.getpid()}")

    monkeypatch.setattr(beside, "document_of_bytes", failing)
    assert template_beside(project, path, path.read_bytes(), "archive", lambda: "done", fork=True) == (None, "done")
    monkeypatch.setattr(project_coverage, "document_of_bytes", failing)
    with pytest.raises(RuntimeError, match=f"failed in process {os.getpid()}$"):
        measured(generated, monkeypatch, large=0)


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


# Blocks of Markdown for texts to cut: plain ones, and each thing that reaches across a blank
# line or from one block to another (fences, HTML blocks, directives, link reference
# definitions), or that a cut could split (lists, quotes, code, tables, setext headings).
BLOCKS = [
    "Plain paragraph one.",
    "Repeated text.",
    "Another *emphasis* text with [a link](https://x.example/a).",
    "# Heading",
    "## Repeated text.",
    "- item one\n- Repeated text.",
    "- loose\n\n- list",
    "> quoted\n> more",
    "> quoted\n\nAfter the quote.",
    "    indented code\n\n    more code",
    "```\nfenced\n\nStill code\n```",
    "~~~\ncode\n\nCode\n~~~",
    "<div>\nhtml\n\nMore</div>",
    "<pre>\n\nText in pre\n</pre>",
    "<!--\n\nAnd a comment\n-->",
    "<!-- i18n: note A note -->\nNoted paragraph.",
    "<!-- i18n: context ctx -->\nRepeated text.",
    "[ref]: https://example.org",
    "See [ref].",
    "Setext\n===",
    "a | b\n--- | ---\n1 | 2",
    "1. ordered\n2. list",
    "Lazy\ncontinuation line",
    "Text with trailing spaces  \nhard break",
    "- item\n\n  Continued in the item",
    "Text\r\nwith a carriage return",
    "![Poster](poster.jpg)",
]
FRONT_MATTER = [
    "",
    "---\ntitle: Repeated text.\n---\n\n",
    "---\ntitle: T\nsummary: |\n  a\n\n  Bword\n---\n\n",
    "---\ntitle: never closed\n\nWord\n",
]


# Mostly plain blocks (which cut_of cuts), with one of any kind among them at times.
texts_of_blocks = st.tuples(
    st.lists(st.sampled_from(BLOCKS[:7] + BLOCKS[-4:]), min_size=2, max_size=14),
    st.none() | st.sampled_from(BLOCKS),
    st.integers(0, 14),
).map(lambda drawn: drawn[0] if drawn[1] is None else [*drawn[0][: drawn[2]], drawn[1], *drawn[0][drawn[2] :]])


@settings(max_examples=profile(300, 3000), deadline=None)
@given(st.sampled_from(FRONT_MATTER), texts_of_blocks, st.booleans())
def test_a_text_cut_in_two_gives_the_template_of_the_whole(front: str, blocks: list[str], tight: bool) -> None:
    """Where cut_of cuts a text, its two parts segmented apart and joined give the template
    of the whole; where a part fails, the whole is measured instead (so no comparison)."""
    project = find_project(REPOSITORY)
    path = project.content_dir / "cut.md"
    data = (front + ("\n" if tight else "\n\n").join(blocks) + "\n").encode("utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(beside, "LARGE", 1)
        cut = beside.cut_of(data)
    whole = beside._template_answer(project, path, data, "cut", words=True, catch_all=False)
    if cut is None:
        return
    assert data[cut - 2 : cut] == b"\n\n"
    parts = [
        beside.part_answer(project, path, data, "cut", start, end, words=True, catch_all=False)
        for start, end in ((0, cut), (cut, len(data)))
    ]
    if all(part[0] == "template" for part in parts):
        joined = beside._joined(*parts)
        assert joined[:4] == whole[:4]
        assert all(count_words(text) == words for text, words in joined[4].items())


def test_texts_are_cut_only_where_it_is_safe() -> None:
    plain = b"Intro.\n\n" + b"Some words here.\n\n" * 10
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(beside, "LARGE", 1)
        assert beside.cut_of(plain) is not None
        for unsafe in (
            b"```\n",
            b"~~~\n",
            b"[a]: b\n",
            b"<div>\n",
            b"   <!-- i18n: skip -->\n",
            b"> - <pre>\n",
            b"\r\n",
        ):
            assert beside.cut_of(unsafe + plain) is None, unsafe
            assert beside.cut_of(plain + unsafe + plain) is None, unsafe
    assert beside.cut_of(plain) is None  # too small to pay for a second process


def test_a_generated_archive_cut_in_two_gives_the_same_rows(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = next((generated / "content").glob("*.md"))
    monkeypatch.setattr(beside, "LARGE", 1)
    assert beside.cut_of(source.read_bytes()) is not None
    assert_same_rows(generated, monkeypatch)
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("film", "movie", 40) + "\nA paragraph added since.\n", encoding="utf-8")
    assert_same_rows(generated, monkeypatch)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(b"\nBroken \xff text.\n", id="not-utf-8-in-the-second-part"),
        pytest.param(b"\nA NUL \x00.\n", id="nul"),
    ],
)
def test_an_error_in_a_part_is_the_whole_texts_error(
    generated: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    source = next((generated / "content").glob("*.md"))
    source.write_bytes(source.read_bytes() + damage)
    monkeypatch.setattr(beside, "LARGE", 1)
    assert beside.cut_of(source.read_bytes()) is not None
    plain = error_of(generated, monkeypatch, large=10**12)
    assert plain.startswith(f"content/{source.name}:")
    assert error_of(generated, monkeypatch, large=0) == plain


@pytest.mark.parametrize("context", [None, "ctx"])
def test_parts_join_as_the_whole_groups_its_segments(context: str | None) -> None:
    """An entry of the second part whose key the first has adds its references and kinds of
    block to that entry (in a text cut in two, no context: held here for any context too)."""
    first = TemplateColumns.of([(context, "a", ("x.md:1",), ("paragraph",)), (None, "b", ("x.md:3",), ("heading 2",))])
    second = TemplateColumns.of(
        [(None, "c", ("x.md:9",), ("paragraph",)), (context, "a", ("x.md:11", "x.md:13"), ("list item", "paragraph"))]
    )
    joined = beside._joined(("template", "en", "x.md", first, {"a": 1}), ("template", "en", "x.md", second, {"c": 1}))
    assert joined[3].entries() == [
        (context, "a", ("x.md:1", "x.md:11", "x.md:13"), ("paragraph", "list item")),
        (None, "b", ("x.md:3",), ("heading 2",)),
        (None, "c", ("x.md:9",), ("paragraph",)),
    ]
    assert joined[4] == {"a": 1, "c": 1}


@pytest.mark.parametrize("repeated", [3, 40])
def test_many_texts_in_both_parts_join_as_the_whole(repeated: int) -> None:
    """Texts in both parts of a cut text, a few (looked up one by one) or many (through a
    dictionary): the joined template is the whole's."""
    project = find_project(REPOSITORY)
    path = project.content_dir / "cut.md"
    shared = [f"Shared paragraph number {number}." for number in range(repeated)]
    first = [*shared, *(f"First part's paragraph {number}." for number in range(30))]
    second = [*(f"Second part's paragraph {number}." for number in range(30)), *reversed(shared)]
    data = ("\n\n".join([*first, *second]) + "\n").encode("utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(beside, "LARGE", 1)
        cut = beside.cut_of(data)
    assert cut is not None
    parts = [
        beside.part_answer(project, path, data, "cut", start, end, words=False, catch_all=False)
        for start, end in ((0, cut), (cut, len(data)))
    ]
    whole = beside._template_answer(project, path, data, "cut", words=False, catch_all=False)
    assert sum(len(part[3].msgids) for part in parts) > len(whole[3].msgids)
    assert beside._joined(*parts)[:4] == whole[:4]
