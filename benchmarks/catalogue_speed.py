"""Time reading a catalogue (``parse_catalogue``) and laying it out again (``format_catalogue``)
in one process: the medians of a few runs each, the layout's caches emptied before each run,
and whether the layout gives back the file's bytes.

    python benchmarks/catalogue_speed.py /tmp/keep100/catalogue-100000/locales/it/LC_MESSAGES/archive.po

To compare two versions of i18ntool, run it with each on ``PYTHONPATH``, in turns.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from i18ntool.po import layout
from i18ntool.po.catalogue import parse_catalogue


def _empty_caches() -> None:
    for name in dir(layout):
        cache_clear = getattr(getattr(layout, name), "cache_clear", None)
        if cache_clear is not None:
            cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("catalogue", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    data = arguments.catalogue.read_bytes()
    reads, layouts = [], []
    for _ in range(arguments.runs):
        start = time.perf_counter()
        catalogue = parse_catalogue(data, str(arguments.catalogue))
        reads.append(time.perf_counter() - start)
    for _ in range(arguments.runs):
        _empty_caches()
        start = time.perf_counter()
        text = layout.format_catalogue(catalogue)
        layouts.append(time.perf_counter() - start)
    print(
        f"{len(catalogue.messages)} entries: read {statistics.median(reads):.2f} s, "
        f"layout {statistics.median(layouts):.2f} s (medians of {arguments.runs}); "
        f"layout gives back the file's bytes: {text.encode('utf-8') == data}"
    )


if __name__ == "__main__":
    main()
