"""A `build` with nothing changed, answered before click is imported (``start`` asks first).

A build of 1,000 documents with nothing changed gives the answer the last build kept for it
(``outputs.unchanged``) in about 0.15 s, of which click's import and the command line took
0.035 s. Here a command line of the plainest form, ``i18ntool [--project DIR] build`` with
``--format``, ``--locale`` (each as ``--option VALUE`` or ``--option=VALUE``), ``--out``,
``--include-fuzzy`` and ``--strict``, is read as click reads it, and the build with nothing
changed is asked for its answer (``build.build_if_unchanged``), holding the project lock as
the command does (only if no other writer holds it). The answer is said as the command says it
(``build.report``) with the same exit code. Anything else (another option or form, a value
click would refuse, a project not found, a lock held, an answer not kept, a terminal, an
encoding other than UTF-8) and the command line runs as always, from the start.
"""

from __future__ import annotations

import sys

_VALUED = {"--format": "formats", "-f": "formats", "--locale": "locales", "-l": "locales", "--out": "out"}
_FLAGS = {"--include-fuzzy": "include_fuzzy", "--strict": "strict"}


def answer(argv: list[str]) -> int | None:
    """The exit code of the build ``argv`` asks for, its answer written, if it is a build with
    nothing changed that can be answered here; else None, with nothing written or changed."""
    asked = _read(argv[1:])
    if asked is None or not _plain_streams():
        return None
    from i18ntool.errors import ExitCode, I18nToolError

    try:
        said = _answered(asked)
    except I18nToolError:
        return None  # said by the command line, as it says it
    except KeyboardInterrupt:
        print("\ni18ntool: interrupted; every file is whole, as it was or as written", file=sys.stderr)
        return int(ExitCode.INTERRUPTED)
    if said is None:
        return None
    pieces, code = said
    for to_stderr, text in pieces:
        stream = sys.stderr if to_stderr else sys.stdout
        try:
            stream.write(text)
            stream.flush()
        except BrokenPipeError:
            # As click ends then: nothing more said, exit code 1.
            from i18ntool.replay import silence

            silence(stream.fileno())
            return 1
    return code


def _read(arguments: list[str]) -> dict[str, object] | None:
    """The options of a command line of the plainest form (the module's docstring), or None."""
    project: str | None = None
    if arguments[:1] == ["--project"] and len(arguments) > 1:
        project, arguments = arguments[1], arguments[2:]
    elif arguments[:1] and arguments[0].startswith("--project="):
        project, arguments = arguments[0].partition("=")[2], arguments[1:]
    if arguments[:1] != ["build"] or project == "":
        return None
    asked: dict[str, object] = {"project": project, "formats": [], "locales": [], "out": None}
    rest = arguments[1:]
    while rest:
        word = rest.pop(0)
        if word in _FLAGS:
            asked[_FLAGS[word]] = True
            continue
        name, equals, value = word.partition("=")
        if not equals:
            if word not in _VALUED or not rest:
                return None
            name, value = word, rest.pop(0)
        if name not in _VALUED or name.startswith("-") and not name.startswith("--") and equals:
            return None  # "-f=md" is the value "=md" to click
        if not value or value.startswith("-"):
            return None
        key = _VALUED[name]
        if key == "out":
            if asked["out"] is not None:
                return None
            asked["out"] = value
        else:
            asked[key].append(value)  # type: ignore[attr-defined]
    return asked


def _plain_streams() -> bool:
    """Whether stdout and stderr are files' text streams in UTF-8, not terminals: click writes
    to those unchanged (on a terminal it may colour, elsewhere it re-wraps)."""
    import codecs

    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is None or stream.isatty() or codecs.lookup(stream.encoding).name != "utf-8":
                return False
        except (AttributeError, LookupError, OSError, ValueError):
            return False
    return True


def _answered(asked: dict[str, object]) -> tuple[list[tuple[bool, str]], int] | None:
    """What the build says and its exit code, if it is a build with nothing changed whose
    answer was kept; else None."""
    from pathlib import Path

    from i18ntool.locking import lock_timeout, project_lock
    from i18ntool.outputs.build import BuildOptions, build_if_unchanged, report
    from i18ntool.outputs.formats import OUTPUT_FORMATS
    from i18ntool.project import find_project, shown_path

    from i18ntool.replay import cache_root

    if cache_root() is None:
        return None  # no answer is kept
    formats: list[str] = asked["formats"]  # type: ignore[assignment]
    locales: list[str] = asked["locales"]  # type: ignore[assignment]
    if any(name not in OUTPUT_FORMATS for name in formats):
        return None
    given: str | None = asked["project"]  # type: ignore[assignment]
    project = find_project(Path(given), search_parents=False) if given is not None else find_project(Path.cwd())
    if any(language not in project.languages for language in locales):
        return None
    out: str | None = asked["out"]  # type: ignore[assignment]
    options = BuildOptions(
        languages=tuple(locales),
        formats=tuple(formats),
        output_dir=None if out is None else Path(out),
        include_fuzzy=bool(asked.get("include_fuzzy")),
    )
    lock_timeout()  # a setting the command would refuse: it refuses it
    with project_lock(project.root, "i18ntool build", timeout=0):  # another writer: the command waits
        result = build_if_unchanged(project, options)
    if result is None:
        return None
    strict = bool(asked.get("strict"))
    pieces = report(result, shown_path(project, result.output_dir), strict=strict)
    if any("\x1b" in text for _, text in pieces):
        return None  # click takes escape sequences out of what does not go to a terminal
    return pieces, 1 if strict and not result.complete else 0
