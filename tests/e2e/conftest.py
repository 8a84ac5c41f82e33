"""A real browser (Debian's Chromium, driven by Playwright) against a live server."""

import os
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from playwright.sync_api import sync_playwright

from quizzes.models import Kind, Question, Quiz, QuizQuestion
from tests.browser import chromium_path
from tests.e2e import serial
from tests.factories import ChoiceFactory, QuestionFactory, QuizFactory

# STACK-NOTES.md: without these, Chromium keeps knocking on this machine's closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "a-learner-password"
PHONE = {"width": 390, "height": 844}
# What Chromium logs on its own when the page is offline on purpose (a request that fails,
# or that the service worker cannot answer from its cache).
OFFLINE_NOISE = ("net::ERR_INTERNET_DISCONNECTED", "net::ERR_FAILED")


@pytest.fixture(scope="session", autouse=True)
def one_request_at_a_time(request):
    """The live server is made with a middleware that serializes its requests (tests.e2e.serial);
    the settings are put back as soon as it exists."""
    middleware = settings.MIDDLEWARE
    settings.MIDDLEWARE = ["tests.e2e.serial.OneRequestAtATime", *middleware]
    try:
        request.getfixturevalue("live_server")
    finally:
        settings.MIDDLEWARE = middleware


@pytest.fixture(autouse=True)
def queries_wait_for_the_server(transactional_db):
    """The server answers for as long as the test's database lives (its flush comes after)."""
    with connection.execute_wrapper(serial.locked):
        serial.open_for_a_test()
        try:
            yield
        finally:
            serial.close_after_a_test()


@pytest.fixture(scope="session", autouse=True)
def icons():
    """The icons are build output (`make icons`): draw them if this checkout has none yet."""
    if not (Path(settings.STATICFILES_DIRS[0]) / "icons" / "icon-512.png").exists():
        call_command("makeicons", verbosity=0)


@pytest.fixture(scope="module")
def playwright_running():
    """Playwright's sync API keeps an event loop in this thread while it lives, so Django is
    told to allow its sync ORM calls only for that long."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def browser(playwright_running):
    """One Chromium per test module."""
    chromium = playwright_running.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()


_course_copy = None  # SQLite in memory: the course as loaded once, copied back for later tests


@pytest.fixture
def course(transactional_db):
    """The whole course with its translations (Arabic screens need them). With SQLite in memory
    it is loaded once and its rows copied back into each later test's database (a tenth of a
    second instead of seconds); elsewhere loadcontent runs for each test."""
    global _course_copy
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        call_command("loadcontent", verbosity=0)
        return
    connection.ensure_connection()
    if _course_copy is None:
        call_command("loadcontent", verbosity=0)
        _course_copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(_course_copy)
        return
    tables = [
        name
        for (name,) in _course_copy.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND (name LIKE 'learning\\_%' ESCAPE '\\' OR name LIKE 'quizzes\\_%' ESCAPE '\\')"
        )
    ]
    with transaction.atomic(), connection.cursor() as cursor:  # foreign keys checked at commit
        for table in tables:
            rows = _course_copy.execute(f'SELECT * FROM "{table}"').fetchall()
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                cursor.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)


@pytest.fixture
def quiz_with_every_kind(course) -> Quiz:
    """The first lesson's quiz asks seven kinds; an instructor added a match question."""
    quiz = Quiz.objects.get(slug="nerve-roots-quiz")
    match = Question.objects.get(key="disc-and-stenosis-match")
    QuizQuestion.objects.create(quiz=quiz, question=match, position=99)
    return quiz


@pytest.fixture
def learner(transactional_db, django_user_model):
    return django_user_model.objects.create_user("phone-learner", password=PASSWORD)


def problems_of(page, *, offline: bool = False) -> list[str]:
    """Console errors and uncaught exceptions (once offline on purpose, without the failed
    requests Chromium logs for that)."""
    noise = OFFLINE_NOISE if offline else ()
    return [text for text in page.problems if not any(part in text for part in noise)]


@pytest.fixture
def page_in(browser, live_server):
    """page_in("ar") -> a phone-sized page whose browser speaks that language, with every
    console error and failed request collected in page.problems. `signed_in=user` starts with
    that user's session (tests of signing in itself go through the sign-in screen).
    `service_workers="block"`: the app without its worker, for a test that routes a read the
    worker answers once it controls the page (page.route does not see the worker's fetches)."""
    contexts = []

    def open_page(locale: str = "en", *, signed_in=None, viewport=PHONE, service_workers="allow"):
        context = browser.new_context(
            viewport=viewport, locale=locale, service_workers=service_workers
        )
        contexts.append(context)
        if signed_in is not None:
            client = Client()
            client.force_login(signed_in)
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
            )
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        page.base = live_server.url
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def two_questions(transactional_db):
    """A quiz of a single choice question (right: L4, L5 and S1) and a true/false one;
    `time_limit` minutes when timed."""

    def make(time_limit=None):
        roots = QuestionFactory(kind=Kind.SINGLE, prompt="Which roots serve the feet?")
        right = ChoiceFactory(question=roots, text="L4, L5 and S1", correct=True)
        ChoiceFactory(question=roots, text="C1 and C2")
        truth = QuestionFactory(kind=Kind.TRUE_FALSE, prompt="Back pain can be coincidental.")
        truth.true_false_answer = True
        truth.save()
        quiz = QuizFactory(
            slug="two-questions", title="Two questions", time_limit=time_limit,
            questions=[roots, truth],
        )  # fmt: skip
        return quiz, roots, right, truth

    return make
