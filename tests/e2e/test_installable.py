"""Acceptance 6: Chromium finds the app installable, with its service worker in control of the
page; and the first load of the shell stays within its budget, from this origin only."""

import gzip
import json

import pytest

from tests.browser import chromium_path
from tests.e2e.app import go, offline_ready
from tests.e2e.conftest import CHROMIUM_ARGS, PHONE, problems_of

pytestmark = pytest.mark.e2e

BUDGET = 60 * 1024  # bytes, gzip: document + CSS + JavaScript + catalog (issue 14)
SHELL_TYPES = {"document", "stylesheet", "script"}


def test_the_app_is_installable_with_its_worker_in_control(
    course, live_server, playwright_running, tmp_path
):
    # Installability is only reported for a persistent (not incognito) profile.
    context = playwright_running.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=chromium_path(),
        args=CHROMIUM_ARGS,
        viewport=PHONE,
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.problems = []
        page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
        page.base = live_server.url
        go(page, "/en/", "learn")
        offline_ready(page)
        assert page.evaluate("() => navigator.serviceWorker.controller.scriptURL").endswith(
            "/sw.js"
        )
        cdp = context.new_cdp_session(page)
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == [], errors
        raw = json.loads(cdp.send("Page.getAppManifest")["data"])  # Chromium drops `purpose`
        icons = {(icon["sizes"], icon.get("purpose", "any")) for icon in raw["icons"]}
        assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= icons
        assert raw["display"] == "standalone" and raw["theme_color"]
        favicon = page.request.get(live_server.url + "/favicon.ico")
        assert favicon.ok and favicon.headers["content-type"].startswith("image/")
        assert problems_of(page) == []
    finally:
        context.close()


def first_load(page, path: str) -> tuple[int, dict[str, int], list[str]]:
    """Gzip bytes of the shell's first load (no worker yet, empty cache) and every URL asked."""
    responses, urls = [], []
    page.on("request", lambda request: urls.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.goto(page.base + path)
    page.wait_for_function("() => document.documentElement.dataset.ready")
    page.wait_for_load_state("networkidle")
    sizes = {}
    for response in responses:
        if response.request.resource_type in SHELL_TYPES and response.ok:
            sizes[response.url.removeprefix(page.base)] = len(gzip.compress(response.body(), 6))
    return sum(sizes.values()), sizes, urls


@pytest.mark.parametrize(
    "path", ["/en/", "/ar/lessons/nerve-roots/", "/ar/quizzes/final-review/", "/fr/progress/"]
)
def test_the_first_load_of_the_shell_is_within_budget_and_from_this_origin_only(
    course, learner, page_in, path
):
    page = page_in(path.split("/")[1], signed_in=learner)
    total, sizes, urls = first_load(page, path)
    print(f"first load of {path}: {total} bytes gzip", json.dumps(sizes, indent=1))
    assert (
        "/static/js/app.js" in sizes
        and "/static/css/app.css" in sizes
        and any("jsi18n" in url for url in sizes)
    ), sizes
    assert total <= BUDGET, f"{path}: {total} bytes gzip over the {BUDGET} budget: {sizes}"
    foreign = [url for url in urls if not url.startswith(page.base)]
    assert foreign == [], foreign
    assert problems_of(page) == []
