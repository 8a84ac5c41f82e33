"""The admin renders: every registered model's list and form, a question of every kind with
its learner's-eye preview, and an attempt holding an answer of every kind."""

import uuid

import pytest
from django.contrib import admin
from django.urls import reverse

from quizzes import services
from quizzes.models import Attempt, Kind, Question
from tests.factories import QuizFactory, UserFactory
from tests.quizzes.answers import right_answer


@pytest.fixture
def staff_client(client, course):
    user = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def admin_url(model, view: str, *args) -> str:
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


@pytest.mark.parametrize(
    "model", list(admin.site._registry), ids=lambda model: model._meta.label_lower
)
def test_every_admin_list_and_add_form_renders(staff_client, model):
    listing = staff_client.get(admin_url(model, "changelist"))
    assert listing.status_code == 200, f"{model._meta.label} list: {listing.status_code}"
    if admin.site._registry[model].has_add_permission(listing.wsgi_request):
        form = staff_client.get(admin_url(model, "add"))
        assert form.status_code == 200, f"{model._meta.label} add form: {form.status_code}"


@pytest.mark.parametrize("kind", Kind.values)
def test_a_question_of_every_kind_renders_with_its_preview(staff_client, kind):
    question = Question.objects.filter(kind=kind).order_by("key").first()
    assert question is not None, f"the pack has no {kind} question"
    page = staff_client.get(admin_url(Question, "change", question.pk))
    assert page.status_code == 200
    html = page.content.decode()
    assert "question-preview" in html, "no learner's-eye preview"
    assert question.prompt.split()[0] in html


@pytest.fixture
def attempt_of_every_kind(course, learner):
    """A submitted attempt at a quiz holding one question of each kind, each answered right."""
    questions = [Question.objects.filter(kind=kind).order_by("key").first() for kind in Kind]
    quiz = QuizFactory(questions=questions)
    attempt, _ = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    answers = [{"question": q.pk, "answer": right_answer(q)} for q in questions]
    return services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=answers)


def test_an_attempt_with_an_answer_of_every_kind_renders(staff_client, attempt_of_every_kind):
    assert attempt_of_every_kind.score == attempt_of_every_kind.max_score, "not all right"
    page = staff_client.get(admin_url(Attempt, "change", attempt_of_every_kind.pk))
    assert page.status_code == 200
    listing = staff_client.get(admin_url(Attempt, "changelist"))
    assert listing.status_code == 200
    assert str(attempt_of_every_kind.learner) in listing.content.decode()
