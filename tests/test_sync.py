"""Merging catalogues with their templates: kept, reused, fuzzy and obsolete entries."""

from __future__ import annotations

import gc
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from i18ntool.po.catalogue import Message
from i18ntool.project import load_project
from i18ntool.sync import merge
from i18ntool.updating import update
from tests.conftest import profile

ORIGINAL = (
    "The film won the Russo Brothers Italian American Film Forum, together with an $8,000 grant, "
    "and was named Best Short at the ETHOS International Film Festival."
)


def entry(msgid: str, msgstr: str = "", **fields: object) -> Message:
    return Message(msgid=msgid, msgstr=msgstr, **fields)  # type: ignore[arg-type]


def test_exact_entries_keep_their_translation_and_take_new_references() -> None:
    template = [entry("Fact box", references=("content/a.md:9",), extracted_comments=("heading 2",))]
    old = [entry("Fact box", "Scheda", references=("content/a.md:7",), translator_comments=("ok",))]
    merged, counts = merge(template, old, {})
    assert merged == (
        entry(
            "Fact box",
            "Scheda",
            references=("content/a.md:9",),
            extracted_comments=("heading 2",),
            translator_comments=("ok",),
        ),
    )
    assert counts.kept == 1


def test_changed_text_becomes_fuzzy_with_previous_msgid_and_restoring_it_undoes_that() -> None:
    old = [entry(ORIGINAL, "Il film ha vinto...")]
    edited = ORIGINAL.replace("$8,000", "$8,500")
    merged, counts = merge([entry(edited)], old, {})
    assert merged == (entry(edited, "Il film ha vinto...", flags=("fuzzy",), previous_msgid=ORIGINAL),)
    assert counts.fuzzy == 1
    restored, _ = merge([entry(ORIGINAL)], merged, {})
    assert restored == (entry(ORIGINAL, "Il film ha vinto..."),)


def test_removed_text_becomes_obsolete_and_comes_back() -> None:
    old = [entry("Press contact", "Contatti"), entry("Untranslated")]
    merged, counts = merge([], old, {})
    assert merged == (entry("Press contact", "Contatti", obsolete=True),)
    assert counts.obsoleted == 1
    revived, counts = merge([entry("Press contact", references=("content/a.md:3",))], merged, {})
    assert revived == (entry("Press contact", "Contatti", references=("content/a.md:3",)),)
    assert counts.revived == 1


def test_split_paragraph_offers_the_old_translation_to_both_halves() -> None:
    first = "The film won the Russo Brothers Italian American Film Forum, together with an $8,000 grant."
    second = "It was also named Best Short at the ETHOS International Film Festival."
    merged, counts = merge([entry(first), entry(second)], [entry(ORIGINAL, "Il film...")], {})
    assert [(m.msgid, m.msgstr, m.fuzzy, m.previous_msgid) for m in merged] == [
        (first, "Il film...", True, ORIGINAL),
        (second, "Il film...", True, ORIGINAL),
    ]


def test_editing_one_of_two_paragraphs_with_the_same_text_offers_the_translation_still_in_use() -> None:
    """The old text stays (the other paragraph still has it), so nothing is removed: the
    edited copy takes its translation as fuzzy all the same, as msgmerge gives it."""
    edited = ORIGINAL.replace("$8,000", "$8,500")
    old = [entry(ORIGINAL, "Il film ha vinto...", references=("content/a.md:3", "content/a.md:9"))]
    merged, counts = merge(
        [entry(ORIGINAL, references=("content/a.md:3",)), entry(edited, references=("content/a.md:9",))], old, {}
    )
    assert merged == (
        entry(ORIGINAL, "Il film ha vinto...", references=("content/a.md:3",)),
        entry(edited, "Il film ha vinto...", references=("content/a.md:9",), flags=("fuzzy",), previous_msgid=ORIGINAL),
    )
    assert (counts.kept, counts.fuzzy, counts.obsoleted) == (1, 1, 0)


def test_a_new_paragraph_takes_no_translation_from_unrelated_entries_in_use() -> None:
    old = [entry(ORIGINAL, "Il film ha vinto..."), entry("Press contact", "Contatti per la stampa")]
    added = "Alessia Crucitelli was born and raised in Florence, Italy, and moved to Los Angeles in 2018."
    merged, counts = merge([entry(ORIGINAL), entry(added), entry("Press contact")], old, {})
    assert merged[1] == entry(added)
    assert counts.new == 1


def test_memory_fills_new_entries_before_fuzzy_matching() -> None:
    memory: dict[tuple[str | None, str], tuple[str, tuple[str, ...]]] = {
        (None, "Press contact"): ("Contatti per la stampa", ())
    }
    merged, counts = merge([entry("Press contact")], [entry("Press contacts", "Contatti")], memory)
    assert merged[0] == entry("Press contact", "Contatti per la stampa")
    assert merged[1] == entry("Press contacts", "Contatti", obsolete=True)
    assert counts.reused == 1


def test_merge_twice_changes_nothing() -> None:
    template = [entry("A new paragraph about the grant."), entry("Fact box")]
    old = [entry("A paragraph about the grant.", "Un paragrafo"), entry("Gone", "Andato")]
    once, _ = merge(template, old, {})
    twice, _ = merge(template, once, {})
    assert twice == once


words = st.sampled_from(
    "the film factory women workers rights grant festival award Florence 1910 $8,000 guests".split()
)
paragraphs = st.lists(words, min_size=1, max_size=12).map(" ".join)


@settings(max_examples=profile(50, 1000), deadline=None)
@given(st.lists(st.lists(paragraphs, max_size=6, unique=True), min_size=1, max_size=6))
def test_no_translation_is_ever_lost(versions: list[list[str]]) -> None:
    """Invariant 4: after any sequence of source edits and updates, every translation survives."""
    catalogue: tuple[Message, ...] = ()
    translations: set[str] = set()
    for version in versions:
        catalogue, _ = merge([entry(text) for text in version], catalogue, {})
        # The translator translates whatever is untranslated, and leaves fuzzy entries alone.
        catalogue = tuple(
            message.replace(msgstr=f"IT {message.msgid}") if not message.msgstr and not message.obsolete else message
            for message in catalogue
        )
        translations |= {message.msgstr for message in catalogue if message.msgstr}
        kept = {message.msgstr for message in catalogue}
        assert translations <= kept
        assert [m.msgid for m in catalogue if not m.obsolete] == list(dict.fromkeys(version))


sentences = st.lists(
    st.sampled_from(
        "The film won the award. Marina works in a garment factory in 1910. The grant was $8,000. "
        "About 1,000 guests attended the gala. Freeda starts a rebellion. The fire of 1911 killed more than 120 women. "
        "Alessia Crucitelli grew up in Florence. The film can be watched on YouTube.".split(". ")
    ),
    min_size=1,
    max_size=3,
).map(" ".join)
documents = st.lists(st.tuples(st.sampled_from(["# ", "## ", "- ", "> ", ""]), sentences), min_size=1, max_size=6)


@settings(max_examples=profile(15, 300), deadline=None)
@given(st.lists(documents, min_size=1, max_size=4))
def test_update_on_disk_changes_nothing_the_second_time_and_loses_no_translation(
    versions: list[list[tuple[str, str]]],
) -> None:
    """Invariants 2 and 4 through real files: every version of a source text, updated,
    translated where untranslated, then updated again."""
    import tempfile
    from pathlib import Path

    from i18ntool.po.catalogue_files import read_catalogue
    from i18ntool.po.writer import write_catalogue
    from i18ntool.project import load_project
    from i18ntool.updating import update

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "i18ntool.toml").write_text('languages = ["en", "it"]\n')
        (root / "content").mkdir()
        project = load_project(root / "i18ntool.toml")
        path = root / "locales/it/LC_MESSAGES/text.po"
        translations: set[str] = set()
        for blocks in versions:
            (root / "content" / "text.md").write_text("\n\n".join(marker + text for marker, text in blocks) + "\n")
            update(project)
            catalogue = read_catalogue(path)
            done = tuple(m if m.msgstr or m.obsolete else m.replace(msgstr=f"IT {m.msgid}") for m in catalogue.messages)
            write_catalogue(path, catalogue.replace(messages=done))
            translations |= {message.msgstr for message in done if message.msgstr}
            assert update(project).changes == ()
            assert update(project, check=True).changes == ()
            assert translations <= {message.msgstr for message in read_catalogue(path).messages}


# Texts that resemble one another, as a title, its heading and their edits do, so that
# sequences of edits meet fuzzy matches, revivals and undone edits.
RESEMBLING = [
    "Leaving the Factory on the festival circuit",
    "*Leaving the Factory* on the festival circuit",
    "Leaving the Factory at festivals around the world",
    "Screenings and prizes",
    "Screenings and awards",
    "Press contact",
    "Press contacts",
]
texts = st.one_of(st.sampled_from(RESEMBLING), paragraphs)


@settings(max_examples=profile(200, 5000), deadline=None)
@given(
    original=st.lists(texts, min_size=1, max_size=6, unique=True),
    edits=st.lists(st.lists(texts, max_size=6, unique=True), min_size=1, max_size=4),
    reviewed=st.sets(st.integers(0, 5)),
)
def test_undoing_edits_gives_every_text_back_its_translation_and_state(
    original: list[str], edits: list[list[str]], reviewed: set[int]
) -> None:
    """Any sequence of edits, then the original text back: every entry has exactly its old
    translation and state (a review included), and no translation was lost on the way."""
    import datetime

    from i18ntool.po.states import mark_review, stamp, state_of

    catalogue = tuple(
        stamp(entry(text, f"IT {text}"), "Maria Rossi", datetime.date(2026, 1, 5))
        if index in reviewed
        else entry(text, f"IT {text}")
        for index, text in enumerate(original)
    )
    before = {message.msgid: (message.msgstr, state_of(message)) for message in catalogue}
    for version in [*edits, original]:
        template = [entry(text) for text in version]
        catalogue, _ = merge(template, catalogue, {})
        catalogue = tuple(mark_review(message) for message in catalogue)  # as `update` does
        assert {f"IT {text}" for text in original} <= {message.msgstr for message in catalogue}
        assert merge(template, catalogue, {})[0] == catalogue  # a second update changes nothing
    assert {
        message.msgid: (message.msgstr, state_of(message)) for message in catalogue if not message.obsolete
    } == before


def test_a_title_edited_then_restored_while_the_body_is_emptied_and_restored_gets_everything_back(
    project_dir: Path,
) -> None:
    """Three updates: change the title; restore it and empty the body; restore the body.
    The title and the first heading are alike, as in the press kit's texts."""
    from i18ntool.po.catalogue_files import read_catalogue
    from i18ntool.po.writer import write_catalogue
    from i18ntool.project import find_project
    from i18ntool.updating import update

    project = find_project(project_dir, search_parents=False)
    source = project_dir / "content/festivals.md"
    catalogue = project_dir / "locales/it/LC_MESSAGES/festivals.po"
    front_matter = '---\nlang: en\ntitle: "Leaving the Factory on the festival circuit"\ndate: 2023-04-12\n---\n'
    body = (
        "\n# *Leaving the Factory* on the festival circuit\n\nOnce production was complete, the film made its way "
        "to festivals.\n\n## Screenings and prizes\n\nThese are the main stops on the film's journey so far.\n"
    )
    original = front_matter + body
    source.write_text(original, encoding="utf-8")
    update(project)
    translated = read_catalogue(catalogue)
    write_catalogue(
        catalogue,
        translated.replace(
            messages=tuple(
                message
                if message.obsolete
                else message.replace(msgstr=f"IT {message.msgid}", flags=(), previous_msgid=None)
                for message in translated.messages
            )
        ),
    )
    before = catalogue.read_text(encoding="utf-8")
    for version in (
        original.replace('on the festival circuit"', 'at festivals around the world"'),
        front_matter,
        original,
    ):
        source.write_text(version, encoding="utf-8")
        update(project)

    def content(text: str) -> list[str]:  # all but the date on which the template last changed
        return [line for line in text.splitlines() if not line.startswith('"POT-Creation-Date:')]

    assert content(catalogue.read_text(encoding="utf-8")) == content(before)


def test_update_tells_its_progress_once_per_domain_up_to_the_whole(project_dir: Path) -> None:
    from i18ntool.project import load_project
    from i18ntool.updating import update

    project = load_project(project_dir / "pyproject.toml")
    told: list[tuple[int, int]] = []
    update(project, check=True, progress=lambda done, total: told.append((done, total)))
    total = told[-1][1]
    assert told == [(done, total) for done in range(1, total + 1)]
    assert total == len(list((project_dir / "content").glob("*.md"))) + 1  # and the pages' words


def test_update_gives_the_garbage_collector_back(shipped_project: Path) -> None:
    assert update(load_project(shipped_project / "pyproject.toml"), check=True).changes == ()
    assert gc.isenabled()
