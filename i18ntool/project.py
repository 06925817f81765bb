"""Finding a project, reading its settings, and the paths of everything in it.

A project is a folder with ``[tool.i18ntool]`` in its ``pyproject.toml`` or with an
``i18ntool.toml`` holding the same keys at top level (or under the same ``[tool.i18ntool]``
header, as copied from a pyproject.toml). Settings are checked strictly: an
unknown key or an unknown language is an error that names the file and line, because a
misspelt setting silently ignored is a release shipped in the wrong state.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from i18ntool.errors import ConfigError, ContentError
from i18ntool.outputs.formats import OUTPUT_FORMATS

# Every setting, its default, and what it holds. Keys are written in kebab-case, as in
# other tools' [tool.*] tables.
DEFAULTS: dict[str, Any] = {
    "name": None,  # Project-Id-Version; defaults to the folder's name
    "languages": ["en", "it"],
    "source-language": "en",  # for documents without `lang:` in their front matter
    "content": "content",
    "locales": "locales",
    "output": "build",
    "formats": list(OUTPUT_FORMATS),
    "publish-threshold": 100,  # percent of entries translated for a document to be published
    "translatable-keys": ["title", "summary"],
    "glossary": "glossary",  # domain of the glossary catalogue in each language
    "bugs-address": "",  # Report-Msgid-Bugs-To
    # Link prefixes that differ by language, for `check`: a link to "/press/x" in an English
    # text may be "/it/press/x" in its Italian translation. A list of tables of language ->
    # prefix, e.g. [{ en = "/press/", it = "/it/press/" }].
    "localised-links": [],
    # The Babel locale whose date format each language's outputs use, where it is not the
    # language's own: Babel's "en" writes "March 8, 2023", "en_GB" "8 March 2023".
    "date-locales": {},
    # TMX files from elsewhere that `update` takes translations from, after the project's own
    # catalogues: globs relative to the project's folder, e.g. ["tm/*.tmx"].
    "translation-memories": [],
}

_ID_PUNCTUATION = frozenset("-_.")
# The same rule for an ASCII name, where letters and digits are [A-Za-z0-9]: read without a
# Unicode category per character (a quarter of a `build` with nothing changed on 1,000 documents).
_ASCII_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Project:
    """A project's settings, with its folders made absolute."""

    root: Path
    config_path: Path
    name: str
    languages: tuple[str, ...]
    source_language: str
    content_dir: Path
    locales_dir: Path
    output_dir: Path
    formats: tuple[str, ...]
    publish_threshold: float
    translatable_keys: tuple[str, ...]
    glossary: str
    bugs_address: str
    # One tuple of (language, prefix) pairs per entry of the `localised-links` setting.
    localised_links: tuple[tuple[tuple[str, str], ...], ...] = ()
    date_locales: tuple[tuple[str, str], ...] = ()  # (language, Babel locale) from `date-locales`
    translation_memories: tuple[str, ...] = ()  # globs from `translation-memories`, relative to root

    def date_locale(self, language: str) -> str:
        """The Babel locale for dates shown in ``language``."""
        return dict(self.date_locales).get(language, language)

    def relative(self, path: Path) -> str:
        """``path`` as the project writes it in messages and references: relative, with '/'.

        Cut as text where the path is written under the root's (a tenth of ``relative_to``'s
        time, which a build with nothing to do paid for every document)."""
        text, root = str(path), _folder_prefix(self.root)
        if root is not None and text.startswith(root) and len(text) > len(root):
            return text[len(root) :]
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return text

    def template_path(self, domain: str) -> Path:
        return self.locales_dir / "templates" / f"{domain}.pot"

    def catalogue_path(self, language: str, domain: str) -> Path:
        return self.locales_dir / language / "LC_MESSAGES" / f"{domain}.po"

    def source_path(self, document_id: str) -> Path:
        return self.content_dir / f"{document_id}.md"

    def target_languages(self, source_language: str) -> tuple[str, ...]:
        return tuple(language for language in self.languages if language != source_language)


def find_project(start: Path, *, search_parents: bool = True, looked_at: list[str] | None = None) -> Project:
    """The project whose settings are in ``start`` or, if ``search_parents``, a folder above it;
    ``looked_at`` gets each folder and file looked at on the way (absent ones too)."""
    seen = looked_at if looked_at is not None else []
    seen.append(str(start))
    start = start.resolve()
    folders = [start, *start.parents] if search_parents else [start]
    for folder in folders:
        dedicated = folder / "i18ntool.toml"
        pyproject = folder / "pyproject.toml"
        seen += (str(folder), str(dedicated), str(pyproject))
        if dedicated.is_file():
            found = dedicated
        elif pyproject.is_file() and "i18ntool" in _read_toml(pyproject).get("tool", {}):
            found = pyproject
        else:
            continue
        seen.append(_locale_data())  # which language codes Babel knows without its import
        return load_project(found, looked_at=seen)
    where = f"in {start}" + (" or any folder above it" if search_parents else "")
    raise ConfigError(
        f"no i18ntool project found {where}; add a [tool.i18ntool] table to pyproject.toml "
        "or an i18ntool.toml, or pass --project DIR"
    )


def load_project(config_path: Path, *, looked_at: list[str] | None = None) -> Project:
    """Read and check the settings in ``config_path`` (a pyproject.toml or an i18ntool.toml);
    ``looked_at`` gets each folder it names as written there, before links are followed."""
    data = _read_toml(config_path)
    if config_path.name == "pyproject.toml":
        settings = data.get("tool", {}).get("i18ntool")
        if not isinstance(settings, dict):
            raise ConfigError("no [tool.i18ntool] table", config_path)
    else:
        settings = _dedicated_settings(data, config_path)
    text = config_path.read_text(encoding="utf-8")

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(message, config_path, _line_of_key(text, key))

    for key in settings:
        if key not in DEFAULTS:
            import difflib  # here: only a misspelt setting needs it

            close = difflib.get_close_matches(key, DEFAULTS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "known settings: " + ", ".join(DEFAULTS)
            if key in ("tool", "i18ntool") and config_path.name == "i18ntool.toml":
                hint = "write the settings at the top level of i18ntool.toml, or all under one [tool.i18ntool] header"
            raise fail(key, f"unknown setting '{key}'; {hint}")
    values = {**DEFAULTS, **settings}

    def expect(key: str, kind: type | tuple[type, ...], description: str) -> Any:
        value = values[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise fail(key, f"setting '{key}' must be {description}, not {value!r}")
        return value

    def strings(key: str) -> tuple[str, ...]:
        value = expect(key, list, "a list of strings")
        if not all(isinstance(item, str) for item in value):
            raise fail(key, f"setting '{key}' must be a list of strings, not {value!r}")
        return tuple(value)

    languages = tuple(_check_language(code, lambda m: fail("languages", m)) for code in strings("languages"))
    if twice := next((code for index, code in enumerate(languages) if code in languages[:index]), None):
        raise fail("languages", f"setting 'languages' lists '{twice}' twice; list each language once")
    if len(languages) < 2:
        raise fail("languages", f"setting 'languages' needs two or more different languages, not {list(languages)}")
    source_language = _check_language(
        expect("source-language", str, "a language code"), lambda m: fail("source-language", m)
    )
    if source_language not in languages:
        raise fail(
            "source-language", f"source language '{source_language}' is not one of the languages {list(languages)}"
        )
    formats = strings("formats")
    for output_format in formats:
        if output_format not in OUTPUT_FORMATS:
            raise fail("formats", f"unknown format '{output_format}'; formats are {', '.join(OUTPUT_FORMATS)}")
    threshold = expect("publish-threshold", (int, float), "a percentage")
    if not 0 <= threshold <= 100:
        raise fail("publish-threshold", f"setting 'publish-threshold' must be between 0 and 100, not {threshold}")

    date_locales = expect("date-locales", dict, 'a table of languages and locales, e.g. { en = "en_GB" }')
    for language, locale in date_locales.items():
        if language not in languages:
            raise fail(
                "date-locales", f"'{language}' in setting 'date-locales' is not one of the languages {list(languages)}"
            )
        if not isinstance(locale, str):
            raise fail("date-locales", f"setting 'date-locales' must map languages to locale codes, not {locale!r}")
        checked = _check_language(locale, lambda m: fail("date-locales", m))
        if _language_of(checked) != _language_of(language):
            raise fail(
                "date-locales",
                f"locale '{locale}' for '{language}' in setting 'date-locales' is not a variant of '{language}'",
            )

    root = config_path.parent.resolve()

    def folder(key: str) -> Path:
        relative: str = expect(key, str, "a folder inside the project")
        if looked_at is not None:
            looked_at.append(str(root / relative))
        path = (root / relative).resolve()
        if not relative or Path(relative).is_absolute() or not path.is_relative_to(root):
            raise fail(key, f"setting '{key}' must be a folder inside the project, not {relative!r}")
        return path

    content_dir, locales_dir, output_dir = folder("content"), folder("locales"), folder("output")
    for key, inputs in (("content", content_dir), ("locales", locales_dir), ("config", root / ".git")):
        if output_dir == inputs or output_dir.is_relative_to(inputs) or inputs.is_relative_to(output_dir):
            what = "the project's own folder" if key == "config" else f"the {key} folder"
            raise fail(
                "output",
                f"setting 'output' must not be, hold or lie inside {what}: built files would be read "
                'back as sources or overwrite them; use a folder of its own, such as "build"',
            )
    for key in ("name", "bugs-address"):
        value = values[key]
        if isinstance(value, str) and any(ord(character) < 0x20 or ord(character) == 0x7F for character in value):
            raise fail(
                key,
                f"setting '{key}' goes into every catalogue's header and must be one line with no control characters",
            )

    return Project(
        root=root,
        config_path=config_path,
        name=root.name if values["name"] is None else expect("name", str, "a string"),
        languages=languages,
        source_language=source_language,
        content_dir=content_dir,
        locales_dir=locales_dir,
        output_dir=output_dir,
        formats=formats,
        publish_threshold=float(threshold),
        translatable_keys=strings("translatable-keys"),
        glossary=_glossary_name(expect("glossary", str, "a catalogue name"), fail),
        bugs_address=expect("bugs-address", str, "an address"),
        localised_links=_localised_links(values["localised-links"], languages, lambda m: fail("localised-links", m)),
        date_locales=tuple(sorted(date_locales.items())),
        translation_memories=_memory_globs(strings("translation-memories"), lambda m: fail("translation-memories", m)),
    )


def check_language(project: Project, code: str) -> str:
    """``code`` if it is one of the project's languages; an error listing them otherwise."""
    if code in project.languages:
        return code
    raise ConfigError(
        f"'{code}' is not a language of this project; its languages are {', '.join(project.languages)}",
        project.config_path,
    )


def check_new_language(project: Project, code: str) -> str:
    """``code``, a language Babel knows and the project lists, for `init`."""

    def fail(message: str) -> ConfigError:
        return ConfigError(message, project.config_path)

    language = _check_language(code, fail)
    if language not in project.languages:
        raise ConfigError(
            f"add '{language}' to languages ({', '.join(project.languages)}), then run init again",
            project.config_path,
            _line_of_key(project.config_path.read_text(encoding="utf-8"), "languages"),
        )
    return language


def document_id(project: Project, path: Path) -> str:
    """The id of the source text at ``path``: its path under the content folder, without ``.md``."""
    try:
        relative = path.relative_to(project.content_dir)
    except ValueError:
        raise ContentError("source text is outside the content folder", project.relative(path)) from None
    return checked_document_id(project, path, relative.with_suffix("").as_posix(), path.is_symlink())


def checked_document_id(project: Project, path: Path, identifier: str, link: bool) -> str:
    """``identifier``, the id of the source text at ``path`` (a link if ``link``), if it is a
    safe one and the file is in the project; else an error."""
    if not _safe_id(identifier):
        check_document_id(identifier, project.relative(path))
    if link and not path.resolve().is_relative_to(project.root):
        raise ContentError("source text is a link to a file outside the project", project.relative(path))
    return identifier


def check_document_id(identifier: str, where: str | Path | None = None) -> str:
    """Refuse ids that could name a file outside the project or upset other tools.

    Letters and digits of any script are welcome (``Übersicht``, ``日本語``), with their
    combining accents; spaces, control characters, backslashes, colons and absolute paths are
    not, nor a name that starts with a dot or a dash, so no part of an id is ``.`` or ``..``
    (``a..b`` is an ordinary name).
    """
    if not _safe_id(identifier):
        raise ContentError(
            f"unsafe document id {identifier!r}: use letters (of any alphabet), digits, '-', '_' and '.' "
            "in folder and file names, starting each with a letter or digit (so no '..' folder); no spaces, "
            "no absolute path",
            where,
        )
    return identifier


def _safe_id(identifier: str) -> bool:
    return all(map(_safe_name, identifier.split("/"))) and identifier != "templates"


def _safe_name(name: str) -> bool:
    """A folder or file name made of letters, digits, '-', '_' and '.', starting with a letter or digit."""
    if name.isascii():
        return _ASCII_NAME.fullmatch(name) is not None

    def category(char: str) -> str:
        return unicodedata.category(char)[0]

    return (
        bool(name)
        and category(name[0]) in "LN"
        and all(category(char) in "LMN" or char in _ID_PUNCTUATION for char in name)
    )


def _glossary_name(name: str, fail: Any) -> str:
    """The glossary's domain: a name that keeps its catalogue inside each language's folder."""
    try:
        return check_document_id(name)
    except ContentError:
        raise fail(
            "glossary", f"setting 'glossary' must be a catalogue name such as \"glossary\", not {name!r}"
        ) from None


def _dedicated_settings(data: dict[str, Any], config_path: Path) -> Any:
    """The settings of an i18ntool.toml: its top level, or a ``[tool.i18ntool]`` table copied
    from a pyproject.toml (the two shapes cannot be mixed)."""
    table = data.get("tool")
    if not isinstance(table, dict) or set(table) != {"i18ntool"}:
        return data  # an unknown `tool` key is reported with the others
    if len(data) > 1:
        text = config_path.read_text(encoding="utf-8")
        raise ConfigError(
            "settings both at the top level and in [tool.i18ntool]; write them in one place, "
            "either at the top level of i18ntool.toml or all under [tool.i18ntool]",
            config_path,
            _line_of_key(text, "tool"),
        )
    return table["i18ntool"]


def _check_language(code: str, fail: Any) -> str:
    if _simple_locale(code):
        return code
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code, sep="-" if "-" in code else "_")
    except (UnknownLocaleError, ValueError, TypeError):
        raise fail(f"unknown language '{code}'; use a code Babel knows, such as 'en', 'it' or 'pt_BR'") from None
    canonical = str(locale)
    if canonical != code:
        raise fail(f"write language '{code}' as '{canonical}'")
    return canonical


@functools.lru_cache(maxsize=16)
def _folder_prefix(folder: Path) -> str | None:
    """The text every path under ``folder`` starts with ("/a/b/"), where paths are written
    with '/' (None elsewhere: the path is then cut by ``relative_to``)."""
    if os.sep != "/":
        return None
    text = str(folder)
    return text if text.endswith("/") else text + "/"


# A language, or a language and a country, as Babel names its locale data files.
_SIMPLE_LOCALE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")


def _simple_locale(code: str) -> bool:
    """Whether ``code`` is a language (``it``) or a language and a country (``en_GB``) that
    Babel has locale data for, under that very name: then Babel's canonical form of it is
    ``code`` itself and its language the part before ``_`` (a test holds this to Babel for
    every such file), found without importing Babel, which took 5 ms of every run."""
    return _SIMPLE_LOCALE.fullmatch(code) is not None and os.path.isfile(os.path.join(_locale_data(), f"{code}.dat"))


@functools.cache
def _locale_data() -> str:
    """Babel's folder of locale data, found without importing Babel."""
    from importlib.util import find_spec

    spec = find_spec("babel")
    origin = spec.origin if spec is not None else None
    return os.path.join(os.path.dirname(origin), "locale-data") if origin else ""


def _language_of(code: str) -> str:
    """The language of a locale code :func:`_check_language` accepted."""
    if _simple_locale(code):
        return code.partition("_")[0]
    from babel import Locale

    return str(Locale.parse(code).language)


def _localised_links(value: Any, languages: tuple[str, ...], fail: Any) -> tuple[tuple[tuple[str, str], ...], ...]:
    """The `localised-links` setting: a list of tables mapping two or more languages to a prefix."""
    example = '[{ en = "/press/", it = "/it/press/" }]'
    if not isinstance(value, list):
        raise fail(f"setting 'localised-links' must be a list of tables such as {example}, not {value!r}")
    rules = []
    for table in value:
        if not isinstance(table, dict) or len(table) < 2:
            raise fail(f"each item of 'localised-links' must map two or more languages to a prefix, as in {example}")
        for language, prefix in table.items():
            if language not in languages:
                raise fail(f"'localised-links' names '{language}', which is not one of the languages {list(languages)}")
            if not isinstance(prefix, str) or not prefix:
                raise fail(f"'localised-links' prefix for '{language}' must be a non-empty string, not {prefix!r}")
        rules.append(tuple(sorted(table.items())))
    return tuple(rules)


def _memory_globs(patterns: tuple[str, ...], fail: Any) -> tuple[str, ...]:
    """The `translation-memories` setting: globs that stay inside the project (a glob that
    matches nothing is fine: the memories may not have arrived yet)."""
    for pattern in patterns:
        parts = pattern.replace("\\", "/").split("/")
        if not pattern or pattern.startswith(("/", "~")) or re.match(r"[A-Za-z]:", pattern) or ".." in parts:
            raise fail(
                f"setting 'translation-memories' holds globs relative to the project's folder, such as "
                f'"tm/*.tmx", not {pattern!r}'
            )
    return patterns


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(
            "invalid UTF-8 byte sequence; TOML files are UTF-8, save it as UTF-8",
            path,
            data[: exc.start].count(b"\n") + 1,
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(match.group(1)) if match else None
        if "(at end of document)" in str(exc):
            line = path.read_bytes().count(b"\n") + 1
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        raise ConfigError(f"invalid TOML: {message}", path, line) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read settings: {exc.strerror}", path) from exc


def _line_of_key(text: str, key: str) -> int | None:
    """The line where ``key`` is set, for error messages (tomllib does not keep positions)."""
    # `key = ...`, or a table `[key]` / `[key.sub]` (an unknown table is reported at its header).
    pattern = re.compile(rf"^\s*(?:[\"']?{re.escape(key)}[\"']?\s*=|\[+\s*[\"']?{re.escape(key)}[\"']?\s*[\].])")
    lines = text.splitlines()
    # In a pyproject.toml, the key of the [tool.i18ntool] table, not [project]'s "name".
    table = next((index for index, line in enumerate(lines) if re.match(r"^\s*\[\s*tool\.i18ntool\s*\]", line)), 0)
    for number, line in enumerate(lines[table:], start=table + 1):
        if pattern.match(line):
            return number
    return None


def shown_path(project: Project, path: Path) -> str:
    """``path`` as the user would type it: relative to the working folder, or to the project."""
    if path.is_relative_to(Path.cwd()):
        return path.relative_to(Path.cwd()).as_posix() or "."
    return str(project.relative(path))
