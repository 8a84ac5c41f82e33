"""Spaced review: cards from missed answers, scheduled by the FSRS library itself (compared
with it on a fixed clock), graded by the quiz grader, idempotent by client_id, private to
their learner, read in a fixed number of queries."""

import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from fsrs import Card, Rating, Scheduler

from core.codes import ErrorCode
from quizzes import services
from quizzes.models import Kind
from review.models import Review, ReviewCard
from review.scheduling import rating_for
from tests.api import assert_error
from tests.factories import (
    AcceptedAnswerFactory,
    ChoiceFactory,
    QuestionFactory,
    QuizFactory,
    WrongAnswerFactory,
)

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
LIBRARY = Scheduler(enable_fuzzing=False)


@pytest.fixture
def bank(db):
    muscle = QuestionFactory(
        kind=Kind.TEXT, prompt="Which muscle can squeeze the sciatic nerve?", points=1
    )
    AcceptedAnswerFactory(question=muscle, synonyms="piriformis\npiriformis muscle")
    WrongAnswerFactory(
        question=muscle, spellings="pyriformis", hint="Pyriformis is a pear-shaped ear cartilage."
    )
    roots = QuestionFactory(kind=Kind.SET, prompt="Which nerve roots serve the foot?", points=3)
    for level in ("L4", "L5", "S1"):
        AcceptedAnswerFactory(question=roots, key=level.lower(), synonyms=level)
    single = QuestionFactory(kind=Kind.SINGLE, points=1)
    right = ChoiceFactory(question=single, text="Compression of the roots", correct=True)
    ChoiceFactory(question=single, text="Tight calves")
    quiz = QuizFactory(questions=[muscle, roots, single])
    return {"quiz": quiz, "muscle": muscle, "roots": roots, "single": single, "right": right}


def take(learner, bank, answers: dict, when: datetime, language: str = "en"):
    """Submit an attempt at `when`: {question: answer}."""
    with time_machine.travel(when, tick=False):
        attempt, _ = services.attempt_start(
            learner=learner, quiz=bank["quiz"], client_id=uuid.uuid4(), language=language
        )
        body = [{"question": q.pk, "answer": a} for q, a in answers.items()]
        return services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=body)


def library_after(question_id: int, reviews: list[tuple[Rating, datetime]], created: datetime):
    card = Card(card_id=question_id, due=created)
    for rating, when in reviews:
        card, _log = LIBRARY.review_card(card, rating, review_datetime=when)
    return card


# --- cards from attempts ------------------------------------------------------------------


def test_a_missed_question_gets_a_card_due_within_a_day_as_the_library_says(bank, learner):
    take(
        learner,
        bank,
        {bank["muscle"]: {"text": "hamstring"}, bank["roots"]: {"items": ["L4, L5"]}},
        T0,
    )
    cards = {card.question_id: card for card in ReviewCard.objects.filter(learner=learner)}
    assert set(cards) == {bank["muscle"].pk, bank["roots"].pk}, "unanswered: no card"
    wrong = library_after(bank["muscle"].pk, [(Rating.Again, T0)], T0)
    partial = library_after(bank["roots"].pk, [(Rating.Hard, T0)], T0)
    assert cards[bank["muscle"].pk].due_at == wrong.due
    assert cards[bank["roots"].pk].due_at == partial.due
    assert all(card.due_at <= T0 + timedelta(days=1) for card in cards.values())


def test_a_right_answer_makes_no_card_but_counts_as_a_review_of_one(bank, learner):
    take(learner, bank, {bank["single"]: {"choice": bank["right"].pk}}, T0)
    assert not ReviewCard.objects.exists(), "a question answered right needs no card"
    take(learner, bank, {bank["muscle"]: {"text": "gluteus"}}, T0)
    take(learner, bank, {bank["muscle"]: {"text": "piriformis"}}, T0 + timedelta(hours=2))
    card = ReviewCard.objects.get(learner=learner, question=bank["muscle"])
    expected = library_after(
        bank["muscle"].pk,
        [(Rating.Again, T0), (Rating.Good, T0 + timedelta(hours=2))],
        T0,
    )
    assert card.due_at == expected.due and card.reviews_count == 2


@pytest.mark.parametrize(
    "points, max_points, rating",
    [
        (0, 1, Rating.Again),
        (0, 3, Rating.Again),
        (1, 3, Rating.Hard),
        (2.99, 3, Rating.Hard),
        (3, 3, Rating.Good),
        (1, 1, Rating.Good),
    ],  # fmt: skip
)
def test_grade_maps_to_rating(points, max_points, rating):
    assert rating_for(points, max_points) == rating


# --- answering a card ---------------------------------------------------------------------


@pytest.fixture
def missed(bank, learner):
    """The learner missed the muscle question at T0."""
    take(learner, bank, {bank["muscle"]: {"text": "hamstring"}}, T0)
    return ReviewCard.objects.get(learner=learner, question=bank["muscle"])


def answer(client, question, text, *, client_id=None, answered_at=None, **headers):
    body = {"answer": {"text": text}, "client_id": client_id or str(uuid.uuid4())}
    if answered_at:
        body["answered_at"] = answered_at.isoformat()
    return client.post(f"/api/v1/me/review/{question.pk}/", body, format="json", **headers)


def test_answering_right_pushes_the_card_out_and_wrong_brings_it_back_sooner(
    bank, missed, learner_client, other_learner
):
    later = T0 + timedelta(days=1)
    with time_machine.travel(later, tick=False):
        right = answer(learner_client, bank["muscle"], "piriformis")
    assert right.status_code == 201, right.content
    pushed = library_after(bank["muscle"].pk, [(Rating.Again, T0), (Rating.Good, later)], T0)
    assert datetime.fromisoformat(right.json()["due_at"]) == pushed.due
    # The same history, but the second answer wrong: due sooner than after a right one.
    with time_machine.travel(later, tick=False):
        wrong_card = library_after(
            bank["muscle"].pk, [(Rating.Again, T0), (Rating.Again, later)], T0
        )
    assert wrong_card.due < pushed.due
    with time_machine.travel(later + timedelta(days=10), tick=False):
        again = answer(learner_client, bank["muscle"], "gluteus maximus")
    card = ReviewCard.objects.get(pk=missed.pk)
    expected = library_after(
        bank["muscle"].pk,
        [(Rating.Again, T0), (Rating.Good, later), (Rating.Again, later + timedelta(days=10))],
        T0,
    )
    assert again.status_code == 201, again.content
    assert card.due_at == expected.due == datetime.fromisoformat(again.json()["due_at"])
    assert card.due_at < datetime.fromisoformat(right.json()["due_at"]) + timedelta(days=10)


# A typo forgiven, a wrong answer, a known wrong answer one letter from the key (its hint, not
# a typo), the right answer.
@pytest.mark.parametrize("text", ["the piriformsi muscle", "hamstring", "pyriformis", "piriformis"])
def test_a_review_is_graded_exactly_like_a_quiz_answer(bank, missed, learner, learner_client, text):
    attempt = take(learner, bank, {bank["muscle"]: {"text": text}}, T0 + timedelta(minutes=5))
    in_quiz = learner_client.get(f"/api/v1/attempts/{attempt.pk}/").json()["responses"][0]
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        reviewed = answer(learner_client, bank["muscle"], text).json()
    for field in ("answer", "correct", "points", "max_points", "feedback", "explanation",
                  "lesson", "lesson_title"):  # fmt: skip
        assert reviewed[field] == in_quiz[field], field


def test_a_replayed_review_is_applied_once(bank, missed, learner_client):
    client_id = str(uuid.uuid4())
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        first = answer(learner_client, bank["muscle"], "piriformis", client_id=client_id)
    with time_machine.travel(T0 + timedelta(hours=3), tick=False):
        replay = answer(learner_client, bank["muscle"], "anything else", client_id=client_id)
    assert (first.status_code, replay.status_code) == (201, 200)
    assert replay.json() == first.json()
    assert Review.objects.filter(client_id=client_id).count() == 1
    assert ReviewCard.objects.get(pk=missed.pk).reviews_count == 2  # the attempt + this one


def test_an_offline_answer_counts_when_it_was_given_clamped(bank, missed, learner_client):
    now = T0 + timedelta(days=2)
    with time_machine.travel(now, tick=False):
        offline = answer(
            learner_client, bank["muscle"], "piriformis", answered_at=T0 + timedelta(days=1)
        )
        future = answer(learner_client, bank["roots"], "L4", answered_at=now + timedelta(days=9))
    assert offline.json()["reviewed_at"].startswith((T0 + timedelta(days=1)).date().isoformat())
    assert_error(future, 404, ErrorCode.NOT_FOUND)  # no card for that question
    with time_machine.travel(now, tick=False):
        early = answer(learner_client, bank["muscle"], "piriformis", answered_at=T0 - timedelta(9))
    reviewed = datetime.fromisoformat(early.json()["reviewed_at"])
    assert reviewed == T0 + timedelta(days=1), "not clamped to the card's last review"


@pytest.mark.parametrize("skew", [timedelta(hours=-6), timedelta(days=-4000), timedelta(hours=5)])
def test_an_offline_answer_from_a_phone_whose_clock_is_wrong_counts_when_it_was_given(
    bank, missed, learner_client, skew
):
    """Answered offline three hours ago on a phone whose clock is off by `skew`, sent now with
    the phone's clock (sent_at): it counts three hours ago by the server's clock."""
    now = T0 + timedelta(days=2)
    phone_now = now + skew
    body = {
        "answer": {"text": "piriformis"},
        "client_id": str(uuid.uuid4()),
        "answered_at": (phone_now - timedelta(hours=3)).isoformat(),
        "sent_at": phone_now.isoformat(),
    }
    with time_machine.travel(now, tick=False):
        reviewed = learner_client.post(
            f"/api/v1/me/review/{bank['muscle'].pk}/", body, format="json"
        )
    assert reviewed.status_code == 201, reviewed.content
    assert datetime.fromisoformat(reviewed.json()["reviewed_at"]) == now - timedelta(hours=3)


def test_cards_never_show_a_key_and_belong_to_their_learner(
    bank, missed, learner_client, other_learner_client
):
    listed = learner_client.get("/api/v1/me/review/").json()
    assert [card["question"]["id"] for card in listed["results"]] == [bank["muscle"].pk]
    served = str(listed)
    assert "piriformis" not in served and "explanation" not in served
    assert other_learner_client.get("/api/v1/me/review/").json()["results"] == []
    stranger = answer(other_learner_client, bank["muscle"], "piriformis")
    assert_error(stranger, 404, ErrorCode.NOT_FOUND)
    assert not Review.objects.filter(learner__username="other-learner").exists()


def test_me_review_keeps_a_fixed_number_of_queries(
    bank, learner, learner_client, django_assert_max_num_queries
):
    def misses(n: int):
        for index in range(n):
            question = QuestionFactory(kind=Kind.SINGLE)
            right = ChoiceFactory(question=question, correct=True)
            wrong = ChoiceFactory(question=question)
            quiz = QuizFactory(questions=[question])
            with time_machine.travel(T0 + timedelta(minutes=index), tick=False):
                attempt, _ = services.attempt_start(
                    learner=learner, quiz=quiz, client_id=uuid.uuid4()
                )
                services.attempt_submit(
                    learner=learner,
                    attempt_id=attempt.pk,
                    answers=[{"question": question.pk, "answer": {"choice": wrong.pk}}],
                )
            assert right.pk

    def queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert learner_client.get("/api/v1/me/review/").status_code == 200
        return len(captured)

    misses(3)
    few = queries()
    misses(12)
    assert queries() == few, "me/review grows with the cards"


def test_progress_reports_due_today_in_the_learners_zone_and_retention(
    bank, missed, learner_client
):
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        answer(learner_client, bank["muscle"], "piriformis")
        utc = learner_client.get("/api/v1/me/progress/").json()["review"]
        # 10:00 UTC is 23:00 in Auckland (UTC+13): its day ends in an hour.
        auckland = learner_client.get("/api/v1/me/progress/?tz=Pacific/Auckland").json()
        unknown = learner_client.get("/api/v1/me/progress/?tz=Mars/Olympus").json()
    assert utc["cards"] == 1 and utc["reviews_30_days"] == 2 and utc["retention"] == 0.5
    assert utc["due_today"] in (0, 1)
    assert auckland["review"]["due_today"] <= utc["due_today"]
    assert unknown["review"] == utc, "an unknown zone is UTC"


def test_backfill_makes_cards_from_old_attempts_once(bank, learner):
    take(learner, bank, {bank["muscle"]: {"text": "hamstring"}}, T0)
    ReviewCard.objects.all().delete()  # as if submitted before review existed
    out = io.StringIO()
    call_command("makereviewcards", stdout=out)
    assert "1 review(s) from 1 attempt(s)." in out.getvalue()
    card = ReviewCard.objects.get(learner=learner)
    assert card.due_at == library_after(bank["muscle"].pk, [(Rating.Again, T0)], T0).due
    call_command("makereviewcards", stdout=io.StringIO())
    assert Review.objects.count() == 1, "a second run counted the attempt again"


# --- an instructor's regrade reaches the cards ------------------------------------------------


def accept_pyriform(bank, by, when, language="en", text="pyriform muscle"):
    from quizzes import regrade

    with time_machine.travel(when, tick=False):
        return regrade.wrong_answer_accept(
            question=bank["muscle"],
            language=language,
            normalized=text,
            text=text,
            accepted_answer=bank["muscle"].answers.get(),
            by=by,
        )


def test_accepting_a_wrong_answer_removes_a_card_made_only_for_it_and_undo_brings_it_back(
    bank, learner
):
    from quizzes import regrade

    take(learner, bank, {bank["muscle"]: {"text": "pyriform muscle"}}, T0)
    card = ReviewCard.objects.get(learner=learner, question=bank["muscle"])
    missed = library_after(bank["muscle"].pk, [(Rating.Again, T0)], T0)
    assert card.due_at == missed.due
    acceptance = accept_pyriform(bank, learner, T0 + timedelta(days=2))
    assert not ReviewCard.objects.filter(pk=card.pk).exists(), "a card for a miss that is none"
    assert not Review.objects.filter(learner=learner).exists()
    with time_machine.travel(T0 + timedelta(days=3), tick=False):
        regrade.wrong_answer_acceptance_undo(acceptance=acceptance, by=learner)
    card = ReviewCard.objects.get(learner=learner, question=bank["muscle"])
    assert card.reviews.get().rating == Rating.Again
    assert card.due_at == missed.due


def test_accepting_a_wrong_answer_rebuilds_a_card_the_learner_practised(
    bank, learner, learner_client
):
    take(learner, bank, {bank["muscle"]: {"text": "pyriform muscle"}}, T0)
    later = T0 + timedelta(days=1)
    with time_machine.travel(later, tick=False):
        assert answer(learner_client, bank["muscle"], "piriformis").status_code == 201
    accept_pyriform(bank, learner, T0 + timedelta(days=2))
    card = ReviewCard.objects.get(learner=learner, question=bank["muscle"])
    ratings = list(card.reviews.order_by("reviewed_at").values_list("rating", flat=True))
    assert ratings == [Rating.Good, Rating.Good], "the attempt's review takes the new grade"
    rebuilt = library_after(bank["muscle"].pk, [(Rating.Good, T0), (Rating.Good, later)], T0)
    assert card.due_at == rebuilt.due


def card_as_it_is(learner, question):
    """A learner's card for `question`: its schedule and its whole log, in order."""
    card = ReviewCard.objects.filter(learner=learner, question=question).first()
    if card is None:
        return None
    log = card.reviews.order_by("reviewed_at", "pk").values_list(
        "source", "attempt_id", "client_id", "rating", "reviewed_at", "language", "answer",
        "points", "max_points", "correct", "feedback", "due_after",
    )  # fmt: skip
    schedule = ("state", "due_at", "stability", "difficulty", "last_review_at", "reviews_count")
    return {field: getattr(card, field) for field in (*schedule, "created_at")} | {"log": list(log)}


# A learner's history of the muscle question, five hours apart: ("attempt", language, text)
# or ("practice", text) in the review screen. "pyriform muscle" (en) and "muscle en poire"
# (fr) are the wrong answers the instructor accepts; "piriformis" is right everywhere.
MISSED_THEN_RIGHT = [("attempt", "en", "pyriform muscle"), ("attempt", "en", "piriformis")]


@pytest.mark.parametrize(
    "history, language, accepted",
    [
        pytest.param(MISSED_THEN_RIGHT, "en", "pyriform muscle", id="missed-then-right"),
        pytest.param(
            [*MISSED_THEN_RIGHT, ("attempt", "en", "piriformis muscle")],
            "en",
            "pyriform muscle",
            id="three-attempts",
        ),
        pytest.param(
            [*MISSED_THEN_RIGHT, ("attempt", "en", "hamstring")],
            "en",
            "pyriform muscle",
            id="another-miss-keeps-the-card",
        ),
        pytest.param(
            [("attempt", "en", "hamstring"), *MISSED_THEN_RIGHT],
            "en",
            "pyriform muscle",
            id="an-earlier-miss-started-the-card",
        ),
        pytest.param(
            [
                ("attempt", "en", "pyriform muscle"),
                ("practice", "piriformis"),
                ("attempt", "en", "piriformis"),
                ("practice", "hamstring"),
            ],
            "en",
            "pyriform muscle",
            id="practised-in-review",
        ),
        pytest.param(
            [("attempt", "fr", "muscle en poire"), ("attempt", "en", "piriformis")],
            "fr",
            "muscle en poire",
            id="french-only-card-goes",
        ),
        pytest.param(
            [
                ("attempt", "fr", "muscle en poire"),
                ("attempt", "en", "muscle en poire"),
                ("attempt", "fr", "piriformis"),
            ],
            "fr",
            "muscle en poire",
            id="french-only-english-miss-stays",
        ),
        pytest.param(
            [("attempt", "fr", "pyriform muscle"), ("attempt", "es", "piriformis")],
            "en",
            "pyriform muscle",
            id="english-covers-french",
        ),
    ],
)
def test_accepting_a_wrong_answer_and_undoing_it_gives_the_card_back_as_it_was(
    bank, learner, learner_client, history, language, accepted
):
    """Undo is a true round trip for the card: the reviews of every attempt and of the review
    screen, the schedule and the due date, however many attempts fed it."""
    from quizzes import regrade

    for hours, (source, *given) in enumerate(history):
        when = T0 + timedelta(hours=5 * hours)
        if source == "attempt":
            take(learner, bank, {bank["muscle"]: {"text": given[1]}}, when, language=given[0])
        else:
            with time_machine.travel(when, tick=False):
                assert answer(learner_client, bank["muscle"], given[0]).status_code == 201
    before = card_as_it_is(learner, bank["muscle"])
    assert before is not None and len(before["log"]) == len(history), "the history as set up"
    acceptance = accept_pyriform(bank, learner, T0 + timedelta(days=2), language, accepted)
    assert acceptance.regraded, "the acceptance regraded nothing: the test proves nothing"
    with time_machine.travel(T0 + timedelta(days=3), tick=False):
        regrade.wrong_answer_acceptance_undo(acceptance=acceptance, by=learner)
    after = card_as_it_is(learner, bank["muscle"])
    assert after == before, "undo did not give the card back as it was"


def test_an_undo_after_a_new_miss_merges_the_history_into_one_card(bank, learner):
    """Accepting removes the card; the learner misses the question again (a new card); undo
    brings the earlier reviews back into that card, scheduled over the whole history."""
    from quizzes import regrade

    take(learner, bank, {bank["muscle"]: {"text": "pyriform muscle"}}, T0)
    take(learner, bank, {bank["muscle"]: {"text": "piriformis"}}, T0 + timedelta(hours=2))
    acceptance = accept_pyriform(bank, learner, T0 + timedelta(days=1))
    assert card_as_it_is(learner, bank["muscle"]) is None, "a card for a miss that is none"
    take(learner, bank, {bank["muscle"]: {"text": "hamstring"}}, T0 + timedelta(days=2))
    with time_machine.travel(T0 + timedelta(days=3), tick=False):
        regrade.wrong_answer_acceptance_undo(acceptance=acceptance, by=learner)
    card = ReviewCard.objects.get(learner=learner, question=bank["muscle"])
    history = [
        (Rating.Again, T0),
        (Rating.Good, T0 + timedelta(hours=2)),
        (Rating.Again, T0 + timedelta(days=2)),
    ]
    logged = list(card.reviews.values_list("rating", "reviewed_at"))
    assert logged == [(int(rating), when) for rating, when in history]
    assert card.created_at == T0
    assert card.due_at == library_after(bank["muscle"].pk, history, T0).due
