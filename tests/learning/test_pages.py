"""The Learn screens as the server renders them into the app shell: readable without
JavaScript, with the learner's done marks, in a fixed number of queries."""

import re

import pytest
from django.test import Client

from learning.models import Lesson
from learning.services import lesson_complete

LESSONS_IN_ORDER = [
    "nerve-roots",
    "disc-herniation-and-stenosis",
    "central-stenosis",
    "piriformis-and-neuropathy",
    "symptoms",
    "reading-symptom-patterns",
    "one-patients-account",
    "coincidental-causes",
]


@pytest.fixture
def signed_in(learner) -> Client:
    client = Client()
    client.force_login(learner)
    return client


def listed_lessons(html: str) -> list[str]:
    return re.findall(r'<li class="card[^"]*" data-lesson="([^"]+)"', html)


def test_the_learn_screen_lists_the_lessons_in_course_order(course, client):
    html = client.get("/en/").content.decode()
    assert listed_lessons(html) == LESSONS_IN_ORDER, "lessons are not in the course's order"
    assert "<h1>Back and foot pain</h1>" in html, "the course title is not the screen's heading"


def test_the_learn_screen_marks_the_lessons_a_learner_finished(course, learner, signed_in):
    lesson_complete(learner=learner, lesson=Lesson.objects.get(slug="central-stenosis"))
    html = signed_in.get("/en/").content.decode()
    done = re.findall(r'<li class="card is-done" data-lesson="([^"]+)"', html)
    assert done == ["central-stenosis"], f"done marks: {done}"
    assert "1 of 8 lessons done" in html


@pytest.mark.parametrize("signed", [False, True], ids=["visitor", "learner"])
def test_the_learn_screen_runs_a_fixed_number_of_queries(
    course, learner, signed, django_assert_num_queries
):
    client = Client()
    if signed:
        client.force_login(learner)
        for lesson in Lesson.objects.all():
            lesson_complete(learner=learner, lesson=lesson)
    # session and user when signed in, then the course, the lessons and the done marks
    with django_assert_num_queries(5 if signed else 2):
        assert client.get("/en/").status_code == 200


def test_a_lesson_leads_to_its_quiz_and_the_next_lesson(course, client):
    html = client.get("/en/lessons/nerve-roots/").content.decode()
    assert 'href="/en/quizzes/nerve-roots-quiz/"' in html, "no link to the lesson's quiz"
    assert 'href="/en/lessons/disc-herniation-and-stenosis/" rel="next"' in html, "no next"
    assert "Lesson 1 of 8" in html
    assert "It is not medical advice" in html, "the disclaimer is missing"
    assert 'id="term-nerve-root"' in html, "the lesson's glossary is missing"


def test_the_last_lesson_has_no_next_lesson(course, client):
    html = client.get("/en/lessons/coincidental-causes/").content.decode()
    assert 'rel="next"' not in html, "the last lesson offers a next lesson"


def test_a_learner_can_mark_a_lesson_done_and_a_visitor_is_asked_to_sign_in(
    course, learner, signed_in, client
):
    assert 'id="complete"' in signed_in.get("/en/lessons/symptoms/").content.decode()
    assert (
        "/en/login/?next=/en/lessons/symptoms/"
        in client.get("/en/lessons/symptoms/").content.decode()
    )
    lesson_complete(learner=learner, lesson=Lesson.objects.get(slug="symptoms"))
    html = signed_in.get("/en/lessons/symptoms/").content.decode()
    assert 'id="complete"' not in html and "You finished this lesson." in html


@pytest.mark.parametrize("signed", [False, True], ids=["visitor", "learner"])
def test_a_lesson_runs_a_fixed_number_of_queries(
    course, learner, signed, django_assert_num_queries
):
    client = Client()
    if signed:
        client.force_login(learner)
    # lesson (with course), its glossary, the outline, its quiz; + session, user, done marks
    with django_assert_num_queries(7 if signed else 4):
        assert client.get("/en/lessons/central-stenosis/").status_code == 200


def test_an_unpublished_or_unknown_lesson_is_not_found(course, client):
    Lesson.objects.filter(slug="symptoms").update(published=False)
    assert client.get("/en/lessons/symptoms/").status_code == 404
    assert client.get("/en/lessons/no-such-lesson/").status_code == 404
