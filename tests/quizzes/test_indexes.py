"""Every hot lookup of attempts and responses is served by an index: EXPLAIN on PostgreSQL,
over enough rows that the planner would rather scan the table if it could."""

import uuid

import pytest
from django.db import connection
from django.utils import timezone

from quizzes import regrade
from quizzes.models import Attempt, Kind
from quizzes.models import Response as QuizResponse
from tests.factories import AssignmentFactory, QuestionFactory, QuizFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL"),
]

LEARNERS, QUIZZES, ATTEMPTS_EACH = 200, 10, 6


@pytest.fixture
def volume(db):
    """200 learners × 10 quizzes, six submitted attempts at each of the learner's quizzes
    (12,000 rows, the first of each for one of 10 assignments), each with a response to one
    of 30 questions, then ANALYZE so the planner knows the sizes."""
    questions = [QuestionFactory(kind=Kind.TRUE_FALSE, true_false_answer=True) for _ in range(30)]
    quizzes = [QuizFactory(questions=questions[n::QUIZZES]) for n in range(QUIZZES)]
    assignments = [AssignmentFactory(quiz=quiz) for quiz in quizzes]
    learners = UserFactory.create_batch(LEARNERS)
    attempts = Attempt.objects.bulk_create(
        Attempt(
            learner=learner,
            quiz=quiz,
            client_id=uuid.uuid4(),
            question_ids=[question.pk for question in questions],
            assignment=assignments[number] if attempt == 0 else None,
            submitted_at=timezone.now(),
        )
        for learner in learners
        for number, quiz in enumerate(quizzes)
        for attempt in range(ATTEMPTS_EACH)
    )
    QuizResponse.objects.bulk_create(
        QuizResponse(attempt=attempt, question=questions[n % 30], answer={"value": True}, points=1)
        for n, attempt in enumerate(attempts)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "learner": learners[7],
        "quiz": quizzes[3],
        "question": questions[1],
        "assignment": assignments[2],
    }


HOT_LOOKUPS = {
    "a learner's attempts, newest first": lambda v: Attempt.objects.filter(
        learner=v["learner"]
    ).order_by("-started_at"),
    "a learner's attempts at one quiz (the limit, resuming)": lambda v: Attempt.objects.filter(
        learner=v["learner"], quiz=v["quiz"]
    ),
    "a learner's open attempt at one quiz": lambda v: Attempt.objects.filter(
        learner=v["learner"], quiz=v["quiz"], submitted_at__isnull=True
    ),
    "an attempt by the device's client_id": lambda v: Attempt.objects.filter(
        learner=v["learner"], client_id=uuid.uuid4()
    ),
    "a quiz's attempts (results)": lambda v: Attempt.objects.filter(quiz=v["quiz"]),
    "an attempt's responses": lambda v: QuizResponse.objects.filter(attempt_id=1),
    "an assignment's attempts (its results, status counts)": lambda v: Attempt.objects.filter(
        assignment=v["assignment"]
    ),
    "the answers to one question (regrading an accepted answer)": lambda v: (
        regrade.affected_responses_query(question=v["question"], language="en")
    ),
}


@pytest.mark.parametrize("lookup", HOT_LOOKUPS.values(), ids=HOT_LOOKUPS.keys())
def test_hot_lookup_uses_an_index(volume, lookup):
    plan = lookup(volume).explain()
    assert "Index" in plan and "Seq Scan" not in plan, plan
