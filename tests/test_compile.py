"""MO files: what msgfmt makes from the same catalogue, byte for byte and as msgunfmt reads it."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from i18ntool.po.catalogue import Catalogue, Message

from i18ntool.po.catalogue_files import read_catalogue
from i18ntool.po.writer import write_catalogue
from i18ntool.cli import main
from i18ntool.po.mo import mo_bytes, mo_entries
from tests.conftest import REPOSITORY, profile, requires_gettext, run_gettext

SHIPPED = sorted((REPOSITORY / "locales").rglob("*.po"))
HEADER = (
    ("Project-Id-Version", "test"),
    ("POT-Creation-Date", "2023-03-08 10:00+0000"),
    ("Language", "it"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
    ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
)


def msgfmt(path: Path, output: Path, *options: str) -> bytes:
    result = run_gettext("msgfmt", *options, "-o", output, path)
    assert result.returncode == 0, result.stderr.decode()
    return output.read_bytes()


@requires_gettext
@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: f"{path.parent.parent.name}/{path.stem}")
def test_the_shipped_catalogues_compile_as_msgfmt_compiles_them(path: Path, tmp_path: Path) -> None:
    ours = tmp_path / "ours.mo"
    ours.write_bytes(mo_bytes(mo_entries(read_catalogue(path))))
    theirs = msgfmt(path, tmp_path / "theirs.mo")
    assert run_gettext("msgunfmt", ours).stdout == run_gettext("msgunfmt", tmp_path / "theirs.mo").stdout
    assert ours.read_bytes() == theirs


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)
_message = st.builds(
    lambda msgid, context, translation, plural, state: (msgid, context, translation, plural, state),
    _text,
    st.none() | _text,
    _text,
    st.booleans(),
    st.sampled_from(["done", "fuzzy", "empty", "obsolete", "half"]),
)


def _catalogue(drawn: list[tuple[str, str | None, str, bool, str]]) -> Catalogue:
    messages, seen = [], set()
    for msgid, context, translation, plural, state in drawn:
        if (context, msgid) in seen:
            continue
        seen.add((context, msgid))
        forms = (translation, translation + "s") if state != "half" else (translation, "")
        message = Message(
            msgid=msgid,
            msgctxt=context,
            msgstr="" if plural or state == "empty" else translation,
            msgid_plural=msgid + " (plural)" if plural else None,
            msgstr_plural=(("", "") if state == "empty" else forms) if plural else (),
            flags=("fuzzy",) if state == "fuzzy" else (),
            obsolete=state == "obsolete",
        )
        messages.append(message)
    return Catalogue(header_fields=HEADER, messages=tuple(messages))


@requires_gettext
@settings(max_examples=profile(30, 600), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=st.lists(_message, max_size=60), include_fuzzy=st.booleans())
def test_generated_catalogues_compile_as_msgfmt_compiles_them(
    tmp_path: Path, drawn: list[tuple[str, str | None, str, bool, str]], include_fuzzy: bool
) -> None:
    path = tmp_path / "generated.po"
    path.unlink(missing_ok=True)
    write_catalogue(path, _catalogue(drawn))
    theirs = msgfmt(path, tmp_path / "theirs.mo", *(["--use-fuzzy"] if include_fuzzy else []))
    assert mo_bytes(mo_entries(read_catalogue(path), include_fuzzy=include_fuzzy)) == theirs


def test_python_gettext_reads_what_compile_writes(tmp_path: Path) -> None:
    catalogue = Catalogue(
        header_fields=HEADER,
        messages=(
            Message(msgid="Press releases", msgstr="Comunicati stampa"),
            Message(msgid="Links", msgctxt="footer", msgstr="Collegamenti"),
            Message(msgid="one text", msgid_plural="%d texts", msgstr_plural=("un testo", "%d testi")),
            Message(msgid="Draft", msgstr="Bozza", flags=("fuzzy",)),
            Message(msgid="Gone", msgstr="Sparito", obsolete=True),
        ),
    )
    path = tmp_path / "ui.mo"
    path.write_bytes(mo_bytes(mo_entries(catalogue)))
    with path.open("rb") as stream:
        translations = gettext.GNUTranslations(stream)
    assert translations.gettext("Press releases") == "Comunicati stampa"
    assert translations.pgettext("footer", "Links") == "Collegamenti"
    assert translations.ngettext("one text", "%d texts", 3) == "%d testi"
    assert translations.gettext("Draft") == "Draft"
    assert translations.gettext("Gone") == "Gone"
    assert "POT-Creation-Date" not in translations.info() and translations.info()["language"] == "it"


def test_compile_writes_each_mo_beside_its_catalogue_once(project_dir: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["--project", str(project_dir), "compile"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    catalogues = sorted((project_dir / "locales").rglob("*.po"))
    for path in catalogues:
        assert path.with_suffix(".mo").exists()
    assert f"{len(catalogues)} MO file(s): {len(catalogues)} written, 0 unchanged." in result.output
    again = runner.invoke(main, ["--project", str(project_dir), "compile"], catch_exceptions=False)
    assert f"{len(catalogues)} MO file(s): 0 written, {len(catalogues)} unchanged." in again.output


def test_compile_out_lays_files_out_for_gettext(project_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "mo"
    result = CliRunner().invoke(
        main, ["--project", str(project_dir), "compile", "--locale", "it", "--out", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    translations = gettext.translation("ui", localedir=out, languages=["it"])
    assert translations.gettext("Press releases") == "Comunicati stampa"
    assert not (out / "en").exists()
    assert not list((project_dir / "locales").rglob("*.mo"))
