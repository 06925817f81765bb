"""Entry states and review stamps: the one classification, and stamps that go stale honestly."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from i18ntool.po.catalogue import Catalogue, Message

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.po.states import FIGURES_CARRIED, State, content_digest, figures_carried, review_of, stamp, state_of
from tests.conftest import requires_gettext, run_gettext

DAY = datetime.date(2026, 11, 21)


def plural(msgstr_plural: tuple[str, ...] = (), flags: tuple[str, ...] = ()) -> Message:
    return Message(msgid="%d film", msgid_plural="%d films", msgstr_plural=msgstr_plural, flags=flags)


@pytest.mark.parametrize(
    ("message", "state"),
    [
        pytest.param(Message("Hello"), State.UNTRANSLATED, id="untranslated"),
        pytest.param(Message("Hello", "Ciao"), State.TRANSLATED, id="translated"),
        pytest.param(Message("Hello", "Ciao", flags=("fuzzy",)), State.FUZZY, id="fuzzy"),
        pytest.param(Message("Hello", "", flags=("fuzzy",)), State.UNTRANSLATED, id="fuzzy-with-empty-msgstr"),
        pytest.param(Message("Hello", "Ciao", flags=("python-format",)), State.TRANSLATED, id="other-flags"),
        pytest.param(Message("Hello", "Ciao", obsolete=True), State.OBSOLETE, id="obsolete"),
        pytest.param(Message("Hello", "", obsolete=True), State.OBSOLETE, id="obsolete-untranslated"),
        pytest.param(Message("Hello", "Ciao", flags=("fuzzy",), obsolete=True), State.OBSOLETE, id="obsolete-fuzzy"),
        pytest.param(plural(("%d film", "%d film")), State.TRANSLATED, id="plural"),
        pytest.param(plural(("", "")), State.UNTRANSLATED, id="plural-untranslated"),
        pytest.param(plural(), State.UNTRANSLATED, id="plural-no-forms"),
        # msgfmt looks at the first form only: these two are what `msgfmt --statistics` says.
        pytest.param(plural(("%d film", "")), State.TRANSLATED, id="plural-first-form-only"),
        pytest.param(plural(("", "%d film")), State.UNTRANSLATED, id="plural-first-form-empty"),
        pytest.param(plural(("%d film", ""), flags=("fuzzy",)), State.FUZZY, id="plural-fuzzy"),
        pytest.param(plural(("", "x"), flags=("fuzzy",)), State.UNTRANSLATED, id="plural-fuzzy-empty"),
    ],
)
def test_state_of(message: Message, state: State) -> None:
    assert state_of(message) is state


def test_a_stamp_makes_a_translated_entry_reviewed() -> None:
    message = stamp(Message("Hello", "Ciao", translator_comments=("checked with the director",)), "Giulia Ferri", DAY)
    assert state_of(message) is State.REVIEWED
    assert message.translator_comments == (
        "checked with the director",
        f"reviewed: Giulia Ferri, 2026-11-21, {content_digest(message)}",
    )
    review = review_of(message)
    assert review is not None and (review.reviewer, review.date, review.current) == ("Giulia Ferri", DAY, True)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"msgstr": "Salve"}, id="translation"),
        pytest.param({"msgid": "Hello!"}, id="source"),
        pytest.param({"msgctxt": "greeting"}, id="context"),
        pytest.param({"msgstr": "Ciao "}, id="one-space"),
    ],
)
def test_a_stamp_goes_stale_when_the_text_changes(change: dict[str, str]) -> None:
    reviewed = stamp(Message("Hello", "Ciao"), "Giulia Ferri", DAY)
    changed = reviewed.replace(**change)
    assert state_of(changed) is State.TRANSLATED
    review = review_of(changed)
    assert review is not None and not review.current


def test_comments_references_and_flags_do_not_make_a_stamp_stale() -> None:
    reviewed = stamp(Message("Hello", "Ciao"), "Giulia Ferri", DAY)
    moved = reviewed.replace(references=("content/x.md:40",), extracted_comments=("paragraph",), flags=("no-wrap",))
    assert state_of(moved) is State.REVIEWED


def test_a_new_stamp_replaces_the_old_one() -> None:
    first = stamp(Message("Hello", "Ciao"), "Giulia Ferri", DAY)
    second = stamp(first.replace(msgstr="Salve"), "Mark Ellis", DAY + datetime.timedelta(days=1))
    assert len(second.translator_comments) == 1
    assert review_of(second).reviewer == "Mark Ellis"  # type: ignore[union-attr]
    assert state_of(second) is State.REVIEWED


@pytest.mark.parametrize("reviewer", [pytest.param("", id="empty"), pytest.param("Rossi, Maria", id="comma")])
def test_a_reviewer_name_must_fit_in_a_stamp(reviewer: str) -> None:
    with pytest.raises(ValueError):
        stamp(Message("Hello", "Ciao"), reviewer, DAY)


def test_comments_that_only_look_like_stamps_are_not_reviews() -> None:
    for comment in ("reviewed: Giulia, 2026-13-45, 0123456789ab", "reviewed by Giulia", "reviewed: Giulia, 2026-11-21"):
        message = Message("Hello", "Ciao", translator_comments=(comment,))
        assert review_of(message) is None
        assert state_of(message) is State.TRANSLATED


def _reviewed_catalogue() -> Catalogue:
    messages = (
        Message("Leaving the Factory", "Leaving the Factory", references=("content/a.md:2",)),
        Message("The film was shot in 2021.", "Il film è stato girato nel 2021.", references=("content/a.md:4",)),
        Message(
            "Set in 1910, it follows Marina.", "Ambientato nel 1910, segue Marina.", references=("content/a.md:6",)
        ),
        Message("%d prize", msgid_plural="%d prizes", msgstr_plural=("%d premio", "%d premi"), references=("a.py:1",)),
        Message("Watch the film", "Guarda il film", msgctxt="link", references=("content/a.md:8",)),
    )
    return Catalogue(
        header_fields=(
            ("Project-Id-Version", "test"),
            ("Language", "it"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
        ),
        messages=tuple(stamp(message, "Giulia Ferri", DAY) for message in messages),
    )


@requires_gettext
def test_stamps_survive_msgcat(tmp_path: Path) -> None:
    path = tmp_path / "it.po"
    write_catalogue(path, _reviewed_catalogue())
    result = run_gettext("msgcat", path)
    assert result.returncode == 0
    assert result.stdout == path.read_bytes()
    out = tmp_path / "out.po"
    assert run_gettext("msgcat", "-o", out, path).returncode == 0
    assert all(state_of(message) is State.REVIEWED for message in read_catalogue(out).messages)


@requires_gettext
def test_stamps_survive_msgmerge_and_go_stale_where_the_source_changed(tmp_path: Path) -> None:
    catalogue = _reviewed_catalogue()
    path = tmp_path / "it.po"
    write_catalogue(path, catalogue)
    changed = "The film was shot in Los Angeles in 2021."
    template = Catalogue(
        header_fields=(("Project-Id-Version", "test"), ("Content-Type", "text/plain; charset=UTF-8")),
        messages=tuple(
            Message(
                changed if message.msgid.startswith("The film") else message.msgid,
                msgctxt=message.msgctxt,
                msgid_plural=message.msgid_plural,
                references=message.references,
            )
            for message in catalogue.messages
        ),
    )
    pot = tmp_path / "it.pot"
    write_catalogue(pot, template)
    merged = tmp_path / "merged.po"
    result = run_gettext("msgmerge", "--quiet", "--previous", "-o", merged, path, pot)
    assert result.returncode == 0, result.stderr.decode()
    states = {message.msgid: state_of(message) for message in read_catalogue(merged).messages}
    assert states.pop(changed) is State.FUZZY
    assert set(states.values()) == {State.REVIEWED}
    fixed = [message.replace(flags=()) for message in read_catalogue(merged).messages if message.msgid == changed]
    assert state_of(fixed[0]) is State.TRANSLATED and review_of(fixed[0]).current is False  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("message", "carried"),
    [
        pytest.param(
            Message("$8,500", "8.500 dollari", flags=("fuzzy",), translator_comments=(FIGURES_CARRIED,)),
            True,
            id="fuzzy",
        ),
        pytest.param(
            Message("$8,500", "8.500 dollari", translator_comments=(FIGURES_CARRIED,)),
            False,
            id="confirmed-by-a-translator",
        ),
        pytest.param(Message("$8,500", "8.500 dollari", flags=("fuzzy",)), False, id="plain-fuzzy-match"),
        pytest.param(
            Message("$8,500", "8.500 dollari", flags=("fuzzy",), translator_comments=(FIGURES_CARRIED,), obsolete=True),
            False,
            id="obsolete",
        ),
    ],
)
def test_figures_carried_only_while_the_entry_waits_for_a_translator(message: Message, carried: bool) -> None:
    assert figures_carried(message) is carried
