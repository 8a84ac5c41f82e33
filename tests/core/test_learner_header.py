"""A page acts for one learner and names them (X-Rootwise-Learner) on requests about their
work. When the browser's session has since become another learner's (signed in from another
tab), the request is refused with 401 and writes nothing: one learner's answers never land in
another's attempts. Clients that do not name a learner are served as before."""

import uuid

import pytest
from django.utils import translation

from core import errors
from quizzes.models import Attempt, Question, Response
from review.models import Review
from tests.api import assert_error, save, start, submit


def as_learner(user) -> dict:
    return {"HTTP_X_ROOTWISE_LEARNER": str(user.pk)}


@pytest.fixture
def bobs_session_alices_page(learner_client, learner, other_learner):
    """The client's session is `learner`'s; the page names `other_learner`."""
    return learner_client, as_learner(other_learner)


def test_a_start_for_another_learner_is_refused_and_makes_no_attempt(
    bobs_session_alices_page, course
):
    client, page = bobs_session_alices_page
    refused = start(client, "nerve-roots-quiz", **page)
    body = assert_error(refused, 401, "not_authenticated")
    assert body["message"] == str(errors.ANOTHER_LEARNER)
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("language", ["es", "ar"])
def test_the_refusal_is_in_the_requests_language(bobs_session_alices_page, course, language):
    client, page = bobs_session_alices_page
    body = assert_error(start(client, "nerve-roots-quiz", query=f"?lang={language}", **page), 401)
    with translation.override("en"):
        assert body["message"] != str(errors.ANOTHER_LEARNER), "the message is in English"
    with translation.override(language):
        assert body["message"] == str(errors.ANOTHER_LEARNER)


def test_saves_submits_and_reads_of_own_work_are_refused_for_another_learner(
    learner_client, learner, other_learner, course
):
    attempt = start(learner_client, "nerve-roots-quiz").json()
    question = attempt["questions"][0]["id"]
    page = as_learner(other_learner)

    assert_error(save(learner_client, attempt["id"], question, {"text": "x"}, **page), 401)
    assert_error(submit(learner_client, attempt["id"], **page), 401)
    assert_error(learner_client.get("/api/v1/attempts/?open=true", **page), 401)
    assert_error(learner_client.get("/api/v1/me/progress/", **page), 401)
    review = learner_client.post(
        f"/api/v1/me/review/{question}/",
        {"answer": {"text": "x"}, "client_id": str(uuid.uuid4())},
        format="json",
        **page,
    )
    assert_error(review, 401)

    assert not Response.objects.exists() and not Review.objects.exists()
    assert Attempt.objects.get(pk=attempt["id"]).submitted_at is None


def test_naming_the_learner_who_is_signed_in_changes_nothing(learner_client, learner, course):
    page = as_learner(learner)
    attempt = start(learner_client, "nerve-roots-quiz", **page).json()
    question = Question.objects.get(pk=attempt["questions"][0]["id"])
    assert save(learner_client, attempt["id"], question.pk, None, **page).status_code == 200
    assert submit(learner_client, attempt["id"], **page).status_code == 200


def test_a_client_that_names_no_learner_is_served_as_before(learner_client, course):
    assert start(learner_client, "nerve-roots-quiz").status_code == 201


def test_an_anonymous_request_naming_a_learner_is_the_usual_401(api_client, learner, course):
    refused = start(api_client, "nerve-roots-quiz", **as_learner(learner))
    body = assert_error(refused, 401, "not_authenticated")
    assert body["message"] != str(errors.ANOTHER_LEARNER)
    # Public reads stay public whoever the page names.
    assert api_client.get("/api/v1/lessons/", **as_learner(learner)).status_code == 200
