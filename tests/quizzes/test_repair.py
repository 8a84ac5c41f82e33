"""repairanswers mends an attempt poisoned by a lone surrogate stored before the API refused
them, so its reads (the learner's, a replayed submit, the admin's) answer again."""

import io
import uuid

import pytest
from django.core.management import call_command
from django.db import connection

from core.text import REPLACEMENT, mend
from quizzes import services
from quizzes.models import Kind
from quizzes.models import Response as QuizResponse
from tests.factories import AcceptedAnswerFactory, QuestionFactory, QuizFactory

POISON = "pirif\ud800ormis"

sqlite_only = pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="PostgreSQL's jsonb cannot hold a lone surrogate, so no attempt there is poisoned",
)


@pytest.fixture
def poisoned(learner):
    """A submitted attempt whose stored answer and feedback hold a lone surrogate, written
    straight into the table as an older version of the API could."""
    question = QuestionFactory(kind=Kind.TEXT)
    AcceptedAnswerFactory(question=question, synonyms="piriformis")
    quiz = QuizFactory(questions=[question])
    attempt, _ = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    attempt = services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=[])
    QuizResponse.objects.filter(attempt=attempt).update(
        answer={"text": POISON}, feedback={"right": [], "missing": [], "wrong": [POISON]}
    )
    return attempt


@sqlite_only
def test_repair_mends_a_poisoned_attempt_and_keeps_its_grade(poisoned, learner_client):
    path = f"/api/v1/attempts/{poisoned.pk}/"
    learner_client.raise_request_exception = False
    assert learner_client.get(path).status_code == 500, "the attempt was not poisoned"
    before = list(QuizResponse.objects.values_list("points", "correct"))

    out = io.StringIO()
    call_command("repairanswers", stdout=out)

    assert "1 response(s) repaired" in out.getvalue(), out.getvalue()
    read = learner_client.get(path)
    assert read.status_code == 200, read.content[:300]
    response = read.json()["responses"][0]
    assert response["answer"] == {"text": f"pirif{REPLACEMENT}ormis"}
    assert response["feedback"]["wrong"] == [f"pirif{REPLACEMENT}ormis"]
    assert list(QuizResponse.objects.values_list("points", "correct")) == before
    replay = learner_client.post(f"{path}submit/", {}, format="json")
    assert replay.status_code == 200, "a phone's replayed submit still fails"


@sqlite_only
def test_repair_dry_run_changes_nothing_and_a_second_run_finds_nothing(poisoned):
    out = io.StringIO()
    call_command("repairanswers", "--dry-run", stdout=out)
    assert "1 response(s) would be repaired" in out.getvalue()
    assert QuizResponse.objects.get().answer == {"text": POISON}
    call_command("repairanswers", stdout=io.StringIO())
    out = io.StringIO()
    call_command("repairanswers", stdout=out)
    assert "0 response(s) repaired" in out.getvalue()


@pytest.mark.parametrize(
    "value, mended",
    [
        ("plain", "plain"),
        ("an emoji \U0001f600 is fine", "an emoji \U0001f600 is fine"),
        ("\ud83d\ude00", REPLACEMENT * 2),  # two halves in a Python str are two lone ones
        ("\udfff", REPLACEMENT),
        ({"\ud800": ["a\ud800b", 3, None]}, {REPLACEMENT: [f"a{REPLACEMENT}b", 3, None]}),
    ],
)
def test_mend(value, mended):
    assert mend(value) == mended
