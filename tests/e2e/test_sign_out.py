"""Signing out never leaves an answer behind unsaid: what waits to be sent goes to the server
first; what cannot go (offline, a failing server) is named, and the learner chooses to stay
signed in or to sign out with it kept on the device, sent when they sign in again. A sign-out
that fails says so on screen, not only to screen readers."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from quizzes.models import Attempt, Kind, Response
from tests.e2e.app import (
    answer,
    eventually,
    go,
    next_question,
    screen,
    sign_in_on_the_screen,
    sign_in_through_the_app,
    start_or_resume,
)
from tests.e2e.conftest import PASSWORD, problems_of
from tests.factories import ChoiceFactory, QuestionFactory, QuizFactory

pytestmark = pytest.mark.e2e

SIGN_OUT = "#account form[data-action=sign-out]:not([data-anyway]) button"


@pytest.fixture
def roots_and_count(transactional_db):
    """A single choice question, then a number one."""
    roots = QuestionFactory(kind=Kind.SINGLE, prompt="Which roots serve the feet?")
    right = ChoiceFactory(question=roots, text="L4, L5 and S1", correct=True)
    ChoiceFactory(question=roots, text="C1 and C2")
    count = QuestionFactory(kind=Kind.NUMBER, prompt="How many roots serve the feet?")
    count.number_answer = 3
    count.save()
    quiz = QuizFactory(slug="roots-and-count", title="Roots and count", questions=[roots, count])
    return quiz, right, count


def saved(learner) -> dict[int, dict]:
    responses = Response.objects.filter(attempt__learner=learner).exclude(answer=None)
    return dict(responses.values_list("question_id", "answer"))


def answer_the_first_then_type(page, quiz, right, learner, typed: str) -> None:
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    answer(page, "single", {"choice": right.pk})
    eventually(page, lambda: len(saved(learner)) == 1, "the first answer was not saved")
    next_question(page)
    answer(page, "number", {"typed": typed})


def signed_out(page) -> bool:
    return page.evaluate("() => document.body.dataset.user") == ""


@pytest.mark.parametrize("typed", ["3", "٣"])
def test_signing_out_right_after_answering_sends_the_answer_first(
    roots_and_count, learner, page_in, typed
):
    quiz, right, count = roots_and_count
    page = page_in("en", signed_in=learner)
    answer_the_first_then_type(page, quiz, right, learner, typed)
    page.click("#account summary")  # at once, before the answer's save goes out
    page.click(SIGN_OUT)
    page.wait_for_selector("#account a.sign-in", timeout=10000)
    assert saved(learner).get(count.pk) == {"value": 3}, "signed out before the answer was sent"
    assert problems_of(page) == []


def test_answers_that_cannot_be_sent_are_named_and_the_learner_chooses(
    roots_and_count, learner, page_in
):
    quiz, right, count = roots_and_count
    page = page_in("en", signed_in=learner)
    page.route(f"**/responses/{count.pk}/**", lambda route: route.fulfill(status=500, body="{}"))
    answer_the_first_then_type(page, quiz, right, learner, "3")
    page.click("#account summary")
    page.click(SIGN_OUT)
    warning = page.locator("#sign-out-unsent")
    warning.wait_for(timeout=10000)
    assert warning.is_visible() and "1 answer or change has not reached" in warning.inner_text()
    assert not signed_out(page), "signed out without asking"

    page.click("#account [data-action=stay]")
    assert not page.locator("#sign-out-unsent").count(), "the warning stays after staying"
    assert not signed_out(page)

    page.click("#account summary")
    page.click(SIGN_OUT)
    page.locator("#sign-out-unsent").wait_for(timeout=10000)
    page.click("#account form[data-anyway] button")
    page.wait_for_selector("#account a.sign-in", timeout=10000)
    assert count.pk not in saved(learner)

    # Kept on the device: it goes once this learner signs in again.
    page.unroute(f"**/responses/{count.pk}/**")
    sign_in_through_the_app(page, learner.username, PASSWORD)
    screen(page, "quiz")
    eventually(
        page,
        lambda: saved(learner).get(count.pk) == {"value": 3},
        "the answer kept on the device did not reach the server after signing in again",
    )
    assert Attempt.objects.filter(learner=learner).count() == 1
    assert [p for p in problems_of(page) if "500" not in p] == []


@pytest.mark.parametrize(
    "failure, said",
    [("offline", "Signing out needs a connection."), ("server error", "Something went wrong")],
)
def test_a_sign_out_that_fails_says_so_on_screen(course, learner, page_in, failure, said):
    page = page_in("en", signed_in=learner)
    go(page, "/en/quizzes/", "quizzes")
    if failure == "offline":
        page.context.set_offline(True)
    else:
        page.route("**/auth/logout/**", lambda route: route.fulfill(status=500, body="{}"))
    page.click("#account summary")
    page.click(SIGN_OUT)
    problem = page.locator("#sign-out-problem")
    problem.wait_for(timeout=10000)
    assert problem.is_visible() and said in problem.inner_text()
    assert not signed_out(page)
    page.context.set_offline(False)


def test_a_session_that_ended_offers_to_sign_in_again(two_questions, learner, page_in):
    quiz, roots, right, truth = two_questions()
    page = page_in("en", signed_in=learner)
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    Session.objects.all().delete()  # the session expired on the server
    page.click("#quiz-actions [data-action=start]")
    problem = page.locator("#quiz-body .error[role=alert]")
    problem.wait_for(timeout=10000)
    assert "Authentication credentials" not in problem.inner_text()
    assert "Your session on this device has ended." in problem.inner_text()
    page.wait_for_selector("#account a.sign-in")  # the header no longer shows the learner
    assert not page.locator("#account .account-name").count()

    problem.locator("a").click()
    sign_in_on_the_screen(page, learner.username, PASSWORD)
    screen(page, "quiz")
    page.wait_for_selector("#account .account-name")
    start_or_resume(page)
    assert Attempt.objects.filter(learner=learner).count() == 1
    assert [p for p in problems_of(page) if "401" not in p] == []


def test_a_refusal_that_arrives_after_signing_in_again_does_not_sign_out(
    two_questions, learner, page_in
):
    """A request sent while the session had ended may be answered "not signed in" only after
    the learner signed in again: that answer is about the old session, not the new one (CI
    once saw the header lose the learner this way). Without the service worker: once it
    controls the page, it makes the read of me/progress, which the test's route cannot hold."""
    quiz, roots, right, truth = two_questions()
    page = page_in("en", signed_in=learner, service_workers="block")
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    Session.objects.all().delete()
    held = []

    def hold_the_first(route):  # the app's reads when it learns the session ended
        if held:
            route.continue_()
        else:
            held.append(route)

    page.route("**/api/v1/me/**", hold_the_first)
    page.click("#quiz-actions [data-action=start]")
    problem = page.locator("#quiz-body .error[role=alert]")
    problem.wait_for(timeout=10000)
    eventually(page, lambda: held, "the app read nothing of the learner's once signed out")
    problem.locator("a").click()
    sign_in_on_the_screen(page, learner.username, PASSWORD)
    screen(page, "quiz")
    page.wait_for_selector("#account .account-name")
    late = '{"code": "not_authenticated", "message": "Not signed in.", "details": {}}'
    for route in held:
        route.fulfill(status=401, content_type="application/json", body=late)
    page.wait_for_timeout(500)
    assert page.locator("#account .account-name").count() == 1, "the late 401 signed out"


@pytest.mark.parametrize(
    "link, name",
    [
        (".tab[data-tab=progress]", "progress"),
        (".tab[data-tab=review]", "review"),
        ("main a[href$='/assignments/']", "assignments"),
    ],
)
def test_a_screen_opened_after_the_session_ended_offers_to_sign_in(
    course, learner, page_in, link, name
):
    page = page_in("en", signed_in=learner)
    go(page, "/en/quizzes/", "quizzes")
    Session.objects.all().delete()
    page.click(link)
    screen(page, name)
    text = page.inner_text("main")
    assert "Authentication credentials" not in text and "Something went wrong" not in text, text
    assert page.locator("main a[href*='/login/']").count(), f"{name}: no way to sign in"
    assert page.locator("#account a.sign-in").count(), "the header still shows the learner"


def sign_in_elsewhere(page, user) -> None:
    """Another tab of this browser signs in as `user`: the session cookie becomes theirs."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": page.base}]
    )


@pytest.mark.parametrize("then", ["type an answer", "start the quiz"])
def test_answers_typed_after_another_learner_signed_in_elsewhere_stay_this_learners(
    roots_and_count, learner, django_user_model, page_in, then
):
    quiz, right, count = roots_and_count
    other = django_user_model.objects.create_user("other-learner", password=PASSWORD)
    page = page_in("en", signed_in=learner)
    if then == "type an answer":
        go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
        start_or_resume(page)
        answer(page, "single", {"choice": right.pk})
        eventually(page, lambda: len(saved(learner)) == 1, "the first answer was not saved")
        next_question(page)
        sign_in_elsewhere(page, other)
        answer(page, "number", {"typed": "3"})
    else:
        go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
        sign_in_elsewhere(page, other)
        page.click("#quiz-actions [data-action=start]")
    page.wait_for_selector("#account a.sign-in", timeout=10000)  # no longer shown as signed in

    assert not Attempt.objects.filter(learner=other).exists(), "filed under the other learner"
    assert not Response.objects.filter(attempt__learner=other).exists()

    if then == "type an answer":
        sign_in_through_the_app(page, learner.username, PASSWORD)
        eventually(
            page,
            lambda: saved(learner).get(count.pk) == {"value": 3},
            "the answer typed meanwhile did not reach the learner's own attempt",
        )
    assert not Attempt.objects.filter(learner=other).exists()
