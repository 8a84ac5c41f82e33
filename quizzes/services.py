"""Write paths of an attempt: start, save a response, submit. Transactions and locks live here."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.codes import ErrorCode
from core.errors import Conflict, DomainError, Forbidden, NotFound
from quizzes import bank, drawing, errors, grading, signals
from quizzes.assignments import assignments_of
from quizzes.models import Assignment, Attempt, Question, Quiz, Response

# A submission may arrive this long after the deadline and still count in full: it covers the
# time a phone takes to send the last answer on a slow connection.
GRACE_PERIOD = timedelta(minutes=2)


def _lock_learner(learner) -> None:
    """Serialize one learner's attempt starts, so concurrent starts cannot pass the limit."""
    # NO KEY: rows that refer to the learner (sessions, reviews) may still be written meanwhile.
    get_user_model().objects.select_for_update(no_key=True).filter(pk=learner.pk).first()


def _draw(
    quiz: Quiz, rng: random.Random, question_bank: bank.Bank
) -> tuple[list[int], dict[str, list[int]]]:
    """The attempt's questions and, per question, the order its choices are shown in."""
    pool = quiz.entries.order_by("position", "pk").values_list("question_id", flat=True)
    drawn = drawing.draw_questions(
        pool, draw_count=quiz.draw_count, shuffle=quiz.shuffle_questions, rng=rng
    )
    questions = question_bank.questions_of(drawn)
    choice_order = {}
    for question_id in drawn:
        question = questions[question_id]
        choices = list(question.choices.all())
        if drawing.must_shuffle(question.kind, quiz.shuffle_choices):
            drawing.shuffle_choices(question.kind, choices, rng)
        choice_order[str(question_id)] = [choice.pk for choice in choices]
    return drawn, choice_order


class Started(NamedTuple):
    attempt: Attempt
    created: bool  # False: this client_id's attempt, started before
    questions: dict[int, Question]  # the attempt's, from the bank
    responses: list[Response]  # the answers saved so far (none in a new attempt)


def attempt_start(**arguments) -> tuple[Attempt, bool]:
    """`start`, for callers that need only (attempt, created)."""
    started = start(**arguments)
    return started.attempt, started.created


def start(
    *,
    learner,
    quiz: Quiz,
    client_id: uuid.UUID,
    language: str = "en",
    assignment: Assignment | None = None,
) -> Started:
    """Start an attempt, or return the one this learner already started with `client_id`.

    Refuses unpublished quizzes and starts past the attempt limit. Taken for an `assignment`
    (one of the learner's, for this quiz), it cannot start before the assignment opens, and the
    assignment's limit (its override, else the quiz's) counts the attempts made for it.
    """
    question_bank = bank.current()
    attempts = Attempt.objects.select_related("quiz")
    existing = attempts.filter(learner=learner, client_id=client_id).first()
    if existing:
        if assignment is not None and existing.assignment_id != assignment.pk:
            # Someone else's assignment is refused as with a fresh client_id, before the
            # conflict of ids: whether an assignment exists must not show.
            _check_assignment(assignment, learner=learner, quiz=quiz)
        return _started(_same_quiz(existing, quiz, assignment), question_bank)
    if not quiz.published:
        raise NotFound(ErrorCode.QUIZ_NOT_AVAILABLE, errors.QUIZ_NOT_AVAILABLE)
    if assignment is not None:
        _check_assignment(assignment, learner=learner, quiz=quiz)
    try:
        with transaction.atomic():
            _lock_learner(learner)
            existing = attempts.filter(learner=learner, client_id=client_id).first()
            if existing:
                return _started(_same_quiz(existing, quiz, assignment), question_bank)
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
            question_ids, choice_order = _draw(quiz, random.SystemRandom(), question_bank)
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
        raced = attempts.get(learner=learner, client_id=client_id)
        return _started(_same_quiz(raced, quiz, assignment), question_bank)
    return Started(attempt, True, question_bank.questions_of(question_ids), [])


def _started(existing: Attempt, question_bank: bank.Bank) -> Started:
    questions = question_bank.questions_of(existing.question_ids)
    return Started(existing, False, questions, list(existing.responses.all()))


def _same_quiz(attempt: Attempt, quiz: Quiz, assignment: Assignment | None = None) -> Attempt:
    """The attempt `client_id` started, when this start asks for the same one; 409 naming
    what differs otherwise. Another assignment (or none) is not a replay either: answering
    the stored attempt would let the learner believe it counts for an assignment it does not
    (or the other way round)."""
    assignment_id = assignment.pk if assignment is not None else None
    if attempt.quiz_id != quiz.pk:
        message, field = errors.CLIENT_ID_IN_USE, "quiz"
    elif attempt.assignment_id != assignment_id:
        message, field = errors.CLIENT_ID_OTHER_ASSIGNMENT, "assignment"
    else:
        return attempt
    raise Conflict(ErrorCode.CLIENT_ID_IN_USE, message, {field: [message]})


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
        message = errors.assignment_not_open_message(assignment.opens_at)
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


def _graded(question_bank, question_id: int, answer, language: str, also: str | None):
    """The grade of `answer` in `language` (and English), or in `also` where that is better."""
    result = grading.grade(question_bank.answer_key(question_id, language), answer)
    if also is None or answer is None or result.correct:
        return result
    other = grading.grade(question_bank.answer_key(question_id, also), answer)
    return other if other.points > result.points else result


def _typed_before(typed_at, response: Response | None) -> bool:
    """Whether an answer sent with `typed_at` was typed before the saved `response`."""
    return bool(
        typed_at is not None
        and response is not None
        and response.typed_at is not None
        and typed_at < response.typed_at
    )


def _late_flag(arrived_late: bool, in_time) -> dict:
    """The feedback's word on an answer sent after the time limit: it was not counted
    ("late"), or it changed one saved in time, which was graded instead ("late_change")."""
    if not arrived_late:
        return {}
    return {"late": True} if in_time is None else {"late_change": True}


def validated_answer(key: grading.QuestionKey, answer) -> dict:
    """The answer cleaned for grading, or DomainError naming why it was refused (`key`: the
    question's, from the bank)."""
    try:
        return grading.validate_answer(key, answer)
    except grading.AnswerError as error:
        message = errors.answer_message(error.code)
        raise DomainError(error.code, message, {"answer": [message]}) from None


@transaction.atomic
def response_save(*, learner, attempt_id: int, question_id: int, answer, typed_at=None) -> Response:
    """Save (or replace, or with None take back) one answer of an attempt in progress.

    `typed_at`: when the learner typed it (on the server's clock: the API reads the device's
    with its `sent_at`). A copy typed before the saved one (another device's, sent late after
    it was offline) changes nothing: the saved answer stands and is returned."""
    attempt = _locked(learner=learner, attempt_id=attempt_id)
    if attempt.is_submitted:
        raise Conflict(ErrorCode.ALREADY_SUBMITTED, errors.ALREADY_SUBMITTED)
    if _is_late(attempt, timezone.now()):
        raise Conflict(ErrorCode.TIME_UP, errors.TIME_UP)
    if question_id not in attempt.question_ids:
        raise NotFound(ErrorCode.UNKNOWN_QUESTION, errors.QUESTION_NOT_IN_ATTEMPT)
    question_bank = bank.current()
    if question_id not in question_bank.questions:
        raise NotFound(ErrorCode.UNKNOWN_QUESTION, errors.QUESTION_NOT_IN_ATTEMPT)
    # None: the learner took the answer back; the question is unanswered again.
    cleaned = (
        None
        if answer is None
        else validated_answer(question_bank.shape_key(question_id, attempt.language), answer)
    )
    if typed_at is not None:
        # The attempt's row is locked: no other save of it can come between.
        newer = Response.objects.filter(
            attempt=attempt, question_id=question_id, typed_at__gt=typed_at
        ).first()
        if newer is not None:
            return newer
    response = Response(attempt=attempt, question_id=question_id, answer=cleaned, typed_at=typed_at)
    # One statement whether it is the first answer or a changed one (an upsert).
    Response.objects.bulk_create(
        [response],
        update_conflicts=True,
        unique_fields=["attempt", "question"],
        update_fields=["answer", "saved_at", "typed_at"],
    )
    return response


class Submission(NamedTuple):
    attempt: Attempt
    # Every question's response in the attempt's order: graded once submitted; before, the
    # saved ones only.
    responses: list[Response]
    questions: dict[int, Question]


def attempt_submit(**arguments) -> Attempt:
    """`submit`, for callers that need only the attempt."""
    return submit(**arguments).attempt


@transaction.atomic
def submit(
    *,
    learner,
    attempt_id: int,
    answers: list[dict] | Callable[[], list[dict]],
    language: str | None = None,
) -> Submission:
    """Grade and close an attempt. The body's answers win over saved ones.

    Answers are graded in the attempt's language (the language it was started in) and in
    English, whatever language the submit comes in: a learner who switched the app's
    language, or whose phone replays its saves after the switch, keeps what they typed. A
    learner who switched reads the questions in the new `language` (the submit's) and may
    answer in it: an answer not right in the attempt's language is graded in that one too,
    and the better grade counts.

    Submitting again returns the stored result and changes nothing, whatever the body: that is
    what makes a phone's offline replay safe (`answers` may be a function that reads them,
    called only while the attempt is open). Invalid answers refuse the whole submission.
    After the time limit (plus GRACE_PERIOD) the body's answers are kept on record but score 0;
    answers saved in time are graded as usual. Returns the attempt, its responses and its
    questions (from the bank), everything its graded body shows.
    """
    attempt = _locked(learner=learner, attempt_id=attempt_id)
    saved = {response.question_id: response for response in attempt.responses.all()}
    question_bank = bank.current()
    questions = question_bank.questions_of(attempt.question_ids)
    if attempt.is_submitted:
        in_order = [saved[pk] for pk in attempt.question_ids if pk in saved]
        return Submission(attempt, in_order, questions)
    if callable(answers):
        answers = answers()
    switched_to = language if language and language != attempt.language else None
    language = attempt.language
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
                    question_bank.shape_key(question_id, language), item.get("answer")
                )
            except DomainError as error:
                problems[str(index)] = error.details["answer"]
            else:
                if _typed_before(item.get("typed_at"), saved.get(question_id)):
                    del given[question_id]  # a later answer from another device stands
    if problems:
        raise DomainError(ErrorCode.INVALID, errors.INVALID_ANSWERS, problems)

    now = timezone.now()
    late = _is_late(attempt, now)
    due_at = attempt.assignment.due_at if attempt.assignment_id else None
    score = max_score = 0.0
    graded = []
    for question_id in attempt.question_ids:
        if question_id not in questions:
            continue  # deleted from the bank since the attempt started
        response = saved.get(question_id) or Response(attempt=attempt, question_id=question_id)
        in_time = response.answer
        # After the time limit only what was saved in time counts; an answer that arrives
        # then is kept on record (scoring nothing) where none was saved, and flagged.
        arrived_late = late and question_id in given and given[question_id] != in_time
        if question_id in given and not late:
            response.answer = given[question_id]
        elif arrived_late and in_time is None:
            response.answer = given[question_id]
        counted = response.answer if not late else in_time
        result = _graded(question_bank, question_id, counted, language, also=switched_to)
        response.points = result.points
        response.max_points = result.max_points
        response.correct = result.correct
        response.feedback = result.feedback.as_dict() | _late_flag(arrived_late, in_time)
        score += result.points
        max_score += result.max_points
        graded.append(response)
    # New and saved responses in one statement (an upsert on attempt and question), which
    # keeps a saved answer's saved_at.
    for response in graded:
        response.pk = None
    Response.objects.bulk_create(
        graded,
        update_conflicts=True,
        unique_fields=["attempt", "question"],
        update_fields=["answer", "points", "max_points", "correct", "feedback"],
    )
    attempt.submitted_at = now
    attempt.submitted_late = late
    # Kept and flagged, never refused: the instructor decides what a late submission is worth.
    attempt.after_due = due_at is not None and now > due_at + GRACE_PERIOD
    attempt.score = round(score, 2)
    attempt.max_score = round(max_score, 2)
    attempt.passed = max_score > 0 and attempt.score * 100 >= attempt.quiz.pass_mark * max_score
    attempt.save(
        update_fields=[
            "submitted_at",
            "submitted_late",
            "after_due",
            "score",
            "max_score",
            "passed",
        ]
    )
    signals.attempt_submitted.send(sender=Attempt, attempt=attempt, responses=graded)
    return Submission(attempt, graded, questions)
