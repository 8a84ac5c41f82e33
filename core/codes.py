"""Every error code the API answers with, in one place (the `code` of the error shape).

Codes are part of the API contract: clients branch on them, so they never change once shipped.
Pure: no Django, so the grader can name its own refusals with them.
"""

from enum import StrEnum


class ErrorCode(StrEnum):
    # Any request
    INVALID = "invalid"  # some fields are not valid (details name them)
    MALFORMED = "malformed"  # the body is not JSON we accept (syntax, nesting, bad text)
    BAD_REQUEST = "bad_request"  # Django refused the request itself (too many parameters, Host)
    NOT_AUTHENTICATED = "not_authenticated"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    NOT_ACCEPTABLE = "not_acceptable"
    CONFLICT = "conflict"
    PRECONDITION_FAILED = "precondition_failed"  # If-Match / If-Unmodified-Since did not hold
    REQUEST_TOO_LARGE = "request_too_large"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    THROTTLED = "throttled"
    UNAVAILABLE = "unavailable"  # the server cannot serve right now (a dependency is down)

    # Quizzes and attempts
    QUIZ_NOT_AVAILABLE = "quiz_not_available"
    ATTEMPT_LIMIT_REACHED = "attempt_limit_reached"
    CLIENT_ID_IN_USE = "client_id_in_use"
    ALREADY_SUBMITTED = "already_submitted"
    TIME_UP = "time_up"
    UNKNOWN_QUESTION = "unknown_question"
    DUPLICATE_QUESTION = "duplicate_question"

    # Assignments, cohorts and accounts
    ASSIGNMENT_NOT_OPEN = "assignment_not_open"  # before the assignment's opens_at
    UNKNOWN_JOIN_CODE = "unknown_join_code"

    # Answers (raised by the grader's validation)
    INVALID_ANSWER = "invalid_answer"
    UNKNOWN_CHOICE = "unknown_choice"
    ITEM_TOO_LONG = "item_too_long"
    TOO_MANY_ITEMS = "too_many_items"
    EMPTY_ANSWER = "empty_answer"
    INVALID_ORDER = "invalid_order"
