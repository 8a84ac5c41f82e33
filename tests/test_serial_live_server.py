"""The browser tests' live server serializes whole requests (tests.e2e.serial): a flush of the
test database may not meet a request that is still touching the shared connection."""

import threading

from tests.e2e import serial


def held_elsewhere() -> bool:
    """Whether LOCK is held, asked from another thread (an RLock is re-entrant in its own)."""
    answer = []

    def probe():
        got = serial.LOCK.acquire(blocking=False)
        answer.append(not got)
        if got:
            serial.LOCK.release()

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    return answer[0]


class Body:
    """A WSGI response whose iteration and close (Django's request_finished) note the lock."""

    def __init__(self, seen):
        self.seen = seen

    def __iter__(self):
        self.seen.append(("body", held_elsewhere()))
        yield b"chunk"

    def close(self):
        self.seen.append(("close", held_elsewhere()))


def test_the_whole_request_runs_under_the_lock_and_its_close_too():
    seen = []

    def application(environ, start_response):
        seen.append(("call", held_elsewhere()))
        start_response("200 OK", [])
        return Body(seen)

    body = serial.OneRequestAtATime(application)({}, lambda status, headers: None)

    assert body == [b"chunk"]
    assert seen == [("call", True), ("body", True), ("close", True)]
    assert not held_elsewhere()


def test_a_failing_request_gives_the_lock_back():
    def application(environ, start_response):
        raise RuntimeError("the view broke")

    try:
        serial.OneRequestAtATime(application)({}, lambda status, headers: None)
    except RuntimeError:
        pass
    assert not held_elsewhere()


def test_a_query_waits_for_the_request_in_progress():
    order = []
    inside = threading.Event()
    finish = threading.Event()

    def application(environ, start_response):
        inside.set()
        finish.wait(5)
        order.append("request over")
        return []

    server = threading.Thread(
        target=serial.OneRequestAtATime(application), args=({}, lambda *args: None)
    )
    server.start()
    inside.wait(5)
    query = threading.Thread(
        target=serial.locked,
        args=(lambda *args: order.append("query"), "SELECT 1", (), False, {}),
    )
    query.start()
    query.join(0.2)
    assert order == []  # the query is still waiting
    finish.set()
    server.join(5)
    query.join(5)
    assert order == ["request over", "query"]
