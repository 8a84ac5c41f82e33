"""Reads of the quizzes app. Answer keys are loaded once into grading's frozen dataclasses."""

from __future__ import annotations

import functools

from django.conf import settings
from django.db import connection
from django.db.models import CharField, Count, F, Prefetch, Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce, Concat, Least

from learning.models import GlossaryTerm, text_lines
from learning.selectors import row_version
from quizzes import grading, keys, real_words
from quizzes.models import (
    AcceptedAnswer,
    Attempt,
    Choice,
    LexiconTerm,
    Question,
    Quiz,
    QuizQuestion,
    WrongAnswer,
)


def published_quizzes() -> QuerySet[Quiz]:
    """In course order: each quiz after its lesson, quizzes of no lesson (reviews) last."""
    return Quiz.published_objects.select_related("lesson").order_by(
        F("lesson__order").asc(nulls_last=True), "slug"
    )


def quiz_list() -> QuerySet[Quiz]:
    """Published quizzes in course order with `entry_count` (the pool) and `question_count`
    (the questions a learner answers: the draw, or the whole pool)."""
    return (
        published_quizzes()
        .annotate(entry_count=Count("entries"))
        .annotate(question_count=Least(Coalesce("draw_count", "entry_count"), "entry_count"))
    )


def lesson_quiz(lesson) -> tuple[str, str] | None:
    """(slug, title) of the first published quiz on a lesson, or None; one query."""
    return published_quizzes().filter(lesson=lesson).values_list("slug", "title").first()


def latest_attempt(*, learner, quiz: str) -> Attempt | None:
    """The learner's newest attempt at a quiz (open or submitted), or None; one query."""
    return learner_attempts(learner=learner, quiz=quiz).first()


def quiz_to_start(*, learner, slug: str, client_id) -> Quiz | None:
    """The published quiz `slug`, or an unpublished one this learner already started an
    attempt at with `client_id`: a replayed start answers that attempt (DESIGN: 200 whenever
    the learner's client_id was seen before), only a new one needs a published quiz."""
    quiz = Quiz.objects.filter(slug=slug).first()
    if quiz is not None and (
        quiz.published
        or Attempt.objects.filter(learner=learner, quiz=quiz, client_id=client_id).exists()
    ):
        return quiz
    return None


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


# A question cites its lesson by slug and title: the lesson's text stays in the database.
LESSON_TEXT = [
    f"lesson__{name}"
    for name in ("pack_values", "image_renditions")
    + tuple(
        f"{field}{suffix}"
        for field in ("body", "body_html", "key_facts", "summary", "image_alt")
        for suffix in ("", *(f"_{code}" for code, _name in settings.LANGUAGES))
    )
]


def questions_by_id(ids: list[int], *, graded: bool = False) -> dict[int, Question]:
    """The given questions with their choices, answers and cited lesson (its slug and title,
    not its text); `graded`: also their known wrong answers (to grade, or to show the hints of
    a graded attempt). The loader's bookkeeping (`pack_values`) is never read here."""
    return _questions(Question.objects.filter(pk__in=ids), graded=graded)


def question_bank() -> dict[int, Question]:
    """Every question, as questions_by_id(..., graded=True) fetches them (quizzes.bank)."""
    return _questions(Question.objects.all(), graded=True)


def _questions(questions: QuerySet[Question], *, graded: bool) -> dict[int, Question]:
    prefetches = [
        Prefetch("choices", queryset=Choice.objects.defer("pack_values").order_by("pk")),
        Prefetch(
            "answers",
            queryset=AcceptedAnswer.objects.defer("pack_values").order_by("position", "pk"),
        ),
    ]
    if graded:
        prefetches.append(
            Prefetch(
                "wrong_answers",
                queryset=WrongAnswer.objects.defer("pack_values").order_by("position", "pk"),
            )
        )
    questions = (
        questions.select_related("lesson")
        .defer("pack_values", *LESSON_TEXT)
        .prefetch_related(*prefetches)
    )
    return {question.pk: question for question in questions}


def grading_lexicon(language: str) -> grading.Lexicon:
    """The known terms of `language` (and English) in one query: every accepted answer (of
    its question's category), choice and glossary term of the bank, and the near-miss
    lexicon, each with the group its spellings share. Load it once per request; every
    question graded in the language shares it."""

    def rows(queryset, field: str, category, group):
        own = (
            F(f"{field}_{language}")
            if language != keys.SOURCE_LANGUAGE
            else Value("", output_field=TextField())
        )
        # Only annotations, in one order: a union matches its parts' columns by position.
        return (
            queryset.order_by()
            .annotate(
                english_text=F(f"{field}_{keys.SOURCE_LANGUAGE}"),
                own_text=own,
                term_category=category,
                term_group=group,
            )
            .values_list("english_text", "own_text", "term_category", "term_group")
        )

    none = Value("", output_field=CharField())
    found = rows(
        AcceptedAnswer.objects,
        "synonyms",
        F("question__category"),
        Concat(
            Value("answer:"), F("question__key"), Value("."), F("key"), output_field=CharField()
        ),
    ).union(
        rows(Choice.objects, "text", none, none),
        rows(GlossaryTerm.objects, "term", none, none),
        rows(
            LexiconTerm.objects,
            "spellings",
            F("category"),
            Concat(Value("lexicon:"), F("key"), output_field=CharField()),
        ),
        all=True,
    )
    return _lexicon_of(language, tuple(sorted(found, key=lambda row: tuple(map(str, row)))))


@functools.lru_cache(maxsize=16)
def _lexicon_of(language: str, rows: tuple[tuple[str, str | None, str | None, str | None], ...]):
    """The lexicon of these rows, built and indexed once per process while they stay the same
    (indexing takes tens of milliseconds; the rows change only when content does)."""
    return keys.lexicon(
        language,
        (
            (
                {language: text_lines(own), keys.SOURCE_LANGUAGE: text_lines(english)},
                category or "",
                group or "",
            )
            for english, own, category, group in rows
        ),
        real_words.near_answers(language),
    )


def learner_attempts(
    *, learner, quiz: str | None = None, open: bool | None = None
) -> QuerySet[Attempt]:
    """The learner's attempts, newest first; of one quiz (slug), open or submitted ones."""
    attempts = Attempt.objects.filter(learner=learner).select_related("quiz")
    if quiz is not None:
        attempts = attempts.filter(quiz__slug=quiz)
    if open is not None:
        attempts = attempts.filter(submitted_at__isnull=open)
    return attempts


def quiz_attempts_of(*, learner, slug: str) -> dict:
    """{"attempts_used", "attempts_left"} of one quiz for one learner, in one query. Every
    started attempt counts, submitted or not, as the attempt limit does."""
    row = (
        Quiz.objects.filter(slug=slug)
        .annotate(used=Count("attempts", filter=Q(attempts__learner=learner)))
        .values_list("attempt_limit", "used")
        .first()
    )
    limit, used = row or (None, 0)
    return {"attempts_used": used, "attempts_left": None if limit is None else max(0, limit - used)}


def attempt_for_learner(*, learner, attempt_id: int) -> Attempt:
    """The learner's own attempt (someone else's raises DoesNotExist, like a missing one)."""
    return learner_attempts(learner=learner).prefetch_related("responses").get(pk=attempt_id)


def answer_key(question: Question, language: str, known: grading.Lexicon) -> grading.QuestionKey:
    """The question's key for grading an answer in `language`, with its known wrong answers
    and the language's lexicon (`grading_lexicon`). Needs the question fetched by
    questions_by_id(..., graded=True)."""
    return _key(question, language, known)


def shape_key(question: Question, language: str) -> grading.QuestionKey:
    """The question's key for checking an answer's shape (or showing the key), not for
    grading: it carries no known wrong answers or lexicon."""
    return _key(question, language, None)


def _key(question: Question, language: str, known: grading.Lexicon | None) -> grading.QuestionKey:
    languages = {language, keys.SOURCE_LANGUAGE}
    wrong_answers = [
        (
            wrong.key,
            {code: wrong.spellings_in(code) for code in languages}
            if not wrong.language
            else {wrong.language: wrong.spellings_in(wrong.language)},
            wrong.hint_in(language),
        )
        for wrong in (question.wrong_answers.all() if known is not None else ())
        if wrong.applies_to(language)
    ]
    return keys.question_key(
        id=question.pk,
        kind=question.kind,
        points=question.points,
        language=language,
        prompts={code: getattr(question, f"prompt_{code}", "") or "" for code in languages},
        choices=[
            grading.ChoiceKey(
                id=choice.pk,
                text=choice.text,
                correct=choice.correct,
                position=choice.position,
                side=choice.side,
                pair=choice.pair,
            )
            for choice in question.choices.all()
        ],
        answers=[
            (answer.key, {code: answer.synonyms_in(code) for code in languages})
            for answer in question.answers.all()
        ],
        needed=question.needed,
        number=question.number_answer,
        tolerance=question.tolerance,
        truth=question.true_false_answer,
        wrong_answers=wrong_answers,
        category=question.category,
        known=known if known is not None else grading.NO_LEXICON,
    )


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
