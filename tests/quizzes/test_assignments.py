"""Assignments end to end: an instructor assigns a quiz to a cohort in the admin; learners see
it in me/assignments, cannot start it before it opens, take it for the assignment and submit
late (kept, flagged after_due); the assignment's attempt limit is the one that counts.
(Issue 15, acceptance 0.)"""

import uuid
from datetime import timedelta

import pytest

from core.codes import ErrorCode
from quizzes import services
from quizzes.assignments import (
    AttemptState,
    Status,
    assignment_status,
    assignment_status_counts,
    learner_assignments,
)
from quizzes.models import Assignment, Attempt, Kind
from tests.api import assert_error, start, submit
from tests.factories import (
    AcceptedAnswerFactory,
    AssignmentFactory,
    CohortFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
)
from tests.quizzes.conftest import NOW


@pytest.fixture
def quiz(db):
    question = QuestionFactory(kind=Kind.TEXT, prompt="Which muscle can press on the nerve?")
    AcceptedAnswerFactory(question=question, synonyms="piriformis")
    return QuizFactory(questions=[question], attempt_limit=5)


@pytest.fixture
def cohort(instructor, learner):
    return CohortFactory(name="Tuesday group", learners=[learner], instructors=[instructor])


def assign_in_admin(client, *, quiz, cohort, opens_at, due_at, attempt_limit) -> Assignment:
    response = client.post(
        "/en/admin/quizzes/assignment/add/",
        {
            "quiz": quiz.pk,
            "cohorts": [cohort.pk],
            "opens_at_0": opens_at.date().isoformat(),
            "opens_at_1": opens_at.time().isoformat(),
            "due_at_0": due_at.date().isoformat(),
            "due_at_1": due_at.time().isoformat(),
            "attempt_limit": attempt_limit,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return Assignment.objects.get()


def test_an_assignment_goes_from_the_admin_to_the_learner_and_back(
    clock, quiz, cohort, instructor, instructor_client, learner_client, other_learner_client
):
    opens_at, due_at = NOW + timedelta(days=1), NOW + timedelta(days=3)
    assignment = assign_in_admin(
        instructor_client,
        quiz=quiz,
        cohort=cohort,
        opens_at=opens_at,
        due_at=due_at,
        attempt_limit=2,
    )
    assert assignment.created_by == instructor

    listed = learner_client.get("/api/v1/me/assignments/").json()["results"]
    assert [(row["id"], row["quiz"], row["status"]) for row in listed] == [
        (assignment.pk, quiz.slug, Status.UPCOMING)
    ]
    assert listed[0]["attempt_limit"] == 2, "the override, not the quiz's 5"
    assert listed[0]["due_at"].startswith("2026-03-05")
    assert other_learner_client.get("/api/v1/me/assignments/").json()["results"] == []

    body = {"quiz": quiz.slug, "client_id": "6a3c1a34-9f0e-4d55-8a53-5c3f0f0c1d01"}
    early = learner_client.post("/api/v1/attempts/", {**body, "assignment": assignment.pk}, "json")
    assert_error(early, 403, ErrorCode.ASSIGNMENT_NOT_OPEN)
    assert not Attempt.objects.exists(), "a refused start wrote an attempt"

    outsider = other_learner_client.post(
        "/api/v1/attempts/", {**body, "assignment": assignment.pk}, format="json"
    )
    assert_error(outsider, 400, ErrorCode.INVALID)

    clock.advance(days=1, minutes=1)
    started = learner_client.post(
        "/api/v1/attempts/", {**body, "assignment": assignment.pk}, format="json"
    )
    assert started.status_code == 201, started.content
    attempt = started.json()
    assert attempt["assignment"] == assignment.pk and attempt["after_due"] is False
    listed = learner_client.get("/api/v1/me/assignments/").json()["results"]
    assert listed[0]["status"] == Status.IN_PROGRESS and listed[0]["attempts_left"] == 1

    clock.advance(days=3)  # past the due date
    question = attempt["questions"][0]["id"]
    graded = submit(
        learner_client,
        attempt["id"],
        {"responses": [{"question": question, "answer": {"text": "piriformis"}}]},
    )
    assert graded.status_code == 200, graded.content
    assert graded.json()["after_due"] is True
    assert graded.json()["submitted_late"] is False, "after_due is not the time limit"
    kept = Attempt.objects.get(pk=attempt["id"])
    assert (kept.after_due, kept.score, kept.assignment_id) == (True, 1.0, assignment.pk)
    row = learner_client.get("/api/v1/me/assignments/").json()["results"][0]
    assert (row["status"], row["best_score"], row["passed"]) == (Status.LATE, 1.0, True)

    second = start(learner_client, quiz.slug)  # practice outside the assignment: quiz limit
    assert second.status_code == 201
    again = learner_client.post(
        "/api/v1/attempts/",
        {
            "quiz": quiz.slug,
            "client_id": "6a3c1a34-9f0e-4d55-8a53-5c3f0f0c1d02",
            "assignment": assignment.pk,
        },
        format="json",
    )
    assert again.status_code == 201, "the second of two attempts the override allows"
    third = learner_client.post(
        "/api/v1/attempts/",
        {
            "quiz": quiz.slug,
            "client_id": "6a3c1a34-9f0e-4d55-8a53-5c3f0f0c1d03",
            "assignment": assignment.pk,
        },
        format="json",
    )
    assert_error(third, 403, ErrorCode.ATTEMPT_LIMIT_REACHED)


def test_an_assignment_for_another_quiz_is_refused(clock, quiz, cohort, learner_client):
    assignment = AssignmentFactory(cohorts=[cohort])
    response = learner_client.post(
        "/api/v1/attempts/",
        {
            "quiz": quiz.slug,
            "client_id": "6a3c1a34-9f0e-4d55-8a53-5c3f0f0c1d09",
            "assignment": assignment.pk,
        },
        format="json",
    )
    error = assert_error(response, 400, ErrorCode.INVALID)
    assert "assignment" in error["details"]


def test_a_learner_assigned_one_by_one_sees_it_too(clock, quiz, learner):
    assignment = AssignmentFactory(quiz=quiz, learners=[learner])
    assert [row.id for row in learner_assignments(learner=learner)] == [assignment.pk]


def test_unpublished_quizzes_are_not_listed(clock, quiz, cohort, learner):
    AssignmentFactory(quiz=quiz, cohorts=[cohort])
    quiz.published = False
    quiz.save()
    assert learner_assignments(learner=learner) == []


def test_me_assignments_runs_a_fixed_number_of_queries(
    clock, quiz, cohort, learner, learner_client, django_assert_max_num_queries
):
    for _ in range(10):
        AssignmentFactory(quiz=quiz, cohorts=[cohort], learners=[learner])
    with django_assert_max_num_queries(6):
        rows = learner_client.get("/api/v1/me/assignments/").json()["results"]
    assert len(rows) == 10, "an assignment given both ways is listed once"


# --- the status rule -------------------------------------------------------------------------

SUBMITTED, LATE, OPEN = (
    AttemptState(True, False),
    AttemptState(True, True),
    AttemptState(False, False),
)
STATUS_TABLE = [
    ("nothing yet, open", None, [], Status.NOT_STARTED),
    ("nothing yet, opens tomorrow", NOW + timedelta(days=1), [], Status.UPCOMING),
    ("an open attempt", None, [OPEN], Status.IN_PROGRESS),
    ("submitted by the due date", None, [SUBMITTED], Status.SUBMITTED),
    ("submitted after it", None, [LATE], Status.LATE),
    ("late, then on time wins", None, [LATE, SUBMITTED], Status.SUBMITTED),
    ("late and open", None, [OPEN, LATE], Status.LATE),
]


@pytest.mark.parametrize(
    "opens_at, attempts, expected",
    [pytest.param(*row[1:], id=row[0]) for row in STATUS_TABLE],
)
def test_assignment_status(opens_at, attempts, expected):
    assert assignment_status(opens_at=opens_at, attempts=attempts, now=NOW) == expected


def test_status_counts_of_an_assignment(clock, quiz, instructor):
    learners = UserFactory.create_batch(4)
    cohort = CohortFactory(learners=learners, instructors=[instructor])
    assignment = AssignmentFactory(quiz=quiz, cohorts=[cohort], due_at=NOW + timedelta(hours=1))
    services.attempt_start(
        learner=learners[0], quiz=quiz, client_id=_uuid(1), assignment=assignment
    )
    done, _ = services.attempt_start(
        learner=learners[1], quiz=quiz, client_id=_uuid(2), assignment=assignment
    )
    services.attempt_submit(learner=learners[1], attempt_id=done.pk, answers=[])
    late, _ = services.attempt_start(
        learner=learners[2], quiz=quiz, client_id=_uuid(3), assignment=assignment
    )
    clock.advance(hours=2)
    services.attempt_submit(learner=learners[2], attempt_id=late.pk, answers=[])
    counts = assignment_status_counts([assignment])[assignment.pk]
    assert dict(counts) == {
        Status.IN_PROGRESS: 1,
        Status.SUBMITTED: 1,
        Status.LATE: 1,
        Status.NOT_STARTED: 1,
    }


def _uuid(n: int) -> uuid.UUID:
    return uuid.UUID(int=n)


def start_body(quiz, client_id, assignment=None) -> dict:
    body = {"quiz": quiz.slug, "client_id": str(client_id)}
    if assignment is not None:
        body["assignment"] = assignment
    return body


def test_a_replayed_start_answers_its_attempt_after_the_quiz_is_unpublished(
    clock, quiz, cohort, learner_client
):
    """DESIGN: 200 with the same attempt whenever that learner's client_id was seen before
    (an offline phone replays its queued start after an instructor unpublished the quiz)."""
    assignment = AssignmentFactory(quiz=quiz, cohorts=[cohort])
    bodies = [start_body(quiz, uuid.uuid4()), start_body(quiz, uuid.uuid4(), assignment.pk)]
    started = [learner_client.post("/api/v1/attempts/", body, format="json") for body in bodies]
    assert [response.status_code for response in started] == [201, 201]
    quiz.published = False
    quiz.save()
    for body, first in zip(bodies, started, strict=True):
        replay = learner_client.post("/api/v1/attempts/", body, format="json")
        assert replay.status_code == 200, replay.content
        assert replay.json()["id"] == first.json()["id"]
    fresh = learner_client.post("/api/v1/attempts/", start_body(quiz, uuid.uuid4()), format="json")
    assert "quiz" in assert_error(fresh, 400, ErrorCode.INVALID)["details"]
    assert Attempt.objects.count() == 2


def test_another_learners_client_id_does_not_open_an_unpublished_quiz(
    clock, quiz, learner_client, other_learner
):
    client_id = uuid.uuid4()
    services.attempt_start(learner=other_learner, quiz=quiz, client_id=client_id)
    quiz.published = False
    quiz.save()
    response = learner_client.post("/api/v1/attempts/", start_body(quiz, client_id), format="json")
    assert "quiz" in assert_error(response, 400, ErrorCode.INVALID)["details"]


def test_a_client_id_reused_with_another_assignment_says_what_differs(
    clock, quiz, cohort, learner_client
):
    """The same client_id for the same quiz but another assignment (or none) is not a replay:
    answering the stored attempt would let the learner believe an attempt counts for an
    assignment it does not. 409, and the message names the assignment, not another quiz."""
    first, second = (AssignmentFactory(quiz=quiz, cohorts=[cohort]) for _ in range(2))
    cases = [(first.pk, None), (None, first.pk), (first.pk, second.pk)]
    for stored, sent in cases:
        client_id = uuid.uuid4()
        created = learner_client.post(
            "/api/v1/attempts/", start_body(quiz, client_id, stored), format="json"
        )
        assert created.status_code == 201, created.content
        reused = learner_client.post(
            "/api/v1/attempts/", start_body(quiz, client_id, sent), format="json"
        )
        error = assert_error(reused, 409, ErrorCode.CLIENT_ID_IN_USE)
        assert "another quiz" not in error["message"], error
        assert "assignment" in error["message"] and list(error["details"]) == ["assignment"]


def test_a_client_id_reused_for_another_quiz_names_the_quiz(clock, quiz, learner_client):
    client_id = uuid.uuid4()
    assert (
        learner_client.post(
            "/api/v1/attempts/", start_body(quiz, client_id), format="json"
        ).status_code
        == 201
    )
    other = QuizFactory(questions=list(quiz.questions.all()))
    reused = learner_client.post("/api/v1/attempts/", start_body(other, client_id), format="json")
    error = assert_error(reused, 409, ErrorCode.CLIENT_ID_IN_USE)
    assert "another quiz" in error["message"] and list(error["details"]) == ["quiz"], error


@pytest.mark.parametrize("language", ["en", "es"])
def test_whether_an_assignment_exists_cannot_be_told_apart(
    clock, quiz, cohort, learner_client, language
):
    """Someone else's assignment, one that never existed and an id past the database's
    integers are refused with the very same answer."""
    elsewhere = AssignmentFactory(quiz=quiz, cohorts=[CohortFactory(learners=[UserFactory()])])
    never = elsewhere.pk + 1000
    answers = []
    for assignment in (elsewhere.pk, never, 2**63):
        response = learner_client.post(
            "/api/v1/attempts/",
            start_body(quiz, uuid.uuid4(), assignment),
            format="json",
            HTTP_ACCEPT_LANGUAGE=language,
        )
        answers.append(assert_error(response, 400, ErrorCode.INVALID))
    assert answers[0] == answers[1] == answers[2], answers
    assert "assignment" in answers[0]["details"]
    assert not Attempt.objects.exists()


def test_a_replayed_client_id_does_not_tell_whether_an_assignment_exists(
    clock, quiz, cohort, learner_client
):
    """Replaying the learner's own client_id with someone else's assignment is refused as
    with a fresh id, not as a conflict of ids (which said the assignment exists)."""
    elsewhere = AssignmentFactory(quiz=quiz, cohorts=[CohortFactory(learners=[UserFactory()])])
    own = uuid.uuid4()
    started = learner_client.post("/api/v1/attempts/", start_body(quiz, own), format="json")
    assert started.status_code == 201, started.content
    answers = [
        assert_error(
            learner_client.post(
                "/api/v1/attempts/", start_body(quiz, client_id, assignment), format="json"
            ),
            400,
            ErrorCode.INVALID,
        )
        for client_id in (own, uuid.uuid4())
        for assignment in (elsewhere.pk, elsewhere.pk + 1000)
    ]
    assert all(answer == answers[0] for answer in answers), answers
    assert Attempt.objects.count() == 1
