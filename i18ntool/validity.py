"""Catalogue validity as strict as ``msgfmt -c``: the header, plural forms and newlines.

A catalogue the reader cannot read at all (``catalogue.read_catalogue``) stops `check` with
its file and line. One that reads but is wrong gives findings here: no header entry, a
missing or placeholder charset, a Language that is missing or not the language of the
catalogue's folder, Plural-Forms that cannot be read or do not agree with Babel's rule for
the language, plural entries with the wrong number of forms, and msgid and msgstr that do
not both begin and end with a newline, and format strings (``python-format`` and the
like) whose translation takes other arguments (msgfmt's own errors). Like msgfmt, the entry checks
skip untranslated, fuzzy and obsolete entries; the plural count is checked on every entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

from i18ntool import formats
from i18ntool.catalogue import Catalogue, Message
from i18ntool.findings import Problem

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
# Where a plural rule is evaluated to compare it with Babel's: enough to tell every rule
# gettext knows apart (Slavic rules turn on n % 100), plus some large numbers.
_SAMPLES = (*range(0, 210), 1000, 1001, 10000, 100000, 1000000)


def check_catalogue(catalogue: Catalogue, lines: Sequence[str], language: str) -> list[Problem]:
    """The validity problems of ``catalogue``, read from a file whose text is ``lines``,
    found in the folder of ``language``."""
    if not catalogue.header_line:
        return [Problem("PO101", "no header entry; start the catalogue with msgid \"\" and its header (run `i18ntool update`)", 1)]
    problems: list[Problem] = []

    def line_of(field: str) -> int:
        return _field_line(lines, catalogue.header_line, field)

    problems += _charset(catalogue.header("Content-Type"), line_of("Content-Type") if catalogue.header("Content-Type") is not None else catalogue.header_line)
    problems += _language(catalogue.header("Language"), language, line_of("Language") if catalogue.header("Language") is not None else catalogue.header_line)
    for field, placeholder in _EXPECTED.items():
        value = catalogue.header(field)
        suggestion = _SUGGESTED[field].replace("LANGUAGE", Locale.parse(language).english_name or language)
        if value is None:
            problems.append(Problem(
                "PO106", f"header field '{field}' is missing; add \"{field}: {suggestion}\\n\"", catalogue.header_line,
            ))
        elif placeholder and value == placeholder:
            problems.append(Problem(
                "PO106", f"header field '{field}' still holds the template's placeholder '{placeholder}'; "
                f"write \"{field}: {suggestion}\\n\"", line_of(field),
            ))
    plurals = [message for message in catalogue.messages if message.msgid_plural is not None and not message.obsolete]
    plural_forms = catalogue.header("Plural-Forms")
    nplurals = get_plural(language).num_plurals
    if plural_forms is None:
        rule = get_plural(language).plural_forms
        if plurals:
            problems.append(Problem("PO105", f"plural entries need a Plural-Forms header; add \"Plural-Forms: {rule}\\n\"", catalogue.header_line))
        else:
            problems.append(Problem("PO106", f"header field 'Plural-Forms' is missing; add \"Plural-Forms: {rule}\\n\"", catalogue.header_line))
    else:
        problem, read = _plural_forms(plural_forms, language, line_of("Plural-Forms"))
        problems += problem
        nplurals = read if read is not None else nplurals
    for message in plurals:
        if len(message.msgstr_plural) != nplurals:
            forms = "form" if len(message.msgstr_plural) == 1 else "forms"
            problems.append(Problem(
                "PO201", f"entry has {len(message.msgstr_plural)} plural {forms} but nplurals={nplurals}; "
                f"give it msgstr[0] to msgstr[{nplurals - 1}]", message.line,
            ))
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
    example = "write \"Content-Type: text/plain; charset=UTF-8\\n\""
    if content_type is None:
        return [Problem("PO102", f"header field 'Content-Type' is missing; {example}", line)]
    match = _CHARSET.search(content_type)
    if not match or not match.group(1):
        return [Problem("PO102", f"Content-Type names no charset; {example}", line)]
    charset = match.group(1)
    if charset.upper() == "CHARSET":
        return [Problem("PO102", f"Content-Type names the placeholder charset 'CHARSET'; {example}", line)]
    if charset.replace("-", "").replace("_", "").upper() != "UTF8":
        return [Problem(
            "PO103", f"charset is {charset}, not the UTF-8 that i18ntool writes; convert the file "
            "(msgconv -t UTF-8) and set charset=UTF-8", line,
        )]
    return []


def _language(value: str | None, language: str, line: int) -> list[Problem]:
    fix = f"write \"Language: {language}\\n\""
    if not value:
        return [Problem("PO104", f"Language is {'missing' if value is None else 'empty'}; {fix}", line)]
    try:
        locale = Locale.parse(value, sep="-" if "-" in value else "_")
    except (UnknownLocaleError, ValueError):
        return [Problem("PO104", f"Language '{value}' is not a language Babel knows; {fix}", line)]
    expected = Locale.parse(language)
    same = str(locale) == language or (locale.language == expected.language and expected.territory in (None, locale.territory))
    if not same:
        return [Problem("PO104", f"Language is '{value}' but the catalogue is in locales/{language}/; {fix}", line)]
    return []


def _plural_forms(value: str, language: str, line: int) -> tuple[list[Problem], int | None]:
    """Problems with a Plural-Forms value, and the nplurals it gives (None if unreadable)."""
    babel = get_plural(language)
    fix = f"write \"Plural-Forms: {babel.plural_forms}\\n\""
    match = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*", value)
    if not match:
        return [Problem("PO105", f"Plural-Forms is not 'nplurals=N; plural=EXPRESSION;'; {fix}", line)], None
    nplurals = int(match.group(1))
    try:
        rule = parse_plural(match.group(2))
        values = [rule(n) for n in _SAMPLES]
    except (ValueError, ZeroDivisionError) as error:
        return [Problem("PO105", f"Plural-Forms has an invalid plural expression ({error}); {fix}", line)], nplurals
    if nplurals < 1 or max(values) >= nplurals:
        return [Problem("PO105", f"Plural-Forms says nplurals={nplurals} but its expression can give {max(values)} (forms are numbered from 0); {fix}", line)], nplurals
    name = Locale.parse(language).english_name
    if nplurals != babel.num_plurals:
        return [Problem("PO105", f"Plural-Forms says nplurals={nplurals} but {name} has {babel.num_plurals} forms; {fix}", line)], nplurals
    expected = parse_plural(babel.plural_expr)
    wrong = next((n for n, got in zip(_SAMPLES, values, strict=True) if got != expected(n)), None)
    if wrong is not None:
        return [Problem("PO105", f"Plural-Forms picks form {values[_SAMPLES.index(wrong)]} for n={wrong}, but {name} uses form {expected(wrong)}; {fix}", line)], nplurals
    return [], nplurals


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
                problems.append(Problem(
                    "PO202", f"{has} {where} with '\\n' but {lacks} does not; make both {verb} with a newline, or neither",
                    message.line,
                ))
    return problems


def _format_strings(message: Message) -> list[Problem]:
    if message.obsolete or message.fuzzy or not message.msgid:
        return []
    problems = []
    for flag in formats.FLAGS:
        if flag not in message.flags:
            continue
        if message.msgid_plural is None:
            forms = [(message.msgid, message.msgstr, False)]
        else:
            forms = [(message.msgid if index == 0 else message.msgid_plural, form, True)
                     for index, form in enumerate(message.msgstr_plural)]
        for source, translation, plural in forms:
            if translation:
                problems += [Problem("PO203", f"{flag}: {text}", message.line)
                             for text in formats.compare(source, translation, flag, plural)]
    return problems


# -- plural expressions ----------------------------------------------------------------------

_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[<>+\-*/%!?:()]))")


def parse_plural(expression: str) -> Callable[[int], int]:
    """A gettext plural expression (C syntax, one variable ``n``) as a function of n."""
    tokens: list[str] = []
    position = 0
    expression = expression.strip()
    while position < len(expression):
        match = _TOKEN.match(expression, position)
        if not match:
            raise ValueError(f"unexpected {expression[position:].strip()[:10]!r}")
        tokens.append(match.group(match.lastindex or 0))
        position = match.end()
    parser = _ExpressionParser(tokens)
    function = parser.conditional()
    if parser.position != len(tokens):
        raise ValueError(f"unexpected {tokens[parser.position]!r}")
    return lambda n: int(function(n))


_BINARY: list[dict[str, Callable[[int, int], int]]] = [
    {"||": lambda a, b: int(bool(a) or bool(b))},
    {"&&": lambda a, b: int(bool(a) and bool(b))},
    {"==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b)},
    {"<": lambda a, b: int(a < b), "<=": lambda a, b: int(a <= b), ">": lambda a, b: int(a > b), ">=": lambda a, b: int(a >= b)},
    {"+": lambda a, b: a + b, "-": lambda a, b: a - b},
    {"*": lambda a, b: a * b, "/": lambda a, b: a // b, "%": lambda a, b: a % b},
]


class _ExpressionParser:
    """Recursive descent over C's precedence levels: ?:, ||, &&, equality, relational,
    additive, multiplicative, unary !."""

    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.position = 0

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or expected is not None and token != expected:
            raise ValueError(f"expected {expected or 'more'} at the end" if token is None else f"expected {expected!r}, found {token!r}")
        self.position += 1
        return token

    def conditional(self) -> Callable[[int], int]:
        test = self.binary(0)
        if self.peek() != "?":
            return test
        self.take("?")
        then = self.conditional()
        self.take(":")
        otherwise = self.conditional()
        return lambda n: then(n) if test(n) else otherwise(n)

    def binary(self, level: int) -> Callable[[int], int]:
        if level == len(_BINARY):
            return self.unary()
        left = self.binary(level + 1)
        while (operator := self.peek()) is not None and operator in _BINARY[level]:
            self.take()
            left = _combine(_BINARY[level][operator], left, self.binary(level + 1))
        return left

    def unary(self) -> Callable[[int], int]:
        token = self.take()
        if token == "!":
            operand = self.unary()
            return lambda n: int(not operand(n))
        if token == "(":
            inner = self.conditional()
            self.take(")")
            return inner
        if token == "n":
            return lambda n: n
        if token.isdigit():
            value = int(token)
            return lambda n: value
        raise ValueError(f"unexpected {token!r}")


def _combine(
    apply: Callable[[int, int], int], left: Callable[[int], int], right: Callable[[int], int]
) -> Callable[[int], int]:
    return lambda n: apply(left(n), right(n))
