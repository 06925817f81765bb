"""The renderings of coverage: aligned tables, stable JSON, Markdown, CSV and a safe HTML page."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from i18ntool import cli
from i18ntool.commands import options
from i18ntool.coverage import Counts, Coverage, Row, totals_of
from i18ntool.reports import (
    FORMATS,
    markdown,
    render,
    table,
    to_csv,
    to_html,
    to_json,
    to_json_data,
)

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def make_row(document: str, language: str = "it", **changes: object) -> Row:
    values: dict[str, object] = {
        "document": document,
        "language": language,
        "catalogue": f"locales/{language}/LC_MESSAGES/{document}.po",
        "source": f"content/{document}.md",
        "exists": True,
        "entries": Counts(untranslated=1, fuzzy=2, translated=3, reviewed=4, obsolete=1),
        "words": Counts(untranslated=10, fuzzy=20, translated=30, reviewed=40, obsolete=5),
        "stale_reviews": 0,
        "in_step": True,
        "missing": 0,
        "extra": 0,
        "publishable": False,
    }
    values.update(changes)
    return Row(**values)  # type: ignore[arg-type]


def make_coverage(*rows: Row, project: str = "Press kit", threshold: float = 100.0) -> Coverage:
    return Coverage(project, threshold, rows, totals_of(rows, ("en", "it")))


SAMPLE = make_coverage(
    make_row("press-release"),
    make_row("festivals", entries=Counts(translated=18), words=Counts(translated=443), publishable=True),
    make_row("radici-fiorentine", "en", entries=Counts(reviewed=16), words=Counts(reviewed=465), publishable=True),
    make_row("director-biography", in_step=False, missing=1, extra=2, stale_reviews=1),
    make_row("ui", source=None, in_step=None),
)


def test_the_table_is_aligned_with_a_totals_row_per_language() -> None:
    text = table(SAMPLE)
    lines = text.splitlines()
    header = next(index for index, line in enumerate(lines) if line.startswith("document"))
    body = lines[header : header + 8]
    assert [line.split()[0] for line in body[1:]] == [
        "radici-fiorentine",
        "total",
        "director-biography",
        "festivals",
        "press-release",
        "ui",
        "total",
    ]
    # Right-aligned numbers end in the same column as their heading.
    for heading in ("entries", "% transl.", "% reviewed"):
        end = body[0].index(heading) + len(heading)
        for line in body[1:]:
            assert line[end - 1] in "0123456789%", (heading, line)
            assert line[end : end + 1] in ("", " ")
    assert re.search(r"^total\s+it\s+48\s+3\s+6\s+27\s+12\s+81\.2%\s+25\.0%\s+2/3\s+1/4$", text, re.MULTILINE)
    assert (
        "director-biography (it): catalogue out of step with content/director-biography.md (1 new in the source text, 2 gone from it)"
        in text
    )
    assert "director-biography (it): 1 review is stale" in text
    assert not ANSI.search(text)


def test_the_table_is_coloured_only_when_asked() -> None:
    coloured = table(SAMPLE, colour=True)
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == table(SAMPLE)


def test_the_table_counts_words_when_asked() -> None:
    text = table(SAMPLE, words=True)
    assert "counted in source words" in text
    assert re.search(r"^festivals\s+it\s+443\s", text, re.MULTILINE)


@pytest.mark.parametrize(
    ("isatty", "no_colour", "expected"),
    [
        pytest.param(True, None, True, id="terminal"),
        pytest.param(True, "1", False, id="no-color"),
        pytest.param(False, None, False, id="pipe"),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(
    monkeypatch: pytest.MonkeyPatch, isatty: bool, no_colour: str | None, expected: bool
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: isatty, raising=False)
    if no_colour is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_colour)
    assert options.wants_colour() is expected


def test_json_schema_is_stable() -> None:
    data = json.loads(to_json(SAMPLE))
    assert data == to_json_data(SAMPLE)
    assert list(data) == ["schema", "project", "publish_threshold", "documents", "totals"]
    assert data["schema"] == "i18ntool-coverage/1"
    document = next(item for item in data["documents"] if item["document"] == "press-release")
    assert list(document) == [
        "document",
        "language",
        "source",
        "catalogue",
        "catalogue_exists",
        "in_step",
        "missing",
        "extra",
        "entries",
        "words",
        "stale_reviews",
        "publishable",
    ]
    assert document["entries"] == {
        "total": 10,
        "untranslated": 1,
        "fuzzy": 2,
        "translated": 3,
        "reviewed": 4,
        "obsolete": 1,
        "percent_translated": 70.0,
        "percent_reviewed": 40.0,
    }
    assert list(data["totals"][1]) == [
        "language",
        "catalogues",
        "entries",
        "words",
        "stale_reviews",
        "in_step",
        "with_source",
        "publishable",
    ]
    ui = next(item for item in data["documents"] if item["document"] == "ui")
    assert ui["source"] is None and ui["in_step"] is None


def test_markdown_is_a_table_to_paste_into_a_pull_request() -> None:
    text = markdown(make_coverage(make_row("a|b"), make_row("plain", publishable=True), project="Kit *draft*"))
    lines = text.splitlines()
    assert lines[0] == "### Translation coverage: Kit \\*draft\\*"
    rows = [line for line in lines if line.startswith("|")]
    assert len({len(re.findall(r"(?<!\\)\|", line)) for line in rows}) == 1
    assert "| a\\|b | it | 10 |" in text
    assert "| **no** |" in text and "| yes |" in text
    assert rows[-1].startswith("| **Total** | **it** |")


def test_csv_has_a_line_per_document_and_language() -> None:
    lines = list(csv.DictReader(io.StringIO(to_csv(SAMPLE))))
    assert [(line["document"], line["language"]) for line in lines] == [
        ("radici-fiorentine", "en"),
        ("director-biography", "it"),
        ("festivals", "it"),
        ("press-release", "it"),
        ("ui", "it"),
    ]
    first = lines[1]
    assert (first["entries_total"], first["entries_percent_translated"], first["words_total"]) == ("10", "70.0", "100")
    assert (first["in_step"], first["publishable"], lines[-1]["in_step"], lines[-1]["source"]) == (
        "false",
        "false",
        "",
        "",
    )


@pytest.mark.parametrize(
    ("document", "cell"),
    [
        pytest.param('=HYPERLINK("http://x.example","y")', '\'=HYPERLINK("http://x.example","y")', id="formula"),
        pytest.param("+1-press", "'+1-press", id="plus"),
        pytest.param("@sum", "'@sum", id="at"),
        pytest.param("press-release", "press-release", id="plain-name-unchanged"),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_escaped(document: str, cell: str) -> None:
    lines = list(csv.DictReader(io.StringIO(to_csv(make_coverage(make_row(document))))))
    assert lines[0]["document"] == cell
    assert lines[0]["catalogue"].startswith("locales/")


class _Checker(HTMLParser):
    """Collects tags, checks that they nest, and records anything that would load from elsewhere."""

    VOID = frozenset({"meta", "col", "br", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.external: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") or (value and re.search(r"url\(|https?:", value)):
                self.external.append(f"{tag} {name}={value}")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_page_is_self_contained_and_escapes_everything() -> None:
    hostile = make_coverage(
        make_row("<script>alert(1)</script>", stale_reviews=2, in_step=False, missing=1),
        make_row('x" onmouseover="alert(2)'),
        project="<img src=x onerror=alert(3)> & Co",
    )
    page = to_html(hostile)
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    assert "script" not in checker.tags and "img" not in checker.tags
    assert checker.external == []
    assert "@import" not in page and "url(" not in page and "<link" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x onerror=alert(3)> & Co" in "".join(checker.text)


def test_the_html_bars_show_each_state_in_proportion() -> None:
    page = to_html(SAMPLE)
    bar = re.search(
        r'<div class="bar" role="img" aria-label="4 reviewed, 3 translated, 2 fuzzy, 1 untranslated">(.*?)</div>', page
    )
    assert bar is not None
    widths = [float(width) for width in re.findall(r"width:([0-9.]+)%", bar.group(1))]
    assert widths == [40.0, 30.0, 20.0, 10.0]
    assert "<h2>Italian (it)</h2>" in page and "<h2>English (en)</h2>" in page
    assert 'lang="en"' in page and '<meta charset="utf-8">' in page


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_renders_an_empty_coverage(output_format: str) -> None:
    text = render(make_coverage(), output_format)
    assert text.endswith("\n")
    if output_format == "json":
        assert json.loads(text)["documents"] == []


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_from_the_command_line(shipped_project: Path, output_format: str) -> None:
    result = CliRunner().invoke(
        cli.main,
        ["--project", str(shipped_project), "coverage", "--format", output_format],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert "press-release" in result.stdout
    assert not ANSI.search(result.stdout)
    assert result.stdout == render(_measure(shipped_project), output_format)


def _measure(project_dir: Path) -> Coverage:
    from i18ntool.coverage import measure
    from i18ntool.project import find_project
    from i18ntool.targets import select_targets

    project = find_project(project_dir)
    return measure(project, select_targets(project, glossary=False))
