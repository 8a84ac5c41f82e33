"""The API's one error shape, its generic messages, and the base of errors services raise."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.codes import ErrorCode

NOT_FOUND = _("Not found.")
INVALID = _("Some fields are not valid.")
MALFORMED = _("The request body is not valid JSON.")
TOO_DEEP = _("The request body is nested too deeply (limit: %(limit)s levels).")
UNREADABLE_CHARSET = _(
    "The request body's charset is not a text encoding this API reads: send JSON as UTF-8."
)
NOT_UNICODE = _("The request body holds text that is not valid Unicode.")
NUL_CHARACTER = _("The request holds a NUL character (U+0000), which no text here may hold.")
DUPLICATE_KEY = _("The request body gives the key %(key)s twice.")
BODY_TOO_LARGE = _("The request body is too large (limit: %(limit)s bytes).")
THROTTLED = _("Too many requests. Try again in %(seconds)s seconds.")
UNKNOWN_FIELD = _("Unknown field.")
NOT_AN_INTEGER = _("A whole number is required.")
TOO_MANY_FIELDS = _("The request has too many parameters (limit: %(limit)s).")
BAD_REQUEST = _("The server cannot serve this request as it was sent.")
PRECONDITION_FAILED = _(
    "This content has changed since the version the request names (If-Match or "
    "If-Unmodified-Since)."
)
ANOTHER_LEARNER = _(
    "This device is now signed in as another learner. Sign in again to go on: your answers "
    "are kept."
)
UNAVAILABLE = _("The service is briefly unavailable. Please try again in a moment.")


class ErrorSerializer(serializers.Serializer):
    """Every 4xx (and 503) answer of the API."""

    code = serializers.ChoiceField(
        choices=[code.value for code in ErrorCode], help_text="Stable, machine-readable reason."
    )
    message = serializers.CharField(help_text="For people, in the request's language.")
    details = serializers.DictField(
        child=serializers.JSONField(), help_text="Per-field problems, when there are any."
    )


def error_body(code: ErrorCode, message, details: dict | None = None) -> dict:
    """{"code", "message", "details"}, as ErrorSerializer documents it."""
    return ErrorSerializer({"code": code, "message": message, "details": details or {}}).data


class DomainError(Exception):
    """A refused operation. The API answers `status` with the error shape."""

    status = 400

    def __init__(self, code: ErrorCode, message, details: dict | None = None):
        self.code = code
        self.message = message
        self.details = details or {}
        super().__init__(f"{code}: {message}")


class NotFound(DomainError):
    status = 404


class Forbidden(DomainError):
    status = 403


class Conflict(DomainError):
    status = 409
