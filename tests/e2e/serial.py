"""One request at a time, and never during a test's own query.

With SQLite in memory, the live server's threads and the test share one connection
(pytest-django passes it to the server). Used by two threads at once, it fails with "database
table is locked" (a write, or the flush between tests, meeting another thread's open read).
So the live server handles one request at a time, and the test's queries wait for it.
"""

import threading

LOCK = threading.RLock()


class OneRequestAtATime:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with LOCK:
            return self.get_response(request)


def wait_for_requests_in_flight(server, timeout: float = 10) -> None:
    """Before the database is emptied after a test: the requests the closed browser had already
    sent are over, their connection's close included (a request that reached the server just
    as the test ended met the flush outside LOCK: "couldn't be flushed")."""
    for thread in list(getattr(server, "_threads", None) or []):
        thread.join(timeout)


def locked(execute, sql, params, many, context):
    """A connection execute wrapper: the test's queries wait for the request in progress."""
    with LOCK:
        return execute(sql, params, many, context)
