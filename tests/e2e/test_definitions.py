"""A term set in bold in a lesson opens its definition in every language: the lesson screen
links the same terms the rule in tests/learning/helpers.py (term_form) finds, lesson by lesson,
so the rule the translation tests hold the catalogs to is the one the learner's phone runs."""

import pytest
from django.utils import translation

from learning.models import Lesson
from tests.e2e.app import go
from tests.learning.helpers import linked_terms, term_form

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", ["en", "es", "fr", "ar"])
def test_the_lesson_screen_links_every_bold_term_the_rule_finds(course, page_in, language):
    page = page_in(language)
    for lesson in Lesson.objects.prefetch_related("glossary_terms"):
        with translation.override(language):
            forms = {term_form(term.term): term.key for term in lesson.glossary_terms.all()}
            expected = linked_terms(lesson.body_html, forms)
        go(page, f"/{language}/lessons/{lesson.slug}/", "lesson")
        targets = page.eval_on_selector_all(
            ".lesson-body .term-link",
            "links => links.map(link => link.getAttribute('popovertarget'))",
        )
        linked = {target.removeprefix("definition-") for target in targets}
        assert linked == expected, f"{language} {lesson.slug}"
        assert expected or lesson.slug == "one-patients-account", f"{lesson.slug} links no term"
