"""Catalogues saved by translators' other tools: polib, Babel, msgcat --no-wrap, a newer gettext
("#=" flag lines), and PO editors that show review stamps as plain comments."""

from __future__ import annotations

import io
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner, Result

from i18ntool.po.catalogue import parse_catalogue

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.cli import main
from i18ntool.po.states import State, mark_review, review_of, stamp, state_of
from tests.conftest import requires_gettext, run_gettext, snapshot

AWARD = "locales/it/LC_MESSAGES/russo-brothers-award.po"


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)


def resave_with_polib(path: Path, wrapwidth: int) -> None:
    catalogue = polib.pofile(str(path), wrapwidth=wrapwidth)
    catalogue.save(str(path))


@pytest.mark.parametrize(
    "resave",
    [
        pytest.param(lambda path: resave_with_polib(path, 78), id="polib-78"),
        pytest.param(lambda path: resave_with_polib(path, 0), id="polib-no-wrap"),
        pytest.param(
            lambda path: path.write_text(path.read_text(encoding="utf-8").replace("\n", "\r\n"), encoding="utf-8"),
            id="crlf-text-editor",
        ),
    ],
)
def test_another_tools_layout_is_out_of_step_until_update_restores_gettexts(project_dir: Path, resave) -> None:  # type: ignore[no-untyped-def]
    path = project_dir / AWARD
    original = path.read_bytes()
    before = read_catalogue(path)
    resave(path)
    assert path.read_bytes() != original
    assert read_catalogue(path) == before  # the other tool changed the layout, not the content

    checked = run(project_dir, "update", "--check")
    assert checked.exit_code == 1, checked.output
    assert f"{AWARD}: would update (gettext's layout restored, content unchanged)" in checked.output

    assert run(project_dir, "update").exit_code == 0
    assert path.read_bytes() == original
    assert run(project_dir, "update", "--check").exit_code == 0


@requires_gettext
def test_msgcat_no_wrap_layout_is_restored(project_dir: Path) -> None:
    path = project_dir / AWARD
    original = path.read_bytes()
    result = run_gettext("msgcat", "--no-wrap", "-o", path, path)
    assert result.returncode == 0 and path.read_bytes() != original
    assert run(project_dir, "update", "--check").exit_code == 1
    assert run(project_dir, "update").exit_code == 0
    assert path.read_bytes() == original


def test_a_stale_stamp_reads_as_stale_after_update_and_review_replaces_it(project_dir: Path) -> None:
    path = project_dir / AWARD
    text = path.read_text(encoding="utf-8")
    catalogue = read_catalogue(path)
    reviewed = next(
        message
        for message in catalogue.messages
        if review_of(message) and review_of(message).current and f'msgstr "{message.msgstr}"' in text  # type: ignore[union-attr]
    )
    # A translator rewrites the translation in a text editor: the stamp still says "reviewed".
    rewritten = reviewed.msgstr + " (rivisto)"
    review = review_of(reviewed)
    assert review is not None
    old_line = next(line for line in text.splitlines() if line.startswith("# reviewed:") and review.digest in line)
    path.write_text(text.replace(f'msgstr "{reviewed.msgstr}"', f'msgstr "{rewritten}"'), encoding="utf-8")

    assert run(project_dir, "update").exit_code == 0
    updated = path.read_text(encoding="utf-8")
    stale_line = old_line.replace("# reviewed:", "# stale review:")
    assert stale_line in updated and old_line not in updated
    entry = next(message for message in read_catalogue(path).messages if message.msgid == reviewed.msgid)
    assert state_of(entry) is State.TRANSLATED and review_of(entry) is not None and not review_of(entry).current  # type: ignore[union-attr]
    assert run(project_dir, "update", "--check").exit_code == 0  # marking is done once

    coverage = run(project_dir, "coverage", "russo-brothers-award", "--locale", "it")
    stale = updated.count("\n# stale review:")  # this one, and any the kit ships with
    assert f"{stale} review{' is' if stale == 1 else 's are'} stale" in coverage.output

    result = run(
        project_dir,
        "review",
        "russo-brothers-award",
        "--locale",
        "it",
        "--reviewer",
        "Giulia Ferri",
        "--date",
        "2026-12-01",
    )
    assert result.exit_code == 0, result.output
    signed = path.read_text(encoding="utf-8")
    assert "stale review" not in signed and "# reviewed: Giulia Ferri, 2026-12-01, " in signed


def test_a_stamp_whose_text_comes_back_reads_as_current_again() -> None:
    message = parse_catalogue(b'msgid "Hello"\nmsgstr "Ciao"\n', "x.po").messages[0]
    signed = stamp(message, "Giulia Ferri", __import__("datetime").date(2026, 11, 1))
    changed = mark_review(signed.replace(msgstr="Salve"))
    assert changed.translator_comments[-1].startswith("stale review: Giulia Ferri, 2026-11-01, ")
    back = mark_review(changed.replace(msgstr="Ciao"))
    assert back.translator_comments == signed.translator_comments
    fuzzy = mark_review(signed.replace(flags=("fuzzy",)))
    assert fuzzy.translator_comments[-1].startswith("stale review: ")
    obsolete = signed.replace(msgstr="Salve", obsolete=True)
    assert mark_review(obsolete) == obsolete


FUZZY_CATALOGUE = b"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: it\\n"

#. paragraph
#: content/x.md:3
#, fuzzy
#| msgid "The film won a grant of $8,000."
msgid "The film won a grant of $8,500."
msgstr "Il film ha vinto un contributo di 8.000 dollari."
"""


def test_babels_previous_text_comments_are_read_as_previous_text() -> None:
    buffer = io.BytesIO()
    write_po(buffer, read_po(io.BytesIO(FUZZY_CATALOGUE)), include_previous=True)
    assert b'\n# | msgid "The film won a grant of $8,000."\n' in buffer.getvalue()
    message = parse_catalogue(buffer.getvalue(), "x.po").messages[0]
    assert message.previous_msgid == "The film won a grant of $8,000."
    assert message.translator_comments == ()
    assert message == parse_catalogue(FUZZY_CATALOGUE, "x.po").messages[0]


def test_babels_cut_previous_text_stays_a_comment() -> None:
    """Babel wraps long comments at 76 columns, cutting its quoted strings: nothing to read back."""
    long_text = FUZZY_CATALOGUE.replace(
        b"The film won a grant", b"After a long campaign of screenings the film won a grant"
    )
    buffer = io.BytesIO()
    write_po(buffer, read_po(io.BytesIO(long_text)), include_previous=True)
    message = parse_catalogue(buffer.getvalue(), "x.po").messages[0]
    assert message.previous_msgid is None and message.fuzzy
    assert any(comment.startswith("| msgid") for comment in message.translator_comments)


def test_update_writes_babels_previous_text_back_as_gettext_does(project_dir: Path) -> None:
    path = project_dir / "locales/en/LC_MESSAGES/radici-fiorentine.po"  # the kit's one fuzzy entry
    original = path.read_bytes()
    lines = original.decode("utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("#| msgid"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("msgid"))
    babel_style = lines[:start] + ["# | " + line[3:] for line in lines[start:end]] + lines[end:]
    path.write_text("\n".join(babel_style), encoding="utf-8")
    assert run(project_dir, "update", "--check").exit_code == 1
    assert run(project_dir, "update").exit_code == 0
    assert path.read_bytes() == original


@pytest.mark.parametrize(
    ("text", "flags", "equals", "state"),
    [
        pytest.param(
            '#= fuzzy\nmsgid "a"\nmsgstr "b"\n', ("fuzzy",), ("fuzzy",), State.FUZZY, id="fuzzy-on-equals-line"
        ),
        pytest.param(
            '#, c-format\n#= approved\nmsgid "a %d"\nmsgstr "b %d"\n',
            ("c-format", "approved"),
            ("approved",),
            State.TRANSLATED,
            id="both-lines",
        ),
        pytest.param(
            '#, fuzzy, my-check\nmsgid "a"\nmsgstr "b"\n', ("fuzzy", "my-check"), (), State.FUZZY, id="unknown-flag"
        ),
    ],
)
def test_equals_lines_carry_flags(text: str, flags: tuple[str, ...], equals: tuple[str, ...], state: State) -> None:
    message = parse_catalogue(text.encode("utf-8"), "x.po").messages[0]
    assert (message.flags, message.equals_line_flags, state_of(message)) == (flags, equals, state)


def test_update_keeps_equals_lines_and_unknown_flags(project_dir: Path) -> None:
    path = project_dir / AWARD
    text = path.read_text(encoding="utf-8")
    first = text.index("\n#: ") + 1  # the first entry's references
    path.write_text(text[:first] + "#, house-style-checked\n#= approved\n" + text[first:], encoding="utf-8")
    before = snapshot(project_dir)
    assert run(project_dir, "update", "--check").exit_code == 1  # gettext's order: "#:" before "#,"
    assert snapshot(project_dir) == before
    assert run(project_dir, "update").exit_code == 0
    written = path.read_text(encoding="utf-8")
    assert "#, house-style-checked\n#= approved\nmsgid " in written
    assert run(project_dir, "update", "--check").exit_code == 0
