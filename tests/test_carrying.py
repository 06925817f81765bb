"""Figure-only edits carried into translations: the pure rule, the merge, and `update` on the kit."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from click.testing import CliRunner, Result
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from i18ntool.cli import main
from i18ntool.figures.carrying import carry, carry_into, confirmed
from i18ntool.figures.reading import Figure, compare
from i18ntool.po.catalogue import Message
from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.states import FIGURES_CARRIED, figures_carried
from i18ntool.po.writer import write_catalogue
from i18ntool.sync import merge
from tests.conftest import profile


@pytest.mark.parametrize(
    ("old_source", "new_source", "translation", "carried"),
    [
        pytest.param(
            "an $8,000 grant",
            "an $8,500 grant",
            "un contributo di 8.000 dollari",
            "un contributo di 8.500 dollari",
            id="amount",
        ),
        pytest.param("up 12.5%", "up 13.75%", "in crescita del 12,5%", "in crescita del 13,75%", id="decimal-percent"),
        pytest.param(
            "up 12%", "up 12.5%", "in crescita del 12 per cento", "in crescita del 12,5 per cento", id="per-cento"
        ),
        pytest.param(
            "on 8 March 2023", "on 9 March 2023", "il giorno 8 marzo 2023", "il giorno 9 marzo 2023", id="date"
        ),
        pytest.param("on 8 March 2023", "on 8 March 2024", "l’8 marzo 2023", "l’8 marzo 2024", id="year-only"),
        pytest.param("on 9 March", "on 8 March", "il 9 marzo", "l’8 marzo", id="article-elided-before-8"),
        pytest.param("on 8 March", "on 9 March", "dall’8 marzo", "dal 9 marzo", id="article-restored-before-9"),
        pytest.param("on 25 November.", "on 17 May.", "il 25 novembre.", "il 17 maggio.", id="date-ends-a-sentence"),
        pytest.param(
            "on 25 Nov. 2023", "on 17 Nov. 2023", "il 25 nov. 2023", "il 17 nov. 2023", id="day-only-keeps-style"
        ),
        pytest.param(
            "the 2022 to 2023 season",
            "the 2023 to 2024 season",
            "la stagione 2022-2023",
            "la stagione 2023-2024",
            id="years-shifted",
        ),
        pytest.param("in 1910", "in 1911", "nel 1910", "nel 1911", id="year-stays-ungrouped"),
        pytest.param("999 guests", "1,000 guests", "999 ospiti", "1.000 ospiti", id="grouped-as-the-source"),
        pytest.param("8000 guests", "8500 guests", "8000 ospiti", "8500 ospiti", id="ungrouped-as-the-translation"),
        pytest.param(
            "2.5 million euros", "3 million euros", "2,5 milioni di euro", "3 milioni di euro", id="scale-word"
        ),
        pytest.param("Python 3.10", "Python 3.11", "Python 3.10", "Python 3.11", id="identifier-as-written"),
        pytest.param("at 6 pm", "at 7:30 pm", "alle 18:00", "alle 19:30", id="time"),
        pytest.param("at 6 pm", "at 7 pm", "alle 18", "alle 19", id="hour-alone"),
        pytest.param(
            "$8,000 for 3 films in 2023",
            "$9,000 for 4 films in 2024",
            "3 film nel 2023, per 8.000 dollari",
            "4 film nel 2024, per 9.000 dollari",
            id="several-reordered-in-the-translation",
        ),
        pytest.param("a fee of $8.25", "a fee of $8.20", "8,25 dollari", "8,20 dollari", id="cents-kept"),
        pytest.param("an $8,000 grant", "an $8,000.50 grant", "8.000 dollari", "8.000,50 dollari", id="cents-added"),
        pytest.param("up 12.5%", "up 12.0%", "del 12,5%", "del 12,0%", id="decimals-as-the-source-writes-them"),
        pytest.param(
            "2.5 million euros", "3.5 million euros", "2.500.000 euro", "3.500.000 euro", id="scale-word-dropped"
        ),
        pytest.param("on 1 March", "on 2 March", "il 1° marzo", "il 2 marzo", id="first-of-the-month-only-1°"),
        pytest.param("on 1 March", "on 2 March", "il 1º marzo", "il 2 marzo", id="first-of-the-month-only-1º"),
        pytest.param("Il 1° marzo", "Il 2 marzo", "On 1st March", "On 2nd March", id="english-ordinal-2nd"),
        pytest.param("Il 3 marzo", "Il 22 marzo", "On March 3rd", "On March 22nd", id="english-ordinal-22nd"),
        pytest.param("Il 3 marzo", "Il 11 marzo", "On March 3rd", "On March 11th", id="english-ordinal-11th"),
        pytest.param("8" * 40, "9" * 40, "8" * 40, "9" * 40, id="huge-number"),
        pytest.param(
            "Il 12,5% dei voti", "Il 13% dei voti", "12.5% of the votes", "13% of the votes", id="italian-source"
        ),
        pytest.param(
            "**$8,000** for [the film](https://example.org/1910)",
            "**$8,500** for [the film](https://example.org/1910)",
            "**8.000 dollari** per [il film](https://example.org/1910)",
            "**8.500 dollari** per [il film](https://example.org/1910)",
            id="markdown-around",
        ),
        pytest.param(
            "<script>alert(1)</script> $8,000",
            "<script>alert(1)</script> $8,500",
            "<script>alert(1)</script> 8.000 dollari",
            "<script>alert(1)</script> 8.500 dollari",
            id="hostile-markup-kept-as-is",
        ),
    ],
)
def test_a_figure_only_edit_is_carried_as_the_translation_writes_figures(
    old_source: str, new_source: str, translation: str, carried: str
) -> None:
    languages = ("it", "en") if old_source.startswith("Il ") else ("en", "it")
    assert carry(old_source, new_source, translation, *languages) == carried
    assert compare(new_source, languages[0], carried, languages[1]) == []


@pytest.mark.parametrize(
    ("old_source", "new_source", "translation"),
    [
        pytest.param("an $8,000 grant", "a $8,500 prize", "un contributo di 8.000 dollari", id="words-changed-too"),
        pytest.param("$8,000 and $8,000", "$8,500 and $8,000", "8.000 e 8.000 dollari", id="figure-appears-twice"),
        pytest.param("an $8,000 grant", "an $8,500 grant", "un contributo di ottomila dollari", id="written-in-words"),
        pytest.param("from 5% to 8%", "from 8% to 5%", "dal 5% all’8%", id="figures-swapped"),
        pytest.param("5, 6 and 7", "6, 7 and 5", "5, 6 e 7", id="figures-rotated"),
        pytest.param("an $8,000 grant", "an $8,500 grant", "8.000 dollari, anno 2023", id="figure-the-source-lacks"),
        pytest.param("an $8,000 grant", "an $8,500 grant", "un contributo di 8.100 dollari", id="translation-differs"),
        pytest.param("an $8,000 grant", "an €8,500 grant", "un contributo di 8.000 dollari", id="currency-changed"),
        pytest.param("8,000 people", "8,000 people in 2023", "8.000 persone", id="figure-added"),
        pytest.param("8,000 people", "8,000 people", "8.000 persone", id="nothing-changed-carries-the-same"),
        pytest.param("see `v8` and 8", "see `v9` and 8", "vedi `v8` e 8", id="digits-in-a-name"),
        pytest.param("`8` and 8", "`9` and 8", "`8` e 8", id="figure-in-code"),
        pytest.param(
            "[x](https://example.org/?p=8) 8",
            "[x](https://example.org/?p=9) 8",
            "[x](https://example.org/?p=8) 8",
            id="link",
        ),
        pytest.param("no figures", "no figures at all", "nessuna cifra", id="no-figures"),
        pytest.param("on 2023-03-08", "on 2024-03-08", "il 2023-03-08", id="iso-year-changed"),
        pytest.param("\x00 8", "9 \x00", "8", id="figure-moved-past-a-control-character"),
        pytest.param("\u202e8 \x00", "\u202e9 \x00\x00", "\u202e8", id="control-characters-changed"),
    ],
)
def test_nothing_is_carried_when_the_mapping_is_not_certain(old_source: str, new_source: str, translation: str) -> None:
    result = carry(old_source, new_source, translation, "en", "it")
    if old_source == new_source:
        assert result == translation  # a figure-only edit with no figure changed
    else:
        assert result is None


def test_carry_into_marks_the_offer_and_confirmed_drops_the_mark() -> None:
    old = Message("an $8,000 grant", "un contributo di 8.000 dollari", translator_comments=("checked",))
    offer = Message(
        "an $8,500 grant", old.msgstr, flags=("fuzzy",), previous_msgid=old.msgid, translator_comments=("checked",)
    )
    carried = carry_into(offer, old, "en", "it")
    assert carried == offer.replace(
        msgstr="un contributo di 8.500 dollari", translator_comments=("checked", FIGURES_CARRIED)
    )
    assert figures_carried(carried)
    assert confirmed(carried) == carried
    assert confirmed(carried.replace(flags=())) == carried.replace(flags=(), translator_comments=("checked",))
    plain_fuzzy = old.replace(flags=("fuzzy",), previous_msgid="an $7,000 grant")
    assert carry_into(offer, plain_fuzzy, "en", "it") == offer  # nobody checked those figures


ORIGINAL = "The film won an $8,000 grant on 8 March 2023."


def test_merge_carries_keeps_the_old_translation_obsolete_and_an_undo_brings_it_back() -> None:
    old = (Message(ORIGINAL, "Il film ha vinto un contributo di 8.000 dollari l’8 marzo 2023."),)
    edited = ORIGINAL.replace("$8,000", "$8,500").replace("8 March", "9 March")
    merged, counts = merge([Message(edited)], old, {}, ("en", "it"))
    assert merged == (
        Message(
            edited,
            "Il film ha vinto un contributo di 8.500 dollari il 9 marzo 2023.",
            flags=("fuzzy",),
            previous_msgid=ORIGINAL,
            translator_comments=(FIGURES_CARRIED,),
        ),
        old[0].replace(obsolete=True),
    )
    assert (counts.fuzzy, counts.carried, counts.obsoleted) == (1, 1, 1)
    assert merge([Message(edited)], merged, {}, ("en", "it"))[0] == merged
    restored, _ = merge([Message(ORIGINAL)], merged, {}, ("en", "it"))
    assert restored[0] == old[0]
    confirmed_entry = merged[0].replace(flags=())
    settled, counts = merge([Message(edited)], (confirmed_entry, merged[1]), {}, ("en", "it"))
    assert settled[0] == confirmed_entry.replace(translator_comments=()) and counts.confirmed == 1


def test_an_edit_undone_without_the_obsolete_entry_carries_the_figures_back_fuzzy() -> None:
    carried = Message(
        "an $8,500 grant",
        "un contributo di 8.500 dollari",
        flags=("fuzzy",),
        previous_msgid="an $8,000 grant",
        translator_comments=(FIGURES_CARRIED,),
    )
    merged, _ = merge([Message("an $8,000 grant")], (carried,), {}, ("en", "it"))
    assert merged[0] == Message(
        "an $8,000 grant",
        "un contributo di 8.000 dollari",
        flags=("fuzzy",),
        previous_msgid="an $8,500 grant",
        translator_comments=(FIGURES_CARRIED,),
    )


# -- property: generated figure-only edits ------------------------------------------------------

amounts = st.integers(1, 10**9)
days = st.integers(1, 28)
months = st.sampled_from(["January", "March", "May", "August", "October", "December"])
ITALIAN_MONTHS = {"January": "gennaio", "March": "marzo", "May": "maggio", "August": "agosto", "October": "ottobre"}
ITALIAN_MONTHS["December"] = "dicembre"
percents = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99.9"), places=1)


def english(value: Decimal | int) -> str:
    return format_decimal(value, locale="en", decimal_quantization=False)


def italian(value: Decimal | int) -> str:
    return format_decimal(value, locale="it", decimal_quantization=False)


def texts(grant: int, day: int, month: str, share: Decimal) -> tuple[str, str]:
    """A source text and its translation with the same three figures."""
    return (
        f"The fund gave ${english(grant)} on {day} {month}, and {english(share)}% went to the crew.",
        f"Il fondo ha dato {italian(grant)} dollari il giorno {day} {ITALIAN_MONTHS[month]}; alla troupe: {italian(share)}%.",
    )


@settings(max_examples=profile(60, 1000), deadline=None)
@given(amounts, amounts, days, days, months, months, percents, percents)
def test_carried_figures_always_agree_with_the_new_source(
    grant: int, new_grant: int, day: int, new_day: int, month: str, new_month: str, share: Decimal, new_share: Decimal
) -> None:
    old_source, translation = texts(grant, day, month, share)
    new_source, expected = texts(new_grant, new_day, new_month, new_share)
    carried = carry(old_source, new_source, translation, "en", "it")
    assert carried == expected
    assert compare(new_source, "en", carried, "it") == []


@settings(max_examples=profile(60, 1000), deadline=None)
@given(amounts, amounts, percents)
def test_a_figure_written_twice_is_never_carried(grant: int, new_grant: int, share: Decimal) -> None:
    assume(grant != new_grant)
    old_source = f"${english(grant)} now, ${english(grant)} later, {english(share)}%"
    new_source = f"${english(new_grant)} now, ${english(grant)} later, {english(share)}%"
    translation = f"{italian(grant)} dollari ora, {italian(grant)} dollari dopo, {italian(share)}%"
    assert carry(old_source, new_source, translation, "en", "it") is None


# -- `update` on the shipped kit ------------------------------------------------------------------

AWARD = "locales/it/LC_MESSAGES/russo-brothers-award.po"
GRANT = "an honour that comes with a grant of $8,000."


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)


def test_update_carries_the_grant_into_the_italian_award_text(project_dir: Path) -> None:
    source = project_dir / "content/russo-brothers-award.md"
    text = source.read_text(encoding="utf-8")
    assert text.count(GRANT) == 1
    source.write_text(text.replace(GRANT, GRANT.replace("$8,000", "$8,500")), encoding="utf-8")

    result = run(project_dir, "update")
    assert result.exit_code == 0, result.output
    assert f"{AWARD}: updated (1 fuzzy, 1 with figures carried, 1 obsolete" in result.output
    catalogue = read_catalogue(project_dir / AWARD)
    entry = next(m for m in catalogue.messages if not m.obsolete and "$8,500." in m.msgid)
    assert entry.fuzzy and figures_carried(entry)
    assert entry.previous_msgid is not None and entry.previous_msgid.endswith(GRANT)
    assert entry.msgstr.endswith("accompagnato da un contributo di 8.500 dollari.")
    obsolete = next(m for m in catalogue.messages if m.obsolete and m.msgid == entry.previous_msgid)
    assert obsolete.msgstr.endswith("8.000 dollari.")  # the translation as it was is kept

    check = run(project_dir, "check", "--locale", "it", "--format", "json", "russo-brothers-award")
    assert not [f for f in json.loads(check.stdout)["findings"] if f["code"].startswith("NUM")]
    todo = run(project_dir, "todo", "--state", "fuzzy", "--locale", "it", "russo-brothers-award")
    assert f"{AWARD}:{entry.line}: fuzzy (figures carried by i18ntool; confirm them): " in todo.stdout
    listed = json.loads(run(project_dir, "todo", "--format", "json", "--state", "fuzzy", "--locale", "it").stdout)
    assert [(e["msgid"], e["figures_carried"]) for e in listed["entries"]] == [(entry.msgid, True)]
    coverage = run(project_dir, "coverage", "--locale", "it", "russo-brothers-award")
    assert "1 fuzzy entry has its figures carried by i18ntool; a translator confirms them" in coverage.stdout
    assert run(project_dir, "update").output.strip() == "Every template and catalogue is in step with its source text."

    # A translator confirms the figures (in Poedit: "needs work" off): the mark goes.
    write_catalogue(
        project_dir / AWARD,
        catalogue.replace(messages=tuple(m.replace(flags=()) if m == entry else m for m in catalogue.messages)),
    )
    result = run(project_dir, "update")
    assert f"{AWARD}: updated (1 with carried figures confirmed)" in result.output
    after = next(m for m in read_catalogue(project_dir / AWARD).messages if m.msgid == entry.msgid)
    assert not after.fuzzy and FIGURES_CARRIED not in after.translator_comments
    assert run(project_dir, "update", "--check").exit_code == 0


fragments = st.sampled_from(
    [
        "8",
        "8,000",
        "8.000",
        "$",
        "€",
        " dollari",
        "%",
        " per cento",
        " March",
        " marzo",
        " 2023",
        "-",
        "`",
        "](",
        ")",
        "<",
        ">",
        "l’",
        "il ",
        " ",
        "\x00",
        "\u202e",
        "\u00a0",
        "12.5",
        "12,5",
        "6 pm",
        "18:30",
        "v3.10",
        "https://",
        "@",
    ]
)
hostile = st.lists(fragments, max_size=12).map("".join)


@settings(max_examples=profile(200, 5000), deadline=None)
@given(hostile, hostile, hostile)
def test_any_text_is_carried_right_or_not_at_all(old_source: str, new_source: str, translation: str) -> None:
    carried = carry(old_source, new_source, translation, "en", "it")
    if carried is not None:
        assert compare(new_source, "en", carried, "it") == []
        assert compare(old_source, "en", translation, "it") == []


@settings(max_examples=profile(30, 500), deadline=None)
@given(
    st.lists(st.tuples(amounts, days, months, percents), min_size=2, max_size=5), st.lists(st.booleans(), max_size=5)
)
def test_figure_edits_lose_no_translation_and_an_update_twice_changes_nothing(
    versions: list[tuple[int, int, str, Decimal]], confirms: list[bool]
) -> None:
    """Invariants 2 and 4 with carrying: after each version, every translation a translator
    wrote or confirmed is still in the catalogue (active or obsolete), and merging again
    changes nothing; the carried translation always agrees with its source."""
    languages = ("en", "it")
    source, translation = texts(*versions[0])
    catalogue: tuple[Message, ...] = (Message(source, translation),)
    confirmed_translations = {translation}
    for number, version in enumerate(versions[1:]):
        source, _ = texts(*version)
        catalogue, _ = merge([Message(source)], catalogue, {}, languages)
        assert merge([Message(source)], catalogue, {}, languages)[0] == catalogue
        active = catalogue[0]
        assert compare(source, "en", active.msgstr, "it") == []
        if number < len(confirms) and confirms[number]:  # a translator confirms the carried figures
            catalogue = (active.replace(flags=(), previous_msgid=None), *catalogue[1:])
            confirmed_translations.add(active.msgstr)
        assert confirmed_translations <= {message.msgstr for message in catalogue}


@settings(max_examples=profile(200, 5000), deadline=None)
@given(hostile, hostile, st.lists(st.tuples(st.integers(min_value=0, max_value=40), fragments), max_size=3))
def test_the_frame_test_refuses_only_texts_whose_pieces_differ(
    old_source: str, translation: str, edits: list[tuple[int, str]]
) -> None:
    """carry reads the new text's figures only where its pieces between figures may be the
    old text's (``_may_frame``): never refused where they are; the same result as reading
    them always. The new text is the old one edited, so that figure-only edits come up."""
    from i18ntool.figures import carrying
    from i18ntool.figures.reading import extract

    new_source = old_source
    for place, fragment in edits:
        new_source = new_source[:place] + fragment + new_source[place + len(fragment) :]
    old, new = extract(old_source, "en", ("en", "it")), extract(new_source, "en", ("en", "it"))
    if old:
        frame = carrying._masked(old_source, old)
        if new and frame == carrying._masked(new_source, new):
            assert carrying._may_frame(new_source, frame)
    result = carry(old_source, new_source, translation, "en", "it")
    assert result == carry_reading_every_figure(old_source, new_source, translation)


def carry_reading_every_figure(old_source: str, new_source: str, translation: str) -> str | None:
    from unittest import mock

    from i18ntool.figures import carrying

    with mock.patch.object(carrying, "_may_frame", lambda text, pieces: True):
        return carry(old_source, new_source, translation, "en", "it")


def masked_letter_by_letter(text: str, figures: list[Figure]) -> tuple[str, ...]:
    """``carrying._masked`` in its plain form: each letter hidden or not, a piece begun at each hole."""
    from i18ntool.figures import carrying

    hidden = [False] * len(text)
    for figure in figures:
        start, end = carrying._span(figure, text)
        hidden[start:end] = [True] * (end - start)
    pieces = [""]
    for index, character in enumerate(text):
        if not hidden[index]:
            pieces[-1] += character
        elif not index or not hidden[index - 1]:
            pieces.append("")
    return tuple(pieces)


@settings(max_examples=profile(200, 5000), deadline=None)
@given(hostile, st.lists(st.tuples(st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=12))))
def test_the_pieces_between_figures_are_those_of_the_plain_form(text: str, spans: list[tuple[int, int]]) -> None:
    """The figures a text reads, and any others (overlapping, touching, empty, at either end)."""
    from i18ntool.figures import carrying
    from i18ntool.figures.reading import extract

    read = extract(text, "en", ("en", "it"))
    assert carrying._masked(text, read) == masked_letter_by_letter(text, read)
    made = [Figure("number", text[start : start + size], None, start) for start, size in spans if start <= len(text)]
    assert carrying._masked(text, made) == masked_letter_by_letter(text, made)
