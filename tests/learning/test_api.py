"""The course API: reads of published content (in the request's language, with ETags and a
fixed number of queries), lesson completion, sign-in, CSRF, throttling and the error shape."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from rest_framework.test import APIClient

from core.errors import NOT_FOUND
from core.throttles import LoginRateThrottle
from learning.models import Lesson
from tests.factories import PASSWORD, CourseFactory, GlossaryTermFactory, LessonFactory

ERROR_KEYS = {"code", "message", "details"}
READS = [
    "/api/v1/courses/",
    "/api/v1/lessons/",
    "/api/v1/lessons/nerve-roots/",
    "/api/v1/glossary/",
    "/api/v1/quizzes/",
    "/api/v1/quizzes/nerve-roots-quiz/",
]


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The response is the API's error: exactly code, message and details, as JSON."""
    assert response.status_code == status, (
        f"expected {status}, got {response.status_code}: {response.content[:300]!r}"
    )
    assert response["Content-Type"].startswith("application/json"), (
        f"error body is not JSON: {response['Content-Type']}"
    )
    body = response.json()
    assert set(body) == ERROR_KEYS, f"error keys are {sorted(body)}, not {sorted(ERROR_KEYS)}"
    assert isinstance(body["code"], str) and body["code"], "error code is empty"
    assert isinstance(body["message"], str) and body["message"], "error message is empty"
    assert isinstance(body["details"], dict), "error details is not an object"
    if code is not None:
        assert body["code"] == code, f"error code {body['code']!r}, expected {code!r}"
    return body


def queries_of(request) -> tuple[int, object]:
    """Run `request()` and return how many SQL queries it ran, and its response."""
    with CaptureQueriesContext(connection) as captured:
        response = request()
    return len(captured), response


# --- anonymous reads --------------------------------------------------------------------------


@pytest.mark.parametrize("path", READS)
def test_published_content_is_readable_without_signing_in(api_client, course, path):
    response = api_client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code} to anonymous"


def test_lesson_list_shows_published_lessons_in_course_order(api_client, course):
    Lesson.objects.filter(slug="symptoms").update(published=False)
    body = api_client.get("/api/v1/lessons/").json()
    slugs = [lesson["slug"] for lesson in body["results"]]
    expected = list(
        Lesson.published_objects.order_by("order", "slug").values_list("slug", flat=True)
    )
    assert slugs == expected, "the list is not the published lessons in course order"
    assert "symptoms" not in slugs, "an unpublished lesson is listed"
    assert body["count"] == len(expected), "the page count does not match the lessons"


def test_lesson_detail_serves_stored_html_key_facts_and_glossary(api_client, course):
    lesson = Lesson.objects.get(slug="nerve-roots")
    body = api_client.get("/api/v1/lessons/nerve-roots/").json()
    assert body["body_html"] == lesson.body_html and "<p>" in body["body_html"], (
        "the detail does not serve the stored, rendered body"
    )
    assert body["key_facts"] == lesson.key_fact_list, "key facts are not listed one per item"
    assert [term["key"] for term in body["glossary"]] == sorted(
        lesson.glossary_terms.values_list("key", flat=True)
    ), "the lesson's glossary terms are missing"


def test_unpublished_lesson_detail_is_not_found(api_client, course):
    Lesson.objects.filter(slug="symptoms").update(published=False)
    assert_error(api_client.get("/api/v1/lessons/symptoms/"), 404, "not_found")


# --- language -----------------------------------------------------------------------------------


@pytest.fixture
def bilingual_lesson(db):
    return LessonFactory(
        slug="bilingual", title="Nerve roots", title_es="Raíces nerviosas", summary="English"
    )


LANGUAGE_CASES = [
    # (headers, query, Content-Language, title)
    ({}, "", "en", "Nerve roots"),
    ({"HTTP_ACCEPT_LANGUAGE": "es"}, "", "es", "Raíces nerviosas"),
    ({"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9"}, "", "es", "Raíces nerviosas"),
    ({}, "?lang=es", "es", "Raíces nerviosas"),
    ({"HTTP_ACCEPT_LANGUAGE": "fr"}, "?lang=es", "es", "Raíces nerviosas"),
    ({"HTTP_ACCEPT_LANGUAGE": "fr"}, "", "fr", "Nerve roots"),  # no French title: English
    ({"HTTP_ACCEPT_LANGUAGE": "de"}, "", "en", "Nerve roots"),  # unsupported: English
]


@pytest.mark.parametrize(("headers", "query", "language", "title"), LANGUAGE_CASES)
def test_lesson_comes_back_in_the_requested_language_with_english_fallback(
    api_client, bilingual_lesson, headers, query, language, title
):
    response = api_client.get(f"/api/v1/lessons/bilingual/{query}", **headers)
    assert response["Content-Language"] == language, "Content-Language names another language"
    assert "Accept-Language" in response["Vary"], "responses do not vary on Accept-Language"
    body = response.json()
    assert body["title"] == title, f"title {body['title']!r} in {language}"
    assert body["summary"] == "English", "an untranslated field does not fall back to English"


def test_each_language_has_its_own_etag(api_client, bilingual_lesson):
    english = api_client.get("/api/v1/lessons/bilingual/")
    spanish = api_client.get("/api/v1/lessons/bilingual/", HTTP_ACCEPT_LANGUAGE="es")
    assert english["ETag"] != spanish["ETag"], "two languages share one ETag"
    again = api_client.get(
        "/api/v1/lessons/bilingual/", HTTP_ACCEPT_LANGUAGE="es", HTTP_IF_NONE_MATCH=english["ETag"]
    )
    assert again.status_code == 200, "the English ETag validated the Spanish body"
    assert again.json()["title"] == "Raíces nerviosas", "the cache served another language"


def test_error_messages_come_in_the_requested_language(api_client, db):
    response = api_client.get("/api/v1/lessons/no-such-lesson/", HTTP_ACCEPT_LANGUAGE="es")
    body = assert_error(response, 404, "not_found")
    with translation.override("es"):
        expected = str(NOT_FOUND)
    assert body["message"] == expected, "the 404 message is not in the request's language"
    assert response["Content-Language"] == "es", "an error names another language"


# --- conditional reads --------------------------------------------------------------------------


@pytest.mark.parametrize("path", READS)
def test_content_reads_send_validators_and_answer_304_to_a_matching_etag(api_client, course, path):
    first = api_client.get(path)
    assert first.status_code == 200, f"{path}: {first.status_code}"
    assert first.has_header("ETag") and first["ETag"].startswith('"'), f"{path}: no strong ETag"
    assert first.has_header("Last-Modified"), f"{path}: no Last-Modified"
    again = api_client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304, f"{path}: a matching ETag answered {again.status_code}"
    assert again.content == b"", f"{path}: the 304 has a body"
    assert again["ETag"] == first["ETag"], f"{path}: the 304 names another ETag"
    other = api_client.get(path, HTTP_IF_NONE_MATCH='"not-this-one"')
    assert other.status_code == 200, f"{path}: a stale ETag answered {other.status_code}"


@pytest.mark.parametrize(
    "path", ["/api/v1/lessons/", "/api/v1/lessons/nerve-roots/", "/api/v1/courses/"]
)
def test_saving_a_lesson_changes_the_etag_and_serves_the_new_content(api_client, course, path):
    before = api_client.get(path)
    lesson = Lesson.objects.get(slug="nerve-roots")
    lesson.title = "Edited title"
    lesson.save()
    after = api_client.get(path, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200, f"{path}: still 304 after the lesson was saved"
    assert after["ETag"] != before["ETag"], f"{path}: the ETag did not change"
    if path != "/api/v1/courses/":  # the course lists lesson slugs, not titles
        assert "Edited title" in after.content.decode(), f"{path}: the cache served old content"


def test_editing_a_glossary_term_refreshes_the_lessons_that_show_it(api_client, course):
    before = api_client.get("/api/v1/lessons/nerve-roots/")
    term = Lesson.objects.get(slug="nerve-roots").glossary_terms.first()
    term.definition = "An edited definition."
    term.save()
    after = api_client.get("/api/v1/lessons/nerve-roots/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200, "the lesson still answers 304 after its term changed"
    assert "An edited definition." in after.content.decode(), "the lesson shows the old term"


# --- query budgets ------------------------------------------------------------------------------


def lessons_with_terms(course, lessons: int, terms: int) -> None:
    for _ in range(lessons):
        LessonFactory(course=course, glossary_terms=GlossaryTermFactory.create_batch(terms))


@pytest.mark.parametrize("path", ["/api/v1/lessons/", "/api/v1/lessons/{slug}/"])
def test_lesson_reads_run_the_same_queries_with_five_times_the_data(api_client, db, path):
    course = CourseFactory()
    lesson = LessonFactory(course=course, glossary_terms=GlossaryTermFactory.create_batch(2))
    lessons_with_terms(course, lessons=2, terms=2)
    url = path.format(slug=lesson.slug)

    cache.clear()
    base, response = queries_of(lambda: api_client.get(url))
    assert response.status_code == 200, response.content

    lesson.glossary_terms.add(*GlossaryTermFactory.create_batch(8))
    lessons_with_terms(course, lessons=12, terms=10)
    cache.clear()
    bigger, response = queries_of(lambda: api_client.get(url))
    assert response.status_code == 200, response.content
    assert bigger == base, f"{url}: {base} queries, then {bigger} with 5x the lessons and terms"


@pytest.mark.parametrize("path", READS)
def test_cached_and_conditional_reads_run_at_most_two_queries(api_client, course, path):
    cache.clear()
    first = api_client.get(path)
    cached, response = queries_of(lambda: api_client.get(path))
    assert response.status_code == 200, f"{path}: {response.status_code}"
    assert cached <= 2, f"{path}: the cached read ran {cached} queries"
    conditional, response = queries_of(
        lambda: api_client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    )
    assert response.status_code == 304, f"{path}: {response.status_code}"
    assert conditional <= 2, f"{path}: the 304 ran {conditional} queries"


# --- lesson completion and progress -------------------------------------------------------------


def test_completing_a_lesson_twice_keeps_the_first_completion(learner_client, course):
    first = learner_client.post("/api/v1/lessons/nerve-roots/complete/")
    assert first.status_code == 200, first.content
    again = learner_client.post("/api/v1/lessons/nerve-roots/complete/")
    assert again.json()["completed_at"] == first.json()["completed_at"], "completion moved"
    progress = learner_client.get("/api/v1/me/progress/").json()
    assert [item["lesson"] for item in progress["lessons"]] == ["nerve-roots"], progress


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/lessons/nerve-roots/complete/"),
        ("get", "/api/v1/me/progress/"),
        ("get", "/api/v1/me/assignments/"),
    ],
)
def test_own_progress_needs_signing_in(api_client, course, method, path):
    assert_error(getattr(api_client, method)(path), 401, "not_authenticated")


def test_completing_an_unknown_lesson_is_not_found(learner_client, course):
    assert_error(learner_client.post("/api/v1/lessons/no-such-lesson/complete/"), 404)


# --- sign-in ------------------------------------------------------------------------------------


def test_login_with_a_wrong_password_is_refused_with_the_error_shape(api_client, learner):
    response = api_client.post(
        "/api/v1/auth/login/", {"username": learner.username, "password": "wrong"}, format="json"
    )
    body = assert_error(response, 400, "invalid")
    assert body["details"].get("non_field_errors"), "the refusal does not say why"
    assert "sessionid" not in response.cookies, "a refused login opened a session"


def test_login_without_fields_names_each_missing_field(api_client, db):
    body = assert_error(api_client.post("/api/v1/auth/login/", {}, format="json"), 400)
    assert set(body["details"]) == {"username", "password"}, body["details"]


def test_login_then_whoami_then_logout(api_client, learner):
    response = api_client.post(
        "/api/v1/auth/login/", {"username": learner.username, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["authenticated"] is True, response.json()
    assert response.json()["username"] == learner.username, response.json()
    assert api_client.get("/api/v1/auth/me/").json()["authenticated"] is True, "not signed in"
    assert api_client.post("/api/v1/auth/logout/").status_code == 204, "logout did not answer 204"
    me = api_client.get("/api/v1/auth/me/").json()
    assert me == {"authenticated": False, "id": None, "username": None, "is_instructor": False}


def test_whoami_sets_the_csrf_cookie(api_client, db):
    response = api_client.get("/api/v1/auth/me/")
    assert response.status_code == 200, response.content
    assert response.cookies.get("csrftoken") and response.cookies["csrftoken"].value, (
        "auth/me did not set the csrftoken cookie"
    )


@pytest.fixture
def csrf_client(api_client, learner) -> APIClient:
    """A browser-like client: signed in by session, CSRF checks enforced."""
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(learner)
    return client


@pytest.mark.parametrize("path", ["/api/v1/lessons/nerve-roots/complete/", "/api/v1/auth/logout/"])
def test_session_writes_without_the_csrf_token_are_forbidden(csrf_client, course, path):
    assert_error(csrf_client.post(path), 403, "permission_denied")


@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/v1/lessons/nerve-roots/complete/", 200), ("/api/v1/auth/logout/", 204)],
)
def test_session_writes_with_the_csrf_token_work(csrf_client, course, path, status):
    token = csrf_client.get("/api/v1/auth/me/").cookies["csrftoken"].value
    response = csrf_client.post(path, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == status, response.content


# --- throttling ---------------------------------------------------------------------------------


def test_login_is_throttled_per_address_whoever_signs_in(api_client, learner, monkeypatch):
    monkeypatch.setattr(LoginRateThrottle, "rate", "3/min", raising=False)
    cache.clear()

    def login(username, address):
        return api_client.post(
            "/api/v1/auth/login/",
            {"username": username, "password": "wrong"},
            format="json",
            REMOTE_ADDR=address,
        )

    for username in ("learner", "someone", "anyone"):
        assert login(username, "10.0.0.1").status_code == 400, "throttled too early"
    throttled = login("yet-another", "10.0.0.1")
    assert_error(throttled, 429, "throttled")
    assert int(throttled["Retry-After"]) > 0, "a 429 without Retry-After"
    assert login("learner", "10.0.0.2").status_code == 400, "another address was throttled"


def test_a_forged_x_forwarded_for_does_not_dodge_the_login_throttle(
    api_client, learner, monkeypatch
):
    monkeypatch.setattr(LoginRateThrottle, "rate", "2/min", raising=False)
    cache.clear()
    statuses = [
        api_client.post(
            "/api/v1/auth/login/",
            {"username": "learner", "password": "wrong"},
            format="json",
            REMOTE_ADDR="10.0.0.9",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}",
        ).status_code
        for attempt in range(4)
    ]
    assert statuses == [400, 400, 429, 429], statuses


# --- errors -------------------------------------------------------------------------------------


def test_unknown_api_paths_answer_the_json_404(api_client, db):
    for path in ("/api/v1/nothing-here/", "/api/nothing", "/api/v1/lessons/a/b/c/"):
        assert_error(api_client.get(path), 404, "not_found")


def test_unknown_api_paths_answer_the_json_404_to_writes_without_a_csrf_token(csrf_client):
    assert_error(csrf_client.post("/api/v1/nothing-here/", {}, format="json"), 404, "not_found")


def test_a_method_the_resource_lacks_answers_405(api_client, db):
    response = api_client.delete("/api/v1/lessons/")
    assert_error(response, 405, "method_not_allowed")


@pytest.mark.parametrize(
    "method, path, status, code",
    [
        ("post", "/api/schema/", 405, "method_not_allowed"),
        ("delete", "/api/schema/", 405, "method_not_allowed"),
        ("get", "/api/schema/?format=xml", 404, "not_found"),
        ("post", "/api/docs/", 405, "method_not_allowed"),
    ],
)
def test_the_schema_and_docs_answer_errors_in_the_error_shape(
    api_client, db, method, path, status, code
):
    """They render YAML and HTML, which could not render the error body (a 500) or would not
    be the error shape: errors are JSON there too."""
    assert_error(getattr(api_client, method)(path), status, code)


def test_malformed_json_answers_400(api_client, db):
    response = api_client.post(
        "/api/v1/auth/login/", data='{"username": ', content_type="application/json"
    )
    assert_error(response, 400)


def test_a_body_over_64_kib_answers_413(api_client, db):
    body = '{"username": "%s", "password": "x"}' % ("x" * 65 * 1024)
    response = api_client.post("/api/v1/auth/login/", data=body, content_type="application/json")
    assert_error(response, 413, "request_too_large")


def test_a_body_that_is_not_json_answers_415(api_client, db):
    response = api_client.post("/api/v1/auth/login/", data="username=x", content_type="text/plain")
    assert_error(response, 415)


def test_login_needs_the_csrf_token_even_when_signed_out(learner):
    """No other site can sign a learner into an account of its own (login CSRF)."""
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    credentials = {"username": learner.username, "password": PASSWORD}
    refused = client.post("/api/v1/auth/login/", credentials, format="json")
    assert_error(refused, 403)
    token = client.get("/api/v1/auth/me/").cookies["csrftoken"].value
    accepted = client.post(
        "/api/v1/auth/login/", credentials, format="json", HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["authenticated"] is True
