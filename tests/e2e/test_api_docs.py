"""The interactive API docs work under our CSP, from our own static files."""

import pytest

pytestmark = pytest.mark.e2e


def test_api_docs_show_every_operation_without_a_cdn(course, page_in):
    page = page_in("en")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(page.base + "/api/docs/")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() == 17
    assert all(url.startswith(page.base) for url in requested), requested
    blocked_scripts = [problem for problem in page.problems if "script" in problem.lower()]
    assert blocked_scripts == [], blocked_scripts
