"""The admin fits a laptop screen: at 1366 × 768 no page scrolls sideways and no table runs
past the edge of the screen, in a left-to-right and a right-to-left language."""

import uuid

import pytest
from django.test import Client

from quizzes import services
from quizzes.models import Kind, Question, Quiz
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def admin_page(browser, live_server, course):
    user = UserFactory(username="laptop-admin", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture
def attempt(course):
    learner = UserFactory(username="laptop-learner")
    quiz = Quiz.objects.get(slug="piriformis-and-neuropathy-quiz")
    started, _ = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    return services.attempt_submit(learner=learner, attempt_id=started.pk, answers=[])


def test_admin_pages_do_not_scroll_sideways_on_a_laptop(admin_page, attempt):
    question = Question.objects.filter(kind=Kind.MATCH).order_by("key").first()
    paths = [
        "/en/admin/quizzes/question/",
        f"/en/admin/quizzes/question/{question.pk}/change/",
        "/en/admin/quizzes/attempt/",
        f"/en/admin/quizzes/attempt/{attempt.pk}/change/",
        f"/en/admin/quizzes/quiz/{attempt.quiz_id}/results/",
        f"/en/admin/quizzes/quiz/{attempt.quiz_id}/preview/?lang=ar",
        "/ar/admin/quizzes/question/",
        f"/ar/admin/quizzes/attempt/{attempt.pk}/change/",
    ]
    for path in paths:
        admin_page.goto(admin_page.base + path)
        assert "Rootwise" in admin_page.title(), path
        overflow = admin_page.evaluate(
            "() => document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0, f"{path} scrolls {overflow}px sideways at 1366 px"
        widest = admin_page.evaluate(
            """() => Math.max(0, ...[...document.querySelectorAll("#content table")].map(
                (table) => table.getBoundingClientRect().right - window.innerWidth))"""
        )
        assert widest <= 0, f"{path}: a table reaches {widest}px past the screen's edge"
