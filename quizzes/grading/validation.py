"""Checking an answer's shape against its question before it is saved or graded."""

from __future__ import annotations

import math

from core.codes import ErrorCode
from core.text import is_encodable
from quizzes.grading.text import fold, split_items
from quizzes.grading.values import (
    MATCH,
    MAX_ITEM_LENGTH,
    MAX_ITEMS,
    MULTIPLE,
    NUMBER,
    ORDER,
    SET,
    SINGLE,
    TEXT,
    TRUE_FALSE,
    AnswerError,
    QuestionKey,
)


def _require(condition: bool, code: ErrorCode, message: str) -> None:
    if not condition:
        raise AnswerError(code, message)


def _check_text(value, name: str) -> str:
    _require(isinstance(value, str), ErrorCode.INVALID_ANSWER, f"'{name}' must be a string")
    # A lone surrogate ("\ud800") could be stored but never sent back: refused.
    _require(is_encodable(value), ErrorCode.INVALID_ANSWER, f"'{name}' is not valid Unicode")
    _require(
        len(value) <= MAX_ITEM_LENGTH,
        ErrorCode.ITEM_TOO_LONG,
        f"'{name}' is over {MAX_ITEM_LENGTH} characters",
    )
    return value


def _check_id(value, name: str) -> int:
    _require(
        isinstance(value, int) and not isinstance(value, bool),
        ErrorCode.INVALID_ANSWER,
        f"{name} must be an id",
    )
    return value


def _finite(value: int | float) -> bool:
    # A JSON integer can be too large for a float (10**400): refused, not an OverflowError.
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def validate_answer(question: QuestionKey, answer) -> dict:
    """Check an answer's shape against its question; return it cleaned or raise AnswerError."""
    _require(isinstance(answer, dict), ErrorCode.INVALID_ANSWER, "an answer is a JSON object")
    kind = question.kind
    choice_ids = {choice.id for choice in question.choices}
    if kind == SINGLE:
        _require(set(answer) == {"choice"}, ErrorCode.INVALID_ANSWER, 'expected {"choice": id}')
        choice = _check_id(answer["choice"], "choice")
        _require(
            choice in choice_ids,
            ErrorCode.UNKNOWN_CHOICE,
            f"choice {choice} is not in this question",
        )
        return {"choice": choice}
    if kind == MULTIPLE:
        _require(
            set(answer) == {"choices"}, ErrorCode.INVALID_ANSWER, 'expected {"choices": [id, ...]}'
        )
        picked = answer["choices"]
        _require(isinstance(picked, list), ErrorCode.INVALID_ANSWER, "'choices' must be a list")
        _require(len(picked) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        picked = [_check_id(value, "each choice") for value in picked]
        unknown = set(picked) - choice_ids
        _require(
            not unknown,
            ErrorCode.UNKNOWN_CHOICE,
            f"choices {sorted(unknown)} are not in this question",
        )
        return {"choices": sorted(set(picked))}
    if kind in (TRUE_FALSE,):
        _require(
            set(answer) == {"value"}, ErrorCode.INVALID_ANSWER, 'expected {"value": true|false}'
        )
        _require(
            isinstance(answer["value"], bool),
            ErrorCode.INVALID_ANSWER,
            "'value' must be true or false",
        )
        return {"value": answer["value"]}
    if kind == NUMBER:
        _require(set(answer) == {"value"}, ErrorCode.INVALID_ANSWER, 'expected {"value": number}')
        value = answer["value"]
        _require(
            isinstance(value, int | float) and not isinstance(value, bool) and _finite(value),
            ErrorCode.INVALID_ANSWER,
            "'value' must be a finite number",
        )
        return {"value": value}
    if kind == TEXT:
        _require(set(answer) == {"text"}, ErrorCode.INVALID_ANSWER, 'expected {"text": "..."}')
        text = _check_text(answer["text"], "text")
        _require(bool(fold(text)), ErrorCode.EMPTY_ANSWER, "the answer has no letters or digits")
        return {"text": text}
    if kind == SET:
        _require(
            set(answer) == {"items"}, ErrorCode.INVALID_ANSWER, 'expected {"items": ["...", ...]}'
        )
        items = answer["items"]
        _require(
            isinstance(items, list), ErrorCode.INVALID_ANSWER, "'items' must be a list of strings"
        )
        _require(len(items) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        items = [_check_text(item, "each item") for item in items]
        _require(
            any(fold(item) for item in items),
            ErrorCode.EMPTY_ANSWER,
            "no item has letters or digits",
        )
        pieces = [piece for item in items for piece in split_items(item, question.language)]
        _require(len(pieces) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        return {"items": items}
    if kind == ORDER:
        _require(
            set(answer) == {"order"}, ErrorCode.INVALID_ANSWER, 'expected {"order": [id, ...]}'
        )
        order = answer["order"]
        _require(isinstance(order, list), ErrorCode.INVALID_ANSWER, "'order' must be a list")
        _require(len(order) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        order = [_check_id(value, "each item") for value in order]
        _require(
            sorted(order) == sorted(choice_ids),
            ErrorCode.INVALID_ORDER,
            "'order' must list every item of the question exactly once",
        )
        return {"order": order}
    if kind == MATCH:
        _require(
            set(answer) == {"pairs"}, ErrorCode.INVALID_ANSWER, 'expected {"pairs": {left: right}}'
        )
        pairs = answer["pairs"]
        _require(isinstance(pairs, dict), ErrorCode.INVALID_ANSWER, "'pairs' must be an object")
        _require(len(pairs) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        lefts = {c.id for c in question.choices if c.side == "left"}
        rights = {c.id for c in question.choices if c.side == "right"}
        cleaned = {}
        for left, right in pairs.items():
            _require(
                isinstance(left, str) and left.isdecimal() and int(left) in lefts,
                ErrorCode.UNKNOWN_CHOICE,
                f"{left!r} is not a left item of this question",
            )
            _require(
                _check_id(right, "each right item") in rights,
                ErrorCode.UNKNOWN_CHOICE,
                f"{right!r} is not a right item of this question",
            )
            cleaned[str(int(left))] = right
        return {"pairs": cleaned}
    raise AnswerError(ErrorCode.INVALID_ANSWER, f"unknown question kind {kind!r}")
