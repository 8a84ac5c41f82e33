"""Messages for the quiz services' refusals; the codes themselves are core.codes.ErrorCode."""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.codes import ErrorCode
from quizzes.grading import MAX_ITEM_LENGTH, MAX_ITEMS

QUIZ_NOT_AVAILABLE = _("This quiz is not available.")
QUIZ_NOT_FOUND = _("There is no published quiz with this slug.")
ATTEMPT_LIMIT_REACHED = ngettext_lazy(
    "You have used the %(limit)s attempt allowed for this quiz.",
    "You have used all %(limit)s attempts allowed for this quiz.",
    "limit",
)
CLIENT_ID_IN_USE = _("This client_id already belongs to an attempt at another quiz.")
CLIENT_ID_OTHER_ASSIGNMENT = _(
    "This client_id already belongs to an attempt at this quiz taken for another assignment "
    "(or for none): start with a new client_id."
)
ALREADY_SUBMITTED = _("This attempt has already been submitted; it cannot change.")
TIME_UP = _("The time limit for this attempt has passed.")
QUESTION_NOT_IN_ATTEMPT = _("This question is not part of this attempt.")
INVALID_ANSWERS = _("Some answers are not valid; nothing was saved.")
ATTEMPT_NOT_FOUND = _("Attempt not found.")
UNKNOWN_ASSIGNMENT = _("There is no such assignment for you.")
ASSIGNMENT_OTHER_QUIZ = _("This assignment is for another quiz.")
ASSIGNMENT_NOT_OPEN = _("This assignment opens on %(date)s (%(time_zone)s).")
UNKNOWN_JOIN_CODE = _("No cohort has this join code.")
INVALID_ACCOUNT = _("The account could not be made: see the fields named.")

# Why an answer was refused (grading.AnswerError codes), for people.
ANSWER_MESSAGES = {
    ErrorCode.INVALID_ANSWER: _(
        "This answer does not have the shape this kind of question expects."
    ),
    ErrorCode.UNKNOWN_CHOICE: _("This answer names a choice that is not part of the question."),
    ErrorCode.ITEM_TOO_LONG: _("An answer item is longer than %(max_length)s characters."),
    ErrorCode.TOO_MANY_ITEMS: _("An answer has more than %(max_items)s items."),
    ErrorCode.EMPTY_ANSWER: _("The answer has no letters or digits."),
    ErrorCode.INVALID_ORDER: _("Put every item of the question in order, each exactly once."),
    ErrorCode.DUPLICATE_QUESTION: _("The same question is answered twice in one submission."),
    ErrorCode.UNKNOWN_QUESTION: QUESTION_NOT_IN_ATTEMPT,
}


def answer_message(code: str) -> str:
    """Why an answer was refused, in the active language, with the limits filled in."""
    message = ANSWER_MESSAGES.get(code, INVALID_ANSWERS)
    return str(message) % {"max_length": MAX_ITEM_LENGTH, "max_items": MAX_ITEMS}


def assignment_not_open_message(opens_at) -> str:
    """When the assignment opens, as people read a date and time in the active language, in
    the server's time zone and naming it (the app's pages show dates in the same zone)."""
    local = localtime(opens_at)
    return str(ASSIGNMENT_NOT_OPEN) % {
        "date": date_format(local, "DATETIME_FORMAT"),
        "time_zone": local.tzname(),
    }
