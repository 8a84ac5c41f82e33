"""A refused request is told when it may come back: Retry-After (and the message) is what
the window has left, with the local-memory cache and with Redis, never earlier."""

import math
import time

import pytest
from django.core.cache import caches
from django.test import override_settings
from rest_framework.test import APIClient

from core import throttles
from core.codes import ErrorCode
from tests.api import assert_error
from tests.core.test_resilience import REAL_REDIS, needs_redis

LOCAL_MEMORY = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "throttle-tests",
    }
}
WINDOW = 60


@pytest.mark.parametrize(
    "cache_settings",
    [
        pytest.param(LOCAL_MEMORY, id="local-memory"),
        pytest.param(REAL_REDIS, id="redis", marks=needs_redis),
    ],
)
def test_retry_after_is_what_the_window_has_left(db, monkeypatch, cache_settings):
    monkeypatch.setattr(throttles.LoginRateThrottle, "rate", "2/min", raising=False)
    throttles.local_counter.windows.clear()
    wrong = {"username": "nobody", "password": "not-it"}
    with override_settings(CACHES=cache_settings):
        caches["default"].clear()
        client = APIClient()
        began = time.monotonic()
        for _attempt in range(2):
            assert client.post("/api/v1/auth/login/", wrong, format="json").status_code == 400
        time.sleep(2.2)
        refused = client.post("/api/v1/auth/login/", wrong, format="json")
        elapsed = time.monotonic() - began
        caches["default"].clear()
    error = assert_error(refused, 429, ErrorCode.THROTTLED)
    retry_after = int(refused["Retry-After"])
    assert retry_after <= WINDOW - 2, f"Retry-After {retry_after}: the whole window again"
    assert retry_after >= math.ceil(WINDOW - elapsed) - 1, "Retry-After sends the client early"
    assert str(retry_after) in error["message"], error


@pytest.mark.parametrize(
    "cache_settings",
    [
        pytest.param(LOCAL_MEMORY, id="local-memory"),
        pytest.param(REAL_REDIS, id="redis", marks=needs_redis),
    ],
)
def test_a_class_behind_one_address_signs_in_but_guesses_are_limited(
    db, monkeypatch, cache_settings, django_user_model
):
    """Sign-ins that succeed do not count against the address (a class of 12 behind one
    school address was refused from the 11th); failed ones do, per address and per account
    (from any address)."""
    monkeypatch.setattr(throttles.LoginRateThrottle, "rate", "10/min", raising=False)
    monkeypatch.setattr(throttles.LoginAccountRateThrottle, "rate", "10/min", raising=False)
    throttles.local_counter.windows.clear()
    learners = [
        django_user_model.objects.create_user(f"pupil{n}", password="right-password-1")
        for n in range(12)
    ]
    with override_settings(CACHES=cache_settings):
        caches["default"].clear()
        for learner in learners:
            signed = APIClient().post(
                "/api/v1/auth/login/",
                {"username": learner.username, "password": "right-password-1"},
                format="json",
            )
            assert signed.status_code == 200, (learner.username, signed.status_code)
        wrong = {"username": "pupil0", "password": "guess"}
        answers = [
            APIClient()
            .post("/api/v1/auth/login/", wrong, format="json", REMOTE_ADDR=f"10.0.0.{n}")
            .status_code
            for n in range(1, 13)
        ]
        caches["default"].clear()
    assert answers[:10] == [400] * 10 and answers[10:] == [429, 429], answers
