"""Error codes and limits have one definition each: the apps use the constants, never a
second literal, and the limits are the contract's (DESIGN.md)."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from core.codes import ErrorCode
from core.parsers import MAX_JSON_DEPTH
from quizzes.grading import MAX_ITEM_LENGTH, MAX_ITEMS

APPS = ["learning", "quizzes"]
CODES = {code.value for code in ErrorCode}


def test_limits_are_the_contracts():
    assert (MAX_ITEM_LENGTH, MAX_ITEMS) == (500, 50)
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 64 * 1024
    assert MAX_JSON_DEPTH == 32


def test_codes_are_unique_and_snake_case():
    values = [code.value for code in ErrorCode]
    assert len(values) == len(set(values))
    assert all(value.replace("_", "").isalpha() and value.islower() for value in values)


def code_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in CODES
    ]


@pytest.mark.parametrize("app", APPS)
def test_apps_name_codes_only_through_the_enum(app):
    root = Path(settings.BASE_DIR) / app
    found = [
        literal
        for path in sorted(root.rglob("*.py"))
        if "migrations" not in path.parts
        for literal in code_literals(path)
    ]
    assert found == [], "error codes written as literals (use core.codes.ErrorCode)"
