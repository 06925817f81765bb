"""The ``i18ntool`` command: a kept output written again when nothing it came from has changed
(``replay``), or a build with nothing changed answered (``quick_build``), else the command
line (``cli``), whose output is kept where it may be."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run the command, then end the process with its exit status once standard output and
    error are flushed, without Python's teardown: freeing every module and object the run
    made is work no one waits for (11% of the instructions of `python -c "import click"`,
    0.12 s of an `update` of 100,000 segments). Nothing is left to it: every file is written
    and closed, every lock released and every worker process ended before a command returns;
    an error that is not an exit still ends the usual way, with its trace."""
    try:
        try:
            _main()
        except SystemExit as done:
            code = done.code
        else:
            code = None
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    except OSError as exc:
        refused = _refusing_stream(exc)
        if refused is None:
            raise
        from i18ntool.replay import silence

        silence(refused)  # what is left for it goes nowhere
        if refused == 1:
            try:
                sys.stderr.write(f"i18ntool: cannot write to standard output: {exc.strerror or exc}\n")
                sys.stderr.flush()
            except OSError:
                pass
        code = 2  # ExitCode.INPUT_ERROR, as for any input or output i18ntool cannot use
    os._exit(_status(code))


def _status(code: object) -> int:
    """The exit status Python gives ``sys.exit(code)``: 0 for None, an integer as it is, and
    1 for anything else, which is written to standard error first."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    try:
        sys.stderr.write(f"{code}\n")
        sys.stderr.flush()
    except OSError:
        pass
    return 1


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
    from i18ntool import workers
    from i18ntool.cli import main as command_line

    workers.ending_without_teardown()  # (main ends the process with os._exit)

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
