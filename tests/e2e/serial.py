"""One request at a time, never during a test's own query, and none between tests.

With SQLite in memory, the live server's threads and the test share one connection
(pytest-django passes it to the server). Used by two threads at once, it fails with "database
table is locked" (a write, or the flush between tests, meeting another thread's open read).
So the live server handles one request at a time, and the test's queries wait for it.

Between tests the server is closed: a request a closed browser had already sent can still be
accepted after the test ended (it waited in the listening socket's queue), and it met the
flush ("couldn't be flushed", and the next test found the last one's learner). Such a request
is answered 503 without touching the database.
"""

import threading

from django.http import HttpResponse

LOCK = threading.RLock()
OPEN = threading.Event()  # set for the length of a test


class OneRequestAtATime:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with LOCK:
            if not OPEN.is_set():
                return HttpResponse("Between tests.", status=503, content_type="text/plain")
            return self.get_response(request)


def open_for_a_test() -> None:
    with LOCK:
        OPEN.set()


def close_after_a_test() -> None:
    """Returns once the request in progress, if any, is over; later ones are refused."""
    with LOCK:
        OPEN.clear()


def locked(execute, sql, params, many, context):
    """A connection execute wrapper: the test's queries wait for the request in progress."""
    with LOCK:
        return execute(sql, params, many, context)
