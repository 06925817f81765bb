"""The projects `scale.py` times: generated English press documents and their Italian catalogues.

Each document is a press text of about 50 segments: front matter (title, summary, date), a
title heading, sections under second-level headings, paragraphs with links, emphasis and
figures, fact-box list items, and one of a few boilerplate sections shared across documents
(as a press office repeats "About us"). The words are ``fuzzy.py``'s: the press kit's English,
Zipf-weighted, with people's and places' names and figures. The Italian catalogues are made by
`i18ntool update`, then put in a translator's state: 70% translated, 10% fuzzy, 20%
untranslated (to the nearest entry, over the whole project, shuffled). A translation keeps the source's markup and link targets and
turns its words into Italian-looking ones, so that it is about as long as an Italian one.
Everything is deterministic by seed (dates in headers are fixed by SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

from fuzzy import _changed, _Words  # the word model (fuzzy.py puts the repository on the path)

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.project import load_project
from i18ntool.updating import update

TRANSLATED, FUZZY, UNTRANSLATED = "translated", "fuzzy", "untranslated"
SHARES = ((TRANSLATED, 0.7), (FUZZY, 0.1), (UNTRANSLATED, 0.2))
EPOCH = "1700000000"
SETTINGS = """\
[project]
name = "scale-bench"
version = "0.0.0"

[tool.i18ntool]
name = "Generated press archive"
languages = ["en", "it"]
source-language = "en"
content = "content"
locales = "locales"
output = "build"
translatable-keys = ["title", "summary"]
publish-threshold = 50  # a document 70% translated is built in Italian, falling back where untranslated
date-locales = { en = "en_GB" }
"""
SITES = ["https://example.org", "https://press.example.com", "https://archive.example.net"]
ITALIAN = {
    "the": "il",
    "and": "e",
    "of": "di",
    "a": "un",
    "to": "a",
    "for": "per",
    "with": "con",
    "is": "è",
    "was": "era",
    "in": "in",
    "on": "su",
    "by": "da",
    "at": "a",
    "from": "da",
    "who": "che",
    "her": "sua",
    "his": "suo",
}


def generate(folder: Path, documents: int, seed: int = 1) -> Path:
    """Write a project of ``documents`` press documents with Italian catalogues into ``folder``."""
    rng = random.Random(seed)
    words = _Words(rng)
    boilerplate = [_section(words, rng, heading="About " + words.name()) for _ in range(5)]
    (folder / "content").mkdir(parents=True)
    (folder / "pyproject.toml").write_text(SETTINGS, encoding="utf-8")
    width = len(str(documents))
    for number in range(documents):
        text = _document(words, rng, number, rng.choice(boilerplate))
        (folder / "content" / f"release-{number:0{width}d}.md").write_text(text, encoding="utf-8")
    _catalogues(folder, rng)
    return folder


def generate_large(folder: Path, entries: int, seed: int = 1) -> Path:
    """Write a project of ONE document whose catalogue has ``entries`` entries (all texts unique)."""
    rng = random.Random(seed)
    words = _Words(rng)
    (folder / "content").mkdir(parents=True)
    (folder / "pyproject.toml").write_text(SETTINGS, encoding="utf-8")
    seen: set[str] = set()
    lines = ["---", "lang: en", "title: An archive of press texts", "---", ""]
    # The front matter's title is one entry: the body makes the rest.
    seen.add("An archive of press texts")
    while len(seen) < entries:
        draw = rng.random()
        if draw < 0.05:
            marker, text = "## ", words.sentence(2, 7, end="")
        elif draw < 0.15:
            marker, text = "- ", words.sentence(4, 14, end="")
        else:  # shorter paragraphs than a press text's: an archive's catalogue of ~44 MB
            marker, text = "", _paragraph(words, rng, (1, 3))
        if text in seen:
            continue
        seen.add(text)
        lines += [marker + text, ""]
    (folder / "content" / "archive.md").write_text("\n".join(lines), encoding="utf-8")
    _catalogues(folder, rng)
    return folder


def edit(folder: Path, share: float = 0.05, seed: int = 1) -> int:
    """Edit ``share`` of the project's paragraphs in place (one to three words changed, as
    `fuzzy.py` does); return how many were edited."""
    rng = random.Random(seed)
    words = _Words(rng)
    places: list[tuple[Path, int]] = []
    texts: dict[Path, list[str]] = {}
    for path in sorted((folder / "content").glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        texts[path] = lines
        body = lines.index("---", 1) + 1  # past the front matter
        places += [(path, number) for number in range(body, len(lines)) if _is_paragraph(lines[number])]
    chosen = rng.sample(places, round(len(places) * share))
    for path, number in chosen:
        texts[path][number] = _changed(texts[path][number], words, rng)
    for path in {path for path, _ in chosen}:
        path.write_text("\n".join(texts[path]), encoding="utf-8")
    return len(chosen)


def states(folder: Path) -> dict[str, int]:
    """How many entries of the project's Italian catalogues are in each state."""
    counts = {state: 0 for state, _ in SHARES}
    for path in sorted((folder / "locales" / "it" / "LC_MESSAGES").glob("*.po")):
        for message in read_catalogue(path).messages:
            if message.obsolete:
                continue
            state = FUZZY if message.fuzzy else TRANSLATED if message.msgstr else UNTRANSLATED
            counts[state] += 1
    return counts


# -- documents ---------------------------------------------------------------------------------


def _document(words: _Words, rng: random.Random, number: int, boilerplate: list[str]) -> str:
    title = words.sentence(5, 11, end="")
    day = 1 + number % 28
    lines = [
        "---",
        "lang: en",
        f'title: "{title}"',
        f'summary: "{words.sentence(12, 24)}"',
        f"date: 20{10 + number % 15}-{1 + number % 12:02d}-{day:02d}",
        "---",
        "",
        f"# {title}",
        "",
    ]
    lines += _section(words, rng, heading=None, paragraphs=rng.randint(5, 8))
    for _ in range(rng.randint(4, 6)):
        lines += _section(words, rng, heading=words.sentence(2, 6, end=""))
    lines += boilerplate
    return "\n".join(lines)


def _section(words: _Words, rng: random.Random, heading: str | None, paragraphs: int = 0) -> list[str]:
    lines = [f"## {heading}", ""] if heading else []
    for _ in range(paragraphs or rng.randint(3, 7)):
        lines += [_paragraph(words, rng), ""]
    if rng.random() < 0.4:
        for _ in range(rng.randint(3, 6)):
            label = words.sentence(1, 3, end=":")
            lines.append(f"- **{label}** {words.sentence(2, 9, end='')}")
        lines.append("")
    return lines


def _paragraph(words: _Words, rng: random.Random, sentences: tuple[int, int] = (2, 4)) -> str:
    """Two to four sentences (or as many as ``sentences`` says); some words emphasised, some a link."""
    tokens = words.paragraph(rng.randint(*sentences)).split(" ")
    if rng.random() < 0.35:
        where = rng.randrange(len(tokens) - 2)
        site = rng.choice(SITES)
        tokens[where : where + 2] = [f"[{tokens[where]} {tokens[where + 1]}]({site}/{where}-{len(tokens)})"]
    if rng.random() < 0.3:
        where = rng.randrange(len(tokens))
        if tokens[where].isalpha():
            tokens[where] = f"*{tokens[where]}*"
    return " ".join(tokens)


def _is_paragraph(line: str) -> bool:
    return bool(line) and not line.startswith(("#", "- "))


# -- catalogues --------------------------------------------------------------------------------


def _catalogues(folder: Path, rng: random.Random) -> None:
    """`update` makes the catalogues; then their entries are dealt the translator's states in
    the exact shares (to the nearest entry), shuffled over the whole project."""
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    update(load_project(folder / "pyproject.toml"))
    paths = sorted((folder / "locales" / "it" / "LC_MESSAGES").glob("*.po"))
    catalogues = [read_catalogue(path) for path in paths]
    total = sum(len(catalogue.messages) for catalogue in catalogues)
    translated, fuzzy = round(total * SHARES[0][1]), round(total * SHARES[1][1])
    dealt = [TRANSLATED] * translated + [FUZZY] * fuzzy + [UNTRANSLATED] * (total - translated - fuzzy)
    rng.shuffle(dealt)
    drawn = iter(dealt)
    for path, catalogue in zip(paths, catalogues, strict=True):
        messages = []
        for message, state in zip(catalogue.messages, drawn, strict=False):
            if state == TRANSLATED:
                message = message.replace(msgstr=_italian(message.msgid))
            elif state == FUZZY:
                message = message.replace(msgstr=_italian(message.msgid), flags=("fuzzy",))
            messages.append(message)
        write_catalogue(path, catalogue.replace(messages=tuple(messages)))


def _italian(text: str) -> str:
    """``text`` with its words made Italian-looking, its markup, link targets and placeholders kept."""
    parts = re.split(r"(\]\([^)]*\)|%\(\w+\)s)", text)
    for index in range(0, len(parts), 2):
        parts[index] = re.sub(r"[A-Za-z]+", _italian_word, parts[index])
    return "".join(parts)


def _italian_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if word in ITALIAN:
        return ITALIAN[word]
    if word[0].isupper() or len(word) < 3:
        return word  # names and short words stay
    return word + ("o" if word[-1] not in "aeiou" else "")


if __name__ == "__main__":
    sys.exit("run benchmarks/scale.py")
