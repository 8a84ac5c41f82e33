"""The Quizzes, assignments and Progress screens as the server renders them into the app
shell: course order, the count of questions a learner answers, one button to start or resume,
the learner's results, in a fixed number of queries."""

import re
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from learning.models import Lesson
from learning.services import lesson_complete
from quizzes import services
from quizzes.models import Assignment, Cohort, Quiz

QUIZZES_IN_ORDER = [
    "nerve-roots-quiz",
    "disc-herniation-and-stenosis-quiz",
    "central-stenosis-quiz",
    "piriformis-and-neuropathy-quiz",
    "symptoms-quiz",
    "reading-symptom-patterns-quiz",
    "one-patients-account-quiz",
    "coincidental-causes-quiz",
    "final-review",
]


@pytest.fixture
def signed_in(learner) -> Client:
    client = Client()
    client.force_login(learner)
    return client


def take(learner, slug: str, *, submit: bool = True):
    attempt, _created = services.attempt_start(
        learner=learner, quiz=Quiz.objects.get(slug=slug), client_id=uuid.uuid4()
    )
    if submit:
        services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=[])
    return attempt


def test_quizzes_are_listed_in_course_order_with_the_questions_a_learner_answers(course, client):
    html = client.get("/en/quizzes/").content.decode()
    assert re.findall(r'<li class="card" data-quiz="([^"]+)"', html) == QUIZZES_IN_ORDER
    final = html[html.index('data-quiz="final-review"') :]
    assert "15 questions" in final[:600], "the final review draws 15 of its pool"


def test_the_quiz_list_shows_a_learners_best_result(course, learner, signed_in):
    take(learner, "symptoms-quiz")
    html = signed_in.get("/en/quizzes/").content.decode()
    symptoms = html[html.index('data-quiz="symptoms-quiz"') :]
    assert "Best 0%" in symptoms[:800], "no best result beside a quiz taken"


def test_a_visitor_is_asked_to_sign_in_to_take_a_quiz(course, client):
    html = client.get("/en/quizzes/nerve-roots-quiz/").content.decode()
    assert "/en/login/?next=/en/quizzes/nerve-roots-quiz/" in html
    assert 'data-action="start"' not in html


def test_the_quiz_screen_offers_one_button_to_start_resume_or_try_again(course, learner, signed_in):
    url = "/en/quizzes/final-review/"
    html = signed_in.get(url).content.decode()
    assert 'data-action="start"' in html and "Start the quiz" in html
    assert "15 questions" in html and "Pass mark: 70%" in html and "20 minutes" in html
    attempt = take(learner, "final-review", submit=False)
    html = signed_in.get(url).content.decode()
    assert 'data-action="resume"' in html and 'data-action="start"' not in html
    services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=[])
    html = signed_in.get(url).content.decode()
    assert "Try again" in html and f'href="?attempt={attempt.pk}"' in html
    assert "1 of 3 attempts used" in html


def test_no_start_button_once_every_attempt_is_used(course, learner, signed_in):
    for _attempt in range(3):
        take(learner, "final-review")
    html = signed_in.get("/en/quizzes/final-review/").content.decode()
    assert 'data-action="start"' not in html
    assert "You have used every attempt at this quiz." in html


def test_a_quiz_links_back_to_its_lesson(course, client):
    html = client.get("/en/quizzes/symptoms-quiz/").content.decode()
    assert 'href="/en/lessons/symptoms/"' in html


def test_an_unknown_quiz_is_not_found(course, client):
    assert client.get("/en/quizzes/no-such-quiz/").status_code == 404


def test_assignments_show_an_empty_state_until_instructors_assign_quizzes(
    course, signed_in, client
):
    html = signed_in.get("/en/assignments/").content.decode()
    assert "Nothing is assigned to you yet." in html
    assert "/en/login/?next=/en/assignments/" in client.get("/en/assignments/").content.decode()


def assign(learner, slug: str, **dates) -> Assignment:
    cohort, _created = Cohort.objects.get_or_create(name="Tuesday group")
    cohort.learners.add(learner)
    assignment = Assignment.objects.create(quiz=Quiz.objects.get(slug=slug), **dates)
    assignment.cohorts.add(cohort)
    return assignment


def card_of(html: str, assignment: Assignment) -> str:
    start = html.index(f'data-assignment="{assignment.pk}"')
    return html[start : html.index("</li>", start)]


def test_assignments_show_status_dates_attempts_and_best_score(course, learner, signed_in):
    now = timezone.now()
    upcoming = assign(learner, "symptoms-quiz", opens_at=now + timedelta(days=2))
    taken = assign(learner, "final-review", due_at=now + timedelta(days=3), attempt_limit=2)
    services.attempt_submit(
        learner=learner,
        attempt_id=services.attempt_start(
            learner=learner,
            quiz=taken.quiz,
            client_id=uuid.uuid4(),
            assignment=taken,
        )[0].pk,
        answers=[],
    )
    html = signed_in.get("/en/assignments/").content.decode()
    later = card_of(html, upcoming)
    assert "Not open yet" in later and "Opens " in later
    assert "<a " not in later, "an assignment that has not opened links to its quiz"
    assert "You can start it once it opens." in later
    done = card_of(html, taken)
    assert f'href="/en/quizzes/final-review/?assignment={taken.pk}"' in done
    assert "Submitted" in done and "Due " in done and "Best 0%" in done
    assert "1 of 2 attempts used · 1 attempt left" in done


def test_progress_shows_lessons_done_and_quizzes_taken(course, learner, signed_in):
    lesson_complete(learner=learner, lesson=Lesson.objects.get(slug="nerve-roots"))
    take(learner, "nerve-roots-quiz")
    html = signed_in.get("/en/progress/").content.decode()
    lesson = html[html.index('<li data-lesson="nerve-roots">') :]
    assert "Done" in lesson[: lesson.index("</li>")]
    quiz = html[html.index('<li data-quiz="nerve-roots-quiz">') :]
    assert "Best 0%" in quiz[: quiz.index("</li>")]
    assert "1 of 8 lessons done" in html and "1 of 9 quizzes taken" in html


def test_progress_asks_a_visitor_to_sign_in(course, client):
    assert "/en/login/?next=/en/progress/" in client.get("/en/progress/").content.decode()


SCREENS = {
    # path: (queries for a visitor, for a learner: + session and user)
    "/en/quizzes/": (1, 4),  # quizzes; + results
    "/en/quizzes/final-review/": (1, 5),  # quiz; + attempts used, latest attempt
    "/en/assignments/": (0, 3),  # + the assignments (their attempts: one more when any)
    "/en/progress/": (0, 6),  # + done marks, lessons, quizzes, results
}


def test_assignments_run_a_fixed_number_of_queries(
    course, learner, signed_in, django_assert_num_queries
):
    now = timezone.now()
    for slug in ("symptoms-quiz", "final-review", "nerve-roots-quiz"):
        assignment = assign(learner, slug, opens_at=now - timedelta(days=1))
        services.attempt_start(
            learner=learner, quiz=assignment.quiz, client_id=uuid.uuid4(), assignment=assignment
        )
    # session, user, the assignments, their attempts
    with django_assert_num_queries(4):
        assert signed_in.get("/en/assignments/").status_code == 200


@pytest.mark.parametrize("signed", [False, True], ids=["visitor", "learner"])
@pytest.mark.parametrize("path", SCREENS)
def test_quiz_screens_run_a_fixed_number_of_queries(
    course, learner, path, signed, django_assert_num_queries
):
    client = Client()
    if signed:
        client.force_login(learner)
        for slug in ("final-review", "symptoms-quiz", "nerve-roots-quiz"):
            take(learner, slug)
        for lesson in Lesson.objects.all():
            lesson_complete(learner=learner, lesson=lesson)
    with django_assert_num_queries(SCREENS[path][signed]):
        assert client.get(path).status_code == 200
