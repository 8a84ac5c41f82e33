"""Acceptance 5: no screen of the app scrolls sideways on a 320 px phone, in any language, and
axe finds no accessibility violation on any screen in English and Arabic — every question kind,
the review before submitting, the result, assignments (open and not yet open), a review card
and its feedback, open menus and definitions included."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from quizzes.models import Assignment, Cohort, Quiz
from review.models import ReviewCard
from tests.e2e.app import any_answer, current_question, go, next_question, screen
from tests.e2e.conftest import problems_of

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}
AXE_LANGUAGES = ("en", "ar")


class Checker:
    def __init__(self, page, language: str):
        self.page = page
        self.language = language
        self.axe = Axe() if language in AXE_LANGUAGES else None
        self.checked = []

    def __call__(self, where: str, *, axe: bool = True) -> None:
        where = f"{self.language} {where}"
        width, body, viewport = self.page.evaluate(
            "() => [document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]"
        )
        assert max(width, body) <= viewport, f"{where} scrolls sideways: {width}/{body} px"
        if self.axe and axe:
            results = self.axe.run(self.page)
            assert results.violations_count == 0, f"{where}:\n{results.generate_report()}"
        self.checked.append(where)


def visit(page, check, path: str, name: str) -> None:
    go(page, f"/{page.language}/{path}", name)
    check(name)


def assigned(learner) -> None:
    """One assignment not open yet, one open with an attempt limit and a due date."""
    cohort = Cohort.objects.create(name="Tuesday group")
    cohort.learners.add(learner)
    now = timezone.now()
    for slug, opens in (("symptoms-quiz", now + timedelta(days=2)), ("final-review", None)):
        assignment = Assignment.objects.create(
            quiz=Quiz.objects.get(slug=slug),
            opens_at=opens,
            due_at=now + timedelta(days=5),
            attempt_limit=2,
        )
        assignment.cohorts.add(cohort)


def test_no_screen_scrolls_sideways_and_axe_finds_nothing(quiz_with_every_kind, learner, page_in):
    assigned(learner)
    for language in ("en", "ar", "es", "fr"):
        visitor = page_in(language, viewport=NARROW)
        visitor.language = language
        check = Checker(visitor, language)
        visit(visitor, check, "login/", "login")
        visit(visitor, check, "offline/", "offline")
        visit(visitor, check, "quizzes/nerve-roots-quiz/", "quiz")
        visit(visitor, check, "progress/", "progress")

        page = page_in(language, signed_in=learner, viewport=NARROW)
        page.language = language
        check = Checker(page, language)
        visit(page, check, "", "learn")
        page.click("#language-menu summary")
        check("language menu")
        page.click("#account summary")
        check("account menu")
        page.keyboard.press("Escape")
        visit(page, check, "lessons/nerve-roots/", "lesson")
        page.locator(".lesson-body .term-link").first.click()
        check("definition")
        page.keyboard.press("Escape")
        visit(page, check, "quizzes/", "quizzes")
        visit(page, check, "assignments/", "assignments")
        visit(page, check, "review/", "review")
        visit(page, check, "quizzes/nerve-roots-quiz/", "quiz")

        page.click("#quiz-actions [data-action=start]")
        page.wait_for_selector("fieldset.question")
        while True:
            kind = current_question(page)[1]
            check(f"{kind} question", axe=kind in ("order", "match"))
            if kind == "number":
                page.fill("fieldset.question input", "twelve")
                page.wait_for_selector("fieldset.question .error:not([hidden])")
                check("number question, not a number")
            any_answer(page, kind)
            check(f"{kind} question, answered")
            if not next_question(page):
                break
        check("review")
        page.click("[data-action=submit]")
        page.wait_for_selector(".result")
        check("result")
        # The quiz made review cards: due now, the Review tab shows the first one.
        ReviewCard.objects.filter(learner=learner).update(due_at=timezone.now())
        page.click(".tab[data-tab=review]")
        screen(page, "review")
        page.wait_for_selector("#review-card")
        kind = current_question(page)[1]
        check(f"review card ({kind})")
        any_answer(page, kind)
        page.click("[data-action=check]")
        page.wait_for_selector(".review-result")
        check("review feedback")
        page.click(".tab[data-tab=progress]")
        screen(page, "progress")
        check("progress")
        assert problems_of(page) == [] and problems_of(visitor) == [], language
