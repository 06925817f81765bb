"""Time i18ntool against the tools its users would otherwise use, on the same input.

    .venv/bin/python benchmarks/run.py [--copies 40] [--runs 5] [--out BENCHMARKS.md]

``--out`` puts the report in its marked section of that file (``report_file.py``), leaving
the file's other sections as they are.

Two inputs: the shipped press kit, and a large kit made of ``--copies`` renamed copies of
each of its documents with their catalogues. Each task runs every tool on the same files,
``--runs`` times, and reports the median wall time and i18ntool's time as a ratio of the
other tool's (below 1 means i18ntool is faster). Whole commands are timed, start-up
included, because that is what a user or a CI job waits for.

Tools are found on PATH or in a scratch virtual environment given with ``--tools-venv``
(``pip install translate-toolkit mdpo`` there; ``apt-get install gettext po4a``): never as
i18ntool's own dependencies. A tool that is missing is reported as such, not skipped
silently. Machines are noisy: compare ratios from one run, not seconds across runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from report_file import write_section

REPOSITORY = Path(__file__).resolve().parent.parent
I18NTOOL = [sys.executable, "-m", "i18ntool"]


@dataclass(frozen=True)
class Tool:
    name: str
    commands: Callable[[Path], Sequence[Sequence[str]]]  # the commands to run, from the project folder
    needs: str  # the executable that must exist
    prepare: Callable[[Path], None] | None = None  # run before each timed run, untimed


@dataclass(frozen=True)
class Task:
    title: str
    what: str
    tools: Sequence[Tool]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40, help="copies of each document in the large kit")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tools-venv", type=Path, default=Path("/tmp/bench-venv"))
    parser.add_argument("--out", type=Path, help="write the Markdown report into its marked section of this file too")
    arguments = parser.parse_args()
    os.environ["PATH"] = f"{arguments.tools_venv / 'bin'}{os.pathsep}{os.environ['PATH']}"
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    os.environ["NO_COLOR"] = "1"
    # Every run does the whole work: the other tools keep nothing between runs, so i18ntool's
    # cache of answers is off here (benchmarks/scale.py times the runs with nothing changed).
    os.environ["I18NTOOL_CACHE"] = "off"
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # Python tools run from bytecode, as users run them
    lines = [
        f"Made by `python benchmarks/run.py --copies {arguments.copies} --runs {arguments.runs}` on "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{_versions()}. Median wall time of {arguments.runs} runs, start-up included; "
        "the ratio is i18ntool's time over the other tool's (below 1: i18ntool is faster).",
        "",
    ]
    with tempfile.TemporaryDirectory() as scratch:
        kits = {
            "press kit": _copy_kit(Path(scratch) / "kit", copies=1),
            f"large kit (x{arguments.copies})": _copy_kit(Path(scratch) / "large", copies=arguments.copies),
        }
        for label, kit in kits.items():
            documents = len(list((kit / "content").glob("*.md")))
            words = sum(len(path.read_text(encoding="utf-8").split()) for path in (kit / "content").glob("*.md"))
            catalogues = len(list((kit / "locales").rglob("*.po")))
            lines += [f"## {label}: {documents} documents, {words:,} words, {catalogues} catalogues", ""]
            lines += ["| task | tool | median s | i18ntool / tool |", "|---|---|---:|---:|"]
            for task in _tasks():
                results: dict[str, float | str | None] = {}
                for tool in task.tools:
                    if shutil.which(tool.needs) is None and tool.needs != sys.executable:
                        results[tool.name] = None
                        continue
                    try:
                        results[tool.name] = _time(tool, kit, arguments.runs)
                    except RuntimeError as error:
                        results[tool.name] = str(error)
                ours = results.get("i18ntool")
                for name, seconds in results.items():
                    if seconds is None:
                        lines.append(f"| {task.title} | {name} | not installed | |")
                        continue
                    if isinstance(seconds, str):
                        lines.append(f"| {task.title} | {name} | failed: {seconds} | |")
                        continue
                    ratio = "" if name == "i18ntool" or not isinstance(ours, float) else f"{ours / seconds:.2f}"
                    lines.append(f"| {task.title} | {name} | {seconds:.3f} | {ratio} |")
                print(f"{label}: {task.title} done", file=sys.stderr)
            lines.append("")
    lines += [
        "## Reading the figures",
        "",
        "- md2po, po2md and po4a run once per file, as their users run them, so they pay their start-up "
        "for every document; i18ntool does a whole project in one process.",
        "- `i18ntool update --check` and `i18ntool coverage` parse every Markdown source and count "
        "against it (so an edit not yet merged shows), where msgcmp, msgfmt and pocount read only "
        "the catalogues: the extra work is the ratio above 1 on those rows.",
        "- Python's start-up and imports (about 0.1 s) dominate every i18ntool row on the small kit.",
        "",
    ]
    lines += ["## What each task runs", ""]
    for task in _tasks():
        lines.append(f"- **{task.title}**: {task.what}")
    report = "\n".join(lines) + "\n"
    print(report)
    if arguments.out:
        write_section(arguments.out, "benchmarks/run.py", report)


def _tasks() -> list[Task]:
    def sources(kit: Path) -> list[Path]:
        return sorted((kit / "content").glob("*.md"))

    def catalogues(kit: Path) -> list[Path]:
        return sorted((kit / "locales").rglob("*.po"))

    return [
        Task(
            "extract (Markdown to templates)",
            "every source text cut into a PO template: `i18ntool update` into an empty locales "
            "folder (templates and catalogues); `md2po` (mdpo) once per file; `po4a-updatepo` "
            "(po4a, Markdown mode) once per file.",
            [
                Tool(
                    "i18ntool",
                    lambda kit: [[*I18NTOOL, "--project", str(kit / "fresh"), "update"]],
                    sys.executable,
                    prepare=lambda kit: _fresh_project(kit),
                ),
                Tool(
                    "md2po",
                    lambda kit: [
                        ["md2po", str(path), "--save", "--po-filepath", str(kit / "out" / f"{path.stem}.pot"), "-q"]
                        for path in sources(kit)
                    ],
                    "md2po",
                    prepare=lambda kit: (kit / "out").mkdir(exist_ok=True),
                ),
                Tool(
                    "po4a-updatepo",
                    lambda kit: [
                        [
                            "po4a-updatepo",
                            "-f",
                            "text",
                            "-o",
                            "markdown",
                            "-M",
                            "UTF-8",
                            "-m",
                            str(path),
                            "-p",
                            str(kit / "out" / f"{path.stem}.pot"),
                        ]
                        for path in sources(kit)
                    ],
                    "po4a-updatepo",
                    prepare=lambda kit: (kit / "out").mkdir(exist_ok=True),
                ),
            ],
        ),
        Task(
            "in-step check",
            "`i18ntool update --check` (reads every source and catalogue, merges in memory, "
            "compares); gettext's nearest equivalent is `msgcmp` of each catalogue against its "
            "template, which compares but reads no Markdown.",
            [
                Tool("i18ntool", lambda kit: [[*I18NTOOL, "--project", str(kit), "update", "--check"]], sys.executable),
                Tool(
                    "msgcmp",
                    lambda kit: [
                        ["msgcmp", "--use-untranslated", str(path), str(_template_of(kit, path))]
                        for path in catalogues(kit)
                    ],
                    "msgcmp",
                ),
            ],
        ),
        Task(
            "rewrite catalogues (read and write every catalogue)",
            "i18ntool's strict reader and gettext-layout writer over every catalogue, in one "
            "process; `msgcat` once per catalogue.",
            [
                Tool("i18ntool", lambda kit: [[sys.executable, "-c", _REWRITE, str(kit / "locales")]], sys.executable),
                Tool(
                    "msgcat",
                    lambda kit: [["msgcat", "-o", "/dev/null", str(path)] for path in catalogues(kit)],
                    "msgcat",
                ),
            ],
        ),
        Task(
            "statistics (count states)",
            "`i18ntool coverage --format json` (per document and language, words too); "
            "`msgfmt --statistics` once per catalogue; `pocount` (Translate Toolkit) on the "
            "locales folder.",
            [
                Tool(
                    "i18ntool",
                    lambda kit: [[*I18NTOOL, "--project", str(kit), "coverage", "--format", "json"]],
                    sys.executable,
                ),
                Tool(
                    "msgfmt --statistics",
                    lambda kit: [["msgfmt", "--statistics", "-o", "/dev/null", str(path)] for path in catalogues(kit)],
                    "msgfmt",
                ),
                Tool("pocount", lambda kit: [["pocount", str(kit / "locales")]], "pocount"),
            ],
        ),
        Task(
            "translate back (catalogues to Markdown)",
            "`i18ntool build --format md` (every document in every language); `po2md` (mdpo) "
            "once per document and target language; `po4a-translate` (Markdown mode, "
            "`-k 0`) once per document and target language.",
            [
                Tool(
                    "i18ntool",
                    lambda kit: [
                        [*I18NTOOL, "--project", str(kit), "build", "--format", "md", "--out", str(kit / "built")]
                    ],
                    sys.executable,
                    prepare=lambda kit: shutil.rmtree(kit / "built", ignore_errors=True),
                ),
                Tool(
                    "po2md",
                    lambda kit: [
                        [
                            "po2md",
                            str(source),
                            "--pofiles",
                            str(po),
                            "--save",
                            str(kit / "out" / f"{po.stem}.{po.parent.parent.name}.md"),
                            "-q",
                        ]
                        for source, po in _pairs(kit)
                    ],
                    "po2md",
                    prepare=lambda kit: (kit / "out").mkdir(exist_ok=True),
                ),
                Tool(
                    "po4a-translate",
                    lambda kit: [
                        [
                            "po4a-translate",
                            "-f",
                            "text",
                            "-o",
                            "markdown",
                            "-M",
                            "UTF-8",
                            "-k",
                            "0",
                            "-m",
                            str(source),
                            "-p",
                            str(po),
                            "-l",
                            str(kit / "out" / f"{po.stem}.{po.parent.parent.name}.md"),
                        ]
                        for source, po in _pairs(kit)
                    ],
                    "po4a-translate",
                    prepare=lambda kit: (kit / "out").mkdir(exist_ok=True),
                ),
            ],
        ),
    ]


_REWRITE = """
import sys
from pathlib import Path
from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.layout import format_catalogue
for path in sorted(Path(sys.argv[1]).rglob('*.po')):
    format_catalogue(read_catalogue(path)).encode('utf-8')
"""


def _pairs(kit: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for po in sorted((kit / "locales").rglob("*.po")):
        source = kit / "content" / f"{po.stem}.md"
        if source.exists():
            pairs.append((source, po))
    return pairs


def _template_of(kit: Path, catalogue: Path) -> Path:
    return kit / "locales" / "templates" / f"{catalogue.stem}.pot"


def _fresh_project(kit: Path) -> None:
    fresh = kit / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    shutil.copy(kit / "pyproject.toml", fresh / "pyproject.toml")
    shutil.copytree(kit / "content", fresh / "content")


def _copy_kit(target: Path, copies: int) -> Path:
    """The press kit, each document and its catalogues copied ``copies`` times under new ids."""
    target.mkdir(parents=True)
    shutil.copy(REPOSITORY / "pyproject.toml", target / "pyproject.toml")
    if copies == 1:
        shutil.copytree(REPOSITORY / "content", target / "content")
        shutil.copytree(REPOSITORY / "locales", target / "locales")
        return target
    for source in sorted((REPOSITORY / "content").glob("*.md")):
        for number in range(copies):
            name = f"{source.stem}-{number:03d}"
            (target / "content").mkdir(exist_ok=True)
            shutil.copy(source, target / "content" / f"{name}.md")
            for catalogue in (REPOSITORY / "locales").rglob(f"{source.stem}.po*"):
                relative = catalogue.relative_to(REPOSITORY / "locales")
                copy = target / "locales" / relative.parent / f"{name}{catalogue.suffix}"
                copy.parent.mkdir(parents=True, exist_ok=True)
                text = catalogue.read_text(encoding="utf-8").replace(f"content/{source.stem}.md", f"content/{name}.md")
                copy.write_text(text, encoding="utf-8")
    for extra in (REPOSITORY / "locales").rglob("*.po*"):
        if not (REPOSITORY / "content" / f"{extra.stem}.md").exists():  # catalogues with no document (UI)
            copy = target / "locales" / extra.relative_to(REPOSITORY / "locales")
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(extra, copy)
    return target


def _time(tool: Tool, kit: Path, runs: int) -> float:
    durations = []
    for _ in range(runs):
        if tool.prepare is not None:
            tool.prepare(kit)
        start = time.perf_counter()
        for command in tool.commands(kit):
            result = subprocess.run(command, cwd=kit, capture_output=True, check=False)
            if result.returncode not in (0, 1):
                message = result.stderr.decode(errors="replace").strip().splitlines()
                raise RuntimeError(message[-1] if message else f"exit {result.returncode}")
        durations.append(time.perf_counter() - start)
    return statistics.median(durations)


def _versions() -> str:
    found = []
    for command in (["msgfmt", "--version"], ["po4a", "--version"], ["md2po", "--version"], ["pocount", "--version"]):
        if shutil.which(command[0]):
            output = subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip().splitlines()
            found.append(output[0] if output else command[0])
    return "; ".join(found) or "no other tools installed"


if __name__ == "__main__":
    main()
