"""`export --format xliff` and `import`, end to end on copies of the shipped press kit."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from i18ntool.cli import main
from i18ntool.exchange.inline_codes import decode, encode, plain_text
from i18ntool.exchange.units import unit_id
from i18ntool.po.catalogue import Message
from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.states import State, figures_carried, review_of, state_of
from tests.conftest import snapshot

VERSIONS = ["2.1", "1.2"]
RADICI = "locales/en/LC_MESSAGES/radici-fiorentine.po"  # the one catalogue with every state
PRESS = "locales/it/LC_MESSAGES/press-release.po"


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)


def export(project: Path, version: str, *arguments: str) -> dict[str, Path]:
    result = run(project, "export", "--xliff-version", version, *arguments)
    assert result.exit_code == 0, result.output
    return {path.name: path for path in sorted((project / "build" / "xliff").glob("*.xlf"))}


def entries(project: Path, catalogue: str) -> list[Message]:
    return [message for message in read_catalogue(project / catalogue).messages if not message.obsolete]


def entry(project: Path, catalogue: str, state: State) -> Message:
    """An entry in ``state``, one with no inline Markdown where there is one (a target set to
    plain text keeps its codes)."""
    found = [message for message in entries(project, catalogue) if state_of(message) is state]
    return next((message for message in found if not encode(message.msgid).codes), found[0])


def edit_unit(path: Path, identifier: str, change: Callable[[str], str]) -> None:
    """Apply ``change`` to the text of one unit (2.1 ``<unit>``, 1.2 ``<trans-unit>``) of a file."""
    text = path.read_text(encoding="utf-8")
    match = re.search(rf'<(unit|trans-unit) id="{identifier}".*?</\1>', text, re.DOTALL)
    assert match is not None, identifier
    changed = change(match.group())
    assert changed != match.group()
    path.write_text(text[: match.start()] + changed + text[match.end() :], encoding="utf-8")


def set_target(version: str, translation: str) -> Callable[[str], str]:
    """A change of a unit's target to plain ``translation``."""
    return lambda unit: re.sub(
        r"(<target[^>]*>).*?(</target>)", lambda m: m.group(1) + translation + m.group(2), unit, flags=re.DOTALL
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_export_then_import_with_no_change_leaves_every_catalogue_byte_identical(
    project_dir: Path, version: str
) -> None:
    before = snapshot(project_dir / "locales")
    files = export(project_dir, version)
    assert len(files) == 9
    result = run(project_dir, "import", *map(str, files.values()))
    assert result.exit_code == 0, result.output
    assert result.output.count(": unchanged") == 9
    assert snapshot(project_dir / "locales") == before


@pytest.mark.parametrize("version", VERSIONS)
def test_export_is_deterministic_and_unit_ids_are_stable(project_dir: Path, version: str) -> None:
    first = {name: path.read_bytes() for name, path in export(project_dir, version).items()}
    result = run(project_dir, "export", "--xliff-version", version)
    assert "(unchanged)" in result.output
    assert {name: path.read_bytes() for name, path in export(project_dir, version).items()} == first
    text = first["radici-fiorentine.en.xlf"].decode("utf-8")
    for message in entries(project_dir, RADICI):
        assert f'id="{unit_id(message.msgctxt, message.msgid)}"' in text


def test_export_chooses_documents_languages_and_folder(project_dir: Path) -> None:
    result = run(
        project_dir, "export", "--locale", "it", "press-release", "festivals", "--out", str(project_dir / "out")
    )
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (project_dir / "out").iterdir()) == ["festivals.it.xlf", "press-release.it.xlf"]
    assert "out/press-release.it.xlf: 23 units (10 translated, 13 reviewed)" in result.output


@pytest.mark.parametrize("version", VERSIONS)
def test_an_edited_target_lands_in_the_catalogue(project_dir: Path, version: str) -> None:
    files = export(project_dir, version)
    translated = entry(project_dir, PRESS, State.TRANSLATED)
    edit_unit(
        files["press-release.it.xlf"], unit_id(None, translated.msgid), set_target(version, "Una traduzione nuova.")
    )
    result = run(project_dir, "import", str(files["press-release.it.xlf"]))
    assert result.exit_code == 0, result.output
    assert f"{PRESS}: changed (1 translated)" in result.output
    assert f"{PRESS}:{translated.line}: translated, new translation (unit " in result.output
    after = next(message for message in entries(project_dir, PRESS) if message.msgid == translated.msgid)
    assert after.msgstr == "Una traduzione nuova."
    assert state_of(after) is State.TRANSLATED


# How each state is written: (2.1 segment state, 2.1 subState, 1.2 target state, 1.2 approved).
WRITTEN = {
    State.UNTRANSLATED: ("initial", None, None, None),
    State.FUZZY: ("initial", "i18ntool:fuzzy", "needs-review-translation", None),
    State.TRANSLATED: ("translated", None, "translated", None),
    State.REVIEWED: ("reviewed", None, "signed-off", "yes"),
}


@pytest.mark.parametrize("state", list(WRITTEN), ids=lambda state: state.value)
def test_each_state_is_written_as_the_readme_table_says(project_dir: Path, state: State) -> None:
    message = entry(project_dir, RADICI, state)
    identifier = unit_id(message.msgctxt, message.msgid)
    state_21, sub_state, state_12, approved = WRITTEN[state]
    unit_21 = _unit(export(project_dir, "2.1")["radici-fiorentine.en.xlf"], identifier)
    assert f'<segment state="{state_21}"' + (f' subState="{sub_state}"' if sub_state else ">") in unit_21
    assert ("<target" in unit_21) is (state is not State.UNTRANSLATED)
    unit_12 = _unit(export(project_dir, "1.2")["radici-fiorentine.en.xlf"], identifier)
    assert (f'<target state="{state_12}"' in unit_12) if state_12 else "<target" not in unit_12
    assert ('approved="yes"' in unit_12) is (approved == "yes")
    if state is State.FUZZY:
        assert '<mda:meta type="previous-msgid">' in unit_21
        assert '<alt-trans alttranstype="previous-version">' in unit_12
    if state is State.REVIEWED:
        review = review_of(message)
        assert review is not None
        assert f'<mda:meta type="reviewer">{review.reviewer}</mda:meta>' in unit_21
        assert f'<mda:meta type="date">{review.date.isoformat()}</mda:meta>' in unit_21
        assert re.search(
            rf'<phase phase-name="review-\d+" process-name="review" contact-name="{review.reviewer}"',
            _whole(project_dir),
        )
        assert "reviewed:" not in unit_21 + unit_12  # the stamp is the state's metadata, not a note


def _unit(path: Path, identifier: str) -> str:
    match = re.search(rf'<(unit|trans-unit) id="{identifier}".*?</\1>', path.read_text(encoding="utf-8"), re.DOTALL)
    assert match is not None
    return match.group()


def _whole(project: Path) -> str:
    return (project / "build" / "xliff" / "radici-fiorentine.en.xlf").read_text(encoding="utf-8")


# A translated entry's unit set to each state a CAT tool may give it, imported with and
# without --reviewer: the state the entry ends in.
STATES_BACK = [
    ("2.1", '<segment state="initial">', None, State.FUZZY),
    ("2.1", '<segment state="translated">', None, State.TRANSLATED),
    ("2.1", '<segment state="reviewed">', None, State.TRANSLATED),
    ("2.1", '<segment state="reviewed">', "Anna Bianchi", State.REVIEWED),
    ("2.1", '<segment state="final">', "Anna Bianchi", State.REVIEWED),
    ("1.2", '<target state="needs-review-translation">', None, State.FUZZY),
    ("1.2", '<target state="translated">', None, State.TRANSLATED),
    ("1.2", '<target state="signed-off">', None, State.TRANSLATED),
    ("1.2", '<target state="signed-off">', "Anna Bianchi", State.REVIEWED),
    ("1.2", '<target state="final">', "Anna Bianchi", State.REVIEWED),
]


@pytest.mark.parametrize(("version", "marking", "reviewer", "expected"), STATES_BACK)
def test_each_state_comes_back(
    project_dir: Path, version: str, marking: str, reviewer: str | None, expected: State
) -> None:
    files = export(project_dir, version)
    message = entry(project_dir, PRESS, State.TRANSLATED)
    pattern = r"<segment state=\"[a-z]+\">" if version == "2.1" else r"<target state=\"[a-z-]+\">"
    new_text = "A newly translated sentence."
    edit_unit(
        files["press-release.it.xlf"],
        unit_id(None, message.msgid),
        lambda unit: set_target(version, new_text)(re.sub(pattern, marking, unit)),
    )
    arguments = ["--reviewer", reviewer] if reviewer else []
    result = run(project_dir, "import", *arguments, str(files["press-release.it.xlf"]))
    assert result.exit_code == 0, result.output
    after = next(other for other in entries(project_dir, PRESS) if other.msgid == message.msgid)
    assert after.msgstr == new_text
    assert state_of(after) is expected
    if expected is State.REVIEWED:
        review = review_of(after)
        assert review is not None and review.reviewer == "Anna Bianchi"


@pytest.mark.parametrize("version", VERSIONS)
def test_confirming_a_fuzzy_entry_drops_its_previous_source(project_dir: Path, version: str) -> None:
    files = export(project_dir, version)
    fuzzy = entry(project_dir, RADICI, State.FUZZY)
    assert fuzzy.previous_msgid
    marking = ('<segment state="initial" subState="i18ntool:fuzzy">', '<segment state="translated">')
    if version == "1.2":
        marking = ('<target state="needs-review-translation">', '<target state="translated">')
    edit_unit(files["radici-fiorentine.en.xlf"], unit_id(None, fuzzy.msgid), lambda unit: unit.replace(*marking))
    result = run(project_dir, "import", str(files["radici-fiorentine.en.xlf"]))
    assert result.exit_code == 0, result.output
    assert f"{RADICI}:{fuzzy.line}: fuzzy -> translated (unit" in result.output
    after = next(other for other in entries(project_dir, RADICI) if other.msgid == fuzzy.msgid)
    assert (state_of(after), after.msgstr, after.previous_msgid) == (State.TRANSLATED, fuzzy.msgstr, None)


def test_a_reviewed_entry_stays_reviewed_without_reviewer_when_its_text_is_unchanged(project_dir: Path) -> None:
    before = snapshot(project_dir / "locales")
    files = export(project_dir, "2.1")
    result = run(project_dir, "import", str(files["radici-fiorentine.en.xlf"]))
    assert result.exit_code == 0
    assert snapshot(project_dir / "locales") == before
    assert entry(project_dir, RADICI, State.REVIEWED)


@pytest.mark.parametrize("version", VERSIONS)
def test_translate_toolkit_reads_the_exported_files_alike(project_dir: Path, version: str) -> None:
    from translate.storage import xliff, xliff2

    for path in export(project_dir, version).values():
        catalogue = read_catalogue(project_dir / _original(path))
        messages = [message for message in catalogue.messages if not message.obsolete]
        store: Any = (xliff2.Xliff2File if version == "2.1" else xliff.xlifffile)(path.read_bytes())
        assert len(store.units) == len(messages), path.name
        for unit, message in zip(store.units, messages, strict=True):
            state = state_of(message)
            assert unit.getid().rpartition("\x04")[2].rpartition("//")[2] == unit_id(message.msgctxt, message.msgid)
            if version == "2.1":
                # Translate Toolkit's 2.x text is the text a translator reads: the codes left out.
                assert unit.source == plain_text(encode(message.msgid).content)
                target = plain_text(encode(message.msgstr).content) if state is not State.UNTRANSLATED else ""
                assert (unit.target or "") == target
                assert unit.xmlelement.get("state") == WRITTEN[state][0]
                assert unit.isfuzzy() is (state is State.FUZZY)
                assert unit.isapproved() is (state is State.REVIEWED)
            else:
                # Its 1.2 text keeps the codes' native data: the Markdown as written.
                assert unit.source == message.msgid
                assert (unit.target or "") == (message.msgstr if state is not State.UNTRANSLATED else "")
                expected = {State.UNTRANSLATED: 0, State.FUZZY: 80, State.TRANSLATED: 100, State.REVIEWED: 120}
                assert unit.get_state_n() == expected[state]
                assert unit.isapproved() is (state is State.REVIEWED)


def _original(path: Path) -> str:
    match = re.search(r'original="([^"]+)"', path.read_text(encoding="utf-8"))
    assert match is not None
    return match.group(1)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_source_changed_since_the_export_comes_back_fuzzy_with_the_old_source(
    project_dir: Path, version: str
) -> None:
    files = export(project_dir, version)
    exported = next(m for m in entries(project_dir, PRESS) if m.msgid.startswith("At the heart of the story"))
    source = project_dir / "content" / "press-release.md"
    text = source.read_text(encoding="utf-8")
    assert exported.msgid in text
    source.write_text(text.replace("Marina is forced to choose", "Marina must choose"), encoding="utf-8")
    assert run(project_dir, "update").exit_code == 0
    changed = next(m for m in entries(project_dir, PRESS) if m.previous_msgid == exported.msgid)
    edit_unit(
        files["press-release.it.xlf"],
        unit_id(None, exported.msgid),
        set_target(version, "La traduzione della freelance."),
    )
    result = run(project_dir, "import", str(files["press-release.it.xlf"]))
    assert result.exit_code == 0, result.output
    assert "source changed since the export: imported as fuzzy" in result.output
    after = next(m for m in entries(project_dir, PRESS) if m.msgid == changed.msgid)
    assert (after.msgstr, state_of(after), after.previous_msgid) == (
        "La traduzione della freelance.",
        State.FUZZY,
        exported.msgid,
    )


AWARD = "locales/it/LC_MESSAGES/russo-brothers-award.po"


@pytest.mark.parametrize("version", VERSIONS)
def test_figures_carried_since_the_export_stay_unless_the_translator_changed_the_target(
    project_dir: Path, version: str
) -> None:
    files = export(project_dir, version)
    exported = next(m for m in entries(project_dir, AWARD) if m.msgid.startswith("Chosen from three finalists"))
    source = project_dir / "content" / "russo-brothers-award.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("an $8,000 grant", "an $8,500 grant"), encoding="utf-8"
    )
    assert run(project_dir, "update").exit_code == 0
    carried = next(m for m in entries(project_dir, AWARD) if m.previous_msgid == exported.msgid)
    assert figures_carried(carried) and "8.500 dollari" in carried.msgstr

    # The file came back with that unit as it went out: the carried figures stay.
    result = run(project_dir, "import", str(files["russo-brothers-award.it.xlf"]))
    assert result.exit_code == 0, result.output
    assert next(m for m in entries(project_dir, AWARD) if m.msgid == carried.msgid) == carried

    # The translator rewrote it: theirs replaces i18ntool's, which no longer speaks of it.
    edit_unit(
        files["russo-brothers-award.it.xlf"], unit_id(None, exported.msgid), set_target(version, "Nuova traduzione.")
    )
    result = run(project_dir, "import", str(files["russo-brothers-award.it.xlf"]))
    assert result.exit_code == 0, result.output
    after = next(m for m in entries(project_dir, AWARD) if m.msgid == carried.msgid)
    assert (after.msgstr, state_of(after), figures_carried(after)) == ("Nuova traduzione.", State.FUZZY, False)
    todo = run(project_dir, "todo", "--locale", "it", "russo-brothers-award")
    assert "figures carried" not in todo.output


def test_a_unit_whose_entry_is_gone_is_kept_as_an_obsolete_entry(project_dir: Path) -> None:
    files = export(project_dir, "2.1")
    translated = entry(project_dir, PRESS, State.TRANSLATED)
    catalogue = read_catalogue(project_dir / PRESS)
    without = catalogue.replace(messages=tuple(m for m in catalogue.messages if m.msgid != translated.msgid))
    from i18ntool.po.writer import write_catalogue

    write_catalogue(project_dir / PRESS, without)
    edit_unit(files["press-release.it.xlf"], unit_id(None, translated.msgid), set_target("2.1", "Tradotta altrove."))
    result = run(project_dir, "import", str(files["press-release.it.xlf"]))
    assert result.exit_code == 0, result.output
    assert f"{PRESS}: new -> obsolete, entry gone from the source text: kept as obsolete" in result.output
    kept = [m for m in read_catalogue(project_dir / PRESS).messages if m.obsolete and m.msgid == translated.msgid]
    assert [m.msgstr for m in kept] == ["Tradotta altrove."]


def test_dry_run_says_what_would_change_and_writes_nothing(project_dir: Path) -> None:
    files = export(project_dir, "2.1")
    translated = entry(project_dir, PRESS, State.TRANSLATED)
    edit_unit(files["press-release.it.xlf"], unit_id(None, translated.msgid), set_target("2.1", "Nuova."))
    before = snapshot(project_dir / "locales")
    result = run(project_dir, "import", "--dry-run", str(files["press-release.it.xlf"]))
    assert result.exit_code == 0
    assert f"{PRESS}: would change (1 translated)" in result.output
    assert snapshot(project_dir / "locales") == before


def _smc_unit(project: Path) -> Message:
    return next(
        m for m in entries(project, PRESS) if "](https://www.smc.edu/)" in m.msgid and state_of(m) is State.TRANSLATED
    )


def _localise_url(url: str) -> Callable[[str], str]:
    def change(unit: str) -> str:
        unit = unit.replace("</originalData>", f'  <data id="d99">](https://{url})</data>\n      </originalData>')
        head, _, target = unit.partition("<target")
        return head + "<target" + target.replace('dataRefEnd="d3"', 'dataRefEnd="d99"', 1)

    return change


def test_a_link_url_may_change_only_where_localised_links_allows_it(project_dir: Path) -> None:
    files = export(project_dir, "2.1")
    message = _smc_unit(project_dir)
    identifier = unit_id(None, message.msgid)
    edit_unit(files["press-release.it.xlf"], identifier, _localise_url("www.smc.edu/it/"))
    before = snapshot(project_dir / "locales")
    refused = run(project_dir, "import", str(files["press-release.it.xlf"]))
    assert refused.exit_code == 2
    assert (
        f"unit {identifier}: target: code 2 was altered: '](https://www.smc.edu/it/)' instead of '](https://www.smc.edu/)'"
        in refused.stderr
    )
    assert snapshot(project_dir / "locales") == before
    settings = project_dir / "pyproject.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "[tool.i18ntool]\n",
            '[tool.i18ntool]\nlocalised-links = [{ en = "https://www.smc.edu/", it = "https://www.smc.edu/it/" }]\n',
        ),
        encoding="utf-8",
    )
    result = run(project_dir, "import", str(files["press-release.it.xlf"]))
    assert result.exit_code == 0, result.output
    after = next(m for m in entries(project_dir, PRESS) if m.msgid == message.msgid)
    assert after.msgstr == message.msgstr.replace("](https://www.smc.edu/)", "](https://www.smc.edu/it/)")
    assert run(project_dir, "import", str(files["press-release.it.xlf"])).output.startswith(f"{PRESS}: unchanged")


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"><file id="f1">&lol3;</file></xliff>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"><file id="f1">&secret;</file></xliff>
"""


def _whole_file(text: str) -> Callable[[str, str], str]:
    return lambda original, identifier: text


def _in_unit(change: Callable[[str], str]) -> Callable[[str, str], str]:
    def apply(original: str, identifier: str) -> str:
        match = re.search(rf'<unit id="{identifier}".*?</unit>', original, re.DOTALL)
        assert match is not None
        return original[: match.start()] + change(match.group()) + original[match.end() :]

    return apply


def _target_only(change: Callable[[str], str]) -> Callable[[str], str]:
    def apply(unit: str) -> str:
        head, _, target = unit.partition("<target")
        return head + "<target" + change(target)

    return apply


HOSTILE: list[tuple[str, Callable[[str, str], str], str]] = [
    ("malformed XML", lambda text, _: text.replace("</unit>", "", 1), r":\d+: malformed XML \(mismatched tag\)"),
    ("entity bomb", _whole_file(BOMB), r":2: a DTD \(<!DOCTYPE>\) is refused"),
    ("external entity", _whole_file(EXTERNAL), r":2: a DTD \(<!DOCTYPE>\) is refused"),
    (
        "foreign code",
        _in_unit(_target_only(lambda target: target.replace("</target>", '<ph id="99" dataRef="d1"/></target>', 1))),
        r":\d+: unit m[0-9a-f]{16}: target: code 99 is not one of the source's codes; remove it",
    ),
    (
        "missing code",
        _in_unit(_target_only(lambda target: re.sub(r'<pc id="2"[^>]*>(.*?)</pc>', r"\1", target, count=1))),
        r":\d+: unit m[0-9a-f]{16}: target: code 2 of the source is missing; put it back",
    ),
    (
        "duplicated code",
        _in_unit(_target_only(lambda target: re.sub(r"(<pc id=\"1\".*?</pc>)", r"\1 \1", target, count=1))),
        r":\d+: unit m[0-9a-f]{16}: target: code 1 is there twice",
    ),
    (
        "altered code",
        _in_unit(lambda unit: unit.replace("](https://www.smc.edu/)", "](https://evil.example/)")),
        r":\d+: unit m[0-9a-f]{16}: its source is not the text of its entry",
    ),
    (
        "source edited",
        _in_unit(lambda unit: unit.replace("SANTA MONICA, California", "SANTA MONICA, CA")),
        r":\d+: unit m[0-9a-f]{16}: its source is not the text of its entry \(line \d+ of the catalogue\)",
    ),
    (
        "another language",
        lambda text, _: text.replace('trgLang="it"', 'trgLang="de"'),
        r":3: its target language 'de' is not a language of this project \(en, it\)",
    ),
    (
        "another catalogue's language",
        lambda text, _: text.replace('trgLang="it"', 'trgLang="en"'),
        r":3: 'press-release' has no catalogue in 'en' in this project",
    ),
    (
        "another project",
        lambda text, _: text.replace("Leaving the Factory press kit", "Another press kit"),
        r":3: written for project 'Another press kit', not this one \('Leaving the Factory press kit'\)",
    ),
    (
        "duplicated unit ids",
        lambda text, identifier: _duplicate_unit(text, identifier),
        r":\d+: unit m[0-9a-f]{16}: the id is used twice \(also on line \d+\); ids must be unique",
    ),
    ("not XLIFF", _whole_file("<?xml version='1.0'?><html/>"), r":1: not an XLIFF 2.1 or 1.2 file"),
    (
        "target opens a heading",
        _in_unit(_target_only(lambda target: target.replace(">", "># ", 1))),
        r":\d+: unit m[0-9a-f]{16}: target: \"# .*\" would start a heading \('#' at the start of a line",
    ),
    (
        "target opens a list",
        _in_unit(_target_only(lambda target: target.replace(">", ">1. ", 1))),
        r":\d+: unit m[0-9a-f]{16}: target: \"1\. .*\" would start a numbered list",
    ),
    (
        "target splits the paragraph",
        _in_unit(_target_only(lambda target: target.replace(">", ">Uno.\n\n", 1))),
        r":\d+: unit m[0-9a-f]{16}: target: .* would start a new paragraph \(a blank line\)",
    ),
    (
        "target opens a code block",
        _in_unit(_target_only(lambda target: target.replace(">", ">```\n", 1))),
        r":\d+: unit m[0-9a-f]{16}: target: \"```\" would start a code block",
    ),
]


def _duplicate_unit(text: str, identifier: str) -> str:
    match = re.search(rf'    <unit id="{identifier}".*?</unit>\n', text, re.DOTALL)
    assert match is not None
    return text[: match.end()] + match.group() + text[match.end() :]


@pytest.mark.parametrize(
    ("damage", "expected"),
    [(damage, expected) for _, damage, expected in HOSTILE],
    ids=[name for name, _, _ in HOSTILE],
)
def test_hostile_or_broken_input_is_one_line_exit_2_and_nothing_written(
    project_dir: Path, damage: Callable[[str, str], str], expected: str
) -> None:
    files = export(project_dir, "2.1")
    good = files["radici-fiorentine.en.xlf"]
    message = entry(project_dir, RADICI, State.REVIEWED)
    edit_unit(good, unit_id(None, message.msgid), set_target("2.1", "A change that must not land."))
    bad = files["press-release.it.xlf"]
    bad.write_text(
        damage(bad.read_text(encoding="utf-8"), unit_id(None, _smc_unit(project_dir).msgid)), encoding="utf-8"
    )
    before = snapshot(project_dir / "locales")
    result = CliRunner().invoke(main, ["--project", str(project_dir), "import", str(good), str(bad)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert re.fullmatch(rf"i18ntool: .*build/xliff/press-release\.it\.xlf{expected}.*", lines[0]), lines[0]
    if ": target: " in lines[0]:  # reported on the line of the target, where the translator works
        line = int(lines[0].split(".xlf:")[1].split(":")[0])
        assert "<target" in bad.read_text(encoding="utf-8").splitlines()[line - 1]
    assert snapshot(project_dir / "locales") == before


def test_a_fifo_or_a_folder_given_as_file_is_one_line_exit_2(project_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "from the agency é.xlf"
    os.mkfifo(fifo)  # read_input opens it without waiting for a writer (tests/test_files.py)
    before = snapshot(project_dir / "locales")
    for path, reason in [(fifo, "not a regular file (a FIFO, a device or a socket)"), (tmp_path, "Is a directory")]:
        result = CliRunner().invoke(main, ["--project", str(project_dir), "import", str(path)])
        assert result.exit_code == 2, result.output
        assert result.stderr == f"i18ntool: {path}: cannot read: {reason}\n"
    assert snapshot(project_dir / "locales") == before


def test_a_hostile_1_2_file_is_refused_the_same_way(project_dir: Path) -> None:
    files = export(project_dir, "1.2")
    path = files["press-release.it.xlf"]
    identifier = unit_id(None, _smc_unit(project_dir).msgid)
    edit_unit(
        path,
        identifier,
        _target_only(lambda target: target.replace("</target>", '<ph id="9">&lt;script&gt;</ph></target>', 1)),
    )
    before = snapshot(project_dir / "locales")
    result = run(project_dir, "import", str(path))
    assert result.exit_code == 2
    assert re.search(
        rf"press-release\.it\.xlf:\d+: unit {identifier}: target: code 9 is not one of the source's codes",
        result.stderr,
    )
    assert snapshot(project_dir / "locales") == before


def test_codes_a_cat_tool_may_rewrite_are_read_back(project_dir: Path) -> None:
    """A 2.1 target with its paired codes as <sc>/<ec> and a <mrk> annotation, and a 1.2
    target with <g>: the same Markdown as the source's codes."""
    files = export(project_dir, "2.1")
    message = _smc_unit(project_dir)
    identifier = unit_id(None, message.msgid)

    def rewrite(target: str) -> str:
        target = re.sub(
            r'<pc id="2" dataRefStart="(d\d+)" dataRefEnd="(d\d+)"[^>]*>(.*?)</pc>',
            r'<sc id="2" dataRef="\1"/><mrk id="m1" translate="yes">\3</mrk><ec startRef="2" dataRef="\2"/>',
            target,
            count=1,
        )
        return target.replace("Ambientato", "AMBIENTATO")

    edit_unit(files["press-release.it.xlf"], identifier, _target_only(rewrite))
    result = run(project_dir, "import", str(files["press-release.it.xlf"]))
    assert result.exit_code == 0, result.output
    after = next(m for m in entries(project_dir, PRESS) if m.msgid == message.msgid)
    assert after.msgstr == message.msgstr.replace("Ambientato", "AMBIENTATO")
    assert decode(encode(after.msgstr).content) == after.msgstr


@pytest.mark.parametrize("version", VERSIONS)
def test_entries_with_a_context_round_trip_and_plural_entries_are_left_out(project_dir: Path, version: str) -> None:
    ui = project_dir / "locales" / "it" / "LC_MESSAGES" / "ui.po"
    ui.write_text(
        ui.read_text(encoding="utf-8")
        + '\nmsgctxt "menu"\nmsgid "Press releases"\nmsgstr "Comunicati"\n'
        + '\nmsgid "%(count)s text"\nmsgid_plural "%(count)s texts"\nmsgstr[0] "%(count)s testo"\nmsgstr[1] "%(count)s testi"\n',
        encoding="utf-8",
    )
    before = snapshot(project_dir / "locales")
    result = run(project_dir, "export", "--xliff-version", version, "--locale", "it", "ui")
    assert result.exit_code == 0, result.output
    assert (
        "build/xliff/ui.it.xlf: 8 units (8 translated); 1 plural entries left out (XLIFF has no plural forms)"
        in result.output
    )
    path = project_dir / "build" / "xliff" / "ui.it.xlf"
    text = path.read_text(encoding="utf-8")
    assert text.count(f'id="{unit_id("menu", "Press releases")}"') == 1
    assert text.count(f'id="{unit_id(None, "Press releases")}"') == 1
    result = run(project_dir, "import", str(path))
    assert result.exit_code == 0, result.output
    assert snapshot(project_dir / "locales") == before
    edit_unit(path, unit_id("menu", "Press releases"), set_target(version, "Comunicati stampa"))
    assert run(project_dir, "import", str(path)).exit_code == 0
    menu = [m for m in entries(project_dir, "locales/it/LC_MESSAGES/ui.po") if m.msgctxt == "menu"]
    assert [m.msgstr for m in menu] == ["Comunicati stampa"]
