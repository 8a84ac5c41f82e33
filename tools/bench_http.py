"""make bench: the production configuration under load, over HTTP, as DESIGN.md measures it.

Starts gunicorn (2 workers, production settings) on PostgreSQL + Redis (tools/prod-env.sh;
BENCH_DATABASE_URL / BENCH_REDIS_URL change them, e.g. a SQLite file and no Redis), seeds a
realistic volume (manage.py seedvolume), then drives load from other processes: wrk (Debian's)
for the reads, each request from another address, and a small asyncio client for the writes
(each learner starts a fresh attempt, saves an answer and submits it: every submit is the first
of its attempt, never a replay). Prints requests per second, p50 and p99 per endpoint, and each
as a share of /healthz in the same run.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers import ROOT, Client, app_servers, manage, production_env  # noqa: E402

CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WRITERS = int(os.environ.get("BENCH_WRITERS", "16"))
PASSWORD = "bench-learner-password"
READS = [
    ("/healthz", "/healthz"),
    ("lesson list", "/api/v1/lessons/"),
    ("lesson detail", "/api/v1/lessons/nerve-roots/"),
    ("quiz detail (final review)", "/api/v1/quizzes/final-review/"),
    ("glossary", "/api/v1/glossary/"),
]
WRITE_QUIZ = "nerve-roots-quiz"


def wrk(port: int, path: str) -> dict:
    """One wrk run; requests per second and latency percentiles (ms)."""
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--latency",
            "-s",
            str(ROOT / "tools" / "many-learners.lua"),
            f"http://127.0.0.1:{port}{path}",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "rps": rps,
        "p50": _latency(output, "50%"),
        "p99": _latency(output, "99%"),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


def _latency(output: str, percentile: str) -> float:
    match = re.search(rf"^\s+{re.escape(percentile)}\s+([\d.]+)(us|ms|s)", output, re.MULTILINE)
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


# --- the write flow: an asyncio HTTP/1.1 client with keep-alive ------------------------------


class Connection:
    """One learner's HTTP/1.1 connection (reopened when the server closes it)."""

    def __init__(self, port: int, cookies: dict[str, str], address: str):
        self.port, self.cookies, self.address = port, cookies, address
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body: dict | None = None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        payload = json.dumps(body).encode() if body is not None else b""
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\nCookie: {cookie}\r\n"
            f"X-CSRFToken: {self.cookies.get('csrftoken', '')}\r\n"
            f"Referer: https://127.0.0.1:{self.port}/\r\nX-Forwarded-Proto: https\r\n"
            f"X-Forwarded-For: {self.address}\r\n\r\n"
        )
        self.writer.write(head.encode() + payload)
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length, close = 0, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and value.strip().lower() == "close":
                close = True  # gunicorn's sync workers answer one request per connection
        data = await self.reader.readexactly(length) if length else b""
        if close:
            self.writer.close()
            self.reader = self.writer = None
        return status, (json.loads(data) if data else None)


async def timed(conn: Connection, method: str, path: str, body, times: list, errors: list):
    started = time.perf_counter()
    status, data = await conn.request(method, path, body)
    times.append(time.perf_counter() - started)
    if status not in (200, 201):
        errors.append(status)
    return status, data


async def phase(conns: list[Connection], step) -> dict:
    """Run `step(conn, times, errors)` on every connection at once; its rate and latencies."""
    times: list[float] = []
    errors: list[int] = []
    started = time.monotonic()
    await asyncio.gather(*(step(conn, times, errors) for conn in conns))
    return {"elapsed": time.monotonic() - started, "times": times, "errors": errors}


async def drive_writes(port: int, sessions: list[dict[str, str]]) -> dict:
    """Three phases, each measured on its own: starting attempts (for SECONDS), saving an
    answer in each, then submitting each (the first submit of every attempt)."""
    conns = [Connection(port, cookies, f"10.9.0.{n + 1}") for n, cookies in enumerate(sessions)]
    started: dict[Connection, list[dict]] = {conn: [] for conn in conns}

    async def create(conn, times, errors):
        deadline = time.monotonic() + SECONDS
        while time.monotonic() < deadline:
            body = {"quiz": WRITE_QUIZ, "client_id": str(uuid.uuid4())}
            status, attempt = await timed(conn, "POST", "/api/v1/attempts/", body, times, errors)
            if status == 201:
                started[conn].append(attempt)

    async def save(conn, times, errors):
        for attempt in started[conn]:
            question = next(q for q in attempt["questions"] if q["kind"] == "number")
            path = f"/api/v1/attempts/{attempt['id']}/responses/{question['id']}/"
            await timed(conn, "PUT", path, {"answer": {"value": 3}}, times, errors)

    async def submit(conn, times, errors):
        for attempt in started[conn]:
            path = f"/api/v1/attempts/{attempt['id']}/submit/"
            await timed(conn, "POST", path, {"responses": []}, times, errors)

    return {
        "attempt create": await phase(conns, create),
        "response save": await phase(conns, save),
        "attempt submit": await phase(conns, submit),
    }


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk is missing: install Debian's wrk (make bench does: apt-get install wrk).")
        return 1
    database = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rootwise_bench"
    )
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
    env = production_env(database, redis_url or None)
    # The benchmark measures capacity: the per-user write limits (a learner's own pace) would
    # refuse 16 learners submitting flat out. The throttles still run and count every request.
    env.update(THROTTLE_SUBMIT="1000000/min", THROTTLE_RESPONSE="1000000/min",
               THROTTLE_USER="1000000/min")  # fmt: skip
    if database.startswith("postgres"):
        subprocess.run(
            [sys.executable, str(ROOT / "tools" / "ensure_database.py"), database], check=True
        )
    print(f"Preparing {database} (cache: {redis_url or 'local memory'})…", flush=True)
    manage("migrate", "--noinput", "-v0", env=env)
    manage("loadcontent", "-v0", env=env)
    manage("seedvolume", "--password", PASSWORD, env=env)
    if redis_url:
        import redis

        redis.Redis.from_url(redis_url).flushdb()
    with app_servers(1, env, workers=2) as (server,):
        port = server.port
        sessions = []
        for number in range(WRITERS):
            client = Client(port, address=f"10.8.0.{number + 1}")
            status, body = client.sign_in(f"bench-learner-{number}", PASSWORD)
            if status != 200:
                raise SystemExit(f"sign-in failed: {status} {body}")
            sessions.append(dict(client.cookies))
        for _name, path in READS:  # warm every cache level
            for _ in range(20):
                Client(port).get(path)
        results = {}
        for name, path in READS:
            results[name] = wrk(port, path)
        writes = asyncio.run(drive_writes(port, sessions))
    cores = os.cpu_count()
    bare = results["/healthz"]["rps"]
    print(f"\n{cores} cores; gunicorn -w 2 (production settings); {CONNECTIONS} connections, "
          f"{SECONDS} s per endpoint; database {database.split('@')[-1]}; "
          f"cache {'Redis' if redis_url else 'local memory'}")  # fmt: skip
    print(f"{'endpoint':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'of /healthz':>13}")
    rows = [(name, r["rps"], r["p50"], r["p99"], r["errors"]) for name, r in results.items()]
    for name, measured in writes.items():
        times = measured["times"]
        rate = len(times) / measured["elapsed"]
        refused = dict(Counter(measured["errors"]))
        rows.append((name, rate, percentile(times, 0.5), percentile(times, 0.99), refused))
    for name, rate, p50, p99, errors in rows:
        failed = f"  (errors: {errors})" if errors else ""
        print(f"{name:<34}{rate:>9.0f}{p50:>9.1f}{p99:>9.1f}{rate / bare:>12.0%}{failed}")
    print(
        f"(writes: {WRITERS} signed-in learners at once on {WRITE_QUIZ}; every submit is "
        "the first of a fresh attempt)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
