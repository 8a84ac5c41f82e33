"""Throughput of the content reads against a bare JSON view, in-process (no network).

Run with `make bench` (after `make content`). Prints requests per second for each path and its
share of the bare JSON view's rate, for the cached read, the uncached read and the 304 path.
Requests come from many addresses, as a class of learners' do, so the throttles run at their
real rates without refusing the load.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PATHS = [
    "/api/v1/lessons/",
    "/api/v1/lessons/nerve-roots/",
    "/api/v1/glossary/",
    "/api/v1/quizzes/",
    "/api/v1/quizzes/final-review/",
]
SECONDS = float(os.environ.get("BENCH_SECONDS", "2"))


ADDRESSES = [f"10.{n // 65536}.{n // 256 % 256}.{n % 256}" for n in range(1, 60001)]


def rate(client: Client, path: str, *, clear: bool = False, headers: dict | None = None) -> float:
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < SECONDS:
        if clear:
            cache.clear()
        address = ADDRESSES[count % len(ADDRESSES)]
        response = client.get(path, headers=headers or {}, REMOTE_ADDR=address)
        assert response.status_code in (200, 304), (path, response.status_code)
        count += 1
    return count / (time.perf_counter() - started)


def main() -> None:
    setup_test_environment()
    client = Client(HTTP_ACCEPT_LANGUAGE="es")
    baseline = rate(client, "/healthz")
    print(f"{'path':<34}{'cached':>10}{'uncached':>10}{'304':>10}{'cached/bare':>13}")
    print(f"{'/healthz (bare JSON)':<34}{baseline:>10.0f}")
    for path in PATHS:
        etag = client.get(path)["ETag"]
        cached = rate(client, path)
        uncached = rate(client, path, clear=True)
        not_modified = rate(client, path, headers={"If-None-Match": etag})
        print(
            f"{path:<34}{cached:>10.0f}{uncached:>10.0f}{not_modified:>10.0f}"
            f"{cached / baseline:>12.0%}"
        )


if __name__ == "__main__":
    main()
