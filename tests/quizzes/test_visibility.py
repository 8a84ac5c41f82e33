"""Instructor A sees nothing of instructor B's cohorts (issue 15, acceptance 1): not in the
changelists, change views, results pages, CSV exports, autocomplete or the API; A sees every
attempt of A's learners, assigned or not; a superuser sees everything."""

import uuid

import pytest
from rest_framework.test import APIClient

from learning.models import LessonProgress
from quizzes import accounts, services, visibility
from quizzes.models import Attempt, Cohort, Kind
from tests.factories import (
    AcceptedAnswerFactory,
    AssignmentFactory,
    CohortFactory,
    LessonFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
)
from tests.quizzes.conftest import signed_in


@pytest.fixture
def world(instructor, other_instructor):
    question = QuestionFactory(kind=Kind.TEXT, prompt="Which muscle?")
    AcceptedAnswerFactory(question=question, synonyms="piriformis")
    quiz = QuizFactory(questions=[question])
    mine, theirs = UserFactory(username="amira-of-a"), UserFactory(username="bruno-of-b")
    cohort_a = CohortFactory(name="Cohort of A", learners=[mine], instructors=[instructor])
    cohort_b = CohortFactory(name="Cohort of B", learners=[theirs], instructors=[other_instructor])
    assignment_a = AssignmentFactory(quiz=quiz, cohorts=[cohort_a], created_by=instructor)
    assignment_b = AssignmentFactory(quiz=quiz, cohorts=[cohort_b], created_by=other_instructor)
    attempts = {}
    for name, learner, assignment in (
        ("a-assigned", mine, assignment_a),
        ("a-practice", mine, None),
        ("b-assigned", theirs, assignment_b),
    ):
        attempt, _ = services.attempt_start(
            learner=learner, quiz=quiz, client_id=uuid.uuid4(), assignment=assignment
        )
        answers = [{"question": question.pk, "answer": {"text": "gluteus"}}]
        attempts[name] = services.attempt_submit(
            learner=learner, attempt_id=attempt.pk, answers=answers
        )
    return {
        "quiz": quiz,
        "question": question,
        "mine": mine,
        "theirs": theirs,
        "cohort_a": cohort_a,
        "cohort_b": cohort_b,
        "assignment_a": assignment_a,
        "assignment_b": assignment_b,
        "attempts": attempts,
    }


def text(response) -> str:
    return response.content.decode()


def test_changelists_show_only_what_a_teaches(world, instructor_client):
    client = instructor_client
    cohorts = text(client.get("/en/admin/quizzes/cohort/"))
    assert "Cohort of A" in cohorts and "Cohort of B" not in cohorts
    learners = text(client.get("/en/admin/auth/user/"))
    assert "amira-of-a" in learners and "bruno-of-b" not in learners
    assignments = client.get("/en/admin/quizzes/assignment/")
    listed = list(assignments.context["cl"].result_list)
    assert listed == [world["assignment_a"]]
    attempts = client.get("/en/admin/quizzes/attempt/")
    shown = {a.pk for a in attempts.context["cl"].result_list}
    mine = {world["attempts"]["a-assigned"].pk, world["attempts"]["a-practice"].pk}
    assert shown == mine, "every attempt of A's learners, assigned or not, and nothing else"


def test_change_views_of_bs_objects_are_closed_to_a(world, instructor_client):
    client = instructor_client
    urls = [
        f"/en/admin/quizzes/cohort/{world['cohort_b'].pk}/change/",
        f"/en/admin/quizzes/assignment/{world['assignment_b'].pk}/change/",
        f"/en/admin/quizzes/attempt/{world['attempts']['b-assigned'].pk}/change/",
        f"/en/admin/auth/user/{world['theirs'].pk}/change/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 404), f"{url}: {response.status_code}"
        assert "bruno-of-b" not in text(response) and "Cohort of B" not in text(response)


def test_lesson_progress_shows_only_as_learners(world, instructor_client):
    lesson = LessonFactory()
    mine = LessonProgress.objects.create(learner=world["mine"], lesson=lesson)
    theirs = LessonProgress.objects.create(learner=world["theirs"], lesson=lesson)
    listed = instructor_client.get("/en/admin/learning/lessonprogress/?q=of")
    assert [p.pk for p in listed.context["cl"].result_list] == [mine.pk]
    response = instructor_client.get(f"/en/admin/learning/lessonprogress/{theirs.pk}/change/")
    assert response.status_code in (302, 404) and "bruno-of-b" not in text(response)


def test_a_password_reset_names_only_as_cohorts(world, instructor):
    shared = world["theirs"]
    world["cohort_a"].learners.add(shared)
    credentials = accounts.learner_password_reset(learner=shared, by=instructor)
    assert credentials.cohort == "Cohort of A", "another instructor's cohort is not A's to see"


def test_a_cannot_change_bs_cohort(world, instructor_client, instructor):
    cohort = world["cohort_b"]
    instructor_client.post(
        f"/en/admin/quizzes/cohort/{cohort.pk}/change/",
        {"name": "Taken over", "instructors": [instructor.pk], "learners": []},
    )
    cohort.refresh_from_db()
    assert cohort.name == "Cohort of B"
    assert list(cohort.learners.all()) == [world["theirs"]]
    assert not cohort.instructors.filter(pk=instructor.pk).exists()


def test_results_and_exports_of_bs_assignment_are_closed_to_a(world, instructor_client):
    pk = world["assignment_b"].pk
    for url in (
        f"/en/admin/quizzes/assignment/{pk}/results/",
        f"/en/admin/quizzes/assignment/{pk}/results.csv",
    ):
        assert instructor_client.get(url).status_code == 404, url
    own = instructor_client.get(f"/en/admin/quizzes/assignment/{world['assignment_a'].pk}/results/")
    assert own.status_code == 200 and "amira-of-a" in text(own)


def test_quiz_results_and_csv_count_only_as_learners(world, instructor_client):
    quiz = world["quiz"]
    page = instructor_client.get(f"/en/admin/quizzes/quiz/{quiz.pk}/results/")
    assert page.context["submitted"] == 2, "A's two attempts, not B's"
    assert "bruno-of-b" not in text(page)
    export = instructor_client.get(f"/en/admin/quizzes/quiz/{quiz.pk}/results.csv")
    content = export.content.decode("utf-8-sig")
    assert "amira-of-a" in content and "bruno-of-b" not in content
    assert "Cohort of B" not in content


def test_filters_and_autocomplete_do_not_reach_bs_learners(world, instructor_client):
    client = instructor_client
    by_cohort = client.get(f"/en/admin/quizzes/attempt/?cohort={world['cohort_b'].pk}")
    assert list(by_cohort.context["cl"].result_list) == []
    found = client.get(
        "/en/admin/autocomplete/",
        {"app_label": "quizzes", "model_name": "cohort", "field_name": "learners", "term": "o"},
    ).json()
    names = {item["text"] for item in found["results"]}
    assert "amira-of-a" in names and "bruno-of-b" not in names


def test_the_api_never_shows_another_learners_attempt(world, instructor):
    client = APIClient()
    client.force_login(instructor)
    theirs = world["attempts"]["b-assigned"].pk
    assert client.get(f"/api/v1/attempts/{theirs}/").status_code == 404
    assert client.get("/api/v1/attempts/").json()["results"] == []
    assert client.get("/api/v1/me/assignments/").json()["results"] == []


def test_a_learner_who_deletes_their_account_still_counts_in_as_assignment(
    world, instructor_client
):
    world["mine"].delete()
    page = instructor_client.get(
        f"/en/admin/quizzes/assignment/{world['assignment_a'].pk}/results/"
    )
    assert page.context["submitted"] == 1, "the anonymised attempt stays in the figures"
    attempts = instructor_client.get("/en/admin/quizzes/attempt/")
    assert [a.learner for a in attempts.context["cl"].result_list] == [None, None], (
        "both attempts stay A's to see, the assigned one and the unassigned one"
    )


def delete_account(how: str, learner) -> None:
    """Delete an account as the app can: the learner in the API, an administrator in the
    admin (one, or several with the changelist's action), the shell."""
    admin = UserFactory(is_staff=True, is_superuser=True)
    if how == "api":
        client = APIClient()
        client.force_login(learner)
        assert client.delete("/api/v1/me/").status_code == 204
    elif how == "admin":
        deleted = signed_in(admin).post(f"/en/admin/auth/user/{learner.pk}/delete/", {"post": "y"})
        assert deleted.status_code == 302
    elif how == "admin-action":
        deleted = signed_in(admin).post(
            "/en/admin/auth/user/",
            {"action": "delete_selected", "_selected_action": [learner.pk], "post": "yes"},
        )
        assert deleted.status_code == 302
    else:
        learner.delete()
    assert not type(learner).objects.filter(pk=learner.pk).exists(), f"{how}: not deleted"


@pytest.mark.parametrize("how", ["api", "admin", "admin-action", "shell"])
def test_a_deleted_learner_of_bs_cohort_stays_out_of_as_shared_assignment(
    world, instructor_client, how
):
    """A superuser's assignment reaches both cohorts: once B's learner is deleted, their
    anonymised attempt is still B's only, on A's results page, in A's CSV and attempts."""
    shared = AssignmentFactory(quiz=world["quiz"], cohorts=[world["cohort_a"], world["cohort_b"]])
    for learner, language in ((world["mine"], "en"), (world["theirs"], "fr")):
        attempt, _ = services.attempt_start(
            learner=learner,
            quiz=world["quiz"],
            client_id=uuid.uuid4(),
            assignment=shared,
            language=language,
        )
        answers = [{"question": world["question"].pk, "answer": {"text": "gluteus"}}]
        services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=answers)
    delete_account(how, world["theirs"])
    page = instructor_client.get(f"/en/admin/quizzes/assignment/{shared.pk}/results/")
    assert page.context["submitted"] == 1, "B's former learner counted on A's results page"
    export = instructor_client.get(f"/en/admin/quizzes/assignment/{shared.pk}/results.csv")
    assert "deleted account" not in export.content.decode("utf-8-sig"), "a row of B's learner"
    quiz = instructor_client.get(f"/en/admin/quizzes/quiz/{world['quiz'].pk}/results/")
    assert quiz.context["submitted"] == 3, "A's learner's three attempts, nothing of B's"
    seen_by_b = visibility.attempts_for(world["cohort_b"].instructors.get())
    assert seen_by_b.filter(learner__isnull=True).count() == 2, "B keeps seeing both of them"


# Where the learner was when the account was deleted → which instructors still see the
# attempts (assigned and unassigned alike).
@pytest.mark.parametrize(
    "cohorts, seen_by",
    [
        (["cohort_a"], {"a"}),
        (["cohort_b"], {"b"}),
        (["cohort_a", "cohort_b"], {"a", "b"}),
        ([], set()),  # moved out of A's cohort before the deletion
    ],
)
def test_an_anonymised_attempt_is_seen_by_the_instructors_of_the_learners_cohorts(
    world, instructor, other_instructor, cohorts, seen_by
):
    mine = world["mine"]
    mine.cohorts.set([world[name] for name in cohorts])
    before = {
        name: set(visibility.attempts_for(user).values_list("pk", flat=True))
        for name, user in (("a", instructor), ("b", other_instructor))
    }
    mine.delete()
    ids = {world["attempts"]["a-assigned"].pk, world["attempts"]["a-practice"].pk}
    for name, user in (("a", instructor), ("b", other_instructor)):
        seen = set(visibility.attempts_for(user).values_list("pk", flat=True)) & ids
        assert seen == (ids if name in seen_by else set()), f"instructor {name} sees {seen}"
        assert seen == before[name] & ids, f"deletion changed what instructor {name} sees"


def test_a_deleted_learners_unassigned_attempts_stay_in_as_quiz_results(world, instructor_client):
    """README: attempts stay for the statistics so first-attempt figures stay right."""
    url = f"/en/admin/quizzes/quiz/{world['quiz'].pk}/results/"

    def figures() -> tuple[int, int]:
        page = instructor_client.get(url).context
        return page["submitted"], len(page["learner_rows"]) + page["learners_cut"]

    def by_cohort() -> int:
        cohort = world["cohort_a"].pk
        return len(
            instructor_client.get(f"/en/admin/quizzes/attempt/?cohort={cohort}")
            .context["cl"]
            .result_list
        )

    before, listed = figures(), by_cohort()
    world["mine"].delete()
    assert figures() == before == (2, 1), "attempts (and learners) left A's quiz results"
    assert by_cohort() == listed == 2, "the cohort filter of A's attempts lost them"


def test_a_superuser_sees_everything(world):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client = signed_in(admin)
    assert {c.pk for c in client.get("/en/admin/quizzes/cohort/").context["cl"].result_list} == {
        c.pk for c in Cohort.objects.all()
    }
    attempts = client.get("/en/admin/quizzes/attempt/").context["cl"].result_list
    assert {a.pk for a in attempts} == set(Attempt.objects.values_list("pk", flat=True))
    page = client.get(f"/en/admin/quizzes/quiz/{world['quiz'].pk}/results/")
    assert page.context["submitted"] == 3


def test_an_assignment_shared_by_a_superuser_keeps_bs_cohort_when_a_saves_it(
    world, instructor_client, instructor
):
    shared = AssignmentFactory(quiz=world["quiz"], cohorts=[world["cohort_a"], world["cohort_b"]])
    response = instructor_client.get(f"/en/admin/quizzes/assignment/{shared.pk}/change/")
    assert "Cohort of B" not in text(response)
    saved = instructor_client.post(
        f"/en/admin/quizzes/assignment/{shared.pk}/change/",
        {
            "quiz": world["quiz"].pk,
            "cohorts": [world["cohort_a"].pk],
            "attempt_limit": 3,
        },
    )
    assert saved.status_code == 302, text(saved)[:2000]
    assert set(shared.cohorts.all()) == {world["cohort_a"], world["cohort_b"]}
