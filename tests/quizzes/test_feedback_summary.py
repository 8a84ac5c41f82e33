"""The sentence a graded response's feedback is summed up in, in the request's language."""

import pytest
from django.utils import translation

from quizzes.api.serializers import feedback_summary

FEEDBACK = {"right": ["L4", "L5"], "missing": ["S1"], "wrong": ["C1", "C2"]}


@pytest.mark.parametrize(
    ("language", "separator"), [("en", ", "), ("es", ", "), ("fr", ", "), ("ar", "، ")]
)
def test_items_are_listed_with_the_languages_own_comma(language, separator):
    with translation.override(language):
        summary = feedback_summary(FEEDBACK, correct=False)
    assert f"L4{separator}L5" in summary and f"C1{separator}C2" in summary, summary
    if language == "ar":
        assert "L4, L5" not in summary


def test_a_response_with_nothing_right_is_not_partly_right():
    summary = feedback_summary({"right": [], "wrong": ["C1"]}, correct=False)
    assert summary.startswith("Not correct."), summary


@pytest.mark.parametrize("language", ["en", "es", "fr", "ar"])
def test_a_late_answer_and_a_late_change_are_told_apart(language):
    with translation.override(language):
        late = feedback_summary({"right": [], "late": True}, correct=False)
        changed = feedback_summary({"right": ["L4"], "late_change": True}, correct=True)
        on_time = feedback_summary({"right": ["L4"]}, correct=True)
    assert late != changed and not changed.startswith(on_time), (late, changed)
    assert on_time in changed, "the grade of the answer saved in time is still said"
    if language != "en":
        with translation.override("en"):
            english = feedback_summary({"right": ["L4"], "late_change": True}, correct=True)
        assert changed != english, f"not translated into {language}"
