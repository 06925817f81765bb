"""Figure-only edits in `update`: how many fuzzy entries they make, and how many are carried.

    .venv/bin/python benchmarks/figure_edits.py [--documents 1000] [--paragraphs 8] [--seed 1]

A generated project of ``--documents`` English documents of ``--paragraphs`` paragraphs each
(the press kit's English words, Zipf-weighted, with figures as press texts write them: years,
amounts in dollars, counts, percentages with and without decimals, dates with a month name;
a translation writes half the counts up to ten in words, as Italian style has it),
and their Italian catalogues, 80% translated: a translation writes every figure as Italian
does (8.000 dollari, 12,5%, 8 marzo) and its words apart from the source's (an i appended).
Then 5% of the paragraphs are edited as editors edit them: half change one figure (or two,
a quarter of those), half change words (a fifth of those a figure too). One `update`, and
the counts: fuzzy entries made by the edits, how many of those edits changed only figures,
how many were carried, and whether each carried translation is exactly the translation of
the new text (the generator knows it). A figure-only edit left uncarried is listed with its
figures, so that each can be told from a miss.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from i18ntool.figures.reading import extract  # noqa: E402
from i18ntool.po.catalogue_files import read_catalogue  # noqa: E402
from i18ntool.po.states import figures_carried  # noqa: E402
from i18ntool.po.writer import write_catalogue  # noqa: E402
from i18ntool.project import Project, load_project  # noqa: E402
from i18ntool.updating import update  # noqa: E402

MONTHS = [
    ("January", "gennaio"),
    ("March", "marzo"),
    ("May", "maggio"),
    ("June", "giugno"),
    ("September", "settembre"),
    ("November", "novembre"),
]
ITALIAN_WORDS = dict(enumerate("zero uno due tre quattro cinque sei sette otto nove dieci".split()))
Token = tuple[str, str, str]  # English, Italian, kind ("word" or a figure's kind)


@dataclass
class Paragraph:
    tokens: list[Token]

    def english(self) -> str:
        return " ".join(english for english, _, _ in self.tokens) + "."

    def italian(self) -> str:
        return " ".join(italian for _, italian, _ in self.tokens) + "."


@dataclass(frozen=True)
class Edit:
    document: str
    old: str
    new: str
    expected: str  # the translation of the new text
    figures_only: bool


class Generator:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        counts: collections.Counter[str] = collections.Counter()
        for path in sorted((REPOSITORY / "content").glob("*.md")):
            text = path.read_text(encoding="utf-8")
            if "lang: en" in text:
                counts.update(word.lower() for word in re.findall(r"[A-Za-z][a-z']+", text))
        months = {name.lower() for name, _ in MONTHS} | {"may", "march"}
        self.vocabulary = [word for word, _ in counts.most_common() if word not in months]
        self.weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.vocabulary))]

    def word(self) -> Token:
        word = self.rng.choices(self.vocabulary, self.weights)[0]
        return word, word + "i", "word"  # no Italian article ends in i

    def figure(self, kind: str | None = None, in_words: bool = True) -> Token:
        kind = kind or self.rng.choice(["year", "amount", "count", "percent", "date"])
        rng = self.rng
        if kind == "year":
            year = str(rng.randint(1890, 2030))
            return year, year, kind
        if kind == "amount":
            value = rng.choice([rng.randint(1, 999) * 1000, rng.randint(1, 99) * 500, rng.randint(10, 990)])
            return f"${value:,}", f"{value:,}".replace(",", ".") + " dollari", kind
        if kind == "count":
            if rng.random() < 0.25:  # a small count, which a translation may write in words
                value = rng.randint(2, 10)
                return str(value), ITALIAN_WORDS[value] if in_words and rng.random() < 0.5 else str(value), kind
            value = rng.randint(11, 950)
            return str(value), str(value), kind
        if kind == "percent":
            value = rng.choice([str(rng.randint(1, 99)), f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"])
            return f"{value}%", f"{value.replace('.', ',')}%", kind
        day = rng.randint(1, 28)
        english, italian = rng.choice(MONTHS)
        return f"{day} {english}", f"{day} {italian}", "date"

    def paragraph(self) -> Paragraph:
        tokens = [self.word() for _ in range(self.rng.randint(10, 40))]
        for _ in range(self.rng.choice([0, 1, 1, 2, 2, 3])):
            tokens[self.rng.randrange(1, len(tokens))] = self.figure()
        return Paragraph(tokens)

    def edited(self, paragraph: Paragraph) -> tuple[Paragraph, bool]:
        """An editor's edit of ``paragraph``, and whether it changed only figures."""
        tokens = list(paragraph.tokens)
        figures = [index for index, token in enumerate(tokens) if token[2] != "word"]
        if figures and self.rng.random() < 0.5:
            for index in self.rng.sample(figures, 2 if len(figures) > 1 and self.rng.random() < 0.25 else 1):
                tokens[index] = self._other_figure(tokens[index])
            return Paragraph(tokens), True
        for _ in range(self.rng.randint(1, 3)):
            tokens[self.rng.randrange(1, len(tokens))] = self.word()
        if figures and self.rng.random() < 0.2:
            index = self.rng.choice(figures)
            tokens[index] = self._other_figure(tokens[index])
        words = [token for token in tokens if token[2] == "word"]  # a word may have been replaced by itself
        return Paragraph(tokens), words == [token for token in paragraph.tokens if token[2] == "word"]

    def _other_figure(self, token: Token) -> Token:
        # The translation of the new text writes the new figure in digits, as carrying does.
        while (new := self.figure(token[2], in_words=False))[0] == token[0]:
            pass
        return new


def make_project(folder: Path, documents: int, paragraphs: int, rng: random.Random) -> list[Edit]:
    """The project, its Italian catalogues translated (80% of entries), then the sources edited."""
    (folder / "content").mkdir(parents=True)
    (folder / "i18ntool.toml").write_text('name = "bench"\nlanguages = ["en", "it"]\n', encoding="utf-8")
    generator = Generator(rng)
    texts = {f"text-{number:04d}": [generator.paragraph() for _ in range(paragraphs)] for number in range(documents)}
    for name, body in texts.items():
        _write(folder, name, body)
    project = load_project(folder / "i18ntool.toml")
    update(project)
    for name, body in texts.items():
        translations = {paragraph.english(): paragraph.italian() for paragraph in body}
        path = project.catalogue_path("it", name)
        catalogue = read_catalogue(path)
        messages = tuple(
            message.replace(msgstr=translations.get(message.msgid, ""))
            if message.msgid in translations and rng.random() < 0.8
            else message
            for message in catalogue.messages
        )
        write_catalogue(path, catalogue.replace(messages=messages))
    edits = []
    for name, body in texts.items():
        for index, paragraph in enumerate(body):
            if rng.random() < 0.05:
                new, figures_only = generator.edited(paragraph)
                body[index] = new
                edits.append(Edit(name, paragraph.english(), new.english(), new.italian(), figures_only))
        _write(folder, name, body)
    return edits


def _write(folder: Path, name: str, body: list[Paragraph]) -> None:
    text = "---\nlang: en\n---\n" + "".join(f"\n{paragraph.english()}\n" for paragraph in body)
    (folder / "content" / f"{name}.md").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--paragraphs", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="leave the generated project in this folder")
    arguments = parser.parse_args()
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    with tempfile.TemporaryDirectory() as scratch:
        folder = (arguments.keep or Path(scratch)) / "figure-edits"
        shutil.rmtree(folder, ignore_errors=True)
        edits = make_project(folder, arguments.documents, arguments.paragraphs, random.Random(arguments.seed))
        project = load_project(folder / "i18ntool.toml")
        start = time.perf_counter()
        update(project, ["it"])
        seconds = time.perf_counter() - start
        report(project, edits, seconds, arguments)


def report(project: Project, edits: list[Edit], seconds: float, arguments: argparse.Namespace) -> None:
    counts: collections.Counter[str] = collections.Counter()
    uncarried = []
    differing = []
    catalogues = {}
    for edit in edits:
        if edit.document not in catalogues:
            catalogues[edit.document] = {
                message.msgid: message
                for message in read_catalogue(project.catalogue_path("it", edit.document)).messages
                if not message.obsolete
            }
        message = catalogues[edit.document][edit.new]
        if not message.fuzzy:
            continue
        counts["fuzzy"] += 1
        counts["figures only"] += edit.figures_only
        if figures_carried(message):
            counts["carried"] += 1
            counts["carried right"] += message.msgstr == edit.expected
            if message.msgstr != edit.expected:
                differing.append((edit, message.msgstr))
            counts["carried, not figures only"] += not edit.figures_only
        elif edit.figures_only:
            uncarried.append(edit)
    all_fuzzy = sum(
        sum(1 for message in read_catalogue(path).messages if message.fuzzy and not message.obsolete)
        for path in sorted(project.locales_dir.glob("it/LC_MESSAGES/*.po"))
    )
    print(
        f"{arguments.documents} documents x {arguments.paragraphs} paragraphs, seed {arguments.seed}: "
        f"{len(edits)} paragraphs edited; update {seconds:.1f} s"
    )
    print(f"fuzzy entries in the Italian catalogues: {all_fuzzy}")
    print(f"  made by the edits (the edited paragraph had a translation): {counts['fuzzy']}")
    print(f"  of which figure-only edits: {counts['figures only']}")
    print(f"  carried: {counts['carried']} (exactly the new text's translation: {counts['carried right']})")
    print(f"  carried, though words changed too: {counts['carried, not figures only']}")
    print(f"  figure-only, not carried: {len(uncarried)}")
    for edit in uncarried[:10]:
        print(f"    {edit.document}: {_figures(edit.old)} -> {_figures(edit.new)}")
    print(f"  carried, not as the generator translates the new text: {len(differing)}")
    for edit, carried in differing[:10]:
        print(f"    {edit.document}: {_figures(edit.old)} -> {_figures(edit.new)}")
        print(f"      carried:  {carried}\n      expected: {edit.expected}")


def _figures(text: str) -> str:
    return ", ".join(figure.text for figure in extract(text, "en"))


if __name__ == "__main__":
    main()
