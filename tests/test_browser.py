"""The built pages as a reader sees them, in headless Chromium: language, title, date, links,
and no script from a translation running.

``--dump-dom`` prints the document after its scripts ran, so a script that changes
``document.title`` shows in the dump; a control page proves that scripts do run here.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from i18ntool.po.catalogue import Message

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.cli import main
from i18ntool.outputs.localised import inline_plain

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)"
)
AWARD = "russo-brothers-award"
INJECTED = (
    "<script>document.title='pwned'</script> Un paragrafo "
    "<img src=x onerror=\"document.title='pwned'\"> con [un link](javascript:document.title='pwned') "
    "e l’acqua, H<sub>2</sub>O."
)


class Page(HTMLParser):
    """What a reader sees of a dumped DOM: the language, the title, the text, the links."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.language = ""
        self.title = ""
        self.text: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.tags: list[str] = []
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "html":
            self.language = dict(attrs).get("lang") or ""
        elif tag == "a":
            self.links.append(dict(attrs))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        else:
            self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def dump_dom(page: Path, profile: Path) -> Page:
    assert CHROMIUM is not None
    profile.mkdir(parents=True)
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return Page(result.stdout)


def title(project: Path, language: str) -> str:
    """The title of the award text in ``language``, as its source or catalogue has it, in
    the plain words a browser's title bar shows (the front matter writes the film's title
    in italics: ``*Leaving the Factory*``)."""
    catalogue = read_catalogue(project / "locales/it/LC_MESSAGES" / f"{AWARD}.po")
    entry = next(
        m for m in catalogue.messages if any(c.startswith("front matter: title") for c in m.extracted_comments)
    )
    return inline_plain(entry.msgstr if language == "it" else entry.msgid)


@pytest.fixture
def built(project_dir: Path) -> Path:
    """The kit built with a complete Italian award text whose one paragraph tries to run script."""
    path = project_dir / "locales/it/LC_MESSAGES" / f"{AWARD}.po"
    catalogue = read_catalogue(path)
    paragraph = next(m.msgid for m in catalogue.messages if m.msgid.startswith("The award was presented"))

    def change(message: Message) -> Message:
        if message.obsolete:
            return message
        done = message.replace(msgstr=message.msgstr or f"[it] {message.msgid}", flags=())
        return done.replace(msgstr=INJECTED) if message.msgid == paragraph else done

    write_catalogue(path, catalogue.replace(messages=tuple(change(m) for m in catalogue.messages)))
    result = CliRunner().invoke(
        main, ["--project", str(project_dir), "build", "--format", "html"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return project_dir / "build"


def test_scripts_do_run_in_this_browser(tmp_path: Path) -> None:
    control = tmp_path / "control.html"
    control.write_text("<!DOCTYPE html><title>before</title><script>document.title = 'ran'</script>\n")
    assert dump_dom(control, tmp_path / "profile").title == "ran"


def test_a_reader_sees_the_italian_page_and_no_injected_script_runs(built: Path, tmp_path: Path) -> None:
    page = dump_dom(built / "it" / f"{AWARD}.html", tmp_path / "profile-it")
    assert page.language == "it"
    assert page.title == title(built.parent, "it")
    assert "pwned" not in page.title
    assert "script" not in page.tags and "img" not in page.tags
    assert "sub" in page.tags  # the one harmless element of the paragraph is kept
    assert "Pubblicato il 31 ottobre 2022" in page.words
    assert "Un paragrafo" in page.words and "<script>" in page.words  # shown as text, not run
    assert all(not (link.get("href") or "").lower().startswith("javascript:") for link in page.links)

    switch = next(link for link in page.links if link.get("hreflang") == "en" and link.get("lang") == "en")
    target = (built / "it" / str(switch["href"])).resolve()
    assert target == built / "en" / f"{AWARD}.html"
    english = dump_dom(target, tmp_path / "profile-en")
    assert english.language == "en"
    assert english.title == title(built.parent, "en")
    assert "Published on 31 October 2022" in english.words
    back = next(link for link in english.links if link.get("hreflang") == "it")
    assert (target.parent / str(back["href"])).resolve() == built / "it" / f"{AWARD}.html"
    assert "Leggi in italiano" in english.words


def test_the_index_pages_list_the_texts_with_localised_dates(built: Path, tmp_path: Path) -> None:
    index = dump_dom(built / "it" / "index.html", tmp_path / "profile")
    assert index.language == "it"
    assert index.title == "Comunicati stampa"
    assert "31 ottobre 2022" in index.words
    hrefs = {str(link.get("href")) for link in index.links}
    assert f"{AWARD}.html" in hrefs and "../en/index.html" in hrefs
    # The film's title is in italics in the headings, as in the texts.
    headings = [index.tags[i : i + 3] for i, tag in enumerate(index.tags) if tag == "h2"]
    assert ["h2", "a", "em"] in headings
    assert "*" not in index.words and "Leaving the Factory vince" in index.words
    for href in hrefs:
        assert (built / "it" / href).resolve().is_file(), href
