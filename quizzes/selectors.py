"""Reads of the quizzes app. Answer keys are loaded once into grading's frozen dataclasses."""

from __future__ import annotations

from django.db import connection
from django.db.models import Count, Prefetch, QuerySet

from learning.selectors import row_version
from quizzes import grading
from quizzes.models import AcceptedAnswer, Attempt, Choice, Question, Quiz, QuizQuestion


def published_quizzes() -> QuerySet[Quiz]:
    return Quiz.published_objects.select_related("lesson").order_by("slug")


def quiz_list() -> QuerySet[Quiz]:
    return published_quizzes().annotate(entry_count=Count("entries"))


def quiz_with_questions() -> QuerySet[Quiz]:
    """Published quizzes with their whole pool and choices, in two more queries."""
    return published_quizzes().prefetch_related(
        Prefetch(
            "entries",
            queryset=QuizQuestion.objects.select_related("question").order_by("position", "pk"),
        ),
        Prefetch("entries__question__choices", queryset=Choice.objects.order_by("pk")),
        # Only to count a set's items when it names no `needed`; never serialized.
        Prefetch(
            "entries__question__answers", queryset=AcceptedAnswer.objects.only("pk", "question")
        ),
    )


def questions_by_id(ids: list[int]) -> dict[int, Question]:
    """The given questions with their choices, answers and cited lesson."""
    questions = (
        Question.objects.filter(pk__in=ids)
        .select_related("lesson")
        .prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("pk")),
            Prefetch("answers", queryset=AcceptedAnswer.objects.order_by("position", "pk")),
        )
    )
    return {question.pk: question for question in questions}


def learner_attempts(*, learner) -> QuerySet[Attempt]:
    return Attempt.objects.filter(learner=learner).select_related("quiz")


def attempt_for_learner(*, learner, attempt_id: int) -> Attempt:
    """The learner's own attempt (someone else's raises DoesNotExist, like a missing one)."""
    return learner_attempts(learner=learner).prefetch_related("responses").get(pk=attempt_id)


def _prompt_words(question: Question, language: str) -> frozenset[str]:
    words = set()
    for code in {language, "en"}:
        words.update(grading.words(getattr(question, f"prompt_{code}", "") or "", code))
    return frozenset(word for word in words if not any(char.isdigit() for char in word))


def answer_key(question: Question, language: str) -> grading.QuestionKey:
    """The question's key for grading in `language`: synonyms in that language and English,
    the learner's language first (so feedback speaks it). Needs choices and answers prefetched."""
    answers = []
    for answer in question.answers.all():
        spellings = answer.synonyms_in(language) if language != "en" else []
        spellings += [s for s in answer.synonyms_in("en") if s not in spellings]
        answers.append(grading.AnswerKey(answer.key, tuple(spellings)))
    choices = tuple(
        grading.ChoiceKey(
            id=choice.pk,
            text=choice.text,
            correct=choice.correct,
            position=choice.position,
            side=choice.side,
            pair=choice.pair,
        )
        for choice in question.choices.all()
    )
    return grading.QuestionKey(
        id=question.pk,
        kind=question.kind,
        points=question.points,
        language=language,
        choices=choices,
        answers=tuple(answers),
        needed=question.needed,
        number=question.number_answer,
        tolerance=question.tolerance,
        truth=question.true_false_answer,
        filler=_prompt_words(question, language) - _answer_words(answers, language),
    )


def _answer_words(answers: list[grading.AnswerKey], language: str) -> frozenset[str]:
    """Words that tell one accepted answer from another never count as filler, even when the
    prompt uses them ("foot" of "ball of foot pain"); a word every answer shares ("nerve" of
    "L4/L5/S1 nerve root") may, so "L4, L5 and S1 nerve roots" names three items."""
    words = [
        frozenset(word for synonym in answer.synonyms for word in grading.words(synonym, language))
        for answer in answers
    ]
    return frozenset().union(*words) - frozenset.intersection(*words) if words else frozenset()


def quiz_progress(*, learner) -> list[dict]:
    """Per quiz the learner has submitted: attempts, the best score (by share of its maximum,
    since drawn quizzes may differ in size) and whether any attempt passed. One query."""
    rows = (
        Attempt.objects.filter(learner=learner, submitted_at__isnull=False)
        .order_by("quiz__slug", "submitted_at")
        .values_list("quiz__slug", "score", "max_score", "passed")
    )
    progress: dict[str, dict] = {}
    for slug, score, max_score, passed in rows:
        entry = progress.setdefault(
            slug,
            {"quiz": slug, "attempts": 0, "best_score": None, "max_score": None, "passed": False},
        )
        entry["attempts"] += 1
        entry["passed"] = entry["passed"] or bool(passed)
        if entry["best_score"] is None or _share(score, max_score) > _share(
            entry["best_score"], entry["max_score"]
        ):
            entry["best_score"], entry["max_score"] = score, max_score
    return list(progress.values())


def _share(score: float | None, max_score: float | None) -> float:
    return (score or 0) / max_score if max_score else 0.0


def quiz_version(slug: str):
    """The quiz's own update and its questions' latest, in one raw query (None: not found)."""
    quiz, entry, question = (
        connection.ops.quote_name(model._meta.db_table) for model in (Quiz, QuizQuestion, Question)
    )
    return row_version(
        f"SELECT q.updated_at, (SELECT MAX(x.updated_at) FROM {entry} e "
        f"JOIN {question} x ON x.id = e.question_id WHERE e.quiz_id = q.id) "
        f"FROM {quiz} q WHERE q.slug = %s AND q.published = %s",
        [slug, True],
    )
