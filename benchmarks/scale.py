"""i18ntool at scale, side by side with the tools its users would otherwise run (issue 16's table).

    .venv/bin/python benchmarks/scale.py generate --out DIR [--documents 1000] [--seed 1]
    .venv/bin/python benchmarks/scale.py generate --out DIR --entries 100000 [--seed 1]
    .venv/bin/python benchmarks/scale.py edit DIR [--share 0.05] [--seed 1]
    .venv/bin/python benchmarks/scale.py run [--documents 1000] [--runs 3] [--only JOB ...]
        [--tools-venv /tmp/bench-venv] [--keep DIR] [--with-slow] [--out FILE]

``generate`` writes a project (``scale_project.py`` says what is in it); ``edit`` changes one to
three words in 5% of its paragraphs, as the update job does. ``run`` generates the
inputs (or reuses them from ``--keep DIR``), times every job of ``scale_jobs.py`` against the
other tools on the same input in paired runs (the tools alternate within each round), and
prints a Markdown table of medians, ratios, peak memory and each target met or missed; ``--out``
writes the same report into its marked section of a file (``report_file.py``): a new file,
or BENCHMARKS.md's "At scale" section, the rest of the file left as it is. ``benchmarks/install-tools`` installs the other
tools in a scratch environment.

Jobs (``--only``): coverage, coverage-large, update, update-10k, update-100k (msgmerge there
only with ``--with-slow``), build, check (update --check), update-again, help. A full run at
1,000 documents takes the better part of an hour on two cores, most of it generating the inputs
and running po4a and msgmerge; ``--keep DIR`` keeps the inputs for the next run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import scale_project


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("generate", help="write a generated project")
    making.add_argument("--out", type=Path, required=True, help="the project's folder (must not exist)")
    making.add_argument("--documents", type=int, default=1000)
    making.add_argument("--entries", type=int, help="instead: ONE document whose catalogue has this many entries")
    making.add_argument("--seed", type=int, default=1)
    editing = commands.add_parser("edit", help="edit a share of a generated project's paragraphs in place")
    editing.add_argument("project", type=Path)
    editing.add_argument("--share", type=float, default=0.05)
    editing.add_argument("--seed", type=int, default=1)
    running = commands.add_parser("run", help="time the jobs and print the report")
    running.add_argument("--documents", type=int, default=1000)
    running.add_argument("--entries", type=int, default=100_000, help="entries of the one large catalogue")
    running.add_argument("--runs", type=int, default=3)
    running.add_argument("--only", nargs="+", metavar="JOB", help="run these jobs only")
    running.add_argument("--tools-venv", type=Path, default=Path("/tmp/bench-venv"))
    running.add_argument("--keep", type=Path, help="make the inputs here, or reuse them if there")
    running.add_argument("--with-slow", action="store_true", help="run msgmerge on 100,000 segments too")
    running.add_argument("--out", type=Path, help="write the report into its marked section of this file too")
    arguments = parser.parse_args(argv)
    if arguments.command == "generate":
        if arguments.out.exists():
            parser.error(f"{arguments.out} exists")
        if arguments.entries:
            scale_project.generate_large(arguments.out, arguments.entries, arguments.seed)
        else:
            scale_project.generate(arguments.out, arguments.documents, arguments.seed)
        print(f"{arguments.out}: {scale_project.states(arguments.out)}", file=sys.stderr)
        return
    if arguments.command == "edit":
        edited = scale_project.edit(arguments.project, arguments.share, arguments.seed)
        print(f"{arguments.project}: {edited} paragraphs edited", file=sys.stderr)
        return
    import scale_run  # the runner, only when running

    scale_run.run(arguments)


if __name__ == "__main__":
    main()
