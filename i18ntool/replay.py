"""A command's output written again, before click or any library is imported, when nothing it
was computed from has changed (``start`` asks first, then runs the command line).

A `coverage` of 1,000 documents with nothing changed answers from the cache (``cache``,
``digests``) in about 0.1 s, of which Python and click's import take 0.045 s and i18ntool's
modules 0.02 s before a file is looked at. As ccache's "direct mode" does for a compiler, a
command whose answer depends only on files it can name (:func:`depends_on`) has its output
kept under its command line: the entry holds the situation the run was made in (arguments,
working folder, the whole environment, user and groups, the Python running it), every file
and folder the answer was computed from and every module the run loaded, each with what
``stat`` said of it (type, device, inode, size, modification and change times), and the
bytes written to stdout and stderr with the exit code. A later run with the same situation
whose files all give the same ``stat`` writes those bytes and exits with that code. Any
difference, and the command runs as always.

What makes a signature safe is said in ``digests``: a write, a truncation, a rename onto a
path, a change of times or of permissions sets a file's change time to the present, and a file
or folder put in another's place has another inode; a file created, removed or renamed in a
folder changes the folder's times; a link is known by its own signature and by where it leads.
An answer is kept only if every file and folder it names had its last change before the run
began, by the margin of ``digests`` (``SETTLED_FINE`` for times kept to the nanosecond,
``SETTLED`` otherwise), so that any change during or after the run leaves another signature.
The files are looked at when the run ends, not as they were read: a superset of what the
command read, all at rest since before it began, is what it read. What the project was found
through (the folder given, the settings, the folders they name) is looked at as the run begins
too, with where each path leads (``realpath``): a link on the way changed during the run, and
nothing is kept; changed since, and the entry is not used. Only the exit code the command said
it would give is kept (not an interruption's). What is left is what ``digests`` leaves (a file
rewritten within one tick of the clock, or with the clock set back; writes through a shared
memory map), and a folder on the way to the project replaced and put back within one run.

Kept only where stdout and stderr are not terminals (a terminal's width, colour and progress
bar are not files): the scripts and release gates that run a command again and again. Not on
Windows, whose ``st_ctime`` is the time of creation. The entries are in the cache folder
(``runs/``), one per command line and working folder, replaced by the next run that keeps one;
``I18NTOOL_CACHE=off`` turns them off with the rest of the cache. An entry is bytes that need
no import to read (``json`` and ``hashlib`` took 15 ms): a line naming the format, the
situation's ``repr``, a line of lengths, the output, then each check as a path and what it
should be, NUL-separated; anything else in the file is not an entry, and nothing in it can make
the reader allocate more than the file holds (as ``marshal`` would).
"""

from __future__ import annotations

import os
import sys
import time

# ``typing`` is not imported at run time: its import took 4 to 8 ms, a tenth of a run written again.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, BinaryIO

# Nanoseconds between a file's last change and a read whose signature may be trusted: for
# times kept to the millisecond or coarser, and for times kept to the nanosecond (``digests``).
SETTLED = 2_000_000_000
SETTLED_FINE = 20_000_000

REPLAYABLE = frozenset({"coverage"})  # the commands that name what their answer depends on
_FORMAT = b"i18ntool replay 2\n"
_STARTED = time.time_ns()  # when this run began, as near as this module can tell
_inputs: list[str] | None = None  # what the command said its answer depends on
_keeping = False  # whether this run's output may be kept
_noted: dict[str, tuple[str, str]] = {}  # what was found as the run began (:func:`noted`)
_declared_code: int | None = None  # the exit code the command said it would give


def cache_root() -> str | None:
    """Where answers are kept, or None when the cache is turned off: ``$I18NTOOL_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/i18ntool``, else ``~/.cache/i18ntool``."""
    if os.environ.get("I18NTOOL_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    if chosen := os.environ.get("I18NTOOL_CACHE_DIR"):
        return chosen
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if os.path.isabs(base):
        return os.path.join(base, "i18ntool")
    home = os.path.expanduser("~")
    # No home to be found: no cache, rather than one relative to the working folder (a project).
    return os.path.join(home, ".cache", "i18ntool") if os.path.isabs(home) else None


def kept_output(argv: list[str]) -> tuple[bytes, bytes, int] | None:
    """The output kept for this command line, if it may be kept here and every file it names
    is as it was; None otherwise."""
    return _kept_output(argv) if _may_keep(argv) else None


def run(command_line: Callable[[], object], argv: list[str]) -> None:
    """Run the command line, keeping its output for the next run where it may be kept."""
    if _may_keep(argv):
        _run_keeping(command_line, argv)
    else:
        command_line()


def write_again(out: bytes, err: bytes, code: int) -> int:
    """Write a kept output; its exit code, or 1 with nothing more said if a reader has gone
    (a pipe closed early), as click ends then."""
    for stream, data in ((sys.stdout, out), (sys.stderr, err)):
        try:
            stream.buffer.write(data)
            stream.buffer.flush()
        except BrokenPipeError:
            silence(stream.fileno())
            return 1
    return code


def silence(descriptor: int) -> None:
    """Nothing more to the stream of ``descriptor`` (a reader gone, a full disk), not even
    the flush of Python's exit: it writes to the null device from now on."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), descriptor)


def _run_keeping(command_line: Callable[[], object], argv: list[str]) -> None:
    """Run the command line with copies kept of what it writes, and keep its output if the
    command said what it depends on (:func:`depends_on`)."""
    global _keeping
    _keeping = True
    streams = sys.stdout, sys.stderr
    copies = _Copied(sys.stdout), _Copied(sys.stderr)
    sys.stdout, sys.stderr = copies[0].stream, copies[1].stream
    try:
        command_line()
    except SystemExit as done:
        code = 0 if done.code is None else done.code
        if _inputs is not None and isinstance(code, int) and code == _declared_code:  # an ExitCode too
            for copied in copies:
                copied.stream.flush()
            _keep(argv, _inputs, copies[0].copy.getvalue(), copies[1].copy.getvalue(), int(code))
        raise
    finally:
        # The process's own streams back, holding their buffers: the copies let go of them.
        sys.stdout, sys.stderr = streams
        for copied in copies:
            try:
                copied.stream.detach()  # flushes first
            except (OSError, ValueError):
                pass


def noted(paths: list[str]) -> None:
    """Said as a command finds its project: ``paths`` (the folders and files it was found
    through) must be as they are now, and lead where they lead now, when the run ends, or
    nothing is kept. A link or a folder on the way replaced during the run leaves every file
    it leads to at rest, but the run read others."""
    if _keeping:
        for path in paths:
            _noted.setdefault(path, (_signature_text(path), os.path.realpath(path)))


def depends_on(paths: list[str], code: int) -> None:
    """Said by a command that has written its whole answer and will exit with ``code``: it was
    computed from ``paths`` (files and folders, absent ones too) and from nothing else but the
    situation."""
    global _inputs, _declared_code
    _inputs, _declared_code = paths, code


def _may_keep(argv: list[str]) -> bool:
    return (
        os.name != "nt"
        and any(word in REPLAYABLE for word in argv[1:])
        and not _not_plain_output(sys.stdout)
        and not _not_plain_output(sys.stderr)
        and cache_root() is not None
    )


def _not_plain_output(stream: Any) -> bool:
    """Whether ``stream`` is a terminal, or anything but a file's text stream (closed, or put
    in place by a program that runs i18ntool in its own process)."""
    try:
        return stream is None or not hasattr(stream, "buffer") or bool(stream.isatty())
    except (OSError, ValueError):
        return True


def _situation(argv: list[str]) -> str:
    """Everything but files that a command's output may depend on, as text."""
    return repr(
        (
            tuple(argv),
            os.getcwd(),
            tuple(sorted(os.environ.items())),
            os.getuid(),
            tuple(sorted(os.getgroups())),
            sys.executable,
            sys.version,
            tuple(sys.flags),
            sys._xoptions,  # -X
            sys.warnoptions,  # -W
            sys.path,  # a .pth file rewritten in place puts another checkout first
            sys.stdout.encoding,
            sys.stdout.errors,
            sys.stderr.encoding,
            sys.stderr.errors,
        )
    )


def _entry_path(folder: str, argv: list[str]) -> str:
    """The entry of one command line in one working folder: FNV-1a of both, which needs no
    import (the entry holds the whole situation, so two that share a name only replace each
    other)."""
    name = 0xCBF29CE484222325
    for byte in repr((argv, os.getcwd())).encode("utf-8", "backslashreplace"):
        name = ((name ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return os.path.join(folder, "runs", f"{name:016x}")


def _signature_text(path: str) -> str:
    """:func:`_signature` as an entry holds it."""
    return _as_text(_signature(path))


def _as_text(signature: tuple[int, ...] | None) -> str:
    return "-" if signature is None else " ".join(map(str, signature))


def _signature(path: str) -> tuple[int, ...] | None:
    """What ``lstat`` says of ``path`` (type, device, inode, size, modification and change
    times) and, for a link, what ``stat`` says of where it leads (nothing if nowhere); None if
    there is nothing there. A link is known by its own times too: a link put in another's
    place is a new one."""
    try:
        found = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    signature: tuple[int, ...] = (
        found.st_mode,
        found.st_dev,
        found.st_ino,
        found.st_size,
        found.st_mtime_ns,
        found.st_ctime_ns,
    )
    if found.st_mode & 0o170000 == 0o120000:  # a link (stat.S_ISLNK, without importing stat)
        try:
            found = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            return signature
        signature += (found.st_mode, found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
    return signature


def _settled(signature: tuple[int, ...]) -> bool:
    """Whether every file a signature tells of had its last change before the run began, by
    the margin of its file system's times."""
    for at in range(0, len(signature), 6):
        last = max(signature[at + 4], signature[at + 5])
        margin = SETTLED_FINE if signature[at + 5] % 1_000_000 else SETTLED
        if last >= _STARTED - margin:
            return False
    return True


def _kept_output(argv: list[str]) -> tuple[bytes, bytes, int] | None:
    """The output kept for this situation if every check of its entry holds, else None."""
    folder = cache_root()
    if folder is None:
        return None
    try:
        with open(_entry_path(folder, argv), "rb") as file:
            data = file.read()
        form, situation, lengths, rest = data.split(b"\n", 3)
        if form + b"\n" != _FORMAT or situation != _situation(argv).encode("utf-8", "backslashreplace"):
            return None
        out_length, err_length, code, count = map(int, lengths.split(b" "))
        out, err = rest[:out_length], rest[out_length : out_length + err_length]
        fields = rest[out_length + err_length :].split(b"\0")
        if len(out) + len(err) != out_length + err_length or len(fields) != 2 * count or not 0 <= code <= 255:
            return None
        for at in range(0, len(fields), 2):
            path, expected = os.fsdecode(fields[at]), fields[at + 1].decode("utf-8", "surrogateescape")
            kind, expected = expected[:1], expected[1:]
            if kind == "s":
                now = _signature_text(path)
            elif kind == "r":
                now = os.path.realpath(path)
            else:
                return None  # a check of no kind this writes
            if now != expected:
                return None
    except (OSError, ValueError):
        return None  # no entry, or one truncated or not written by this: the command runs
    return out, err, code


def _keep(argv: list[str], inputs: list[str], out: bytes, err: bytes, code: int) -> None:
    """Keep the output of this run for the next one in the same situation, if every input and
    all of i18ntool's code had settled before the run began, and what was noted as the run
    began is as it was; silently nothing if it cannot."""
    folder = cache_root()
    if folder is None or not 0 <= code <= 255:
        return
    checks = []
    try:
        for path, (as_found, resolved) in _noted.items():
            if _signature_text(path) != as_found or os.path.realpath(path) != resolved:
                return  # a project found through a link or folder replaced since
            checks.append((path, "r" + resolved))
        for path in dict.fromkeys([*_noted, *inputs, *_code_paths()]):
            signature = _signature(path)
            if signature is not None and not _settled(signature):
                return  # changed too lately to be known by its signature
            checks.append((path, "s" + _as_text(signature)))
        data = b"".join(
            [
                _FORMAT,
                _situation(argv).encode("utf-8", "backslashreplace"),
                f"\n{len(out)} {len(err)} {code} {len(checks)}\n".encode(),
                out,
                err,
                b"\0".join(
                    os.fsencode(path) + b"\0" + text.encode("utf-8", "surrogateescape") for path, text in checks
                ),
            ]
        )
        path = _entry_path(folder, argv)
        try:
            with open(path, "rb") as file:
                if file.read() == data:
                    return
        except OSError:
            pass
        store(path, data)
    except (OSError, ValueError):
        return


def store(path: str, data: bytes) -> None:
    """Put ``data`` at ``path`` in the cache folder whole or not at all: through a temporary
    file of its own (``mkstemp``, never one found there) renamed over it; silently nothing if
    it cannot be written (the cache's entries and this module's)."""
    import tempfile  # here: a run that only reads does not import it

    temporary = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".", suffix=".tmp")
        with open(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)


def _code_paths() -> list[str]:
    """The code a run's output came from: the Python running it, every module it loaded and
    the folder of each (a module put beside one could be found instead), every module of
    i18ntool and the libraries that read sources (:func:`code_files`: a module this run did
    not need, as its answers came from the cache, could make the next answer), and each
    folder on the import path (an installed or removed package changes it)."""
    paths = [sys.executable]
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str):
            paths += (file, os.path.dirname(file))
    for _, file in code_files():
        if file is not None:
            paths += (file, os.path.dirname(file))
    paths += (entry for entry in sys.path if entry)
    return paths


def code_files() -> list[tuple[str, str | None]]:
    """The files an answer's code is known by, each (name, path; None: not installed): every
    module of i18ntool, and each library that reads sources by its package's ``__init__.py``,
    which states its version, found without importing it, and without ``importlib.metadata``
    (10 ms to import, a third of a run that answers from the cache)."""
    from importlib.util import find_spec

    files = []
    for name in ("markdown_it", "yaml", "babel"):
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        files.append((name, origin if origin is not None and origin.endswith(".py") else None))
    package = os.path.dirname(os.path.realpath(__file__))  # i18ntool's
    modules = sorted(
        os.path.relpath(os.path.join(folder, name), package).split(os.sep)
        for folder, _, names in os.walk(package)
        for name in names
        if name.endswith(".py")
    )
    files += [("/".join(parts), os.path.join(package, *parts)) for parts in modules]
    return files


class _Copied:
    """A text stream that writes through to another's bytes and keeps a copy of them."""

    def __init__(self, stream: Any) -> None:
        import io

        stream.flush()
        self.copy = io.BytesIO()
        self.stream = io.TextIOWrapper(
            _Tee(stream.buffer, self.copy),
            encoding=stream.encoding,
            errors=stream.errors,
            line_buffering=stream.line_buffering,
            write_through=True,
        )


class _Tee:
    """Bytes written to ``target`` and to ``copy``; everything else asked of ``target``."""

    def __init__(self, target: BinaryIO, copy: BinaryIO) -> None:
        self._target = target
        self._copy = copy

    def write(self, data: bytes) -> int:
        written = self._target.write(data)
        self._copy.write(data)
        return written

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)
