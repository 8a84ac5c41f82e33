"""Instructors see, per question and language, how many review cards exist and how many reviews
in the last 30 days were rated Again (issue 17), for their own learners only."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from quizzes import services
from quizzes.models import Kind
from review.models import ReviewCard
from review.selectors import question_cards, question_forgotten
from review.services import review_answer
from tests.factories import (
    AcceptedAnswerFactory,
    AssignmentFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
)


@pytest.fixture
def forgetting(db):
    """Two learners miss the question, in Spanish and French; the Spanish one misses it again
    in review; another answered it long ago (outside the 30 days)."""
    question = QuestionFactory(kind=Kind.TEXT, prompt="Which muscle?")
    AcceptedAnswerFactory(question=question, synonyms="piriformis")
    quiz = QuizFactory(questions=[question])
    learners = {"es": UserFactory(), "fr": UserFactory()}
    for language, learner in learners.items():
        attempt, _ = services.attempt_start(
            learner=learner, quiz=quiz, client_id=uuid.uuid4(), language=language
        )
        services.attempt_submit(
            learner=learner,
            attempt_id=attempt.pk,
            answers=[{"question": question.pk, "answer": {"text": "gluteus"}}],
        )
    review_answer(
        learner=learners["es"],
        question_id=question.pk,
        answer={"text": "hamstring"},
        client_id=uuid.uuid4(),
        language="es",
    )
    old = UserFactory()
    with time_machine.travel(timezone.now() - timedelta(days=60), tick=False):
        attempt, _ = services.attempt_start(learner=old, quiz=quiz, client_id=uuid.uuid4())
        services.attempt_submit(
            learner=old,
            attempt_id=attempt.pk,
            answers=[{"question": question.pk, "answer": {"text": "gluteus"}}],
        )
    return quiz, question, learners


def test_cards_and_forgotten_reviews_per_question_and_language(forgetting):
    quiz, question, learners = forgetting
    everyone = type(learners["es"]).objects.all()
    cards = question_cards(question_ids=[question.pk], learners=everyone)
    assert cards == {(question.pk, ""): 3, (question.pk, "es"): 1, (question.pk, "fr"): 1,
                     (question.pk, "en"): 1}  # fmt: skip
    forgotten = question_forgotten(question_ids=[question.pk], learners=everyone)
    # es: the attempt and the review, both Again; fr: the attempt; the old one is outside.
    assert forgotten == {(question.pk, ""): 3, (question.pk, "es"): 2, (question.pk, "fr"): 1}
    only_french = question_cards(
        question_ids=[question.pk], learners=everyone.filter(pk=learners["fr"].pk)
    )
    assert only_french == {(question.pk, ""): 1, (question.pk, "fr"): 1}
    assert ReviewCard.objects.count() == 3


def test_the_results_page_shows_them(forgetting, client):
    quiz, question, _learners = forgetting
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:quizzes_quiz_results", args=[quiz.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Review cards" in html and "Forgotten, 30 days" in html


def test_an_assignments_page_counts_the_cards_of_its_learners_only(forgetting, client):
    """The third outside sweep found every learner's cards on an assignment's page."""
    quiz, question, _learners = forgetting
    taker = UserFactory()
    assignment = AssignmentFactory(quiz=quiz, learners=[taker])
    attempt, _ = services.attempt_start(
        learner=taker, quiz=quiz, client_id=uuid.uuid4(), assignment=assignment
    )
    services.attempt_submit(
        learner=taker,
        attempt_id=attempt.pk,
        answers=[{"question": question.pk, "answer": {"text": "gluteus"}}],
    )
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:quizzes_assignment_results", args=[assignment.pk]))
    every_language = page.context["sections"][0]
    assert every_language["questions"][0]["figures"] == [1, 1], "cards, forgotten: the taker's"
    whole_quiz = client.get(reverse("admin:quizzes_quiz_results", args=[quiz.pk]))
    assert whole_quiz.context["sections"][0]["questions"][0]["figures"] == [4, 4]
