"""API plumbing shared by every app: one error shape, authentication, pagination, caching."""

from __future__ import annotations

import hashlib

import drf_spectacular.authentication
from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import authentication, exceptions, serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle, UserRateThrottle

from learning.errors import DomainError

NOT_FOUND = gettext_lazy("Not found.")
INVALID = gettext_lazy("Some fields are not valid.")
MALFORMED = gettext_lazy("The request body is not valid JSON.")

ERROR_CODES = {
    400: "invalid",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "request_too_large",
    415: "unsupported_media_type",
    429: "throttled",
}


class ErrorSerializer(serializers.Serializer):
    """Every 4xx answer of the API."""

    code = serializers.CharField(help_text="Stable, machine-readable reason.")
    message = serializers.CharField(help_text="For people, in the request's language.")
    details = serializers.DictField(
        child=serializers.JSONField(), help_text="Per-field problems, when there are any."
    )


def error_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    return {
        code: OpenApiResponse(ErrorSerializer, description=ERROR_CODES[code]) for code in statuses
    }


def error_body(code: str, message, details: dict | None = None) -> dict:
    return {"code": code, "message": str(message), "details": details or {}}


def _flatten(detail) -> dict:
    if isinstance(detail, dict):
        return {key: _as_list(value) for key, value in detail.items()}
    return {"non_field_errors": _as_list(detail)}


def _as_list(value):
    if isinstance(value, dict):
        return {key: _as_list(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_list(item) if isinstance(item, dict | list) else str(item) for item in value]
    return [str(value)]


def exception_handler(exc, context):
    """Turn every API error into {"code", "message", "details"}."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(NOT_FOUND)
    elif isinstance(exc, DomainError):
        return Response(error_body(exc.code, exc.message, exc.details), status=exc.status)
    if not isinstance(exc, exceptions.APIException):
        return None
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    if isinstance(exc, exceptions.ValidationError):
        body = error_body("invalid", INVALID, _flatten(exc.detail))
    else:
        detail = exc.detail
        message = detail if isinstance(detail, str) else str(exc.default_detail)
        code = ERROR_CODES.get(exc.status_code) or getattr(detail, "code", None) or "error"
        if isinstance(exc, exceptions.ParseError):
            code, message = "malformed", MALFORMED
        if isinstance(exc, exceptions.Throttled):
            message = _("Too many requests. Try again in %(seconds)s seconds.") % {
                "seconds": int(exc.wait or 1)
            }
        body = error_body(code, message)
    return Response(body, status=exc.status_code, headers=headers)


@csrf_exempt
def api_not_found(request, *args, **kwargs):
    """Unknown /api/ paths answer the API's 404, not an HTML page (nor, for a write without a
    CSRF token, the CSRF middleware's HTML 403: there is nothing here to protect)."""
    return JsonResponse(error_body("not_found", NOT_FOUND), status=status.HTTP_404_NOT_FOUND)


class SessionAuthentication(authentication.SessionAuthentication):
    """Session auth that answers 401 (not 403) to anonymous requests."""

    def authenticate_header(self, request):
        return "Session"


class SessionScheme(drf_spectacular.authentication.SessionScheme):
    """Documents our SessionAuthentication in the OpenAPI schema (cookie `sessionid`)."""

    target_class = SessionAuthentication


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 100


class SubmitRateThrottle(UserRateThrottle):
    """Writes of attempts, keyed per user: a class submitting at once shares one address."""

    scope = "submit"


class LoginRateThrottle(SimpleRateThrottle):
    """Login attempts, keyed per address whoever is signed in."""

    scope = "login"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def page_of(name: str, results) -> serializers.Serializer:
    """The OpenAPI shape of one page of `results` (see Pagination)."""
    return inline_serializer(
        name,
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": results,
        },
    )


USER_SCHEMA = inline_serializer(
    "Whoami",
    fields={
        "authenticated": serializers.BooleanField(),
        "id": serializers.IntegerField(allow_null=True),
        "username": serializers.CharField(allow_null=True),
        "is_instructor": serializers.BooleanField(),
    },
)


class ConditionalReadMixin:
    """ETag/Last-Modified on published content; 304 to a matching If-None-Match, and the
    rendered data cached per language and version, so a repeat read does no serializing.

    A view provides `content_version()` -> (version string, last-modified datetime or None),
    computed with one cheap query.
    """

    cache_seconds = 60 * 60

    def get(self, request, *args, **kwargs):
        version, modified = self.content_version()
        language = translation.get_language()
        etag = quote_etag(
            hashlib.sha256(f"{request.get_full_path()}|{language}|{version}".encode()).hexdigest()[
                :32
            ]
        )
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            response = HttpResponse(status=status.HTTP_304_NOT_MODIFIED)
        else:
            key = f"api:{etag}"
            body = cache.get(key)
            if body is None:
                body = JSONRenderer().render(super().get(request, *args, **kwargs).data)
                cache.set(key, body, self.cache_seconds)
            # Already rendered JSON: skip DRF's renderer on the hot path.
            response = HttpResponse(body, content_type="application/json")
        response["ETag"] = etag
        if modified:
            response["Last-Modified"] = http_date(modified.timestamp())
        response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response
