"""What quizzes tells the apps built on it, so it never imports them (review cards, …).

Receivers run inside the sending transaction: what they write commits or rolls back with it.
"""

from django.dispatch import Signal

# An attempt was graded and closed: `attempt`, and `responses`, its graded Response rows (one
# per question, saved).
attempt_submitted = Signal()
