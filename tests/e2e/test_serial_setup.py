"""The browser tests' own queries wait for the live server's request in progress
(tests.e2e.serial): the lock is on the connection the tests use; between tests the server
refuses what a closed browser had already sent."""

import threading
import time
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from django.contrib.auth import get_user_model

from tests.e2e import serial

pytestmark = pytest.mark.e2e


def request_in_progress(seconds: float) -> threading.Thread:
    """A thread that holds the server's lock for `seconds`, as a request does; returned once
    it holds it."""
    inside = threading.Event()

    def hold():
        with serial.LOCK:
            inside.set()
            time.sleep(seconds)

    server = threading.Thread(target=hold)
    server.start()
    inside.wait(5)
    return server


def test_a_query_of_the_test_waits_for_the_request_in_progress(transactional_db, live_server):
    held_for = 0.3
    server = request_in_progress(held_for)
    began = time.monotonic()
    get_user_model().objects.count()
    waited = time.monotonic() - began
    server.join(5)
    assert waited >= held_for * 0.8, f"the query ran during the request ({waited:.3f} s)"


def test_between_tests_the_server_answers_503_without_the_database(transactional_db, live_server):
    serial.close_after_a_test()
    try:
        with pytest.raises(HTTPError) as refused:
            urlopen(f"{live_server.url}/api/v1/auth/me/", timeout=5)
    finally:
        serial.open_for_a_test()
    assert refused.value.code == 503
    with urlopen(f"{live_server.url}/healthz", timeout=5) as answered:
        assert answered.status == 200


def test_closing_the_server_waits_for_the_request_in_progress(transactional_db, live_server):
    held_for = 0.3
    server = request_in_progress(held_for)
    began = time.monotonic()
    serial.close_after_a_test()
    waited = time.monotonic() - began
    serial.open_for_a_test()
    server.join(5)
    assert waited >= held_for * 0.8, f"closed during the request ({waited:.3f} s)"
