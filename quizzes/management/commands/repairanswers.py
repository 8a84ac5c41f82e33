"""Mend stored answers and feedback that cannot be encoded as UTF-8 (a lone surrogate saved
before the API refused them): each such code point becomes U+FFFD; grades stay as they are."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.text import mend
from quizzes.models import Response

CHUNK = 500


class Command(BaseCommand):
    help = (
        "Find responses whose answer or feedback holds text that cannot be encoded (a lone "
        "surrogate) and replace each such character with U+FFFD. Points are not changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="report, change nothing")

    def handle(self, *args, dry_run: bool, **options) -> None:
        poisoned = []
        rows = Response.objects.only("pk", "answer", "feedback").order_by("pk")
        for response in rows.iterator(chunk_size=CHUNK):
            answer, feedback = mend(response.answer), mend(response.feedback)
            if (answer, feedback) != (response.answer, response.feedback):
                response.answer, response.feedback = answer, feedback
                poisoned.append(response)
        if poisoned and not dry_run:
            with transaction.atomic():
                Response.objects.bulk_update(poisoned, ["answer", "feedback"], batch_size=CHUNK)
        verb = "would be repaired" if dry_run else "repaired"
        ids = ", ".join(str(response.pk) for response in poisoned[:20])
        self.stdout.write(
            f"{len(poisoned)} response(s) {verb}" + (f" (ids: {ids}…)" if poisoned else ".")
        )
