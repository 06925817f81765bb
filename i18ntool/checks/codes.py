"""What a check is: a code, a severity, a description and an example; and what it finds.

Each family of checks (``validity``, ``markdown_parity``, ``figures``, ``addresses``,
``glossary``, ``typography``) lists its own checks in a ``CHECKS`` tuple, beside the code
that gives their problems, so that a check's code is spelled in its family and nowhere
else; ``findings.CHECKS`` gathers the families in the order of the README's table.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    description: str
    example: str  # a finding as `check` prints it on a damaged copy of the shipped press kit


@dataclass(frozen=True)
class Problem:
    """What a check found in one entry or header field, before it is placed in a file."""

    code: str
    message: str
    line: int = 0  # 0: the line of the entry the check was given


ERROR, WARNING = Severity.ERROR, Severity.WARNING
# Where the examples' catalogues are, in the shipped press kit.
IT = "locales/it/LC_MESSAGES"
EN = "locales/en/LC_MESSAGES"
