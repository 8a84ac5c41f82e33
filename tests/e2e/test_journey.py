"""Acceptance 1, in English and in Arabic: a learner signs in, reads a lesson, marks it done,
takes its quiz answering every kind (one answer right, one partly, one wrong, one with a typo),
reads the result, and finds the lesson and the quiz in their progress."""

import pytest

from learning.models import LessonProgress
from quizzes.models import Attempt, Quiz
from tests.e2e.app import (
    answer,
    current_question,
    eventually,
    go,
    js_text,
    next_question,
    right_answer,
    screen,
    sign_in_through_the_app,
    start_or_resume,
)
from tests.e2e.conftest import PASSWORD, problems_of

pytestmark = pytest.mark.e2e

KINDS = {"single", "multiple", "true_false", "text", "set", "order", "match", "number"}
# (typed, the spelling the result teaches): forgiven typos of the text question's key
TYPOS = {"en": ("lumbaga", "lumbago"), "ar": ("لمباجا", "لمباجو")}
# The usual theory names three roots: a wrong number, typed the way a phone in that language
# types it (a decimal comma; Arabic-Indic digits).
WRONG_NUMBER = {"en": "4,0", "ar": "٤"}


def plan(quiz: Quiz, language: str) -> tuple[dict, dict]:
    """Per question id, the answer to give and the status the result must show."""
    answers, expected = {}, {}
    for question in quiz.questions.all():
        given = right_answer(question, language)
        status = "right"
        if question.kind == "set":
            given, status = {"items": ["L4", "L5"]}, "partly"  # two of the three roots
        elif question.kind == "number":
            given, status = {"typed": WRONG_NUMBER[language]}, "wrong"
        elif question.kind == "text":
            given = {"text": TYPOS[language][0]}
        answers[question.pk], expected[question.pk] = given, status
    return answers, expected


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_learner_reads_marks_done_takes_the_quiz_and_sees_their_progress(
    quiz_with_every_kind, learner, page_in, language
):
    page = page_in(language)
    go(page, f"/{language}/lessons/nerve-roots/", "lesson")
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    sign_in_through_the_app(page, learner.username, PASSWORD)
    screen(page, "lesson")
    assert page.url.endswith(f"/{language}/lessons/nerve-roots/"), "not back at the lesson"
    assert page.inner_text("#account summary") == learner.username

    # A glossary term in the text opens its definition.
    page.locator(".lesson-body .term-link").first.click()
    assert page.locator(".definition:popover-open").count() == 1, "no definition opened"
    page.locator(".definition:popover-open button").click()

    page.click("#complete")
    page.wait_for_selector(".done-note")
    done = LessonProgress.objects.filter(
        learner=learner, lesson__slug="nerve-roots", completed_at__isnull=False
    )
    eventually(page, done.exists, "the lesson marked done did not reach the server")

    page.click("#lesson-actions a[data-kind=quiz]")
    screen(page, "quiz")
    start_or_resume(page)
    answers, expected = plan(quiz_with_every_kind, language)
    kinds = []
    while True:
        question, kind = current_question(page)
        kinds.append(kind)
        count = page.inner_text("#question-count")
        assert str(len(kinds)) in count and str(len(answers)) in count, count
        answer(page, kind, answers[question])
        if not next_question(page):
            break
    assert set(kinds) == KINDS and len(kinds) == len(answers)
    page.click("[data-action=submit]")
    page.wait_for_selector(".result")

    statuses = {
        int(card.get_attribute("data-question")): card.get_attribute("data-status")
        for card in page.locator(".feedback").all()
    }
    assert statuses == expected, statuses
    number = next(q for q in answers if answers[q].get("typed") == WRONG_NUMBER[language])
    expected_number = page.inner_text(f".feedback[data-question='{number}'] [data-row=expected]")
    assert expected_number == "3", f"a wrong number shows the right one: {expected_number!r}"
    typo = next(q for q in answers if answers[q].get("text") == TYPOS[language][0])
    assert TYPOS[language][1] in page.inner_text(f".feedback[data-question='{typo}']")
    link = page.locator(f".feedback[data-question='{typo}'] a")
    assert link.get_attribute("href") == f"/{language}/lessons/nerve-roots/"
    partly, wrong = (
        page.eval_on_selector(
            f".feedback[data-status='{status}']",
            "card => getComputedStyle(card).borderInlineStartColor",
        )
        for status in ("partly", "wrong")
    )
    assert partly != wrong, "partly right looks like wrong"
    assert "%" in page.inner_text(".score") and "70" in page.inner_text(".score-panel")
    attempt = Attempt.objects.get(learner=learner)
    assert attempt.submitted_at is not None and attempt.score is not None
    page.wait_for_function("() => document.getElementById('announcer').textContent !== ''")
    assert js_text(language, "Partly right") in page.inner_text(".result")
    verdict = js_text(language, "Passed" if attempt.passed else "Not passed yet")
    assert page.inner_text("#announcer").startswith(verdict), "the result is not announced"

    page.click(".tab[data-tab=progress]")
    screen(page, "progress")
    assert page.locator("[data-lesson=nerve-roots] .badge.done").count() == 1
    quiz_row = page.inner_text("#progress-quiz-list [data-quiz=nerve-roots-quiz]")
    percent = round(100 * attempt.score / attempt.max_score)
    assert f"{percent}%" in quiz_row.replace("\u202f", "").replace(" ", ""), quiz_row
    assert problems_of(page) == []
