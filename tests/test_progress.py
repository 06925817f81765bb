"""Progress of coverage and check: told of every piece of work on a terminal, silent elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from i18ntool.cli import main
from i18ntool.commands.options import Progress


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []
        self.closed = False

    def __call__(self, done: int, total: int) -> None:
        self.calls.append((done, total))

    def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize(
    "arguments", [("coverage",), ("coverage", "--format", "json"), ("coverage", "festivals"), ("check",)]
)
def test_progress_reaches_the_total_and_changes_no_output(
    shipped_project: Path, monkeypatch: pytest.MonkeyPatch, arguments: tuple[str, ...]
) -> None:
    def invoke() -> tuple[int, str, str]:
        result = CliRunner(env={"I18NTOOL_CACHE": "off"}).invoke(main, ["--project", str(shipped_project), *arguments])
        return result.exit_code, result.stdout, result.stderr

    quiet = invoke()
    assert quiet[2] == ""  # not a terminal: no bar
    recorders: list[Recorder] = []

    def on_terminal(cls: type[Progress], label: str) -> Recorder:
        recorders.append(Recorder())
        return recorders[-1]

    monkeypatch.setattr(Progress, "on_terminal", classmethod(on_terminal))
    assert invoke() == quiet
    (recorder,) = recorders
    assert recorder.closed and recorder.calls
    done, total = recorder.calls[-1]
    assert done == total and [call[0] for call in recorder.calls] == list(range(1, total + 1))
