"""Acceptance 2 and 3, never losing an answer: a timed quiz submits what was saved when its
time runs out and grades it; a reload mid-quiz resumes the same attempt with its answers; a
reload after submitting shows the result, never a new attempt."""

from datetime import timedelta

import pytest
from django.utils import timezone

from quizzes import services
from quizzes.models import Attempt, Response
from tests.e2e.app import (
    answer,
    any_answer,
    current_question,
    eventually,
    go,
    next_question,
    screen,
    start_or_resume,
)
from tests.e2e.conftest import problems_of

pytestmark = pytest.mark.e2e


def saved_answers(learner) -> int:
    return Response.objects.filter(attempt__learner=learner, answer__isnull=False).count()


def test_reloads_resume_the_same_attempt_and_then_show_its_result(course, learner, page_in):
    page = page_in("en", signed_in=learner)
    go(page, "/en/quizzes/nerve-roots-quiz/", "quiz")
    start_or_resume(page)
    first, kind = current_question(page)
    assert kind == "set"
    answer(page, "set", {"items": ["L4", "L5"]})
    next_question(page)
    second, kind = current_question(page)
    assert kind == "single"
    choice = page.locator("fieldset.question input").nth(1).get_attribute("value")
    answer(page, "single", {"choice": choice})
    eventually(page, lambda: saved_answers(learner) == 2, "answers were not saved as given")

    page.reload()  # the phone drops the page mid-quiz
    screen(page, "quiz")
    start_or_resume(page)
    assert current_question(page) == (second, "single"), "not back at the question left"
    assert page.locator(f"fieldset.question input[value='{choice}']").is_checked()
    page.click(".quiz-nav button:not([type=submit])")  # previous
    assert page.input_value("fieldset.question input >> nth=0") == "L4"
    assert page.input_value("fieldset.question input >> nth=1") == "L5"
    assert Attempt.objects.filter(learner=learner).count() == 1, "a reload started a new attempt"

    while next_question(page):
        any_answer(page, current_question(page)[1])
    page.click("[data-action=submit]")
    page.wait_for_selector(".result")
    attempt = Attempt.objects.get(learner=learner)
    assert page.url.endswith(f"?attempt={attempt.pk}")

    page.reload()  # after submitting: the result again, not a new attempt
    screen(page, "quiz")
    page.wait_for_selector(".result")
    assert page.get_attribute(".result", "data-attempt") == str(attempt.pk)
    assert page.locator("fieldset.question input").count() == 0, "answers editable after submit"
    go(page, "/en/quizzes/nerve-roots-quiz/", "quiz")
    page.wait_for_selector("#quiz-actions [data-action=start]")
    assert page.locator(f"#quiz-actions a[href='?attempt={attempt.pk}']").count() == 1
    assert Attempt.objects.filter(learner=learner).count() == 1, "a new attempt started by itself"
    assert problems_of(page) == []


@pytest.fixture
def timed_quiz(two_questions):
    """Two questions and a time limit of one minute (the test brings the deadline closer)."""
    quiz, roots, right, _truth = two_questions(time_limit=1)
    return quiz, roots, right


def test_a_timed_quiz_grades_the_answers_saved_before_its_deadline(
    timed_quiz, learner, page_in, monkeypatch
):
    monkeypatch.setattr(services, "GRACE_PERIOD", timedelta(0))  # late is late, at once
    quiz, roots, right = timed_quiz
    page = page_in("en", signed_in=learner)
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    assert "1:00" in page.inner_text(".timer") or "0:5" in page.inner_text(".timer")
    answer(page, "single", {"choice": right.pk})
    eventually(page, lambda: saved_answers(learner) == 1, "the answer was not saved in time")

    # Instead of waiting a minute: the deadline is three seconds away.
    Attempt.objects.filter(learner=learner).update(deadline=timezone.now() + timedelta(seconds=3))
    page.reload()
    screen(page, "quiz")
    start_or_resume(page)
    page.wait_for_selector(".timer.is-warning")
    assert page.is_visible(".quiz-bar + .notice"), "no warning before the deadline"
    page.wait_for_selector(".result", timeout=15000)  # submitted by the app at the deadline

    attempt = Attempt.objects.get(learner=learner)
    assert attempt.submitted_at is not None
    graded = attempt.responses.get(question=roots)
    assert graded.points == 1 and graded.correct, "the answer saved in time was not graded"
    card = page.locator(f".feedback[data-question='{roots.pk}']")
    assert card.get_attribute("data-status") == "right"
    assert problems_of(page) == []
