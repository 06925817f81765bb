"""Write a benchmark's report into a file without losing what else the file holds.

A report goes between two marker lines named after the script (``<!-- begin
benchmarks/run.py -->`` and ``<!-- end benchmarks/run.py -->``): a file that has them gets
only that part replaced, a file that has not gets the marked report appended, and a new file
holds the marked report alone. So ``--out BENCHMARKS.md`` refreshes one section of
BENCHMARKS.md and leaves its other sections and their prose as they are.
"""

from __future__ import annotations

from pathlib import Path


def write_section(path: Path, name: str, report: str) -> None:
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    section = f"{begin}\n{report.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if begin in text and end in text.split(begin, 1)[1]:
        before, rest = text.split(begin, 1)
        after = rest.split(end, 1)[1]
        text = before + section + after
    else:
        text = (text.rstrip("\n") + "\n\n" if text else "") + section + "\n"
    path.write_text(text, encoding="utf-8")
