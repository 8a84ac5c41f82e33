"""Hostile bodies against every write endpoint: each answers a documented 4xx in the error
shape and writes nothing (as an attacker or a broken client would send them)."""

import io
import json
import uuid
import wsgiref.util
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from rest_framework.test import APIClient

from config.wsgi import application
from core.codes import ErrorCode
from core.errors import DomainError
from core.parsers import MAX_JSON_DEPTH, HostileBody, check_json_value
from learning.models import LessonProgress
from quizzes import services
from quizzes.models import Attempt, Cohort, Kind
from quizzes.models import Response as QuizResponse
from review.models import Review, ReviewCard
from tests.api import assert_error
from tests.factories import (
    AcceptedAnswerFactory,
    AssignmentFactory,
    CohortFactory,
    LessonFactory,
    QuestionFactory,
    QuizFactory,
)


@dataclass(frozen=True)
class Target:
    """A write endpoint and where in its body a hostile value goes (`%s`)."""

    method: str
    path: str
    envelope: str
    signed_in: bool = True


@pytest.fixture
def world(db, learner):
    """A quiz with a text and a number question, an open attempt at it, and an assignment of
    it to the learner's cohort (whose join code is JOIN1)."""
    text = QuestionFactory(kind=Kind.TEXT, prompt="Which muscle can press on the sciatic nerve?")
    AcceptedAnswerFactory(question=text, synonyms="piriformis\npiriformis muscle")
    number = QuestionFactory(kind=Kind.NUMBER, number_answer=3)
    quiz = QuizFactory(questions=[text, number])
    attempt, _created = services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())
    services.response_save(
        learner=learner, attempt_id=attempt.pk, question_id=text.pk, answer={"text": "sciatica"}
    )
    learner_misses = services.attempt_submit(
        learner=learner,
        attempt_id=services.attempt_start(learner=learner, quiz=quiz, client_id=uuid.uuid4())[0].pk,
        answers=[{"question": text.pk, "answer": {"text": "hamstring"}}],
    )
    assert learner_misses.score == 0  # so the learner has a review card for `text`
    cohort = CohortFactory(join_code="JOIN1", learners=[learner])
    AssignmentFactory(quiz=quiz, cohorts=[cohort])
    lesson = LessonFactory()
    targets = {
        "login": Target("post", "/api/v1/auth/login/", '{"username": %s, "password": "pw"}', False),
        "signup": Target(
            "post",
            "/api/v1/auth/signup/",
            '{"username": %s, "password": "a-long-pass-phrase-1", "code": "JOIN1"}',
            False,
        ),
        "password": Target(
            "post", "/api/v1/auth/password/", '{"old_password": %s, "new_password": "x-y-z-12345"}'
        ),
        "join": Target("post", "/api/v1/cohorts/join/", '{"code": %s}'),
        "delete-me": Target("delete", "/api/v1/me/", '{"confirm": %s}'),
        # Actions that take no body refuse one as they refuse an unknown field.
        "complete": Target("post", f"/api/v1/lessons/{lesson.slug}/complete/", '{"x": %s}'),
        "logout": Target("post", "/api/v1/auth/logout/", '{"x": %s}'),
        "start-assigned": Target(
            "post",
            "/api/v1/attempts/",
            f'{{"quiz": "{quiz.slug}", "client_id": "{uuid.uuid4()}", "assignment": %s}}',
        ),
        "start": Target("post", "/api/v1/attempts/", f'{{"quiz": "{quiz.slug}", "client_id": %s}}'),
        "save": Target(
            "put", f"/api/v1/attempts/{attempt.pk}/responses/{text.pk}/", '{"answer": %s}'
        ),
        "save-number": Target(
            "put", f"/api/v1/attempts/{attempt.pk}/responses/{number.pk}/", '{"answer": %s}'
        ),
        "submit": Target(
            "post",
            f"/api/v1/attempts/{attempt.pk}/submit/",
            f'{{"responses": [{{"question": {text.pk}, "answer": %s}}]}}',
        ),
        "review": Target(
            "post",
            f"/api/v1/me/review/{text.pk}/",
            f'{{"client_id": "{uuid.uuid4()}", "answer": %s}}',
        ),
    }
    return {"targets": targets, "attempt": attempt, "text": text}


def snapshot() -> tuple:
    """Every row a write endpoint could touch: equal snapshots mean nothing was written."""
    return (
        list(Attempt.objects.order_by("pk").values_list("pk", "submitted_at", "score")),
        list(QuizResponse.objects.order_by("pk").values_list("pk", "answer", "points")),
        LessonProgress.objects.count(),
        Session.objects.count(),
        list(ReviewCard.objects.values_list("pk", "due_at", "reviews_count")),
        Review.objects.count(),
        list(get_user_model().objects.order_by("pk").values_list("pk", "password")),
        list(Cohort.learners.through.objects.order_by("pk").values_list("cohort", "user")),
    )


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


EVERY_TARGET = [
    "login",
    "start",
    "save",
    "submit",
    "review",
    "signup",
    "password",
    "join",
    "delete-me",
    "start-assigned",
    "complete",
    "logout",
]
MALFORMED = ErrorCode.MALFORMED


def each(code: ErrorCode, targets=EVERY_TARGET) -> dict[str, ErrorCode]:
    return dict.fromkeys(targets, code)


def answer_refused(code: ErrorCode) -> dict[str, ErrorCode]:
    """Saving one answer (or a review's) names why it was refused; a submit says `invalid`
    and names the response in its details."""
    return {"save": code, "review": code, "submit": ErrorCode.INVALID}


# (case, the 400's code per target, value put in the body's slot)
SLOT_CASES = [
    ("nested a thousand levels", each(MALFORMED), nested(1000)),
    (f"nested {MAX_JSON_DEPTH + 1} levels", each(MALFORMED), nested(MAX_JSON_DEPTH + 1)),
    ("a lone surrogate in a string", each(MALFORMED), '"\\ud800"'),
    ("a lone low surrogate inside text", each(MALFORMED), '"L4 \\udfff S1"'),
    ("a lone surrogate as a key", each(MALFORMED, ["save", "submit"]), '{"\\ud83d": "x"}'),
    # PostgreSQL stores no NUL in text or JSON: it failed there with a 500 page.
    ("a NUL inside text", each(MALFORMED), '"back\\u0000pain"'),
    ("a NUL as a key", each(MALFORMED, ["save", "submit"]), '{"\\u0000": "x"}'),
    ("NaN", each(MALFORMED), "NaN"),
    ("Infinity", each(MALFORMED), "-Infinity"),
    ("an integer of 5,000 digits", each(MALFORMED), "9" * 5000),
    ("a text answer that is a number", answer_refused(ErrorCode.INVALID_ANSWER), '{"text": 5}'),
    ("an answer that is a bare string", answer_refused(ErrorCode.INVALID_ANSWER), '"piriformis"'),
    ("an answer of the wrong kind", answer_refused(ErrorCode.INVALID_ANSWER), '{"choice": 1}'),
    (
        "an answer with an extra key",
        answer_refused(ErrorCode.INVALID_ANSWER),
        '{"text": "piriformis", "x": 1}',
    ),
    (
        "only invisible characters",
        answer_refused(ErrorCode.EMPTY_ANSWER),
        '{"text": "\\u200b\\u2060\\u00ad"}',
    ),
    (
        "a text of 501 characters",
        answer_refused(ErrorCode.ITEM_TOO_LONG),
        '{"text": "' + "a" * 501 + '"}',
    ),
    ("a float too big for a double", each(MALFORMED), "-1e400"),
    ("a number answer too big for a double", {"save-number": MALFORMED}, '{"value": 1e400}'),
    ("a client_id that is a number", {"start": ErrorCode.INVALID}, "7"),
    ("a username that is a list", each(ErrorCode.INVALID, ["login", "signup"]), '["learner"]'),
    ("a password that is a number", {"password": ErrorCode.INVALID}, "12345678"),
    ("a join code that is an object", {"join": ErrorCode.INVALID}, '{"code": "JOIN1"}'),
    ("a body for deleting an account", {"delete-me": ErrorCode.INVALID}, "true"),
    ("an assignment id sent as a string", {"start-assigned": ErrorCode.INVALID}, '"1"'),
    ("an assignment id sent as a float", {"start-assigned": ErrorCode.INVALID}, "1.0"),
    ("an assignment id of zero", {"start-assigned": ErrorCode.INVALID}, "0"),
]


@pytest.mark.parametrize(
    "case, target, value, code",
    [
        pytest.param(case, target, value, code, id=f"{target}: {case}")
        for case, codes, value in SLOT_CASES
        for target, code in codes.items()
    ],
)
def test_hostile_value_is_refused_and_writes_nothing(
    world, api_client, learner_client, case, target, value, code
):
    spec = world["targets"][target]
    client = learner_client if spec.signed_in else api_client
    before = snapshot()
    response = getattr(client, spec.method)(
        spec.path, data=(spec.envelope % value).encode(), content_type="application/json"
    )
    assert_error(response, 400, code)
    assert snapshot() == before, f"{case} on {target} wrote something"


# Whole bodies, the same for every endpoint: (case, raw body, content type, status, code)
JSON = "application/json"
BODY_CASES = [
    ("bytes that are not UTF-8", b'{"answer": "\xff\xfe"}', JSON, 400, MALFORMED),
    ("JSON cut short", b'{"answer": {"text": "L4"', JSON, 400, MALFORMED),
    ("not JSON at all", b"answer=L4", JSON, 400, MALFORMED),
    (
        "a key given twice",
        b'{"answer": {"text": "L4"}, "answer": {"text": "L5"}}',
        JSON,
        400,
        MALFORMED,
    ),
    ("a body that is a list", b"[]", JSON, 400, ErrorCode.INVALID),
    ("a body that is a string", b'"hello"', JSON, 400, ErrorCode.INVALID),
    ("an unknown field", b'{"unknown": 1}', JSON, 400, ErrorCode.INVALID),
    (
        "a form, not JSON",
        b"a=1",
        "application/x-www-form-urlencoded",
        415,
        "unsupported_media_type",
    ),
    ("a body over 64 KiB", b'{"a": "' + b"a" * 70_000 + b'"}', JSON, 413, "request_too_large"),
]


@pytest.mark.parametrize(
    "case, body, content_type, status, code, target",
    [
        pytest.param(*row, target, id=f"{target}: {row[0]}")
        for row in BODY_CASES
        for target in EVERY_TARGET
    ],
)
def test_hostile_body_is_refused_and_writes_nothing(
    world, api_client, learner_client, case, body, content_type, status, code, target
):
    spec = world["targets"][target]
    client = learner_client if spec.signed_in else api_client
    before = snapshot()
    response = getattr(client, spec.method)(spec.path, data=body, content_type=content_type)
    assert_error(response, status, code)
    assert snapshot() == before, f"{case} on {target} wrote something"


# Ids of the wrong type in a submit: (case, question value)
WRONG_IDS = [
    ("an id sent as a string", lambda pk: f'"{pk}"'),
    ("an id sent as a float", lambda pk: f"{pk}.0"),
    ("an id sent as true", lambda pk: "true"),
    ("an id sent as an object", lambda pk: f'{{"id": {pk}}}'),
]


@pytest.mark.parametrize("case, question", WRONG_IDS, ids=[case for case, _ in WRONG_IDS])
def test_submit_refuses_ids_that_are_not_integers(world, learner_client, case, question):
    attempt, text = world["attempt"], world["text"]
    item = f'{{"question": {question(text.pk)}, "answer": {{"text": "piriformis"}}}}'
    body = f'{{"responses": [{item}]}}'
    before = snapshot()
    response = learner_client.post(
        f"/api/v1/attempts/{attempt.pk}/submit/", data=body, content_type="application/json"
    )
    error = assert_error(response, 400, ErrorCode.INVALID)
    assert "responses" in error["details"], error
    assert snapshot() == before, f"{case} wrote something"


def test_invisible_characters_inside_an_answer_are_removed_not_spaced(world, learner_client):
    """A soft hyphen or zero-width space inside a word joins it: the answer is still right."""
    attempt, text = world["attempt"], world["text"]
    body = '{"responses": [{"question": %s, "answer": {"text": "piri\\u00adfor\\u200bmis"}}]}'
    response = learner_client.post(
        f"/api/v1/attempts/{attempt.pk}/submit/",
        data=body % text.pk,
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    graded = {r["question"]: r for r in response.json()["responses"]}
    assert graded[text.pk]["correct"] is True, graded[text.pk]["feedback"]


def test_a_service_refuses_an_answer_that_cannot_be_stored(world, learner):
    """Not only the parser: the grader's validation refuses lone surrogates too."""
    attempt, text = world["attempt"], world["text"]
    with pytest.raises(DomainError) as refused:
        services.response_save(
            learner=learner, attempt_id=attempt.pk, question_id=text.pk, answer={"text": "\ud800"}
        )
    assert refused.value.code == ErrorCode.INVALID_ANSWER


def test_a_replayed_submit_is_answered_whatever_its_body(world, learner_client):
    """A phone's offline replay must never fail: once submitted, the body is not read."""
    attempt = world["attempt"]
    first = learner_client.post(
        f"/api/v1/attempts/{attempt.pk}/submit/", data=b"{}", content_type="application/json"
    )
    assert first.status_code == 200, first.content
    replay = learner_client.post(
        f"/api/v1/attempts/{attempt.pk}/submit/",
        data=nested(1000).encode(),
        content_type="application/json",
    )
    assert replay.status_code == 200, replay.content
    assert replay.json() == first.json()


def test_a_replayed_submit_is_answered_whatever_its_body_through_the_csrf_check(world, learner):
    """As a browser sends it: the session, the CSRF token, and a body that is not even JSON.
    The CSRF check must not parse the body the view never reads."""
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(learner)
    token = client.get("/api/v1/auth/me/").cookies["csrftoken"].value
    path = f"/api/v1/attempts/{world['attempt'].pk}/submit/"

    def send(body: bytes, **headers):
        return client.post(path, data=body, content_type="application/json", **headers)

    assert_error(send(b"{{{{", HTTP_X_CSRFTOKEN=token), 400, "malformed")  # open: read, refused
    first = send(b"{}", HTTP_X_CSRFTOKEN=token)
    assert first.status_code == 200, first.content
    for body in (b"{{{{", nested(1000).encode(), b"\xff\xfe"):
        replay = send(body, HTTP_X_CSRFTOKEN=token)
        assert replay.status_code == 200, (body[:10], replay.content)
        assert replay.json() == first.json()
    assert_error(send(b"{}"), 403, "permission_denied")  # no token: refused as ever


def containers_around(scalar: str, depth: int) -> str:
    """`depth` nested containers, objects and lists in turn, with `scalar` innermost."""
    text = scalar
    for level in range(depth):
        text = f'{{"a": {text}}}' if level % 2 else f"[{text}]"
    return text


@pytest.mark.parametrize("scalar", ["1", '"L4"', "null", "true"])
@pytest.mark.parametrize(
    "depth, code",
    [(MAX_JSON_DEPTH - 1, ErrorCode.INVALID), (MAX_JSON_DEPTH, ErrorCode.INVALID)]
    + [(MAX_JSON_DEPTH + 1, MALFORMED), (MAX_JSON_DEPTH + 2, MALFORMED)],
)
def test_json_nesting_counts_containers_not_the_value_inside(db, api_client, scalar, depth, code):
    """DESIGN refuses JSON nested deeper than 32 levels: 32 containers around a scalar reach
    validation (a body that is a list is `invalid`), 33 are refused before it."""
    body = containers_around(scalar, depth)
    response = api_client.post("/api/v1/auth/login/", data=body, content_type="application/json")
    assert_error(response, 400, code)


@pytest.mark.parametrize("depth, refused", [(32, False), (33, True)])
def test_the_depth_limit_holds_for_empty_containers_too(depth, refused):
    """An empty innermost container is a level of its own."""
    for opening, closing in (("[", "]"), ('{"a":', "}")):
        body = opening * (depth - 1) + "[]" + closing * (depth - 1)
        parsed = json.loads(body)
        if refused:
            with pytest.raises(HostileBody):
                check_json_value(parsed)
        else:
            check_json_value(parsed)


LOGIN = {"username": "nobody", "password": "not-the-password"}


def send_login(client, body: bytes, content_type: str, query: str = ""):
    # generic(): post() would re-encode the body in the declared charset.
    return client.generic("POST", f"/api/v1/auth/login/{query}", body, content_type=content_type)


# (charset, query string): charsets Python knows but that are not text encodings, and names
# it does not know at all; with a query string the request's GET is decoded in it too.
UNREADABLE_CHARSETS = [
    ("base64", ""),
    ("rot13", "?lang=es"),
    ("hex", "?page=1"),
    ("zlib", ""),
    ("quopri", "?lang=fr"),
    ("uu", ""),
    ("bz2", "?lang=ar&x=%C3%B1"),
    ("no-such-charset", "?lang=es"),
]


@pytest.fixture
def wsgi(db):
    """The WSGI application's request signals would close the test's connection (PostgreSQL)
    or check it outside the test's access (SQLite): disconnected as Django's test Client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def wsgi_call(method: str, path: str, query: str, body: bytes, content_type: str):
    """One request through the project's WSGI application, as gunicorn or runserver hand it
    over (Django's test Client builds its requests without the application's handler).
    Signed out, with a CSRF cookie and header, so a write reaches the parser."""
    token = "a" * 32
    environ = {}
    wsgiref.util.setup_testing_defaults(environ)
    environ.update(
        {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "CONTENT_TYPE": content_type,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "HTTP_COOKIE": f"csrftoken={token}",
            "HTTP_X_CSRFTOKEN": token,
        }
    )
    answered = {}

    def start_response(status, headers, exc_info=None):
        answered["status"], answered["headers"] = int(status.split()[0]), dict(headers)

    content = b"".join(application(environ, start_response))
    return answered["status"], answered["headers"], content


@pytest.mark.parametrize("charset, query", UNREADABLE_CHARSETS)
def test_a_charset_that_is_not_a_text_encoding_is_refused_as_malformed(wsgi, charset, query):
    """Refused by the parser, whatever the query string: Django decodes that in the declared
    charset while it builds the request (a LookupError before any middleware ran)."""
    status, headers, content = wsgi_call(
        "POST",
        "/api/v1/auth/login/",
        query.lstrip("?"),
        json.dumps(LOGIN).encode(),
        f"application/json; charset={charset}",
    )
    assert status == 400, (status, content[:300])
    assert headers["Content-Type"] == "application/json", headers
    error = json.loads(content)
    assert error["code"] == MALFORMED and "charset" in error["message"], error


@pytest.mark.parametrize("charset, query", UNREADABLE_CHARSETS)
def test_a_read_with_such_a_charset_is_answered(wsgi, charset, query):
    """A GET has no body to refuse: it is answered as if no charset were declared."""
    status, _headers, content = wsgi_call(
        "GET", "/healthz", query.lstrip("?"), b"", f"application/json; charset={charset}"
    )
    assert status == 200, (status, content[:300])


@pytest.mark.parametrize("charset", ["base64", "rot13"])
def test_a_client_refuses_such_a_charset_the_same(db, api_client, charset):
    """The same through Django's test Client (the request class it builds itself)."""
    body = json.dumps(LOGIN).encode()
    response = send_login(api_client, body, f"application/json; charset={charset}")
    assert_error(response, 400, MALFORMED)


def test_the_charset_refusal_is_in_the_requests_language(db, api_client):
    messages = {}
    for language in ("en", "es", "fr", "ar"):
        response = api_client.generic(
            "POST",
            "/api/v1/auth/login/",
            b"{}",
            content_type="application/json; charset=base64",
            HTTP_ACCEPT_LANGUAGE=language,
        )
        messages[language] = assert_error(response, 400, MALFORMED)["message"]
        assert response["Content-Language"] == language
    assert len(set(messages.values())) == 4, f"not translated: {messages}"


# (body's encoding, declared charset or None, status, code): JSON is UTF-8 (RFC 8259); a
# text charset the client declares is honoured, an undeclared UTF-16/32 body is not UTF-8.
TEXT_ENCODINGS = [
    ("utf-16", "utf-16", 400, ErrorCode.INVALID),
    ("utf-16-le", "UTF-16LE", 400, ErrorCode.INVALID),
    ("utf-32", "utf-32", 400, ErrorCode.INVALID),
    ("latin-1", "iso-8859-1", 400, ErrorCode.INVALID),
    ("utf-16", None, 400, MALFORMED),
    ("utf-32", None, 400, MALFORMED),
    ("utf-16", "utf-8", 400, MALFORMED),
    ("utf-8", "no-such-charset", 400, MALFORMED),
]


@pytest.mark.parametrize("encoding, charset, status, code", TEXT_ENCODINGS)
def test_bodies_in_other_text_encodings(db, api_client, encoding, charset, status, code):
    """A body in a declared text encoding is read (here it reaches the credentials check,
    which refuses them as `invalid`); one whose bytes do not match its charset is malformed."""
    content_type = "application/json" + (f"; charset={charset}" if charset else "")
    body = json.dumps({**LOGIN, "username": "nadie-ñ"}, ensure_ascii=False).encode(encoding)
    response = send_login(api_client, body, content_type)
    error = assert_error(response, status, code)
    if code == ErrorCode.INVALID:
        assert "non_field_errors" in error["details"], error


# Path ids past what the database's integers hold (64-bit signed; SQLite raises OverflowError
# on them) and below: each is no such object.
HUGE_IDS = [2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, 10**30]


def path_id_targets(world) -> dict[str, tuple[str, str, str]]:
    """(method, path with {id} where the huge id goes, JSON body) per path-id operation."""
    attempt, text = world["attempt"].pk, world["text"].pk
    answer = '{"answer": {"text": "piriformis"}}'
    return {
        "attempt": ("get", "/api/v1/attempts/{id}/", ""),
        "submit": ("post", "/api/v1/attempts/{id}/submit/", "{}"),
        "save: attempt id": ("put", f"/api/v1/attempts/{{id}}/responses/{text}/", answer),
        "save: question id": ("put", f"/api/v1/attempts/{attempt}/responses/{{id}}/", answer),
        "review": (
            "post",
            "/api/v1/me/review/{id}/",
            f'{{"answer": {{"text": "piriformis"}}, "client_id": "{uuid.uuid4()}"}}',
        ),
    }


@pytest.mark.parametrize("huge", HUGE_IDS)
@pytest.mark.parametrize(
    "target", ["attempt", "submit", "save: attempt id", "save: question id", "review"]
)
def test_a_path_id_past_the_databases_integers_is_not_found(world, learner_client, target, huge):
    method, path, body = path_id_targets(world)[target]
    before = snapshot()
    response = getattr(learner_client, method)(
        path.format(id=huge), data=body.encode(), content_type="application/json"
    )
    assert_error(response, 404, ErrorCode.NOT_FOUND if target != "save: question id" else None)
    assert snapshot() == before, f"{target} with id {huge} wrote something"


@pytest.mark.parametrize("huge", [2**63 - 1, 2**63, 10**30])
def test_an_assignment_id_past_the_databases_integers_is_no_such_assignment(
    world, learner_client, huge
):
    """In the body, a huge id is refused like any assignment that is not the learner's."""
    quiz = world["attempt"].quiz
    before = snapshot()
    body = {"quiz": quiz.slug, "client_id": str(uuid.uuid4()), "assignment": huge}
    response = learner_client.post("/api/v1/attempts/", body, format="json")
    error = assert_error(response, 400, ErrorCode.INVALID)
    assert "assignment" in error["details"], error
    assert snapshot() == before


@pytest.mark.parametrize("huge", [2**63 - 1, 2**63, 10**30])
def test_a_submitted_question_id_past_the_databases_integers_is_refused(
    world, learner_client, huge
):
    attempt = world["attempt"]
    before = snapshot()
    body = {"responses": [{"question": huge, "answer": {"text": "piriformis"}}]}
    response = learner_client.post(f"/api/v1/attempts/{attempt.pk}/submit/", body, format="json")
    assert response.status_code in (400, 404), response.content
    assert_error(response, response.status_code)
    assert snapshot() == before
