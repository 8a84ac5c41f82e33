"""Spaced review: what a learner missed comes back when it is about to be forgotten (FSRS)."""
