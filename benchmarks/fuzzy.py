"""Fuzzy matching in `update` on one large document: i18ntool against `msgmerge --previous`.

    .venv/bin/python benchmarks/fuzzy.py --segments 1000 10000 [--seed 1] [--out report.md]

For each size, one document of that many segments is generated: press paragraphs made of the
press kit's English words (Zipf-weighted), people's and places' names and figures; headings
and list items between them; and boilerplate lines that repeat (a credit line, a contact
paragraph). Its Italian catalogue is made by `i18ntool update`, then put in a translator's
state: 70% of entries translated, 10% fuzzy, 20% untranslated. Then 5% of the paragraphs are
edited (a word replaced, inserted or dropped, a figure changed); a share of the edits falls
on one occurrence of a repeated text, whose other occurrences stay as they were.

Timed side by side on the same input: `i18ntool update` (the whole command: reading the
Markdown, merging, writing the template and the catalogue) and `msgmerge --previous` of the
old catalogue with the new template (which i18ntool wrote, untimed). Then, for both results,
the share of edited segments that had a translation and got that translation back as fuzzy,
and the fuzzy translations offered for edited segments that had none (the old text had no
translation, so anything offered is another text's). ``--only msgmerge`` or ``--only
i18ntool`` runs one tool, for a size where the other takes minutes.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from i18ntool.po.catalogue import Catalogue, Message  # noqa: E402
from i18ntool.po.catalogue_files import read_catalogue  # noqa: E402
from i18ntool.po.writer import write_catalogue  # noqa: E402
from i18ntool.project import load_project  # noqa: E402
from i18ntool.updating import update  # noqa: E402

TRANSLATED, FUZZY, UNTRANSLATED = "translated", "fuzzy", "untranslated"
REPEATED_SHARE_OF_EDITS = 0.4  # edits that fall on one occurrence of a repeated text


@dataclass(frozen=True)
class Edit:
    old: str
    new: str
    repeated: bool  # the old text occurs elsewhere in the document and stays there


@dataclass(frozen=True)
class Outcome:
    """What one tool gave the edited segments."""

    seconds: float
    own: int  # edited, translated before: got their old translation back as fuzzy
    other: int  # edited, translated before: got another entry's translation
    nothing: int  # edited, translated before: got nothing
    offered_to_untranslated: int  # edited, untranslated before: got some translation as fuzzy
    got: frozenset[str]  # new texts that got their old translation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--only", choices=("i18ntool", "msgmerge", "neither"), help="run one tool (or neither: generate)"
    )
    parser.add_argument("--out", type=Path, help="append the Markdown table here too")
    parser.add_argument("--keep", type=Path, help="leave the generated projects in this folder")
    arguments = parser.parse_args()
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    rows = [
        "| segments | edited, translated before | i18ntool s | msgmerge s | msgmerge / i18ntool "
        "| own translation back: i18ntool | msgmerge | only i18ntool | only msgmerge "
        "| offered to edits untranslated before: i18ntool | msgmerge |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as scratch:
        base = arguments.keep or Path(scratch)
        for segments in arguments.segments:
            folder = base / f"fuzzy-{segments}"
            shutil.rmtree(folder, ignore_errors=True)
            states, edits = make_project(folder, segments, random.Random(arguments.seed))
            translated = sum(1 for edit in edits if states[edit.old][0] == TRANSLATED)
            print(
                f"{segments} segments: {len(edits)} edits ({sum(e.repeated for e in edits)} in repeated texts), "
                f"{translated} of them translated before",
                file=sys.stderr,
            )
            ours = run_i18ntool(folder, states, edits) if arguments.only in (None, "i18ntool") else None
            if ours:
                print(f"  i18ntool update {ours.seconds:.2f} s", file=sys.stderr)
            theirs = run_msgmerge(folder, states, edits) if arguments.only in (None, "msgmerge") else None
            if theirs:
                print(f"  msgmerge --previous {theirs.seconds:.2f} s", file=sys.stderr)
            rows.append(_row(segments, translated, ours, theirs))
    table = "\n".join(rows) + "\n"
    print(table)
    if arguments.out:
        with arguments.out.open("a", encoding="utf-8") as report:
            report.write(table)


def _row(segments: int, translated: int, ours: Outcome | None, theirs: Outcome | None) -> str:
    def share(outcome: Outcome | None) -> str:
        return f"{outcome.own / translated:.1%} ({outcome.own})" if outcome and translated else "-"

    ratio = f"{theirs.seconds / ours.seconds:.1f}" if ours and theirs else "-"
    only_ours = len(ours.got - theirs.got) if ours and theirs else "-"
    only_theirs = len(theirs.got - ours.got) if ours and theirs else "-"
    return (
        (f"| {segments:,} | {translated} | {ours.seconds:.2f} |" if ours else f"| {segments:,} | {translated} | - |")
        + (
            f" {theirs.seconds:.2f} | {ratio} | {share(ours)} | {share(theirs)} | {only_ours} | {only_theirs} "
            if theirs
            else f" - | - | {share(ours)} | - | - | - "
        )
        + (f"| {ours.offered_to_untranslated if ours else '-'} | {theirs.offered_to_untranslated if theirs else '-'} |")
    )


# -- the input -------------------------------------------------------------------------------


def make_project(folder: Path, segments: int, rng: random.Random) -> tuple[dict[str, tuple[str, str]], list[Edit]]:
    """A project with one document of ``segments`` blocks, its catalogue in a translator's
    state, and the document then edited. Returns each old text's (state, translation)
    and the edits."""
    (folder / "content").mkdir(parents=True)
    (folder / "i18ntool.toml").write_text('name = "bench"\nlanguages = ["en", "it"]\n', encoding="utf-8")
    blocks = _document(segments, rng)
    source = folder / "content" / "archive.md"
    source.write_text(_markdown(blocks), encoding="utf-8")
    project = load_project(folder / "i18ntool.toml")
    update(project)
    path = project.catalogue_path("it", "archive")
    catalogue = read_catalogue(path)
    states: dict[str, tuple[str, str]] = {}
    messages = []
    for number, message in enumerate(catalogue.messages):
        draw = rng.random()
        state = TRANSLATED if draw < 0.7 else FUZZY if draw < 0.8 else UNTRANSLATED
        translation = "" if state == UNTRANSLATED else f"[it {number}] {message.msgid}"
        states[message.msgid] = (state, translation)
        messages.append(message.replace(msgstr=translation, flags=("fuzzy",) if state == FUZZY else ()))
    write_catalogue(path, catalogue.replace(messages=tuple(messages)))
    edits = _edit(blocks, rng)
    source.write_text(_markdown(blocks), encoding="utf-8")
    return states, edits


def _document(segments: int, rng: random.Random) -> list[tuple[str, str]]:
    """``segments`` blocks as (marker, text): paragraphs, headings, list items, repeated lines."""
    words = _Words(rng)
    boilerplate = [words.paragraph(rng.randint(1, 2)) for _ in range(max(3, segments // 100))]
    boilerplate += [words.sentence(4, 9) for _ in range(max(3, segments // 100))]
    blocks: list[tuple[str, str]] = []
    while len(blocks) < segments:
        draw = rng.random()
        if draw < 0.1:
            blocks.append(("## ", words.sentence(2, 7, end="")))
        elif draw < 0.2:
            blocks.extend(("- ", words.sentence(4, 14, end="")) for _ in range(rng.randint(2, 4)))
        elif draw < 0.3:
            blocks.append(("", rng.choice(boilerplate)))
        else:
            blocks.append(("", words.paragraph(rng.randint(2, 4))))
    return blocks[:segments]


def _edit(blocks: list[tuple[str, str]], rng: random.Random) -> list[Edit]:
    """Edit 5% of the paragraphs in place; return the edits."""
    counts = collections.Counter(text for _, text in blocks)
    known = set(counts)
    paragraphs = [i for i, (marker, _) in enumerate(blocks) if marker == ""]
    unique = [i for i in paragraphs if counts[blocks[i][1]] == 1]
    occurrences: dict[str, list[int]] = {}
    for i in paragraphs:
        if counts[blocks[i][1]] > 1:
            occurrences.setdefault(blocks[i][1], []).append(i)
    wanted = len(paragraphs) // 20
    on_repeated = min(len(occurrences), round(wanted * REPEATED_SHARE_OF_EDITS))
    repeated = [rng.choice(places) for places in rng.sample(list(occurrences.values()), on_repeated)]
    chosen = rng.sample(unique, wanted - on_repeated) + repeated
    edits = []
    words = _Words(rng)
    for index in chosen:
        old = blocks[index][1]
        new = _changed(old, words, rng)
        if new in known:
            continue
        known.add(new)
        blocks[index] = ("", new)
        edits.append(Edit(old=old, new=new, repeated=counts[old] > 1))
    return edits


def _changed(text: str, words: _Words, rng: random.Random) -> str:
    """``text`` with one to three word changes, as an editor makes them."""
    tokens = text.split(" ")
    for _ in range(rng.randint(1, 3)):
        where = rng.randrange(1, len(tokens) - 1) if len(tokens) > 2 else 0
        kind = rng.random()
        if kind < 0.5:
            tokens[where] = words.word()
        elif kind < 0.7:
            tokens.insert(where, words.word())
        elif kind < 0.85 and len(tokens) > 4:
            del tokens[where]
        else:
            tokens[where] = words.figure()
    return " ".join(tokens)


def _markdown(blocks: list[tuple[str, str]]) -> str:
    parts = ["---\nlang: en\ntitle: An archive of press texts\n---\n"]
    for number, (marker, text) in enumerate(blocks):
        follows_item = marker == "- " and number > 0 and blocks[number - 1][0] == "- "
        parts.append(("" if follows_item else "\n") + marker + text + "\n")
    return "".join(parts)


class _Words:
    """Words as press texts use them: the press kit's English words, Zipf-weighted, with
    people's and places' names and figures."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        counts: collections.Counter[str] = collections.Counter()
        for path in sorted((REPOSITORY / "content").glob("*.md")):
            text = path.read_text(encoding="utf-8")
            if "lang: en" in text:
                counts.update(word.lower() for word in re.findall(r"[A-Za-z][a-z']+", text))
        self.vocabulary = [word for word, _ in counts.most_common()]
        self.weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.vocabulary))]
        self.summed = list(itertools.accumulate(self.weights))  # summed once, not for every word
        syllables = "al ber ca do el fi gia lo ma ne ri sa to va zo mon cru rus tel par".split()
        names = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(40000)}
        self.names = sorted(names)
        self.name_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.names))]
        self.names_summed = list(itertools.accumulate(self.name_weights))

    def word(self) -> str:
        return self.rng.choices(self.vocabulary, cum_weights=self.summed)[0]

    def name(self) -> str:
        return self.rng.choices(self.names, cum_weights=self.names_summed)[0]

    def figure(self) -> str:
        return self.rng.choice(
            [
                f"{self.rng.randint(1890, 2030)}",
                f"${self.rng.randint(1, 99)},{self.rng.randint(0, 999):03d}",
                f"{self.rng.randint(2, 950)}",
                f"{self.rng.randint(1, 99)}%",
            ]
        )

    def sentence(self, shortest: int, longest: int, end: str = ".") -> str:
        length = self.rng.randint(shortest, longest)
        tokens = self.rng.choices(self.vocabulary, cum_weights=self.summed, k=length)
        for _ in range(self.rng.randint(0, 2 if length > 6 else 1)):
            tokens[self.rng.randrange(length)] = self.name() + (f" {self.name()}" if self.rng.random() < 0.5 else "")
        if length > 8 and self.rng.random() < 0.4:
            tokens[self.rng.randrange(length)] = self.figure()
        if length > 10:
            comma = self.rng.randrange(3, length - 3)
            tokens[comma] += ","
        return (tokens[0][0].upper() + tokens[0][1:] + " " + " ".join(tokens[1:])).strip() + end

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence(8, 26) for _ in range(sentences))


# -- running the tools -------------------------------------------------------------------------


def run_i18ntool(folder: Path, states: dict[str, tuple[str, str]], edits: list[Edit]) -> Outcome:
    work = folder.parent / f"{folder.name}-i18ntool"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(folder, work)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "i18ntool", "--project", str(work), "update"], check=True, capture_output=True
    )
    seconds = time.perf_counter() - start
    return _outcome(seconds, read_catalogue(work / "locales/it/LC_MESSAGES/archive.po"), states, edits)


def run_msgmerge(folder: Path, states: dict[str, tuple[str, str]], edits: list[Edit]) -> Outcome:
    work = folder.parent / f"{folder.name}-msgmerge"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(folder, work)
    template = work / "new.pot"
    _write_template(work, template)
    start = time.perf_counter()
    subprocess.run(
        [
            "msgmerge",
            "--quiet",
            "--previous",
            "-o",
            str(work / "merged.po"),
            str(work / "locales/it/LC_MESSAGES/archive.po"),
            str(template),
        ],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - start
    return _outcome(seconds, read_catalogue(work / "merged.po"), states, edits)


def _write_template(work: Path, target: Path) -> None:
    """The new template, as `i18ntool update` writes it (in a copy, with the catalogue removed
    so that no fuzzy matching is timed or done)."""
    scratch = work / "template-only"
    shutil.copytree(work, scratch, ignore=shutil.ignore_patterns("*.po", "template-only"))
    update(load_project(scratch / "i18ntool.toml"), ["en"])
    shutil.copy(scratch / "locales/templates/archive.pot", target)
    shutil.rmtree(scratch)


def _outcome(seconds: float, merged: Catalogue, states: dict[str, tuple[str, str]], edits: list[Edit]) -> Outcome:
    by_text: dict[str, Message] = {message.msgid: message for message in merged.messages if not message.obsolete}
    own = other = nothing = offered = 0
    got = set()
    for edit in edits:
        state, translation = states[edit.old]
        message = by_text[edit.new]
        offered_any = bool(message.msgstr) and message.fuzzy
        if state == UNTRANSLATED:
            offered += offered_any
        elif state == TRANSLATED:
            if offered_any and message.msgstr == translation:
                own += 1
                got.add(edit.new)
            elif offered_any:
                other += 1
            else:
                nothing += 1
    return Outcome(seconds, own, other, nothing, offered, frozenset(got))


if __name__ == "__main__":
    main()
