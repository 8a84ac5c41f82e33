"""One request at a time, and never during a test's own query.

With SQLite in memory, the live server's threads and the test share one connection
(pytest-django passes it to the server). Used by two threads at once, it fails with "database
table is locked" (a write, or the flush between tests, meeting another thread's open read).
So the live server handles one request at a time, and every query of the test, the flush
between tests included, waits for the request in progress.

The lock is taken around the whole WSGI call, not in a middleware: Django touches the
connection before the first middleware and after the last (close_old_connections on
request_started and request_finished), and a middleware lock left those open to a flush.
"""

import threading

LOCK = threading.RLock()


class OneRequestAtATime:
    """A WSGI wrapper: the request, its body and its close (request_finished) under LOCK."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        with LOCK:
            response = self.application(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()


def locked(execute, sql, params, many, context):
    """A connection execute wrapper: the test's queries wait for the request in progress."""
    with LOCK:
        return execute(sql, params, many, context)
