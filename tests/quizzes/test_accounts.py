"""Accounts around cohorts, through the API and the admin (issue 15, acceptance 8 and 6):
sign-up with a join code, joining a cohort, changing one's password, an instructor's reset,
accounts made in bulk (passwords shown once and in a CSV with a BOM) that can sign in, and
account deletion that keeps attempts anonymised."""

import base64
import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from core.codes import ErrorCode
from learning.models import LessonProgress
from quizzes import accounts, services
from quizzes.models import Attempt, Cohort
from tests.api import assert_error
from tests.factories import (
    PASSWORD,
    CohortFactory,
    LessonFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
)
from tests.quizzes.conftest import signed_in

User = get_user_model()
NEW_PASSWORD = "a-long-new-pass-phrase-42"
NAMES = ["Amira Haddad", "أميرة حداد", "José Núñez", "Zoë Brontë", "plain.username"]


@pytest.fixture
def cohort(instructor):
    return CohortFactory(name="Cohorte du mardi", join_code="JOIN42", instructors=[instructor])


def sign_in(client, username, password):
    return client.post(
        "/api/v1/auth/login/", {"username": username, "password": password}, format="json"
    )


# --- sign-up and joining ---------------------------------------------------------------------


def test_signup_with_a_join_code_makes_a_learner_of_that_cohort_and_signs_in(cohort, api_client):
    response = api_client.post(
        "/api/v1/auth/signup/",
        {"username": "new-learner", "password": NEW_PASSWORD, "code": "join42"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["username"] == "new-learner"
    user = User.objects.get(username="new-learner")
    assert list(user.cohorts.all()) == [cohort]
    assert not user.is_staff
    assert api_client.get("/api/v1/auth/me/").json()["authenticated"] is True


@pytest.mark.parametrize(
    "body, code, field",
    [
        ({"username": "x1", "password": NEW_PASSWORD, "code": "NOPE"}, "unknown_join_code", "code"),
        (
            {"username": "learner", "password": NEW_PASSWORD, "code": "JOIN42"},
            "invalid",
            "username",
        ),
        (
            {"username": "Learner", "password": NEW_PASSWORD, "code": "JOIN42"},
            "invalid",
            "username",
        ),
        ({"username": "x2", "password": "12345678", "code": "JOIN42"}, "invalid", "password"),
        (
            {"username": "has space", "password": NEW_PASSWORD, "code": "JOIN42"},
            "invalid",
            "username",
        ),
    ],
    ids=["unknown code", "taken", "taken in another case", "weak password", "bad username"],
)
def test_a_refused_signup_says_why_and_writes_nothing(
    cohort, learner, api_client, body, code, field
):
    before = User.objects.count()
    error = assert_error(api_client.post("/api/v1/auth/signup/", body, format="json"), 400, code)
    assert field in error["details"], error
    assert User.objects.count() == before


def test_a_signed_in_learner_joins_a_cohort_with_its_code(cohort, learner, learner_client):
    response = learner_client.post("/api/v1/cohorts/join/", {"code": " join42 "}, format="json")
    assert response.status_code == 200, response.content
    assert response.json() == {"id": cohort.pk, "name": cohort.name}
    assert learner.cohorts.filter(pk=cohort.pk).exists()
    wrong = learner_client.post("/api/v1/cohorts/join/", {"code": "JOIN43"}, format="json")
    assert_error(wrong, 400, ErrorCode.UNKNOWN_JOIN_CODE)


# --- passwords -------------------------------------------------------------------------------


def test_a_learner_changes_their_password(learner, learner_client, api_client):
    response = learner_client.post(
        "/api/v1/auth/password/",
        {"old_password": PASSWORD, "new_password": NEW_PASSWORD},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert learner_client.get("/api/v1/auth/me/").json()["authenticated"], "session kept"
    assert sign_in(api_client, "learner", NEW_PASSWORD).status_code == 200
    assert sign_in(APIClient(), "learner", PASSWORD).status_code == 400


def test_a_wrong_old_password_changes_nothing(learner, learner_client):
    response = learner_client.post(
        "/api/v1/auth/password/",
        {"old_password": "not-it", "new_password": NEW_PASSWORD},
        format="json",
    )
    assert "old_password" in assert_error(response, 400, ErrorCode.INVALID)["details"]
    learner.refresh_from_db()
    assert learner.check_password(PASSWORD)


def test_an_instructor_resets_a_learners_password_in_the_admin(cohort, learner, instructor):
    cohort.learners.add(learner)
    page = signed_in(instructor).post(
        "/en/admin/auth/user/",
        {"action": "reset_passwords", "_selected_action": [learner.pk]},
    )
    assert page.status_code == 200, page.content[:500]
    password = re.search(r"<td>learner</td><td>([a-z0-9-]+)</td>", page.content.decode())
    assert password, "the new password is not shown"
    assert sign_in(APIClient(), "learner", password.group(1)).status_code == 200


def test_an_instructor_cannot_reset_a_learner_they_do_not_teach(
    cohort, learner, other_learner, instructor
):
    CohortFactory(learners=[other_learner])  # another instructor's cohort
    signed_in(instructor).post(
        "/en/admin/auth/user/",
        {"action": "reset_passwords", "_selected_action": [other_learner.pk]},
    )
    other_learner.refresh_from_db()
    assert other_learner.check_password(PASSWORD), "reset a learner of someone else's cohort"
    with pytest.raises(Exception, match="not in a cohort you teach"):
        accounts.learner_password_reset(learner=other_learner, by=instructor)


# --- accounts in bulk ------------------------------------------------------------------------


def test_bulk_accounts_show_their_passwords_once_in_a_csv_with_a_bom_and_can_sign_in(
    cohort, instructor
):
    """Acceptance 6 (the accounts CSV) and 8 (bulk-created accounts sign in)."""
    page = signed_in(instructor).post(
        f"/en/admin/quizzes/cohort/{cohort.pk}/accounts/", {"names": "\n".join(NAMES) + "\n\n"}
    )
    assert page.status_code == 200, page.content[:1000]
    assert "no-store" in page["Cache-Control"], "a page of passwords is never cached"
    html = page.content.decode()
    data = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)"', html).group(1)
    content = base64.b64decode(data)
    assert content.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 byte-order mark"
    rows = [line.split(",") for line in content.decode("utf-8-sig").splitlines()]
    assert [row[0] for row in rows[1:]] == NAMES, "Arabic and accented names survive"
    assert rows[2][1] == "أميرة.حداد" and rows[3][1] == "josé.núñez"
    made = User.objects.filter(cohorts=cohort)
    assert made.count() == len(NAMES)
    for _name, username, password, cohort_name in rows[1:]:
        assert cohort_name == cohort.name
        assert password in html, "each password is shown on the page"
        response = sign_in(APIClient(), username, password)
        assert response.status_code == 200, (username, response.content)
    assert not any(user.check_password("") for user in made)


def test_bulk_usernames_never_collide(cohort, learner):
    made = accounts.learner_accounts_create(names=["Learner", "learner", "LEARNER"], cohort=cohort)
    assert [c.username for c in made] == ["Learner.2", "learner.3", "LEARNER.4"]


def test_only_an_instructor_of_the_cohort_makes_its_accounts(cohort, other_instructor):
    response = signed_in(other_instructor).post(
        f"/en/admin/quizzes/cohort/{cohort.pk}/accounts/", {"names": "Someone"}
    )
    assert response.status_code == 404
    assert not User.objects.filter(first_name="Someone").exists()


def test_bulk_add_by_usernames_takes_free_learners_only(cohort, instructor, other_instructor):
    free = UserFactory(username="free-learner")
    theirs = UserFactory(username="their-learner")
    CohortFactory(learners=[theirs], instructors=[other_instructor])
    response = signed_in(instructor).post(
        f"/en/admin/quizzes/cohort/{cohort.pk}/change/",
        {
            "name": cohort.name,
            "join_code": cohort.join_code,
            "instructors": [instructor.pk],
            "add_usernames": "FREE-LEARNER, their-learner nobody",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert list(cohort.learners.all()) == [free]
    messages = [str(m) for m in response.context["messages"]]
    assert any("their-learner" in m and "nobody" in m for m in messages), messages


def test_a_cohort_made_by_an_instructor_is_taught_by_them(instructor):
    response = signed_in(instructor).post(
        "/en/admin/quizzes/cohort/add/", {"name": "Only a name", "add_usernames": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(Cohort.objects.get(name="Only a name").instructors.all()) == [instructor]


# --- deleting an account ---------------------------------------------------------------------


@pytest.fixture
def history(learner):
    """Two submitted attempts and a lesson completed."""
    quiz = QuizFactory(questions=[QuestionFactory()])
    attempts = []
    for _ in range(2):
        attempt, _created = services.attempt_start(
            learner=learner, quiz=quiz, client_id=uuid.uuid4()
        )
        attempts.append(services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=[]))
    LessonProgress.objects.create(learner=learner, lesson=LessonFactory())
    return attempts


def test_a_learner_deletes_their_account_and_attempts_stay_anonymised(
    learner, learner_client, history, cohort
):
    cohort.learners.add(learner)
    response = learner_client.delete("/api/v1/me/")
    assert response.status_code == 204, response.content
    assert not User.objects.filter(pk=learner.pk).exists()
    assert not LessonProgress.objects.exists(), "progress is personal data: deleted"
    kept = Attempt.objects.filter(pk__in=[a.pk for a in history])
    assert kept.count() == 2, "attempts stay for the statistics"
    assert set(kept.values_list("learner", flat=True)) == {None}
    keys = set(kept.values_list("anonymous_key", flat=True))
    assert len(keys) == 1 and None not in keys, "one former learner's attempts stay together"
    assert learner_client.get("/api/v1/auth/me/").json()["authenticated"] is False


def test_staff_cannot_delete_themselves_through_the_api(instructor):
    client = APIClient()
    client.force_login(instructor)
    assert_error(client.delete("/api/v1/me/"), 403, ErrorCode.PERMISSION_DENIED)
    assert User.objects.filter(pk=instructor.pk).exists()


def test_an_account_deleted_in_the_admin_leaves_its_attempts_anonymised(learner, history):
    admin = UserFactory(is_staff=True, is_superuser=True)
    response = signed_in(admin).post(f"/en/admin/auth/user/{learner.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302, response.content[:500]
    assert Attempt.objects.filter(learner__isnull=True, anonymous_key__isnull=False).count() == 2
