"""Accepting a common wrong answer (issue 15, acceptance 3): the answer becomes a synonym in one
language (English: every language), exactly the attempts that gave it are regraded, the audit
holds before and after, undo restores them, the `responses_regraded` hook is sent inside the
transaction, and a submit racing the regrade is neither lost nor graded twice (PostgreSQL)."""

import threading
import time
import uuid

import pytest
from django.db import connections

from core.errors import Conflict, DomainError
from quizzes import regrade, services
from quizzes.models import AcceptedAnswer, AnswerAcceptance, Attempt, Kind, Response
from quizzes.signals import responses_regraded
from tests.factories import (
    AcceptedAnswerFactory,
    CohortFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
    WrongAnswerFactory,
)
from tests.quizzes.conftest import signed_in
from tests.quizzes.test_services import postgres_only

WRONG = "pyriform muscle"


@pytest.fixture
def bank(db):
    """A text question (piriformis) and a set question (three foot conditions), with a quiz
    worth 1 + 3 points, pass mark 80 %."""
    text = QuestionFactory(key="which-muscle", kind=Kind.TEXT, prompt="Which muscle is it?")
    piriformis = AcceptedAnswerFactory(question=text, key="piriformis", synonyms="piriformis")
    conditions = QuestionFactory(
        key="foot-conditions", kind=Kind.SET, points=3, needed=3, prompt="Name three."
    )
    for key, name in (("fasciitis", "plantar fasciitis"), ("spur", "heel spur"), ("gout", "gout")):
        AcceptedAnswerFactory(question=conditions, key=key, synonyms=name)
    quiz = QuizFactory(questions=[text, conditions], pass_mark=80)
    return quiz, text, piriformis, conditions


def take(quiz, language: str, answers: dict, learner=None, submit: bool = True) -> Attempt:
    learner = learner or UserFactory()
    attempt, _ = services.attempt_start(
        learner=learner, quiz=quiz, client_id=uuid.uuid4(), language=language
    )
    body = [{"question": pk, "answer": answer} for pk, answer in answers.items()]
    if not submit:
        for item in body:
            services.response_save(
                learner=learner,
                attempt_id=attempt.pk,
                question_id=item["question"],
                answer=item["answer"],
            )
        return attempt
    return services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=body)


def grades() -> dict[int, tuple]:
    return {
        a.pk: (a.score, a.max_score, a.passed)
        for a in Attempt.objects.filter(submitted_at__isnull=False)
    }


def points(attempt, question) -> tuple:
    response = Response.objects.get(attempt=attempt, question=question)
    return response.points, response.correct


@pytest.fixture
def attempts(bank):
    quiz, text, _piriformis, conditions = bank
    full = {"items": ["plantar fasciitis", "heel spur", "gout"]}
    return {
        "en": take(quiz, "en", {text.pk: {"text": WRONG}, conditions.pk: full}),
        "en-spelled": take(
            quiz, "en", {text.pk: {"text": "Pyriform  Muscle"}, conditions.pk: full}
        ),
        "es": take(quiz, "es", {text.pk: {"text": WRONG}, conditions.pk: full}),
        "fr": take(quiz, "fr", {text.pk: {"text": WRONG}}),
        "other": take(quiz, "es", {text.pk: {"text": "gluteus"}, conditions.pk: full}),
        "right": take(quiz, "es", {text.pk: {"text": "piriformis"}, conditions.pk: full}),
    }


def test_accepting_in_spanish_regrades_exactly_the_spanish_attempts_that_gave_it(
    bank, attempts, instructor
):
    quiz, text, piriformis, _conditions = bank
    before = grades()
    assert before[attempts["es"].pk] == (3.0, 4.0, False)
    acceptance = regrade.wrong_answer_accept(
        question=text,
        language="es",
        normalized="pyriform muscle",
        text=WRONG,
        accepted_answer=piriformis,
        by=instructor,
    )
    after = grades()
    changed = {pk for pk in before if before[pk] != after[pk]}
    assert changed == {attempts["es"].pk}, "only the Spanish attempt that gave it"
    assert after[attempts["es"].pk] == (4.0, 4.0, True), "points, score and pass"
    assert points(attempts["es"], text) == (1.0, True)
    piriformis.refresh_from_db()
    assert piriformis.synonyms_es.splitlines()[-1] == WRONG
    assert piriformis.synonyms_en == "piriformis", "the English key is untouched"

    assert acceptance.accepted_by == instructor and acceptance.language == "es"
    [entry] = acceptance.regraded
    assert entry["attempt"] == attempts["es"].pk
    assert (entry["before"]["points"], entry["after"]["points"]) == (0.0, 1.0)
    assert entry["attempt_before"] == {"score": 3.0, "max_score": 4.0, "passed": False}
    assert entry["attempt_after"] == {"score": 4.0, "max_score": 4.0, "passed": True}


def test_an_english_synonym_regrades_every_language(bank, attempts, instructor):
    quiz, text, piriformis, _conditions = bank
    before = grades()
    acceptance = regrade.wrong_answer_accept(
        question=text,
        language="en",
        normalized="pyriform muscle",
        text=WRONG,
        accepted_answer=piriformis,
        by=instructor,
    )
    regraded = {entry["attempt"] for entry in acceptance.regraded}
    expected = {attempts[k].pk for k in ("en", "en-spelled", "es", "fr")}
    assert regraded == expected, "every language's attempts that gave it, spelled any way"
    after = grades()
    assert {pk for pk in before if before[pk] != after[pk]} == expected
    assert after[attempts["other"].pk] == before[attempts["other"].pk]


def test_undo_removes_the_synonym_and_restores_the_grades(bank, attempts, instructor):
    quiz, text, piriformis, _conditions = bank
    before = grades()
    feedback_before = Response.objects.get(attempt=attempts["es"], question=text).feedback
    acceptance = regrade.wrong_answer_accept(
        question=text,
        language="es",
        normalized="pyriform muscle",
        text=WRONG,
        accepted_answer=piriformis,
        by=instructor,
    )
    regrade.wrong_answer_acceptance_undo(acceptance=acceptance, by=instructor)
    assert grades() == before
    response = Response.objects.get(attempt=attempts["es"], question=text)
    assert (response.points, response.correct, response.feedback) == (0.0, False, feedback_before)
    piriformis.refresh_from_db()
    assert WRONG not in piriformis.synonyms_es.splitlines()
    acceptance.refresh_from_db()
    assert acceptance.undone_by == instructor and acceptance.undone_at is not None
    with pytest.raises(Conflict):
        regrade.wrong_answer_acceptance_undo(acceptance=acceptance, by=instructor)


def accept_as(question, accepted_answer, language, by, text=WRONG):
    return regrade.wrong_answer_accept(
        question=question,
        language=language,
        normalized=text,
        text=text,
        accepted_answer=accepted_answer,
        by=by,
    )


def test_undo_grades_with_the_key_as_it_is_now(bank, attempts, instructor, other_instructor):
    """A accepts it in Spanish, B then in English (which counts in every language), A undoes:
    the Spanish answer stays right, since B's English synonym still credits it."""
    quiz, text, piriformis, _conditions = bank
    spanish = accept_as(text, piriformis, "es", instructor)
    english = accept_as(text, piriformis, "en", other_instructor)
    assert attempts["es"].pk not in {e["attempt"] for e in english.regraded}, "already right"
    regrade.wrong_answer_acceptance_undo(acceptance=spanish, by=instructor)
    assert points(attempts["es"], text) == (1.0, True)
    assert grades()[attempts["es"].pk] == (4.0, 4.0, True)
    regrade.wrong_answer_acceptance_undo(acceptance=english, by=other_instructor)
    assert points(attempts["es"], text) == (0.0, False), "now no key credits it"


def test_accepting_a_known_wrong_answer_is_refused_and_changes_nothing(bank, attempts, instructor):
    """A known wrong answer is matched before any synonym: accepting it would report a regrade
    that credits nothing."""
    quiz, text, piriformis, _conditions = bank
    WrongAnswerFactory(question=text, spellings=WRONG, hint="Not a muscle of the hip.")
    before = grades()
    with pytest.raises(DomainError) as refused:
        accept_as(text, piriformis, "es", instructor)
    assert "known wrong answer" in str(refused.value.message)
    piriformis.refresh_from_db()
    assert WRONG not in (piriformis.synonyms_es or "").splitlines(), "the synonym is rolled back"
    assert grades() == before and not AnswerAcceptance.objects.exists()


def test_a_wrong_item_of_a_set_is_accepted_as_one_item(bank, instructor):
    quiz, _text, _piriformis, conditions = bank
    attempt = take(quiz, "en", {conditions.pk: {"items": ["plantar fasciitis", "bone spur"]}})
    assert points(attempt, conditions) == (1.0, False), "1 right, 1 wrong: 3 × 1 ÷ 3"
    spur = AcceptedAnswer.objects.get(question=conditions, key="spur")
    regrade.wrong_answer_accept(
        question=conditions,
        language="en",
        normalized="bone spur",
        text="bone spur",
        accepted_answer=spur,
        by=instructor,
    )
    assert points(attempt, conditions) == (2.0, False), "2 of 3 items now"


def test_the_review_hook_is_sent_inside_the_transaction(bank, attempts, instructor):
    """Spaced review will receive `responses_regraded`; a receiver that fails undoes it all."""
    quiz, text, piriformis, _conditions = bank
    received = []

    def receiver(sender, responses, acceptance, **kwargs):
        received.append(sorted(r.attempt_id for r in responses))

    responses_regraded.connect(receiver)
    try:
        acceptance = regrade.wrong_answer_accept(
            question=text,
            language="es",
            normalized="pyriform muscle",
            text=WRONG,
            accepted_answer=piriformis,
            by=instructor,
        )
        regrade.wrong_answer_acceptance_undo(acceptance=acceptance, by=instructor)
    finally:
        responses_regraded.disconnect(receiver)
    assert received == [[attempts["es"].pk], [attempts["es"].pk]], "sent on accept and undo"

    def failing(sender, **kwargs):
        raise RuntimeError("review cards could not be updated")

    before = grades()
    responses_regraded.connect(failing)
    try:
        with pytest.raises(RuntimeError):
            regrade.wrong_answer_accept(
                question=text,
                language="es",
                normalized="pyriform muscle",
                text=WRONG,
                accepted_answer=piriformis,
                by=instructor,
            )
    finally:
        responses_regraded.disconnect(failing)
    assert grades() == before
    piriformis.refresh_from_db()
    assert WRONG not in (piriformis.synonyms_es or ""), "the synonym was rolled back too"
    assert AnswerAcceptance.objects.filter(undone_at__isnull=True).count() == 0


def test_learners_see_the_corrected_grade_in_the_app(bank, instructor):
    quiz, text, piriformis, _conditions = bank
    learner = UserFactory()
    attempt = take(quiz, "en", {text.pk: {"text": WRONG}}, learner=learner)
    regrade.wrong_answer_accept(
        question=text,
        language="en",
        normalized="pyriform muscle",
        text=WRONG,
        accepted_answer=piriformis,
        by=instructor,
    )
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_login(learner)
    body = client.get(f"/api/v1/attempts/{attempt.pk}/").json()
    graded = {r["question"]: r for r in body["responses"]}
    assert graded[text.pk]["correct"] is True and body["score"] == 1.0
    progress = client.get("/api/v1/me/progress/").json()["quizzes"]
    assert progress[0]["best_score"] == 1.0


def test_an_open_attempt_is_not_regraded_but_grades_with_the_new_key(bank, instructor):
    quiz, text, piriformis, _conditions = bank
    learner = UserFactory()
    attempt = take(quiz, "en", {text.pk: {"text": WRONG}}, learner=learner, submit=False)
    acceptance = regrade.wrong_answer_accept(
        question=text,
        language="en",
        normalized="pyriform muscle",
        text=WRONG,
        accepted_answer=piriformis,
        by=instructor,
    )
    assert acceptance.regraded == []
    services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=[])
    assert points(attempt, text) == (1.0, True)


def test_accepting_through_the_results_page(bank, attempts, instructor):
    quiz, text, piriformis, _conditions = bank
    learners = [a.learner for a in attempts.values()]
    CohortFactory(learners=learners, instructors=[instructor])
    client = signed_in(instructor)
    html = client.get(f"/en/admin/quizzes/quiz/{quiz.pk}/results/").content.decode()
    assert "“pyriform muscle” × 1" in html
    link = f"/en/admin/quizzes/quiz/{quiz.pk}/wrong-answer/accept/"
    query = {"question": text.pk, "language": "es", "normalized": "pyriform muscle", "shown": WRONG}
    confirm = client.get(link, query)
    assert confirm.status_code == 200
    assert "1 submitted response gave it" in confirm.content.decode()
    done = client.post(link, {**query, "accepted_answer": piriformis.pk})
    assert done.status_code == 302, done.content.decode()[:2000]
    acceptance = AnswerAcceptance.objects.get()
    assert [e["attempt"] for e in acceptance.regraded] == [attempts["es"].pk]
    page = client.get(f"/en/admin/quizzes/answeracceptance/{acceptance.pk}/change/")
    assert page.status_code == 200 and "Undo" in page.content.decode()
    undone = client.post(f"/en/admin/quizzes/answeracceptance/{acceptance.pk}/undo/")
    assert undone.status_code == 302
    assert points(attempts["es"], text) == (0.0, False)


def test_the_page_tells_nothing_of_answers_only_other_cohorts_gave(bank, attempts, instructor):
    """The page counts the responses a regrade would change: it opens only for a wrong answer
    the instructor's own learners gave, or it would tell whether others typed any text."""
    quiz, text, piriformis, _conditions = bank
    CohortFactory(learners=[UserFactory()], instructors=[instructor])  # none of the attempts'
    client = signed_in(instructor)
    query = {"question": text.pk, "language": "es", "normalized": "pyriform muscle", "shown": WRONG}
    for action in ("accept", "known-wrong"):
        link = f"/en/admin/quizzes/quiz/{quiz.pk}/wrong-answer/{action}/"
        assert client.get(link, query).status_code == 404
        refused = client.post(link, {**query, "accepted_answer": piriformis.pk})
        assert refused.status_code == 404
    assert not AnswerAcceptance.objects.exists()


def test_only_typed_answers_can_be_accepted(bank, instructor):
    quiz, text, piriformis, conditions = bank
    client = signed_in(instructor)
    query = {"question": text.pk, "language": "xx", "normalized": "a", "shown": "a"}
    response = client.get(f"/en/admin/quizzes/quiz/{quiz.pk}/wrong-answer/accept/", query)
    assert response.status_code == 404, "unknown language"


# --- a submit racing the regrade (PostgreSQL: real row locks) --------------------------------


def in_thread(call, name: str) -> tuple[threading.Thread, list]:
    outcome = []

    def run():
        try:
            outcome.append(call())
        except Exception as error:  # noqa: BLE001 - reported by the test
            outcome.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name=name)
    thread.start()
    return thread, outcome


def accept(text, piriformis, by):
    return lambda: regrade.wrong_answer_accept(
        question=text,
        language="en",
        normalized="pyriform muscle",
        text=WRONG,
        accepted_answer=piriformis,
        by=by,
    )


@postgres_only
def test_a_submit_during_the_regrade_waits_and_grades_with_the_new_key():
    quiz = QuizFactory(questions=[text := QuestionFactory(kind=Kind.TEXT, prompt="Muscle?")])
    piriformis = AcceptedAnswerFactory(question=text, synonyms="piriformis")
    instructor = UserFactory(is_staff=True)
    take(quiz, "en", {text.pk: {"text": WRONG}})  # something to regrade: the hook is sent
    racer = UserFactory()
    open_attempt = take(quiz, "en", {text.pk: {"text": WRONG}}, learner=racer, submit=False)

    in_transaction, release = threading.Event(), threading.Event()

    def hold(sender, **kwargs):
        in_transaction.set()
        release.wait(10)

    responses_regraded.connect(hold)
    try:
        acceptor, accepted = in_thread(accept(text, piriformis, instructor), "acceptor")
        assert in_transaction.wait(10), "the regrade never reached its hook"
        submitter, submitted = in_thread(
            lambda: services.attempt_submit(learner=racer, attempt_id=open_attempt.pk, answers=[]),
            "submitter",
        )
        time.sleep(0.5)
        assert submitter.is_alive(), "the submit did not wait for the regrade's lock"
        release.set()
        for thread in (acceptor, submitter):
            thread.join(20)
    finally:
        responses_regraded.disconnect(hold)
    assert not isinstance(accepted[0], Exception), accepted
    assert not isinstance(submitted[0], Exception), submitted
    assert points(open_attempt, text) == (1.0, True), "graded with the new key"
    assert open_attempt.pk not in {e["attempt"] for e in accepted[0].regraded}, "graded twice"
    assert Response.objects.filter(attempt=open_attempt).count() == 1


@postgres_only
def test_a_submit_that_got_in_first_is_regraded_once(monkeypatch):
    quiz = QuizFactory(questions=[text := QuestionFactory(kind=Kind.TEXT, prompt="Muscle?")])
    piriformis = AcceptedAnswerFactory(question=text, synonyms="piriformis")
    instructor = UserFactory(is_staff=True)
    racer = UserFactory()
    open_attempt = take(quiz, "en", {text.pk: {"text": WRONG}}, learner=racer, submit=False)

    grading_started, release = threading.Event(), threading.Event()
    real_grade = services.grading.grade

    def slow_grade(key, answer):
        if threading.current_thread().name == "submitter":
            grading_started.set()
            release.wait(10)
        return real_grade(key, answer)

    monkeypatch.setattr(services.grading, "grade", slow_grade)
    submitter, submitted = in_thread(
        lambda: services.attempt_submit(learner=racer, attempt_id=open_attempt.pk, answers=[]),
        "submitter",
    )
    assert grading_started.wait(10), "the submit never started grading"
    acceptor, accepted = in_thread(accept(text, piriformis, instructor), "acceptor")
    time.sleep(0.5)
    assert acceptor.is_alive(), "the regrade did not wait for the submit holding the attempt"
    release.set()
    for thread in (submitter, acceptor):
        thread.join(20)
    assert not isinstance(submitted[0], Exception), submitted
    assert not isinstance(accepted[0], Exception), accepted
    assert [e["attempt"] for e in accepted[0].regraded] == [open_attempt.pk], "not lost"
    assert points(open_attempt, text) == (1.0, True)
    attempt = Attempt.objects.get(pk=open_attempt.pk)
    assert (attempt.score, attempt.passed) == (1.0, True)
