"""What the shell shows is true and usable: no screen drawn in the app shows a placeholder such
as "null" where a part was left out; starting or resuming a quiz moves the focus to the
question, as every later question does."""

import pytest

from tests.e2e.app import eventually, go, screen, start_or_resume
from tests.e2e.conftest import problems_of

pytestmark = pytest.mark.e2e

# Text nodes that are only a JavaScript placeholder, in the page's body.
PLACEHOLDERS = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const text = walker.currentNode.data.trim();
    if (["null", "undefined", "false", "[object Object]"].includes(text)) {
      found.push(`${walker.currentNode.parentElement.tagName}: ${text}`);
    }
  }
  return found;
}"""


def by_tab(page, tab: str, name: str) -> None:
    page.click(f".tab[data-tab={tab}]")
    screen(page, name)


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "learner"])
def test_no_screen_drawn_in_the_app_shows_a_placeholder(course, learner, page_in, signed_in):
    page = page_in("en", signed_in=learner if signed_in else None)
    go(page, "/en/progress/", "progress")  # then every screen is drawn by the app, not served
    seen = {}
    by_tab(page, "learn", "learn")
    seen["learn"] = page.evaluate(PLACEHOLDERS)
    by_tab(page, "quizzes", "quizzes")
    seen["quizzes"] = page.evaluate(PLACEHOLDERS)
    page.click("#quiz-list [data-quiz=nerve-roots-quiz] a")
    screen(page, "quiz")
    page.wait_for_selector("#quiz-actions")
    seen["quiz intro"] = page.evaluate(PLACEHOLDERS)
    page.click("#quiz-actions a[href*='/lessons/']")
    screen(page, "lesson")
    seen["lesson"] = page.evaluate(PLACEHOLDERS)
    by_tab(page, "review", "review")
    seen["review"] = page.evaluate(PLACEHOLDERS)
    by_tab(page, "progress", "progress")
    seen["progress"] = page.evaluate(PLACEHOLDERS)
    assert {name: found for name, found in seen.items() if found} == {}, "placeholders shown"
    assert problems_of(page) == []


@pytest.mark.parametrize("how", ["start", "resume"])
def test_starting_or_resuming_a_quiz_moves_the_focus_to_the_question(
    two_questions, learner, page_in, how
):
    quiz, *_ = two_questions()
    page = page_in("en", signed_in=learner)
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    if how == "resume":
        start_or_resume(page)
        page.reload()
        screen(page, "quiz")
    page.focus(f"#quiz-actions [data-action={how}]")
    page.keyboard.press("Enter")
    page.wait_for_selector("fieldset.question")

    def focused():
        return page.evaluate("() => [document.activeElement.id, document.activeElement.innerText]")

    eventually(
        page,
        lambda: focused() == ["question-count", "Question 1 of 2"],
        f"{how}: the focus is not on the question's heading",
        timeout=3,
    )
