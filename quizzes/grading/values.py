"""The values grading works on and returns: frozen dataclasses built by a selector (or a test)
from plain data, and the grade with its feedback."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from core.codes import ErrorCode
from quizzes.grading.lexicon import NO_LEXICON, Lexicon
from quizzes.grading.text import is_level, words

SINGLE, MULTIPLE, TRUE_FALSE, TEXT, SET, ORDER, MATCH, NUMBER = (
    "single", "multiple", "true_false", "text", "set", "order", "match", "number",
)  # fmt: skip
KINDS = (SINGLE, MULTIPLE, TRUE_FALSE, TEXT, SET, ORDER, MATCH, NUMBER)

# Limits of one answer (DESIGN.md): longer items or more items are refused, not graded.
MAX_ITEM_LENGTH = 500
MAX_ITEMS = 50


@dataclass(frozen=True)
class ChoiceKey:
    id: int
    text: str
    correct: bool = False
    position: int = 0  # the right place in an `order` question
    side: str = ""  # "left" or "right" in a `match` question
    pair: str = ""  # the left and right of one `match` pair share this


@dataclass(frozen=True)
class AnswerKey:
    """One accepted answer (or one item of a set): its spellings in the learner's language
    and in English. The first spelling is the one feedback shows."""

    key: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class WrongAnswerKey:
    """A wrong answer learners really give, with the short feedback (`hint`) that answers it,
    in the learner's language. Matched before any typo tolerance."""

    key: str
    spellings: tuple[str, ...]
    hint: str = ""


@dataclass(frozen=True)
class QuestionKey:
    id: int
    kind: str
    points: float
    language: str = "en"
    choices: tuple[ChoiceKey, ...] = ()
    answers: tuple[AnswerKey, ...] = ()
    needed: int | None = None
    number: float | None = None
    tolerance: float = 0.0
    truth: bool | None = None
    # Words of the prompt (folded): they may stand around an answer ("S1 nerve root").
    filler: frozenset[str] = frozenset()
    # The prompt's own phrases around a word for "and" or "or" ("confirm or rule out"): an
    # answer that repeats one is not split there.
    prompt_phrases: tuple[tuple[str, ...], ...] = ()
    # The prompt's words in order (learner's language, English): where it names a body region.
    prompt_texts: tuple[tuple[str, ...], ...] = ()
    wrong_answers: tuple[WrongAnswerKey, ...] = ()
    # What kind of thing the answer names (a specialty, a condition…): another known term of
    # that kind is a second candidate, one of another kind is detail. "" = every known term
    # is a candidate.
    category: str = ""
    lexicon: Lexicon = NO_LEXICON

    @property
    def items_needed(self) -> int:
        if self.kind == MULTIPLE:
            return sum(choice.correct for choice in self.choices)
        if self.kind == SET:
            return min(self.needed or len(self.answers), len(self.answers))
        return 1

    @cached_property
    def levels_are_items(self) -> bool:
        """Whether the answer names spinal levels: then "L4–S1" is three items, else detail."""
        return any(
            is_level(token)
            for answer in self.answers
            for synonym in answer.synonyms
            for token in words(synonym, self.language)
        )


@dataclass(frozen=True)
class Typo:
    given: str
    expected: str


@dataclass(frozen=True)
class Feedback:
    """Stable codes and the items they concern; the API turns them into words."""

    right: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    typos: tuple[Typo, ...] = ()
    duplicate: tuple[str, ...] = ()
    # The right answer as a learner should see it (see `expected_answer`).
    expected: object = None
    # A known wrong answer was given: its key, and its hint in the learner's language.
    hint_key: str = ""
    hint: str = ""

    def as_dict(self) -> dict:
        data = {
            "right": list(self.right),
            "missing": list(self.missing),
            "wrong": list(self.wrong),
            "typos": [{"given": typo.given, "expected": typo.expected} for typo in self.typos],
            "duplicate": list(self.duplicate),
            "expected": self.expected,
        }
        if self.hint_key:
            data.update(hint_key=self.hint_key, hint=self.hint)
        return data


@dataclass(frozen=True)
class Grade:
    points: float
    max_points: float
    correct: bool
    feedback: Feedback = field(default_factory=Feedback)


class AnswerError(ValueError):
    """An answer of the wrong shape; `code` is stable, the message is for developers."""

    def __init__(self, code: ErrorCode, message: str):
        self.code = code
        super().__init__(message)
