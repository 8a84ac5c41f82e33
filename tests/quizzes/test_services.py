"""The attempt life cycle in quizzes/services.py: start, save a response, submit."""

import io
import signal
import threading
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone, translation

from core.errors import Conflict, DomainError, Forbidden, NotFound
from quizzes import services
from quizzes.models import Attempt, Kind, Question, Quiz, Response
from tests.factories import (
    AcceptedAnswerFactory,
    ChoiceFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@dataclass
class SmallQuiz:
    """A quiz of three questions worth 5 points: single (1), set L4/L5/S1 (3), number (1)."""

    quiz: Quiz
    single: Question
    right_choice: int
    wrong_choice: int
    roots: Question
    number: Question

    @property
    def question_ids(self) -> list[int]:
        return [self.single.pk, self.roots.pk, self.number.pk]

    def all_right(self) -> list[dict]:
        return [
            {"question": self.single.pk, "answer": {"choice": self.right_choice}},
            {"question": self.roots.pk, "answer": {"items": ["L4, L5 and S1"]}},
            {"question": self.number.pk, "answer": {"value": 3}},
        ]

    def all_wrong(self) -> list[dict]:
        return [
            {"question": self.single.pk, "answer": {"choice": self.wrong_choice}},
            {"question": self.roots.pk, "answer": {"items": ["C1"]}},
            {"question": self.number.pk, "answer": {"value": 4}},
        ]


def small_quiz(**quiz_fields) -> SmallQuiz:
    single = QuestionFactory(kind=Kind.SINGLE, points=1)
    right = ChoiceFactory(question=single, correct=True, text="Right")
    wrong = ChoiceFactory(question=single, text="Wrong")
    roots = QuestionFactory(
        kind=Kind.SET, points=3, needed=3, prompt="Which nerve roots serve the foot?"
    )
    for level in ("L4", "L5", "S1"):
        AcceptedAnswerFactory(
            question=roots,
            key=level.lower(),
            synonyms=f"{level}\n{level} nerve root",
            synonyms_es=f"{level}\nraíz nerviosa {level}",
        )
    number = QuestionFactory(kind=Kind.NUMBER, points=1, number_answer=3)
    quiz = QuizFactory(questions=[single, roots, number], **quiz_fields)
    return SmallQuiz(quiz, single, right.pk, wrong.pk, roots, number)


@pytest.fixture
def learner():
    return UserFactory()


@pytest.fixture
def quiz() -> SmallQuiz:
    return small_quiz()


def start(learner, quiz: Quiz, client_id=None, **kwargs) -> Attempt:
    attempt, _created = services.attempt_start(
        learner=learner, quiz=quiz, client_id=client_id or uuid.uuid4(), **kwargs
    )
    return attempt


def submit(learner, attempt: Attempt, answers: list[dict], **kwargs) -> Attempt:
    return services.attempt_submit(
        learner=learner, attempt_id=attempt.pk, answers=answers, **kwargs
    )


def responses_of(attempt: Attempt) -> list[tuple]:
    """Every stored field of the attempt's responses: equal lists mean nothing was written."""
    return list(
        Response.objects.filter(attempt=attempt)
        .order_by("question_id")
        .values_list(
            "question_id", "answer", "points", "max_points", "correct", "feedback", "saved_at"
        )
    )


def expire(attempt: Attempt, ago: timedelta) -> None:
    """Move the deadline into the past on the database (the server clock decides)."""
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - ago)


# --- start ---------------------------------------------------------------------------------


def test_start_twice_with_one_client_id_makes_one_attempt(learner, quiz):
    client_id = uuid.uuid4()
    first, created = services.attempt_start(learner=learner, quiz=quiz.quiz, client_id=client_id)
    again, created_again = services.attempt_start(
        learner=learner, quiz=quiz.quiz, client_id=client_id
    )
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert Attempt.objects.count() == 1


def test_start_records_questions_and_choice_order(learner, quiz):
    attempt = start(learner, quiz.quiz)
    assert attempt.question_ids == quiz.question_ids, "no shuffle: the pool's order"
    assert attempt.choice_order[str(quiz.single.pk)] == [quiz.right_choice, quiz.wrong_choice]
    assert attempt.deadline is None and attempt.submitted_at is None
    assert (attempt.score, attempt.max_score, attempt.passed) == (None, None, None)


def test_same_client_id_for_another_quiz_conflicts(learner, quiz):
    client_id = uuid.uuid4()
    start(learner, quiz.quiz, client_id)
    other = QuizFactory(questions=[quiz.single])
    with pytest.raises(Conflict) as refused:
        start(learner, other, client_id)
    assert refused.value.code == "client_id_in_use"
    assert refused.value.status == 409
    assert Attempt.objects.count() == 1


def test_same_client_id_from_another_learner_is_another_attempt(learner, quiz):
    client_id = uuid.uuid4()
    mine = start(learner, quiz.quiz, client_id)
    theirs = start(UserFactory(), quiz.quiz, client_id)
    assert mine.pk != theirs.pk


def test_attempt_limit_refuses_one_start_too_many(learner):
    quiz = small_quiz(attempt_limit=2).quiz
    start(learner, quiz)
    start(learner, quiz)
    with pytest.raises(Forbidden) as refused:
        start(learner, quiz)
    assert refused.value.code == "attempt_limit_reached"
    assert refused.value.status == 403
    assert Attempt.objects.filter(learner=learner).count() == 2


@pytest.mark.parametrize(
    ("limit", "language", "message"),
    [
        (1, "en", "You have used the 1 attempt allowed for this quiz."),
        (3, "en", "You have used all 3 attempts allowed for this quiz."),
        (1, "es", "Se agotó el único intento (1) permitido para este cuestionario."),
        (3, "es", "Se agotaron los 3 intentos permitidos para este cuestionario."),
        (1, "fr", "Vous avez utilisé la tentative autorisée pour ce quiz (limite : 1)."),
        (2, "ar", "لقد استنفدت المحاولتين المسموح بهما لهذا الاختبار (2)."),
    ],
)
def test_the_attempt_limit_message_agrees_with_its_number(learner, limit, language, message):
    quiz = small_quiz(attempt_limit=limit).quiz
    for _attempt in range(limit):
        start(learner, quiz)
    with pytest.raises(Forbidden) as refused, translation.override(language):
        start(learner, quiz)
    with translation.override(language):
        assert str(refused.value.message) == message


def test_attempt_limit_counts_each_learner_apart(learner):
    quiz = small_quiz(attempt_limit=1).quiz
    start(learner, quiz)
    other = UserFactory()
    start(other, quiz)
    with pytest.raises(Forbidden):
        start(other, quiz)
    assert Attempt.objects.filter(quiz=quiz).count() == 2


def test_repeated_start_at_the_limit_returns_the_attempt_it_made(learner):
    """A phone replaying its start after a lost reply is not a new attempt."""
    quiz = small_quiz(attempt_limit=1).quiz
    client_id = uuid.uuid4()
    first = start(learner, quiz, client_id)
    assert start(learner, quiz, client_id).pk == first.pk


def test_attempt_limit_counts_attempts_at_this_quiz_only(learner):
    quiz = small_quiz(attempt_limit=1).quiz
    start(learner, small_quiz().quiz)
    start(learner, quiz)


def test_unpublished_quiz_cannot_be_started(learner):
    quiz = small_quiz(published=False).quiz
    with pytest.raises(NotFound) as refused:
        start(learner, quiz)
    assert refused.value.code == "quiz_not_available"
    assert Attempt.objects.count() == 0


def test_time_limit_sets_a_deadline(learner):
    quiz = small_quiz(time_limit=10).quiz
    attempt = start(learner, quiz)
    # started_at is auto_now_add, stamped a few microseconds after the deadline's "now".
    assert abs(attempt.deadline - attempt.started_at - timedelta(minutes=10)) < timedelta(seconds=1)


def test_shuffled_questions_are_the_same_questions_in_another_order(learner):
    questions = [QuestionFactory(kind=Kind.TRUE_FALSE, true_false_answer=True) for _ in range(7)]
    quiz = QuizFactory(questions=questions, shuffle_questions=True)
    pool = [question.pk for question in questions]
    orders = [start(learner, quiz).question_ids for _ in range(4)]
    assert all(sorted(order) == sorted(pool) for order in orders)
    # 4 starts in pool order by chance: (1/5040)^4.
    assert any(order != pool for order in orders), "shuffle_questions did not shuffle"


def test_choices_keep_their_order_unless_shuffled(learner):
    question = QuestionFactory(kind=Kind.SINGLE)
    choices = [ChoiceFactory(question=question, correct=n == 0).pk for n in range(7)]
    plain = QuizFactory(questions=[question], shuffle_choices=False)
    shuffled = QuizFactory(questions=[question], shuffle_choices=True)
    assert start(learner, plain).choice_order[str(question.pk)] == choices
    orders = [start(learner, shuffled).choice_order[str(question.pk)] for _ in range(4)]
    assert all(sorted(order) == choices for order in orders)
    assert any(order != choices for order in orders), "shuffle_choices did not shuffle"


def test_order_question_is_never_handed_out_already_solved(learner):
    question = QuestionFactory(kind=Kind.ORDER, points=2)
    first = ChoiceFactory(question=question, position=1)
    second = ChoiceFactory(question=question, position=2)
    quiz = QuizFactory(questions=[question], shuffle_choices=False)
    for _ in range(15):
        order = start(learner, quiz).choice_order[str(question.pk)]
        assert order == [second.pk, first.pk], "an order question was handed out solved"


def _too_slow(signum, frame):
    raise TimeoutError("attempt_start kept reshuffling an order question it cannot unsolve")


def test_order_question_whose_items_share_a_position_still_starts(learner):
    """Admin-made order items left at position 0 solve every order: start must not loop."""
    question = QuestionFactory(kind=Kind.ORDER)
    ChoiceFactory.create_batch(3, question=question, position=0)
    quiz = QuizFactory(questions=[question])
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.alarm(5)
    try:
        attempt = start(learner, quiz)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert len(attempt.choice_order[str(question.pk)]) == 3


def test_random_draw_asks_that_many_distinct_questions_of_the_pool(learner):
    questions = [QuestionFactory(kind=Kind.TRUE_FALSE, true_false_answer=True) for _ in range(9)]
    quiz = QuizFactory(questions=questions, draw_count=4)
    pool = [question.pk for question in questions]
    attempt = start(learner, quiz)
    assert len(attempt.question_ids) == 4
    assert len(set(attempt.question_ids)) == 4
    assert set(attempt.question_ids) <= set(pool)
    assert attempt.question_ids == sorted(attempt.question_ids, key=pool.index), (
        "without shuffle_questions a draw keeps the pool's order"
    )


def test_final_review_draws_15_distinct_questions_of_the_whole_bank(learner):
    call_command("loadcontent", "--no-translations", stdout=io.StringIO())
    final = Quiz.objects.get(slug="final-review")
    pool = set(final.entries.values_list("question_id", flat=True))
    assert pool == set(Question.objects.values_list("pk", flat=True))
    first = start(learner, final)
    second = start(learner, final)
    for attempt in (first, second):
        assert len(attempt.question_ids) == 15
        assert len(set(attempt.question_ids)) == 15
        assert set(attempt.question_ids) <= pool
        assert set(attempt.choice_order) == {str(pk) for pk in attempt.question_ids}
    assert first.question_ids != second.question_ids, "two draws of 15 of 51 were the same"


# --- save a response -----------------------------------------------------------------------


def save(learner, attempt: Attempt, question: Question, answer) -> Response:
    return services.response_save(
        learner=learner, attempt_id=attempt.pk, question_id=question.pk, answer=answer
    )


def test_saving_again_replaces_the_answer(learner, quiz):
    attempt = start(learner, quiz.quiz)
    save(learner, attempt, quiz.roots, {"items": ["L4"]})
    save(learner, attempt, quiz.roots, {"items": ["L4", "L5"]})
    assert list(Response.objects.values_list("question_id", "answer")) == [
        (quiz.roots.pk, {"items": ["L4", "L5"]})
    ]


def test_a_copy_typed_before_the_saved_answer_changes_nothing(learner, quiz):
    """Two devices: the phone typed an answer offline, the laptop typed another later and
    saved it; the phone's copy arrives last and must not replace it."""
    attempt = start(learner, quiz.quiz)
    typed = timezone.now() - timedelta(minutes=5)
    laptop = services.response_save(
        learner=learner,
        attempt_id=attempt.pk,
        question_id=quiz.single.pk,
        answer={"choice": quiz.right_choice},
        typed_at=typed + timedelta(minutes=2),
    )
    phone = services.response_save(
        learner=learner,
        attempt_id=attempt.pk,
        question_id=quiz.single.pk,
        answer={"choice": quiz.wrong_choice},
        typed_at=typed,
    )
    assert phone.answer == laptop.answer == {"choice": quiz.right_choice}, "the later one stands"
    assert Response.objects.get().answer == {"choice": quiz.right_choice}
    # A copy typed later, or one that does not say when, replaces it.
    services.response_save(
        learner=learner,
        attempt_id=attempt.pk,
        question_id=quiz.single.pk,
        answer={"choice": quiz.wrong_choice},
        typed_at=typed + timedelta(minutes=3),
    )
    assert Response.objects.get().answer == {"choice": quiz.wrong_choice}
    save(learner, attempt, quiz.single, {"choice": quiz.right_choice})
    assert Response.objects.get().answer == {"choice": quiz.right_choice}


def test_a_submitted_copy_typed_before_the_saved_answer_does_not_win(learner, quiz):
    attempt = start(learner, quiz.quiz)
    typed = timezone.now() - timedelta(minutes=5)
    services.response_save(
        learner=learner,
        attempt_id=attempt.pk,
        question_id=quiz.single.pk,
        answer={"choice": quiz.right_choice},
        typed_at=typed,
    )
    older = {"question": quiz.single.pk, "answer": {"choice": quiz.wrong_choice}}
    attempt = submit(learner, attempt, [older | {"typed_at": typed - timedelta(minutes=1)}])
    assert attempt.score == 1, "the answer typed later (saved) was graded"
    assert Response.objects.get(question=quiz.single).answer == {"choice": quiz.right_choice}


def test_saved_answer_is_not_graded_before_submit(learner, quiz):
    attempt = start(learner, quiz.quiz)
    response = save(learner, attempt, quiz.single, {"choice": quiz.right_choice})
    response.refresh_from_db()
    assert (response.points, response.correct, response.feedback) == (None, None, None)


@pytest.mark.parametrize(
    ("question", "answer", "code"),
    [
        ("single", {"choices": [1]}, "invalid_answer"),
        ("single", {"choice": 10**9}, "unknown_choice"),
        ("single", {"choice": True}, "invalid_answer"),
        ("roots", {"items": "L4, L5, S1"}, "invalid_answer"),
        ("roots", {"items": ["x" * 10_000]}, "item_too_long"),
        ("roots", {"items": ["L4"] * 51}, "too_many_items"),
        ("roots", {"items": ["🙂🙂"]}, "empty_answer"),
        ("number", {"value": "3"}, "invalid_answer"),
        ("number", [], "invalid_answer"),  # (None takes an answer back: not an error)
    ],
)
def test_invalid_answer_is_refused_and_nothing_is_saved(learner, quiz, question, answer, code):
    attempt = start(learner, quiz.quiz)
    save(learner, attempt, quiz.roots, {"items": ["L4"]})
    before = responses_of(attempt)
    with pytest.raises(DomainError) as refused:
        save(learner, attempt, getattr(quiz, question), answer)
    assert refused.value.code == code
    assert refused.value.status == 400
    assert refused.value.details["answer"], "the error says what is wrong with the answer"
    assert responses_of(attempt) == before


def test_saving_to_someone_elses_attempt_is_not_found(learner, quiz):
    attempt = start(learner, quiz.quiz)
    with pytest.raises(NotFound):
        save(UserFactory(), attempt, quiz.single, {"choice": quiz.right_choice})
    assert Response.objects.count() == 0


def test_saving_a_question_outside_the_attempt_is_not_found(learner, quiz):
    attempt = start(learner, quiz.quiz)
    elsewhere = QuestionFactory(kind=Kind.TRUE_FALSE, true_false_answer=True)
    with pytest.raises(NotFound) as refused:
        save(learner, attempt, elsewhere, {"value": True})
    assert refused.value.code == "unknown_question"


def test_saving_after_submit_conflicts(learner, quiz):
    attempt = start(learner, quiz.quiz)
    submit(learner, attempt, quiz.all_right())
    before = responses_of(attempt)
    with pytest.raises(Conflict) as refused:
        save(learner, attempt, quiz.single, {"choice": quiz.wrong_choice})
    assert (refused.value.code, refused.value.status) == ("already_submitted", 409)
    assert responses_of(attempt) == before


# --- submit --------------------------------------------------------------------------------


def test_submit_grades_every_question(learner, quiz):
    attempt = submit(learner, start(learner, quiz.quiz), quiz.all_right())
    assert (attempt.score, attempt.max_score, attempt.passed) == (5, 5, True)
    assert attempt.submitted_at is not None and not attempt.submitted_late
    rows = {r.question_id: (r.points, r.max_points, r.correct) for r in attempt.responses.all()}
    assert rows == {
        quiz.single.pk: (1, 1, True),
        quiz.roots.pk: (3, 3, True),
        quiz.number.pk: (1, 1, True),
    }


def test_submit_with_all_wrong_scores_zero(learner, quiz):
    attempt = submit(learner, start(learner, quiz.quiz), quiz.all_wrong())
    assert (attempt.score, attempt.max_score, attempt.passed) == (0, 5, False)


def test_body_answer_wins_over_the_saved_one(learner, quiz):
    attempt = start(learner, quiz.quiz)
    save(learner, attempt, quiz.single, {"choice": quiz.wrong_choice})
    submit(learner, attempt, quiz.all_right()[:1])
    response = Response.objects.get(attempt=attempt, question=quiz.single)
    assert response.answer == {"choice": quiz.right_choice}
    assert response.correct is True


def test_saved_answers_count_when_the_body_leaves_them_out(learner, quiz):
    attempt = start(learner, quiz.quiz)
    save(learner, attempt, quiz.roots, {"items": ["L4-S1"]})
    attempt = submit(learner, attempt, [])
    assert attempt.score == 3
    assert Response.objects.get(attempt=attempt, question=quiz.roots).correct is True


def test_unanswered_questions_appear_with_null_answer_and_zero_points(learner, quiz):
    attempt = start(learner, quiz.quiz)
    attempt = submit(learner, attempt, [quiz.all_right()[0]])
    rows = {r.question_id: r for r in Response.objects.filter(attempt=attempt)}
    assert set(rows) == set(quiz.question_ids)
    for question in (quiz.roots, quiz.number):
        row = rows[question.pk]
        assert (row.answer, row.points, row.correct) == (None, 0, False), question.kind
        assert row.max_points == question.points
    assert (attempt.score, attempt.max_score) == (1, 5)


def test_invalid_answer_in_the_body_writes_nothing_at_all(learner, quiz):
    attempt = start(learner, quiz.quiz)
    save(learner, attempt, quiz.number, {"value": 4})
    before = responses_of(attempt)
    body = [
        {"question": quiz.single.pk, "answer": {"choice": quiz.right_choice}},
        {"question": quiz.roots.pk, "answer": {"items": ["🙂"]}},
    ]
    with pytest.raises(DomainError) as refused:
        submit(learner, attempt, body)
    assert refused.value.code == "invalid"
    assert set(refused.value.details) == {"1"}, "the details name the refused item"
    assert responses_of(attempt) == before, "not even the valid answer was to be saved"
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score is None


@pytest.mark.parametrize(
    "bad_item",
    [
        {"question": 10**9, "answer": {"value": True}},  # not in the attempt
        {"question": None, "answer": {"value": 3}},
        "not an object",
    ],
)
def test_body_item_outside_the_attempt_is_refused(learner, quiz, bad_item):
    attempt = start(learner, quiz.quiz)
    with pytest.raises(DomainError) as refused:
        submit(learner, attempt, [quiz.all_right()[0], bad_item])
    assert set(refused.value.details) == {"1"}
    assert Response.objects.count() == 0


def test_question_answered_twice_in_one_body_is_refused(learner, quiz):
    attempt = start(learner, quiz.quiz)
    right = quiz.all_right()[0]
    with pytest.raises(DomainError) as refused:
        submit(learner, attempt, [right, right])
    assert set(refused.value.details) == {"1"}
    assert Response.objects.count() == 0


def test_submit_twice_grades_once(learner, quiz):
    attempt = start(learner, quiz.quiz)
    first = submit(learner, attempt, quiz.all_right())
    before = responses_of(attempt)
    again = submit(learner, attempt, quiz.all_wrong())
    assert (again.score, again.max_score, again.passed) == (5, 5, True)
    assert again.submitted_at == first.submitted_at
    assert responses_of(attempt) == before, "a repeat submit changed the stored responses"


def test_repeat_submit_with_an_invalid_body_returns_the_stored_result(learner, quiz):
    attempt = start(learner, quiz.quiz)
    submit(learner, attempt, quiz.all_right())
    again = submit(learner, attempt, [{"question": quiz.single.pk, "answer": "nonsense"}])
    assert again.score == 5


def test_submitting_someone_elses_attempt_is_not_found(learner, quiz):
    attempt = start(learner, quiz.quiz)
    with pytest.raises(NotFound):
        submit(UserFactory(), attempt, quiz.all_right())
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    ("pass_mark", "passed"),
    [(0, True), (59, True), (60, True), (61, False), (100, False)],
)
def test_passed_compares_the_score_with_the_pass_mark(learner, pass_mark, passed):
    quiz = small_quiz(pass_mark=pass_mark)
    answers = quiz.all_right()
    answers[1] = {"question": quiz.roots.pk, "answer": {"items": ["L4", "L5"]}}  # 2 of 3
    answers[2] = {"question": quiz.number.pk, "answer": {"value": 4}}  # 0 of 1
    attempt = submit(learner, start(learner, quiz.quiz), answers)
    assert (attempt.score, attempt.max_score) == (3, 5), "60 %"
    assert attempt.passed is passed


def test_full_marks_pass_a_pass_mark_of_100(learner):
    quiz = small_quiz(pass_mark=100)
    assert submit(learner, start(learner, quiz.quiz), quiz.all_right()).passed is True


def test_submit_grades_in_the_attempts_language(learner, quiz):
    attempt = start(learner, quiz.quiz, language="es")
    answers = [{"question": quiz.roots.pk, "answer": {"items": ["raíz nerviosa L4, L5 y S1"]}}]
    attempt = submit(learner, attempt, answers)
    response = Response.objects.get(attempt=attempt, question=quiz.roots)
    assert response.correct is True, response.feedback
    assert response.feedback["right"] == ["L4", "L5", "S1"]


# --- time limit ----------------------------------------------------------------------------


def test_answers_within_the_grace_period_count(learner):
    quiz = small_quiz(time_limit=5)
    attempt = start(learner, quiz.quiz)
    expire(attempt, services.GRACE_PERIOD - timedelta(seconds=30))
    save(learner, attempt, quiz.single, {"choice": quiz.right_choice})
    attempt = submit(learner, attempt, quiz.all_right()[1:])
    assert attempt.score == 5
    assert attempt.submitted_late is False


def test_saving_after_the_grace_period_is_refused(learner):
    quiz = small_quiz(time_limit=5)
    attempt = start(learner, quiz.quiz)
    expire(attempt, services.GRACE_PERIOD + timedelta(seconds=30))
    with pytest.raises(Conflict) as refused:
        save(learner, attempt, quiz.single, {"choice": quiz.right_choice})
    assert (refused.value.code, refused.value.status) == ("time_up", 409)
    assert Response.objects.count() == 0


def test_late_submit_grades_only_answers_saved_in_time(learner):
    quiz = small_quiz(time_limit=5)
    attempt = start(learner, quiz.quiz)
    save(learner, attempt, quiz.single, {"choice": quiz.right_choice})
    save(learner, attempt, quiz.number, {"value": 4})
    expire(attempt, services.GRACE_PERIOD + timedelta(minutes=1))
    attempt = submit(learner, attempt, quiz.all_right())
    assert attempt.submitted_late is True
    assert attempt.submitted_at is not None
    assert (attempt.score, attempt.max_score) == (1, 5), "only the single saved in time counts"
    rows = {r.question_id: r for r in Response.objects.filter(attempt=attempt)}
    assert rows[quiz.number.pk].answer == {"value": 4}, "a late body does not replace it"
    assert rows[quiz.number.pk].correct is False
    assert rows[quiz.roots.pk].answer == {"items": ["L4, L5 and S1"]}, "kept on record"
    assert (rows[quiz.roots.pk].points, rows[quiz.roots.pk].correct) == (0, False)
    # Each answer says what became of it: the one saved in time and sent again unchanged
    # counted (no flag); the changed one was not counted, the one saved in time was; the one
    # that only arrived late was not counted.
    flags = {
        pk: {name for name in ("late", "late_change") if row.feedback.get(name)}
        for pk, row in rows.items()
    }
    assert flags[quiz.single.pk] == set(), flags
    assert flags[quiz.number.pk] == {"late_change"}, flags
    assert flags[quiz.roots.pk] == {"late"}, flags


def test_a_late_submit_flags_no_answer_that_did_not_arrive_late(learner):
    quiz = small_quiz(time_limit=5)
    attempt = start(learner, quiz.quiz)
    save(learner, attempt, quiz.single, {"choice": quiz.right_choice})
    expire(attempt, services.GRACE_PERIOD + timedelta(minutes=1))
    attempt = submit(learner, attempt, [])  # the deadline's submission: nothing new
    assert attempt.submitted_late is True
    assert (attempt.score, attempt.max_score) == (1, 5)
    for row in Response.objects.filter(attempt=attempt):
        assert not {"late", "late_change"} & set(row.feedback), (row.question_id, row.feedback)


# --- concurrency (PostgreSQL: real row locks between connections) --------------------------


def postgres_only(test):
    """Two connections racing for one row: a transactional test on PostgreSQL only (SQLite
    serializes whole-database writes, so it cannot show a missing row lock)."""
    marks = [
        pytest.mark.postgres,
        pytest.mark.django_db(transaction=True),
        pytest.mark.skipif(
            connection.vendor != "postgresql",
            reason="row locks between connections need PostgreSQL",
        ),
    ]
    for mark in marks:
        test = mark(test)
    return test


def run_together(count: int, call):
    """Run `call()` in `count` threads released at once, each on its own DB connection."""
    barrier = threading.Barrier(count)
    results, failures = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(call())
        except Exception as error:  # noqa: BLE001 - reported by the test
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck on a lock"
    assert not failures, f"a concurrent call failed: {failures!r}"
    return results


@postgres_only
def test_two_submits_at_once_grade_one_result():
    learner = UserFactory()
    quiz = small_quiz()
    attempt = start(learner, quiz.quiz)
    results = run_together(2, lambda: submit(learner, attempt, quiz.all_right()))
    assert len(results) == 2
    assert Response.objects.filter(attempt=attempt).count() == len(quiz.question_ids)
    assert results[0].submitted_at == results[1].submitted_at, "graded twice"
    attempt.refresh_from_db()
    assert attempt.submitted_at == results[0].submitted_at
    assert attempt.score == 5


@postgres_only
def test_two_starts_at_once_with_one_client_id_make_one_attempt():
    learner = UserFactory()
    quiz = small_quiz(attempt_limit=1)
    client_id = uuid.uuid4()
    results = run_together(
        2,
        lambda: services.attempt_start(learner=learner, quiz=quiz.quiz, client_id=client_id),
    )
    assert Attempt.objects.count() == 1
    assert {attempt.pk for attempt, _created in results} == {Attempt.objects.get().pk}
    assert sorted(created for _attempt, created in results) == [False, True]


@pytest.mark.django_db
def test_a_null_answer_in_the_body_counts_as_unanswered_not_as_an_error(learner):
    from quizzes.services import attempt_start, attempt_submit, response_save
    from tests.factories import AcceptedAnswerFactory, QuestionFactory, QuizFactory

    first = QuestionFactory(kind="text", points=1)
    AcceptedAnswerFactory(question=first, synonyms_en="piriformis")
    second = QuestionFactory(kind="text", points=1)
    AcceptedAnswerFactory(question=second, synonyms_en="neurologist")
    quiz = QuizFactory(questions=[first, second])
    attempt, _created = attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    response_save(
        learner=learner, attempt_id=attempt.pk, question_id=first.pk, answer={"text": "piriformis"}
    )
    graded = attempt_submit(
        learner=learner,
        attempt_id=attempt.pk,
        answers=[{"question": first.pk, "answer": None}, {"question": second.pk, "answer": None}],
    )
    points = {r.question_id: (r.answer, r.points) for r in graded.responses.all()}
    assert points[first.pk] == ({"text": "piriformis"}, 1.0), "the saved answer still counts"
    assert points[second.pk] == (None, 0.0), "unanswered scores 0"
