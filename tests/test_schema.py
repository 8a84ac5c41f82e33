"""The OpenAPI schema is valid, and the API keeps it.

schemathesis fuzzes every operation in-process against the WSGI app, signed out and signed in,
with the factsheet bank loaded; hooks mix real slugs, ids and well-shaped answers into the
generated requests so the fuzzing also reaches existing objects. A scripted walk through the
happy paths validates the successful answers against the schema as well.
"""

import uuid
from dataclasses import dataclass

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.utils.crypto import get_random_string
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from learning.models import Lesson
from quizzes.models import Quiz
from tests.api import shaped_answer
from tests.factories import PASSWORD, AssignmentFactory, CohortFactory, UserFactory

SCHEMA_PATH = "/api/schema/"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Bounded so the whole module runs in seconds; derandomized so a failure replays.
FUZZ = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
# Quizzes whose questions together cover every kind (nerve roots: all but match).
OPEN_QUIZZES = ("nerve-roots-quiz", "one-patients-account-quiz")


@dataclass(frozen=True)
class Bank:
    """Real values the fuzzer mixes into what it generates."""

    lesson_slugs: list[str]
    quiz_slugs: list[str]
    attempt_ids: list[int]
    question_ids: list[int]
    answers: list[dict]
    submission: dict


@pytest.fixture
def _wsgi_keeps_the_test_connection(bank):
    """The WSGI transport fires request_started/finished, whose close_old_connections would
    close the connection holding the test's transaction on PostgreSQL. Django's test Client
    disconnects it the same way, but reconnects it after each request: so this comes after
    `bank`, which uses that client."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bank(course, learner) -> Bank:
    """The learner has two open attempts and a graded one."""
    client = APIClient()
    client.force_login(learner)
    questions = []
    attempt_ids = []
    for slug in (*OPEN_QUIZZES, "symptoms-quiz"):
        created = client.post(
            "/api/v1/attempts/", {"quiz": slug, "client_id": str(uuid.uuid4())}, format="json"
        )
        assert created.status_code == 201, created.content
        attempt_ids.append(created.json()["id"])
        questions.append(created.json()["questions"])
    graded = [{"question": q["id"], "answer": shaped_answer(q)} for q in questions[2]]
    submitted = client.post(
        f"/api/v1/attempts/{attempt_ids[2]}/submit/", {"responses": graded}, format="json"
    )
    assert submitted.status_code == 200, submitted.content
    open_questions = [question for served in questions[:2] for question in served]
    return Bank(
        lesson_slugs=list(Lesson.published_objects.values_list("slug", flat=True)),
        quiz_slugs=list(Quiz.published_objects.values_list("slug", flat=True)),
        attempt_ids=attempt_ids,
        question_ids=[question["id"] for question in open_questions],
        answers=[{"answer": shaped_answer(question)} for question in open_questions],
        submission={
            "responses": [
                {"question": question["id"], "answer": shaped_answer(question)}
                for question in questions[0]
            ]
        },
    )


def with_real_values(schema, bank: Bank):
    """Register hooks that let each generated value be swapped for a real one."""
    real_parameters = {
        "id": bank.attempt_ids,
        "question_id": bank.question_ids,
    }

    @schema.hook
    def flatmap_path_parameters(ctx, path_parameters):
        if not path_parameters:
            return st.just(path_parameters)
        path = ctx.operation.path
        real = {
            **real_parameters,
            "slug": bank.quiz_slugs if "/quizzes/" in path else bank.lesson_slugs,
        }
        return st.fixed_dictionaries(
            {
                name: st.sampled_from([value, *real.get(name, [])])
                for name, value in path_parameters.items()
            }
        )

    @schema.hook
    def flatmap_body(ctx, body):
        label = ctx.operation.label
        if label == "POST /api/v1/attempts/":
            real = st.builds(
                lambda slug, client_id: {"quiz": slug, "client_id": str(client_id)},
                st.sampled_from(bank.quiz_slugs),
                st.uuids(),
            )
        elif label == "PUT /api/v1/attempts/{id}/responses/{question_id}/":
            real = st.sampled_from(bank.answers)
        elif label == "POST /api/v1/attempts/{id}/submit/":
            real = st.sampled_from([{"responses": []}, bank.submission])
        else:
            return st.just(body)
        return st.one_of(st.just(body), real)

    return schema


def signed_in_session(user) -> dict[str, str]:
    """Cookies of a fresh session for `user`, with a CSRF secret to echo in the header."""
    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": get_random_string(32)}


@pytest.fixture
def anonymous_schema(bank, _wsgi_keeps_the_test_connection):
    return with_real_values(schemathesis.openapi.from_wsgi(SCHEMA_PATH, application), bank)


@pytest.fixture
def learner_schema(bank, learner, _wsgi_keeps_the_test_connection):
    """The schema with an auth provider that signs each case in with a fresh session (so a
    fuzzed logout cannot sign out the cases after it) and sends the CSRF token."""
    schema = with_real_values(schemathesis.openapi.from_wsgi(SCHEMA_PATH, application), bank)

    @schema.auth(refresh_interval=None)
    class SessionAuth:
        def get(self, case, ctx):
            if (case.method, case.path) == ("DELETE", "/api/v1/me/"):
                # Deleting the account is fuzzed on throwaway accounts: the cases that follow
                # still have their learner.
                return signed_in_session(UserFactory())
            return signed_in_session(learner)

        def set(self, case, data, ctx):
            case.cookies = {**(case.cookies or {}), **data}
            case.headers = {**(case.headers or {}), "X-CSRFToken": data["csrftoken"]}

    return schema


anonymous = schemathesis.pytest.from_fixture("anonymous_schema")
signed_in = schemathesis.pytest.from_fixture("learner_schema")


@anonymous.parametrize()
@FUZZ
def test_every_operation_keeps_the_schema_for_anonymous_users(case):
    cache.clear()  # neither the throttles nor the read cache carry over between examples
    case.call_and_validate(checks=CHECKS)


@signed_in.parametrize()
@FUZZ
def test_every_operation_keeps_the_schema_for_a_signed_in_learner(case):
    cache.clear()
    case.call_and_validate(checks=CHECKS)


HTTP_METHODS = {"get", "put", "post", "patch", "delete"}


def test_happy_paths_answer_as_documented(learner_schema, bank, learner):
    """Each successful answer (and the usual refusals) of a learner's walk through the API
    matches the schema: the fuzzer reaches these only by luck. The walk calls every operation
    the schema documents, so each served body is compared with its documented shape."""
    succeeded: set[tuple[str, str]] = set()
    session = signed_in_session(learner)
    auth = {"cookies": session, "headers": {"X-CSRFToken": session["csrftoken"]}}
    # Signed out, a browser still carries the CSRF cookie that auth/me set (login needs it).
    csrf_only = {
        "cookies": {"csrftoken": session["csrftoken"]},
        "headers": {"X-CSRFToken": session["csrftoken"]},
    }

    def call(path, method, expected, *, signed_in=True, session=None, **kwargs):
        credentials = session or (auth if signed_in else csrf_only)
        case = learner_schema[path][method].Case(**credentials, **kwargs)
        response = case.call_and_validate(checks=CHECKS)
        assert response.status_code == expected, (
            f"{method} {path} {kwargs}: {response.status_code} {response.text[:300]}"
        )
        if response.status_code < 300:
            succeeded.add((path, method))
        return response.json() if response.content else None

    lesson, quiz = bank.lesson_slugs[0], OPEN_QUIZZES[0]
    for signed in (False, True):
        call("/api/v1/courses/", "GET", 200, signed_in=signed)
        call("/api/v1/lessons/", "GET", 200, signed_in=signed)
        call(
            "/api/v1/lessons/{slug}/",
            "GET",
            200,
            signed_in=signed,
            path_parameters={"slug": lesson},
        )
        call("/api/v1/glossary/", "GET", 200, signed_in=signed)
        call("/api/v1/quizzes/", "GET", 200, signed_in=signed)
        call(
            "/api/v1/quizzes/{slug}/", "GET", 200, signed_in=signed, path_parameters={"slug": quiz}
        )
        call("/api/v1/auth/me/", "GET", 200, signed_in=signed)
    call(
        "/api/v1/attempts/",
        "POST",
        401,
        signed_in=False,
        body={"quiz": quiz, "client_id": str(uuid.uuid4())},
    )
    call(
        "/api/v1/auth/login/",
        "POST",
        400,
        signed_in=False,
        body={"username": learner.username, "password": "wrong"},
    )
    call(
        "/api/v1/auth/login/",
        "POST",
        200,
        signed_in=False,
        body={"username": learner.username, "password": PASSWORD},
    )

    for slug in OPEN_QUIZZES:
        body = {"quiz": slug, "client_id": str(uuid.uuid4())}
        attempt = call("/api/v1/attempts/", "POST", 201, body=body)
        assert call("/api/v1/attempts/", "POST", 200, body=body)["id"] == attempt["id"]
        ids = {"id": attempt["id"]}
        for question in attempt["questions"]:
            call(
                "/api/v1/attempts/{id}/responses/{question_id}/",
                "PUT",
                200,
                path_parameters={**ids, "question_id": question["id"]},
                body={"answer": shaped_answer(question)},
            )
        call("/api/v1/attempts/{id}/", "GET", 200, path_parameters=ids)
        call("/api/v1/attempts/{id}/submit/", "POST", 200, path_parameters=ids, body={})
        call(
            "/api/v1/attempts/{id}/submit/",
            "POST",
            200,
            path_parameters=ids,
            body={"responses": []},
        )
        call("/api/v1/attempts/{id}/", "GET", 200, path_parameters=ids)
        call(
            "/api/v1/attempts/{id}/responses/{question_id}/",
            "PUT",
            409,
            path_parameters={**ids, "question_id": attempt["questions"][0]["id"]},
            body={"answer": shaped_answer(attempt["questions"][0])},
        )
    call("/api/v1/attempts/", "GET", 200)
    listed = call("/api/v1/attempts/", "GET", 200, query={"quiz": quiz, "open": "false"})
    assert [row["quiz"] for row in listed["results"]] == [quiz]
    call("/api/v1/attempts/", "GET", 400, query={"open": "perhaps"})
    call("/api/v1/lessons/{slug}/complete/", "POST", 200, path_parameters={"slug": lesson})
    call("/api/v1/me/progress/", "GET", 200)
    cards = call("/api/v1/me/review/", "GET", 200)["results"]
    assert cards, "the walk's wrong answers made no review card"
    card = cards[0]["question"]
    review = {"answer": shaped_answer(card), "client_id": str(uuid.uuid4())}
    path = {"question_id": card["id"]}
    call("/api/v1/me/review/{question_id}/", "POST", 201, path_parameters=path, body=review)
    call("/api/v1/me/review/{question_id}/", "POST", 200, path_parameters=path, body=review)
    call("/api/v1/me/progress/", "GET", 200, query={"tz": "Europe/Madrid"})

    # Cohorts and assignments: join with a code, take an assignment, see it listed.
    cohort = CohortFactory(join_code="WALK1")
    quiz_row = Quiz.objects.get(slug=quiz)
    assignment = AssignmentFactory(quiz=quiz_row, cohorts=[cohort], attempt_limit=3)
    call("/api/v1/cohorts/join/", "POST", 200, body={"code": "walk1"})
    call("/api/v1/cohorts/join/", "POST", 400, body={"code": "NOT-A-CODE"})
    body = {"quiz": quiz, "client_id": str(uuid.uuid4()), "assignment": assignment.pk}
    taken = call("/api/v1/attempts/", "POST", 201, body=body)
    assert taken["assignment"] == assignment.pk and taken["after_due"] is False
    listed = call("/api/v1/me/assignments/", "GET", 200)
    assert [row["status"] for row in listed["results"]] == ["in_progress"]
    call(
        "/api/v1/auth/password/",
        "POST",
        400,
        body={"old_password": "wrong", "new_password": "another-long-phrase-7"},
    )
    call(
        "/api/v1/auth/password/",
        "POST",
        200,
        body={"old_password": PASSWORD, "new_password": "another-long-phrase-7"},
    )
    call("/api/v1/auth/logout/", "POST", 204)
    call(
        "/api/v1/auth/signup/",
        "POST",
        201,
        signed_in=False,
        body={"username": "walker", "password": "a-long-pass-phrase-1", "code": "WALK1"},
    )
    call(
        "/api/v1/auth/signup/",
        "POST",
        400,
        signed_in=False,
        body={"username": "walker", "password": "a-long-pass-phrase-1", "code": "WALK1"},
    )
    walker = signed_in_session(get_user_model().objects.get(username="walker"))
    as_walker = {"cookies": walker, "headers": {"X-CSRFToken": walker["csrftoken"]}}
    call("/api/v1/me/", "DELETE", 204, session=as_walker)

    documented = {
        (path, method.upper())
        for path, item in learner_schema.raw_schema["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }
    assert documented - succeeded == set(), "operations the walk never checked a success of"


def test_schema_validates_without_warnings(tmp_path):
    """`spectacular --validate --fail-on-warn` passes: every view documents its shapes."""
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert target.read_text().startswith("openapi: 3"), "the schema file was not written"


CONDITIONAL_READS = [
    "/api/v1/courses/",
    "/api/v1/lessons/",
    "/api/v1/lessons/{slug}/",
    "/api/v1/glossary/",
    "/api/v1/quizzes/",
    "/api/v1/quizzes/{slug}/",
]


@pytest.fixture
def raw_schema(db) -> dict:
    response = Client().get(SCHEMA_PATH, HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_every_operation_documents_its_406(raw_schema):
    """Content negotiation runs before anything else in every view: `Accept: text/csv`
    answers 406 in the error shape."""
    missing = [
        f"{method.upper()} {path}"
        for path, item in raw_schema["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS and "406" not in operation["responses"]
    ]
    assert missing == [], "operations that do not document 406"


def test_conditional_reads_document_304_and_412(raw_schema):
    paths = raw_schema["paths"]
    for path in CONDITIONAL_READS:
        responses = paths[path]["get"]["responses"]
        assert "304" in responses and "content" not in responses["304"], (path, responses)
        assert "412" in responses, f"GET {path} does not document 412"
    others = [
        f"{method.upper()} {path}"
        for path, item in paths.items()
        for method, operation in item.items()
        if method in HTTP_METHODS
        and path not in CONDITIONAL_READS
        and {"304", "412"} & set(operation["responses"])
    ]
    assert others == [], "only conditional reads answer 304 or 412"


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", "/api/v1/courses/"),
        ("get", "/api/v1/quizzes/nerve-roots-quiz/"),
        ("get", "/api/v1/auth/me/"),
        ("get", "/api/v1/attempts/"),
        ("get", "/api/v1/me/review/"),
        ("post", "/api/v1/attempts/"),
    ],
)
def test_an_unacceptable_accept_header_answers_406(course, learner, method, path):
    client = APIClient()
    client.force_login(learner)
    response = getattr(client, method)(path, HTTP_ACCEPT="text/csv")
    assert response.status_code == 406, response.content[:300]
    assert response.json()["code"] == "not_acceptable"
