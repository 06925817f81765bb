"""The scale benchmark's generator: the same seed gives the same project, a project i18ntool
reads and finds in step, with the translator's states in the stated shares. No timings here:
`benchmarks/scale.py run` measures, the tests only hold its input to what it claims."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from i18ntool.po.catalogue_files import read_catalogue

REPOSITORY = Path(__file__).resolve().parent.parent
SCALE = REPOSITORY / "benchmarks" / "scale.py"


def _generate(folder: Path, *options: str) -> None:
    subprocess.run([sys.executable, str(SCALE), "generate", "--out", str(folder), *options], check=True)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _i18ntool(folder: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "i18ntool", "--project", str(folder), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def test_same_seed_same_project_and_another_seed_another(tmp_path: Path) -> None:
    _generate(tmp_path / "a", "--documents", "6", "--seed", "3")
    _generate(tmp_path / "b", "--documents", "6", "--seed", "3")
    _generate(tmp_path / "c", "--documents", "6", "--seed", "4")
    first = _tree(tmp_path / "a")
    assert len([name for name in first if name.endswith(".md")]) == 6
    assert first == _tree(tmp_path / "b")
    assert first != _tree(tmp_path / "c")


def test_project_is_in_step_with_the_stated_states(tmp_path: Path) -> None:
    project = tmp_path / "project"
    _generate(project, "--documents", "8", "--seed", "2")
    assert _i18ntool(project, "update", "--check").returncode == 0
    states = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    segments = []
    for path in sorted((project / "locales" / "it" / "LC_MESSAGES").glob("*.po")):
        messages = read_catalogue(path).messages
        if path.stem != "ui":
            segments.append(len(messages))
        for message in messages:
            state = "fuzzy" if message.fuzzy else "translated" if message.msgstr else "untranslated"
            states[state] += 1
    total = sum(states.values())
    assert abs(states["translated"] - 0.7 * total) <= 0.5
    assert abs(states["fuzzy"] - 0.1 * total) <= 0.5
    assert all(35 <= count <= 80 for count in segments), segments  # press texts of about 50 segments
    report = _i18ntool(project, "coverage", "--format", "json")
    assert report.returncode == 0, report.stderr
    assert json.dumps(json.loads(report.stdout))  # coverage reads every catalogue
    assert _i18ntool(project, "build", "--format", "md", "--out", str(tmp_path / "built")).returncode == 0
    assert len(list((tmp_path / "built" / "it").glob("*.md"))) == 8  # every document built in Italian too


def test_edits_take_the_project_out_of_step(tmp_path: Path) -> None:
    project = tmp_path / "project"
    _generate(project, "--documents", "4")
    before = _tree(project)
    subprocess.run([sys.executable, str(SCALE), "edit", str(project)], check=True)
    changed = [name for name, data in _tree(project).items() if before[name] != data]
    assert changed and all(name.startswith("content/") for name in changed)
    assert _i18ntool(project, "update", "--check").returncode == 1


def test_a_report_replaces_only_its_own_section(tmp_path: Path) -> None:
    """`--out BENCHMARKS.md` must not overwrite the file's other sections."""
    page = tmp_path / "BENCHMARKS.md"
    kept = "# Benchmarks\n\nProse.\n\n"
    page.write_text(kept + "<!-- begin benchmarks/scale.py -->\nold\n<!-- end benchmarks/scale.py -->\n\nMore.\n")
    code = (
        f"import sys; sys.path.insert(0, {str(SCALE.parent)!r}); from pathlib import Path; "
        "from report_file import write_section; write_section(Path(sys.argv[1]), sys.argv[2], sys.argv[3])"
    )
    for name, report in (("benchmarks/scale.py", "new\n"), ("benchmarks/run.py", "other\n")):
        subprocess.run([sys.executable, "-c", code, str(page), name, report], check=True)
    assert page.read_text() == (
        kept + "<!-- begin benchmarks/scale.py -->\nnew\n<!-- end benchmarks/scale.py -->\n\nMore.\n\n"
        "<!-- begin benchmarks/run.py -->\nother\n<!-- end benchmarks/run.py -->\n"
    )
