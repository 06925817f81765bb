"""Coverage: honest counts against the current source, in step with msgfmt, and gates that bite."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from i18ntool.po.catalogue import Catalogue, Message

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.cli import main
from i18ntool.coverage import Counts, at_least, count_catalogue, measure, percent
from i18ntool.project import find_project
from i18ntool.po.states import State, review_of, state_of
from i18ntool.targets import select_targets
from i18ntool.markdown.words import count_words
from tests.conftest import REPOSITORY, profile, requires_gettext, snapshot

CATALOGUES = Path(__file__).parent / "catalogues" / "coverage"
AWARD = "russo-brothers-award"


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)


def coverage_json(project: Path, *arguments: str) -> dict[str, Any]:
    result = run(project, "coverage", "--format", "json", *arguments)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def row(data: dict[str, Any], document: str, language: str) -> dict[str, Any]:
    return next(item for item in data["documents"] if item["document"] == document and item["language"] == language)


def msgfmt_statistics(path: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) as ``msgfmt --statistics`` reports them."""
    result = subprocess.run(
        ["msgfmt", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""},
    )
    assert result.returncode == 0, result.stderr

    def number(label: str) -> int:
        match = re.search(rf"(\d+) {label}", result.stderr)
        return int(match.group(1)) if match else 0

    return number("translated message"), number("fuzzy translation"), number("untranslated message")


def as_msgfmt(counts: Counts) -> tuple[int, int, int]:
    return counts.done, counts.fuzzy, counts.untranslated


def complete(project: Path) -> None:
    """Translate every entry of every catalogue and clear every fuzzy flag."""
    for path in (project / "locales").glob("*/LC_MESSAGES/*.po"):
        catalogue = read_catalogue(path)
        messages = tuple(
            message if message.obsolete else message.replace(msgstr=message.msgstr or message.msgid, flags=())
            for message in catalogue.messages
        )
        write_catalogue(path, catalogue.replace(messages=messages))


# -- agreement with msgfmt ---------------------------------------------------------------------


@requires_gettext
@pytest.mark.parametrize(
    "path",
    [pytest.param(path, id=path.name) for path in sorted(CATALOGUES.glob("*.po"))]
    + [
        pytest.param(path, id=path.relative_to(REPOSITORY).as_posix())
        for path in sorted((REPOSITORY / "locales").glob("*/LC_MESSAGES/*.po"))
    ],
)
def test_counts_agree_with_msgfmt_statistics(path: Path) -> None:
    assert (
        subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True, check=False).returncode == 0
    )
    assert as_msgfmt(count_catalogue(read_catalogue(path))) == msgfmt_statistics(path)


def test_the_realistic_catalogues_hold_every_kind_of_entry() -> None:
    messages = [message for path in CATALOGUES.glob("*.po") for message in read_catalogue(path).messages]
    states = {state_of(message) for message in messages}
    assert states >= {State.UNTRANSLATED, State.FUZZY, State.TRANSLATED, State.OBSOLETE}
    assert any(message.msgid_plural and state_of(message) is State.FUZZY for message in messages)
    assert any(message.msgid_plural and message.obsolete for message in messages)
    assert any(message.fuzzy and not message.msgstr and message.msgid_plural is None for message in messages)
    assert any(
        message.msgid_plural and message.msgstr_plural[0] and not all(message.msgstr_plural) for message in messages
    )
    assert any(
        message.msgid_plural and not message.msgstr_plural[0] and any(message.msgstr_plural) for message in messages
    )


_texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
_messages = st.builds(
    lambda msgid, context, plural, forms, single, fuzzy, obsolete: Message(
        msgid=msgid,
        msgctxt=context,
        msgid_plural=f"{msgid} (plural)" if plural else None,
        msgstr_plural=tuple(forms) if plural else (),
        msgstr="" if plural else single,
        flags=("fuzzy",) if fuzzy else (),
        obsolete=obsolete,
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12),
    st.one_of(st.none(), st.sampled_from(["menu", "button"])),
    st.booleans(),
    st.lists(st.sampled_from(["", "x", "forma"]), min_size=3, max_size=3),
    _texts,
    st.booleans(),
    st.booleans(),
)


@requires_gettext
@settings(max_examples=profile(30, 600), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# msgfmt refuses an obsolete entry with the msgid of an active one, as a duplicate definition.
@given(st.lists(_messages, max_size=12, unique_by=lambda message: (message.msgctxt, message.msgid)))
def test_counts_agree_with_msgfmt_on_generated_catalogues(tmp_path: Path, messages: list[Message]) -> None:
    catalogue = Catalogue(
        header_fields=(
            ("Project-Id-Version", "generated"),
            ("Language", "pl"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("Plural-Forms", "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"),
        ),
        messages=tuple(messages),
    )
    path = tmp_path / "generated.po"
    path.unlink(missing_ok=True)
    write_catalogue(path, catalogue)
    assert as_msgfmt(count_catalogue(read_catalogue(path))) == msgfmt_statistics(path)


# -- the shipped kit -----------------------------------------------------------------------------


def test_coverage_json_on_the_shipped_kit_matches_the_catalogues(shipped_project: Path) -> None:
    data = coverage_json(shipped_project)
    assert data["schema"] == "i18ntool-coverage/1"
    catalogues = sorted(
        path for path in (shipped_project / "locales").glob("*/LC_MESSAGES/*.po") if path.stem != "glossary"
    )
    assert sorted(item["catalogue"] for item in data["documents"]) == [
        path.relative_to(shipped_project).as_posix() for path in catalogues
    ]
    for item in data["documents"]:
        path = shipped_project / item["catalogue"]
        catalogue = read_catalogue(path)
        active = [message for message in catalogue.messages if not message.obsolete]
        assert item["in_step"] is (True if item["source"] else None)
        assert item["missing"] == 0 and item["extra"] == 0
        entries = item["entries"]
        assert entries["total"] == len(active)
        assert entries["obsolete"] == len(catalogue.messages) - len(active)
        reviewed = [
            message
            for message in active
            if (review := review_of(message)) and review.current and state_of(message).done
        ]
        assert entries["reviewed"] == len(reviewed)
        assert entries["untranslated"] == sum(1 for message in active if not message.msgstr)
        assert entries["fuzzy"] == sum(1 for message in active if message.fuzzy and message.msgstr)
        assert entries["translated"] + entries["reviewed"] == sum(1 for m in active if m.msgstr and not m.fuzzy)
        assert item["stale_reviews"] == sum(
            1 for m in active if (r := review_of(m)) and not r.current and state_of(m).done
        )
        if item["source"] is not None:
            template = read_catalogue(shipped_project / "locales" / "templates" / f"{item['document']}.pot")
            assert item["words"]["total"] == sum(count_words(message.msgid) for message in template.messages)
        else:
            words = sum(count_words(m.msgid) + count_words(m.msgid_plural or "") for m in active)
            assert item["words"]["total"] == words
        assert item["publishable"] == (entries["untranslated"] + entries["fuzzy"] == 0)
    for total in data["totals"]:
        rows = [item for item in data["documents"] if item["language"] == total["language"]]
        for key in ("total", "untranslated", "fuzzy", "translated", "reviewed", "obsolete"):
            assert total["entries"][key] == sum(item["entries"][key] for item in rows)
            assert total["words"][key] == sum(item["words"][key] for item in rows)


@requires_gettext
def test_coverage_on_the_shipped_kit_agrees_with_msgfmt(shipped_project: Path) -> None:
    for item in coverage_json(shipped_project)["documents"]:
        entries = item["entries"]
        expected = msgfmt_statistics(shipped_project / item["catalogue"])
        assert (entries["translated"] + entries["reviewed"], entries["fuzzy"], entries["untranslated"]) == expected


def test_a_paragraph_added_without_update_lowers_the_percentage(project_dir: Path) -> None:
    complete(project_dir)
    before = row(coverage_json(project_dir), AWARD, "it")
    assert before["entries"]["percent_translated"] == 100.0 and before["in_step"] is True
    source = project_dir / "content" / f"{AWARD}.md"
    source.write_text(
        source.read_text(encoding="utf-8") + "\nA closing paragraph about the [gala](https://www.niaf.org/).\n",
        encoding="utf-8",
    )
    after = row(coverage_json(project_dir), AWARD, "it")
    assert after["in_step"] is False and after["missing"] == 1 and after["extra"] == 0
    assert after["entries"]["total"] == before["entries"]["total"] + 1
    assert after["entries"]["untranslated"] == 1
    assert after["words"]["untranslated"] == 6
    assert after["entries"]["percent_translated"] < 100.0 and after["publishable"] is False
    table = run(project_dir, "coverage", AWARD).output
    assert f"catalogue out of step with content/{AWARD}.md (1 new in the source text); run `i18ntool update`" in table
    assert run(project_dir, "coverage", "--fail-under", "100").exit_code == 1
    assert run(project_dir, "update").exit_code == 0
    updated = row(coverage_json(project_dir), AWARD, "it")
    assert updated["in_step"] is True and updated["entries"] == after["entries"]


def test_a_paragraph_removed_without_update_is_no_longer_counted(project_dir: Path) -> None:
    source = project_dir / "content" / f"{AWARD}.md"
    text = source.read_text(encoding="utf-8")
    paragraph = next(block for block in text.split("\n\n") if block.startswith("The award was presented"))
    source.write_text(text.replace(paragraph + "\n\n", ""), encoding="utf-8")
    before = row(coverage_json(project_dir, "--locale", "it"), AWARD, "it")
    assert before["in_step"] is False and before["extra"] == 1 and before["missing"] == 0
    assert run(project_dir, "update").exit_code == 0
    after = row(coverage_json(project_dir), AWARD, "it")
    assert after["in_step"] is True
    assert after["entries"]["obsolete"] == 1
    assert {key: value for key, value in after["entries"].items() if key != "obsolete"} == {
        key: value for key, value in before["entries"].items() if key != "obsolete"
    }


def test_catalogues_with_no_document_are_counted_from_their_entries(project_dir: Path) -> None:
    config = project_dir / "pyproject.toml"
    config.write_text(config.read_text().replace('languages = ["en", "it"]', 'languages = ["en", "it", "de"]'))
    (project_dir / "locales" / "de" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(CATALOGUES / "ui-de.po", project_dir / "locales" / "de" / "LC_MESSAGES" / "site.po")
    shutil.copy(CATALOGUES / "glossary-it.po", project_dir / "locales" / "it" / "LC_MESSAGES" / "glossary.po")
    data = coverage_json(project_dir)
    ui = row(data, "site", "de")
    assert ui["source"] is None and ui["in_step"] is None
    expected = count_catalogue(read_catalogue(CATALOGUES / "ui-de.po"))
    assert (
        ui["entries"]["translated"],
        ui["entries"]["fuzzy"],
        ui["entries"]["untranslated"],
        ui["entries"]["obsolete"],
    ) == (expected.translated, expected.fuzzy, expected.untranslated, expected.obsolete)
    assert all(item["document"] != "glossary" for item in data["documents"])  # terms, not text to publish
    assert row(coverage_json(project_dir, "glossary"), "glossary", "it")["entries"]["total"] == 5
    missing = row(data, "press-release", "de")
    assert missing["catalogue_exists"] is False and missing["in_step"] is False
    assert missing["entries"]["untranslated"] == missing["entries"]["total"] > 0
    only_site = coverage_json(project_dir, "site")
    assert [(item["document"], item["language"]) for item in only_site["documents"]] == [("site", "de")]
    table = run(project_dir, "coverage", "--locale", "de").output
    assert "no catalogue locales/de/LC_MESSAGES/press-release.po yet" in table


def test_documents_and_locales_filter_the_rows(shipped_project: Path) -> None:
    data = coverage_json(shipped_project, "press-release", f"content/{AWARD}.md", "radici-fiorentine")
    assert [(item["document"], item["language"]) for item in data["documents"]] == [
        ("radici-fiorentine", "en"),
        ("press-release", "it"),
        (AWARD, "it"),
    ]
    assert [total["language"] for total in coverage_json(shipped_project, "--locale", "it")["totals"]] == ["it"]
    assert coverage_json(shipped_project, "--locale", "en", "press-release")["documents"] == []


# -- gates ---------------------------------------------------------------------------------------


def test_fail_under_100_fails_on_one_fuzzy_entry_and_passes_when_it_is_fixed(project_dir: Path) -> None:
    complete(project_dir)
    assert run(project_dir, "coverage", "--fail-under", "100").exit_code == 0
    path = project_dir / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    text = path.read_text(encoding="utf-8")
    marked = text.replace(
        "#: content/russo-brothers-award.md:10\n", "#: content/russo-brothers-award.md:10\n#, fuzzy\n", 1
    )
    assert marked != text
    path.write_text(marked, encoding="utf-8")
    result = run(project_dir, "coverage", "--fail-under", "100")
    assert result.exit_code == 1
    assert f"i18ntool: {AWARD} (it): 96.2% translated (26 of 27 entries), under 100%" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    path.write_text(text, encoding="utf-8")  # the translator clears the flag
    assert run(project_dir, "coverage", "--fail-under", "100").exit_code == 0


def test_gates_on_reviews_and_on_words(project_dir: Path) -> None:
    complete(project_dir)
    result = run(project_dir, "coverage", "--fail-under-reviewed", "50", "--locale", "it")
    reviewed = {
        item["document"]: item["entries"]["percent_reviewed"]
        for item in coverage_json(project_dir, "--locale", "it")["documents"]
    }
    under = sorted(document for document, value in reviewed.items() if value < 50)
    assert (result.exit_code == 1) == bool(under)
    for document in under:
        assert f"{document} (it): " in result.stderr and "reviewed" in result.stderr
    path = project_dir / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    catalogue = read_catalogue(path)
    short = next(message for message in catalogue.messages if message.msgid == "Grant")
    write_catalogue(
        path,
        catalogue.replace(
            messages=tuple(
                message.replace(msgstr="") if message is short else message for message in catalogue.messages
            )
        ),
    )
    words = row(coverage_json(project_dir), AWARD, "it")["words"]
    assert words["untranslated"] == 1
    assert run(project_dir, "coverage", AWARD, "--fail-under", "99", "--words").exit_code == 0
    by_entries = run(project_dir, "coverage", AWARD, "--fail-under", "99")
    assert by_entries.exit_code == 1 and "of 27 entries" in by_entries.stderr
    by_words = run(project_dir, "coverage", AWARD, "--fail-under", "100", "--words")
    assert by_words.exit_code == 1 and "source words), under 100%" in by_words.stderr


@pytest.mark.parametrize("value", ["-1", "101", "lots"])
def test_a_gate_must_be_a_percentage(shipped_project: Path, value: str) -> None:
    result = run(shipped_project, "coverage", "--fail-under", value)
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("part", "whole", "shown", "threshold", "passes"),
    [
        pytest.param(0, 0, 100.0, 100, True, id="nothing-to-translate"),
        pytest.param(1999, 2000, 99.9, 100, False, id="never-rounds-up-to-100"),
        pytest.param(2, 3, 66.6, 66.6, True, id="floor"),
        pytest.param(1, 3, 33.3, 33.4, False, id="exact-comparison"),
        pytest.param(19, 20, 95.0, 95, True, id="at-the-bar"),
    ],
)
def test_percent_rounds_down_and_gates_compare_exact_counts(
    part: int, whole: int, shown: float, threshold: float, passes: bool
) -> None:
    assert percent(part, whole) == shown
    assert at_least(part, whole, threshold) is passes


# -- input errors ------------------------------------------------------------------------------


def break_catalogue(project: Path) -> None:
    path = project / "locales" / "it" / "LC_MESSAGES" / f"{AWARD}.po"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[24] = 'msgstr "unterminated\n'
    path.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("command", ["coverage", "todo"])
@pytest.mark.parametrize(
    ("damage", "arguments", "message"),
    [
        pytest.param(
            break_catalogue, [], f"locales/it/LC_MESSAGES/{AWARD}.po:25: unterminated string", id="malformed-catalogue"
        ),
        pytest.param(
            lambda p: None,
            ["no-such-text"],
            "content/no-such-text.md: no such source text, and no catalogue named 'no-such-text'; choose from",
            id="unknown-document",
        ),
        pytest.param(
            lambda p: None, ["content/nothing.md"], "content/nothing.md: no such source text", id="unknown-path"
        ),
        pytest.param(lambda p: None, ["../../etc/passwd"], "unsafe document id '../../etc/passwd'", id="unsafe-id"),
        pytest.param(lambda p: None, ["/etc/passwd"], "unsafe document id '/etc/passwd'", id="absolute-id"),
        pytest.param(
            lambda p: None,
            ["--locale", "xx"],
            "'xx' is not a language of this project; choose from en, it",
            id="unknown-locale",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(
    project_dir: Path, command: str, damage: Any, arguments: list[str], message: str
) -> None:
    damage(project_dir)
    before = snapshot(project_dir)
    result = run(project_dir, command, *arguments)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""
    assert snapshot(project_dir) == before


def test_measure_is_a_value_the_reports_can_share(shipped_project: Path) -> None:
    project = find_project(shipped_project)
    first = measure(project, select_targets(project))
    assert first == measure(project, select_targets(project))
    assert {row.language for row in first.rows} == {"en", "it"}
