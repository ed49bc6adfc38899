"""The tests' own layout (issue 17, item 4): a test module never imports another test module — what tests share lives
in tests/support/ (helpers and shared fixtures), conftest.py (fixtures) or the fake servers — and an assert checks
one condition, so a failure names the part that failed."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def modules_under_test() -> list[Path]:
    return sorted(p for p in TESTS.rglob("test_*.py") if "support" not in p.relative_to(TESTS).parts)


def imported_modules(source: str, package: str) -> list[str]:
    """Every module an import in `source` names, relative imports resolved against `package`."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0]
                base = f"{parent}.{base}" if base else parent
            found.append(base)
            if not is_test_module(base):  # `from tests import test_cards` names the module in the alias
                found += [f"{base}.{alias.name}" for alias in node.names]
    return found


def is_test_module(module: str) -> bool:
    parts = module.split(".")
    return parts[0] == "tests" and any(part.startswith("test_") for part in parts[1:])


def package_of(path: Path) -> str:
    return ".".join(("tests", *path.parent.relative_to(TESTS).parts))


def test_no_test_module_imports_another():
    offenders = [f"{path.relative_to(TESTS.parent)} imports {module}" for path in modules_under_test()
                 for module in imported_modules(path.read_text(encoding="utf-8"), package_of(path))
                 if is_test_module(module)]
    assert offenders == [], "move what is shared into tests/support/ (or a conftest fixture):\n" + "\n".join(offenders)


@pytest.mark.parametrize(("source", "caught"), [
    ("from tests.test_orders import order", True),
    ("import tests.test_cards", True),
    ("from tests import test_cards", True),
    ("from .test_chat_page import log_in", True),
    ("def f():\n    from tests.e2e.test_chat_page import log_in", True),
    ("from tests.support.orders import order", False),
    ("from tests.e2e.conftest import ADMIN", False),
    ("from tests import fake_wechat", False),
    ("from .conftest import ADMIN", False),
    ("import pytest", False),
])
def test_the_check_sees_each_form_of_import(source, caught):
    assert any(is_test_module(m) for m in imported_modules(source, "tests.e2e")) is caught


def test_no_composite_asserts():
    """`assert a and b` does not say which part failed: one assert per condition."""
    offenders = [f"{path.relative_to(TESTS.parent)}:{node.lineno}"
                 for path in [*modules_under_test(), *sorted((TESTS / "support").glob("*.py"))]
                 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Assert) and isinstance(node.test, ast.BoolOp)
                 and isinstance(node.test.op, ast.And)]
    assert offenders == [], "split these into one assert per condition:\n" + "\n".join(offenders)
