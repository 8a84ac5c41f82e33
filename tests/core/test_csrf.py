"""A write the CSRF check refuses answers 403 in the error shape, its message (DRF's 'CSRF
Failed: …' and Django's reason) in the request's language."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from core.codes import ErrorCode
from tests.api import assert_error

SECRET = "a" * 32
OTHER = "b" * 32

# (case, cookies, extra request options): each gives Django's CSRF check another reason.
CASES = [
    ("no cookie", {}, {}),
    ("no token", {"csrftoken": SECRET}, {}),
    ("a wrong token", {"csrftoken": SECRET}, {"HTTP_X_CSRFTOKEN": OTHER}),
    ("a token of the wrong length", {"csrftoken": SECRET}, {"HTTP_X_CSRFTOKEN": "abc"}),
    ("a token with bad characters", {"csrftoken": SECRET}, {"HTTP_X_CSRFTOKEN": "!" * 32}),
    ("a cookie of the wrong length", {"csrftoken": "abc"}, {"HTTP_X_CSRFTOKEN": SECRET}),
    ("a cookie with bad characters", {"csrftoken": "!" * 32}, {"HTTP_X_CSRFTOKEN": SECRET}),
    (
        "another origin",
        {"csrftoken": SECRET},
        {"HTTP_X_CSRFTOKEN": SECRET, "HTTP_ORIGIN": "https://evil.example"},
    ),
    (
        "https without a Referer",
        {"csrftoken": SECRET},
        {"HTTP_X_CSRFTOKEN": SECRET, "secure": True},
    ),
    (
        "https from another site",
        {"csrftoken": SECRET},
        {"HTTP_X_CSRFTOKEN": SECRET, "secure": True, "HTTP_REFERER": "https://evil.example/"},
    ),
    (
        "https from an insecure page",
        {"csrftoken": SECRET},
        {"HTTP_X_CSRFTOKEN": SECRET, "secure": True, "HTTP_REFERER": "http://testserver/"},
    ),
    (
        "https with a malformed Referer",
        {"csrftoken": SECRET},
        {"HTTP_X_CSRFTOKEN": SECRET, "secure": True, "HTTP_REFERER": "https://"},
    ),
]


def refusal(case_cookies, options, language, *, signed_in_as=None):
    cache.clear()  # the sign-in throttle counts every try
    client = APIClient(enforce_csrf_checks=True)
    if signed_in_as is not None:
        client.force_login(signed_in_as)
    for name, value in case_cookies.items():
        client.cookies[name] = value
    path = "/api/v1/auth/logout/" if signed_in_as else "/api/v1/auth/login/"
    body = {} if signed_in_as else {"username": "nobody", "password": "not-it"}
    response = client.post(path, body, format="json", HTTP_ACCEPT_LANGUAGE=language, **options)
    error = assert_error(response, 403, ErrorCode.PERMISSION_DENIED)
    return error["message"]


@pytest.mark.parametrize("signed_in", [False, True], ids=["signing in", "signed in"])
@pytest.mark.parametrize("case, cookies, options", CASES, ids=[case for case, *_ in CASES])
def test_a_csrf_refusal_is_in_the_requests_language(db, learner, case, cookies, options, signed_in):
    user = learner if signed_in else None
    english = refusal(cookies, options, "en", signed_in_as=user)
    assert english.startswith("CSRF Failed: "), english
    reason = english.removeprefix("CSRF Failed: ")
    for language in ("es", "fr", "ar"):
        message = refusal(cookies, options, language, signed_in_as=user)
        assert not message.startswith("CSRF Failed"), f"{language}: {message}"
        assert reason not in message, f"{case}: the reason is not translated into {language}"
