"""Acting on a common wrong answer. Accepting it, and undoing that: the key changes and every
submitted attempt that gave that answer is regraded, in one transaction, with an audit record.
Marking it as a known wrong answer with a hint: later answers get the hint (it scores nothing,
as before, so nothing is regraded).

A synonym added in English counts in every language (English answers are accepted
everywhere), so its regrade covers every language; one added in another language covers the
attempts taken in that language. Concurrency: the question row is locked (one acceptance per
question at a time), then every open attempt at a quiz holding the question, so a submit
racing the regrade either commits before the regrade reads the responses (and is regraded)
or waits and grades with the new key: never lost, never graded twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.codes import ErrorCode
from core.errors import Conflict, DomainError
from learning.models import text_lines
from quizzes import grading
from quizzes.models import (
    AcceptedAnswer,
    AnswerAcceptance,
    Attempt,
    Question,
    QuizQuestion,
    WrongAnswer,
)
from quizzes.models import Response as QuizResponse
from quizzes.results import TYPED_KINDS, wrong_pieces
from quizzes.selectors import answer_key, grading_lexicon, questions_by_id
from quizzes.signals import responses_regraded

SOURCE_LANGUAGE = "en"
NOT_TYPED = _("Only answers typed by learners (short answer, set) can be accepted.")
OTHER_QUESTION = _("This accepted answer belongs to another question.")
UNKNOWN_LANGUAGE = _("Unknown language.")
EMPTY_TEXT = _("The answer to accept is empty.")
ALREADY_UNDONE = _("This acceptance was already undone.")
STILL_WRONG = _(
    "This answer is a known wrong answer of the question, and a known wrong answer wins over "
    "a synonym: delete it from the question's known wrong answers first."
)
NOT_MATCHED = _("Even as a synonym, this answer would not be credited: nothing was changed.")
RESPONSE_FIELDS = ["points", "max_points", "correct", "feedback"]


def _lock_question_and_open_attempts(question: Question) -> None:
    """See the module docstring: what makes a regrade safe against a concurrent submit."""
    # FOR NO KEY UPDATE: it serializes acceptances of one question, yet lets a submit or a
    # review insert rows that refer to the question (their foreign-key check takes KEY SHARE,
    # which FOR UPDATE would block: a submit holding its attempt would then deadlock with us).
    Question.objects.select_for_update(no_key=True).filter(pk=question.pk).first()
    quizzes = QuizQuestion.objects.filter(question=question).values("quiz_id")
    list(
        Attempt.objects.select_for_update()
        .filter(submitted_at__isnull=True, quiz_id__in=quizzes)
        .values_list("pk", flat=True)
    )


def affected_responses_query(*, question: Question, language: str):
    """Submitted responses to `question` in `language` (every language for English)."""
    responses = QuizResponse.objects.filter(
        question=question, attempt__submitted_at__isnull=False
    ).select_related("attempt")
    if language != SOURCE_LANGUAGE:
        responses = responses.filter(attempt__language=language)
    return responses.order_by("pk")


def affected_responses(*, question: Question, language: str, normalized: str) -> list[QuizResponse]:
    """Submitted responses to `question` that gave the wrong answer `normalized` (as the
    results page counts it), in `language`, or in every language for English."""
    return [
        response
        for response in affected_responses_query(question=question, language=language)
        if (response.points or 0) < (response.max_points or 0)
        and normalized in dict(wrong_pieces(question.kind, response.answer, response.feedback))
    ]


def _state(response: QuizResponse) -> dict:
    return {
        "points": response.points,
        "max_points": response.max_points,
        "correct": response.correct,
        "feedback": response.feedback,
    }


def _attempt_state(attempt: Attempt) -> dict:
    return {"score": attempt.score, "max_score": attempt.max_score, "passed": attempt.passed}


def _rescore(attempt_ids: Iterable[int]) -> dict[int, Attempt]:
    """Sum each attempt's responses again into its score, maximum and pass (as submit does)."""
    attempts = {
        a.pk: a
        for a in Attempt.objects.select_for_update(of=("self",))
        .select_related("quiz")
        .filter(pk__in=list(attempt_ids))
    }
    totals = (
        QuizResponse.objects.filter(attempt__in=list(attempts))
        .values("attempt_id")
        .annotate(score=Sum("points"), max_score=Sum("max_points"))
    )
    for row in totals:
        attempt = attempts[row["attempt_id"]]
        attempt.score = round(row["score"] or 0.0, 2)
        attempt.max_score = round(row["max_score"] or 0.0, 2)
        attempt.passed = attempt.max_score > 0 and (
            attempt.score * 100 >= attempt.quiz.pass_mark * attempt.max_score
        )
    Attempt.objects.bulk_update(attempts.values(), ["score", "max_score", "passed"])
    return attempts


def _regrade(question: Question, responses: list[QuizResponse]) -> None:
    """Grade each response again with the question's current key, in its attempt's language;
    an answer that arrived after the time limit keeps its flag ("late" or "late_change")."""
    fresh = questions_by_id([question.pk], graded=True)[question.pk]
    keys = {}
    for response in responses:
        language = response.attempt.language
        if language not in keys:
            keys[language] = answer_key(fresh, language, grading_lexicon(language))
        result = grading.grade(keys[language], response.answer)
        flags = {
            name: True for name in ("late", "late_change") if (response.feedback or {}).get(name)
        }
        response.points = result.points
        response.max_points = result.max_points
        response.correct = result.correct
        response.feedback = result.feedback.as_dict() | flags


def _check(question: Question, language: str, text: str, accepted_answer: AcceptedAnswer):
    if question.kind not in TYPED_KINDS:
        raise DomainError(ErrorCode.INVALID, NOT_TYPED)
    if accepted_answer.question_id != question.pk:
        raise DomainError(ErrorCode.INVALID, OTHER_QUESTION)
    _check_language_and_text(language, text)


def _check_credited(question: Question, language: str, text: str) -> None:
    """With the synonym added, the grader must credit the answer; if it still does not (it is
    a known wrong answer, which is matched before any accepted one), the acceptance would
    change nothing, so it is refused (and the synonym rolled back with the transaction)."""
    _fresh, read = _read_now(question, language, text)
    if read.points == 0:
        raise DomainError(ErrorCode.INVALID, STILL_WRONG if read.feedback.hint_key else NOT_MATCHED)


def _read_now(question: Question, language: str, text: str) -> tuple[Question, grading.Grade]:
    """The question as it is now, and how its grader reads `text` typed as one answer (a text
    answer, or one item of a set) in `language`."""
    fresh = questions_by_id([question.pk], graded=True)[question.pk]
    key = answer_key(fresh, language, grading_lexicon(language))
    given = {"text": text} if question.kind == grading.TEXT else {"items": [text]}
    return fresh, grading.grade(key, grading.validate_answer(key, given))


def _check_language_and_text(language: str, text: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise DomainError(ErrorCode.INVALID, UNKNOWN_LANGUAGE)
    if not grading.fold(text):
        raise DomainError(ErrorCode.INVALID, EMPTY_TEXT)


@transaction.atomic
def wrong_answer_accept(
    *,
    question: Question,
    language: str,
    normalized: str,
    text: str,
    accepted_answer: AcceptedAnswer,
    by,
) -> AnswerAcceptance:
    """Make `text` (a wrong answer learners gave, `normalized` as results group it) a synonym of
    `accepted_answer` in `language`, and regrade every submitted attempt that gave it: response
    points, attempt score and pass (progress is read from them), and whatever listens to
    `responses_regraded` (review cards). Returns the audit record."""
    text = " ".join(text.split())
    _check(question, language, text, accepted_answer)
    _lock_question_and_open_attempts(question)
    answer = AcceptedAnswer.objects.select_for_update().get(pk=accepted_answer.pk)
    field = f"synonyms_{language}"
    before = getattr(answer, field) or ""
    lines = text_lines(before)
    if grading.fold(text) not in {grading.fold(line) for line in lines}:
        setattr(answer, field, "\n".join([*lines, text]))
        answer.save(update_fields=[field, "updated_at"])
    _check_credited(question, language, text)
    responses = affected_responses(question=question, language=language, normalized=normalized)
    attempts_before = {
        a.pk: _attempt_state(a)
        for a in Attempt.objects.select_for_update().filter(
            pk__in=[r.attempt_id for r in responses]
        )
    }
    states_before = {r.pk: _state(r) for r in responses}
    _regrade(question, responses)
    QuizResponse.objects.bulk_update(responses, RESPONSE_FIELDS)
    attempts = _rescore(attempts_before)
    acceptance = AnswerAcceptance.objects.create(
        question=question,
        accepted_answer=answer,
        language=language,
        text=text,
        normalized=normalized,
        synonyms_before=before,
        accepted_by=by,
        regraded=[
            {
                "response": r.pk,
                "attempt": r.attempt_id,
                "language": r.attempt.language,
                "before": states_before[r.pk],
                "after": _state(r),
                "attempt_before": attempts_before[r.attempt_id],
                "attempt_after": _attempt_state(attempts[r.attempt_id]),
            }
            for r in responses
        ],
    )
    responses_regraded.send(sender=AnswerAcceptance, responses=responses, acceptance=acceptance)
    return acceptance


@transaction.atomic
def wrong_answer_acceptance_undo(*, acceptance: AnswerAcceptance, by) -> AnswerAcceptance:
    """Remove the accepted synonym again and regrade every response it may have credited
    (`_credited_by`) with the key as it is then: the grades from before, unless the key
    changed otherwise since."""
    acceptance = AnswerAcceptance.objects.select_for_update().get(pk=acceptance.pk)
    if acceptance.undone_at is not None:
        raise Conflict(ErrorCode.CONFLICT, ALREADY_UNDONE)
    question = acceptance.question
    _lock_question_and_open_attempts(question)
    if acceptance.accepted_answer_id is not None:
        answer = AcceptedAnswer.objects.select_for_update().get(pk=acceptance.accepted_answer_id)
        field = f"synonyms_{acceptance.language}"
        lines = text_lines(getattr(answer, field))
        kept = [line for line in lines if grading.fold(line) != grading.fold(acceptance.text)]
        if kept != lines:
            setattr(answer, field, "\n".join(kept))
            answer.save(update_fields=[field, "updated_at"])
    responses = _credited_by(acceptance)
    list(
        Attempt.objects.select_for_update()
        .filter(pk__in={response.attempt_id for response in responses})
        .values_list("pk", flat=True)
    )
    # Graded again with the key as it is now, the synonym gone: that gives back the grade
    # from before when nothing else changed, and stays right when something did (the same
    # answer accepted since in English, which counts in every language).
    _regrade(question, responses)
    QuizResponse.objects.bulk_update(responses, RESPONSE_FIELDS)
    _rescore({response.attempt_id for response in responses})
    acceptance.undone_at = timezone.now()
    acceptance.undone_by = by
    acceptance.save(update_fields=["undone_at", "undone_by"])
    responses_regraded.send(sender=AnswerAcceptance, responses=responses, acceptance=acceptance)
    return acceptance


def _credited_by(acceptance: AnswerAcceptance) -> list[QuizResponse]:
    """The responses the acceptance regraded, and those in its language (every language for
    English) that the synonym credits without having been regraded by it: they were already
    right then (accepted before in another language, say) and may not be right without it."""
    recorded = {entry["response"] for entry in acceptance.regraded}
    normalized = grading.fold(acceptance.text)
    return [
        response
        for response in affected_responses_query(
            question=acceptance.question, language=acceptance.language
        )
        if response.pk in recorded
        or ((response.points or 0) > 0 and normalized in _typed(response.answer))
    ]


def _typed(answer) -> str:
    """A typed answer's text, folded as the grader folds it."""
    if not isinstance(answer, dict):
        return ""
    texts = answer.get("items") if "items" in answer else [answer.get("text")]
    return "\n".join(grading.fold(text) for text in texts or () if isinstance(text, str))


def regraded_by_attempt(acceptance: AnswerAcceptance) -> dict[int, list[dict]]:
    """The audit's entries per attempt (for pages that show only the attempts a reader sees)."""
    entries = defaultdict(list)
    for entry in acceptance.regraded:
        entries[entry["attempt"]].append(entry)
    return entries


ALREADY_KNOWN = _("This answer is already a known wrong answer of the question.")
ACCEPTED_ALREADY = _("This answer is accepted for the question: it cannot also be wrong.")
EMPTY_HINT = _("Write the hint learners will read.")


@transaction.atomic
def wrong_answer_mark(*, question: Question, language: str, text: str, hint: str) -> WrongAnswer:
    """Make `text` (a wrong answer learners gave in `language`) a known wrong answer of
    `question`, with `hint`. Given in English, it counts in every language (its English text
    is the source translators translate, like any other); given in another language, it counts
    in that language only, written in it. Refused when the grader, with the question's key as
    it is now, already credits the answer as written or already knows it as wrong."""
    text, hint = " ".join(text.split()), hint.strip()
    if question.kind not in TYPED_KINDS:
        raise DomainError(ErrorCode.INVALID, NOT_TYPED)
    _check_language_and_text(language, text)
    if not hint:
        raise DomainError(ErrorCode.INVALID, EMPTY_HINT)
    Question.objects.select_for_update(no_key=True).filter(pk=question.pk).first()
    fresh, read = _read_now(question, language, text)
    # Credited only as a forgiven typo ("urologist" for "neurologist", where the lexicon does
    # not know it): marking it is the fix, since a known wrong answer wins over a typo.
    if read.points > 0 and not read.feedback.typos:
        raise DomainError(ErrorCode.INVALID, ACCEPTED_ALREADY)
    if read.feedback.hint_key:
        raise DomainError(ErrorCode.INVALID, ALREADY_KNOWN)
    keys = {wrong.key for wrong in fresh.wrong_answers.all()}
    base = slugify(text)[:70] or "wrong-answer"
    wrong_key = next(
        candidate
        for candidate in (base, *(f"{base}-{n}" for n in range(2, 1000)))
        if candidate not in keys
    )
    wrong = WrongAnswer(
        question=question,
        key=wrong_key,
        language="" if language == SOURCE_LANGUAGE else language,
        position=len(keys) + 1,
        **{f"spellings_{language}": text, f"hint_{language}": hint},
    )
    wrong.full_clean()
    wrong.save()
    return wrong
