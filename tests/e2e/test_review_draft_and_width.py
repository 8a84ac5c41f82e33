"""Never losing an answer on the Review tab: one typed but not checked yet is kept on the phone
as it changes and is there again after a reload, online or offline, until it is checked (a
partly placed order too, which is never sent). And
nothing scrolls sideways at 320 px when an answer is one long unbroken word."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from quizzes import services
from quizzes.models import Attempt, Question, Quiz
from review.models import Review, ReviewCard
from tests.e2e.app import eventually, go, offline_ready, screen
from tests.e2e.conftest import problems_of

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}
LONG_WORD = "neuro" + "x" * 110 + "logist"  # 121 letters, no space to wrap at
# What the app keeps on the device (IndexedDB "rootwise", store "kv"), read without changing
# it; the app has opened the database by the time a screen shows.
KEPT = """(key) => new Promise((resolve, reject) => {
  const opening = indexedDB.open("rootwise");
  opening.onerror = () => reject(opening.error);
  opening.onsuccess = () => {
    const db = opening.result;
    const reading = db.transaction("kv").objectStore("kv").get(key);
    reading.onsuccess = () => { db.close(); resolve(reading.result?.value ?? null); };
    reading.onerror = () => { db.close(); reject(reading.error); };
  };
})"""


def submitted(learner, slug: str, answers: dict[str, dict]) -> Attempt:
    """A submitted attempt with these answers (by question key); each one missed makes a card."""
    quiz = Quiz.objects.get(slug=slug)
    attempt, _created = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    body = [{"question": Question.objects.get(key=k).pk, "answer": a} for k, a in answers.items()]
    return services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=body)


def kept_draft(page, learner, question_id: int):
    return page.evaluate(KEPT, f"review-draft:{learner.pk}:{question_id}")


def typed(page) -> str:
    return page.input_value("#review-card input")


def test_a_review_answer_typed_but_not_checked_survives_reloads_until_checked(
    course, learner, page_in
):
    submitted(learner, "coincidental-causes-quiz", {"specialist-to-consult": {"text": "urologist"}})
    due = timezone.now() - timedelta(minutes=10)
    card = ReviewCard.objects.get(learner=learner, question__key="specialist-to-consult")
    ReviewCard.objects.filter(pk=card.pk).update(due_at=due)

    page = page_in("en", signed_in=learner)
    go(page, "/en/review/", "review")
    offline_ready(page)  # the screen and its cards are kept for offline use
    page.fill("#review-card input", "neuro")
    eventually(
        page,
        lambda: (
            (kept_draft(page, learner, card.question_id) or {}).get("answer") == {"text": "neuro"}
        ),
        "the typed answer was not kept on the device as it changed",
    )
    page.reload()  # the phone drops the page before "Check my answer"
    screen(page, "review")
    assert typed(page) == "neuro", "the typed answer was lost on reload"

    page.context.set_offline(True)
    page.reload()  # offline: the worker's copy of the screen and the cards
    screen(page, "review")
    assert typed(page) == "neuro", "the typed answer was lost on reload offline"
    page.fill("#review-card input", "neurologist")  # still typing, offline
    eventually(
        page,
        lambda: (
            (kept_draft(page, learner, card.question_id) or {}).get("answer")
            == {"text": "neurologist"}
        ),
        "the answer typed offline was not kept on the device",
    )
    page.reload()
    screen(page, "review")
    assert typed(page) == "neurologist", "the answer typed offline was lost on reload"

    page.context.set_offline(False)
    page.reload()
    screen(page, "review")
    assert typed(page) == "neurologist", "the answer typed offline was lost back online"
    page.click("[data-action=check]")
    page.locator("#review-due").wait_for()
    assert Review.objects.filter(card=card, source="review").count() == 1
    assert kept_draft(page, learner, card.question_id) is None, "the checked answer stays kept"

    # The card comes back as it was before (same due time): the checked answer is not typed in.
    ReviewCard.objects.filter(pk=card.pk).update(due_at=due)
    page.reload()
    screen(page, "review")
    assert page.inner_text("#review-count") == "Card 1 of 1"
    assert typed(page) == "", "a checked answer came back as a stale draft"
    assert problems_of(page, offline=True) == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_long_unbroken_word_never_scrolls_the_result_sideways(course, learner, page_in, language):
    attempt = submitted(
        learner,
        "nerve-roots-quiz",
        {
            "foot-nerve-roots": {"items": ["L4", LONG_WORD]},  # a set: right, missing, wrong
            "foot-roots-with-which-pain": {"text": LONG_WORD},
        },
    )
    page = page_in(language, signed_in=learner, viewport=NARROW)
    go(page, f"/{language}/quizzes/nerve-roots-quiz/?attempt={attempt.pk}", "quiz")
    page.wait_for_selector(".result")
    answers = page.locator(".feedback [data-row=answer]").all_inner_texts()
    assert any(LONG_WORD in text for text in answers), "the long answer is not on the result"
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"the result is {width} px wide at 320 px"

    # The Review screen shows the same feedback, one card at a time, for the long word.
    ReviewCard.objects.filter(learner=learner, question__key="foot-roots-with-which-pain").update(
        due_at=timezone.now() - timedelta(minutes=10)
    )
    ReviewCard.objects.filter(learner=learner).exclude(
        question__key="foot-roots-with-which-pain"
    ).update(due_at=timezone.now() + timedelta(days=3))
    go(page, f"/{language}/review/", "review")
    page.fill("#review-card input", LONG_WORD)
    page.click("[data-action=check]")
    page.locator(".review-result").wait_for()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"the review's feedback is {width} px wide at 320 px"
    assert problems_of(page) == []


def test_a_partly_placed_order_on_a_review_card_survives_a_reload(course, learner, page_in):
    question = Question.objects.get(key="spine-regions-order")
    backwards = list(question.choices.order_by("-position").values_list("pk", flat=True))
    submitted(learner, "central-stenosis-quiz", {question.key: {"order": backwards}})
    ReviewCard.objects.filter(learner=learner).exclude(question__key="spine-regions-order").delete()
    card = ReviewCard.objects.get(learner=learner)
    ReviewCard.objects.filter(pk=card.pk).update(due_at=timezone.now() - timedelta(minutes=10))
    page = page_in("en", signed_in=learner)
    go(page, "/en/review/", "review")
    pool = page.locator("#review-card .chips button")
    first, second = (
        pool.nth(1).get_attribute("data-choice"),
        pool.nth(0).get_attribute("data-choice"),
    )
    pool.nth(1).click()
    page.locator(f"#review-card .chips button[data-choice='{second}']").click()
    eventually(
        page,
        lambda: (
            (kept_draft(page, learner, card.question_id) or {}).get("partial")
            == {"order": [int(first), int(second)]}
        ),
        "the partly placed order was not kept on the device",
    )
    page.reload()
    screen(page, "review")
    placed = page.locator("#review-card .order-placed [data-choice]").evaluate_all(
        "(chips) => chips.map((chip) => chip.dataset.choice)"
    )
    assert placed == [first, second], "the partly placed order was lost on reload"
    page.click("[data-action=check]")
    assert page.inner_text("#review-card .error") == "Give an answer first."
    assert not Review.objects.filter(card=card, source="review").exists(), "a partial was sent"
    assert problems_of(page) == []
