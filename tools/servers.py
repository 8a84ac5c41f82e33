"""Local production-like servers for the benchmark and the fault drills: gunicorn app servers
with the production settings, a private Redis, a private PostgreSQL cluster, and a tiny HTTP
client that keeps a learner's cookies. Development tooling only; never imported by the app."""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
SECRET_KEY = secrets.token_urlsafe(50)  # shared by every server of one run


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url: str, redis_url: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "NUM_PROXIES": "1",  # the load comes "from many addresses" in X-Forwarded-For
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


def manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


@dataclass
class AppServer:
    port: int
    process: subprocess.Popen

    @property
    def master(self) -> int:
        return self.process.pid

    def workers(self) -> list[int]:
        found = subprocess.run(
            ["pgrep", "-P", str(self.master)], capture_output=True, text=True
        ).stdout.split()
        return [int(pid) for pid in found]


@contextmanager
def app_servers(count: int, env: dict[str, str], workers: int = 2):
    """`count` gunicorn servers (each `workers` sync workers) on free ports, ready to serve."""
    servers = []
    try:
        for _ in range(count):
            port = free_port()
            process = subprocess.Popen(
                [
                    GUNICORN,
                    "config.wsgi",
                    "-w",
                    str(workers),
                    "-b",
                    f"127.0.0.1:{port}",
                    "--no-control-socket",
                    "--graceful-timeout",
                    "5",
                ],  # fmt: skip
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            servers.append(AppServer(port, process))
        for server in servers:
            wait_until(lambda s=server: Client(s.port).get("/readyz")[0] == 200, 30)
        yield servers
    finally:
        for server in servers:
            server.process.send_signal(signal.SIGTERM)
        for server in servers:
            try:
                server.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.process.kill()


def wait_until(check, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"not ready after {seconds} s")


@contextmanager
def private_redis():
    """A Redis of our own, on a free port, that a drill may kill."""
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],  # fmt: skip
        stdout=subprocess.DEVNULL,
    )
    wait_until(lambda: socket.create_connection(("127.0.0.1", port), 0.5).close() is None, 10)
    try:
        yield f"redis://127.0.0.1:{port}/0", process
    finally:
        if process.poll() is None:
            process.kill()


@dataclass
class Cluster:
    """A private PostgreSQL cluster (pg_createcluster), so a drill can restart it without
    touching the machine's own."""

    version: str
    name: str
    port: int

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/rootwise_drill"

    def ctl(self, action: str, *extra: str) -> None:
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", self.version, self.name, action, *extra],
            check=True,
            capture_output=True,
        )


@contextmanager
def private_postgres(name: str = "rootwise-drill"):
    version = subprocess.run(
        ["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True
    ).stdout.split()[0]
    port = free_port()
    subprocess.run(
        [
            "pg_createcluster",
            version,
            name,
            "-p",
            str(port),
            "--start",
            "--",
            "--auth=trust",
        ],  # fmt: skip
        check=True,
        capture_output=True,
    )
    cluster = Cluster(version, name, port)
    try:
        ready = ["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(port)]
        wait_until(lambda: subprocess.run(ready).returncode == 0, 30)
        subprocess.run(
            [PYTHON, str(ROOT / "tools" / "ensure_database.py"), cluster.url], check=True
        )
        yield cluster
    finally:
        subprocess.run(
            ["pg_dropcluster", "--stop", version, name], check=False, capture_output=True
        )


@dataclass
class Client:
    """A learner's HTTP client: JSON in and out, session and CSRF cookies kept, each request
    "from" its own address (X-Forwarded-For) as a class of phones would be."""

    port: int
    address: str = "10.0.0.1"
    cookies: dict[str, str] = field(default_factory=dict)
    timeout: float = 30

    def request(self, method: str, path: str, body=None) -> tuple[int, object]:
        headers = {
            "Content-Type": "application/json",
            "X-Forwarded-For": self.address,
            "X-Forwarded-Proto": "https",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            headers["Referer"] = f"https://127.0.0.1:{self.port}/"
        payload = json.dumps(body) if body is not None else None
        with closing(http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)) as c:
            c.request(method, path, payload, headers)
            response = c.getresponse()
            data = response.read()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
        try:
            decoded = json.loads(data) if data else None
        except ValueError:
            decoded = data[:200]
        return response.status, decoded

    def get(self, path: str):
        return self.request("GET", path)

    def post(self, path: str, body=None):
        return self.request("POST", path, body if body is not None else {})

    def sign_in(self, username: str, password: str) -> tuple[int, object]:
        """Sign in (the CSRF cookie first, as the app does); returns the login's answer."""
        self.get("/api/v1/auth/me/")
        return self.post("/api/v1/auth/login/", {"username": username, "password": password})


def learners_env_script(count: int, password: str) -> str:
    """Python for `manage.py shell -c`: make `count` learners learner-0…, hashed as production
    hashes, idempotently."""
    return (
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.hashers import make_password\n"
        "User = get_user_model()\n"
        f"hashed = make_password({password!r})\n"
        f"wanted = [f'learner-{{n}}' for n in range({count})]\n"
        "have = set(User.objects.filter(username__in=wanted).values_list('username', flat=True))\n"
        "new = [User(username=u, password=hashed) for u in wanted if u not in have]\n"
        "User.objects.bulk_create(new)\n"
    )


def python_exit(message: str) -> None:
    print(message, file=sys.stderr)
    sys.exit(1)
