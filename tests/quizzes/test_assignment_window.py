"""An assignment that is not open yet refuses a start with a message people read: the date and
time in the request's language, in the server's time zone, named, never an ISO timestamp; the
error's code and shape stay what clients rely on."""

import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from core.codes import ErrorCode
from quizzes.models import Kind
from tests.api import assert_error
from tests.factories import AcceptedAnswerFactory, AssignmentFactory, QuestionFactory, QuizFactory

OPENS_AT = datetime(2026, 12, 5, 22, 24, 30, tzinfo=UTC)
ISO_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


@pytest.fixture
def upcoming(learner):
    question = QuestionFactory(kind=Kind.TEXT, prompt="Which muscle can press on the nerve?")
    AcceptedAnswerFactory(question=question, synonyms="piriformis")
    quiz = QuizFactory(questions=[question])
    return AssignmentFactory(quiz=quiz, learners=[learner], opens_at=OPENS_AT)


# Language → what the message says of 2026-12-05 22:24:30 UTC (Django's formats for it).
@pytest.mark.parametrize(
    "language, date",
    [
        ("en", "Dec. 5, 2026, 10:24 p.m."),
        ("es", "5 de diciembre de 2026 a las 22:24"),
        ("fr", "5 décembre 2026 22:24"),
        ("ar", "ديسمبر 5, 2026, 10:24 م"),
    ],
)
def test_an_assignment_not_open_yet_names_its_opening_as_people_read_it(
    upcoming, learner_client, language, date, time_machine
):
    time_machine.move_to(OPENS_AT - timedelta(days=3), tick=False)
    refused = learner_client.post(
        "/api/v1/attempts/",
        {"quiz": upcoming.quiz.slug, "client_id": str(uuid.uuid4()), "assignment": upcoming.pk},
        format="json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    error = assert_error(refused, 403, ErrorCode.ASSIGNMENT_NOT_OPEN)
    message = error["message"]
    assert date in message, f"{language}: {message!r} does not say {date!r}"
    assert "UTC" in message, f"{language}: {message!r} does not name the time zone"
    assert not ISO_TIMESTAMP.search(message), f"{language}: a raw timestamp in {message!r}"
    assert error["details"] == {"opens_at": [message]}, "the error's details changed shape"
    assert refused["Content-Language"] == language
