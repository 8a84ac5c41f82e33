"""Conditional, cached reads of published content.

A read computes its content version with one cheap query. The ETag is a hash of what the body
depends on (path, the query parameters the endpoint uses, language, version), so
`get_conditional_response` can answer 304 to `If-None-Match` (strong, weak or `*`) and to
`If-Modified-Since`, and 412 (in the error shape) to `If-Match` or `If-Unmodified-Since`
naming another version. Otherwise the rendered JSON comes from a process-local LRU, then the shared
cache, keyed by the same hash (a body never changes under its key, so neither is invalidated):
a junk query parameter neither misses the caches nor adds an entry to them.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag
from rest_framework.renderers import JSONRenderer

from core.cache import LocalFirst
from core.codes import ErrorCode
from core.errors import PRECONDITION_FAILED, error_body

CACHE_SECONDS = 60 * 60
PAGE_PARAMETERS = ("page", "page_size")
# Rendered bodies this process keeps (the course's reads in four languages fit many times).
rendered = LocalFirst(size=512)


class RecentVersions:
    """Content versions this process looked up in the last CONTENT_VERSION_SECONDS: a hot read
    then needs no query at all. A content save in this process forgets them at once (see
    `watch_content`); other processes see a change within those seconds."""

    def __init__(self):
        self.entries: dict[tuple, tuple[float, tuple]] = {}
        self.lock = threading.Lock()

    def get(self, key: tuple, lookup):
        seconds = settings.CONTENT_VERSION_SECONDS
        if not seconds:
            return lookup()
        now = time.monotonic()
        found = self.entries.get(key)
        if found and found[0] > now:
            return found[1]
        version = lookup()
        with self.lock:
            if len(self.entries) > 4096:
                self.entries.clear()
            self.entries[key] = (now + seconds, version)
        return version

    def forget(self, **kwargs) -> None:
        with self.lock:
            self.entries.clear()


recent_versions = RecentVersions()


def watch_content(*models) -> None:
    """Forget the recent versions whenever one of `models` is saved or deleted, or its
    many-to-many relations change (an app calls this for its content models)."""
    for model in models:
        uid = f"recent-versions-{model._meta.label_lower}"
        post_save.connect(recent_versions.forget, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(recent_versions.forget, sender=model, dispatch_uid=f"{uid}-delete")
        m2m_changed.connect(recent_versions.forget, sender=model, dispatch_uid=f"{uid}-m2m")


def extend_json_object(body: bytes, extra: dict) -> bytes:
    """`body` (a rendered JSON object) with `extra`'s keys added, without parsing it again."""
    if not extra:
        return body
    addition = json.dumps(extra, ensure_ascii=False, separators=(",", ":")).encode()
    return body[: body.rindex(b"}")] + b"," + addition[1:]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class ConditionalReadMixin:
    """For a DRF GET view whose `get` renders published content.

    A view defines `content_version()` -> (version string, last-modified datetime or None)
    and may name the query parameters its body depends on in `query_parameters`. Personal
    fields for a signed-in user (`personal_data(request)`) are added to the shared cached body
    and to the ETag, so one cache entry serves everyone.
    """

    query_parameters: tuple[str, ...] = ()

    def personal_data(self, request) -> dict:
        return {}

    def variant(self, request, version: str) -> str:
        used = [
            f"{name}={value}"
            for name in sorted(self.query_parameters)
            for value in request.GET.getlist(name)
        ]
        # The scheme and host too: a list's page links are absolute.
        where = request.build_absolute_uri(request.path)
        return "|".join([where, "&".join(used), translation.get_language(), version])

    def get(self, request, *args, **kwargs):
        key = (type(self).__name__, *sorted(self.kwargs.items()))
        version, modified = recent_versions.get(key, self.content_version)
        shared = _digest(self.variant(request, version))
        personal = self.personal_data(request)
        etag = quote_etag(_digest(f"{shared}|{json.dumps(personal, sort_keys=True)}"))
        last_modified = int(modified.timestamp()) if modified and not personal else None
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is not None and response.status_code == 412:
            # If-Match or If-Unmodified-Since hold for reads too (RFC 9110 13.1.1): Django
            # answers an empty 412, the API its error shape.
            body = error_body(ErrorCode.PRECONDITION_FAILED, PRECONDITION_FAILED)
            response = JsonResponse(body, status=412)
        elif response is None:
            key = f"api:{shared}"
            body = rendered.get(key)
            if body is None:
                body = cache.get(key)
                if body is None:
                    body = JSONRenderer().render(super().get(request, *args, **kwargs).data)
                    cache.set(key, body, CACHE_SECONDS)
                rendered.set(key, body)
            # Already rendered JSON: skip DRF's renderer on the hot path.
            response = HttpResponse(
                extend_json_object(body, personal), content_type="application/json"
            )
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        response["Cache-Control"] = "private, no-cache" if personal else "no-cache"
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response
