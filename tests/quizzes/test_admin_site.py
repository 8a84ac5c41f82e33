"""The instructors' admin: branded Rootwise; the Instructors group holds exactly what it needs;
attempts read as the learner gave them, beside the key, with abandoned ones out of the way."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from core.permissions import INSTRUCTORS_GROUP
from quizzes import services
from quizzes.models import Attempt, Choice, Kind, Question
from tests.factories import AssignmentFactory, CohortFactory, QuizFactory, UserFactory
from tests.quizzes.answers import right_answer

# What an instructor may do, and nothing more (issue 15: "exactly the permissions this needs").
INSTRUCTOR_PERMISSIONS = {
    "learning.view_course", "learning.change_course",
    "learning.add_lesson", "learning.view_lesson", "learning.change_lesson",
    "learning.add_glossaryterm", "learning.view_glossaryterm", "learning.change_glossaryterm",
    "learning.view_lessonprogress",
    *(f"quizzes.{action}_{model}" for model in (
        "quiz", "question", "choice", "acceptedanswer", "quizquestion", "cohort", "assignment",
        "wronganswer", "lexiconterm",
    ) for action in ("add", "view", "change", "delete")),
    "quizzes.view_attempt", "quizzes.view_response",
    "quizzes.add_answeracceptance", "quizzes.view_answeracceptance",
    "quizzes.change_answeracceptance",
    "quizzes.create_learner_accounts", "quizzes.reset_learner_password",
    "auth.view_user",
}  # fmt: skip


def test_the_instructors_group_has_exactly_the_permissions_it_needs(db):
    group = Group.objects.get(name=INSTRUCTORS_GROUP)
    granted = {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    assert granted == INSTRUCTOR_PERMISSIONS, (
        f"extra: {sorted(granted - INSTRUCTOR_PERMISSIONS)}; "
        f"missing: {sorted(INSTRUCTOR_PERMISSIONS - granted)}"
    )


@pytest.mark.parametrize("language", ["en", "es", "fr", "ar"])
def test_the_admin_is_branded_rootwise(instructor_client, language):
    page = instructor_client.get(f"/{language}/admin/").content.decode()
    assert ">Rootwise</a>" in page and "| Rootwise</title>" in page
    assert "Django" not in page.split("<body")[1], "no Django branding left"
    assert "css/admin.css" in page


@pytest.mark.parametrize(
    "path",
    [
        "/en/admin/quizzes/cohort/",
        "/en/admin/quizzes/cohort/add/",
        "/en/admin/quizzes/assignment/",
        "/en/admin/quizzes/assignment/add/",
        "/en/admin/quizzes/attempt/",
        "/en/admin/quizzes/answeracceptance/",
        "/en/admin/auth/user/",
        "/en/admin/quizzes/question/add/?kind=set",
        "/en/admin/quizzes/quiz/",
    ],
)
def test_an_instructor_reaches_every_page_of_their_work(instructor_client, path):
    assert instructor_client.get(path).status_code == 200, path


def test_an_instructor_cannot_make_staff_or_change_accounts(instructor_client, learner):
    assert instructor_client.get("/en/admin/auth/group/").status_code == 403
    assert instructor_client.get("/en/admin/auth/user/add/").status_code == 403
    CohortFactory(learners=[learner], instructors=[])  # not theirs: not even visible
    response = instructor_client.post(
        f"/en/admin/auth/user/{learner.pk}/change/", {"username": "x", "is_staff": "on"}
    )
    learner.refresh_from_db()
    assert (learner.username, learner.is_staff) == ("learner", False), response.status_code


# --- attempts --------------------------------------------------------------------------------


@pytest.fixture
def every_kind(course, learner, instructor):
    """A submitted attempt at a quiz holding one question of each kind, each answered right."""
    CohortFactory(learners=[learner], instructors=[instructor])
    questions = [Question.objects.filter(kind=kind).order_by("key").first() for kind in Kind]
    quiz = QuizFactory(questions=questions)
    attempt, _ = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    answers = [{"question": q.pk, "answer": right_answer(q)} for q in questions]
    return services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=answers)


def test_an_attempt_shows_each_answer_as_given_beside_the_key(instructor_client, every_kind):
    page = instructor_client.get(f"/en/admin/quizzes/attempt/{every_kind.pk}/change/")
    html = page.content.decode()
    assert page.status_code == 200
    assert '{"choice"' not in html and '"question_ids"' not in html, "no raw JSON"
    for response in every_kind.responses.select_related("question"):
        question, answer = response.question, response.answer
        if question.kind == Kind.SINGLE:
            assert Choice.objects.get(pk=answer["choice"]).text in html
        elif question.kind == Kind.ORDER:
            first = Choice.objects.get(pk=answer["order"][0]).text
            assert f"1. {first}" in html, "the order the learner gave, numbered"
        elif question.kind == Kind.MATCH:
            left, right = next(iter(answer["pairs"].items()))
            pair = f"{Choice.objects.get(pk=left).text} → {Choice.objects.get(pk=right).text}"
            assert pair in html
        elif question.kind == Kind.TEXT:
            assert answer["text"] in html
    assert html.count('class="answer-right"') == len(Kind.values)


def test_the_attempt_list_hides_abandoned_attempts_by_default(
    instructor_client, learner, instructor
):
    CohortFactory(learners=[learner], instructors=[instructor])
    quiz = QuizFactory(questions=[])
    left, _ = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    Attempt.objects.filter(pk=left.pk).update(started_at=timezone.now() - timedelta(days=3))
    done, _ = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    services.attempt_submit(learner=learner, attempt_id=done.pk, answers=[])

    def listed(query=""):
        page = instructor_client.get(f"/en/admin/quizzes/attempt/{query}")
        return [a.pk for a in page.context["cl"].result_list]

    assert listed() == [done.pk], "submitted attempts by default"
    assert listed("?state=abandoned") == [left.pk]
    assert sorted(listed("?state=all")) == sorted([left.pk, done.pk])
    assert listed("?state=open") == []


def test_an_assignment_lists_its_status_counts(instructor_client, instructor, learner):
    quiz = QuizFactory(questions=[])
    cohort = CohortFactory(learners=[learner, UserFactory()], instructors=[instructor])
    assignment = AssignmentFactory(quiz=quiz, cohorts=[cohort])
    started, _ = services.attempt_start(
        learner=learner, quiz=quiz, client_id=uuid.uuid4(), assignment=assignment
    )
    services.attempt_submit(learner=learner, attempt_id=started.pk, answers=[])
    page = instructor_client.get("/en/admin/quizzes/assignment/")
    [row] = page.context["cl"].result_list
    assert dict(row.status_counts) == {"submitted": 1, "not_started": 1}


def test_an_assignment_not_open_yet_counts_its_learners_as_upcoming(instructor_client, instructor):
    cohort = CohortFactory(learners=[UserFactory(), UserFactory()], instructors=[instructor])
    AssignmentFactory(
        quiz=QuizFactory(questions=[]),
        cohorts=[cohort],
        opens_at=timezone.now() + timedelta(days=2),
    )
    page = instructor_client.get("/en/admin/quizzes/assignment/")
    [row] = page.context["cl"].result_list
    assert dict(row.status_counts) == {"upcoming": 2}
    assert "column-count_upcoming" in page.content.decode(), "a column shows them"
