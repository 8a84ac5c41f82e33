"""Requests Django itself refuses before a view runs (too many parameters, a Host the site does
not serve) answer the API's error shape on /api/ paths, in the request's language; pages keep
Django's own 400."""

import pytest
from django.conf import settings

from core.codes import ErrorCode
from tests.api import assert_error

TOO_MANY = "&".join(f"f{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 100))

API_PATHS = [
    ("get", "/api/v1/courses/"),
    ("get", "/api/v1/quizzes/"),
    ("get", "/api/v1/auth/me/"),
    ("post", "/api/v1/auth/login/"),
    ("post", "/api/v1/attempts/"),
    ("get", "/api/v1/no-such-thing/"),
    ("get", "/api/schema/"),
]


@pytest.mark.parametrize("method, path", API_PATHS)
def test_too_many_query_parameters_answer_the_error_shape(db, api_client, method, path):
    response = getattr(api_client, method)(f"{path}?{TOO_MANY}")
    error = assert_error(response, 400, ErrorCode.BAD_REQUEST)
    assert str(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS) in error["message"], error


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_the_refusal_is_in_the_requests_language(db, api_client, language):
    english = assert_error(api_client.get(f"/api/v1/courses/?{TOO_MANY}"), 400)["message"]
    response = api_client.get(f"/api/v1/courses/?{TOO_MANY}", HTTP_ACCEPT_LANGUAGE=language)
    error = assert_error(response, 400, ErrorCode.BAD_REQUEST)
    assert response["Content-Language"] == language
    assert error["message"] != english, f"not translated into {language}: {error['message']}"


def test_too_many_form_fields_answer_the_error_shape(db, api_client):
    body = TOO_MANY.encode()
    response = api_client.post(
        "/api/v1/auth/login/", data=body, content_type="application/x-www-form-urlencoded"
    )
    assert_error(response, response.status_code)
    assert response.status_code in (400, 415), response.content


@pytest.mark.parametrize("method, path", API_PATHS)
def test_a_host_the_site_does_not_serve_answers_the_error_shape(db, api_client, method, path):
    response = getattr(api_client, method)(path, HTTP_HOST="evil.example")
    assert_error(response, 400, ErrorCode.BAD_REQUEST)


@pytest.mark.parametrize("path", ["/en/", "/healthz"])
def test_pages_keep_djangos_bad_request(db, client, path):
    response = client.get(f"{path}?{TOO_MANY}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html"), response["Content-Type"]


def test_too_many_query_parameters_answer_the_error_shape_with_debug_on(db, api_client, settings):
    """Django's technical 400 page reads the parameters again and fails with a 500."""
    settings.DEBUG = True
    response = api_client.get(f"/api/v1/courses/?{TOO_MANY}")
    assert_error(response, 400, ErrorCode.BAD_REQUEST)


# PostgreSQL stores no NUL in text: a query string holding one reached a search or filter and
# failed there with a 500 (the admin's autocomplete, `?term=a%00`).
@pytest.mark.parametrize("method, path", API_PATHS)
@pytest.mark.parametrize("query", ["q=a%00", "page=1%00", "a%00=1"])
def test_a_nul_in_the_query_string_answers_the_error_shape(db, api_client, method, path, query):
    response = getattr(api_client, method)(f"{path}?{query}")
    error = assert_error(response, 400, ErrorCode.BAD_REQUEST)
    assert "NUL" in error["message"], error


@pytest.mark.parametrize(
    "path",
    [
        "/en/admin/quizzes/question/?q=a%00",
        "/en/admin/autocomplete/?app_label=quizzes&model_name=assignment&field_name=quiz&term=a%00",
        "/en/?x=%00",
    ],
)
def test_a_nul_in_a_pages_query_string_is_a_bad_request(db, admin_client, path):
    assert admin_client.get(path).status_code == 400
