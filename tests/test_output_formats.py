"""The table of output formats: the settings, the command line and the build all read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from i18ntool.cli import main
from i18ntool.outputs import formats
from i18ntool.outputs.build import BuildOptions, build
from i18ntool.outputs.formats import OUTPUT_FORMATS, OutputFormat, Page, output_format
from i18ntool.project import find_project
from tests.conftest import snapshot


@pytest.mark.parametrize(
    ("name", "extension", "from_tokens"),
    [
        pytest.param("md", "md", False, id="markdown"),
        pytest.param("html", "html", True, id="html"),
        pytest.param("txt", "txt", True, id="text"),
    ],
)
def test_each_format_names_its_extension(name: str, extension: str, from_tokens: bool) -> None:
    chosen = output_format(name)
    assert (chosen.name, chosen.extension, chosen.from_tokens) == (name, extension, from_tokens)


def test_a_format_outside_the_table_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'; formats are md, html, txt"):
        output_format("pdf")


def test_the_build_refuses_a_format_outside_the_table_and_writes_nothing(project_dir: Path) -> None:
    before = snapshot(project_dir)
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        build(find_project(project_dir), BuildOptions(formats=("pdf",), jobs=1))
    assert snapshot(project_dir) == before


def test_the_command_line_offers_the_formats_of_the_table(project_dir: Path) -> None:
    result = CliRunner().invoke(main, ["--project", str(project_dir), "build", "--format", "pdf"])
    assert result.exit_code == 2
    assert "'md', 'html', 'txt'" in result.output
    assert list(OUTPUT_FORMATS) == ["md", "html", "txt"]


def shout(page: Page) -> str:
    """A renderer for the format the test below adds to the table."""
    return page.text.markdown().upper()


def test_a_format_added_to_the_table_is_built_named_and_listed(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(
        formats.OUTPUT_FORMATS,
        "loud",
        OutputFormat("loud", "LOUD", "tests.test_output_formats:shout", from_tokens=False),
    )
    result = build(find_project(project_dir), BuildOptions(languages=("en",), formats=("loud",), jobs=1))
    assert {output.format for output in result.outputs} == {"loud"}
    assert all(output.path.endswith(".LOUD") for output in result.outputs)
    sample = result.outputs[0]
    assert (result.output_dir / sample.path).read_bytes() == sample.data
    assert sample.data.decode("utf-8") == sample.data.decode("utf-8").upper()
