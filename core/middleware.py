"""Request plumbing shared by pages and the API: `?lang=`, the request body limit, query
strings that hold a NUL, and a 503 when the database cannot serve."""

import logging

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from core.api import bad_request
from core.codes import ErrorCode
from core.errors import BODY_TOO_LARGE, NUL_CHARACTER, UNAVAILABLE, error_body

logger = logging.getLogger(__name__)


class QueryLanguageMiddleware:
    """`?lang=xx` overrides Accept-Language and the language cookie for this request; in the
    API, which speaks the language of `?lang=` or Accept-Language only (DESIGN.md), the cookie
    the pages' language switcher sets never counts.

    Placed after LocaleMiddleware, which has already picked a language and will add
    Content-Language and Vary on the way out. A language prefix in the path (`/en/...`) wins:
    i18n_patterns resolves URLs against the active language, so switching it there would 404.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        try:
            code = request.GET.get("lang", "").split("-")[0].lower()
        except SuspiciousOperation as refused:  # too many parameters
            if not request.path.startswith("/api/"):
                raise
            # Answered here, not only by handler400: with DEBUG on, Django's technical page
            # reads request.GET again and fails with a 500.
            return bad_request(request, refused)
        if code not in self.supported and request.path.startswith("/api/"):
            code = self.accepted(request)
        if code in self.supported and not translation.get_language_from_path(request.path_info):
            translation.activate(code)
            request.LANGUAGE_CODE = code
        return self.get_response(request)

    def accepted(self, request) -> str:
        """The first language of Accept-Language that we speak, else the default."""
        header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
        for code, _quality in parse_accept_lang_header(header):
            if code == "*":
                break
            try:
                return translation.get_supported_language_variant(code)
            except LookupError:
                continue
        return settings.LANGUAGE_CODE


class RequestBodyLimitMiddleware:
    """Refuse bodies over DATA_UPLOAD_MAX_MEMORY_SIZE with 413 before anything reads them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > self.limit:
            body = error_body(ErrorCode.REQUEST_TOO_LARGE, BODY_TOO_LARGE % {"limit": self.limit})
            return JsonResponse(body, status=413)
        return self.get_response(request)


class NulCharacterMiddleware:
    """Refuse a query string that holds a NUL (`?q=a%00`) with 400: PostgreSQL refuses NUL
    in text, so a search or filter that passed it on (the admin's search and autocomplete)
    failed with a 500. Form and JSON bodies are checked where they are read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in "".join(values) for key, values in request.GET.lists()):
            if request.path.startswith("/api/"):
                body = error_body(ErrorCode.BAD_REQUEST, str(NUL_CHARACTER))
                return JsonResponse(body, status=400)
            return bad_request(request, SuspiciousOperation("NUL in the query string"))
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A request the database cannot serve (unreachable, restarting, a connection it broke)
    answers 503 with Retry-After — in the error shape on the API — instead of a 500 page.
    Its transaction was rolled back, so nothing is half-written; the broken connection is
    closed at the end of the request and the next one opens a fresh one."""

    RETRY_AFTER = "5"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("database unavailable for %s: %s", request.path, exception)
        if request.path.startswith("/api/"):
            body = error_body(ErrorCode.UNAVAILABLE, UNAVAILABLE)
            response = JsonResponse(body, status=503)
        else:
            response = HttpResponse(str(UNAVAILABLE), status=503, content_type="text/plain")
        response["Retry-After"] = self.RETRY_AFTER
        return response
