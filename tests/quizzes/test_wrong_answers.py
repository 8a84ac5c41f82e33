"""Known wrong answers through the API: a learner who gives one scores nothing for it and reads
its hint in the request's language; it wins over a typo match; entries of one language apply to
that language only."""

import io
import uuid

import pytest
from django.core.management import call_command

from quizzes import services
from quizzes.models import Kind, Question, Quiz
from tests.api import start, submit
from tests.factories import AcceptedAnswerFactory, QuestionFactory, QuizFactory, WrongAnswerFactory


def graded(response, question_id: int) -> dict:
    assert response.status_code == 200, response.content[:500]
    found = [r for r in response.json()["responses"] if r["question"] == question_id]
    assert found, f"question {question_id} is not in the graded attempt"
    return found[0]


@pytest.fixture
def translated_course(db):
    """The factsheet course with its translations (content.po), loaded for this test only: the
    typo test below needs a database without the bank's lexicon."""
    call_command("loadcontent", stdout=io.StringIO(), stderr=io.StringIO())


def test_a_known_wrong_answer_scores_zero_with_its_hint_in_the_request_language(
    learner_client, translated_course
):
    question = Question.objects.get(key="specialist-to-consult")
    wrong = question.wrong_answers.get(key="urologist")
    attempt = start(learner_client, "coincidental-causes-quiz", query="?lang=es").json()
    body = {"responses": [{"question": question.pk, "answer": {"text": "un urólogo"}}]}
    response = graded(submit(learner_client, attempt["id"], body, query="?lang=es"), question.pk)
    assert (response["points"], response["correct"]) == (0, False)
    assert response["feedback"]["hint"] == wrong.hint_es, response["feedback"]
    assert "hint_key" not in response["feedback"], "the wrong answer's key stays on the server"

    path = f"/api/v1/attempts/{attempt['id']}/"
    in_french = graded(learner_client.get(f"{path}?lang=fr"), question.pk)
    assert in_french["feedback"]["hint"] == wrong.hint_fr
    in_english = graded(learner_client.get(path), question.pk)
    assert in_english["feedback"]["hint"] == wrong.hint_en


def test_a_right_answer_carries_no_hint(learner_client, translated_course):
    question = Question.objects.get(key="specialist-to-consult")
    attempt = start(learner_client, "coincidental-causes-quiz").json()
    body = {"responses": [{"question": question.pk, "answer": {"text": "a neurologist"}}]}
    response = graded(submit(learner_client, attempt["id"], body), question.pk)
    assert response["correct"] is True
    assert "hint" not in response["feedback"]


@pytest.fixture
def sciatica_questions(db):
    """Two questions whose key is "sciatica", one knowing "sciatic" as a wrong answer: "sciatic"
    is one edit from the key, a typo the grader forgives where nothing says otherwise."""
    plain = QuestionFactory(kind=Kind.TEXT, prompt="What is the pain along the nerve called?")
    AcceptedAnswerFactory(question=plain, key="sciatica", synonyms="sciatica")
    known = QuestionFactory(kind=Kind.TEXT, prompt="What is the pain along the nerve called?")
    AcceptedAnswerFactory(question=known, key="sciatica", synonyms="sciatica")
    WrongAnswerFactory(
        question=known,
        key="sciatic-nerve",
        spellings="sciatic\nsciatic nerve",
        hint="The sciatic nerve is the nerve; the pain along it is sciatica.",
        hint_es="El nervio ciático es el nervio; el dolor a lo largo de él es la ciática.",
    )
    QuizFactory(slug="sciatica-twice", questions=[plain, known])
    return plain, known


def test_a_known_wrong_answer_wins_over_a_typo_match(learner_client, sciatica_questions):
    plain, known = sciatica_questions
    attempt = start(learner_client, "sciatica-twice").json()
    body = {
        "responses": [
            {"question": plain.pk, "answer": {"text": "sciatic"}},
            {"question": known.pk, "answer": {"text": "sciatic"}},
        ]
    }
    response = submit(learner_client, attempt["id"], body, query="?lang=es")
    forgiven = graded(response, plain.pk)
    assert forgiven["correct"] is True, "without a known wrong answer, the typo is forgiven"
    assert forgiven["feedback"]["typos"] == [{"given": "sciatic", "expected": "sciatica"}]
    assert "hint" not in forgiven["feedback"]
    refused = graded(response, known.pk)
    assert (refused["points"], refused["correct"]) == (0, False), refused["feedback"]
    assert refused["feedback"]["typos"] == []
    assert refused["feedback"]["hint"].startswith("El nervio ciático es el nervio")


def test_a_wrong_answer_of_one_language_applies_to_that_language_only(learner, translated_course):
    """The Spanish-only "traumatólogo" is a known wrong answer in Spanish; in French it is
    just a wrong answer, with no hint."""
    question = Question.objects.get(key="specialist-to-consult")
    quiz = Quiz.objects.get(slug="coincidental-causes-quiz")
    hints = {}
    for language in ("es", "fr"):
        attempt, _created = services.attempt_start(
            learner=learner, quiz=quiz, client_id=uuid.uuid4(), language=language
        )
        answers = [{"question": question.pk, "answer": {"text": "traumatólogo"}}]
        attempt = services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=answers)
        feedback = attempt.responses.get(question=question).feedback
        hints[language] = feedback.get("hint_key")
    assert hints == {"es": "traumatologo", "fr": None}
