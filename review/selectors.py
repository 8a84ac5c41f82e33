"""Reads of spaced review, with their related rows fetched in a fixed number of queries."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Count, Min, Prefetch, Q, QuerySet
from django.utils import timezone
from fsrs import Rating

from quizzes.models import AcceptedAnswer, Choice
from review.models import Review, ReviewCard

RETENTION_DAYS = 30


def cards_of(*, learner) -> QuerySet[ReviewCard]:
    """The learner's cards, the most overdue first, with each question as quiz detail needs
    it (choices; answers only to count a set's items)."""
    return (
        ReviewCard.objects.filter(learner=learner)
        .select_related("question")
        .prefetch_related(
            Prefetch("question__choices", queryset=Choice.objects.order_by("pk")),
            Prefetch("question__answers", queryset=AcceptedAnswer.objects.only("pk", "question")),
        )
        .order_by("due_at", "pk")
    )


def review_summary(*, learner) -> dict:
    """What the Review screen says before the app takes it over: the learner's cards, how many
    are due now (by the server's clock) and the next due time. One query."""
    now = timezone.now()
    return ReviewCard.objects.filter(learner=learner).aggregate(
        cards=Count("pk"),
        due=Count("pk", filter=Q(due_at__lte=now)),
        next_due_at=Min("due_at"),
    )


def learner_zone(name: str) -> ZoneInfo:
    """The learner's time zone as the app sends it (IANA name); UTC when absent or unknown."""
    try:
        return ZoneInfo(name) if name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def end_of_day(now: datetime, zone: ZoneInfo) -> datetime:
    """The next midnight in the learner's zone: "due today" means due before it."""
    local = now.astimezone(zone)
    return datetime.combine(local.date() + timedelta(days=1), time.min, tzinfo=zone)


def review_progress(*, learner, time_zone: str = "") -> dict:
    """Cards, how many are due by the end of the learner's day, the next due time, and the
    share of reviews answered right in the last 30 days (None before any). Two queries."""
    now = timezone.now()
    day_ends = end_of_day(now, learner_zone(time_zone))
    cards = ReviewCard.objects.filter(learner=learner).aggregate(
        cards=Count("pk"),
        due_today=Count("pk", filter=Q(due_at__lt=day_ends)),
        next_due_at=Min("due_at"),
    )
    recent = Review.objects.filter(
        learner=learner, reviewed_at__gte=now - timedelta(days=RETENTION_DAYS)
    ).aggregate(reviews=Count("pk"), right=Count("pk", filter=Q(correct=True)))
    reviews = recent["reviews"]
    return {
        **cards,
        "reviews_30_days": reviews,
        "retention": round(recent["right"] / reviews, 3) if reviews else None,
    }


def question_cards(*, question_ids: list[int], learners) -> dict[tuple[int, str], int]:
    """Review cards per (question, language) of the given learners: a card counts in each
    language it was reviewed in, and once under "" (every language). Two queries."""
    cards = ReviewCard.objects.filter(question_id__in=question_ids, learner__in=learners)
    figures = {
        (row["question_id"], ""): row["cards"]
        for row in cards.values("question_id").annotate(cards=Count("pk"))
    }
    per_language = (
        Review.objects.filter(card__in=cards)
        .values("question_id", "language")
        .annotate(cards=Count("card", distinct=True))
    )
    figures.update({(row["question_id"], row["language"]): row["cards"] for row in per_language})
    return figures


def question_forgotten(*, question_ids: list[int], learners) -> dict[tuple[int, str], int]:
    """Reviews rated Again in the last 30 days per (question, language) of the given
    learners, and under "" for every language: a question many keep forgetting. One query."""
    since = timezone.now() - timedelta(days=RETENTION_DAYS)
    rows = (
        Review.objects.filter(
            question_id__in=question_ids,
            learner__in=learners,
            rating=int(Rating.Again),
            reviewed_at__gte=since,
        )
        .values("question_id", "language")
        .annotate(again=Count("pk"))
    )
    figures: dict[tuple[int, str], int] = {}
    for row in rows:
        figures[row["question_id"], row["language"]] = row["again"]
        all_key = (row["question_id"], "")
        figures[all_key] = figures.get(all_key, 0) + row["again"]
    return figures
