"""Acceptance 4: the final review (15 questions drawn from the bank) opened online is taken
and submitted offline, through a reload; back online, the queued submission reaches the server
once and the result shows. A screen never loaded shows the offline screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from quizzes.models import Attempt
from tests.e2e.app import (
    any_answer,
    current_question,
    go,
    next_question,
    offline_ready,
    screen,
    start_or_resume,
)
from tests.e2e.conftest import problems_of

pytestmark = pytest.mark.e2e


def test_the_final_review_taken_offline_is_graded_once_back_online(course, learner, page_in):
    page = page_in("en", signed_in=learner)
    go(page, "/en/quizzes/final-review/", "quiz")
    offline_ready(page)
    start_or_resume(page)
    page.context.set_offline(True)

    answered = 0
    while True:
        any_answer(page, current_question(page)[1])
        answered += 1
        if answered == 6:
            page.reload()  # offline: the worker serves the screen, IndexedDB the attempt
            screen(page, "quiz")
            # What waits to sync is read back from IndexedDB once the screen shows.
            page.wait_for_function(
                "() => document.getElementById('sync-status').textContent.includes('6')",
                timeout=5000,
            )
            start_or_resume(page)
            assert "6 of 15" in page.inner_text("#question-count")
            # So is the save state, once the question shows; a timed quiz says what counts.
            page.wait_for_function(
                "() => document.getElementById('save-state').textContent"
                ".startsWith('Saved on this device')",
                timeout=5000,
            )
            assert "before time is up" in page.inner_text("#save-state")
        if not next_question(page):
            break
    assert answered == 15
    assert "no answer" not in page.inner_text(".quiz-stage")
    page.click("[data-action=submit]")
    page.wait_for_selector("#waiting")
    page.wait_for_function(
        "() => document.getElementById('sync-status').textContent.includes("
        "'1 quiz waits to be sent for grading. 15 answers are kept')"
    )
    assert Attempt.objects.get(learner=learner).submitted_at is None
    results = Axe().run(page)  # the waiting screen and the offline notice, too
    assert results.violations_count == 0, results.generate_report()

    page.context.set_offline(False)
    page.wait_for_selector(".result", timeout=20000)
    attempt = Attempt.objects.get(learner=learner)  # exactly one
    assert attempt.submitted_at is not None and attempt.score is not None
    assert attempt.responses.exclude(answer=None).count() == 15, "answers were lost"
    assert page.url.endswith(f"?attempt={attempt.pk}")
    page.wait_for_function("() => document.getElementById('sync-status').hidden")

    page.context.set_offline(True)
    page.goto(page.base + "/en/lessons/symptoms/")  # never opened on this device
    screen(page, "lesson")
    assert page.get_attribute("main", "data-screen") == "offline"
    assert page.inner_text("main h1") == "You are offline"
    assert problems_of(page, offline=True) == []
