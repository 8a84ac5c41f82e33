"""The quiz screen on a phone: sign in, start, answer, reload, submit, read the feedback."""

import pytest
from django.utils import translation

from tests.e2e.conftest import PASSWORD

pytestmark = pytest.mark.e2e


def sign_in(page, language: str, quiz: str) -> None:
    page.goto(f"{page.base}/{language}/login/?next=/{language}/quizzes/{quiz}/")
    page.fill("#id_username", "phone-learner")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/{language}/quizzes/{quiz}/")


def start(page) -> None:
    page.click("#start")
    page.wait_for_selector("fieldset.question")


def test_a_learner_takes_a_quiz_and_reads_the_feedback(course, learner, page_in):
    page = page_in("en")
    sign_in(page, "en", "nerve-roots-quiz")
    start(page)
    assert page.locator("fieldset.question").count() == 7
    page.fill("fieldset[data-kind=set] textarea", "L4/5 and S1")
    page.locator("fieldset[data-kind=true_false] input[value=false]").check()

    page.reload()  # a phone drops the page: what was typed must still be there
    start(page)
    assert page.input_value("fieldset[data-kind=set] textarea") == "L4/5 and S1"
    assert page.locator("fieldset[data-kind=true_false] input[value=false]").is_checked()

    page.click("#questions button[type=submit]")
    page.wait_for_selector("#result h2")
    assert "Score:" in page.inner_text("#result")
    feedback = page.inner_text("fieldset[data-kind=set] .feedback")
    assert "Correct." in feedback and "(lesson:" not in feedback, feedback
    link = page.locator("fieldset[data-kind=set] .feedback a")
    assert link.inner_text() == "Three nerve roots and your feet"
    assert link.get_attribute("href") == "/en/lessons/nerve-roots/"
    assert page.problems == [], page.problems


def test_the_arabic_quiz_screen_is_right_to_left_and_speaks_arabic(course, learner, page_in):
    page = page_in("ar")
    sign_in(page, "ar", "coincidental-causes-quiz")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    start(page)
    legend = page.inner_text("fieldset.question legend >> nth=0")
    assert "Question" not in legend and "1" in legend, legend  # from the Arabic JS catalog
    page.fill(
        "fieldset[data-kind=set] textarea",
        "شوكة العقب، التهاب الوتر، التهاب اللفافة الأخمصية وألم مشط القدم",
    )
    page.click("#questions button[type=submit]")
    page.wait_for_selector("#result h2")
    feedback = page.inner_text("fieldset[data-kind=set] .feedback")
    with translation.override("ar"):
        assert translation.gettext("Correct.") in feedback, feedback
    set_points = page.evaluate(
        """async () => {
            const list = await (await fetch('/api/v1/attempts/')).json();
            const url = `/api/v1/attempts/${list.results[0].id}/`;
            const attempt = await (await fetch(url)).json();
            return attempt.responses.find(r => r.answer && r.answer.items).points;
        }"""
    )
    assert set_points == 4, f"the native Arabic answer earned {set_points} of 4"
    assert page.problems == [], page.problems


def test_signed_out_learners_are_sent_to_sign_in(course, page_in):
    page = page_in("fr")
    page.goto(f"{page.base}/fr/quizzes/nerve-roots-quiz/")
    assert page.locator("#start").count() == 0
    page.click("main a[href*='/fr/login/']")
    page.wait_for_url("**/fr/login/**")
    assert page.get_attribute("html", "lang") == "fr"
