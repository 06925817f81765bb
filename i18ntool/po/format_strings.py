"""Format strings in catalogue entries, checked as ``msgfmt -c`` checks them.

An entry flagged ``python-format``, ``python-brace-format`` or ``c-format`` (the UI strings
of the pages `build` writes, such as ``Published on %(date)s``) is filled in by a program;
its translation must take the same arguments, or the program fails or shows the wrong
value. As gettext does: named arguments must be the same set with the same types; unnamed
ones the same number with the same types in the same order (C's ``%2$s`` may reorder them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FLAGS = ("python-format", "python-brace-format", "c-format")

_PYTHON = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?P<width>\*|\d+)?(?:\.(?P<precision>\*|\d+))?[hlL]?(?P<type>[diouxXeEfFgGcrsa%])"
)
_C = re.compile(
    r"%(?:(?P<position>\d+)\$)?[-+ #0']*(?P<width>\*(?:\d+\$)?|\d+)?(?:\.(?P<precision>\*(?:\d+\$)?|\d+))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?(?P<type>[diouxXeEfFgGaAcspn%])"
)
_BRACE = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}|[{}]")
_TYPES = {**dict.fromkeys("diouxX", "integer"), **dict.fromkeys("eEfFgGaA", "float"), "c": "character",
          "s": "string", "r": "object", "p": "pointer", "n": "count"}


@dataclass(frozen=True)
class Arguments:
    """The arguments a format string takes: by name, or by position (1, 2, ...)."""

    named: dict[str, str]  # name -> type
    positional: tuple[str, ...]  # types
    written: dict[str, str]  # name -> the directive as written, for messages


def arguments(text: str, flag: str) -> Arguments:
    """The arguments of ``text`` read as ``flag`` says; ValueError if it is not a valid one."""
    if flag == "python-brace-format":
        return _brace(text)
    pattern = _PYTHON if flag == "python-format" else _C
    named: dict[str, str] = {}
    written: dict[str, str] = {}
    positional: list[str] = []
    numbered: dict[int, str] = {}
    position = 0
    while (start := text.find("%", position)) >= 0:
        match = pattern.match(text, start)
        if not match:
            raise ValueError(f"'{text[start:start + 4]}' is not a complete directive; write a percent sign as %%")
        position = match.end()
        kind = match.group("type")
        if kind == "%":
            continue
        for part in ("width", "precision"):
            if (match.group(part) or "").startswith("*"):
                positional.append("integer")
        value = _TYPES.get(kind, kind)
        if flag == "python-format" and match.group("name") is not None:
            named[match.group("name")] = value
            written.setdefault(match.group("name"), match.group())
        elif flag == "c-format" and match.group("position"):
            numbered[int(match.group("position"))] = value
        else:
            positional.append(value)
    if named and positional:
        raise ValueError("it mixes named (%(name)s) and unnamed (%s) arguments")
    if numbered:
        if positional:
            raise ValueError("it mixes numbered (%1$s) and unnumbered (%s) arguments")
        positional = [numbered[number] for number in sorted(numbered)]
    return Arguments(named, tuple(positional), written)


def compare(source: str, translation: str, flag: str, plural_form: bool = False) -> list[str]:
    """What is wrong with the arguments of ``translation``, a translation of ``source``.

    A plural form (``plural_form``) may leave out an argument, as "one file" leaves out the
    number.
    """
    try:
        wanted = arguments(source, flag)
    except ValueError:
        return []  # the source is not a format string after all; msgfmt says nothing either
    try:
        found = arguments(translation, flag)
    except ValueError as error:
        return [f"msgstr is not a valid {flag} string: {error}"]
    problems = []
    missing = [wanted.written[name] for name in wanted.named if name not in found.named]
    for name, kind in found.named.items():
        if name not in wanted.named:
            instead = missing or list(wanted.written.values())
            hint = f"use {', '.join(instead)}" if instead else "msgid has no named arguments"
            problems.append(f"{found.written[name]} is not an argument of msgid; {hint}")
        elif wanted.named[name] != kind:
            problems.append(f"{found.written[name]} is a {kind} here but a {wanted.named[name]} in msgid ({wanted.written[name]})")
    if not plural_form and not problems:
        problems += [f"{directive} of msgid is missing; the program fills it in" for directive in missing]
    if wanted.positional != found.positional and not (plural_form and len(found.positional) < len(wanted.positional)):
        problems.append(
            f"msgid takes {len(wanted.positional)} unnamed argument(s) ({', '.join(wanted.positional) or 'none'}), "
            f"msgstr {len(found.positional)} ({', '.join(found.positional) or 'none'}); give msgstr the same ones in the same order"
        )
    return problems


def _brace(text: str) -> Arguments:
    named: dict[str, str] = {}
    written: dict[str, str] = {}
    positional: list[str] = []
    automatic = 0
    for match in _BRACE.finditer(text):
        token = match.group()
        if token in ("{{", "}}"):
            continue
        if token in ("{", "}"):
            raise ValueError(f"a lone '{token}'; write a brace as '{token * 2}'")
        field = re.split(r"[.\[]", match.group("field") or "", maxsplit=1)[0]
        if not field:
            field = str(automatic)
            automatic += 1
        if field.isdigit():
            while len(positional) <= int(field):
                positional.append("object")
        else:
            named[field] = "object"
            written.setdefault(field, token)
    return Arguments(named, tuple(positional), written)

