"""Create review cards from attempts submitted before spaced review existed."""

from django.core.management.base import BaseCommand

from quizzes.models import Attempt
from review.services import cards_from_attempt


class Command(BaseCommand):
    help = (
        "Make review cards from every submitted attempt, oldest first, as if each had been "
        "reviewed when it was submitted. Idempotent: an attempt already counted is skipped."
    )

    def handle(self, *args, **options) -> None:
        attempts = (
            Attempt.objects.filter(submitted_at__isnull=False, learner__isnull=False)
            .order_by("submitted_at", "pk")
            .prefetch_related("responses")
        )
        counted = reviews = 0
        for attempt in attempts.iterator(chunk_size=200):
            made = cards_from_attempt(attempt=attempt)
            counted += bool(made)
            reviews += made
        self.stdout.write(f"{reviews} review(s) from {counted} attempt(s).")
