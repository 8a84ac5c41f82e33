"""The Review screen as the server renders it into the app shell (the browser module then shows
the cards): the tab between Quizzes and Progress, how many cards are due or when the next one
is, a visitor asked to sign in, in a fixed number of queries."""

import re
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from quizzes import services
from quizzes.models import Question, Quiz
from review.models import ReviewCard


@pytest.fixture
def signed_in(learner) -> Client:
    client = Client()
    client.force_login(learner)
    return client


WRONG = {
    "specialist-to-consult": {"text": "urologist"},
    "two-pains-prove-one-cause": {"value": True},
}


def miss(learner, *keys: str) -> None:
    """Submit the last lesson's quiz with these questions answered wrong: a card each."""
    quiz = Quiz.objects.get(slug="coincidental-causes-quiz")
    attempt, _created = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    answers = [{"question": Question.objects.get(key=key).pk, "answer": WRONG[key]} for key in keys]
    services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=answers)


def test_review_is_a_tab_between_quizzes_and_progress(course, client):
    html = client.get("/en/review/").content.decode()
    assert re.findall(r'class="tab" href="[^"]+" data-tab="(\w+)"', html) == [
        "learn",
        "quizzes",
        "review",
        "progress",
    ]
    assert 'data-tab="review" aria-current="page"' in html
    assert 'data-screen="review"' in html and "/static/js/review.js" in html


def test_a_visitor_is_asked_to_sign_in(course, client):
    html = client.get("/en/review/").content.decode()
    assert "/en/login/?next=/en/review/" in html


def test_a_learner_without_cards_is_told_where_they_come_from(course, signed_in):
    html = signed_in.get("/en/review/").content.decode()
    assert "Nothing to review yet." in html and 'href="/en/quizzes/"' in html


def test_due_cards_are_counted_and_otherwise_the_next_due_time_shown(course, learner, signed_in):
    miss(learner, "specialist-to-consult")
    ReviewCard.objects.update(due_at=timezone.now() - timedelta(minutes=1))
    assert "1 card is due." in signed_in.get("/en/review/").content.decode()
    ReviewCard.objects.update(due_at=timezone.now() + timedelta(days=3))
    html = signed_in.get("/en/review/").content.decode()
    assert "Nothing to review right now." in html and "Your next card is due on" in html


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_the_review_screen_speaks_the_learners_language(course, signed_in, language):
    html = signed_in.get(f"/{language}/review/").content.decode()
    assert "Nothing to review yet." not in html, f"the {language} screen is in English"


@pytest.mark.parametrize("signed", [False, True], ids=["visitor", "learner"])
def test_the_review_screen_runs_a_fixed_number_of_queries(
    course, learner, signed, django_assert_num_queries
):
    client = Client()
    if signed:
        client.force_login(learner)
        miss(learner, *WRONG)
    # A visitor: none. A learner: session, user, and the cards counted in one query.
    with django_assert_num_queries(3 if signed else 0):
        assert client.get("/en/review/").status_code == 200
