"""Lesson Markdown becomes sanitized HTML when saved; no script or handler reaches a page."""

import re

import pytest

from learning.rendering import render_markdown
from tests.factories import LessonFactory

# What must never survive sanitizing, by name, so a failure says what leaked.
DANGEROUS = {
    "script tag": re.compile(r"<script", re.I),
    "event handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
    "data: URL": re.compile(r"data:", re.I),
    "frame": re.compile(r"<i?frame", re.I),
    "style": re.compile(r"<style|\sstyle\s*=", re.I),
    "active element": re.compile(r"<(object|embed|svg|img|form|input|meta|link|base)\b", re.I),
}

INJECTIONS = {
    "script-block": "<script>alert(1)</script>",
    "script-inline": "Read this <script>alert(1)</script> now.",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "markdown-javascript-link": "[x](javascript:alert(1))",
    "mixed-case-javascript-href": '<a href="JaVaScRiPt:alert(1)">x</a>',
    "entity-encoded-javascript-link": "[x](&#106;avascript:alert(1))",
    "markdown-image-javascript": "![x](javascript:alert(1))",
    "anchor-onclick": '<a href="#" onclick="x()">x</a>',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "style-tag": "<style>body { display: none }</style>",
    "style-attribute": '<p style="position:fixed">x</p>',
    "svg-onload": "<svg onload=alert(1)>",
    "data-url-link": "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "object": '<object data="x.swf"></object>',
    "form": '<form action="https://evil.example/"><input name="password"></form>',
    "markdown-in-html-block": '<div markdown="1"><script>alert(1)</script></div>',
}
# The injections issue 2 names, used where a saved lesson or a page is the subject.
ISSUE_INJECTIONS = [
    "script-block",
    "img-onerror",
    "markdown-javascript-link",
    "anchor-onclick",
    "iframe",
    "style-tag",
]

SAFE_MARKDOWN = [
    ("bold", "Some **bold** text", "<strong>bold</strong>"),
    ("emphasis", "Some *stressed* text", "<em>stressed</em>"),
    ("list", "- one\n- two", "<li>one</li>"),
    ("numbered-list", "1. first\n2. second", "<ol>"),
    ("heading", "## Causes", "<h2>Causes</h2>"),
    ("https-link", "[site](https://example.org/page)", 'href="https://example.org/page"'),
    ("mailto-link", "[write](mailto:team@example.org)", 'href="mailto:team@example.org"'),
    ("link-rel", "[site](https://example.org/)", 'rel="noopener noreferrer"'),
]


def leaks(html: str) -> list[str]:
    return [name for name, pattern in DANGEROUS.items() if pattern.search(html)]


@pytest.mark.parametrize("markdown", INJECTIONS.values(), ids=INJECTIONS.keys())
def test_render_markdown_strips_injection(markdown):
    html = render_markdown(markdown)
    assert not leaks(html), f"{leaks(html)} survived sanitizing {markdown!r}: {html!r}"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [(markdown, expected) for _name, markdown, expected in SAFE_MARKDOWN],
    ids=[name for name, _markdown, _expected in SAFE_MARKDOWN],
)
def test_render_markdown_keeps_ordinary_markdown(markdown, expected):
    html = render_markdown(markdown)
    assert expected in html, f"rendering {markdown!r} lost {expected!r}: {html!r}"


def test_render_markdown_of_empty_body_is_empty():
    assert render_markdown("") == "", "an empty body should render to an empty string"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("injection", ISSUE_INJECTIONS)
def test_saved_lesson_stores_sanitized_html_per_language(injection, language):
    lesson = LessonFactory(**{f"body_{language}": f"Intro.\n\n{INJECTIONS[injection]}"})
    lesson.refresh_from_db()
    html = getattr(lesson, f"body_html_{language}") or ""
    assert not leaks(html), f"stored body_html_{language} leaks {leaks(html)}: {html!r}"


@pytest.mark.django_db
def test_saved_lesson_keeps_ordinary_markdown_in_stored_html():
    lesson = LessonFactory(
        body="Some **bold** text.\n\n- one\n- two\n\n[site](https://example.org)"
    )
    lesson.refresh_from_db()
    for fragment in ("<strong>bold</strong>", "<li>one</li>", 'href="https://example.org"'):
        assert fragment in lesson.body_html_en, f"{fragment!r} lost: {lesson.body_html_en!r}"


@pytest.mark.django_db
def test_saved_lesson_stores_spanish_html_when_a_spanish_body_is_set():
    lesson = LessonFactory(body="In English.", body_es="En **español**.")
    lesson.refresh_from_db()
    assert "<strong>español</strong>" in (lesson.body_html_es or ""), (
        f"Spanish body not rendered into body_html_es: {lesson.body_html_es!r}"
    )


@pytest.mark.django_db
def test_saving_an_edited_body_renders_it_again():
    lesson = LessonFactory(body="First **version**.")
    lesson.body_en = "Second **edit**."
    lesson.save()
    lesson.refresh_from_db()
    assert "<strong>edit</strong>" in lesson.body_html_en, (
        f"body_html was not re-rendered on save: {lesson.body_html_en!r}"
    )


@pytest.mark.django_db
def test_lesson_without_a_spanish_body_stores_no_spanish_html():
    """Spanish readers then fall back to the English HTML (modeltranslation fallback)."""
    lesson = LessonFactory(body="English only.")
    lesson.refresh_from_db()
    assert not lesson.body_html_es, (
        f"HTML stored for a missing Spanish body: {lesson.body_html_es!r}"
    )


# --- the lesson page -------------------------------------------------------------------------

# Payloads carry a marker that appears nowhere else on a page.
PAGE_PAYLOAD = "\n\n".join(
    [
        "A lesson about feet.",
        "<script>window.pwned = 1</script>",
        "<img src=x onerror=pwned()>",
        "[click](javascript:pwned())",
        '<a href="#" onclick="pwned()">tap</a>',
        '<iframe src="https://pwned.example/"></iframe>',
        "<style>.pwned { display: none }</style>",
    ]
)
DISCLAIMER = "It is not medical advice"


@pytest.fixture
def injected_lesson_page(client, db):
    lesson = LessonFactory(body=PAGE_PAYLOAD)
    response = client.get(f"/en/lessons/{lesson.slug}/")
    assert response.status_code == 200, f"lesson page answered {response.status_code}"
    return response.content.decode()


def test_lesson_page_never_contains_injected_markup(injected_lesson_page):
    assert "pwned" not in injected_lesson_page, "injected script or handler reached the page"


def test_lesson_page_still_shows_the_safe_part_of_the_body(injected_lesson_page):
    assert "A lesson about feet." in injected_lesson_page, "the lesson body is missing"


def test_lesson_page_shows_the_disclaimer(injected_lesson_page):
    assert DISCLAIMER in injected_lesson_page, "the education-not-advice disclaimer is missing"
