"""Every check `i18ntool check` runs, and the findings they give.

A check has a code (``NUM103``), a severity, a one-line description and an example of its
finding (``codes.Check``); each family module lists its own, and ``CHECKS`` gathers them
all, in the order of the README's table. Codes are grouped by family, and ``--select`` and
``--ignore`` take a code or the start of one (``NUM``, ``MD1``), as ruff and flake8 do.

A finding is ``path:line: CODE message``: the catalogue, the line of the entry's msgid (or
of the header field), so that an editor can jump to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from i18ntool.checks import addresses, figures, glossary, markdown_parity, typography, validity
from i18ntool.checks.codes import Check, Problem, Severity

__all__ = ["CHECKS", "Check", "Finding", "Problem", "Severity", "select_codes"]


# Every check, family by family, in the order of the README's table.
CHECKS: dict[str, Check] = {
    check.code: check
    for family in (validity, markdown_parity, figures, addresses, glossary, typography)
    for check in family.CHECKS
}


@dataclass(frozen=True)
class Finding:
    """A problem placed in its catalogue: ``path:line: CODE message``."""

    path: str
    line: int
    code: str
    message: str

    @property
    def severity(self) -> Severity:
        return CHECKS[self.code].severity

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line, self.code, self.message)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


def select_codes(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> frozenset[str]:
    """The codes to report: those matching ``select`` (all if empty) and not ``ignore``.

    Each item is a code or the start of one, case-insensitive; one that matches no code is
    a ValueError naming the families.
    """

    def matching(prefixes: Iterable[str]) -> set[str]:
        codes: set[str] = set()
        for prefix in prefixes:
            prefix = prefix.strip().upper()
            found = {code for code in CHECKS if code.startswith(prefix)} if prefix else set()
            if not found:
                families = ", ".join(sorted({code.rstrip("0123456789") for code in CHECKS}))
                raise ValueError(
                    f"'{prefix}' is not a check code; codes start with {families} (see `i18ntool check --list-checks`)"
                )
            codes |= found
        return codes

    select = list(select)
    selected = matching(select) if select else set(CHECKS)
    return frozenset(selected - matching(ignore))
