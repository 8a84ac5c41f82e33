"""The API's language comes from `?lang=` or Accept-Language (DESIGN.md), never from the
language cookie the pages' switcher sets: two clients sending the same request get the same
language, and a cached page is never in a cookie's language."""

import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings

from quizzes import services
from quizzes.models import Quiz


@pytest.mark.parametrize(
    ("query", "accept", "expected"),
    [
        ("", "es", "es"),
        ("", "ar-EG,ar;q=0.9", "ar"),
        ("", "de, fr;q=0.5", "fr"),
        ("", "", settings.LANGUAGE_CODE),
        ("", "de", settings.LANGUAGE_CODE),
        ("?lang=ar", "es", "ar"),
    ],
)
def test_the_api_ignores_the_language_cookie(course, api_client, query, accept, expected):
    api_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr" if expected != "fr" else "es"
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = api_client.get(f"/api/v1/lessons/{query}", **headers)
    assert response.status_code == 200
    assert response["Content-Language"] == expected


def test_an_unknown_api_path_answers_in_the_requests_language(db, api_client):
    api_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = api_client.get("/api/v1/nothing-here/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    assert response["Content-Language"] == "es"


def test_a_learners_list_pages_on_in_its_language_and_filters(course, learner, learner_client):
    quiz = Quiz.objects.get(slug="nerve-roots-quiz")
    for _attempt in range(2):
        started, _ = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
        services.attempt_submit(learner=learner, attempt_id=started.pk, answers=[])
    first = learner_client.get(
        "/api/v1/attempts/?quiz=nerve-roots-quiz&page_size=1", HTTP_ACCEPT_LANGUAGE="es"
    )
    query = parse_qs(urlsplit(first.json()["next"]).query)
    assert query["lang"] == ["es"] and query["quiz"] == ["nerve-roots-quiz"], query
    second = learner_client.get(first.json()["next"])
    assert second["Content-Language"] == "es"
    assert len(second.json()["results"]) == 1
