"""Plural forms as GNU gettext writes them, and gettext's plural expressions evaluated.

A catalogue's Plural-Forms is a gettext convention, not a CLDR one: `msginit` takes it from
gettext's own table (``plural_table.py``, generated from gettext's source), and i18ntool
writes and checks the same rule, so that its catalogues agree with gettext's tools whatever
CLDR version Babel ships (Babel 2.17 and later give Italian, French, Spanish and Portuguese
a third CLDR form for millions that no gettext tool or PO editor expects). Babel's rule is
the fallback for a language gettext's table does not have (Arabic, Chinese, ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale
from babel.messages.plurals import get_plural

from i18ntool.po.plural_table import PLURAL_FORMS

_HEADER = re.compile(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*")
# Where two rules are compared: enough to tell every rule gettext knows apart (Slavic rules
# turn on n % 100), plus some large numbers.
SAMPLES = (*range(0, 210), 1000, 1001, 10000, 100000, 1000000)


@dataclass(frozen=True)
class PluralRule:
    """``nplurals`` and the C expression that picks a form for n."""

    forms: int
    expression: str

    @property
    def header(self) -> str:
        """The value of a Plural-Forms header field."""
        return f"nplurals={self.forms}; plural={self.expression};"

    def form(self, n: int) -> int:
        return parse_plural(self.expression)(n)


def read_rule(value: str) -> PluralRule | None:
    """A Plural-Forms value as a rule; None if it is not 'nplurals=N; plural=EXPRESSION;'."""
    match = _HEADER.fullmatch(value)
    return PluralRule(int(match.group(1)), match.group(2)) if match else None


def gettext_rule(language: str) -> PluralRule:
    """The rule `msginit` writes for ``language`` (a Babel locale name such as ``pt_BR``):
    gettext's table by whole locale name, then by language; Babel's rule where the table has
    neither."""
    locale = Locale.parse(language)
    for key in (str(locale), locale.language):
        if key in PLURAL_FORMS:
            rule = read_rule(PLURAL_FORMS[key])
            assert rule is not None, PLURAL_FORMS[key]
            return rule
    babel = get_plural(language)
    return PluralRule(babel.num_plurals, babel.plural_expr)


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
    {
        "<": lambda a, b: int(a < b),
        "<=": lambda a, b: int(a <= b),
        ">": lambda a, b: int(a > b),
        ">=": lambda a, b: int(a >= b),
    },
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
            raise ValueError(
                f"expected {expected or 'more'} at the end"
                if token is None
                else f"expected {expected!r}, found {token!r}"
            )
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
