"""Spaced review in the app (issue 17, acceptance 3): the Review tab shows how many cards are
due; a card answered offline is kept on the phone, says it will be checked once back online,
and reaches the server exactly once when the connection returns, which reschedules the card.
Hints for known wrong answers show in a quiz's result and in a review's feedback."""

import uuid
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from quizzes import services
from quizzes.models import Attempt, Question, Quiz
from review.models import Review, ReviewCard
from tests.e2e.app import go, offline_ready, screen
from tests.e2e.conftest import problems_of

pytestmark = pytest.mark.e2e

HINT = "The nerve specialist the factsheet recommends is a neurologist."


def missed(learner, answers: dict[str, dict]) -> Attempt:
    """A submitted attempt at the last lesson's quiz with these answers (by question key):
    each one missed makes a review card."""
    quiz = Quiz.objects.get(slug="coincidental-causes-quiz")
    attempt, _created = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    body = [{"question": Question.objects.get(key=k).pk, "answer": a} for k, a in answers.items()]
    return services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=body)


def card_of(learner, key: str) -> ReviewCard:
    return ReviewCard.objects.get(learner=learner, question__key=key)


def test_a_known_wrong_answer_shows_its_hint_in_the_result(course, learner, page_in):
    attempt = missed(learner, {"specialist-to-consult": {"text": "urologist"}})
    page = page_in("en", signed_in=learner)
    go(page, f"/en/quizzes/coincidental-causes-quiz/?attempt={attempt.pk}", "quiz")
    question = Question.objects.get(key="specialist-to-consult")
    hint = page.locator(f".feedback[data-question='{question.pk}'] .feedback-hint")
    assert HINT in hint.inner_text(), "the hint for 'urologist' is not shown"
    assert problems_of(page) == []


def test_review_counts_due_cards_and_checks_an_offline_answer_once(course, learner, page_in):
    missed(
        learner,
        {
            "two-pains-prove-one-cause": {"value": True},
            "specialist-to-consult": {"text": "urologist"},
        },
    )
    # Due a few minutes ago (whatever the time of day): the true/false card first.
    now = timezone.now()
    ReviewCard.objects.filter(question__key="two-pains-prove-one-cause").update(
        due_at=now - timedelta(minutes=10)
    )
    ReviewCard.objects.filter(question__key="specialist-to-consult").update(
        due_at=now - timedelta(minutes=5)
    )
    offline_card = card_of(learner, "two-pains-prove-one-cause")

    page = page_in("en", signed_in=learner)
    sent = []  # what reached the server for the card answered offline: (status, body)
    path = f"/api/v1/me/review/{offline_card.question_id}/"
    page.on(
        "response",
        lambda r: sent.append((r.status, r.request.post_data_json)) if path in r.url else None,
    )
    go(page, "/en/", "learn")
    badge = page.locator(".tab[data-tab=review] .tab-badge")
    badge.wait_for()
    assert badge.locator("[aria-hidden]").inner_text() == "2", "the due count is not on the tab"
    assert "2 cards due today" in badge.inner_text()
    offline_ready(page)
    page.click(".tab[data-tab=review]")
    screen(page, "review")
    offline_ready(page)  # this screen and its cards are kept for offline use
    assert page.inner_text("#review-count") == "Card 1 of 2"
    form = page.locator("#review-card")
    assert int(form.get_attribute("data-question")) == offline_card.question_id

    page.context.set_offline(True)
    form.locator("input[value='false']").check()
    page.click("[data-action=check]")
    waiting = page.locator("#review-waiting")
    assert "will be checked when you are back online" in waiting.inner_text()
    page.wait_for_function(
        "() => document.querySelector('.tab[data-tab=review] .tab-badge')?.dataset.count === '1'"
    )
    page.reload()  # offline: the worker's copy of the screen and of the cards
    screen(page, "review")
    assert page.inner_text("#review-count") == "Card 1 of 1", "the answered card came back"
    page.wait_for_function(  # read back from IndexedDB once the screen shows
        "() => document.getElementById('sync-status').textContent"
        ".includes('1 review answer waits to be checked')",
        timeout=5000,
    )
    assert Review.objects.filter(card=offline_card, source="review").count() == 0

    back_online = timezone.now()
    page.context.set_offline(False)
    page.locator("#review-checked .feedback").wait_for(timeout=20000)
    assert [status for status, _body in sent] == [201], f"sent {sent}, not once"
    body = sent[0][1]
    reviews = Review.objects.filter(card=offline_card, source="review")
    assert reviews.count() == 1, "the offline answer did not reach the server exactly once"
    review = reviews.get()
    assert str(review.client_id) == body["client_id"] and review.correct
    answered_at = datetime.fromisoformat(body["answered_at"])
    # Read on the server's clock with the phone's sent_at: later only by the request's travel.
    assert "sent_at" in body
    travel = review.reviewed_at - answered_at
    assert timedelta(0) <= travel < timedelta(seconds=1), f"counted {travel} after it was given"
    assert review.reviewed_at < back_online, "not counted when it was given"
    offline_card.refresh_from_db()
    assert offline_card.reviews_count == 2 and offline_card.due_at > back_online
    assert offline_card.due_at == review.due_after, "the card was not rescheduled"
    page.wait_for_function("() => document.getElementById('sync-status').hidden")

    page.fill("#review-card input", "urologist")
    page.click("[data-action=check]")
    assert HINT in page.inner_text(".review-result .feedback-hint")
    assert "This card comes back on" in page.inner_text("#review-due")
    page.click("[data-action=next]")
    page.locator("#review-next").wait_for()
    assert Review.objects.filter(learner=learner, source="review").count() == 2
    assert problems_of(page, offline=True) == []
