"""API plumbing every app's views use: the exception handler (one error shape), session
authentication, pagination, and the OpenAPI helpers that document them (throttles:
core.throttles)."""

from __future__ import annotations

from urllib.parse import urlencode

import drf_spectacular.authentication
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import Http404, JsonResponse
from django.utils import translation
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import authentication, exceptions, serializers, status
from rest_framework.authentication import CSRFCheck
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.request import is_form_media_type
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from core.codes import ErrorCode
from core.csrf import csrf_failed
from core.errors import (
    ANOTHER_LEARNER,
    BAD_REQUEST,
    BODY_TOO_LARGE,
    INVALID,
    MALFORMED,
    NOT_FOUND,
    THROTTLED,
    TOO_MANY_FIELDS,
    DomainError,
    ErrorSerializer,
    error_body,
)

CODE_BY_STATUS = {
    400: ErrorCode.INVALID,
    401: ErrorCode.NOT_AUTHENTICATED,
    403: ErrorCode.PERMISSION_DENIED,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    406: ErrorCode.NOT_ACCEPTABLE,
    409: ErrorCode.CONFLICT,
    412: ErrorCode.PRECONDITION_FAILED,
    413: ErrorCode.REQUEST_TOO_LARGE,
    415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    429: ErrorCode.THROTTLED,
    503: ErrorCode.UNAVAILABLE,
}


def error_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    """OpenAPI entries for the error answers an operation can give."""
    return {
        code: OpenApiResponse(ErrorSerializer, description=str(CODE_BY_STATUS[code]))
        for code in statuses
    }


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
    """Turn every API error into {"code", "message", "details"}, rendered as JSON."""
    response = _error_response(exc)
    request = context.get("request")
    if response is not None and request is not None:
        # Whatever the view renders otherwise (the schema's YAML, the docs' HTML, which could
        # not render this body or would not be the error shape): errors are JSON.
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
    return response


def _error_response(exc) -> Response | None:
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
        body = error_body(ErrorCode.INVALID, INVALID, _flatten(exc.detail))
    elif isinstance(exc, exceptions.ParseError):
        # Our parser says why (too deep, not Unicode); DRF's own wording is not translated.
        detail = exc.detail if type(exc) is not exceptions.ParseError else MALFORMED
        body = error_body(ErrorCode.MALFORMED, detail)
    elif isinstance(exc, exceptions.Throttled):
        body = error_body(ErrorCode.THROTTLED, THROTTLED % {"seconds": int(exc.wait or 1)})
    else:
        detail = exc.detail
        message = detail if isinstance(detail, str) else str(exc.default_detail)
        body = error_body(CODE_BY_STATUS.get(exc.status_code, ErrorCode.INVALID), message)
    return Response(body, status=exc.status_code, headers=headers)


def bad_request(request, exception=None):
    """handler400: what Django refuses before any view runs (too many parameters, a Host the
    site does not serve) answers the error shape on /api/ paths; pages keep Django's page."""
    if not request.path.startswith("/api/"):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        body = error_body(ErrorCode.REQUEST_TOO_LARGE, BODY_TOO_LARGE % {"limit": limit})
        return JsonResponse(body, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exception, TooManyFieldsSent):
        message = TOO_MANY_FIELDS % {"limit": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}
    elif isinstance(exception, TooManyFilesSent):
        message = TOO_MANY_FIELDS % {"limit": settings.DATA_UPLOAD_MAX_NUMBER_FILES}
    else:
        message = BAD_REQUEST
    body = error_body(ErrorCode.BAD_REQUEST, message)
    return JsonResponse(body, status=status.HTTP_400_BAD_REQUEST)


@csrf_exempt
def api_not_found(request, *args, **kwargs):
    """Unknown /api/ paths answer the API's 404, not an HTML page (nor, for a write without a
    CSRF token, the CSRF middleware's HTML 403: there is nothing here to protect)."""
    body = error_body(ErrorCode.NOT_FOUND, NOT_FOUND)
    return JsonResponse(body, status=status.HTTP_404_NOT_FOUND)


# The learner a client acts for (their id). A page signed in as one learner may meet a session
# that another tab has since signed in as someone else: its writes must not become theirs.
LEARNER_HEADER = "X-Rootwise-Learner"


class SessionAuthentication(authentication.SessionAuthentication):
    """Session auth that answers 401 (not 403) to anonymous requests, and to a request that
    names (in LEARNER_HEADER) a learner other than the one signed in."""

    def authenticate(self, request):
        found = super().authenticate(request)
        expected = request.headers.get(LEARNER_HEADER)
        if found is not None and expected is not None and expected != str(found[0].pk):
            raise exceptions.NotAuthenticated(ANOTHER_LEARNER)
        return found

    def authenticate_header(self, request):
        return "Session"

    def enforce_csrf(self, request):
        # Django's CSRF check reads request.POST. On DRF's request that parses the body, so a
        # body the view would never read (a replayed submit's) was refused as malformed before
        # the view ran. Django's own request parses only form bodies, and the token comes from
        # the X-CSRFToken header; form bodies keep DRF's request, as DRF does.
        if not is_form_media_type(request.content_type):
            request = request._request
        # DRF's check, with its message in the request's language (core.csrf).
        check = CSRFCheck(lambda request: None)
        check.process_request(request)  # sets request.META["CSRF_COOKIE"] for process_view
        reason = check.process_view(request, None, (), {})
        if reason:
            raise exceptions.PermissionDenied(csrf_failed(reason))


class SessionScheme(drf_spectacular.authentication.SessionScheme):
    """Documents our SessionAuthentication in the OpenAPI schema (cookie `sessionid`)."""

    target_class = SessionAuthentication


class Pagination(PageNumberPagination):
    """Pages of 50 (up to 100 with `page_size`). On a view that names the query parameters its
    body depends on (`query_parameters`: the cached content reads), the `next` and `previous`
    links carry only those and the language, whichever way it was asked for: one cached page
    serves every reader, so its links must not carry the first reader's other parameters."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 100
    kept_parameters: tuple[str, ...] | None = None

    def paginate_queryset(self, queryset, request, view=None):
        self.kept_parameters = getattr(view, "query_parameters", None)
        return super().paginate_queryset(queryset, request, view)

    def get_next_link(self):
        if self.kept_parameters is None or not self.page.has_next():
            return self._in_language(super().get_next_link())
        return self._link(self.page.next_page_number())

    def get_previous_link(self):
        if self.kept_parameters is None or not self.page.has_previous():
            return self._in_language(super().get_previous_link())
        return self._link(self.page.previous_page_number())

    def _in_language(self, link: str | None) -> str | None:
        """Another page of any list in the language of this one, however it was asked for."""
        return link and replace_query_param(link, "lang", translation.get_language())

    def _link(self, page_number: int) -> str:
        query = [
            (name, value)
            for name in sorted(set(self.kept_parameters) - {self.page_query_param})
            for value in self.request.GET.getlist(name)
        ]
        query.append(("lang", translation.get_language()))
        if page_number != 1:
            query.append((self.page_query_param, page_number))
        return f"{self.request.build_absolute_uri(self.request.path)}?{urlencode(query)}"


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
