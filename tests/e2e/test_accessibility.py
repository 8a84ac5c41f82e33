"""axe finds no accessibility violations on the learner's pages, left-to-right and right-to-left."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e

PAGES = [
    ("en", "/en/"),
    ("en", "/en/lessons/nerve-roots/"),
    ("ar", "/ar/lessons/one-patients-account/"),
    ("es", "/es/quizzes/"),
    ("fr", "/fr/quizzes/coincidental-causes-quiz/"),
    ("ar", "/ar/login/"),
]


@pytest.mark.parametrize(("language", "path"), PAGES)
def test_page_has_no_accessibility_violations(course, page_in, language, path):
    page = page_in(language)
    page.goto(page.base + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_started_quiz_has_no_accessibility_violations(course, learner, page_in):
    from tests.e2e.test_quiz_screen import sign_in, start

    page = page_in("ar")
    sign_in(page, "ar", "piriformis-and-neuropathy-quiz")  # order, match and choice questions
    start(page)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
