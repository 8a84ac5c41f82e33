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
