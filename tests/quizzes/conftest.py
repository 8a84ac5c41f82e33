"""Fixtures of the instructors' side: instructors, their cohorts, a controllable clock."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import InstructorFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    """timezone.now() under the test's control: starts at NOW, `clock.advance()` moves it."""

    class Clock:
        now = NOW

        def advance(self, **delta) -> None:
            self.now += timedelta(**delta)

    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


@pytest.fixture
def instructor(db):
    return InstructorFactory(username="instructor-a")


@pytest.fixture
def other_instructor(db):
    return InstructorFactory(username="instructor-b")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def instructor_client(instructor) -> Client:
    return signed_in(instructor)


@pytest.fixture
def other_instructor_client(other_instructor) -> Client:
    return signed_in(other_instructor)
