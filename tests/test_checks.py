"""`i18ntool check` end to end, on copies of the shipped press kit."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from i18ntool.po.catalogue import Message

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.cli import main
from i18ntool.checks.findings import CHECKS, select_codes
from tests.conftest import REPOSITORY, snapshot

CATALOGUES = Path(__file__).parent / "catalogues"
BROKEN = sorted((CATALOGUES / "broken").glob("*.po"))
INVALID = sorted((CATALOGUES / "invalid").glob("*.po"))
FINDING = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+): (?P<code>[A-Z]+\d+) (?P<message>.+)$")


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), "check", *arguments], catch_exceptions=False)


def po(project: Path, language: str, domain: str) -> Path:
    return project / "locales" / language / "LC_MESSAGES" / f"{domain}.po"


def findings(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if FINDING.match(line)]


def without_line(finding: str) -> str:
    return re.sub(r"^([^\s:]+):\d+:", r"\1:N:", finding)


def add_glossaries(project: Path) -> None:
    for language in ("it", "en"):
        shutil.copy(CATALOGUES / "glossary" / f"{language}.po", po(project, language, "glossary"))


# -- damages: one per check, each giving the example of the check in findings.py and the README


def translate(language: str, domain: str, old: str, new: str) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        path = po(project, language, domain)
        catalogue = read_catalogue(path)
        for index, message in enumerate(catalogue.messages):
            if not message.obsolete and old in message.msgstr:
                messages = list(catalogue.messages)
                messages[index] = message.replace(msgstr=message.msgstr.replace(old, new, 1))
                write_catalogue(path, catalogue.replace(messages=tuple(messages)))
                return
        raise AssertionError(f"{old!r} is in no translation of {path}")

    return damage


def header(language: str, domain: str, field: str, value: str | None) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        path = po(project, language, domain)
        catalogue = read_catalogue(path)
        fields = tuple(
            (key, value if key == field else old)
            for key, old in catalogue.header_fields
            if value is not None or key != field
        )
        write_catalogue(path, catalogue.replace(header_fields=fields))

    return damage


def append(language: str, domain: str, message: Message) -> Callable[[Path], None]:
    def damage(project: Path) -> None:
        path = po(project, language, domain)
        catalogue = read_catalogue(path)
        write_catalogue(path, catalogue.replace(messages=(*catalogue.messages, message)))

    return damage


def no_header(project: Path) -> None:
    path = po(project, "en", "radici-fiorentine")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[text.index("\n\n") + 2 :], encoding="utf-8")


def windows_1252(project: Path) -> None:
    path = po(project, "it", "director-biography")
    path.write_bytes(path.read_text(encoding="utf-8").replace("charset=UTF-8", "charset=windows-1252").encode("cp1252"))


DAMAGES: dict[str, Callable[[Path], None]] = {
    "PO101": no_header,
    "PO102": header("it", "historical-background", "Content-Type", "text/plain; charset=CHARSET"),
    "PO103": windows_1252,
    "PO104": header("it", "historical-background", "Language", "en"),
    "PO105": header("it", "historical-background", "Plural-Forms", "nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);"),
    "PO106": header("it", "historical-background", "MIME-Version", None),
    "PO201": append(
        "it",
        "ui",
        Message(
            msgid="one guest",
            msgid_plural="%d guests",
            msgstr_plural=("un invitato", "%d invitati", "%d invitati"),
            flags=("c-format",),
        ),
    ),
    "PO202": append("it", "ui", Message(msgid="Press contact\n", msgstr="Contatti per la stampa")),
    "PO203": translate("it", "ui", "%(date)s", "%(data)s"),
    "MD101": translate("it", "festivals", "(https://www.newfilmmakersla.com/)", "(https://newfilmmakersla.com/)"),
    "MD102": translate("it", "festivals", "su YouTube", "su `YouTube`"),
    "MD103": translate("it", "historical-background", "su YouTube.", "su YouTube. ![Locandina](poster.jpg)"),
    "MD104": translate(
        "it", "festivals", "**NewFilmmakers Los Angeles (NFMLA):**", "NewFilmmakers Los Angeles (NFMLA):"
    ),
    "MD105": translate("it", "press-release", "*Leaving the Factory* è", "*Leaving the Factory è"),
    "MD106": translate("it", "director-biography", "è nata e cresciuta in città,", "è nata e cresciuta in città,<br>"),
    "MD107": translate(
        "it", "festivals", "**ETHOS International Film Festival:**", "- **ETHOS International Film Festival:**"
    ),
    "MD108": translate(
        "it", "russo-brothers-award", "Videomessaggio di Anthony e Joe Russo", "Videomessaggio | Anthony e Joe Russo"
    ),
    "NUM101": translate("it", "festivals", ", con un contributo di 8.000 dollari", ""),
    "NUM102": translate("it", "historical-background", "Nel 1911", "Il 25 marzo 1911"),
    "NUM103": translate("it", "russo-brothers-award", "8.000 dollari durante", "8.500 dollari durante"),
    "NUM104": translate("it", "russo-brothers-award", "circa 1.000 invitati.", "circa 1,000 invitati."),
    "KEEP101": translate(
        "it", "festivals", "agli account @alessia.cruci e @producedbyalessia", "all’account @producedbyalessia"
    ),
    "KEEP102": translate("en", "annuncio-proiezione", "@producedbyalessia", "@producedbyalessia (and @alessiacruci)"),
    "GL101": translate("it", "press-release", "Roberta Sparta", "Roberta Sparti"),
    "GL102": translate("it", "press-release", "Il cortometraggio premiato", "Il corto premiato"),
    "GL103": translate("it", "director-biography", "il cortometraggio *D-Day", "lo short film *D-Day"),
    "GL104": translate("it", "glossary", "Leaving the Factory", "Lasciare la fabbrica"),
    "TYPO101": translate("it", "historical-background", "Perché l’8 marzo", "Perché il 8 marzo"),
    "TYPO102": translate("it", "press-release", "nell’edificio", "nell'edificio"),
    "TYPO103": append("it", "ui", Message(msgid="Translated: 80%", msgstr="Tradotto: 80 %")),
}


def damage_all(project: Path) -> None:
    add_glossaries(project)
    # Re-encoding goes last: a damage written after it would make the file UTF-8 again.
    for _, damage in sorted(DAMAGES.items(), key=lambda item: item[0] == "PO103"):
        damage(project)


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """A copy of the press kit with one damage per check, and what `check` says of it."""
    project = copy_of_the_kit(tmp_path_factory.mktemp("damaged"))
    damage_all(project)
    return project, run(project)


def test_every_check_has_a_damage() -> None:
    assert sorted(DAMAGES) == sorted(CHECKS)


@pytest.mark.parametrize("code", list(CHECKS))
def test_each_check_fails_on_its_damage_with_its_example(damaged: tuple[Path, Result], code: str) -> None:
    _, result = damaged
    assert result.exit_code == 1
    lines = [without_line(line) for line in findings(result)]
    assert without_line(CHECKS[code].example) in lines, "\n".join(line for line in lines if f" {code} " in line)


def copy_of_the_kit(folder: Path) -> Path:
    shutil.copy(REPOSITORY / "pyproject.toml", folder / "pyproject.toml")
    for name in ("content", "locales"):
        shutil.copytree(REPOSITORY / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def with_glossaries(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The findings on the press kit with the test glossaries: warnings only."""
    project = copy_of_the_kit(tmp_path_factory.mktemp("glossaries"))
    add_glossaries(project)
    return findings(run(project))


@pytest.mark.parametrize("code", list(CHECKS))
def test_each_check_damage_alone_gives_only_that_code(project_dir: Path, code: str, with_glossaries: list[str]) -> None:
    """On its own, each damage is found by its own check (GL damages need the test glossaries;
    the other checks run without the glossary's, so that a glossary shipped with the kit
    does not count)."""
    before, arguments = set[str](), ["--ignore", "GL"]
    if code.startswith("GL"):
        add_glossaries(project_dir)
        before, arguments = {without_line(line) for line in with_glossaries}, []
    DAMAGES[code](project_dir)
    result = run(project_dir, *arguments)
    new = [line for line in findings(result) if without_line(line) not in before]
    assert {FINDING.match(line)["code"] for line in new} == {code}, new  # type: ignore[index]
    assert result.exit_code == (1 if CHECKS[code].severity.value == "error" else 0)


def test_the_shipped_press_kit_passes(shipped_project: Path) -> None:
    before = snapshot(shipped_project)
    result = run(shipped_project)
    assert result.exit_code == 0, result.output
    assert re.search(r"^0 errors, \d+ warnings? in \d+ catalogue\(s\)\.$", result.output, re.MULTILINE)
    # Glossary warnings aside (a term translated otherwise), nothing at all.
    assert findings(run(shipped_project, "--ignore", "GL")) == []
    assert snapshot(shipped_project) == before


def test_the_shipped_press_kit_with_the_glossaries_has_no_errors(with_glossaries: list[str]) -> None:
    assert all(CHECKS[FINDING.match(line)["code"]].severity.value == "warning" for line in with_glossaries)  # type: ignore[index]


def test_a_changed_figure_is_caught(project_dir: Path) -> None:
    translate(
        "it", "russo-brothers-award", "un contributo di 8.000 dollari durante", "un contributo di 8.500 dollari durante"
    )(project_dir)
    result = run(project_dir, "--ignore", "GL")
    assert result.exit_code == 1
    assert [without_line(line) for line in findings(result)] == [
        "locales/it/LC_MESSAGES/russo-brothers-award.po:N: NUM103 figure 8.500 dollari differs from the source's "
        "$8,000 (8.000 in Italian)"
    ]


VERSIONS = """---
lang: en
title: "Requirements"
---

# Requirements

- Python 3.10+
- Django 5.2
- requests 2.4.1
- Doors open at 10:30 on 2024-01-28.

Section 3.2.1 of RFC 9110 applies (see #1234). Screens of 1920x1080 or more; Python 3.10, 3.11,
3.12 and 3.13 are tested. For example: 2.0, 2.1, 2.2 (LTS), 3.0.
"""


def translate_as_itself(project: Path, domain: str) -> None:
    path = po(project, "it", domain)
    catalogue = read_catalogue(path)
    messages = tuple(
        message.replace(msgstr=message.msgid) if message.msgid else message for message in catalogue.messages
    )
    write_catalogue(path, catalogue.replace(messages=messages))


def test_a_document_of_versions_times_and_codes_translated_as_itself_has_no_figure_finding(project_dir: Path) -> None:
    (project_dir / "content" / "requirements.md").write_text(VERSIONS, encoding="utf-8")
    assert CliRunner().invoke(main, ["--project", str(project_dir), "update"]).exit_code == 0
    translate_as_itself(project_dir, "requirements")
    result = run(project_dir, "--select", "NUM")
    assert (result.exit_code, findings(result)) == (0, [])
    translate("it", "requirements", "requests 2.4.1", "requests 2.4.2")(project_dir)
    changed = "locales/it/LC_MESSAGES/requirements.po:34: NUM103 figure 2.4.2 differs from the source's 2.4.1; keep it as written"
    assert findings(run(project_dir, "--select", "NUM")) == [changed]
    assert changed in (REPOSITORY / "README.md").read_text(encoding="utf-8")  # the README's example


@pytest.mark.parametrize(
    "written",
    ["8.000 dollari", "8000 dollari", "USD 8.000", "8.000 $", "8.000 dollari statunitensi", "8 mila dollari"],
)
def test_italian_ways_of_writing_the_amount_are_not_findings(project_dir: Path, written: str) -> None:
    translate("it", "russo-brothers-award", "8.000 dollari durante", f"{written} durante")(project_dir)
    assert findings(run(project_dir, "--ignore", "GL")) == []


def test_a_front_matter_title_keeps_its_emphasis_and_opens_no_block(project_dir: Path) -> None:
    """The film's title is in italics in a front-matter title too (it shows in the page's
    headings), so a translation that drops the emphasis is a finding; the value is only ever
    read inline, so a leading "- " is none."""
    translate("it", "press-release", "*Leaving the Factory*: un", "Leaving the Factory: un")(project_dir)
    line = next(
        m.line
        for m in read_catalogue(po(project_dir, "it", "press-release")).messages
        if "front matter: title" in m.extracted_comments
    )
    assert findings(run(project_dir, "--ignore", "GL")) == [
        f"locales/it/LC_MESSAGES/press-release.po:{line}: MD104 emphasis: 1 in the source, 0 here"
    ]
    translate("it", "press-release", "Leaving the Factory: un", "- *Leaving the Factory*: un")(project_dir)
    assert findings(run(project_dir, "--ignore", "GL")) == []


def test_italian_to_english_is_checked_with_the_document_language_as_source(project_dir: Path) -> None:
    translate("en", "annuncio-proiezione", "receiving a grant of $8,000", "receiving a grant of 8.000 dollars")(
        project_dir
    )
    result = run(project_dir, "--ignore", "GL")
    assert [without_line(line) for line in findings(result)] == [
        "locales/en/LC_MESSAGES/annuncio-proiezione.po:N: NUM104 8.000 dollars reads as 8 in English; "
        "the source's 8.000 dollari is written 8,000"
    ]


def test_the_typography_check_finds_an_unelided_article_in_an_italian_translation(project_dir: Path) -> None:
    translate("it", "historical-background", "Perché l’8 marzo", "Perché il 8 marzo")(project_dir)
    result = run(project_dir, "--ignore", "GL")
    assert result.exit_code == 0  # a warning
    assert [without_line(line) for line in findings(result)] == [
        'locales/it/LC_MESSAGES/historical-background.po:N: TYPO101 "il 8 marzo": the article elides before a number '
        'read with a vowel; write "l’8 marzo"'
    ]


def test_a_catalogue_written_with_straight_apostrophes_throughout_is_consistent(project_dir: Path) -> None:
    path = po(project_dir, "it", "press-release")
    catalogue = read_catalogue(path)
    straight = [message.replace(msgstr=message.msgstr.replace("’", "'")) for message in catalogue.messages]
    write_catalogue(path, catalogue.replace(messages=tuple(straight)))
    assert findings(run(project_dir, "--select", "TYPO")) == []
    translate("it", "press-release", "nell'edificio", "nell’edificio")(
        project_dir
    )  # now one typographic among straight ones
    assert findings(run(project_dir, "--select", "TYPO")) == []


def test_code_link_titles_and_other_languages_are_not_typography(project_dir: Path) -> None:
    translate("it", "festivals", "(https://alessiacruci.com)", '(https://alessiacruci.com "Il sito dell\'autrice")')(
        project_dir
    )
    translate("it", "historical-background", "Perché l’8 marzo", "Perché `il 8` marzo")(project_dir)
    append("en", "ui", Message(msgid="Translated: 80%", msgstr="Translated: 80 %"))(project_dir)
    translate("en", "annuncio-proiezione", "@producedbyalessia", '@producedbyalessia\'s page, "il 8"')(project_dir)
    assert findings(run(project_dir, "--select", "TYPO")) == []


@pytest.mark.parametrize("path", BROKEN, ids=[path.stem for path in BROKEN])
def test_an_unreadable_catalogue_is_exit_2_with_file_and_line(project_dir: Path, path: Path) -> None:
    expected = re.match(rb"# expect: (\d+): (.*)", path.read_bytes())
    assert expected
    shutil.copy(path, po(project_dir, "it", path.stem))
    before = snapshot(project_dir)
    result = CliRunner().invoke(main, ["--project", str(project_dir), "check"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.output.startswith(f"i18ntool: locales/it/LC_MESSAGES/{path.name}:{expected.group(1).decode()}: ")
    assert expected.group(2).decode() in result.output
    assert re.search(r"; |needs ", result.output), "the message must say what to fix"
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert snapshot(project_dir) == before


@pytest.mark.parametrize("path", INVALID, ids=[path.stem for path in INVALID])
def test_a_readable_but_invalid_catalogue_gives_findings_with_file_and_line(project_dir: Path, path: Path) -> None:
    shutil.copy(path, po(project_dir, "it", path.stem))
    before = snapshot(project_dir)
    result = run(project_dir)
    name = f"locales/it/LC_MESSAGES/{path.name}"
    for line, code, fragment in re.findall(
        r"^# expect: (\d+): (\w+) (.*)$", path.read_bytes().decode("latin-1"), re.MULTILINE
    ):
        assert any(f.startswith(f"{name}:{line}: {code} ") and fragment in f for f in findings(result)), result.output
    errors = any(CHECKS[FINDING.match(f)["code"]].severity.value == "error" for f in findings(result))  # type: ignore[index]
    assert result.exit_code == (1 if errors else 0)
    assert snapshot(project_dir) == before


def test_json_output(damaged: tuple[Path, Result]) -> None:
    project, text = damaged
    result = run(project, "--format", "json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert set(data) == {"schema", "findings", "errors", "warnings", "catalogues"}
    assert data["schema"] == "i18ntool-check/1"
    assert len(data["findings"]) == len(findings(text)) == data["errors"] + data["warnings"]
    first = data["findings"][0]
    assert set(first) == {"path", "line", "code", "severity", "message"}
    assert [f"{f['path']}:{f['line']}: {f['code']} {f['message']}" for f in data["findings"]] == findings(text)


def test_findings_come_in_a_stable_order(damaged: tuple[Path, Result]) -> None:
    project, first = damaged
    lines = findings(first)
    keys = [(m["path"], int(m["line"]), m["code"], m["message"]) for m in map(FINDING.match, lines) if m]
    assert keys == sorted(keys)
    assert findings(run(project)) == lines


def test_select_and_ignore(damaged: tuple[Path, Result]) -> None:
    project, _ = damaged
    only_figures = findings(run(project, "--select", "NUM"))
    assert only_figures and all(" NUM" in line for line in only_figures)
    assert {line.split()[1] for line in findings(run(project, "--select", "MD101,PO1", "--ignore", "PO106"))} == {
        "MD101",
        "PO101",
        "PO102",
        "PO103",
        "PO104",
        "PO105",
    }
    result = run(project, "--select", "GL", "--ignore", "GL101,GL103")
    assert result.exit_code == 0  # only warnings left
    assert re.search(r"^0 errors, [1-9]\d* warnings? in \d+ catalogue\(s\)\.$", result.output, re.MULTILINE)


def test_strict_fails_on_warnings(project_dir: Path) -> None:
    add_glossaries(project_dir)
    assert run(project_dir).exit_code == 0
    result = run(project_dir, "--strict")
    assert result.exit_code == 1 and findings(result)


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_code_is_a_one_line_usage_error(shipped_project: Path, option: str) -> None:
    result = run(shipped_project, option, "NUM999")
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"i18ntool: '{option}': 'NUM999' is not a check code; codes start with GL, KEEP, MD, NUM, PO, TYPO "
        "(see `i18ntool check --list-checks`)"
    )


def test_documents_and_locales_narrow_the_run(damaged: tuple[Path, Result]) -> None:
    project, _ = damaged
    for arguments in (["russo-brothers-award"], ["content/russo-brothers-award.md"]):
        paths = {line.split(":")[0] for line in findings(run(project, *arguments))}
        assert paths == {"locales/it/LC_MESSAGES/russo-brothers-award.po"}
    paths = {line.split(":")[0] for line in findings(run(project, "--locale", "en"))}
    assert paths and all(path.startswith("locales/en/") for path in paths)
    result = run(project, "no-such-text")
    assert result.exit_code == 2 and "no such source text" in result.output


def test_list_checks_names_every_check() -> None:
    result = CliRunner().invoke(main, ["check", "--list-checks"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == list(CHECKS)


def test_localised_link_prefixes_come_from_the_settings(project_dir: Path) -> None:
    translate("it", "festivals", "(https://www.newfilmmakersla.com/)", "(https://www.newfilmmakersla.com/it/)")(
        project_dir
    )
    assert [line.split()[1] for line in findings(run(project_dir, "--ignore", "GL"))] == ["MD101"]
    config = project_dir / "pyproject.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + 'localised-links = [{ en = "https://www.newfilmmakersla.com/", it = "https://www.newfilmmakersla.com/it/" }]\n',
        encoding="utf-8",
    )
    assert findings(run(project_dir, "--ignore", "GL")) == []


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        pytest.param('"/press/"', "must be a list of tables", id="not-a-list"),
        pytest.param('[{ en = "/press/" }]', "two or more languages", id="one-language"),
        pytest.param(
            '[{ en = "/press/", fr = "/fr/press/" }]',
            "names 'fr', which is not one of the languages",
            id="unknown-language",
        ),
        pytest.param('[{ en = "/press/", it = "" }]', "must be a non-empty string", id="empty-prefix"),
    ],
)
def test_bad_localised_links_are_a_settings_error_with_its_line(project_dir: Path, setting: str, message: str) -> None:
    config = project_dir / "pyproject.toml"
    text = config.read_text(encoding="utf-8") + f"localised-links = {setting}\n"
    config.write_text(text, encoding="utf-8")
    result = run(project_dir)
    assert result.exit_code == 2
    assert f"pyproject.toml:{text.count(chr(10))}: " in result.output and message in result.output


def test_select_codes_takes_prefixes() -> None:
    assert select_codes(["num"]) == {"NUM101", "NUM102", "NUM103", "NUM104"}
    assert select_codes([], ["PO", "MD", "NUM", "KEEP", "TYPO"]) == {"GL101", "GL102", "GL103", "GL104"}
    assert select_codes(["typo"]) == {"TYPO101", "TYPO102", "TYPO103"}
    with pytest.raises(ValueError, match="'XX' is not a check code"):
        select_codes(["XX"])


def test_the_readme_lists_every_check_with_its_real_example() -> None:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    for code, check in CHECKS.items():
        row = next((line for line in readme.splitlines() if line.startswith(f"| {code} |")), None)
        assert row is not None, f"{code} is not in the README's table"
        assert check.severity.value in row and check.description.replace("|", "\\|") in row
        assert check.example in readme, f"the README lacks {code}'s example"


def test_the_pre_commit_hooks_run_check_and_coverage() -> None:
    hooks = {
        hook["id"]: hook for hook in yaml.safe_load((REPOSITORY / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    assert hooks["i18ntool-check"]["entry"] == "i18ntool check"
    assert hooks["i18ntool-coverage"]["entry"].startswith("i18ntool coverage")
    assert any(
        "--fail-under" in argument
        for argument in hooks["i18ntool-coverage"].get("args", []) + hooks["i18ntool-coverage"]["entry"].split()
    )
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        assert re.search(hook["files"], "locales/it/LC_MESSAGES/press-release.po")
        assert re.search(hook["files"], "content/press-release.md")


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        pytest.param("Comunicati stampa", "Comunicati stampa *", "MD105", id="asterisk-is-no-emphasis"),
        pytest.param("Link", "- Link -", "MD107", id="dash-opens-no-list"),
        pytest.param("Lingue", "<Lingue>", "MD106", id="angle-brackets-are-no-html"),
    ],
)
def test_the_pages_words_get_no_markdown_checks(project_dir: Path, old: str, new: str, code: str) -> None:
    """The `ui` catalogue holds format strings, not Markdown: what a Markdown check would find
    in a document's catalogue is no finding there, while the checks that fit still run."""
    translate("it", "ui", old, new)(project_dir)
    assert run(project_dir, "ui").output.startswith("0 errors, 0 warnings")
    # The same translation in a document's catalogue is a Markdown finding.
    festivals = po(project_dir, "it", "festivals")
    catalogue = read_catalogue(festivals)
    write_catalogue(
        festivals,
        catalogue.replace(
            messages=tuple(
                message.replace(msgstr=new) if "heading 2" in message.extracted_comments else message
                for message in catalogue.messages
            )
        ),
    )
    assert code in {line.split()[1] for line in findings(run(project_dir, "festivals"))}
    # Validity and the other checks that fit a catalogue of strings still apply to `ui`.
    translate("it", "ui", "%(date)s", "%(data)s 1.000")(project_dir)
    codes = {line.split()[1] for line in findings(run(project_dir, "ui"))}
    assert codes == {"PO203", "NUM102"}


def test_the_readme_shows_the_real_json_of_check(damaged: tuple[Path, Result]) -> None:
    """The README's `check --format json` block is the output of its command on the damaged kit."""
    project, _ = damaged
    command = "i18ntool check --format json --select MD101,NUM101 festivals"
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    shown = readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    result = run(project, *command.split()[2:])
    assert result.exit_code == 1
    assert result.output == shown
