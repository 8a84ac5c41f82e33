"""Errors of the quiz services: a stable code for clients, a translated message for people."""

from django.utils.translation import gettext_lazy as _

from learning.errors import DomainError

QUIZ_NOT_AVAILABLE = _("This quiz is not available.")
ATTEMPT_LIMIT_REACHED = _("You have used all %(limit)s attempts allowed for this quiz.")
CLIENT_ID_IN_USE = _("This client_id already belongs to an attempt at another quiz.")
ALREADY_SUBMITTED = _("This attempt has already been submitted; it cannot change.")
TIME_UP = _("The time limit for this attempt has passed.")
QUESTION_NOT_IN_ATTEMPT = _("This question is not part of this attempt.")
INVALID_ANSWERS = _("Some answers are not valid; nothing was saved.")
ATTEMPT_NOT_FOUND = _("Attempt not found.")

# Messages for grading.AnswerError codes, shown to people.
ANSWER_MESSAGES = {
    "invalid_answer": _("This answer does not have the shape this kind of question expects."),
    "unknown_choice": _("This answer names a choice that is not part of the question."),
    "item_too_long": _("An answer item is longer than 500 characters."),
    "too_many_items": _("An answer has more than 50 items."),
    "empty_answer": _("The answer has no letters or digits."),
    "invalid_order": _("Put every item of the question in order, each exactly once."),
    "duplicate_question": _("The same question is answered twice in one submission."),
    "unknown_question": _("This question is not part of this attempt."),
}


class QuizError(DomainError):
    """A refused quiz operation; `status` is the HTTP status the API answers with."""


class NotFound(QuizError):
    status = 404


class Forbidden(QuizError):
    status = 403


class Conflict(QuizError):
    status = 409
