"""The ``i18ntool`` command: a kept output written again when nothing it came from has changed
(``replay``), or a build with nothing changed answered (``quick_build``), else the command
line (``cli``), whose output is kept where it may be."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        _main()
    except OSError as exc:
        refused = _refusing_stream(exc)
        if refused is None:
            raise
        from i18ntool.replay import silence

        silence(refused)  # what is left for it goes nowhere: Python's exit does not try again
        if refused == 1:
            try:
                sys.stderr.write(f"i18ntool: cannot write to standard output: {exc.strerror or exc}\n")
                sys.stderr.flush()
            except OSError:
                pass
        sys.exit(2)  # ExitCode.INPUT_ERROR, as for any input or output i18ntool cannot use


def _main() -> None:
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


def _refusing_stream(error: OSError) -> int | None:
    """The descriptor of standard output (1) or error (2) if ``error`` is that stream refusing
    what was written to it (a full disk, a device that takes nothing): told by the object
    written to, a local of the call that failed (click's ``echo``, a kept output written
    again, a build's answer); None for an error of any other origin, whose trace is shown."""
    trace = error.__traceback__
    if trace is None:
        return None
    while trace.tb_next is not None:
        trace = trace.tb_next
    for value in trace.tb_frame.f_locals.values():
        try:
            number = value.fileno() if callable(getattr(value, "fileno", None)) else None
        except (OSError, ValueError, AttributeError):
            continue
        if number in (1, 2):
            return int(number)
    return None
