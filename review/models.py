"""Review cards (one per learner and question missed) and the log of their reviews."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from quizzes.models import Attempt, Question


class Source(models.TextChoices):
    REVIEW = "review", _("review")
    ATTEMPT = "attempt", _("quiz attempt")


class ReviewCard(models.Model):
    """A question a learner missed or half knew, scheduled by FSRS. `state` is the library's
    own card (Card.to_dict()); due_at, stability and difficulty are copies for queries."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_cards",
        verbose_name=_("learner"),
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="review_cards", verbose_name=_("question")
    )
    state = models.JSONField(_("scheduler state"), default=dict)
    due_at = models.DateTimeField(_("due"))
    stability = models.FloatField(_("stability"), null=True, blank=True)
    difficulty = models.FloatField(_("difficulty"), null=True, blank=True)
    last_review_at = models.DateTimeField(_("last review"), null=True, blank=True)
    reviews_count = models.PositiveIntegerField(_("reviews"), default=0)
    created_at = models.DateTimeField(_("created"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("review card")
        verbose_name_plural = _("review cards")
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "question"], name="card_unique_question")
        ]
        indexes = [models.Index(fields=["learner", "due_at"], name="card_learner_due")]

    def __str__(self):
        return f"{self.learner} · {self.question.key}"


class Review(models.Model):
    """One review of a card: answered in the review screen (by `client_id`) or in a later
    quiz attempt. Shaped like a graded quiz response, so the API serves both alike."""

    card = models.ForeignKey(
        ReviewCard, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("card")
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("learner"),
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("question")
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    client_id = models.UUIDField(_("client id"), null=True, blank=True)
    attempt = models.ForeignKey(
        Attempt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("attempt"),
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    reviewed_at = models.DateTimeField(_("reviewed"), help_text=_("When it counts as done."))
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    answer = models.JSONField(_("answer"), null=True, blank=True)
    points = models.FloatField(_("points"))
    max_points = models.FloatField(_("max points"))
    correct = models.BooleanField(_("correct"))
    feedback = models.JSONField(_("feedback"), default=dict)
    due_after = models.DateTimeField(_("due after this review"))

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["reviewed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "client_id"],
                condition=models.Q(client_id__isnull=False),
                name="review_unique_client_id",
            ),
            models.UniqueConstraint(
                fields=["card", "attempt"],
                condition=models.Q(attempt__isnull=False),
                name="review_once_per_attempt",
            ),
        ]
        indexes = [
            models.Index(fields=["learner", "reviewed_at"], name="review_learner_time"),
            models.Index(fields=["question", "reviewed_at"], name="review_question_time"),
        ]

    def __str__(self):
        return f"{self.card} · {self.reviewed_at:%Y-%m-%d %H:%M}"
