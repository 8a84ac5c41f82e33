"""Two app servers over one PostgreSQL share nothing on local disk a learner depends on: a
learner signs in on server A, goes on on server B, and the same submit fired at both at once
makes one attempt with one grade (production settings, gunicorn, real HTTP)."""

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.db import connection

from quizzes.models import Attempt
from quizzes.models import Response as QuizResponse
from tests.api import shaped_answer
from tests.factories import PASSWORD, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="two servers share one PostgreSQL"
    ),
]


# Every server of one site shares the key that signs sessions and CSRF tokens.
SHARED_SECRET_KEY = secrets.token_urlsafe(50)


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{db['USER']}@{host}:{port}/{db['NAME']}"


@contextmanager
def app_server(port: int):
    """gunicorn with the production settings on `port`, against the test database."""
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": SHARED_SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url(),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    process = subprocess.Popen(
        [gunicorn, "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--no-control-socket"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(100):
            try:
                if request(port, "GET", "/readyz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError(f"server on {port} did not start: {process.stderr.read()}")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def request(port, method, path, body=None, cookies=None):
    """One HTTP request; returns (status, JSON body, cookies set). The servers believe they
    are behind a TLS proxy (X-Forwarded-Proto), as in production."""
    headers = {"Content-Type": "application/json", "X-Forwarded-Proto": "https"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        headers["X-CSRFToken"] = cookies.get("csrftoken", "")
        headers["Referer"] = f"https://127.0.0.1:{port}/"
    with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=20)) as conn:
        conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = conn.getresponse()
        data = response.read()
        set_cookies = {}
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                set_cookies[name] = rest.split(";", 1)[0]
    return response.status, (json.loads(data) if data else None), set_cookies


def test_sign_in_on_one_server_continue_on_another_and_submit_to_both_at_once():
    call_command("loadcontent", "--no-translations", verbosity=0)
    # Hashed as production hashes (the test settings' fast MD5 hasher is not enabled there).
    learner = UserFactory(username="two-servers")
    learner.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    learner.save()
    with app_server(free_port()) as a, app_server(free_port()) as b:
        _status, _body, cookies = request(a, "GET", "/api/v1/auth/me/")
        status, _body, signed_in = request(
            a,
            "POST",
            "/api/v1/auth/login/",
            {"username": learner.username, "password": PASSWORD},
            cookies,
        )
        assert status == 200, "sign-in on A failed"
        cookies.update(signed_in)

        status, me, _ = request(b, "GET", "/api/v1/auth/me/", cookies=cookies)
        assert status == 200 and me["username"] == learner.username, "B does not know the session"
        client_id = str(uuid.uuid4())
        status, attempt, _ = request(
            b,
            "POST",
            "/api/v1/attempts/",
            {"quiz": "nerve-roots-quiz", "client_id": client_id},
            cookies,
        )
        assert status == 201, attempt
        question = attempt["questions"][0]
        status, saved, _ = request(
            a,
            "PUT",
            f"/api/v1/attempts/{attempt['id']}/responses/{question['id']}/",
            {"answer": shaped_answer(question)},
            cookies,
        )
        assert status == 200, f"saving on A failed: {saved}"

        submit = f"/api/v1/attempts/{attempt['id']}/submit/"
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(
                pool.map(lambda port: request(port, "POST", submit, {}, cookies), [a, b])
            )

    (status_a, body_a, _), (status_b, body_b, _) = results
    assert (status_a, status_b) == (200, 200), (body_a, body_b)
    assert body_a == body_b, "the two servers answered different grades"
    assert Attempt.objects.filter(learner=learner).count() == 1
    graded = QuizResponse.objects.filter(attempt_id=attempt["id"])
    assert graded.count() == len(attempt["questions"]), "responses were graded twice"
    stored = Attempt.objects.get(pk=attempt["id"])
    assert stored.submitted_at is not None and stored.score == body_a["score"]
