"""Write paths of an attempt: start, save a response, submit. Transactions and locks live here."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.codes import ErrorCode
from core.errors import Conflict, DomainError, Forbidden, NotFound
from quizzes import drawing, errors, grading, signals
from quizzes.assignments import assignments_of
from quizzes.models import Assignment, Attempt, Question, Quiz, Response
from quizzes.selectors import answer_key, grading_lexicon, questions_by_id, shape_key

# A submission may arrive this long after the deadline and still count in full: it covers the
# time a phone takes to send the last answer on a slow connection.
GRACE_PERIOD = timedelta(minutes=2)


def _lock_learner(learner) -> None:
    """Serialize one learner's attempt starts, so concurrent starts cannot pass the limit."""
    # NO KEY: rows that refer to the learner (sessions, reviews) may still be written meanwhile.
    get_user_model().objects.select_for_update(no_key=True).filter(pk=learner.pk).first()


def _draw(quiz: Quiz, rng: random.Random) -> tuple[list[int], dict[str, list[int]]]:
    """The attempt's questions and, per question, the order its choices are shown in."""
    pool = quiz.entries.order_by("position", "pk").values_list("question_id", flat=True)
    drawn = drawing.draw_questions(
        pool, draw_count=quiz.draw_count, shuffle=quiz.shuffle_questions, rng=rng
    )
    questions = questions_by_id(drawn)
    choice_order = {}
    for question_id in drawn:
        question = questions[question_id]
        choices = list(question.choices.all())
        if drawing.must_shuffle(question.kind, quiz.shuffle_choices):
            drawing.shuffle_choices(question.kind, choices, rng)
        choice_order[str(question_id)] = [choice.pk for choice in choices]
    return drawn, choice_order


def attempt_start(
    *,
    learner,
    quiz: Quiz,
    client_id: uuid.UUID,
    language: str = "en",
    assignment: Assignment | None = None,
) -> tuple[Attempt, bool]:
    """Start an attempt, or return the one this learner already started with `client_id`.

    Returns (attempt, created). Refuses unpublished quizzes and starts past the attempt limit.
    Taken for an `assignment` (one of the learner's, for this quiz), it cannot start before the
    assignment opens, and the assignment's limit (its override, else the quiz's) counts the
    attempts made for it.
    """
    existing = Attempt.objects.filter(learner=learner, client_id=client_id).first()
    if existing:
        return _same_quiz(existing, quiz, assignment), False
    if not quiz.published:
        raise NotFound(ErrorCode.QUIZ_NOT_AVAILABLE, errors.QUIZ_NOT_AVAILABLE)
    if assignment is not None:
        _check_assignment(assignment, learner=learner, quiz=quiz)
    try:
        with transaction.atomic():
            _lock_learner(learner)
            existing = Attempt.objects.filter(learner=learner, client_id=client_id).first()
            if existing:
                return _same_quiz(existing, quiz, assignment), False
            limit = quiz.attempt_limit if assignment is None else assignment.effective_attempt_limit
            if limit is not None:
                counted = Attempt.objects.filter(learner=learner, quiz=quiz)
                if assignment is not None:
                    counted = counted.filter(assignment=assignment)
                if counted.count() >= limit:
                    raise Forbidden(
                        ErrorCode.ATTEMPT_LIMIT_REACHED,
                        errors.ATTEMPT_LIMIT_REACHED % {"limit": limit},
                    )
            question_ids, choice_order = _draw(quiz, random.SystemRandom())
            now = timezone.now()
            attempt = Attempt.objects.create(
                learner=learner,
                quiz=quiz,
                assignment=assignment,
                client_id=client_id,
                language=language,
                question_ids=question_ids,
                choice_order=choice_order,
                started_at=now,
                deadline=now + timedelta(minutes=quiz.time_limit) if quiz.time_limit else None,
            )
    except IntegrityError:
        # The same client_id raced in from another request: that one won.
        raced = Attempt.objects.get(learner=learner, client_id=client_id)
        return _same_quiz(raced, quiz, assignment), False
    return attempt, True


def _same_quiz(attempt: Attempt, quiz: Quiz, assignment: Assignment | None = None) -> Attempt:
    assignment_id = assignment.pk if assignment is not None else None
    if attempt.quiz_id != quiz.pk or attempt.assignment_id != assignment_id:
        raise Conflict(ErrorCode.CLIENT_ID_IN_USE, errors.CLIENT_ID_IN_USE)
    return attempt


def _check_assignment(assignment: Assignment, *, learner, quiz: Quiz) -> None:
    """The assignment is the learner's, for this quiz, and open; refused otherwise."""
    if not assignments_of(learner=learner).filter(pk=assignment.pk).exists():
        raise DomainError(
            ErrorCode.INVALID,
            errors.UNKNOWN_ASSIGNMENT,
            {"assignment": [errors.UNKNOWN_ASSIGNMENT]},
        )
    if assignment.quiz_id != quiz.pk:
        raise DomainError(
            ErrorCode.INVALID,
            errors.ASSIGNMENT_OTHER_QUIZ,
            {"assignment": [errors.ASSIGNMENT_OTHER_QUIZ]},
        )
    if assignment.opens_at is not None and timezone.now() < assignment.opens_at:
        message = errors.ASSIGNMENT_NOT_OPEN % {"opens_at": assignment.opens_at.isoformat()}
        raise Forbidden(ErrorCode.ASSIGNMENT_NOT_OPEN, message, {"opens_at": [message]})


def _locked(*, learner, attempt_id: int) -> Attempt:
    try:
        return (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("quiz", "assignment")
            .get(pk=attempt_id, learner=learner)
        )
    except Attempt.DoesNotExist:
        raise NotFound(ErrorCode.NOT_FOUND, errors.ATTEMPT_NOT_FOUND) from None


def _is_late(attempt: Attempt, now) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + GRACE_PERIOD


def validated_answer(question, language: str, answer) -> dict:
    """The answer cleaned for grading, or DomainError naming why it was refused (needs the
    question's choices and answers prefetched)."""
    try:
        return grading.validate_answer(shape_key(question, language), answer)
    except grading.AnswerError as error:
        message = errors.answer_message(error.code)
        raise DomainError(error.code, message, {"answer": [message]}) from None


@transaction.atomic
def response_save(*, learner, attempt_id: int, question_id: int, answer) -> Response:
    """Save (or replace) one answer of an attempt in progress."""
    attempt = _locked(learner=learner, attempt_id=attempt_id)
    if attempt.is_submitted:
        raise Conflict(ErrorCode.ALREADY_SUBMITTED, errors.ALREADY_SUBMITTED)
    if _is_late(attempt, timezone.now()):
        raise Conflict(ErrorCode.TIME_UP, errors.TIME_UP)
    if question_id not in attempt.question_ids:
        raise NotFound(ErrorCode.UNKNOWN_QUESTION, errors.QUESTION_NOT_IN_ATTEMPT)
    question = questions_by_id([question_id])[question_id]
    cleaned = validated_answer(question, attempt.language, answer)
    response, _created = Response.objects.update_or_create(
        attempt=attempt, question=question, defaults={"answer": cleaned}
    )
    return response


@transaction.atomic
def attempt_submit(
    *,
    learner,
    attempt_id: int,
    answers: list[dict],
    language: str | None = None,
    questions: dict[int, Question] | None = None,
) -> Attempt:
    """Grade and close an attempt. The body's answers win over saved ones.

    Submitting again returns the stored result and changes nothing, whatever the body: that is
    what makes a phone's offline replay safe. Invalid answers refuse the whole submission.
    After the time limit (plus GRACE_PERIOD) the body's answers are kept on record but score 0;
    answers saved in time are graded as usual. `questions`: the attempt's questions when the
    caller has them already (questions_by_id(..., graded=True)), so they are read once.
    """
    attempt = _locked(learner=learner, attempt_id=attempt_id)
    if attempt.is_submitted:
        return attempt
    language = language or attempt.language
    if questions is None or set(questions) != set(attempt.question_ids):
        questions = questions_by_id(attempt.question_ids, graded=True)
    given: dict[int, dict] = {}
    problems: dict[str, list[str]] = {}
    for index, item in enumerate(answers):
        question_id = item.get("question") if isinstance(item, dict) else None
        if question_id in questions and item.get("answer") is None:
            continue  # sent as unanswered: it scores 0 unless an answer was saved before
        if question_id not in questions:
            problems[str(index)] = [errors.answer_message(ErrorCode.UNKNOWN_QUESTION)]
        elif question_id in given:
            problems[str(index)] = [errors.answer_message(ErrorCode.DUPLICATE_QUESTION)]
        else:
            try:
                given[question_id] = validated_answer(
                    questions[question_id], language, item.get("answer")
                )
            except DomainError as error:
                problems[str(index)] = error.details["answer"]
    if problems:
        raise DomainError(ErrorCode.INVALID, errors.INVALID_ANSWERS, problems)

    now = timezone.now()
    late = _is_late(attempt, now)
    due_at = attempt.assignment.due_at if attempt.assignment_id else None
    saved = {response.question_id: response for response in attempt.responses.all()}
    known = grading_lexicon(language)
    score = max_score = 0.0
    to_create, to_update = [], []
    for question_id in attempt.question_ids:
        question = questions[question_id]
        key = answer_key(question, language, known)
        response = saved.get(question_id) or Response(attempt=attempt, question=question)
        in_time = response.answer
        if question_id in given and not late:
            response.answer = given[question_id]
        elif question_id in given and in_time is None:
            response.answer = given[question_id]  # kept on record; scores nothing
        counted = response.answer if not late else in_time
        result = grading.grade(key, counted)
        response.points = result.points
        response.max_points = result.max_points
        response.correct = result.correct
        response.feedback = result.feedback.as_dict() | ({"late": True} if late else {})
        score += result.points
        max_score += result.max_points
        (to_update if response.pk else to_create).append(response)
    Response.objects.bulk_create(to_create)
    Response.objects.bulk_update(
        to_update, ["answer", "points", "max_points", "correct", "feedback"]
    )
    attempt.language = language
    attempt.submitted_at = now
    attempt.submitted_late = late
    # Kept and flagged, never refused: the instructor decides what a late submission is worth.
    attempt.after_due = due_at is not None and now > due_at + GRACE_PERIOD
    attempt.score = round(score, 2)
    attempt.max_score = round(max_score, 2)
    attempt.passed = max_score > 0 and attempt.score * 100 >= attempt.quiz.pass_mark * max_score
    attempt.save(
        update_fields=[
            "language",
            "submitted_at",
            "submitted_late",
            "after_due",
            "score",
            "max_score",
            "passed",
        ]
    )
    signals.attempt_submitted.send(sender=Attempt, attempt=attempt, responses=to_create + to_update)
    return attempt
