"""Fault drills against two local production servers (make faults): a cache outage, a
PostgreSQL restart under load, and a worker killed in the middle of a submit storm. Each prints
what held; the exit status is non-zero when one did not.

Everything runs on private services (a Redis and a PostgreSQL cluster of our own, on free
ports), so the drills never disturb the machine's own databases.
"""

from __future__ import annotations

import http.client
import os
import signal
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers import (  # noqa: E402
    Client,
    app_servers,
    learners_env_script,
    manage,
    private_postgres,
    private_redis,
    production_env,
    wait_until,
)

PASSWORD = "drill-password-1"
READS = [
    "/api/v1/lessons/",
    "/api/v1/lessons/nerve-roots/",
    "/api/v1/glossary/",
    "/api/v1/quizzes/",
    "/api/v1/quizzes/final-review/",
]
RIGHT_ENOUGH = {  # an answer of the right shape per kind (right or wrong does not matter)
    "single": lambda q: {"choice": q["choices"][0]["id"]},
    "multiple": lambda q: {"choices": [q["choices"][0]["id"]]},
    "true_false": lambda q: {"value": True},
    "text": lambda q: {"text": "neurologist"},
    "set": lambda q: {"items": ["L4, L5 and S1"]},
    "order": lambda q: {"order": [c["id"] for c in q["choices"]]},
    "match": lambda q: {"pairs": {str(q["left"][0]["id"]): q["right"][0]["id"]}},
    "number": lambda q: {"value": 3},
}
results: list[tuple[str, bool, str]] = []


def report(drill: str, held: bool, detail: str) -> None:
    results.append((drill, held, detail))
    print(f"{'held' if held else 'FAILED'}: {drill}: {detail}", flush=True)


def answers_for(attempt: dict) -> list[dict]:
    return [
        {"question": q["id"], "answer": RIGHT_ENOUGH[q["kind"]](q)} for q in attempt["questions"]
    ]


def start_attempt(client: Client, quiz: str = "nerve-roots-quiz") -> dict:
    status, attempt = client.post(
        "/api/v1/attempts/", {"quiz": quiz, "client_id": str(uuid.uuid4())}
    )
    if status != 201:
        raise RuntimeError(f"start failed: {status} {attempt}")
    return attempt


def signed_in(port: int, number: int) -> Client:
    client = Client(port, address=f"10.1.{number // 250}.{number % 250 + 1}")
    status, body = client.sign_in(f"learner-{number}", PASSWORD)
    if status != 200:
        raise SignInRefused(status, body)
    return client


class SignInRefused(Exception):
    def __init__(self, status: int, body):
        self.status, self.body = status, body
        super().__init__(f"sign-in refused: {status} {body}")


# --- 1. the cache goes away -----------------------------------------------------------------


def drill_cache_outage(database_url: str) -> None:
    with private_redis() as (redis_url, redis_process):
        env = production_env(database_url, redis_url)
        with app_servers(2, env) as servers:
            clients = [
                Client(server.port, address=f"10.2.0.{n}") for n, server in enumerate(servers)
            ]
            for client in clients:
                for path in READS:
                    client.get(path)  # warm: bodies now in Redis and in each process
            redis_process.kill()
            redis_process.wait()
            statuses: Counter = Counter()
            deadline = time.monotonic() + 5
            sent = 0
            while time.monotonic() < deadline:
                for n, path in enumerate(READS):
                    # Each read from another learner's address, as in the benchmark: one address
                    # reading flat out would meet its own rate limit, counted per process.
                    address = f"10.3.{sent // 250 % 250}.{sent % 250 + 1}"
                    client = Client(servers[n % 2].port, address=address)
                    statuses[client.get(path)[0]] += 1
                    sent += 1
            login = Client(servers[0].port, address="10.4.0.1").sign_in("learner-0", PASSWORD)[0]
            ready = Client(servers[1].port).get("/readyz")
    total = sum(statuses.values())
    report(
        "cache outage",
        set(statuses) == {200} and login == 200 and ready[0] == 200,
        f"Redis killed after warm-up; {total} content reads in 5 s on 2 servers: "
        f"{dict(statuses)}; sign-in during the outage: {login}; /readyz: {ready[0]} {ready[1]}",
    )


# --- 2. PostgreSQL restarts under load ------------------------------------------------------


def drill_postgres_restart(cluster) -> None:
    env = production_env(cluster.url, None)
    statuses: Counter = Counter()
    bad_bodies: list = []
    stop = threading.Event()
    lock = threading.Lock()

    def record(status: int, body) -> None:
        with lock:
            statuses[status] += 1
            if status == 503 and not (isinstance(body, dict) and body.get("code") == "unavailable"):
                bad_bodies.append(body)

    def reader(port: int, n: int) -> None:
        while not stop.is_set():
            try:
                record(*Client(port, address=f"10.5.0.{n}").get(READS[n % len(READS)]))
            except OSError:
                record(0, None)

    def submitter(port: int, n: int) -> None:
        client = None
        while not stop.is_set():
            try:
                client = client or signed_in(port, 100 + n)
                status, attempt = client.post(
                    "/api/v1/attempts/", {"quiz": "symptoms-quiz", "client_id": str(uuid.uuid4())}
                )
                record(status, attempt)
                if status == 201:
                    record(*client.post(f"/api/v1/attempts/{attempt['id']}/submit/",
                                        {"responses": answers_for(attempt)}))  # fmt: skip
            except SignInRefused as refused:
                record(refused.status, refused.body)
            except OSError:
                record(0, None)
                client = None

    with app_servers(2, env) as servers:
        ports = [server.port for server in servers]
        with ThreadPoolExecutor(max_workers=6) as pool:
            for n in range(3):
                pool.submit(reader, ports[n % 2], n)
                pool.submit(submitter, ports[n % 2], n)
            time.sleep(2)
            restarted_at = time.monotonic()
            cluster.ctl("restart", "-m", "fast")
            wait_until(lambda: all(Client(p).get("/readyz")[0] == 200 for p in ports), 30)
            recovered_after = time.monotonic() - restarted_at
            time.sleep(3)
            stop.set()
        after = Counter(Client(ports[n % 2]).get(READS[n % len(READS)])[0] for n in range(20))
    half_written = count_half_written(cluster.url)
    errors = {code: count for code, count in statuses.items() if code >= 500 and code != 503}
    held = not errors and not bad_bodies and set(after) == {200} and half_written == 0
    report(
        "PostgreSQL restart",
        held,
        f"restarted under load (3 readers, 3 learners submitting): {dict(statuses)} "
        f"(0: the connection itself failed); 503s in the error shape: "
        f"{statuses[503] - len(bad_bodies)}/{statuses[503]}; both servers ready again "
        f"{recovered_after:.1f} s after the restart began, without a restart of their own; "
        f"20 reads after: {dict(after)}; half-written attempts: {half_written}",
    )


def count_half_written(database_url: str) -> int:
    """Attempts whose grading is partial: submitted with an ungraded response, or not submitted
    with a graded one."""
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as connection:
        return connection.execute(
            """
            SELECT COUNT(*) FROM quizzes_attempt a WHERE
              (a.submitted_at IS NOT NULL AND (
                 EXISTS (SELECT 1 FROM quizzes_response r
                         WHERE r.attempt_id = a.id AND r.points IS NULL)
                 OR (SELECT COUNT(*) FROM quizzes_response r WHERE r.attempt_id = a.id)
                    <> jsonb_array_length(a.question_ids::jsonb)))
              OR (a.submitted_at IS NULL AND EXISTS (
                 SELECT 1 FROM quizzes_response r
                 WHERE r.attempt_id = a.id AND r.points IS NOT NULL))
            """
        ).fetchone()[0]


# --- 3. a worker dies in a submit storm -------------------------------------------------------


def drill_killed_worker(database_url: str) -> None:
    env = production_env(database_url, None)
    with app_servers(2, env, workers=2) as servers:
        ports = [server.port for server in servers]
        learners = [signed_in(ports[n % 2], 200 + n) for n in range(40)]
        attempts = [start_attempt(client) for client in learners]
        retries = Counter()
        first_answers: dict[int, dict] = {}

        def submit(index: int) -> dict:
            client, attempt = learners[index], attempts[index]
            path = f"/api/v1/attempts/{attempt['id']}/submit/"
            body = {"responses": answers_for(attempt)}
            for _try in range(50):
                try:
                    status, graded = client.post(path, body)
                except (OSError, http.client.HTTPException):
                    retries[index] += 1  # the worker died under this request: send it again
                    time.sleep(0.2)
                    continue
                if status == 200:
                    return graded
                retries[index] += 1
                time.sleep(0.2)
            raise RuntimeError(f"attempt {attempt['id']} never answered")

        victim = servers[0].workers()[0]
        with ThreadPoolExecutor(max_workers=10) as pool:
            futures = [pool.submit(submit, index) for index in range(len(attempts))]
            time.sleep(0.05)
            os.kill(victim, signal.SIGKILL)
            for index, future in enumerate(futures):
                first_answers[index] = future.result()
        stored = [
            learners[n].get(f"/api/v1/attempts/{attempt['id']}/")[1]
            for n, attempt in enumerate(attempts)
        ]
    same = all(
        first_answers[n]["score"] == stored[n]["score"] and stored[n]["submitted_at"]
        for n in range(len(attempts))
    )
    half_written = count_half_written(database_url)
    report(
        "killed worker",
        same and half_written == 0,
        f"{len(attempts)} submits at once on 2 servers, worker {victim} killed (SIGKILL) "
        f"mid-storm; {sum(retries.values())} requests retried by their clients (same body, same "
        f"attempt); every attempt graded once, every answer equal to the stored grade: {same}; "
        f"half-written attempts: {half_written}",
    )


def main() -> int:
    print("Setting up a private PostgreSQL cluster and the course…", flush=True)
    with private_postgres() as cluster:
        env = production_env(cluster.url, None)
        manage("migrate", "--noinput", "-v0", env=env)
        manage("loadcontent", "-v0", env=env)
        manage("shell", "-c", learners_env_script(300, PASSWORD), env=env)
        drill_cache_outage(cluster.url)
        drill_postgres_restart(cluster)
        drill_killed_worker(cluster.url)
    failed = [drill for drill, held, _detail in results if not held]
    print("All three faults held." if not failed else f"Did not hold: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
