"""One learner, one open attempt, two phones: each phone shows and submits the latest answers
the server has, never its own older copy of them (the third outside sweep found a phone that
resumed its stale copy and whose submission replaced the answer given on the other)."""

import pytest

from quizzes.models import Attempt
from tests.e2e.app import (
    answer,
    answer_refused,
    eventually,
    go,
    js_text,
    next_question,
    saved_choice,
    start_or_resume,
)

pytestmark = pytest.mark.e2e


def answered_on_two_phones(two_questions, learner, page_in):
    """Phone 1 answers the first question; phone 2 resumes and changes that answer."""
    quiz, roots, right, truth = two_questions()
    other = roots.choices.exclude(pk=right.pk).get()
    first, second = page_in("en", signed_in=learner), page_in("en", signed_in=learner)
    go(first, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(first)
    answer(first, "single", {"choice": right.pk})
    eventually(first, lambda: saved_choice(learner, roots) == right.pk, "phone 1 not saved")
    go(second, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(second)
    answer(second, "single", {"choice": other.pk})
    eventually(second, lambda: saved_choice(learner, roots) == other.pk, "phone 2 not saved")
    return quiz, roots, truth, other, first


def graded_choice(learner, question) -> int:
    attempt = Attempt.objects.get(learner=learner, submitted_at__isnull=False)
    return attempt.responses.get(question=question).answer["choice"]


def answer_the_second_and_submit(phone) -> None:
    """On to the quiz's true/false question, answer it, and submit from the review."""
    next_question(phone)
    answer(phone, "true_false", {"value": True})
    next_question(phone)
    phone.click("[data-action=submit]")
    phone.wait_for_selector(".result", timeout=15000)


def test_a_phone_resuming_its_copy_shows_the_answer_saved_on_the_other(
    two_questions, learner, page_in
):
    quiz, roots, truth, other, first = answered_on_two_phones(two_questions, learner, page_in)
    go(first, f"/en/quizzes/{quiz.slug}/", "quiz")  # phone 1 opens the quiz again
    start_or_resume(first)
    radio = first.locator(f"fieldset.question input[value='{other.pk}']")
    eventually(first, radio.is_checked, "phone 1 shows its own older answer")
    answer_the_second_and_submit(first)
    assert graded_choice(learner, roots) == other.pk
    assert Attempt.objects.get(learner=learner).responses.get(question=truth).points == 1


def test_a_phone_that_never_looked_again_submits_without_replacing_the_newer_answer(
    two_questions, learner, page_in
):
    quiz, roots, truth, other, first = answered_on_two_phones(two_questions, learner, page_in)
    answer_the_second_and_submit(first)  # phone 1 still shows its own answer to the first
    assert graded_choice(learner, roots) == other.pk, "the older copy replaced the newer answer"
    attempt = Attempt.objects.get(learner=learner)
    assert attempt.responses.get(question=truth).answer == {"value": True}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_answer_the_server_keeps_refusing_for_now_says_it_waits_on_the_device(
    two_questions, learner, page_in, language
):
    """Not "Saving…" for ever: the learner reads where the answer is while the server fails."""
    quiz, roots, right, truth = two_questions()
    page = page_in(language, signed_in=learner)
    page.route("**/responses/**", lambda route: route.fulfill(status=500, body="{}"))
    go(page, f"/{language}/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    answer(page, "single", {"choice": right.pk})
    waits = js_text(
        language, "Saved on this device. The server did not take it yet; the app keeps trying."
    )
    page.wait_for_function(
        "text => document.getElementById('save-state').textContent === text", arg=waits
    )


def test_an_answer_the_server_refused_is_still_there_after_a_reload(
    two_questions, learner, page_in
):
    """Resuming takes the server's saved answers, but keeps what it refused: the learner
    still sees the answer and why it was not taken."""
    quiz, roots, right, truth = two_questions()
    page = page_in("en", signed_in=learner)
    answer_refused(page, quiz, roots, right)
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    assert page.locator(f"fieldset.question input[value='{right.pk}']").is_checked()
    assert "over 50 items" in page.inner_text(f"#refused-{roots.pk}")


def test_when_the_whole_server_fails_the_answer_says_it_waits_on_the_device(
    two_questions, learner, page_in
):
    quiz, roots, right, truth = two_questions()
    page = page_in("en", signed_in=learner)
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    page.route("**/api/v1/**", lambda route: route.fulfill(status=503, body="{}"))
    page.evaluate("() => window.dispatchEvent(new Event('online'))")  # the next run asks /me
    answer(page, "single", {"choice": right.pk})
    waits = js_text(
        "en", "Saved on this device. The server did not take it yet; the app keeps trying."
    )
    page.wait_for_function(
        "text => document.getElementById('save-state').textContent === text", arg=waits
    )


def test_an_older_answer_sent_late_from_an_offline_phone_does_not_replace_the_newer_one(
    two_questions, learner, page_in
):
    """Phone 1 answers offline; phone 2 answers later and saves it; phone 1 comes back online
    and sends its older copy last: the answer typed later stands, on the server and on both
    screens, and is the one graded (the fourth sweep's probe lost it this way)."""
    quiz, roots, right, truth = two_questions()
    other = roots.choices.exclude(pk=right.pk).get()
    first, second = page_in("en", signed_in=learner), page_in("en", signed_in=learner)
    go(first, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(first)
    first.context.set_offline(True)
    answer(first, "single", {"choice": other.pk})  # typed first, kept on phone 1
    first.wait_for_timeout(1000)
    go(second, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(second)
    answer(second, "single", {"choice": right.pk})  # typed later, saved
    eventually(second, lambda: saved_choice(learner, roots) == right.pk, "phone 2 not saved")
    first.context.set_offline(False)
    first.evaluate("window.dispatchEvent(new Event('online'))")
    radio = first.locator(f"fieldset.question input[value='{right.pk}']")
    eventually(first, radio.is_checked, "phone 1 still shows its older answer")
    assert saved_choice(learner, roots) == right.pk, "the older copy replaced the newer answer"
    answer_the_second_and_submit(first)
    assert graded_choice(learner, roots) == right.pk


# A phone whose clock runs an hour behind (never set, or reset when its battery ran out).
CLOCK_AN_HOUR_BEHIND = """
(() => {
  const skew = -3600 * 1000;
  const RealDate = Date;
  class DeviceDate extends RealDate {
    constructor(...args) { if (args.length) super(...args); else super(RealDate.now() + skew); }
    static now() { return RealDate.now() + skew; }
  }
  globalThis.Date = DeviceDate;
})();
"""


@pytest.mark.parametrize("back", ["online", "reopened"])
def test_an_answer_typed_last_on_a_phone_whose_clock_is_behind_stands(
    two_questions, learner, page_in, back
):
    """Phone 2 answers and saves; then phone 1, whose clock is an hour behind, answers offline.
    Phone 1's answer was typed last: it stands when phone 1 comes back online, or opens the quiz
    again, and is graded (by the clocks alone it looked an hour older and was dropped)."""
    quiz, roots, right, truth = two_questions()
    other = roots.choices.exclude(pk=right.pk).get()
    first, second = page_in("en", signed_in=learner), page_in("en", signed_in=learner)
    first.context.add_init_script(CLOCK_AN_HOUR_BEHIND)
    go(first, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(first)
    go(second, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(second)
    answer(second, "single", {"choice": other.pk})
    eventually(second, lambda: saved_choice(learner, roots) == other.pk, "phone 2 not saved")
    first.context.set_offline(True)
    answer(first, "single", {"choice": right.pk})  # typed last, kept on phone 1
    first.context.set_offline(False)
    if back == "online":
        first.evaluate("window.dispatchEvent(new Event('online'))")
    else:
        go(first, f"/en/quizzes/{quiz.slug}/", "quiz")
        start_or_resume(first)
    eventually(first, lambda: saved_choice(learner, roots) == right.pk, "phone 1's answer lost")
    radio = first.locator(f"fieldset.question input[value='{right.pk}']")
    eventually(first, radio.is_checked, "phone 1 does not show its own answer")
    answer_the_second_and_submit(first)
    assert graded_choice(learner, roots) == right.pk
