"""The interactive API docs work under our CSP, from our own static files."""

import pytest
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.e2e


def documented_operations() -> int:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sum(
        method in ("get", "put", "post", "patch", "delete")
        for item in schema["paths"].values()
        for method in item
    )


def test_api_docs_show_every_operation_without_a_cdn(course, page_in):
    page = page_in("en")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(page.base + "/api/docs/")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() == documented_operations()
    assert all(url.startswith(page.base) for url in requested), requested
    blocked_scripts = [problem for problem in page.problems if "script" in problem.lower()]
    assert blocked_scripts == [], blocked_scripts
