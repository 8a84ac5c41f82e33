"""Faults degrade, never break: an unreachable cache is a miss (reads still answer 200, sign-in
still works, limits count per process), a database that cannot serve answers 503 in the error
shape, and /readyz tells a load balancer which nodes can serve."""

import logging
import os

import pytest
import redis
from django.core.cache import caches
from django.db import OperationalError
from django.test import override_settings

from core import throttles
from core.cache import ResilientRedisCache, health
from core.codes import ErrorCode
from core.conditional import rendered
from tests.api import assert_error
from tests.factories import PASSWORD

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing listens there
        "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
    }
}
# CI runs its SQLite and PostgreSQL passes at once, each on its own Redis database.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REAL_REDIS = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": TEST_REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}
CONTENT_READS = [
    "/api/v1/lessons/",
    "/api/v1/lessons/nerve-roots/",
    "/api/v1/glossary/",
    "/api/v1/quizzes/",
    "/api/v1/quizzes/final-review/",
]


def redis_answers() -> bool:
    try:
        return redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.exceptions.RedisError:
        return False


needs_redis = pytest.mark.skipif(not redis_answers(), reason=f"needs Redis at {TEST_REDIS_URL}")


@pytest.fixture
def cache_down(caplog):
    caplog.set_level(logging.WARNING, logger="core.cache")
    with override_settings(CACHES=UNREACHABLE_REDIS):
        rendered.clear()
        assert isinstance(caches["default"], ResilientRedisCache)
        yield
    health.down_since = None  # the next test starts with a cache that answers
    rendered.clear()


def test_with_the_cache_down_content_reads_answer_200(course, cache_down, api_client, caplog):
    for path in CONTENT_READS * 2:
        response = api_client.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code}"
    records = caplog.get_records("setup") + caplog.get_records("call")
    warnings = [r for r in records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1, "the outage is logged once, not per request"


def test_with_the_cache_down_learners_sign_in_and_are_still_limited(
    cache_down, api_client, learner, monkeypatch
):
    monkeypatch.setattr(throttles.LoginRateThrottle, "rate", "3/min", raising=False)
    throttles.local_counter.windows.clear()
    login = "/api/v1/auth/login/"
    body = {"username": learner.username, "password": PASSWORD}
    assert api_client.post(login, body, format="json").status_code == 200, "locked out"
    for _attempt in range(3):  # failed sign-ins count (one that succeeds is taken back)
        api_client.post(login, {"username": "x", "password": "y"}, format="json")
    assert_error(api_client.post(login, body, format="json"), 429, ErrorCode.THROTTLED)


def test_readyz_reports_the_cache_down_but_stays_ready(db, cache_down, client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok", "cache": "unavailable"}


@pytest.mark.django_db
def test_readyz_answers_503_when_the_database_does_not(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("core.views.connection.cursor", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_healthz_touches_neither_database_nor_cache(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/healthz").json() == {"status": "ok"}


def test_a_database_that_cannot_serve_answers_503_in_the_error_shape(
    course, api_client, monkeypatch
):
    def refuse(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("learning.api.views.selectors.versions", refuse)
    api_client.raise_request_exception = False
    response = api_client.get("/api/v1/lessons/")
    assert_error(response, 503, ErrorCode.UNAVAILABLE)
    assert response["Retry-After"]


@needs_redis
def test_a_throttle_costs_one_redis_round_trip(monkeypatch, learner):
    sent = []
    original = redis.connection.Connection.send_packed_command

    def counting(self, command, *args, **kwargs):
        sent.append(command)
        return original(self, command, *args, **kwargs)

    with override_settings(CACHES=REAL_REDIS):
        caches["default"].clear()
        throttles.count_hit("warm-up", 60)  # a process loads the script once (SCRIPT LOAD)
        with monkeypatch.context() as patch:
            patch.setattr(redis.connection.Connection, "send_packed_command", counting)
            first = throttles.count_hit("throttle_test_key", 60)
            second = throttles.count_hit("throttle_test_key", 60)
        left = throttles.seconds_left("throttle_test_key", 60)
        caches["default"].clear()
    assert (first, second) == (1, 2)
    assert 0 < left <= 60, "the window runs for its length from its first hit"
    assert len(sent) == 2, f"{len(sent)} round trips for two hits"


@needs_redis
def test_content_reads_through_redis_cost_no_cache_round_trip_once_warm(course, api_client):
    with override_settings(CACHES=REAL_REDIS):
        caches["default"].clear()
        rendered.clear()
        first = api_client.get("/api/v1/lessons/")
        assert first.status_code == 200
        caches["default"].clear()  # even emptied, the process's own copy serves the body
        again = api_client.get("/api/v1/lessons/")
        caches["default"].clear()
    assert again.status_code == 200 and again.content == first.content


@needs_redis
def test_the_cache_builds_one_redis_client_per_connection_pool(monkeypatch):
    built = []
    original = redis.Redis.__init__

    def counting(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    with override_settings(CACHES=REAL_REDIS):
        cache = caches["default"]
        cache.set("warm-up", 1)
        with monkeypatch.context() as patch:
            patch.setattr(redis.Redis, "__init__", counting)
            cache.set("client_test_key", 1)
            values = [cache.get("client_test_key") for _ in range(3)]
            cache.delete("client_test_key")
    assert values == [1, 1, 1]
    assert built == [], f"{len(built)} redis-py clients built for five cache calls"
