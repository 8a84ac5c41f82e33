"""What a learner typed reaches a grade whatever goes wrong on the way: a save the server keeps
failing does not hold back the submission; a submission refused for one answer is graded on
the others (once, not in a loop); a second tab resumes the open attempt instead of starting
another; a timed quiz is submitted at its deadline while the learner is on another screen;
signing in through the app replaces the screens kept offline for the signed-out visitor; a
partly placed order is kept on the device (never sent: the server refuses it) through a reload."""

import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from quizzes import services
from quizzes.models import Attempt, Kind, Quiz, Response
from tests.e2e.app import (
    answer,
    answer_refused,
    eventually,
    go,
    next_question,
    offline_ready,
    saved_choice,
    screen,
    sign_in_through_the_app,
    start_or_resume,
)
from tests.e2e.conftest import PASSWORD, problems_of
from tests.factories import AcceptedAnswerFactory, ChoiceFactory, QuestionFactory, QuizFactory

pytestmark = pytest.mark.e2e


def start_and_answer_the_roots(page, quiz, right, learner) -> None:
    """Open the quiz, start it and answer its first question, until the server has it."""
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    answer(page, "single", {"choice": right.pk})
    eventually(page, lambda: Attempt.objects.get(learner=learner).responses.exists(), "not saved")


def answer_both(page, right, truth) -> None:
    answer(page, "single", {"choice": right.pk})
    next_question(page)
    answer(page, "true_false", {"value": True})
    next_question(page)  # to the review


def graded(learner) -> Attempt | None:
    return Attempt.objects.filter(learner=learner, submitted_at__isnull=False).first()


def test_a_save_that_keeps_failing_does_not_hold_back_the_submission(
    two_questions, learner, page_in
):
    quiz, roots, right, truth = two_questions()
    page = page_in("en", signed_in=learner)
    # Saving the first answer always meets a server error; everything else goes through.
    page.route(f"**/responses/{roots.pk}/**", lambda route: route.fulfill(status=500, body="{}"))
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    answer_both(page, right, truth)
    page.click("[data-action=submit]")
    page.wait_for_selector(".result", timeout=15000)
    attempt = graded(learner)
    assert attempt is not None and attempt.score == attempt.max_score == 2.0, (
        "the submission carries the answer whose saves failed"
    )


def test_a_save_that_never_answers_does_not_hold_back_the_others_or_the_submission(
    two_questions, learner, page_in
):
    quiz, roots, right, truth = two_questions()
    page = page_in("en", signed_in=learner)
    page.add_init_script("globalThis.rootwiseRequestTimeout = 1500;")  # 20 s in real life
    # The first answer's saves are sent and never answered: a connection gone quiet, a hung
    # worker. The app gives each up in time; the next answer and the submission still go.
    hung = []
    page.route(f"**/responses/{roots.pk}/**", lambda route: hung.append(route))
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    answer_both(page, right, truth)
    eventually(
        page,
        lambda: Response.objects.filter(attempt__learner=learner, question_id=truth.pk).exists(),
        "the answer after the hung one was never saved",
    )
    page.click("[data-action=submit]")
    page.wait_for_selector(".result", timeout=15000)
    assert hung, "the first answer's save was never sent"
    attempt = graded(learner)
    assert attempt is not None and attempt.score == attempt.max_score == 2.0, (
        "the submission carries the answer whose save hung"
    )


def test_a_submission_refused_for_one_answer_is_graded_on_the_others_once(
    two_questions, learner, page_in
):
    quiz, roots, right, truth = two_questions()
    page = page_in("en", signed_in=learner)
    submits = []

    def refuse_the_first(route):
        body = json.loads(route.request.post_data)
        submits.append(body)
        if len(submits) > 1:
            return route.continue_()
        refusal = {"code": "invalid", "message": "Some answers are not valid; nothing was saved.",
                   "details": {"0": ["The answer has no letters or digits."]}}  # fmt: skip
        return route.fulfill(status=400, content_type="application/json", body=json.dumps(refusal))

    page.route("**/submit/**", refuse_the_first)
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    answer_both(page, right, truth)
    page.click("[data-action=submit]")
    page.wait_for_selector(".result", timeout=15000)
    assert len(submits) == 2, f"submitted {len(submits)} times"
    first_question = submits[0]["responses"][0]["question"]
    assert [r["question"] for r in submits[1]["responses"]] == [
        r["question"] for r in submits[0]["responses"] if r["question"] != first_question
    ], "sent again without the refused answer"
    assert graded(learner) is not None
    assert [p for p in problems_of(page) if "400" not in p] == []  # Chromium logs the 400


def two_tabs_on(quiz, learner, page_in):
    """The quiz's screen in two tabs of one browser, signed in as `learner`."""
    first = page_in("en", signed_in=learner)
    go(first, f"/en/quizzes/{quiz.slug}/", "quiz")
    second = first.context.new_page()
    second.base = first.base
    go(second, f"/en/quizzes/{quiz.slug}/", "quiz")
    return first, second


def test_a_second_tab_resumes_the_open_attempt_instead_of_starting_another(
    two_questions, learner, page_in
):
    quiz, roots, right, truth = two_questions()
    first, second = two_tabs_on(quiz, learner, page_in)
    second.wait_for_selector("#quiz-actions [data-action=start]")  # drawn before any attempt

    start_or_resume(first)
    answer(first, "single", {"choice": right.pk})
    eventually(first, lambda: Attempt.objects.get(learner=learner).responses.exists(), "not saved")
    second.click("#quiz-actions [data-action=start]")
    second.wait_for_selector("fieldset.question")
    assert Attempt.objects.filter(learner=learner).count() == 1, "a second attempt was started"
    eventually(
        second,
        lambda: second.locator(f"fieldset.question input[value='{right.pk}']").is_checked(),
        "the second tab does not show the answer given in the first",
    )


def test_two_tabs_starting_at_the_same_moment_open_one_attempt(two_questions, learner, page_in):
    quiz, roots, right, truth = two_questions()
    first, second = two_tabs_on(quiz, learner, page_in)
    for page in (first, second):
        page.wait_for_selector("#quiz-actions [data-action=start]")
    held = []

    def hold_the_start(route):  # the first tab's start is slow to arrive: both tap meanwhile
        if route.request.method == "POST" and not held:
            held.append(route)
            first.wait_for_timeout(1500)
        route.continue_()

    first.route("**/api/v1/attempts/?*", hold_the_start)
    first.click("#quiz-actions [data-action=start]")
    second.click("#quiz-actions [data-action=start]")
    for page in (first, second):
        page.wait_for_selector("fieldset.question")
    assert Attempt.objects.filter(learner=learner).count() == 1, "two attempts were opened"


def test_a_tab_shown_again_shows_the_answer_changed_in_another_tab(two_questions, learner, page_in):
    """Both tabs on the first question; the learner changes the answer in the second tab and
    comes back to the first, which shows the change (it showed its older copy until reloaded)."""
    quiz, roots, right, truth = two_questions()
    other = roots.choices.exclude(pk=right.pk).get()
    first, second = two_tabs_on(quiz, learner, page_in)
    start_or_resume(first)
    answer(first, "single", {"choice": right.pk})
    eventually(first, lambda: saved_choice(learner, roots) == right.pk, "tab 1 not saved")
    start_or_resume(second)
    answer(second, "single", {"choice": other.pk})
    eventually(second, lambda: saved_choice(learner, roots) == other.pk, "tab 2 not saved")
    first.bring_to_front()
    first.evaluate("document.dispatchEvent(new Event('visibilitychange', {bubbles: true}))")
    radio = first.locator(f"fieldset.question input[value='{other.pk}']")
    eventually(first, radio.is_checked, "tab 1 still shows its older copy")


def test_a_timed_quiz_is_submitted_at_its_deadline_from_another_screen(
    two_questions, learner, page_in
):
    quiz, roots, right, truth = two_questions(time_limit=1)
    page = page_in("en", signed_in=learner)
    start_and_answer_the_roots(page, quiz, right, learner)
    Attempt.objects.filter(learner=learner).update(deadline=timezone.now() + timedelta(seconds=12))
    page.reload()
    screen(page, "quiz")
    start_or_resume(page)  # the app hears the new deadline
    page.click(".tab[data-tab=learn]")
    screen(page, "learn")
    eventually(page, lambda: graded(learner) is not None, "not submitted at the deadline", 30)
    attempt = graded(learner)
    assert not attempt.submitted_late, "submitted by the app in time, yet marked late"
    assert attempt.score == 1.0, "the answer saved before the deadline was not graded"


def test_signing_in_through_the_app_replaces_the_screens_kept_for_the_visitor(
    course, learner, page_in
):
    page = page_in("en")
    go(page, "/en/quizzes/nerve-roots-quiz/", "quiz")
    offline_ready(page)  # the signed-out screen is kept for offline use
    sign_in_through_the_app(page, learner.username, PASSWORD)
    screen(page, "quiz")
    start_or_resume(page)
    page.locator("fieldset.question input").first.fill("L4")
    eventually(page, lambda: Attempt.objects.get(learner=learner).responses.exists(), "not saved")
    offline_ready(page)
    page.context.set_offline(True)
    try:
        page.reload()
        screen(page, "quiz")
        assert page.evaluate("document.body.dataset.user") == str(learner.pk)
        page.wait_for_selector("#quiz-actions [data-action=resume]")
    finally:
        page.context.set_offline(False)
    assert problems_of(page, offline=True) == []


def test_an_answer_the_server_will_not_take_is_marked_on_its_question(
    two_questions, learner, page_in
):
    quiz, roots, right, truth = two_questions()
    page = page_in("en", signed_in=learner)
    answer_refused(page, quiz, roots, right)
    next_question(page)
    page.click(".quiz-nav button:not([type=submit])")  # back: the question says why
    assert "over 50 items" in page.inner_text(f"#refused-{roots.pk}")
    next_question(page)
    answer(page, "true_false", {"value": True})
    next_question(page)
    assert "Not accepted" in page.inner_text(".review-list")
    page.unroute(f"**/responses/{roots.pk}/**")
    page.click("[data-action=submit]")
    page.wait_for_selector(".result", timeout=15000)
    attempt = graded(learner)
    assert attempt.score == 1.0, "the refused answer was left out, the other one graded"
    assert [p for p in problems_of(page) if "400" not in p] == []


def one_text_question_started(learner, page_in):
    """A quiz of one text question (the piriformis), started on a phone: (page, question)."""
    muscle = QuestionFactory(kind=Kind.TEXT, prompt="Which muscle can squeeze the sciatic nerve?")
    AcceptedAnswerFactory(question=muscle, synonyms="piriformis")
    quiz = QuizFactory(slug="one-text", title="One text", questions=[muscle])
    page = page_in("en", signed_in=learner)
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    return page, muscle


def test_an_answer_taken_back_is_not_graded(transactional_db, learner, page_in):
    page, _question = one_text_question_started(learner, page_in)
    answer(page, "text", {"text": "piriformis"})

    def saved():
        responses = Response.objects.filter(attempt__learner=learner)
        return list(responses.values_list("answer", flat=True))

    eventually(page, lambda: saved() == [{"text": "piriformis"}], "the answer was not saved")
    answer(page, "text", {"text": ""})  # the learner takes it back
    eventually(page, lambda: saved() == [None], "taking the answer back never reached the server")
    next_question(page)
    page.click("[data-action=submit]")
    page.wait_for_selector(".result", timeout=15000)
    assert graded(learner).score == 0, "the answer taken back was graded"


def test_a_pasted_nul_character_is_left_out_not_refused_for_ever(
    transactional_db, learner, page_in
):
    page, _question = one_text_question_started(learner, page_in)
    answer(page, "text", {"text": "piri\u0000formis"})  # no database stores a NUL

    def saved():
        responses = Response.objects.filter(attempt__learner=learner)
        return list(responses.values_list("answer", flat=True))

    eventually(page, lambda: saved() == [{"text": "piriformis"}], "the answer was not saved")
    next_question(page)
    page.click("[data-action=submit]")
    page.wait_for_selector(".result", timeout=15000)
    assert graded(learner).score == 1


def test_an_answer_too_long_is_refused_with_its_reason_not_cut_short(
    transactional_db, learner, page_in
):
    page, muscle = one_text_question_started(learner, page_in)
    pasted = "piriformis " + "and so on " * 60  # 611 characters
    answer(page, "text", {"text": pasted})
    assert page.locator("fieldset.question input").input_value() == pasted, "cut short"
    page.wait_for_selector(f"#refused-{muscle.pk}:not([hidden])", timeout=10000)
    assert "500" in page.inner_text(f"#refused-{muscle.pk}")
    assert not Response.objects.filter(attempt__learner=learner).exclude(answer=None).exists()


def test_answering_after_another_tab_submitted_says_so(two_questions, learner, page_in):
    quiz, roots, right, truth = two_questions()
    first = page_in("en", signed_in=learner)
    start_and_answer_the_roots(first, quiz, right, learner)
    second = first.context.new_page()
    second.base = first.base
    go(second, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(second)
    next_question(second)
    next_question(second)  # to the review
    second.click("[data-action=submit]")
    second.wait_for_selector(".result", timeout=15000)

    next_question(first)
    answer(first, "true_false", {"value": True})  # given after the other tab submitted
    first.wait_for_selector("#submitted-elsewhere", timeout=15000)
    first.wait_for_selector(".result")
    assert graded(learner).score == 1.0


def test_the_review_list_shows_answers_given_in_another_tab(two_questions, learner, page_in):
    quiz, roots, right, truth = two_questions()
    first = page_in("en", signed_in=learner)
    go(first, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(first)
    second = first.context.new_page()
    second.base = first.base
    go(second, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(second)  # both tabs show the open attempt, neither has an answer yet

    answer(first, "single", {"choice": right.pk})
    eventually(first, lambda: Attempt.objects.get(learner=learner).responses.exists(), "not saved")
    next_question(second)
    next_question(second)  # to the review, in the tab that did not answer

    states = second.locator(".review-list .meta").all_inner_texts()
    assert states[0] != states[1], f"the first tab's answer is not on the review list: {states}"
    assert "1 question has no answer yet." in second.inner_text("#quiz-body")


def test_answers_reach_the_server_when_the_device_storage_is_full(two_questions, learner, page_in):
    quiz, roots, right, truth = two_questions()
    page = page_in("en", signed_in=learner)
    start_and_answer_the_roots(page, quiz, right, learner)
    # From now on IndexedDB refuses every write, as a phone with its storage full does.
    page.evaluate(
        "() => { IDBObjectStore.prototype.put = function () {"
        " throw new DOMException('The storage is full.', 'QuotaExceededError'); }; }"
    )
    next_question(page)
    answer(page, "true_false", {"value": True})
    eventually(
        page,
        lambda: Attempt.objects.get(learner=learner).responses.count() == 2,
        "an answer the device could not keep never reached the server",
    )
    page.wait_for_function(  # the server has it; the page says so once its answer arrives
        "() => document.getElementById('save-state').textContent.includes('storage is full')",
        timeout=5000,
    )
    next_question(page)
    page.click("[data-action=submit]")
    page.wait_for_selector(".result", timeout=15000)
    assert graded(learner).score == 2.0


def test_a_result_opened_online_opens_offline_on_another_phone(course, learner, page_in):
    quiz = Quiz.objects.get(slug="nerve-roots-quiz")
    attempt, _ = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=[])  # elsewhere
    page = page_in("en", signed_in=learner)
    go(page, f"/en/quizzes/{quiz.slug}/?attempt={attempt.pk}", "quiz")
    page.wait_for_selector(".result")
    offline_ready(page)
    page.context.set_offline(True)
    try:
        page.reload()
        screen(page, "quiz")
        page.wait_for_selector(f".result[data-attempt='{attempt.pk}']")
    finally:
        page.context.set_offline(False)


def test_a_partly_placed_order_is_kept_on_the_device_and_not_sent(
    transactional_db, learner, page_in
):
    steps = QuestionFactory(kind=Kind.ORDER, prompt="From the top down?")
    lumbar, sacral, coccyx = (
        ChoiceFactory(question=steps, text=text, position=position)
        for position, text in enumerate(["Lumbar", "Sacral", "Coccyx"], start=1)
    )
    truth = QuestionFactory(kind=Kind.TRUE_FALSE, prompt="Back pain can be coincidental.")
    quiz = QuizFactory(slug="one-order", title="One order", questions=[steps, truth])
    page = page_in("en", signed_in=learner)
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    answer(page, "order", {"order": [sacral.pk, lumbar.pk]})  # two of three, not in pool order

    def placed():
        return [int(c) for c in page.locator(".order-placed [data-choice]").evaluate_all(
            "(chips) => chips.map((chip) => chip.dataset.choice)")]  # fmt: skip

    next_question(page)
    page.click(".quiz-nav button:not([type=submit])")  # back
    assert placed() == [sacral.pk, lumbar.pk], "lost on going back to the question"
    page.wait_for_timeout(1000)  # past the debounce: whatever goes to the server has gone
    page.reload()
    screen(page, "quiz")
    start_or_resume(page)
    assert placed() == [sacral.pk, lumbar.pk], "the partly placed order was lost on reload"
    assert not Response.objects.filter(attempt__quiz=quiz).exclude(answer=None).exists(), (
        "a partial order reached the server"
    )
    answer(page, "order", {"order": [coccyx.pk]})
    eventually(
        page,
        lambda: (
            list(Response.objects.filter(question=steps).values_list("answer", flat=True))
            == [{"order": [sacral.pk, lumbar.pk, coccyx.pk]}]
        ),
        "the order, once complete, did not reach the server",
    )
    assert problems_of(page) == []
