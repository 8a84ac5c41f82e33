"""Conditional reads of published content follow HTTP (Django's get_conditional_response):
strong and weak ETags, `*`, If-Modified-Since; junk query strings share one cache entry."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date, parse_http_date

from core.codes import ErrorCode
from core.conditional import recent_versions, rendered
from learning.models import Course, GlossaryTerm, Lesson
from learning.selectors import versions
from quizzes.models import Question, Quiz
from tests.api import assert_error

CONTENT_READS = [
    "/api/v1/courses/",
    "/api/v1/lessons/",
    "/api/v1/lessons/nerve-roots/",
    "/api/v1/glossary/",
    "/api/v1/quizzes/",
    "/api/v1/quizzes/nerve-roots-quiz/",
    "/api/v1/quizzes/final-review/",
]


def weak(etag: str) -> str:
    return f"W/{etag}"


def earlier(last_modified: str, seconds: int) -> str:
    return http_date(parse_http_date(last_modified) - seconds)


# (case, headers built from the first answer's ETag and Last-Modified, expected status)
CONDITIONS = [
    ("no condition", lambda etag, modified: {}, 200),
    ("the same ETag", lambda etag, modified: {"HTTP_IF_NONE_MATCH": etag}, 304),
    ("the same ETag, weak", lambda etag, modified: {"HTTP_IF_NONE_MATCH": weak(etag)}, 304),
    ("any ETag (*)", lambda etag, modified: {"HTTP_IF_NONE_MATCH": "*"}, 304),
    ("a list holding it", lambda e, m: {"HTTP_IF_NONE_MATCH": f'"other", {weak(e)}'}, 304),
    ("another ETag", lambda etag, modified: {"HTTP_IF_NONE_MATCH": '"0123abcd"'}, 200),
    ("not modified since then", lambda etag, modified: {"HTTP_IF_MODIFIED_SINCE": modified}, 304),
    ("modified since", lambda e, m: {"HTTP_IF_MODIFIED_SINCE": earlier(m, 60)}, 200),
    (
        "another ETag wins over the date",
        lambda e, m: {"HTTP_IF_NONE_MATCH": '"0123abcd"', "HTTP_IF_MODIFIED_SINCE": m},
        200,
    ),
    ("an unreadable date is ignored", lambda e, m: {"HTTP_IF_MODIFIED_SINCE": "yesterday"}, 200),
    # If-Match and If-Unmodified-Since hold for a GET too (RFC 9110 13.1.1, 13.1.4): a read
    # of another version fails, in the error shape.
    ("If-Match the same ETag", lambda etag, modified: {"HTTP_IF_MATCH": etag}, 200),
    ("If-Match any ETag (*)", lambda etag, modified: {"HTTP_IF_MATCH": "*"}, 200),
    ("If-Match another ETag", lambda etag, modified: {"HTTP_IF_MATCH": '"nope"'}, 412),
    ("If-Match compares strongly", lambda e, m: {"HTTP_IF_MATCH": weak(e)}, 412),
    ("unmodified since then", lambda etag, modified: {"HTTP_IF_UNMODIFIED_SINCE": modified}, 200),
    ("modified since the date", lambda e, m: {"HTTP_IF_UNMODIFIED_SINCE": earlier(m, 60)}, 412),
    (
        "an old date and If-Match the same ETag",
        lambda e, m: {"HTTP_IF_MATCH": e, "HTTP_IF_UNMODIFIED_SINCE": earlier(m, 60)},
        200,
    ),
]


@pytest.mark.parametrize("path", CONTENT_READS)
@pytest.mark.parametrize(
    "case, headers, status", CONDITIONS, ids=[case for case, _headers, _status in CONDITIONS]
)
def test_conditional_read(course, api_client, path, case, headers, status):
    first = api_client.get(path)
    assert first.status_code == 200, first.content
    etag, modified = first["ETag"], first["Last-Modified"]
    response = api_client.get(path, **headers(etag, modified))
    assert response.status_code == status, f"{case}: {response.status_code}"
    assert response["ETag"] == etag, f"{case}: the ETag changed"
    assert "Accept-Language" in response["Vary"], f"{case}: no Vary on {response.status_code}"
    if status == 304:
        assert response.content == b"", "a 304 has no body"
    elif status == 412:
        assert_error(response, 412, ErrorCode.PRECONDITION_FAILED)
    else:
        assert response.json() == first.json()


def edit(model, **lookup):
    """Save one object as the admin would: content gets a new version."""
    return lambda: model.objects.get(**lookup).save()


# What each read depends on, edited.
EDITS = {
    "/api/v1/courses/": edit(Course, key="back-and-foot-pain"),
    "/api/v1/lessons/": edit(Lesson, slug="symptoms"),
    "/api/v1/lessons/nerve-roots/": edit(GlossaryTerm, key="l4"),
    "/api/v1/glossary/": edit(GlossaryTerm, key="sciatica"),
    "/api/v1/quizzes/": edit(Quiz, slug="symptoms-quiz"),
    "/api/v1/quizzes/nerve-roots-quiz/": edit(Question, key="foot-nerve-roots"),
    "/api/v1/quizzes/final-review/": edit(Question, key="local-foot-conditions"),
}


@pytest.mark.parametrize("path", CONTENT_READS)
def test_another_language_or_an_edit_changes_the_etag(course, api_client, path):
    etag = api_client.get(path)["ETag"]
    spanish = api_client.get(path, HTTP_ACCEPT_LANGUAGE="es", HTTP_IF_NONE_MATCH=etag)
    assert spanish.status_code == 200, "Spanish answered 304 to the English ETag"
    EDITS[path]()
    again = api_client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200, "an edit kept the old ETag"
    assert again["ETag"] != etag


@pytest.mark.parametrize("path", CONTENT_READS)
def test_fifty_junk_query_strings_add_no_cache_entry(course, api_client, path):
    first = api_client.get(path)
    entries, local_entries = len(cache._cache), len(rendered.entries)
    for number in range(50):
        response = api_client.get(f"{path}?utm_source=x{number}&_={number}")
        assert response["ETag"] == first["ETag"], "a junk parameter changed the ETag"
    assert len(cache._cache) == entries, "junk query strings stored new cache entries"
    assert len(rendered.entries) == local_entries, "junk query strings grew the local cache"


def test_page_parameters_are_part_of_a_lists_cache_key(course, api_client):
    whole = api_client.get("/api/v1/lessons/")
    small = api_client.get("/api/v1/lessons/?page_size=2")
    assert small["ETag"] != whole["ETag"]
    assert len(small.json()["results"]) == 2
    assert len(whole.json()["results"]) > 2


LISTS = ["/api/v1/lessons/", "/api/v1/glossary/", "/api/v1/quizzes/"]


@pytest.mark.parametrize("path", LISTS)
def test_a_cached_pages_links_name_only_what_it_depends_on(course, api_client, path):
    """The first reader of a page must not hand its junk parameters, its host or the way it
    chose its language to every later reader of the cached page."""
    first = api_client.get(f"{path}?page_size=1&lang=es&evil=%3Cscript%3E", HTTP_HOST="localhost")
    later = api_client.get(f"{path}?page_size=1", HTTP_ACCEPT_LANGUAGE="es")
    for response in (first, later):
        link = response.json()["next"]
        assert "evil" not in link and "script" not in link, link
        assert "lang=es" in link, "page 2 must come in the language of page 1"
        assert "page=2" in link and "page_size=1" in link
    assert later.json()["next"].startswith("http://testserver/"), "another reader's host"
    page_two = api_client.get(later.json()["next"])
    assert page_two["Content-Language"] == "es"
    previous = urlsplit(page_two.json()["previous"])
    assert parse_qs(previous.query) == {"page_size": ["1"], "lang": ["es"]}


def test_a_learners_quiz_detail_has_its_own_etag(course, api_client, learner_client):
    path = "/api/v1/quizzes/final-review/"
    anonymous = api_client.get(path)
    signed_in = learner_client.get(path)
    assert signed_in.json()["attempts_used"] == 0
    assert signed_in.json()["attempts_left"] == 3
    assert "attempts_used" not in anonymous.json()
    assert signed_in["ETag"] != anonymous["ETag"]
    assert learner_client.get(path, HTTP_IF_NONE_MATCH=signed_in["ETag"]).status_code == 304
    assert learner_client.get(path, HTTP_IF_NONE_MATCH=anonymous["ETag"]).status_code == 200


def test_last_modified_is_the_latest_update(course, api_client):
    lesson = Lesson.objects.get(slug="nerve-roots")
    response = api_client.get("/api/v1/lessons/nerve-roots/")
    stamp = parse_http_date(response["Last-Modified"])
    assert abs(stamp - lesson.updated_at.timestamp()) < timedelta(seconds=1).total_seconds()


def test_a_hot_read_reuses_its_version_until_content_is_saved(course, api_client, settings):
    """With CONTENT_VERSION_SECONDS a process reuses a version it looked up (no query); a save
    in this process forgets it at once."""
    settings.CONTENT_VERSION_SECONDS = 60
    recent_versions.forget()
    path = "/api/v1/lessons/nerve-roots/"
    first = api_client.get(path)
    with CaptureQueriesContext(connection) as hot:
        again = api_client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and len(hot) == 0, f"{len(hot)} queries on a hot read"
    Lesson.objects.filter(slug="nerve-roots").update(summary_en="Changed behind its back.")
    assert api_client.get(path)["ETag"] == first["ETag"], "reused for CONTENT_VERSION_SECONDS"
    Lesson.objects.get(slug="nerve-roots").save()
    assert api_client.get(path)["ETag"] != first["ETag"], "a save did not forget the version"
    recent_versions.forget()


def test_the_same_content_always_has_the_same_version(course):
    """Each table's count and latest update, in the order named: PostgreSQL may run the parts
    of a UNION ALL in parallel and hand its rows back in any order, which made one state of
    the content look like several versions (a cache miss and a 200 instead of a 304)."""
    tables = (Quiz, Question, Lesson, GlossaryTerm, Course)
    if connection.vendor == "postgresql":  # plan in parallel wherever it can, as it may
        with connection.cursor() as cursor:
            for setting in ("parallel_setup_cost", "parallel_tuple_cost"):
                cursor.execute(f"SET LOCAL {setting} = 0")
            cursor.execute("SET LOCAL min_parallel_table_scan_size = 0")
    seen = {versions(*tables)[0] for _ in range(100)}
    assert len(seen) == 1, f"one state of the content, {len(seen)} versions: {sorted(seen)}"
    counts = [int(part.split(":")[0]) for part in seen.pop().split("|")]
    assert counts == [model.objects.count() for model in tables]


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_a_failed_precondition_is_in_the_requests_language(course, api_client, language):
    path = "/api/v1/lessons/nerve-roots/"
    english = assert_error(api_client.get(path, HTTP_IF_MATCH='"nope"'), 412)["message"]
    response = api_client.get(path, HTTP_IF_MATCH='"nope"', HTTP_ACCEPT_LANGUAGE=language)
    error = assert_error(response, 412, ErrorCode.PRECONDITION_FAILED)
    assert error["message"] != english, f"not translated into {language}"
    assert response["Content-Language"] == language
