"""Checking an answer's shape against its question before it is saved or graded."""

from __future__ import annotations

import math
import unicodedata

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
    # Counted as typed and as compared: NFKC turns one character into up to 18 ("ﷺ"), and
    # grading reads the longer text, so 500 of them would cost a worker a second each.
    _require(
        len(value) <= MAX_ITEM_LENGTH
        and len(unicodedata.normalize("NFKC", value)) <= MAX_ITEM_LENGTH,
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


def _only(answer: dict, name: str, shape: str):
    """The answer's one field `name` (an answer of another shape is refused)."""
    _require(set(answer) == {name}, ErrorCode.INVALID_ANSWER, f"expected {shape}")
    return answer[name]


def _bounded_list(value, name: str, kind_of_list: str = "a list") -> list:
    _require(isinstance(value, list), ErrorCode.INVALID_ANSWER, f"'{name}' must be {kind_of_list}")
    _require(len(value) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
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
        choice = _check_id(_only(answer, "choice", '{"choice": id}'), "choice")
        _require(
            choice in choice_ids,
            ErrorCode.UNKNOWN_CHOICE,
            f"choice {choice} is not in this question",
        )
        return {"choice": choice}
    if kind == MULTIPLE:
        picked = _bounded_list(_only(answer, "choices", '{"choices": [id, ...]}'), "choices")
        picked = [_check_id(value, "each choice") for value in picked]
        unknown = set(picked) - choice_ids
        _require(
            not unknown,
            ErrorCode.UNKNOWN_CHOICE,
            f"choices {sorted(unknown)} are not in this question",
        )
        return {"choices": sorted(set(picked))}
    if kind == TRUE_FALSE:
        value = _only(answer, "value", '{"value": true|false}')
        _require(isinstance(value, bool), ErrorCode.INVALID_ANSWER, "'value' must be true or false")
        return {"value": value}
    if kind == NUMBER:
        value = _only(answer, "value", '{"value": number}')
        _require(
            isinstance(value, int | float) and not isinstance(value, bool) and _finite(value),
            ErrorCode.INVALID_ANSWER,
            "'value' must be a finite number",
        )
        return {"value": value}
    if kind == TEXT:
        text = _check_text(_only(answer, "text", '{"text": "..."}'), "text")
        _require(bool(fold(text)), ErrorCode.EMPTY_ANSWER, "the answer has no letters or digits")
        return {"text": text}
    if kind == SET:
        items = _bounded_list(
            _only(answer, "items", '{"items": ["...", ...]}'), "items", "a list of strings"
        )
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
        order = _bounded_list(_only(answer, "order", '{"order": [id, ...]}'), "order")
        order = [_check_id(value, "each item") for value in order]
        _require(
            sorted(order) == sorted(choice_ids),
            ErrorCode.INVALID_ORDER,
            "'order' must list every item of the question exactly once",
        )
        return {"order": order}
    if kind == MATCH:
        pairs = _only(answer, "pairs", '{"pairs": {left: right}}')
        _require(isinstance(pairs, dict), ErrorCode.INVALID_ANSWER, "'pairs' must be an object")
        _require(len(pairs) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        lefts = {c.id for c in question.choices if c.side == "left"}
        rights = {c.id for c in question.choices if c.side == "right"}
        cleaned = {}
        for left, right in pairs.items():
            _require(
                # ASCII digits: int() also reads "٦١" (Arabic-Indic digits) as 61.
                isinstance(left, str)
                and left.isascii()
                and left.isdecimal()
                and int(left) in lefts,
                ErrorCode.UNKNOWN_CHOICE,
                f"{left!r} is not a left item of this question",
            )
            _require(
                _check_id(right, "each right item") in rights,
                ErrorCode.UNKNOWN_CHOICE,
                f"{right!r} is not a right item of this question",
            )
            _require(
                str(int(left)) not in cleaned,  # "061" and "61": one item, two answers
                ErrorCode.INVALID_ANSWER,
                f"the left item {int(left)} is paired twice",
            )
            cleaned[str(int(left))] = right
        return {"pairs": cleaned}
    raise AnswerError(ErrorCode.INVALID_ANSWER, f"unknown question kind {kind!r}")
