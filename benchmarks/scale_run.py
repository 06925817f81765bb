"""Run `scale.py run`: time each job's contenders in paired rounds and write the report.

In each round every contender of a job runs once, the order turned by one place per round
(so that no tool always runs first, on a cold disk cache, or last, on a busy machine); the
report gives each contender's median, its peak memory (the largest process of the run, from
``/usr/bin/time -f %M``), i18ntool's time over it, and each target met or missed, by how much.
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
from dataclasses import dataclass
from pathlib import Path

from report_file import write_section
from scale_jobs import Contender, Inputs, Job, Target, jobs

REPOSITORY = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Measure:
    outcome: str  # what the run gave, where the job judges it (the last run's)
    seconds: float  # median
    spread: tuple[float, float]  # fastest and slowest run
    peak_kib: int  # largest over the runs


def _compile_python_once(tools_venv: Path) -> None:
    """Every Python tool timed here runs as on a user's machine, from compiled bytecode: a
    sandbox or CI that sets PYTHONDONTWRITEBYTECODE would have each run compile every module
    it imports again (about 0.15 s of i18ntool's start, and of pocount's, sphinx-intl's and
    mdpo's). So the variable is dropped, and i18ntool's and the tools' environments are compiled
    once, untimed, before the first job."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    for python, folder in ((Path(sys.executable), Path(sys.prefix)), (tools_venv / "bin" / "python", tools_venv)):
        if python.exists():  # each environment compiled by its own interpreter
            subprocess.run([str(python), "-m", "compileall", "-q", "-j", "0", str(folder)], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPOSITORY / "i18ntool")], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def run(arguments: argparse.Namespace) -> None:
    os.environ["PATH"] = f"{arguments.tools_venv / 'bin'}{os.pathsep}{os.environ['PATH']}"
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    os.environ["NO_COLOR"] = "1"
    if not Path("/usr/bin/time").exists():
        sys.exit("/usr/bin/time (GNU time) is needed for peak memory: benchmarks/install-tools installs it")
    _compile_python_once(arguments.tools_venv)
    every = jobs()
    unknown = set(arguments.only or ()) - {job.name for job in every}
    if unknown:
        sys.exit(f"unknown job(s): {', '.join(sorted(unknown))}; jobs: {', '.join(job.name for job in every)}")
    chosen = [job for job in every if not arguments.only or job.name in arguments.only]
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="scale-") as scratch:
        base = arguments.keep or Path(scratch) / "inputs"
        base.mkdir(parents=True, exist_ok=True)
        inputs = Inputs(base, arguments.documents, arguments.entries, 1, arguments.tools_venv)
        sections = []
        for job in chosen:
            results = _paired(job, inputs, Path(scratch), arguments)
            sections.append(_section(job, results, inputs))
            print(f"{job.name} done", file=sys.stderr)
    report = _header(arguments, chosen, load_before) + "\n".join(sections)
    print(report)
    if arguments.out:
        write_section(arguments.out, "benchmarks/scale.py", report)


def _paired(job: Job, inputs: Inputs, scratch: Path, arguments: argparse.Namespace) -> dict[str, Measure | str]:
    """Every contender once per round, the order turned by one each round."""
    results: dict[str, Measure | str] = {}
    runnable = []
    for contender in job.contenders:
        missing = [tool for tool in contender.needs if shutil.which(tool) is None]
        if missing:
            results[contender.name] = f"not installed ({', '.join(missing)}; see benchmarks/install-tools)"
        elif contender.name in job.slow and not arguments.with_slow:
            results[contender.name] = "not run (minutes; --with-slow runs it)"
        else:
            runnable.append(contender)
    _read_all(inputs.base)
    times: dict[str, list[float]] = {contender.name: [] for contender in runnable}
    outcomes: dict[str, str] = {}
    peaks: dict[str, int] = {contender.name: 0 for contender in runnable}
    for round_ in range(arguments.runs):
        turn = round_ % len(runnable) if runnable else 0
        for contender in runnable[turn:] + runnable[:turn]:
            if contender.name in results:  # failed in an earlier round
                continue
            outcome = _once(contender, inputs, scratch)
            if isinstance(outcome, str):
                results[contender.name] = outcome
                continue
            times[contender.name].append(outcome[0])
            peaks[contender.name] = max(peaks[contender.name], outcome[1])
            if outcome[2]:
                outcomes[contender.name] = outcome[2]
    for contender in runnable:
        if contender.name not in results:
            measured = times[contender.name]
            results[contender.name] = Measure(
                outcomes.get(contender.name, ""),
                statistics.median(measured),
                (min(measured), max(measured)),
                peaks[contender.name],
            )
    return {contender.name: results[contender.name] for contender in job.contenders}


def _read_all(folder: Path) -> None:
    """Read every input file once, untimed, so that no contender pays for a cold page cache
    that the one before it warmed ("cold" here means i18ntool's own cache empty)."""
    for path in folder.rglob("*"):
        if path.is_file():
            path.read_bytes()


def _once(contender: Contender, inputs: Inputs, scratch: Path) -> tuple[float, int, str] | str:
    """One timed run in a fresh folder: (seconds, peak KiB, outcome), or why it failed.

    The folders stay until the whole run ends (with ``scratch``), not removed after each run:
    on a file system with no journal, as this machine's ext4, each file created within a
    minute or more of a deletion searches past every inode deleted meanwhile (perf:
    ``recently_deleted``, ``find_inode_bit``). Creating 1,700 temporary files beside a copy of
    press-1000-edited took 0.7-1.1 s just after another copy was removed, 0.26 s otherwise: a
    cost that fell on whichever contender followed the removal of thousands of files, which
    no user's run follows."""
    run = Path(tempfile.mkdtemp(dir=scratch, prefix="run-"))
    if contender.setup:
        contender.setup(inputs, run)
    # The copy just made, and what earlier runs wrote, on disk before the clock starts: a
    # command that flushes its own writes (`update` and `build` end with one flush, as a
    # whole or not at all) would else pay for the harness's copy of the project too.
    os.sync()
    script = run / "script.sh"
    script.write_text("set -e\n" + contender.script(inputs, run), encoding="utf-8")
    command = ["/usr/bin/time", "-f", "%M", "-o", str(run / "peak"), "bash", str(script)]
    if contender.again:
        primed = subprocess.run(command, cwd=run, capture_output=True, check=False)
        if primed.returncode:
            return _failure(primed)
    start = time.perf_counter()
    with open(run / "output", "wb") as output:
        result = subprocess.run(command, cwd=run, stdout=output, stderr=subprocess.STDOUT, check=False)
    seconds = time.perf_counter() - start
    if result.returncode:
        lines = (run / "output").read_text(errors="replace").strip().splitlines()
        return "failed: " + (lines[-1][:200] if lines else f"exit {result.returncode}")
    outcome = contender.outcome(inputs, run) if contender.outcome else ""
    return seconds / contender.repeat, int((run / "peak").read_text().split()[-1]), outcome


def _failure(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = (result.stdout + result.stderr).decode(errors="replace").strip().splitlines()
    return "failed: " + (lines[-1][:200] if lines else f"exit {result.returncode}")


# -- the report ---------------------------------------------------------------------------------


def _section(job: Job, results: dict[str, Measure | str], inputs: Inputs) -> str:
    reference = results[job.contenders[0].name]
    lines = [
        f"### {job.title} (`--only {job.name}`)",
        "",
        "| tool | median s | fastest–slowest s | peak MiB | i18ntool / tool |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, result in results.items():
        if isinstance(result, str):
            lines.append(f"| {name} | {result} | | | |")
            continue
        ratio = f"{reference.seconds / result.seconds:.2f}" if isinstance(reference, Measure) else ""
        fastest, slowest = result.spread
        lines.append(
            f"| {name} | {result.seconds:.3f} | {fastest:.3f}–{slowest:.3f} | {result.peak_kib / 1024:.0f} | {ratio} |"
        )
    lines.append("")
    lines += [f"- {_verdict(target, results, inputs)}" for target in job.targets]
    lines += [
        f"- {name}: {result.outcome}"
        for name, result in results.items()
        if isinstance(result, Measure) and result.outcome
    ]
    return "\n".join(lines) + "\n"


def _verdict(target: Target, results: dict[str, Measure | str], inputs: Inputs) -> str:
    ours, theirs = results[target.ours], results[target.theirs]
    if not isinstance(ours, Measure):
        return f"{target.text}: not measured ({target.ours}: {ours})"
    if target.memory:
        if not isinstance(theirs, Measure):
            return f"{target.text}: not measured ({target.theirs}: {theirs})"
        allowance = target.allowance(inputs) if target.allowance else 0
        limit = theirs.peak_kib * 1024 + allowance
        got = ours.peak_kib * 1024
        verdict = "**met**" if got <= limit else f"**missed** by {got / limit:.2f}x"
        return (
            f"{target.text}: {verdict} ({got / 2**20:.0f} MiB against {theirs.peak_kib / 1024:.0f} MiB "
            f"+ {allowance / 2**20:.0f} MiB of text = {limit / 2**20:.0f} MiB)"
        )
    source = ""
    if isinstance(theirs, Measure):
        their_seconds = theirs.seconds
    elif target.reported is not None:
        their_seconds, source = target.reported, f", against {target.reported:.0f} s reported in issue 16, not run here"
    else:
        return f"{target.text}: not measured ({target.theirs}: {theirs})"
    speedup = their_seconds / ours.seconds
    if target.factor >= 1:
        figure = (
            f"{ours.seconds:.2f} s against {their_seconds:.2f} s: {speedup:.2f}x as fast, needed {target.factor:g}x"
        )
    else:
        figure = f"{ours.seconds:.3f} s against {their_seconds:.3f} s: {1 / speedup:.2f}x the time, allowed {1 / target.factor:g}x"
    verdict = "**met**" if speedup >= target.factor else f"**missed** by {target.factor / speedup:.2f}x"
    return f"{target.text}: {verdict} ({figure}{source})"


def _header(arguments: argparse.Namespace, chosen: list[Job], load_before: tuple[float, float, float]) -> str:
    command = f"benchmarks/scale.py run --documents {arguments.documents} --runs {arguments.runs}"
    if arguments.only:
        command += " --only " + " ".join(arguments.only)
    if arguments.with_slow:
        command += " --with-slow"
    load_after = os.getloadavg()
    return "\n".join(
        [
            f"Made by `.venv/bin/python {command}` on {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}; load average {load_before[0]:.1f} before, "
            f"{load_after[0]:.1f} after. {_versions()}.",
            "",
            f"Median wall time of {arguments.runs} paired run(s) per tool, start-up included; peak memory is the "
            "largest process's resident set (`/usr/bin/time -f %M`); the ratio is i18ntool's time (first row) over "
            "the tool's (below 1: i18ntool is faster). Jobs: " + ", ".join(job.name for job in chosen) + ".",
            "",
            "",
        ]
    )


def _versions() -> str:
    """The versions compared: the executables' own words, the PyPI tools' from the tools venv."""
    probes = [
        ("i18ntool", [str(Path(sys.executable).parent / "i18ntool"), "--version"]),
        ("gettext", ["msgfmt", "--version"]),
        ("po4a", ["po4a-translate", "--version"]),
    ]
    python = shutil.which("python", path=os.environ["PATH"].split(os.pathsep)[0])  # the tools venv's
    for package in ("translate-toolkit", "sphinx-intl", "mdpo"):
        code = f"import importlib.metadata as m; print('{package}', m.version('{package}'))"
        probes.append((package, [python or "python3", "-c", code]))
    found = []
    for name, command in probes:
        try:
            output = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
        except FileNotFoundError:
            found.append(f"{name} not installed")
            continue
        first = output.stdout.strip().splitlines() if output.returncode == 0 else []
        found.append(first[0].rstrip(".") if first else f"{name} not installed")
    return "; ".join(found)
