"""What the shell shows is true and usable on a small phone: no screen drawn in the app shows a
placeholder such as "null" where a part was left out; a menu opened at 320 px stays inside the
screen in every language, left to right and right to left; starting or resuming a quiz moves
the focus to the question, as every later question does."""

import pytest

from tests.e2e.app import eventually, go, screen, start_or_resume
from tests.e2e.conftest import problems_of

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}
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


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "learner"])
def test_a_menu_opened_on_a_narrow_phone_stays_on_screen(
    course, learner, page_in, language, signed_in
):
    page = page_in(language, signed_in=learner if signed_in else None, viewport=NARROW)
    go(page, f"/{language}/", "learn")
    menus = ["#language-menu"] + (["#account details.menu"] if signed_in else [])
    for menu in menus:
        page.click(f"{menu} > summary")
        for _moment in range(10):  # the app moves it when the menu has opened
            box = page.locator(f"{menu} .menu-list").bounding_box()
            assert box is not None, f"{menu} did not open"
            left, right = box["x"], box["x"] + box["width"]
            if 0 <= left and right <= NARROW["width"]:
                break
            page.wait_for_timeout(50)
        assert 0 <= left and right <= NARROW["width"], (
            f"{language} {menu} runs off screen: x {left:.0f}…{right:.0f}"
        )
        page.keyboard.press("Escape")


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
    )
