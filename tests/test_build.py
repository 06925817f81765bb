"""`i18ntool build`, end to end on a copy of the shipped kit: outputs, gating, fallback, manifest."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from i18ntool.outputs.build import BuildOptions, build
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.cli import main
from i18ntool.errors import ConfigError
from i18ntool.outputs.completeness import Completeness
from i18ntool.outputs.localised import localise
from i18ntool.project import find_project, load_project
from i18ntool.markdown.segmenting import parse_document
from i18ntool.documents import load_documents
from i18ntool.outputs.page_words import UI_MESSAGES, ui_template, ui_text
from tests.conftest import REPOSITORY, copy_project, snapshot

AWARD = "russo-brothers-award"  # written in English, translated into Italian
TEMPLATES = REPOSITORY / "i18ntool" / "outputs" / "templates"


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), "build", *arguments], catch_exceptions=False)


def edit_catalogue(project: Path, language: str, document: str, change: Callable[[Message], Message]) -> Path:
    path = project / "locales" / language / "LC_MESSAGES" / f"{document}.po"
    catalogue = read_catalogue(path)
    write_catalogue(path, catalogue.replace(messages=tuple(change(m) for m in catalogue.messages)))
    return path


def complete(message: Message) -> Message:
    """Every entry translated, whatever state the kit's catalogue is in today."""
    if message.obsolete:
        return message
    return message.replace(
        msgstr=message.msgstr or f"[it] {message.msgid}", flags=tuple(flag for flag in message.flags if flag != "fuzzy")
    )


def first_paragraph(project: Path, document: str) -> str:
    path = project / "content" / f"{document}.md"
    parsed = parse_document(
        path.read_text(encoding="utf-8"),
        document_id=document,
        source=f"content/{document}.md",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )
    return next(segment.text for segment in parsed.segments if segment.kind == "paragraph")


def set_threshold(project: Path, threshold: int) -> None:
    config = project / "pyproject.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("[tool.i18ntool]\n", f"[tool.i18ntool]\npublish-threshold = {threshold}\n"), encoding="utf-8"
    )


def published(project: Path) -> set[tuple[str, str]]:
    """(document, language) of every text the build should publish, from the catalogues as they are."""
    loaded = find_project(project)
    pairs = set()
    for document in load_documents(loaded):
        for language in loaded.languages:
            path = loaded.catalogue_path(language, document.id)
            text = localise(
                document, language, read_catalogue(path) if path.exists() and language != document.language else None
            )
            if text.is_source or text.completeness.reaches(loaded.publish_threshold):
                pairs.add((document.id, language))
    return pairs


# -- the shipped kit -------------------------------------------------------------------------


def test_the_kit_builds_every_output_and_a_second_build_writes_nothing(project_dir: Path) -> None:
    result = run(project_dir)
    assert result.exit_code == 0, result.output
    out = project_dir / "build"
    expected = {
        f"{language}/{document}.{ext}" for document, language in published(project_dir) for ext in ("md", "html", "txt")
    }
    expected |= {"en/index.html", "it/index.html", "manifest.json"}
    assert {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()} == expected
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {record["path"] for record in manifest["outputs"]} == expected - {"manifest.json"}
    before = {path: path.stat().st_mtime_ns for path in out.rglob("*")}
    again = run(project_dir)
    assert again.exit_code == 0
    assert f"{len(expected) - 1} file(s) in build/, 0 written, {len(expected) - 1} unchanged, 0 removed" in again.output
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*")} == before


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build folder of the shipped kit, built once (every format) for the tests that only
    read what was built."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    assert run(project).exit_code == 0
    return project / "build"


@pytest.mark.parametrize("source", sorted((REPOSITORY / "content").glob("*.md")), ids=lambda path: path.stem)
def test_md_in_its_own_language_is_the_source_byte_for_byte(built: Path, source: Path) -> None:
    language = re.search(r"^lang: (\w+)$", source.read_text(encoding="utf-8"), re.MULTILINE)
    assert language is not None
    assert (built / language.group(1) / f"{source.stem}.md").read_bytes() == source.read_bytes()


def test_the_kits_italian_pages_write_dates_as_an_italian_editor_does(built: Path) -> None:
    """press-release is dated 2023-03-08: "l’8 marzo", never "il 8 marzo", with the kit's own
    "Pubblicato il %(date)s" translation; the English page is as Babel writes it."""
    html = (built / "it" / "press-release.html").read_text(encoding="utf-8")
    assert '<p class="dateline">Pubblicato l’<time datetime="2023-03-08">8 marzo 2023</time></p>' in html
    assert "Pubblicato l’8 marzo 2023" in (built / "it" / "press-release.txt").read_text(encoding="utf-8")
    assert "Pubblicato il 31 ottobre 2022" in (built / "it" / f"{AWARD}.txt").read_text(encoding="utf-8")
    assert "Published on 8 March 2023" in (built / "en" / "press-release.txt").read_text(encoding="utf-8")
    assert not any("il 8 marzo" in path.read_text(encoding="utf-8") for path in (built / "it").iterdir())


def test_film_titles_are_in_italics_in_the_headings_and_plain_in_the_title_bar(built: Path) -> None:
    """The kit's front-matter titles write the film's title as the texts do, *Leaving the Factory*."""
    for language, title in (
        ("en", "Leaving the Factory wins the Russo Brothers Italian American Film Forum"),
        ("it", "Leaving the Factory vince il Russo Brothers Italian American Film Forum"),
    ):
        index = (built / language / "index.html").read_text(encoding="utf-8")
        heading = title.replace("Leaving the Factory", "<em>Leaving the Factory</em>", 1)
        assert f'<h2><a href="{AWARD}.html">{heading}</a></h2>' in index
        assert "*" not in index
        page = (built / language / f"{AWARD}.html").read_text(encoding="utf-8")
        assert f"<title>{title}</title>" in page
        assert (built / language / f"{AWARD}.txt").read_text(encoding="utf-8").startswith(f"{title}\n")
        assert f'title: "*{title.replace("Leaving the Factory", "Leaving the Factory*", 1)}"' in (
            (built / language / f"{AWARD}.md").read_text(encoding="utf-8")
        )


def test_translated_md_holds_the_translations_and_its_language(project_dir: Path) -> None:
    edit_catalogue(project_dir, "it", AWARD, complete)
    assert run(project_dir, "--format", "md", "--locale", "it").exit_code == 0
    text = (project_dir / "build" / "it" / f"{AWARD}.md").read_text(encoding="utf-8")
    output = parse_document(
        text,
        document_id=AWARD,
        source="x",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )
    catalogue = {m.msgid: m.msgstr for m in read_catalogue(project_dir / f"locales/it/LC_MESSAGES/{AWARD}.po").messages}
    source = load_documents(find_project(project_dir))
    original = next(document for document in source if document.id == AWARD)
    assert output.language == "it"
    assert [segment.text for segment in output.segments] == [catalogue[segment.text] for segment in original.segments]
    assert output.metadata["date"] == original.metadata["date"]


@pytest.mark.parametrize(
    "title",
    [
        pytest.param('Il "premio": vinto # davvero', id="quotes-colon-hash"),
        pytest.param("L'arte di vincere", id="apostrophe"),
        pytest.param("- non una lista", id="leading-dash"),
        pytest.param("yes", id="yaml-boolean-word"),
        pytest.param("2023-03-08", id="looks-like-a-date"),
        pytest.param("Perché? Perché sì! {graffe} [quadre] & *stelle*", id="flow-characters"),
    ],
)
def test_translated_front_matter_is_quoted_so_that_yaml_reads_it_back(project_dir: Path, title: str) -> None:
    def retitle(message: Message) -> Message:
        done = complete(message)
        return done.replace(msgstr=title) if "front matter: title" in message.extracted_comments else done

    edit_catalogue(project_dir, "it", AWARD, retitle)
    assert run(project_dir, "--format", "md", "--locale", "it").exit_code == 0
    text = (project_dir / "build/it" / f"{AWARD}.md").read_text(encoding="utf-8")
    output = parse_document(
        text,
        document_id=AWARD,
        source="x",
        default_language="en",
        languages=("en", "it"),
        translatable_keys=("title", "summary"),
    )
    assert output.metadata["title"] == title
    assert output.metadata["lang"] == "it"


# -- gating and fallback ---------------------------------------------------------------------


def test_an_untranslated_paragraph_holds_a_text_back_until_the_threshold_allows_it(project_dir: Path) -> None:
    paragraph = first_paragraph(project_dir, AWARD)
    edit_catalogue(
        project_dir, "it", AWARD, lambda m: complete(m).replace(msgstr="") if m.msgid == paragraph else complete(m)
    )
    entries = len(read_catalogue(project_dir / f"locales/it/LC_MESSAGES/{AWARD}.po").messages)

    held = run(project_dir)
    assert held.exit_code == 0
    assert f"Held back: {AWARD} is not published in it: {entries - 1} of {entries} entries translated" in held.output
    assert f"under the publish threshold of 100%; 1 untranslated in locales/it/LC_MESSAGES/{AWARD}.po" in held.output
    assert not (project_dir / "build/it" / f"{AWARD}.html").exists()
    assert f"{AWARD}.html" not in (project_dir / "build/it/index.html").read_text(encoding="utf-8")
    assert 'hreflang="it"' not in (project_dir / f"build/en/{AWARD}.html").read_text(encoding="utf-8")
    manifest = json.loads((project_dir / "build/manifest.json").read_text(encoding="utf-8"))
    record = next(r for r in manifest["held_back"] if r["document"] == AWARD)
    assert (record["language"], record["translated"], record["entries"], record["untranslated"]) == (
        "it",
        entries - 1,
        entries,
        1,
    )

    assert run(project_dir, "--strict").exit_code == 1

    set_threshold(project_dir, 90)
    shown = run(project_dir)
    assert shown.exit_code == 0
    assert f"Fell back: {AWARD} in it: 1 segment(s) shown in en (content/{AWARD}.md:" in shown.output
    page = (project_dir / "build/it" / f"{AWARD}.html").read_text(encoding="utf-8")
    assert re.search(r'<p lang="en">[^<]*<em>Leaving the Factory</em>, the short film written', page)
    assert paragraph.split(",")[1].strip() in (project_dir / "build/it" / f"{AWARD}.md").read_text(encoding="utf-8")
    assert f'<a href="{AWARD}.html">' in (project_dir / "build/it/index.html").read_text(encoding="utf-8")
    assert run(project_dir, "--strict").exit_code == 1


def test_fuzzy_translations_are_used_only_when_asked(project_dir: Path) -> None:
    paragraph = first_paragraph(project_dir, AWARD)

    def fuzzy(message: Message) -> Message:
        done = complete(message)
        return (
            done.replace(msgstr="Traduzione approssimativa.", flags=("fuzzy",)) if message.msgid == paragraph else done
        )

    edit_catalogue(project_dir, "it", AWARD, fuzzy)
    set_threshold(project_dir, 0)
    without = run(project_dir, "--locale", "it")
    page = project_dir / "build/it" / f"{AWARD}.html"
    assert "Traduzione approssimativa." not in page.read_text(encoding="utf-8")
    assert f"Fell back: {AWARD} in it: 1 segment(s)" in without.output
    with_fuzzy = run(project_dir, "--locale", "it", "--include-fuzzy")
    assert "<p>Traduzione approssimativa.</p>" in page.read_text(encoding="utf-8")
    assert f"Fell back: {AWARD}" not in with_fuzzy.output


def test_a_new_language_without_catalogues_publishes_only_its_own_texts(project_dir: Path) -> None:
    config = project_dir / "pyproject.toml"
    config.write_text(config.read_text().replace('languages = ["en", "it"]', 'languages = ["en", "it", "fr"]'))
    result = run(project_dir)
    assert result.exit_code == 0, result.output
    assert (
        f"Held back: {AWARD} is not published in fr: there is no catalogue locales/fr/LC_MESSAGES/{AWARD}.po; "
        "run `i18ntool init fr`"
    ) in result.output
    assert "locales/fr/LC_MESSAGES/ui.po: 7 of the pages' own words shown in English" in result.output
    index = (project_dir / "build/fr/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in index and "No press releases yet." in index
    assert 'hreflang="fr"' not in (project_dir / f"build/en/{AWARD}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("counts", "threshold", "percent", "reaches"),
    [
        pytest.param((19, 17, 1, 1, False), 100, 89.4, False, id="fuzzy-is-not-done"),
        pytest.param((19, 17, 1, 1, True), 90, 94.7, True, id="fuzzy-counts-when-used"),
        pytest.param((3, 2, 0, 1, False), 66.7, 66.6, False, id="rounded-down-and-compared-exactly"),
        pytest.param((3, 2, 0, 1, False), 66, 66.6, True, id="above-a-lower-threshold"),
        pytest.param((1000, 999, 0, 1, False), 100, 99.9, False, id="never-shows-100-when-incomplete"),
        pytest.param((0, 0, 0, 0, False), 100, 100.0, True, id="nothing-to-translate"),
    ],
)
def test_completeness(counts: tuple[int, int, int, int, bool], threshold: float, percent: float, reaches: bool) -> None:
    entries, translated, fuzzy, untranslated, fuzzy_counts = counts
    completeness = Completeness(entries, translated, fuzzy, untranslated, fuzzy_counts)
    assert (completeness.percent, completeness.reaches(threshold)) == (percent, reaches)


def test_a_paragraph_added_since_the_last_update_counts_as_missing(project_dir: Path) -> None:
    edit_catalogue(project_dir, "it", AWARD, complete)
    source = project_dir / "content" / f"{AWARD}.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA paragraph no catalogue has seen.\n", encoding="utf-8")
    result = run(project_dir, "--locale", "it", "--format", "md")
    assert f"Held back: {AWARD} is not published in it" in result.output


# -- writing, removing, the manifest ---------------------------------------------------------


def test_outputs_of_a_removed_document_are_removed(project_dir: Path) -> None:
    assert run(project_dir).exit_code == 0
    (project_dir / "content" / f"{AWARD}.md").unlink()
    result = run(project_dir)
    assert result.exit_code == 0
    assert "6 removed" in result.output
    assert not list((project_dir / "build").rglob(f"{AWARD}.*"))
    manifest = (project_dir / "build/manifest.json").read_text(encoding="utf-8")
    assert AWARD not in manifest


def test_a_text_that_falls_under_the_threshold_is_withdrawn(project_dir: Path) -> None:
    edit_catalogue(project_dir, "it", AWARD, complete)
    assert run(project_dir).exit_code == 0
    assert (project_dir / "build/it" / f"{AWARD}.html").exists()
    paragraph = first_paragraph(project_dir, AWARD)
    edit_catalogue(project_dir, "it", AWARD, lambda m: m.replace(msgstr="") if m.msgid == paragraph else m)
    result = run(project_dir)
    assert "3 removed" in result.output
    assert not list((project_dir / "build/it").glob(f"{AWARD}.*"))
    assert 'hreflang="it"' not in (project_dir / f"build/en/{AWARD}.html").read_text(encoding="utf-8")


def test_html_blocks_of_a_source_are_left_out_of_pages_with_a_warning(project_dir: Path) -> None:
    source = project_dir / "content" / f"{AWARD}.md"
    source.write_text(source.read_text(encoding="utf-8") + '\n<div class="embed">video</div>\n', encoding="utf-8")
    result = run(project_dir, "--locale", "en")
    line = source.read_text(encoding="utf-8").splitlines().index('<div class="embed">video</div>') + 1
    assert (
        f"i18ntool: warning: content/{AWARD}.md:{line}: HTML block left out of the html and txt outputs"
        in result.output
    )
    assert "embed" not in (project_dir / "build/en" / f"{AWARD}.html").read_text(encoding="utf-8")
    assert '<div class="embed">' in (project_dir / "build/en" / f"{AWARD}.md").read_text(encoding="utf-8")


def test_a_partial_build_keeps_the_rest_of_the_manifest(project_dir: Path) -> None:
    assert run(project_dir).exit_code == 0
    whole = json.loads((project_dir / "build/manifest.json").read_text(encoding="utf-8"))
    assert run(project_dir, "--locale", "it", "--format", "txt").exit_code == 0
    assert json.loads((project_dir / "build/manifest.json").read_text(encoding="utf-8")) == whole


def test_the_manifest_describes_every_output(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest) == {
        "generator",
        "project",
        "languages",
        "publish_threshold",
        "include_fuzzy",
        "outputs",
        "held_back",
        "sources",
    }
    for record in manifest["outputs"]:
        assert hashlib.sha256((built / record["path"]).read_bytes()).hexdigest() == record["sha256"]
        assert record["path"] == f"{record['language']}/{record['document'] or 'index'}.{record['format']}"
        if record["document"] is not None:
            assert 0 <= record["completeness"] <= 100 and record["translated"] <= record["entries"]
    assert [record["path"] for record in manifest["outputs"]] == sorted(
        record["path"] for record in manifest["outputs"]
    )


def test_a_manifest_naming_files_outside_the_output_is_not_obeyed(project_dir: Path) -> None:
    victim = project_dir / "keep.txt"
    victim.write_text("precious\n")
    out = project_dir / "build"
    out.mkdir()
    forged = {"outputs": [{"path": "../keep.txt", "language": "en", "format": "txt"}]}
    (out / "manifest.json").write_text(json.dumps(forged))
    result = run(project_dir)
    assert result.exit_code == 0
    assert victim.read_text() == "precious\n"
    assert "not a manifest of i18ntool's; no earlier outputs were removed" in result.output


def test_same_inputs_same_bytes_in_one_process_or_many(project_dir: Path, tmp_path: Path) -> None:
    project = find_project(project_dir)
    one = build(project, BuildOptions(output_dir=tmp_path / "one", jobs=1))
    two = build(project, BuildOptions(output_dir=tmp_path / "two", jobs=2))
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert [output.path for output in one.outputs] == [output.path for output in two.outputs]


def test_a_broken_catalogue_stops_the_build_with_its_line_and_writes_nothing(project_dir: Path) -> None:
    path = project_dir / f"locales/it/LC_MESSAGES/{AWARD}.po"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[24] = 'msgstr "unterminated\n'
    path.write_text("".join(lines), encoding="utf-8")
    for jobs in ("1", "2"):
        result = run(project_dir, "--jobs", jobs)
        assert result.exit_code == 2
        assert f"locales/it/LC_MESSAGES/{AWARD}.po:25: unterminated string" in result.output
        assert "Traceback" not in result.output
        assert not (project_dir / "build").exists()


def test_a_document_called_index_is_refused(project_dir: Path) -> None:
    (project_dir / "content" / "index.md").write_text("# Index\n", encoding="utf-8")
    result = run(project_dir)
    assert result.exit_code == 2
    assert "content/index.md: the document id 'index' would overwrite the index pages" in result.output


def test_out_writes_elsewhere(project_dir: Path, tmp_path: Path) -> None:
    result = run(project_dir, "--out", str(tmp_path / "site"), "--format", "html")
    assert result.exit_code == 0
    assert (tmp_path / "site" / "en" / "index.html").exists()
    assert not (project_dir / "build").exists()


# -- settings and the ui catalogues ----------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        pytest.param(
            'date-locales = { fr = "fr_FR" }',
            "'fr' in setting 'date-locales' is not one of the languages",
            id="unknown-language",
        ),
        pytest.param('date-locales = { en = "it_IT" }', "is not a variant of 'en'", id="other-language"),
        pytest.param('date-locales = { en = "en_XX" }', "unknown language 'en_XX'", id="unknown-locale"),
        pytest.param('date-locales = "en_GB"', "must be a table", id="not-a-table"),
    ],
)
def test_bad_date_locales_name_the_line(tmp_path: Path, setting: str, message: str) -> None:
    config = tmp_path / "i18ntool.toml"
    config.write_text(f'languages = ["en", "it"]\n{setting}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_project(config)
    assert caught.value.line == 2
    assert message in caught.value.message


def test_the_pages_use_only_the_ui_messages_and_the_shipped_template_lists_them() -> None:
    templates = "".join(path.read_text(encoding="utf-8") for path in TEMPLATES.glob("*.html"))
    renderers = "".join(path.read_text(encoding="utf-8") for path in (REPOSITORY / "i18ntool" / "outputs").glob("*.py"))
    known = {message.msgid for message in UI_MESSAGES}
    assert set(re.findall(r'_\("([^"]+)"', templates)) <= known
    for msgid in known:
        assert f'"{msgid}"' in templates + renderers, f"{msgid!r} is not used"
    shipped = read_catalogue(REPOSITORY / "locales/templates/ui.pot")
    assert shipped.messages == ui_template(shipped.header_fields).messages
    for language in ("en", "it"):
        words = ui_text(language, read_catalogue(REPOSITORY / f"locales/{language}/LC_MESSAGES/ui.po"), "ui.po")
        assert (words.missing, words.problems) == ((), ())


@pytest.mark.parametrize(
    ("msgid", "translation", "usable"),
    [
        pytest.param("Published on %(date)s", "Pubblicato il %(date)s", True, id="placeholder-kept"),
        pytest.param("Published on %(date)s", "Pubblicato", False, id="placeholder-lost"),
        pytest.param("Published on %(date)s", "Pubblicato il %(data)s", False, id="placeholder-renamed"),
        pytest.param("Published on %(date)s", "100% il %(date)s", False, id="lone-percent"),
        pytest.param("Links", "100% link", True, id="no-placeholders-no-formatting"),
    ],
)
def test_ui_translations_that_would_break_a_page_fall_back(msgid: str, translation: str, usable: bool) -> None:
    catalogue = Catalogue(messages=(Message(msgid=msgid, msgstr=translation, line=7),))
    words = ui_text("it", catalogue, "ui.po")
    assert (msgid in words.translations) is usable
    assert (msgid in words.missing) is not usable
    assert bool(words.problems) is not usable


def test_without_ui_catalogues_the_pages_speak_english_and_strict_says_so(project_dir: Path) -> None:
    for path in (project_dir / "locales").rglob("ui.po*"):
        path.unlink()
    edit_catalogue(project_dir, "it", AWARD, complete)
    result = run(project_dir, "--locale", "it", "--strict")
    assert result.exit_code == 1
    assert "locales/it/LC_MESSAGES/ui.po: 7 of the pages' own words shown in English" in result.output
    assert "Press releases" in (project_dir / "build/it" / f"{AWARD}.html").read_text(encoding="utf-8")
