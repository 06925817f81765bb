"""The proof sheets in headless Chromium, as an editor sees them on screen: the page renders,
no script from a source text or a translation runs, and a screenshot shows the sheet.

The helpers are those of the built pages' browser tests (``tests/test_browser.py``).
"""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.test_browser import CHROMIUM, dump_dom
from tests.test_sheet import AWARD, run, write_hostile_text

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)"
)
WIDTH, HEIGHT = 1000, 900
# The colours of the states, as the sheet's style sheet gives them.
REVIEWED = (0x1E, 0x7B, 0x34)
REVIEW_STALE = (0x7B, 0x3F, 0xA0)
TRANSLATED = (0x1F, 0x5F, 0xA8)


def test_a_sheet_renders_and_no_script_in_a_source_or_translation_runs(project_dir: Path, tmp_path: Path) -> None:
    write_hostile_text(project_dir)
    assert run(project_dir, "sheet").exit_code == 0
    page = dump_dom(project_dir / "build" / "sheets" / "it" / f"{AWARD}.html", tmp_path / "profile")
    assert page.title == f"Proof sheet: {AWARD} (it)"  # a script that ran would have set it to 'pwned'
    assert "script" not in page.tags and "img" not in page.tags
    assert "Hostile <script>document.title='pwned'</script> source" in page.words
    assert "Traduzione <script>document.title='pwned'</script> ostile" in page.words
    assert "review stale" in page.words and "Sign off: i18ntool review --entry" in page.words

    index = dump_dom(project_dir / "build" / "sheets" / "it" / "index.html", tmp_path / "profile-index")
    hrefs = {str(link.get("href")) for link in index.links}
    assert f"{AWARD}.html" in hrefs and "press-release.html" in hrefs
    for href in hrefs:
        assert (project_dir / "build" / "sheets" / "it" / href).is_file(), href


def test_a_screenshot_of_a_sheet_shows_the_states_in_colour(shipped_project: Path, tmp_path: Path) -> None:
    assert run(shipped_project, "sheet", "--out", str(tmp_path / "out")).exit_code == 0
    shot = screenshot(tmp_path / "out" / "sheets" / "it" / "press-release.html", tmp_path)
    width, height, pixels = read_png(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    colours = set(pixels)
    assert len(colours) > 50  # text, not a blank page
    assert {REVIEWED, REVIEW_STALE, TRANSLATED} <= colours  # the bar and the rows' state marks
    white = sum(1 for pixel in pixels if pixel == (255, 255, 255))
    assert 0.3 < white / len(pixels) < 0.98


def test_a_sheet_prints_on_a4_pages(shipped_project: Path, tmp_path: Path) -> None:
    assert run(shipped_project, "sheet", "--out", str(tmp_path / "out")).exit_code == 0
    pdf = tmp_path / "sheet.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", tmp_path / "out/sheets/it/press-release.html")
    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf.read_bytes())
    assert len(boxes) > 1  # 23 entries do not fit on one page
    for width, height in boxes:  # A4 is 210 mm x 297 mm: 595 x 842 points
        assert round(float(width)) == 595 and round(float(height)) == 842


def chromium(folder: Path, *arguments: str | Path) -> None:
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={folder / 'profile'}",
            *(argument.as_uri() if isinstance(argument, Path) else argument for argument in arguments),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def screenshot(page: Path, folder: Path) -> Path:
    shot = folder / "sheet.png"
    chromium(folder, "--hide-scrollbars", f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}", page)
    assert shot.is_file()
    return shot


def read_png(path: Path) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour_type in (2, 6) and interlace == 0
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    pixels: list[tuple[int, int, int]] = []
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for index in range(stride):
            left = line[index - channels] if index >= channels else 0
            up = previous[index]
            corner = previous[index - channels] if index >= channels else 0
            if kind == 1:
                line[index] = (line[index] + left) & 0xFF
            elif kind == 2:
                line[index] = (line[index] + up) & 0xFF
            elif kind == 3:
                line[index] = (line[index] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
                predictor = (left, up, corner)[distances.index(min(distances))]
                line[index] = (line[index] + predictor) & 0xFF
        pixels += [tuple(line[i : i + 3]) for i in range(0, stride, channels)]  # type: ignore[misc]
        previous = line
    return width, height, pixels
