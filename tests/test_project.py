"""Finding a project and checking its settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18ntool.errors import ConfigError, ContentError
from i18ntool.project import check_document_id, find_project, load_project
from tests.conftest import REPOSITORY


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_from_a_subfolder_of_a_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.i18ntool]\nlanguages = ["en", "it"]\n')
    (tmp_path / "content" / "news").mkdir(parents=True)
    project = find_project(tmp_path / "content" / "news")
    assert project.root == tmp_path.resolve()
    assert project.languages == ("en", "it")
    assert project.content_dir == tmp_path.resolve() / "content"
    assert project.catalogue_path("it", "a/b") == tmp_path.resolve() / "locales/it/LC_MESSAGES/a/b.po"


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "i18ntool.toml", 'languages = ["it", "en"]\nsource-language = "it"\n')
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'other'\n")
    project = find_project(tmp_path / "sub")
    assert project.config_path == tmp_path.resolve() / "i18ntool.toml"
    assert project.source_language == "it"


def test_no_project_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--project DIR"):
        find_project(tmp_path, search_parents=False)


@pytest.mark.parametrize(
    ("settings", "line", "message"),
    [
        pytest.param(
            'languages = ["en", "it"]\nlanguage = "en"\n',
            2,
            "unknown setting 'language'; did you mean 'languages'?",
            id="unknown-key",
        ),
        pytest.param('languages = ["en", "itt"]\n', 1, "unknown language 'itt'", id="unknown-language"),
        pytest.param('languages = ["en", "IT"]\n', 1, "write language 'IT' as 'it'", id="language-spelling"),
        pytest.param('languages = ["en"]\n', 1, "two or more different languages", id="one-language"),
        pytest.param(
            'name = "Kit"\nlanguages = ["en", "it", "it"]\n',
            2,
            "setting 'languages' lists 'it' twice; list each language once",
            id="language-twice",
        ),
        pytest.param(
            'languages = ["en", "it"]\n[i18ntool]\nname = "Kit"\n', 2, "unknown setting 'i18ntool'", id="unknown-table"
        ),
        pytest.param(
            'languages = ["en", "it"]\n\n[tool.i18ntool]\nname = "Kit"\n',
            3,
            "settings both at the top level and in [tool.i18ntool]",
            id="both-shapes",
        ),
        pytest.param("[tool.black]\nline-length = 99\n", 1, "unknown setting 'tool'", id="other-tool"),
        pytest.param(
            '[tool.i18ntool]\nlanguages = ["en", "it"]\nlanguage = "en"\n',
            3,
            "unknown setting 'language'",
            id="unknown-key-in-tool-table",
        ),
        pytest.param(
            'languages = ["en", "it"]\nsource-language = "fr"\n', 2, "not one of the languages", id="source-not-listed"
        ),
        pytest.param('languages = "en"\n', 1, "must be a list of strings", id="wrong-type"),
        pytest.param('languages = ["en", "it"]\npublish-threshold = 120\n', 2, "between 0 and 100", id="threshold"),
        pytest.param(
            'languages = ["en", "it"]\ncontent = "../elsewhere"\n', 2, "folder inside the project", id="escaping-folder"
        ),
        pytest.param('languages = ["en", "it"]\nformats = ["pdf"]\n', 2, "unknown format 'pdf'", id="format"),
        pytest.param('languages = ["en", "it"\n', 2, "invalid TOML", id="toml-syntax"),
    ],
)
def test_bad_settings_name_file_and_line(tmp_path: Path, settings: str, line: int, message: str) -> None:
    config = write(tmp_path / "i18ntool.toml", settings)
    with pytest.raises(ConfigError) as caught:
        load_project(config)
    assert caught.value.path == config
    assert caught.value.line == line
    assert message in caught.value.message


def test_an_i18ntool_toml_may_hold_a_tool_i18ntool_table(tmp_path: Path) -> None:
    """The table as copied from a pyproject.toml reads as the same keys at top level."""
    write(tmp_path / "i18ntool.toml", '[tool.i18ntool]\nlanguages = ["it", "en"]\nsource-language = "it"\n')
    project = find_project(tmp_path)
    assert (project.languages, project.source_language) == (("it", "en"), "it")


@pytest.mark.parametrize(
    "identifier",
    [
        pytest.param("press-release", id="ascii"),
        pytest.param("a..b", id="two-dots-inside-a-name"),
        pytest.param("news/2023/award", id="folders"),
        pytest.param("a_b.c", id="punctuation"),
        pytest.param("Übersicht", id="german"),
        pytest.param("caffè/perché", id="italian-folder"),
        pytest.param("U\u0308bersicht", id="decomposed-accent"),
        pytest.param("日本語", id="japanese"),
        pytest.param("Σ-2023", id="greek-and-digits"),
    ],
)
def test_safe_document_ids(identifier: str) -> None:
    assert check_document_id(identifier) == identifier


@pytest.mark.parametrize(
    "identifier",
    [
        "../secret",
        "/etc/passwd",
        "a/../b",
        ".hidden",
        "-option",
        "with space",
        "a\\b",
        "a:b",
        "a\tb",
        "a\x00b",
        "a\u200bb",
        "a//b",
        "",
        "templates",
    ],
)
def test_unsafe_document_ids_are_refused(identifier: str) -> None:
    with pytest.raises(ContentError, match="unsafe document id") as caught:
        check_document_id(identifier)
    assert "use letters (of any alphabet), digits, '-', '_' and '.'" in caught.value.message
    assert "starting each with a letter or digit (so no '..' folder)" in caught.value.message


def test_ascii_names_are_judged_as_by_their_unicode_categories() -> None:
    """An ASCII name is checked by a regular expression: the same answer as the rule by
    Unicode categories (letters and digits first, then '-', '_' and '.'), for every name of
    up to two ASCII characters and a few longer ones."""
    import string
    import unicodedata

    from i18ntool import project

    def by_categories(name: str) -> bool:
        def category(char: str) -> str:
            return unicodedata.category(char)[0]

        return (
            bool(name)
            and category(name[0]) in "LN"
            and all(category(char) in "LMN" or char in project._ID_PUNCTUATION for char in name)
        )

    ascii_chars = [chr(code) for code in range(128)]
    names = ["", *ascii_chars, *(a + b for a in ascii_chars for b in ascii_chars)]
    names += ["press-release", "2026_kit.v2", "a b", "-x", ".hidden", "x/y", "Übersicht", string.printable]
    for name in names:
        assert project._safe_name(name) is by_categories(name), repr(name)


def test_a_simple_locale_code_is_checked_as_babel_checks_it_without_importing_it() -> None:
    """Every locale Babel has data for under a name of a language, or a language and a country,
    is that name in Babel's canonical form, with the language before '_': the settings check
    then needs no Babel. Other codes go to Babel, as before."""
    import os

    from babel import Locale

    from i18ntool.project import _check_language, _language_of, _locale_data, _simple_locale

    names = [name[:-4] for name in os.listdir(_locale_data()) if name.endswith(".dat")]
    simple = [name for name in names if _simple_locale(name)]
    assert len(simple) > 500 and {"en", "it", "en_GB", "pt_BR"} <= set(simple)
    for code in simple:
        assert str(Locale.parse(code)) == code and Locale.parse(code).language == _language_of(code)
    assert not _simple_locale("xx") and not _simple_locale("en-GB") and not _simple_locale("zh_Hant_TW")

    def fail(message: str) -> ValueError:
        return ValueError(message)

    assert _check_language("zh_Hant_TW", fail) == "zh_Hant_TW" and _language_of("zh_Hant_TW") == "zh"
    with pytest.raises(ValueError, match="write language 'en-GB' as 'en_GB'"):
        _check_language("en-GB", fail)
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        _check_language("xx", fail)


@pytest.mark.parametrize(
    ("root", "path"),
    [
        ("/p", "/p/content/a.md"),
        ("/p", "/p"),
        ("/p", "/pq/content/a.md"),
        ("/", "/content/a.md"),
        ("/p", "/p/content/../a.md"),
        ("/p", "/elsewhere/a.md"),
        ("/p q/ü", "/p q/ü/locales/it/LC_MESSAGES/a b.po"),
    ],
)
def test_a_path_is_made_relative_as_relative_to_makes_it(root: str, path: str) -> None:
    import dataclasses

    project = dataclasses.replace(load_project(REPOSITORY / "pyproject.toml"), root=Path(root))
    try:
        expected = Path(path).relative_to(root).as_posix()
    except ValueError:
        expected = path
    assert project.relative(Path(path)) == expected
