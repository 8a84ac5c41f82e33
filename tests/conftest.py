"""Fixtures shared by every test package, and the rule for browser tests without a browser."""

import io
import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from rest_framework.test import APIClient

from core.conditional import rendered
from learning.models import Course
from tests.browser import NO_BROWSER, chromium_path
from tests.db import module_transaction
from tests.factories import UserFactory

FACTSHEET_COURSE = "back-and-foot-pain"


@pytest.hookimpl(trylast=True)  # after -m has deselected what will not run
def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's Chromium. Where it is missing they are skipped, with one
    line that says so; in CI (CI=true) a missing browser fails the run instead."""
    browser_tests = [item for item in items if item.get_closest_marker("e2e")]
    if not browser_tests or chromium_path():
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        raise pytest.UsageError(f"CI=true: {NO_BROWSER}")
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write_line(f"{len(browser_tests)} browser tests skipped: {NO_BROWSER}")
    skip = pytest.mark.skip(reason=NO_BROWSER)
    for item in browser_tests:
        item.add_marker(skip)


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in English, whatever the previous one activated."""
    translation.activate("en")
    yield
    translation.activate("en")


# --- API ------------------------------------------------------------------------------------


@pytest.fixture
def api_client() -> APIClient:
    """An anonymous API client. The caches are emptied first: they hold the cached content
    reads and the throttles' counters, and neither may leak from one test into another."""
    cache.clear()
    rendered.clear()
    return APIClient()


@pytest.fixture
def learner(db):
    return UserFactory(username="learner")


@pytest.fixture
def other_learner(db):
    return UserFactory(username="other-learner")


@pytest.fixture
def learner_client(api_client, learner) -> APIClient:
    """An API client signed in (session) as `learner`; APIClient does not enforce CSRF."""
    client = APIClient()
    client.force_login(learner)
    return client


@pytest.fixture
def other_learner_client(api_client, other_learner) -> APIClient:
    client = APIClient()
    client.force_login(other_learner)
    return client


@pytest.fixture(scope="module")
def _course_loaded_once(django_db_setup, django_db_blocker):
    """`loadcontent --no-translations` once per test module, in a transaction rolled back at
    its end; each test still runs in its own savepoint inside it (like setUpTestData)."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            call_command("loadcontent", "--no-translations", stdout=io.StringIO())
        yield


@pytest.fixture
def course(_course_loaded_once, db) -> Course:
    """The factsheet course pack (lessons, glossary, the whole quiz bank), English only."""
    return Course.objects.get(key=FACTSHEET_COURSE)
