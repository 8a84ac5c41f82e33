"""Of two devices' copies of an answer the one typed later stands (`typed_at`), also when a
device's clock is wrong: a cheap phone whose clock was never set, or was reset when its battery
ran out, must not lose what the learner typed last. With `sent_at` (the device's clock when it
sent the request) the server reads `typed_at` as how long before sending the answer was typed;
without it, no answer counts as typed after the server's now."""

from datetime import timedelta

import pytest
from django.utils import timezone

from quizzes.models import Question
from quizzes.models import Response as QuizResponse
from tests.api import start, submit
from tests.quizzes.answers import right_answer


def iso(moment) -> str:
    return moment.isoformat()


def single_question(client) -> tuple[dict, dict, dict]:
    """A started attempt, its single-choice question's right and a wrong answer."""
    attempt = start(client, "nerve-roots-quiz").json()
    question = next(q for q in attempt["questions"] if q["kind"] == "single")
    right = right_answer(Question.objects.get(pk=question["id"]))
    wrong = {"choice": next(c["id"] for c in question["choices"] if c["id"] != right["choice"])}
    return attempt, question, {"right": right, "wrong": wrong}


def put(client, attempt: dict, question: dict, answer: dict, **clock):
    body = {"answer": answer} | {name: iso(moment) for name, moment in clock.items()}
    path = f"/api/v1/attempts/{attempt['id']}/responses/{question['id']}/"
    response = client.put(path, body, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def saved_answer(question: dict) -> dict:
    return QuizResponse.objects.get(question_id=question["id"]).answer


# (the phone's clock against the server's, the laptop's): the laptop saves first, the phone
# answers ten seconds later by the real clock and sends it at once.
SKEWS = [
    pytest.param(timedelta(hours=-1), id="an hour behind"),
    pytest.param(timedelta(days=-9000), id="reset to years ago"),
    pytest.param(timedelta(minutes=-2), id="two minutes behind"),
]


@pytest.mark.parametrize("skew", SKEWS)
def test_an_answer_typed_later_on_a_phone_whose_clock_is_behind_stands(
    learner_client, course, skew
):
    attempt, question, answers = single_question(learner_client)
    now = timezone.now()
    put(learner_client, attempt, question, answers["wrong"], typed_at=now - timedelta(seconds=10))
    phone_now = now + skew
    saved = put(
        learner_client, attempt, question, answers["right"], typed_at=phone_now, sent_at=phone_now
    )
    assert saved["answer"] == answers["right"], "the phone's later answer was refused"
    assert saved_answer(question) == answers["right"]


def test_an_answer_typed_earlier_on_a_phone_whose_clock_is_ahead_does_not_stand(
    learner_client, course
):
    """The phone typed offline a minute ago (its clock an hour fast) and sends now; the laptop's
    answer, typed thirty seconds ago, stands."""
    attempt, question, answers = single_question(learner_client)
    now = timezone.now()
    put(learner_client, attempt, question, answers["right"], typed_at=now - timedelta(seconds=30))
    phone_now = now + timedelta(hours=1)
    saved = put(
        learner_client,
        attempt,
        question,
        answers["wrong"],
        typed_at=phone_now - timedelta(minutes=1),
        sent_at=phone_now,
    )
    assert saved["answer"] == answers["right"]
    assert saved_answer(question) == answers["right"]


def test_an_answer_said_to_be_typed_in_the_future_does_not_outlast_the_next_one(
    learner_client, course
):
    """A phone whose clock says 2099 and does not say when it sent: its answer counts as typed
    when it arrived, so an answer typed after that, on any device, replaces it."""
    attempt, question, answers = single_question(learner_client)
    future = timezone.now().replace(year=2099)
    put(learner_client, attempt, question, answers["wrong"], typed_at=future)
    saved = put(learner_client, attempt, question, answers["right"], typed_at=timezone.now())
    assert saved["answer"] == answers["right"]
    assert saved_answer(question) == answers["right"]
    stored = QuizResponse.objects.get(question_id=question["id"]).typed_at
    assert stored <= timezone.now()


def test_a_clock_that_went_back_between_typing_and_sending_counts_as_typed_on_arrival(
    learner_client, course
):
    attempt, question, answers = single_question(learner_client)
    now = timezone.now()
    put(learner_client, attempt, question, answers["wrong"], typed_at=now - timedelta(seconds=5))
    saved = put(
        learner_client,
        attempt,
        question,
        answers["right"],
        typed_at=now + timedelta(hours=3),
        sent_at=now - timedelta(days=1),
    )
    assert saved["answer"] == answers["right"]


def test_the_typed_time_shown_back_is_on_the_servers_clock(learner_client, course):
    attempt, question, answers = single_question(learner_client)
    before = timezone.now()
    phone_now = before - timedelta(hours=5)
    saved = put(
        learner_client,
        attempt,
        question,
        answers["right"],
        typed_at=phone_now - timedelta(seconds=20),
        sent_at=phone_now,
    )
    typed = QuizResponse.objects.get(question_id=question["id"]).typed_at
    assert before - timedelta(seconds=21) <= typed <= timezone.now() - timedelta(seconds=19)
    assert saved["typed_at"].startswith(typed.isoformat()[:19])


@pytest.mark.parametrize("skew", SKEWS)
def test_a_submission_from_a_phone_whose_clock_is_behind_keeps_the_answer_typed_later(
    learner_client, course, skew
):
    attempt, question, answers = single_question(learner_client)
    now = timezone.now()
    put(learner_client, attempt, question, answers["wrong"], typed_at=now - timedelta(seconds=10))
    phone_now = now + skew
    item = {"question": question["id"], "answer": answers["right"], "typed_at": iso(phone_now)}
    result = submit(
        learner_client, attempt["id"], {"responses": [item], "sent_at": iso(phone_now)}
    ).json()
    graded = next(r for r in result["responses"] if r["question"] == question["id"])
    assert graded["answer"] == answers["right"] and graded["correct"] is True, graded


def test_a_submitted_copy_typed_earlier_by_a_fast_clock_does_not_win(learner_client, course):
    attempt, question, answers = single_question(learner_client)
    now = timezone.now()
    put(learner_client, attempt, question, answers["right"], typed_at=now - timedelta(seconds=30))
    phone_now = now + timedelta(hours=2)
    item = {
        "question": question["id"],
        "answer": answers["wrong"],
        "typed_at": iso(phone_now - timedelta(minutes=1)),
    }
    result = submit(
        learner_client, attempt["id"], {"responses": [item], "sent_at": iso(phone_now)}
    ).json()
    graded = next(r for r in result["responses"] if r["question"] == question["id"])
    assert graded["answer"] == answers["right"], graded


@pytest.mark.parametrize("where", ["save", "submit"])
def test_a_sent_at_that_is_not_a_time_is_refused_naming_it(learner_client, course, where):
    attempt, question, answers = single_question(learner_client)
    if where == "save":
        path = f"/api/v1/attempts/{attempt['id']}/responses/{question['id']}/"
        response = learner_client.put(
            path, {"answer": answers["right"], "sent_at": "yesterday"}, format="json"
        )
    else:
        response = submit(learner_client, attempt["id"], {"responses": [], "sent_at": "soon"})
    assert response.status_code == 400
    assert "sent_at" in response.json()["details"]
    assert not QuizResponse.objects.filter(question_id=question["id"]).exists()
