"""Write paths of the learning app: lesson progress."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from learning.models import LessonProgress
from learning.services import lesson_complete, lesson_seen
from tests.factories import LessonFactory, UserFactory

FIRST = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    """timezone.now() under the test's control: starts at FIRST, `clock.advance()` moves it."""

    class Clock:
        now = FIRST

        def advance(self, **delta) -> None:
            self.now += timedelta(**delta)

    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


@pytest.fixture
def learner(db):
    return UserFactory()


@pytest.fixture
def lesson(db):
    return LessonFactory()


def test_lesson_complete_records_the_completion_time(clock, learner, lesson):
    progress = lesson_complete(learner=learner, lesson=lesson)
    assert progress.completed_at == FIRST, f"completed_at is {progress.completed_at}"


def test_lesson_complete_twice_keeps_one_row(clock, learner, lesson):
    lesson_complete(learner=learner, lesson=lesson)
    clock.advance(hours=1)
    lesson_complete(learner=learner, lesson=lesson)
    rows = LessonProgress.objects.filter(learner=learner, lesson=lesson).count()
    assert rows == 1, f"completing a lesson twice left {rows} progress rows"


def test_lesson_complete_twice_keeps_the_first_completion_time(clock, learner, lesson):
    lesson_complete(learner=learner, lesson=lesson)
    clock.advance(hours=1)
    lesson_complete(learner=learner, lesson=lesson)
    stored = LessonProgress.objects.get(learner=learner, lesson=lesson).completed_at
    assert stored == FIRST, f"second completion moved completed_at from {FIRST} to {stored}"


def test_lesson_complete_again_updates_last_seen(clock, learner, lesson):
    lesson_complete(learner=learner, lesson=lesson)
    clock.advance(hours=1)
    lesson_complete(learner=learner, lesson=lesson)
    stored = LessonProgress.objects.get(learner=learner, lesson=lesson).last_seen_at
    assert stored == FIRST + timedelta(hours=1), f"last_seen_at not moved on: {stored}"


def test_lesson_seen_does_not_mark_the_lesson_completed(learner, lesson):
    progress = lesson_seen(learner=learner, lesson=lesson)
    assert progress.completed_at is None, "merely opening a lesson marked it completed"


def test_lesson_seen_after_completion_keeps_the_completion(clock, learner, lesson):
    lesson_complete(learner=learner, lesson=lesson)
    clock.advance(hours=1)
    lesson_seen(learner=learner, lesson=lesson)
    stored = LessonProgress.objects.get(learner=learner, lesson=lesson).completed_at
    assert stored == FIRST, f"viewing a completed lesson changed completed_at to {stored}"


def test_progress_is_kept_per_learner(learner, lesson):
    other = UserFactory()
    lesson_complete(learner=learner, lesson=lesson)
    assert not LessonProgress.objects.filter(learner=other).exists(), (
        "one learner's completion created progress for another learner"
    )
