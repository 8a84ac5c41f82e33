"""An attempt is graded in the language it was started in, and in English, whatever language
the submit or a replayed save arrives in: a learner who switches the app's language, or whose
phone replays saves after the switch, keeps the points for what they typed. An answer typed in
the language switched to (the submit's) counts too."""

import io

import pytest
from django.core.management import call_command

from quizzes.models import Attempt, Question
from tests.api import save, start, submit

TRIO = "leg-and-foot-symptom-trio"  # needed: tingling, weakness and numbness
IN_LANGUAGE = {
    "es": ["hormigueo", "debilidad", "entumecimiento"],
    "fr": ["fourmillements", "faiblesse", "engourdissement"],
    "ar": ["الوخز", "الضعف", "الخدر"],
    "en": ["tingling", "weakness", "numbness"],
}


@pytest.fixture
def translated_course(db):
    call_command("loadcontent", stdout=io.StringIO(), stderr=io.StringIO())


def graded_trio(result) -> dict:
    assert result.status_code == 200, result.content[:500]
    question = Question.objects.get(key=TRIO)
    return next(r for r in result.json()["responses"] if r["question"] == question.pk)


@pytest.mark.parametrize(
    ("started_in", "typed_in", "sent_in", "how"),
    [
        ("es", "es", "en", "saved"),
        ("es", "es", "en", "in the submit"),
        ("fr", "fr", "ar", "saved"),
        ("ar", "ar", "fr", "in the submit"),
        ("es", "en", "fr", "saved"),  # English counts in every language
    ],
)
def test_answers_are_graded_in_the_attempts_language_whatever_the_request_says(
    learner_client, translated_course, started_in, typed_in, sent_in, how
):
    attempt = start(learner_client, "symptoms-quiz", query=f"?lang={started_in}").json()
    question = Question.objects.get(key=TRIO)
    answer = {"items": IN_LANGUAGE[typed_in]}
    body = None
    if how == "saved":
        saved = save(learner_client, attempt["id"], question.pk, answer, query=f"?lang={sent_in}")
        assert saved.status_code == 200, saved.content
    else:
        body = {"responses": [{"question": question.pk, "answer": answer}]}

    response = graded_trio(submit(learner_client, attempt["id"], body, query=f"?lang={sent_in}"))

    assert (response["points"], response["correct"]) == (3, True), response["feedback"]
    assert Attempt.objects.get(pk=attempt["id"]).language == started_in


def test_the_request_language_still_chooses_the_words_of_the_result(
    learner_client, translated_course
):
    attempt = start(learner_client, "symptoms-quiz", query="?lang=es").json()
    question = Question.objects.get(key=TRIO)
    body = {"responses": [{"question": question.pk, "answer": {"items": ["hormigueo"]}}]}
    response = graded_trio(submit(learner_client, attempt["id"], body, query="?lang=fr"))
    assert response["points"] == 1
    assert response["lesson_title"] == question.lesson.title_fr


@pytest.mark.parametrize(("started_in", "switched_to"), [("en", "ar"), ("es", "fr"), ("fr", "es")])
def test_an_answer_typed_in_the_language_switched_to_is_graded_in_it(
    learner_client, translated_course, started_in, switched_to
):
    """The app shows the questions in the language the learner switched to mid-quiz: what they
    type in it counts too (the better of the two grades)."""
    attempt = start(learner_client, "symptoms-quiz", query=f"?lang={started_in}").json()
    question = Question.objects.get(key=TRIO)
    answer = {"items": IN_LANGUAGE[switched_to]}
    saved = save(learner_client, attempt["id"], question.pk, answer, query=f"?lang={switched_to}")
    assert saved.status_code == 200, saved.content
    response = graded_trio(
        submit(learner_client, attempt["id"], None, query=f"?lang={switched_to}")
    )
    assert (response["points"], response["correct"]) == (3, True), response["feedback"]


def test_a_wrong_answer_is_wrong_in_either_language(learner_client, translated_course):
    attempt = start(learner_client, "symptoms-quiz", query="?lang=en").json()
    question = Question.objects.get(key=TRIO)
    answer = {"items": ["الوخز", "الضعف", "تشنجات"]}  # cramps: not one of the three
    saved = save(learner_client, attempt["id"], question.pk, answer, query="?lang=ar")
    assert saved.status_code == 200, saved.content
    response = graded_trio(submit(learner_client, attempt["id"], None, query="?lang=ar"))
    assert response["correct"] is False and response["points"] < 3, response["feedback"]
