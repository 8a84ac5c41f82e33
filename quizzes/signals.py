"""Signals of the quizzes app, for apps built on it (spaced review) to receive."""

from django.dispatch import Signal

# Sent inside a regrade's transaction (an accepted wrong answer, or its undo) with
# `responses`: the regraded Response rows of submitted attempts, holding their new points and
# `correct`, and `acceptance`: the AnswerAcceptance. Spaced review reschedules its cards from
# it; a receiver that raises rolls the whole regrade back, so grades and cards never disagree.
responses_regraded = Signal()
