"""A real browser (Debian's Chromium, driven by Playwright) against a live server."""

import os

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.browser import chromium_path

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


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module. Playwright's sync API keeps an event loop in this thread
    while it lives, so Django is told to allow its sync ORM calls only for that long."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def course(transactional_db):
    call_command("loadcontent", verbosity=0)


@pytest.fixture
def learner(transactional_db, django_user_model):
    return django_user_model.objects.create_user("phone-learner", password=PASSWORD)


@pytest.fixture
def page_in(browser, live_server):
    """page_in("ar") -> a phone-sized page whose browser speaks that language, with every
    console error and failed request collected in page.problems."""
    contexts = []

    def open_page(locale: str = "en"):
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        page.base = live_server.url
        return page

    yield open_page
    for context in contexts:
        context.close()
