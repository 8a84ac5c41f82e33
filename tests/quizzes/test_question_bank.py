"""quizzes/bank.py: the answer keys each process keeps between requests, checked against the
content's version on every write. A key changed anywhere must grade the next submit; a warm
bank must keep the write paths to a few queries."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes import bank, services
from quizzes.models import AcceptedAnswer, Attempt, Choice, Kind, WrongAnswer
from tests.factories import (
    AcceptedAnswerFactory,
    ChoiceFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
    WrongAnswerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def text_quiz():
    question = QuestionFactory(kind=Kind.TEXT, prompt="Which muscle can press on the nerve?")
    AcceptedAnswerFactory(question=question, key="piriformis", synonyms="piriformis")
    WrongAnswerFactory(
        question=question,
        key="gluteus",
        spellings="gluteus maximus",
        hint="A neighbour of it.",
        spellings_es="glúteo mayor",
        hint_es="Un vecino suyo.",
    )
    return QuizFactory(questions=[question]), question


def graded(quiz, question, text: str, *, language: str = "en") -> dict:
    """Start an attempt at `quiz`, submit `text` for `question`, return its response's grade."""
    learner = UserFactory()
    attempt, _created = services.attempt_start(
        learner=learner, quiz=quiz, client_id=uuid.uuid4(), language=language
    )
    submission = services.submit(
        learner=learner,
        attempt_id=attempt.pk,
        answers=[{"question": question.pk, "answer": {"text": text}}],
    )
    (response,) = submission.responses
    return {"correct": response.correct, "hint": response.feedback.get("hint", "")}


def behind_the_banks_back(model, pk: int, **values) -> None:
    """Change a row as another server would: no signal reaches this process."""
    model.objects.filter(pk=pk).update(**values, updated_at=timezone.now())


def test_a_synonym_added_on_another_server_counts_at_the_next_submit(text_quiz):
    quiz, question = text_quiz
    assert graded(quiz, question, "piriform muscle")["correct"] is False
    answer = AcceptedAnswer.objects.get(question=question)
    behind_the_banks_back(AcceptedAnswer, answer.pk, synonyms_en="piriformis\npiriform muscle")
    assert graded(quiz, question, "piriform muscle")["correct"] is True


def test_a_choice_made_wrong_on_another_server_stops_counting_at_once():
    question = QuestionFactory(kind=Kind.SINGLE)
    right = ChoiceFactory(question=question, correct=True)
    other = ChoiceFactory(question=question, correct=False)
    quiz = QuizFactory(questions=[question])
    learner = UserFactory()

    def credited(choice) -> bool:
        attempt, _ = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
        answers = [{"question": question.pk, "answer": {"choice": choice.pk}}]
        submission = services.submit(learner=learner, attempt_id=attempt.pk, answers=answers)
        return submission.responses[0].correct

    assert credited(right) is True
    behind_the_banks_back(Choice, right.pk, correct=False)
    behind_the_banks_back(Choice, other.pk, correct=True)
    assert credited(right) is False
    assert credited(other) is True


def test_a_known_wrong_answer_deleted_on_another_server_is_forgotten(text_quiz):
    quiz, question = text_quiz
    assert graded(quiz, question, "gluteus maximus")["hint"] == "A neighbour of it."
    table = connection.ops.quote_name(WrongAnswer._meta.db_table)
    with connection.cursor() as cursor:  # a raw delete: no signal, only the count changes
        cursor.execute(f"DELETE FROM {table} WHERE question_id = %s", [question.pk])
    assert graded(quiz, question, "gluteus maximus") == {"correct": False, "hint": ""}


def test_a_save_in_this_process_reaches_the_next_submit_even_on_a_frozen_clock(clock, text_quiz):
    quiz, question = text_quiz
    assert graded(quiz, question, "piriform muscle")["correct"] is False
    answer = AcceptedAnswer.objects.get(question=question)
    answer.synonyms_en = "piriformis\npiriform muscle"
    answer.save()  # same timestamp as the load: the signal, not the version, tells the bank
    assert graded(quiz, question, "piriform muscle")["correct"] is True


def test_a_bank_older_than_max_age_is_reloaded_whatever_its_version(text_quiz, monkeypatch):
    quiz, question = text_quiz
    first = bank.current()
    assert bank.current() is first, "an unchanged bank was reloaded"
    first.loaded_at -= bank.MAX_AGE + 1
    assert bank.current() is not first


def test_keys_are_made_per_language(text_quiz):
    quiz, question = text_quiz
    assert graded(quiz, question, "glúteo mayor", language="es")["hint"] == "Un vecino suyo."
    assert graded(quiz, question, "gluteus maximus", language="es")["hint"] == "Un vecino suyo."
    assert graded(quiz, question, "gluteus maximus", language="en")["hint"] == "A neighbour of it."


def queries(call) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        call()
    return [q["sql"][:120] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]


def test_a_warm_bank_keeps_each_write_to_a_few_queries(text_quiz):
    """With the bank loaded, a write reads its version (one query) and no other content: a
    start 6 (version, client_id, learner lock, client_id again, pool, insert), a save 3 (lock,
    version, upsert), a submit of a wrong answer 8 (lock, responses, version, upsert, attempt;
    the review card read, written, and its review)."""
    quiz, question = text_quiz
    learner = UserFactory()
    graded(quiz, question, "warm-up")
    client_id = uuid.uuid4()
    started = queries(lambda: services.start(learner=learner, quiz=quiz, client_id=client_id))
    assert len(started) <= 6, started
    attempt = Attempt.objects.get(learner=learner, client_id=client_id)
    saved = queries(
        lambda: services.response_save(
            learner=learner,
            attempt_id=attempt.pk,
            question_id=question.pk,
            answer={"text": "gluteus maximus"},
        )
    )
    assert len(saved) <= 3, saved
    submitted = queries(lambda: services.submit(learner=learner, attempt_id=attempt.pk, answers=[]))
    assert len(submitted) <= 8, submitted
