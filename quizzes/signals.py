"""What quizzes tells the apps built on it (spaced review), so it never imports them.

Receivers run inside the sending transaction: what they write commits or rolls back with it,
and a receiver that raises rolls the whole operation back, so grades and cards never disagree.
"""

from django.dispatch import Signal

# An attempt was graded and closed: `attempt`, and `responses`, its graded Response rows (one
# per question, saved).
attempt_submitted = Signal()

# A regrade (an accepted wrong answer, or its undo): `responses`, the regraded Response rows of
# submitted attempts holding their new points and `correct`, and `acceptance`, the
# AnswerAcceptance.
responses_regraded = Signal()
