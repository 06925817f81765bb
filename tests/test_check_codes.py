"""Each family of checks declares its own codes; `findings.CHECKS` gathers them, in order."""

from __future__ import annotations

import ast
import re
from types import ModuleType

import pytest

from i18ntool.checks import addresses, figures, findings, glossary, markdown_parity, typography, validity
from tests.conftest import REPOSITORY

FAMILIES = [
    pytest.param(validity, "PO", id="validity"),
    pytest.param(markdown_parity, "MD", id="markdown_parity"),
    pytest.param(figures, "NUM", id="figures"),
    pytest.param(addresses, "KEEP", id="addresses"),
    pytest.param(glossary, "GL", id="glossary"),
    pytest.param(typography, "TYPO", id="typography"),
]
CODE = re.compile(r"[A-Z]+\d{3}")


def code_literals(path: str) -> set[str]:
    """The check codes written as strings in a module of the package."""
    tree = ast.parse((REPOSITORY / path).read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value)
    }


@pytest.mark.parametrize(("family", "prefix"), FAMILIES)
def test_a_family_declares_the_codes_it_reports(family: ModuleType, prefix: str) -> None:
    declared = [check.code for check in family.CHECKS]
    assert declared and all(code.startswith(prefix) and code[len(prefix) :].isdigit() for code in declared)
    assert declared == sorted(declared)
    path = f"i18ntool/checks/{family.__name__.rsplit('.', 1)[-1]}.py"
    assert code_literals(path) == set(declared)  # each code it declares is reported, and only those


def test_the_findings_gather_every_family_in_the_readme_order_without_a_code_twice() -> None:
    gathered = [check.code for param in FAMILIES for check in param.values[0].CHECKS]  # type: ignore[union-attr]
    assert list(findings.CHECKS) == gathered
    assert len(set(gathered)) == len(gathered)


def test_no_other_module_spells_a_check_code() -> None:
    families = {f"i18ntool/checks/{param.id}.py" for param in FAMILIES}
    elsewhere = {
        path.relative_to(REPOSITORY).as_posix(): code_literals(path.relative_to(REPOSITORY).as_posix())
        for path in sorted((REPOSITORY / "i18ntool").rglob("*.py"))
        if path.relative_to(REPOSITORY).as_posix() not in families
    }
    # The runner names one code where a whole family does not fit: a glossary's own entries.
    assert {path: codes for path, codes in elsewhere.items() if codes} == {"i18ntool/checks/runner.py": {"GL104"}}
