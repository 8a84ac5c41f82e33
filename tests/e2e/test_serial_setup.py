"""The browser tests' own queries wait for the live server's request in progress
(tests.e2e.serial): the lock is on the connection the tests use, the flush's included."""

import threading
import time

import pytest
from django.contrib.auth import get_user_model

from tests.e2e import serial

pytestmark = pytest.mark.e2e


def test_a_query_of_the_test_waits_for_the_request_in_progress(transactional_db, live_server):
    inside, held_for = threading.Event(), 0.3

    def request_in_progress():
        with serial.LOCK:
            inside.set()
            time.sleep(held_for)

    server = threading.Thread(target=request_in_progress)
    server.start()
    inside.wait(5)
    began = time.monotonic()
    get_user_model().objects.count()
    waited = time.monotonic() - began
    server.join(5)
    assert waited >= held_for * 0.8, f"the query ran during the request ({waited:.3f} s)"
