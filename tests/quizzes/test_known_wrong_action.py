"""From a common wrong answer on a results page, an instructor marks it as a known wrong answer
with a hint (issue 15's second action): later answers get the hint, in the right languages."""

import uuid

import pytest
from django.urls import reverse

from core.errors import DomainError
from quizzes import regrade, services
from quizzes.models import Kind, WrongAnswer
from tests.factories import AcceptedAnswerFactory, QuestionFactory, QuizFactory, UserFactory


@pytest.fixture
def bank(db):
    question = QuestionFactory(kind=Kind.TEXT, prompt="Which specialist tests the nerves?")
    AcceptedAnswerFactory(question=question, synonyms="neurologist")
    return QuizFactory(questions=[question]), question


def grade_one(learner, quiz, question, text: str, language: str) -> dict:
    attempt, _ = services.attempt_start(
        learner=learner, quiz=quiz, client_id=uuid.uuid4(), language=language
    )
    services.attempt_submit(
        learner=learner,
        attempt_id=attempt.pk,
        answers=[{"question": question.pk, "answer": {"text": text}}],
    )
    return attempt.responses.get().feedback


def test_an_instructor_marks_a_common_wrong_answer_from_the_results_page(bank, client):
    quiz, question = bank
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:quizzes_quiz_wrong_answer", args=[quiz.pk, "known-wrong"])
    params = {"question": question.pk, "language": "es", "normalized": "podologo"}
    form = client.get(url, {**params, "shown": "podólogo"})
    assert form.status_code == 200
    done = client.post(url, {**params, "shown": "podólogo", "hint": "El podólogo trata el pie."})
    assert done.status_code == 302, done.content.decode()[:500]
    wrong = WrongAnswer.objects.get(question=question)
    assert (wrong.language, wrong.spellings_es, wrong.hint_es) == (
        "es",
        "podólogo",
        "El podólogo trata el pie.",
    )


def test_a_marked_answer_gives_its_hint_in_its_language_only(bank, learner):
    quiz, question = bank
    regrade.wrong_answer_mark(
        question=question, language="es", text="podólogo", hint="El podólogo trata el pie."
    )
    spanish = grade_one(learner, quiz, question, "podologo", "es")
    assert spanish["hint"] == "El podólogo trata el pie.", spanish
    assert spanish["hint_key"] == "podologo"
    french = grade_one(learner, quiz, question, "podologo", "fr")
    assert "hint" not in french, "a Spanish-only wrong answer gave a hint in French"


def test_an_english_mark_counts_in_every_language(bank, learner):
    quiz, question = bank
    regrade.wrong_answer_mark(
        question=question, language="en", text="urologist", hint="A urologist treats the bladder."
    )
    for language in ("en", "fr"):
        feedback = grade_one(learner, quiz, question, "urologist", language)
        assert feedback.get("hint") == "A urologist treats the bladder.", (language, feedback)


@pytest.mark.parametrize(
    "text, hint", [("neurologist", "no"), ("  ", "a hint"), ("podiatrist", "   ")]
)
def test_a_mark_that_would_contradict_the_key_or_says_nothing_is_refused(bank, text, hint):
    _quiz, question = bank
    with pytest.raises(DomainError):
        regrade.wrong_answer_mark(question=question, language="en", text=text, hint=hint)
    assert not WrongAnswer.objects.exists()


def test_the_same_wrong_answer_cannot_be_marked_twice(bank):
    _quiz, question = bank
    regrade.wrong_answer_mark(question=question, language="en", text="urologist", hint="No.")
    with pytest.raises(DomainError):
        regrade.wrong_answer_mark(question=question, language="en", text="Urologist", hint="No.")


def test_a_real_word_credited_as_a_typo_can_be_marked_and_then_scores_nothing(bank, learner):
    # No lexicon here, so "urologist" is two edits from "neurologist" and forgiven as a typo:
    # marking it is how an instructor stops that.
    quiz, question = bank
    assert grade_one(learner, quiz, question, "urologist", "en")["typos"]
    regrade.wrong_answer_mark(question=question, language="en", text="urologist", hint="No.")
    after = grade_one(learner, quiz, question, "urologist", "en")
    assert (after["typos"], after["hint"]) == ([], "No."), after


def test_a_question_learners_do_not_type_has_no_known_wrong_answers(db):
    question = QuestionFactory(kind=Kind.SINGLE)
    with pytest.raises(DomainError):
        regrade.wrong_answer_mark(question=question, language="en", text="one", hint="No.")
    assert not WrongAnswer.objects.exists()
