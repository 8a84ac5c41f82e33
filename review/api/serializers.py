"""Review shapes: a card carries its question as quiz detail shapes it (no keys); an answered
card is a graded response (as after a submit) plus when the card is due next."""

from django.utils import timezone
from rest_framework import serializers

from core.fields import SENT_AT, InputSerializer, StrictUUIDField, on_server_clock
from quizzes.api.serializers import GradedResponseOutput, QuestionOutput
from review.models import ReviewCard


class ReviewCardOutput(serializers.ModelSerializer):
    question = QuestionOutput()
    due = serializers.SerializerMethodField(help_text="Due now (by the server's clock).")
    last_reviewed_at = serializers.DateTimeField(source="last_review_at", allow_null=True)
    reviews = serializers.IntegerField(source="reviews_count")

    class Meta:
        model = ReviewCard
        fields = ["question", "due_at", "due", "last_reviewed_at", "reviews"]

    def get_due(self, card) -> bool:
        return card.due_at <= self.context.get("now", timezone.now())


class ReviewAnswerInput(InputSerializer):
    answer = serializers.JSONField(help_text="Shaped by the question's kind, as in a quiz.")
    client_id = StrictUUIDField(help_text="Made by the device; the same id returns the review.")
    answered_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="When the learner answered (perhaps offline), by the device's clock (send "
        "`sent_at` with it); the server clamps it between the card's last review and its own now.",
    )
    sent_at = serializers.DateTimeField(required=False, allow_null=True, help_text=SENT_AT)

    def validate(self, data: dict) -> dict:
        if data.get("answered_at") is not None:
            data["answered_at"] = on_server_clock(
                data["answered_at"], sent_at=data.get("sent_at"), now=timezone.now()
            )
        return data


class ReviewResultOutput(GradedResponseOutput):
    """The graded answer, as after a quiz submit, and the card's next due time."""

    client_id = serializers.UUIDField()
    reviewed_at = serializers.DateTimeField(help_text="When the review counted as done.")
    due_at = serializers.DateTimeField(source="due_after", help_text="The next review's time.")


class ReviewProgressOutput(serializers.Serializer):
    cards = serializers.IntegerField()
    due_today = serializers.IntegerField(
        help_text="Due by the end of the learner's day (?tz=<IANA zone>; UTC when absent)."
    )
    next_due_at = serializers.DateTimeField(allow_null=True)
    reviews_30_days = serializers.IntegerField()
    retention = serializers.FloatField(
        allow_null=True, help_text="Share of reviews answered right in the last 30 days."
    )
