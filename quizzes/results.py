"""Results of a quiz or an assignment for instructors: score distribution, item analysis and
common wrong answers, each split by the language the attempts were taken in.

Fetch, then calculate: `results_fetch` reads the attempts in scope, their responses and the
questions in a fixed number of queries, whatever the number of attempts; the figures are pure
functions over those rows. Facility and discrimination use each learner's first submitted
attempt (a second try tells how well the first feedback taught, not how hard the item is).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, QuerySet

from quizzes import grading
from quizzes.models import Attempt, Choice, Question, Quiz
from quizzes.models import Response as QuizResponse

BINS = 10
# Kelley's upper and lower groups for discrimination.
GROUP_SHARE = 0.27
COMMON_WRONG_ANSWERS = 5
ALL_LANGUAGES = ""


@dataclass(frozen=True)
class QuestionFigure:
    """A column another app adds to the results pages (spaced review's cards, say), so
    quizzes never imports it. `read(question_ids=, learners=)` returns {(question id,
    language): value}, the language "" (ALL_LANGUAGES) for every language together; it runs
    once per page, in a fixed number of queries."""

    label: str
    help_text: str
    read: Callable[..., dict[tuple[int, str], object]]


QUESTION_FIGURES: list[QuestionFigure] = []


def register_question_figure(figure: QuestionFigure) -> None:
    QUESTION_FIGURES.append(figure)


# Kinds whose wrong answers a learner types: the ones an instructor can accept as synonyms.
TYPED_KINDS = (grading.TEXT, grading.SET)


# --- rows ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttemptRow:
    id: int
    learner_key: object  # the learner's id, or a deleted account's anonymous key
    learner_id: int | None
    username: str
    full_name: str
    language: str
    started_at: datetime
    submitted_at: datetime
    score: float
    max_score: float
    passed: bool
    submitted_late: bool
    after_due: bool

    @property
    def share(self) -> float:
        return self.score / self.max_score if self.max_score else 0.0


@dataclass(frozen=True)
class ResponseRow:
    attempt_id: int
    question_id: int
    answer: object
    points: float
    max_points: float
    feedback: dict

    @property
    def fraction(self) -> float:
        """The share of the points earned (partial credit counts as its fraction)."""
        return self.points / self.max_points if self.max_points else 0.0


@dataclass(frozen=True)
class QuestionInfo:
    id: int
    key: str
    kind: str
    prompt: str
    choices: dict[int, Choice]


# --- figures ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionStats:
    question: QuestionInfo
    responses: int
    facility: float | None
    discrimination: float | None


@dataclass(frozen=True)
class CommonWrongAnswer:
    """A wrong answer many learners gave: `normalized` groups the spellings, `shown` is the
    spelling given most often. `action_key` is what an admin action needs to find it again."""

    question_id: int
    language: str
    normalized: str
    shown: str
    count: int

    @property
    def typed(self) -> bool:
        return not self.normalized.startswith(CHOICE_PREFIX)


@dataclass(frozen=True)
class LanguageResults:
    language: str  # ALL_LANGUAGES for every language together
    learners: int
    mean: float | None
    pass_rate: float | None
    distribution: tuple[int, ...]
    questions: tuple[QuestionStats, ...]
    wrong_answers: dict[int, tuple[CommonWrongAnswer, ...]] = field(default_factory=dict)


def first_attempts(attempts: Iterable[AttemptRow]) -> list[AttemptRow]:
    """Each learner's first submitted attempt (deleted accounts included, by anonymous key)."""
    first: dict[object, AttemptRow] = {}
    for attempt in sorted(attempts, key=lambda a: (a.submitted_at, a.id)):
        first.setdefault(attempt.learner_key, attempt)
    return list(first.values())


def score_distribution(shares: Iterable[float], bins: int = BINS) -> tuple[int, ...]:
    """How many scores fall in each tenth of the maximum; a full score in the last bin."""
    counts = [0] * bins
    for share in shares:
        counts[min(bins - 1, max(0, int(share * bins + 1e-9)))] += 1
    return tuple(counts)


def group_size(count: int) -> int:
    """Size of the upper and lower groups: 27 % of the learners, rounded half up, at least one
    (no groups below two learners)."""
    if count < 2:
        return 0
    return max(1, math.floor(GROUP_SHARE * count + 0.5))


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def question_stats(
    question: QuestionInfo,
    attempts: Sequence[AttemptRow],
    responses: dict[tuple[int, int], ResponseRow],
) -> QuestionStats:
    """Facility (mean share of the points) and discrimination (facility in the top 27 % by
    total score minus facility in the bottom 27 %) of one question over `attempts`."""
    ranked = sorted(attempts, key=lambda a: (-a.share, a.id))
    size = group_size(len(ranked))

    def fractions(group: Sequence[AttemptRow]) -> list[float]:
        return [
            responses[a.id, question.id].fraction for a in group if (a.id, question.id) in responses
        ]

    everyone = fractions(ranked)
    discrimination = None
    if size:
        top, bottom = mean(fractions(ranked[:size])), mean(fractions(ranked[-size:]))
        if top is not None and bottom is not None:
            discrimination = top - bottom
    return QuestionStats(question, len(everyone), mean(everyone), discrimination)


CHOICE_PREFIX = "choice:"


def wrong_pieces(kind: str, answer, feedback: dict | None) -> list[tuple[str, str]]:
    """The wrong parts of one graded answer as (normalized, as given): what the grader listed
    as wrong for typed answers (folded, so spellings group), the ids of wrong picks for
    choices, the value for true/false and numbers. Order and match answers give none."""
    feedback = feedback or {}
    if kind in TYPED_KINDS:
        pieces = [(grading.fold(text), text) for text in feedback.get("wrong", [])]
        return [(normalized, given) for normalized, given in pieces if normalized]
    if not isinstance(answer, dict):
        return []
    if kind == grading.SINGLE:
        picks = [answer.get("choice")]
    elif kind == grading.MULTIPLE:
        picks = answer.get("choices", [])
    elif kind in (grading.TRUE_FALSE, grading.NUMBER):
        value = answer.get("value")
        return [(f"{CHOICE_PREFIX}{value}", str(value))] if value is not None else []
    else:
        return []
    wrong = set(feedback.get("wrong", ()))
    # Picks are named by id, so a wrong choice groups across languages and spellings.
    return [(f"{CHOICE_PREFIX}{pick}", str(pick)) for pick in picks if wrong and pick is not None]


def common_wrong_answers(
    question: QuestionInfo,
    language: str,
    attempts: Sequence[AttemptRow],
    responses: dict[tuple[int, int], ResponseRow],
    limit: int = COMMON_WRONG_ANSWERS,
) -> tuple[CommonWrongAnswer, ...]:
    """The wrong answers given most often to `question`, counted once per response."""
    counts: Counter = Counter()
    spellings: dict[str, Counter] = defaultdict(Counter)
    for attempt in attempts:
        response = responses.get((attempt.id, question.id))
        if response is None or response.points >= response.max_points:
            continue
        pieces = dict(wrong_pieces(question.kind, response.answer, response.feedback))
        for normalized, given in pieces.items():
            if question.kind in (grading.SINGLE, grading.MULTIPLE):
                choice = question.choices.get(int(given))
                if choice is None or choice.correct:
                    continue
                given = choice.text
            counts[normalized] += 1
            spellings[normalized][given] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return tuple(
        CommonWrongAnswer(
            question_id=question.id,
            language=language,
            normalized=normalized,
            shown=spellings[normalized].most_common(1)[0][0],
            count=count,
        )
        for normalized, count in ranked
    )


def language_results(
    language: str,
    attempts: Sequence[AttemptRow],
    questions: Sequence[QuestionInfo],
    responses: dict[tuple[int, int], ResponseRow],
) -> LanguageResults:
    """Every figure over `attempts` (first attempts, of one language or all)."""
    shares = [a.share for a in attempts]
    return LanguageResults(
        language=language,
        learners=len(attempts),
        mean=mean(shares),
        pass_rate=mean([1.0 if a.passed else 0.0 for a in attempts]),
        distribution=score_distribution(shares),
        questions=tuple(question_stats(q, attempts, responses) for q in questions),
        wrong_answers={
            q.id: common_wrong_answers(q, language, attempts, responses) for q in questions
        },
    )


# --- fetch -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Results:
    quiz: Quiz
    attempts: tuple[AttemptRow, ...]  # every submitted attempt in scope, oldest first
    questions: tuple[QuestionInfo, ...]
    responses: dict[tuple[int, int], ResponseRow]
    by_language: tuple[LanguageResults, ...]  # every language together first

    @property
    def first(self) -> list[AttemptRow]:
        return first_attempts(self.attempts)


def results_fetch(*, quiz: Quiz, attempts: QuerySet[Attempt]) -> Results:
    """Results over the submitted attempts of `attempts` (already limited to what the reader
    may see) at `quiz`. Four queries, however many attempts."""
    scoped = attempts.filter(quiz=quiz, submitted_at__isnull=False)
    rows = tuple(
        AttemptRow(
            id=pk,
            learner_key=learner_id if learner_id is not None else anonymous_key,
            learner_id=learner_id,
            username=username or "",
            full_name=" ".join(filter(None, [first_name, last_name])),
            language=language,
            started_at=started_at,
            submitted_at=submitted_at,
            score=score or 0.0,
            max_score=max_score or 0.0,
            passed=bool(passed),
            submitted_late=submitted_late,
            after_due=after_due,
        )
        for (
            pk,
            learner_id,
            anonymous_key,
            username,
            first_name,
            last_name,
            language,
            started_at,
            submitted_at,
            score,
            max_score,
            passed,
            submitted_late,
            after_due,
        ) in scoped.order_by("submitted_at", "pk").values_list(
            "pk",
            "learner_id",
            "anonymous_key",
            "learner__username",
            "learner__first_name",
            "learner__last_name",
            "language",
            "started_at",
            "submitted_at",
            "score",
            "max_score",
            "passed",
            "submitted_late",
            "after_due",
        )
    )
    responses = {
        (attempt_id, question_id): ResponseRow(
            attempt_id, question_id, answer, points or 0.0, max_points or 0.0, feedback or {}
        )
        for attempt_id, question_id, answer, points, max_points, feedback in (
            QuizResponse.objects.filter(attempt__in=scoped.values("pk")).values_list(
                "attempt_id", "question_id", "answer", "points", "max_points", "feedback"
            )
        )
    }
    pool = list(quiz.entries.order_by("position", "pk").values_list("question_id", flat=True))
    answered = {question_id for _attempt, question_id in responses}
    ordered = pool + sorted(answered - set(pool))  # questions since removed from the pool last
    found = Question.objects.filter(pk__in=ordered).prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("pk"))
    )
    by_id = {
        q.pk: QuestionInfo(q.pk, q.key, q.kind, q.prompt, {c.pk: c for c in q.choices.all()})
        for q in found
    }
    questions = tuple(by_id[pk] for pk in ordered if pk in by_id)
    first = first_attempts(rows)
    languages = sorted({a.language for a in first})
    by_language = [language_results(ALL_LANGUAGES, first, questions, responses)]
    by_language += [
        language_results(code, [a for a in first if a.language == code], questions, responses)
        for code in languages
    ]
    return Results(quiz, rows, questions, responses, tuple(by_language))
