"""The ``i18ntool`` command: a kept output written again when nothing it came from has changed
(``replay``), or a build with nothing changed answered (``quick_build``), else the command
line (``cli``), whose output is kept where it may be."""

from __future__ import annotations

import sys


def main() -> None:
    from i18ntool import replay

    kept = replay.kept_output(sys.argv)
    if kept is not None:
        sys.exit(replay.write_again(*kept))
    if "build" in sys.argv[1:4]:
        from i18ntool import quick_build

        code = quick_build.answer(sys.argv)
        if code is not None:
            sys.exit(code)
    from i18ntool.cli import main as command_line

    replay.run(command_line, sys.argv)
