"""What one write costs in-process: CPU milliseconds and queries per attempt start, answer save
and submit, measured with the production settings on the benchmark's database (run `make bench`
once first: it creates and seeds it). No HTTP and no concurrency, so the figures are the app's
own cost of a request, to compare before and after a change to a write path.

    .venv/bin/python tools/write_cost.py [--requests 40] [--profile]

CPU is the mean of the requests; statements are those of one request, authentication
included (besides BEGIN and COMMIT). Two GETs come first for scale: `/healthz` (the
benchmark's 100 %) and `auth/me` signed in, the floor under every write (session, user, DRF).

BENCH_DATABASE_URL / BENCH_REDIS_URL choose the database and cache as for tools/bench_http.py.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers import ROOT, production_env  # noqa: E402

QUIZ = "nerve-roots-quiz"
LEARNER = "bench-learner-3"


class Statements:
    """Counts the SQL statements a connection runs (besides BEGIN and COMMIT)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top 40")
    options = parser.parse_args()
    database = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rootwise_bench"
    )
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
    env = production_env(database, redis_url or None)
    env.update(ALLOWED_HOSTS="testserver", THROTTLE_SUBMIT="1000000/min",
               THROTTLE_RESPONSE="1000000/min", THROTTLE_USER="1000000/min")  # fmt: skip
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    from config import settings_module

    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="10.1.1.1")
    client.force_login(get_user_model().objects.get(username=LEARNER))

    def call(method: str, path: str, body: dict, expected: int) -> dict:
        response = getattr(client, method)(path, body, content_type="application/json")
        assert response.status_code == expected, (path, response.status_code, response.content)
        return response.json()

    def start(_attempt=None) -> dict:
        body = {"quiz": QUIZ, "client_id": str(uuid.uuid4())}
        return call("post", "/api/v1/attempts/", body, 201)

    def save(attempt: dict) -> None:
        question = next(q for q in attempt["questions"] if q["kind"] == "number")
        path = f"/api/v1/attempts/{attempt['id']}/responses/{question['id']}/"
        call("put", path, {"answer": {"value": 3}}, 200)

    def submit(attempt: dict) -> None:
        call("post", f"/api/v1/attempts/{attempt['id']}/submit/", {"responses": []}, 200)

    def cpu_of(path: str) -> str:
        """A GET's mean CPU milliseconds and statements, for scale: what any request costs
        before its own work."""
        for _ in range(20):
            assert client.get(path).status_code == 200, path
        statements = Statements()
        with connection.execute_wrapper(statements):
            client.get(path)
        cpu = time.process_time()
        for _ in range(count * 5):
            client.get(path)
        cpu = (time.process_time() - cpu) / (count * 5) * 1000
        return f"{cpu:>7.2f} ms CPU{statements.count:>4} SQL statements"

    for _ in range(3):  # warm every cache a server keeps
        attempt = start()
        save(attempt)
        submit(attempt)
    count = options.requests
    # The floor of every write: the session, the signed-in user and DRF, doing nothing else.
    print(f"{'/healthz':<14}{cpu_of('/healthz')}")
    print(f"{'auth/me':<14}{cpu_of('/api/v1/auth/me/')} (signed in, nothing else)")
    for name, write in (("attempt start", start), ("answer save", save), ("submit", submit)):
        attempts = [start() for _ in range(count + 1)]
        if write is submit:
            for attempt in attempts:
                save(attempt)
        statements = Statements()
        with connection.execute_wrapper(statements):
            write(attempts[0])
        profile = cProfile.Profile() if options.profile else None
        cpu = time.process_time()
        if profile:
            profile.enable()
        for attempt in attempts[1:]:
            write(attempt)
        if profile:
            profile.disable()
        cpu = (time.process_time() - cpu) / count * 1000
        print(f"{name:<14}{cpu:>7.1f} ms CPU{statements.count:>4} SQL statements")
        if profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
