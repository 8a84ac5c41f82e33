"""Assignments in the app (issue 15): an assignment that has not opened is listed but cannot be
started; an open one, opened from the list, starts the attempt for that assignment, shows its
due date and attempts left, and a submission after the due date says it was kept, marked late."""

from datetime import timedelta

import pytest
from django.utils import timezone

from quizzes.models import Assignment, Attempt, Cohort, Quiz
from tests.e2e.app import go, next_question, screen
from tests.e2e.conftest import problems_of

pytestmark = pytest.mark.e2e


def assign(cohort, slug: str, **fields) -> Assignment:
    assignment = Assignment.objects.create(quiz=Quiz.objects.get(slug=slug), **fields)
    assignment.cohorts.add(cohort)
    return assignment


def test_an_upcoming_assignment_cannot_be_started_and_an_open_one_starts_its_attempt(
    course, learner, page_in
):
    cohort = Cohort.objects.create(name="Tuesday group")
    cohort.learners.add(learner)
    now = timezone.now()
    upcoming = assign(cohort, "symptoms-quiz", opens_at=now + timedelta(days=2))
    overdue = assign(
        cohort,
        "central-stenosis-quiz",
        opens_at=now - timedelta(days=3),
        due_at=now - timedelta(hours=1),
        attempt_limit=2,
    )

    page = page_in("en", signed_in=learner)
    go(page, "/en/assignments/", "assignments")
    later = page.locator(f"#assignment-list [data-assignment='{upcoming.pk}']")
    assert "Not open yet" in later.inner_text() and "Opens " in later.inner_text()
    assert later.locator("a").count() == 0, "an assignment not open yet links to its quiz"
    card = page.locator(f"#assignment-list [data-assignment='{overdue.pk}']")
    assert "Not started" in card.inner_text() and "2 attempts left" in card.inner_text()

    go(page, f"/en/quizzes/symptoms-quiz/?assignment={upcoming.pk}", "quiz")
    assert "This assignment opens on" in page.inner_text("#assignment-not-open")
    assert page.locator("#quiz-actions [data-action=start]").count() == 0

    go(page, "/en/assignments/", "assignments")
    card.locator("a").click()
    screen(page, "quiz")
    start = page.locator("#quiz-actions [data-action=start]")
    start.wait_for()
    facts = page.inner_text("#quiz-body .facts")
    assert "Assigned to you, due" in facts and "2 attempts left for this assignment" in facts
    start.click()
    page.wait_for_selector("fieldset.question")
    attempt = Attempt.objects.get(learner=learner)
    assert attempt.assignment_id == overdue.pk, "the attempt is not linked to its assignment"

    while next_question(page):  # nothing answered: submitted as it is
        pass
    page.click("[data-action=submit]")
    page.wait_for_selector(".result")
    assert "kept and marked late" in page.inner_text("#after-due")
    attempt.refresh_from_db()
    assert attempt.after_due and attempt.submitted_at is not None
    assert problems_of(page) == []
