"""Catalogue validity as strict as ``msgfmt -c``: the header, plural forms and newlines.

A catalogue the reader cannot read at all (``catalogue_files.read_catalogue``) stops `check` with
its file and line. One that reads but is wrong gives findings here: no header entry, a
missing or placeholder charset, a Language that is missing or not the language of the
catalogue's folder, Plural-Forms that cannot be read or do not agree with GNU gettext's rule for
the language, plural entries with the wrong number of forms, and msgid and msgstr that do
not both begin and end with a newline, and format strings (``python-format`` and the
like) whose translation takes other arguments (msgfmt's own errors). Like msgfmt, the entry checks
skip untranslated, fuzzy and obsolete entries; the plural count is checked on every entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from babel import Locale, UnknownLocaleError

from i18ntool.po import format_strings
from i18ntool.po.plurals import SAMPLES, gettext_rule, parse_plural, read_rule
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.checks.codes import Check, EN, ERROR, IT, WARNING, Problem

# Header fields msgfmt -c expects, with the placeholder a template leaves in them.
_EXPECTED = {
    "Project-Id-Version": "PACKAGE VERSION",
    "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
    "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
    "Language-Team": "LANGUAGE <LL@li.org>",
    "MIME-Version": "",
    "Content-Transfer-Encoding": "ENCODING",
}
_SUGGESTED = {
    "Project-Id-Version": "NAME OF THE PROJECT",
    "PO-Revision-Date": "YYYY-MM-DD HH:MM+ZZZZ",
    "Last-Translator": "YOUR NAME <EMAIL>",
    "Language-Team": "LANGUAGE",
    "MIME-Version": "1.0",
    "Content-Transfer-Encoding": "8bit",
}
_CHARSET = re.compile(r"charset=([^\s;]*)", re.IGNORECASE)


def check_catalogue(catalogue: Catalogue, lines: Sequence[str], language: str) -> list[Problem]:
    """The validity problems of ``catalogue``, read from a file whose text is ``lines``,
    found in the folder of ``language``."""
    if not catalogue.header_line:
        return [
            Problem(
                "PO101", 'no header entry; start the catalogue with msgid "" and its header (run `i18ntool update`)', 1
            )
        ]
    problems: list[Problem] = []

    def line_of(field: str) -> int:
        return _field_line(lines, catalogue.header_line, field)

    problems += _charset(
        catalogue.header("Content-Type"),
        line_of("Content-Type") if catalogue.header("Content-Type") is not None else catalogue.header_line,
    )
    problems += _language(
        catalogue.header("Language"),
        language,
        line_of("Language") if catalogue.header("Language") is not None else catalogue.header_line,
    )
    for field, placeholder in _EXPECTED.items():
        value = catalogue.header(field)
        suggestion = _SUGGESTED[field].replace("LANGUAGE", Locale.parse(language).english_name or language)
        if value is None:
            problems.append(
                Problem(
                    "PO106",
                    f"header field '{field}' is missing; add \"{field}: {suggestion}\\n\"",
                    catalogue.header_line,
                )
            )
        elif placeholder and value == placeholder:
            problems.append(
                Problem(
                    "PO106",
                    f"header field '{field}' still holds the template's placeholder '{placeholder}'; "
                    f'write "{field}: {suggestion}\\n"',
                    line_of(field),
                )
            )
    plurals = [message for message in catalogue.messages if message.msgid_plural is not None and not message.obsolete]
    plural_forms = catalogue.header("Plural-Forms")
    nplurals = gettext_rule(language).forms
    if plural_forms is None:
        rule = gettext_rule(language).header
        if plurals:
            problems.append(
                Problem(
                    "PO105",
                    f'plural entries need a Plural-Forms header; add "Plural-Forms: {rule}\\n"',
                    catalogue.header_line,
                )
            )
        else:
            problems.append(
                Problem(
                    "PO106",
                    f"header field 'Plural-Forms' is missing; add \"Plural-Forms: {rule}\\n\"",
                    catalogue.header_line,
                )
            )
    else:
        problem, read = _plural_forms(plural_forms, language, line_of("Plural-Forms"))
        problems += problem
        nplurals = read if read is not None else nplurals
    for message in plurals:
        if len(message.msgstr_plural) != nplurals:
            forms = "form" if len(message.msgstr_plural) == 1 else "forms"
            problems.append(
                Problem(
                    "PO201",
                    f"entry has {len(message.msgstr_plural)} plural {forms} but nplurals={nplurals}; "
                    f"give it msgstr[0] to msgstr[{nplurals - 1}]",
                    message.line,
                )
            )
    for message in catalogue.messages:
        problems += _newlines(message)
        problems += _format_strings(message)
    return problems


def _field_line(lines: Sequence[str], header_line: int, field: str) -> int:
    """The line of the header's string that sets ``field``: where to fix it."""
    prefix = f'"{field.lower()}:'
    for number in range(header_line, min(len(lines), header_line + 60)):
        stripped = lines[number].strip()
        if not stripped.startswith('"') and number > header_line:
            break
        if stripped.lower().startswith(prefix) or stripped.lower().startswith("msgstr " + prefix):
            return number + 1
    return header_line


def _charset(content_type: str | None, line: int) -> list[Problem]:
    example = 'write "Content-Type: text/plain; charset=UTF-8\\n"'
    if content_type is None:
        return [Problem("PO102", f"header field 'Content-Type' is missing; {example}", line)]
    match = _CHARSET.search(content_type)
    if not match or not match.group(1):
        return [Problem("PO102", f"Content-Type names no charset; {example}", line)]
    charset = match.group(1)
    if charset.upper() == "CHARSET":
        return [Problem("PO102", f"Content-Type names the placeholder charset 'CHARSET'; {example}", line)]
    if charset.replace("-", "").replace("_", "").upper() != "UTF8":
        return [
            Problem(
                "PO103",
                f"charset is {charset}, not the UTF-8 that i18ntool writes; convert the file "
                "(msgconv -t UTF-8) and set charset=UTF-8",
                line,
            )
        ]
    return []


def _language(value: str | None, language: str, line: int) -> list[Problem]:
    fix = f'write "Language: {language}\\n"'
    if not value:
        return [Problem("PO104", f"Language is {'missing' if value is None else 'empty'}; {fix}", line)]
    try:
        locale = Locale.parse(value, sep="-" if "-" in value else "_")
    except (UnknownLocaleError, ValueError):
        return [Problem("PO104", f"Language '{value}' is not a language Babel knows; {fix}", line)]
    expected = Locale.parse(language)
    same = str(locale) == language or (
        locale.language == expected.language and expected.territory in (None, locale.territory)
    )
    if not same:
        return [Problem("PO104", f"Language is '{value}' but the catalogue is in locales/{language}/; {fix}", line)]
    return []


def _plural_forms(value: str, language: str, line: int) -> tuple[list[Problem], int | None]:
    """Problems with a Plural-Forms value, and the nplurals it gives (None if unreadable).

    Any rule equivalent to gettext's for the language is right: the same number of forms,
    and the same form for every n."""
    wanted = gettext_rule(language)
    fix = f'write "Plural-Forms: {wanted.header}\\n"'
    read = read_rule(value)
    if read is None:
        return [Problem("PO105", f"Plural-Forms is not 'nplurals=N; plural=EXPRESSION;'; {fix}", line)], None
    try:
        rule = parse_plural(read.expression)
        values = [rule(n) for n in SAMPLES]
    except (ValueError, ZeroDivisionError) as error:
        return [Problem("PO105", f"Plural-Forms has an invalid plural expression ({error}); {fix}", line)], read.forms
    if read.forms < 1 or max(values) >= read.forms:
        return [
            Problem(
                "PO105",
                f"Plural-Forms says nplurals={read.forms} but its expression can give {max(values)} (forms are numbered from 0); {fix}",
                line,
            )
        ], read.forms
    name = Locale.parse(language).english_name
    if read.forms != wanted.forms:
        return [
            Problem(
                "PO105", f"Plural-Forms says nplurals={read.forms} but {name} has {wanted.forms} forms; {fix}", line
            )
        ], read.forms
    expected = parse_plural(wanted.expression)
    wrong = next((n for n, got in zip(SAMPLES, values, strict=True) if got != expected(n)), None)
    if wrong is not None:
        return [
            Problem(
                "PO105",
                f"Plural-Forms picks form {values[SAMPLES.index(wrong)]} for n={wrong}, but {name} uses form {expected(wrong)}; {fix}",
                line,
            )
        ], read.forms
    return [], read.forms


def _newlines(message: Message) -> list[Problem]:
    if message.obsolete or message.fuzzy or not message.msgid:
        return []
    pairs = [("msgid_plural", message.msgid_plural)] if message.msgid_plural is not None else []
    if message.msgid_plural is None:
        pairs.append(("msgstr", message.msgstr))
    else:
        pairs += [(f"msgstr[{index}]", form) for index, form in enumerate(message.msgstr_plural)]
    problems = []
    for name, text in pairs:
        if not text:
            continue
        for where, test in (("begins", str.startswith), ("ends", str.endswith)):
            if test(message.msgid, "\n") != test(text, "\n"):
                has, lacks = ("msgid", name) if test(message.msgid, "\n") else (name, "msgid")
                verb = "begin" if where == "begins" else "end"
                problems.append(
                    Problem(
                        "PO202",
                        f"{has} {where} with '\\n' but {lacks} does not; make both {verb} with a newline, or neither",
                        message.line,
                    )
                )
    return problems


def _format_strings(message: Message) -> list[Problem]:
    if message.obsolete or message.fuzzy or not message.msgid:
        return []
    problems = []
    for flag in format_strings.FLAGS:
        if flag not in message.flags:
            continue
        if message.msgid_plural is None:
            forms = [(message.msgid, message.msgstr, False)]
        else:
            forms = [
                (message.msgid if index == 0 else message.msgid_plural, form, True)
                for index, form in enumerate(message.msgstr_plural)
            ]
        for source, translation, plural in forms:
            if translation:
                problems += [
                    Problem("PO203", f"{flag}: {text}", message.line)
                    for text in format_strings.compare(source, translation, flag, plural)
                ]
    return problems


# -- the checks of this family: their codes, and the problems they report ----------------

CHECKS: tuple[Check, ...] = (
    Check(
        "PO101",
        ERROR,
        'The catalogue has no header entry (msgid "")',
        f'{EN}/radici-fiorentine.po:1: PO101 no header entry; start the catalogue with msgid "" and its header (run `i18ntool update`)',
    ),
    Check(
        "PO102",
        ERROR,
        "Content-Type names no charset, or the template's placeholder CHARSET",
        f"{IT}/historical-background.po:11: PO102 Content-Type names the placeholder charset 'CHARSET'; write \"Content-Type: text/plain; charset=UTF-8\\n\"",
    ),
    Check(
        "PO103",
        WARNING,
        "The charset is not UTF-8, which i18ntool writes",
        f"{IT}/director-biography.po:12: PO103 charset is windows-1252, not the UTF-8 that i18ntool writes; convert the file (msgconv -t UTF-8) and set charset=UTF-8",
    ),
    Check(
        "PO104",
        ERROR,
        "Language is missing, unknown to Babel, or not the language of the catalogue's folder",
        f"{IT}/historical-background.po:10: PO104 Language is 'en' but the catalogue is in locales/it/; write \"Language: it\\n\"",
    ),
    Check(
        "PO105",
        ERROR,
        "Plural-Forms is unreadable, inconsistent, missing where plurals need it, or not GNU gettext's rule for the language",
        f'{IT}/historical-background.po:13: PO105 Plural-Forms says nplurals=3 but Italian has 2 forms; write "Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
    ),
    Check(
        "PO106",
        WARNING,
        "A header field gettext expects is missing or still holds the template's placeholder",
        f"{IT}/historical-background.po:2: PO106 header field 'MIME-Version' is missing; add \"MIME-Version: 1.0\\n\"",
    ),
    Check(
        "PO201",
        ERROR,
        "A plural entry has a different number of msgstr[N] than Plural-Forms' nplurals",
        f"{IT}/ui.po:52: PO201 entry has 3 plural forms but nplurals=2; give it msgstr[0] to msgstr[1]",
    ),
    Check(
        "PO202",
        ERROR,
        "msgid and msgstr do not both begin, or both end, with a newline",
        f"{IT}/ui.po:58: PO202 msgid ends with '\\n' but msgstr does not; make both end with a newline, or neither",
    ),
    Check(
        "PO203",
        ERROR,
        "A python-format, python-brace-format or c-format translation takes other arguments than msgid",
        f"{IT}/ui.po:22: PO203 python-format: %(data)s is not an argument of msgid; use %(date)s",
    ),
)
