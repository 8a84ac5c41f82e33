"""Grading: pure functions from an answer key and a learner's answer to a Grade.

No ORM, no request, no settings: a selector loads the key into frozen dataclasses (values.py),
so the grader is table-testable in microseconds and could run offline. The rules are
DESIGN.md's "Quizzes and grading" (v2), one module each:

- text.py: folding, spinal levels, splitting an answer into pieces;
- language.py: the small words of each language ("and", "or", negation, filler, ranges);
- lexicon.py: the known terms of a language and the guard on typo tolerance;
- matching.py: reading a piece (answers, known wrong answers, other terms, negation);
- validation.py: an answer's shape; scoring.py: points and feedback.
"""

from quizzes.grading.lexicon import (
    LEVEL,
    NO_LEXICON,
    KnownTerm,
    Lexicon,
    typo_budget,
    word_distance,
)
from quizzes.grading.scoring import credit, expected_answer, grade
from quizzes.grading.text import (
    LEVEL_ORDER,
    Piece,
    fold,
    list_words,
    normalize_levels,
    split_items,
    split_pieces,
    visible,
    words,
)
from quizzes.grading.validation import validate_answer
from quizzes.grading.values import (
    KINDS,
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
    AnswerKey,
    ChoiceKey,
    Feedback,
    Grade,
    QuestionKey,
    Typo,
    WrongAnswerKey,
)

__all__ = [
    "KINDS", "LEVEL", "LEVEL_ORDER", "MATCH", "MAX_ITEMS", "MAX_ITEM_LENGTH", "MULTIPLE",
    "NO_LEXICON", "NUMBER", "ORDER", "SET", "SINGLE", "TEXT", "TRUE_FALSE", "AnswerError",
    "AnswerKey", "ChoiceKey", "Feedback", "Grade", "KnownTerm", "Lexicon", "Piece",
    "QuestionKey", "Typo", "WrongAnswerKey", "credit", "expected_answer", "fold", "grade",
    "list_words", "normalize_levels", "split_items", "split_pieces", "typo_budget",
    "validate_answer", "visible", "word_distance", "words",
]  # fmt: skip
