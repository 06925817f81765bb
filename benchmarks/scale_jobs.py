"""The jobs of issue 16's table: what each tool runs, on which input, and the targets.

Every contender is a bash script, run whole in a fresh process under ``/usr/bin/time`` (so
its start-up, and one process per file where that is how the tool is used, are timed, and
its peak memory is the largest process's). A contender with ``setup`` has it run untimed
first (a fresh copy of the project it writes into); one marked ``again`` has its own script
run once untimed before the timed run, in the same folder and cache: the timed run is then
"nothing changed since the last run". A cold i18ntool run gets an empty cache folder of its
own through I18NTOOL_CACHE_DIR.
"""

from __future__ import annotations

import functools
import random
import shlex
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import fuzzy
import scale_project

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.project import load_project
from i18ntool.updating import update

I18NTOOL = str(Path(sys.executable).parent / "i18ntool")
ISSUE_MSGMERGE_100K_SECONDS = 453.0  # issue 16's measurement, for when msgmerge is not run here


class Inputs:
    """The generated projects, made on first use in ``base``, or reused from there if an
    earlier run finished making them (``NAME.complete`` beside each; delete both to remake)."""

    def __init__(self, base: Path, documents: int, entries: int, seed: int, tools: Path) -> None:
        self.base, self.documents, self.entries, self.seed, self.tools = base, documents, entries, seed, tools

    def _made(self, name: str, make: Callable[[Path], object]) -> Path:
        folder = self.base / name
        if not (self.base / f"{name}.complete").exists():
            shutil.rmtree(folder, ignore_errors=True)
            print(f"generating {folder}", file=sys.stderr)
            make(folder)
            (self.base / f"{name}.complete").touch()
        return folder

    @functools.cached_property
    def project(self) -> Path:
        return self._made(f"press-{self.documents}", lambda f: scale_project.generate(f, self.documents, self.seed))

    @functools.cached_property
    def edited(self) -> Path:
        """The project with 5% of its paragraphs edited, and its new templates beside it."""

        def make(folder: Path) -> None:
            shutil.copytree(self.project, folder)
            scale_project.edit(folder, 0.05, self.seed)
            _templates(folder, new_templates(folder), "pyproject.toml")

        return self._made(f"press-{self.documents}-edited", make)

    @functools.cached_property
    def large(self) -> Path:
        return self._made(
            f"catalogue-{self.entries}", lambda f: scale_project.generate_large(f, self.entries, self.seed)
        )

    @functools.cache  # noqa: B019 (one Inputs per run)
    def segments(self, count: int) -> Path:
        """One document of ``count`` segments, its catalogue in a translator's state, then 5%
        edited (``fuzzy.py``'s input); its new template beside it."""

        def make(folder: Path) -> None:
            fuzzy.make_project(folder, count, random.Random(self.seed))
            _templates(folder, new_templates(folder), "i18ntool.toml")

        return self._made(f"segments-{count}", make)

    def text_bytes(self) -> int:
        """The UTF-8 size of the large catalogue's texts (msgid and msgstr)."""
        catalogue = read_catalogue(self.large / "locales/it/LC_MESSAGES/archive.po")
        return sum(len(m.msgid.encode()) + len(m.msgstr.encode()) for m in catalogue.messages)


def new_templates(project: Path) -> Path:
    return project.parent / f"{project.name}-new-templates"


def _templates(project: Path, target: Path, settings: str) -> None:
    """The project's new templates, as `i18ntool update` writes them, made in a copy without
    catalogues (so that no merging is done), for msgmerge to merge the old catalogues with."""
    scratch = project.parent / f"{project.name}-templates-only"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(project, scratch, ignore=shutil.ignore_patterns("*.po"))
    update(load_project(scratch / settings), ["en"])
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(scratch / "locales" / "templates", target)
    shutil.rmtree(scratch)


Script = Callable[[Inputs, Path], str]  # (inputs, the run's own folder) -> bash script


@dataclass(frozen=True)
class Contender:
    name: str
    script: Script
    needs: tuple[str, ...] = ()  # executables that must be on PATH
    setup: Callable[[Inputs, Path], None] | None = None  # untimed, before each run
    again: bool = False  # run once untimed first: the timed run has nothing new to do
    outcome: Callable[[Inputs, Path], str] | None = None  # what the run gave, judged untimed after it
    repeat: int = 1  # the script runs the command this many times; the time is divided by it


@dataclass(frozen=True)
class Target:
    text: str
    ours: str  # contender names in the job
    theirs: str
    factor: float  # met when ours <= theirs / factor
    memory: bool = False  # compare peak memory instead, theirs plus ``allowance``
    allowance: Callable[[Inputs], int] | None = None
    reported: float | None = None  # theirs in seconds as reported elsewhere, when theirs is not run


@dataclass(frozen=True)
class Job:
    name: str  # for --only
    title: str
    contenders: tuple[Contender, ...]
    targets: tuple[Target, ...] = ()
    slow: tuple[str, ...] = field(default=())  # contenders run only with --with-slow


def _i18ntool(project: Path, *arguments: str, cache: Path | None = None) -> str:
    command = shlex.join([I18NTOOL, "--project", str(project), *arguments])
    return (f"export I18NTOOL_CACHE_DIR={shlex.quote(str(cache))}\n" if cache else "") + command + "\n"


def _catalogues(project: Path) -> list[Path]:
    return sorted((project / "locales" / "it" / "LC_MESSAGES").glob("*.po"))


def _per_file(command: Callable[[Path], list[str]], paths: list[Path]) -> str:
    return "".join(shlex.join(command(path)) + "\n" for path in paths)


def _copy(project: Callable[[Inputs], Path]) -> Callable[[Inputs, Path], None]:
    def copy(inputs: Inputs, run: Path) -> None:
        shutil.copytree(project(inputs), run / "project")

    return copy


def _coverage_job(name: str, title: str, project: Callable[[Inputs], Path], large: bool) -> Job:
    msgfmt = Contender(
        "msgfmt --statistics, per file",
        lambda i, r: _per_file(
            lambda p: ["msgfmt", "--statistics", "-o", "/dev/null", str(p)], _catalogues(project(i))
        ),
        ("msgfmt",),
    )
    pocount = Contender(
        "pocount", lambda i, r: shlex.join(["pocount", str(project(i) / "locales" / "it")]) + "\n", ("pocount",)
    )
    sphinx = Contender(
        "sphinx-intl stat",
        # exits 1 when anything is left to translate, as here by design
        lambda i, r: (
            shlex.join(["sphinx-intl", "stat", "-d", str(project(i) / "locales"), "-l", "it"]) + " || [ $? = 1 ]\n"
        ),
        ("sphinx-intl",),
    )
    cold = Contender("i18ntool coverage, cold", lambda i, r: _i18ntool(project(i), "coverage", cache=r / "cache"))
    if large:
        return Job(
            name,
            title,
            (cold, msgfmt, pocount),
            (
                Target("at least 1.5x faster than msgfmt", cold.name, msgfmt.name, 1.5),
                Target(
                    "peak memory at most msgfmt's plus the entries' text",
                    cold.name,
                    msgfmt.name,
                    1.0,
                    memory=True,
                    allowance=Inputs.text_bytes,
                ),
            ),
        )
    again = Contender(
        "i18ntool coverage, again", lambda i, r: _i18ntool(project(i), "coverage", cache=r / "cache"), again=True
    )
    off = Contender(
        "i18ntool coverage, I18NTOOL_CACHE=off",
        lambda i, r: "export I18NTOOL_CACHE=off\n" + _i18ntool(project(i), "coverage"),
    )
    return Job(
        name,
        title,
        (cold, again, off, msgfmt, pocount, sphinx),
        (
            Target("cold: at least as fast as msgfmt --statistics", cold.name, msgfmt.name, 1.0),
            Target("again: at least 3x faster than msgfmt --statistics", again.name, msgfmt.name, 3.0),
            Target("cold: at least 3x faster than pocount", cold.name, pocount.name, 3.0),
            Target("again: at least 3x faster than pocount", again.name, pocount.name, 3.0),
            Target("nothing changed: at most a tenth of the cold run", again.name, cold.name, 10.0),
        ),
    )


def fuzzy_back(inputs: Inputs, merged: list[Path]) -> str:
    """How many edited paragraphs that had a translation in their document's catalogue got it
    back as fuzzy in ``merged`` (the old and new texts are the lines that differ between the
    project and its edited copy), against issue 16's target of 97%."""
    old = _translations(inputs.project)
    edits = []
    for path in sorted((inputs.edited / "content").glob("*.md")):
        before = (inputs.project / "content" / path.name).read_text(encoding="utf-8").split("\n")
        after = path.read_text(encoding="utf-8").split("\n")
        edits += [
            ((path.stem, was), (path.stem, now))
            for was, now in zip(before, after, strict=True)
            if was != now and (path.stem, was) in old
        ]
    entries = {(path.stem, m.msgid): m for path in merged for m in read_catalogue(path).messages if not m.obsolete}
    back = sum(1 for was, now in edits if now in entries and entries[now].fuzzy and entries[now].msgstr == old[was])
    share = back / len(edits) if edits else 1.0
    verdict = "**met**" if share >= 0.97 else f"**missed** by {0.97 - share:.1%} points"
    return f"old translation back as fuzzy for {share:.1%} ({back} of {len(edits)}) edited translated paragraphs: 97% {verdict}"


@functools.cache
def _translations(project: Path) -> dict[tuple[str, str], str]:
    """Each document's translated (not fuzzy) texts: (document, source text) -> translation."""
    return {
        (path.stem, message.msgid): message.msgstr
        for path in _catalogues(project)
        for message in read_catalogue(path).messages
        if message.msgstr and not message.fuzzy
    }


def _update_edited_job(
    name: str,
    title: str,
    project: Callable[[Inputs], Path],
    factor: float,
    slow: bool = False,
    quality: bool = False,
) -> Job:
    def msgmerge(inputs: Inputs, run: Path) -> str:
        folder = project(inputs)
        templates = new_templates(folder)
        (run / "merged").mkdir()
        return _per_file(
            lambda p: [
                "msgmerge",
                "--quiet",
                "--previous",
                "-o",
                str(run / "merged" / p.name),
                str(p),
                str(templates / f"{p.stem}.pot"),
            ],
            [p for p in _catalogues(folder) if (templates / f"{p.stem}.pot").exists()],
        )

    ours = Contender(
        "i18ntool update",
        lambda i, r: _i18ntool(r / "project", "update", cache=r / "cache"),
        setup=_copy(project),
        outcome=(lambda i, r: fuzzy_back(i, _catalogues(r / "project"))) if quality else None,
    )
    theirs = Contender(
        "msgmerge --previous, per catalogue",
        msgmerge,
        ("msgmerge",),
        outcome=(lambda i, r: fuzzy_back(i, sorted((r / "merged").glob("*.po")))) if quality else None,
    )
    target = Target(
        f"at least {factor:g}x faster than msgmerge",
        ours.name,
        theirs.name,
        factor,
        reported=ISSUE_MSGMERGE_100K_SECONDS if slow else None,
    )
    return Job(name, title, (ours, theirs), (target,), slow=(theirs.name,) if slow else ())


def _nothing_changed_job(name: str, title: str, arguments: tuple[str, ...], copy: bool) -> Job:
    def script(inputs: Inputs, run: Path) -> str:
        return _i18ntool(run / "project" if copy else inputs.project, *arguments, cache=run / "cache")

    setup = _copy(lambda i: i.project) if copy else None
    cold = Contender(f"i18ntool {' '.join(arguments)}, cold", script, setup=setup)
    again = Contender(f"i18ntool {' '.join(arguments)}, again", script, setup=setup, again=True)
    return Job(
        name,
        title,
        (cold, again),
        (Target("nothing changed: at most a tenth of the cold run", again.name, cold.name, 10.0),),
    )


MDPO_API = """\
import sys
from pathlib import Path
from mdpo.po2md import pofile_to_markdown
project, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for po in sorted((project / "locales" / "it" / "LC_MESSAGES").glob("*.po")):
    source = project / "content" / f"{po.stem}.md"
    if source.exists():
        pofile_to_markdown(str(source), str(po), save=str(out / f"{po.stem}.md"))
"""


def _build_job() -> Job:
    def build(*formats: str) -> Script:
        def script(inputs: Inputs, run: Path) -> str:
            options = [option for name in formats for option in ("--format", name)]
            return _i18ntool(inputs.project, "build", *options, "--out", str(run / "out"), cache=run / "cache")

        return script

    def mdpo(inputs: Inputs, run: Path) -> str:
        (run / "po2md_in_one_process.py").write_text(MDPO_API, encoding="utf-8")
        python = inputs.tools / "bin" / "python"
        return (
            shlex.join([str(python), str(run / "po2md_in_one_process.py"), str(inputs.project), str(run / "out")])
            + "\n"
        )

    def po4a(inputs: Inputs, run: Path) -> str:
        project = inputs.project
        (run / "out").mkdir()
        pairs = [(project / "content" / f"{p.stem}.md", p) for p in _catalogues(project)]
        return _per_file(
            lambda po: [
                *("po4a-translate", "-f", "text", "-o", "markdown", "-M", "UTF-8", "-k", "0"),
                *("-m", str(project / "content" / f"{po.stem}.md"), "-p", str(po)),
                *("-l", str(run / "out" / f"{po.stem}.md")),
            ],
            [po for source, po in pairs if source.exists()],
        )

    cold = Contender("i18ntool build --format md, cold", build("md"))
    again = Contender("i18ntool build --format md, again", build("md"), again=True)
    api = Contender("mdpo po2md API, one process", mdpo, ("po2md",))
    translate = Contender("po4a-translate, per file", po4a, ("po4a-translate",))
    return Job(
        "build",
        "build to Markdown (every document in English and Italian; html and txt too)",
        (
            cold,
            again,
            Contender("i18ntool build --format html, cold", build("html")),
            Contender("i18ntool build --format txt, cold", build("txt")),
            api,
            translate,
        ),
        (
            Target("at least 2x faster than mdpo's API", cold.name, api.name, 2.0),
            Target("at least 10x faster than po4a", cold.name, translate.name, 10.0),
            Target("nothing changed: at most a tenth of the cold run", again.name, cold.name, 10.0),
        ),
    )


def jobs() -> list[Job]:
    help_ = Contender("i18ntool --help", lambda i, r: f"for n in $(seq 10); do {I18NTOOL} --help; done\n", repeat=10)
    click = Contender(
        'python -c "import click"',
        lambda i, r: f"for n in $(seq 10); do {shlex.quote(sys.executable)} -c 'import click'; done\n",
        repeat=10,
    )
    return [
        _coverage_job("coverage", "coverage of the project", lambda i: i.project, large=False),
        _coverage_job("coverage-large", "coverage of one large catalogue", lambda i: i.large, large=True),
        _update_edited_job("update", "update, 5% of paragraphs edited", lambda i: i.edited, 5.0, quality=True),
        _update_edited_job(
            "update-10k", "update, one document of 10,000 segments, 5% edited", lambda i: i.segments(10_000), 10.0
        ),
        _update_edited_job(
            "update-100k",
            "update, one document of 100,000 segments, 5% edited",
            lambda i: i.segments(100_000),
            50.0,
            slow=True,
        ),
        _build_job(),
        _nothing_changed_job("check", "update --check, nothing changed", ("update", "--check"), copy=False),
        _nothing_changed_job("update-again", "update, nothing changed", ("update",), copy=True),
        Job(
            "help",
            "start-up",
            (help_, click),
            (Target("within 1.5x of importing click", help_.name, click.name, 1 / 1.5),),
        ),
    ]
