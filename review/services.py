"""Write paths of spaced review: cards from submitted attempts, answering a card, rebuilding a
card from its log. Each runs in a transaction with the card rows locked."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from fsrs import Rating

from core.codes import ErrorCode
from core.errors import Conflict, NotFound
from quizzes import bank, grading
from quizzes.models import Attempt
from quizzes.services import validated_answer
from review import scheduling
from review.models import Review, ReviewCard, Source

NO_CARD = _("You have no review card for this question.")
CLIENT_ID_IN_USE = _("This client_id already belongs to the review of another question.")


def _apply(card: ReviewCard, rating, when: datetime) -> None:
    """Schedule `card` after a review rated `rating` at `when` (not saved)."""
    card.state = scheduling.schedule(card.state, rating, when)
    scheduled = scheduling.read(card.state)
    card.due_at, card.stability, card.difficulty = (
        scheduled.due,
        scheduled.stability,
        scheduled.difficulty,
    )
    card.last_review_at = scheduled.last_review
    card.reviews_count += 1


def _new_card(*, learner_id: int, question_id: int, when: datetime) -> ReviewCard:
    state = scheduling.new_card(question_id, when)
    return ReviewCard(
        learner_id=learner_id, question_id=question_id, state=state, due_at=when, created_at=when
    )


@transaction.atomic
def cards_from_attempt(*, attempt: Attempt, responses: list | None = None) -> int:
    """A submitted attempt's answers as reviews: each question answered wrong or partly right
    gets a card (if it has none); each question that has a card counts as a review of it,
    right answers included. Unanswered questions are no review. Returns the reviews made.

    `responses` are the attempt's graded responses when the submit that graded them calls;
    without them (the backfill) the attempt is read, and one already counted is skipped.
    Reviews count at the time the attempt was submitted, so old attempts schedule as they
    happened.
    """
    if attempt.submitted_at is None or attempt.learner_id is None:
        return 0
    if responses is None:
        if Review.objects.filter(attempt=attempt).exists():
            return 0
        responses = list(attempt.responses.all())
    responses = [r for r in responses if r.answer is not None]
    if not responses:
        return 0
    when = attempt.submitted_at
    cards = {
        card.question_id: card
        for card in ReviewCard.objects.select_for_update().filter(
            learner_id=attempt.learner_id, question_id__in=[r.question_id for r in responses]
        )
    }
    touched, reviews = [], []
    for response in responses:
        card = cards.get(response.question_id)
        if card is None:
            if response.correct:
                continue  # known: nothing to review
            card = _new_card(
                learner_id=attempt.learner_id, question_id=response.question_id, when=when
            )
        touched.append(card)
        rating = scheduling.rating_for(response.points or 0, response.max_points or 0)
        _apply(card, rating, max(when, card.last_review_at or when))
        reviews.append(
            Review(
                card=card,
                learner_id=attempt.learner_id,
                question_id=response.question_id,
                source=Source.ATTEMPT,
                attempt=attempt,
                rating=int(rating),
                reviewed_at=card.last_review_at,
                language=attempt.language,
                answer=response.answer,
                points=response.points or 0,
                max_points=response.max_points or 0,
                correct=bool(response.correct),
                feedback=response.feedback or {},
                due_after=card.due_at,
            )
        )
    if not reviews:
        return 0
    # New cards and reviewed ones in one statement, whatever their mix (a fixed query count):
    # an upsert on (learner, question), which hands every card its id back.
    for card in touched:
        card.pk = None
    ReviewCard.objects.bulk_create(
        touched,
        update_conflicts=True,
        unique_fields=["learner", "question"],
        update_fields=[
            "state",
            "due_at",
            "stability",
            "difficulty",
            "last_review_at",
            "reviews_count",
            "updated_at",
        ],  # fmt: skip
    )
    Review.objects.bulk_create(reviews)
    return len(reviews)


def review_answer(
    *,
    learner,
    question_id: int,
    answer,
    client_id: uuid.UUID,
    answered_at: datetime | None = None,
    language: str = "en",
) -> tuple[Review, bool]:
    """Grade an answer to a review card with the quiz grader and reschedule the card.

    Idempotent by the device's `client_id`: a replay returns the stored review (False) and
    changes nothing. The review counts at `answered_at` (when the learner answered, perhaps
    offline), clamped between the card's last review and the server's now.
    """
    stored = _stored(learner, client_id, question_id)
    if stored:
        return stored, False
    try:
        with transaction.atomic():
            card = (
                ReviewCard.objects.select_for_update()
                .filter(learner=learner, question_id=question_id)
                .first()
            )
            if card is None:
                raise NotFound(ErrorCode.NOT_FOUND, NO_CARD)
            stored = _stored(learner, client_id, question_id)
            if stored:
                return stored, False
            # Graded as in a quiz: known wrong answers (and their hints) and the language's
            # lexicon of known terms, so no known term passes for a typo of the key.
            question_bank = bank.current()
            question = question_bank.questions[question_id]
            cleaned = validated_answer(question_bank.shape_key(question_id, language), answer)
            grade = grading.grade(question_bank.answer_key(question_id, language), cleaned)
            now = timezone.now()
            when = scheduling.clamp(answered_at, earliest=card.last_review_at, now=now)
            rating = scheduling.rating_for(grade.points, grade.max_points)
            _apply(card, rating, when)
            card.save()
            review = Review.objects.create(
                card=card,
                learner=learner,
                question=question,
                source=Source.REVIEW,
                client_id=client_id,
                rating=int(rating),
                reviewed_at=when,
                language=language,
                answer=cleaned,
                points=grade.points,
                max_points=grade.max_points,
                correct=grade.correct,
                feedback=grade.feedback.as_dict(),
                due_after=card.due_at,
            )
    except IntegrityError:
        # The same client_id raced in from another request: that one won.
        return _stored(learner, client_id, question_id), False
    return review, True


def _stored(learner, client_id: uuid.UUID, question_id: int) -> Review | None:
    review = (
        Review.objects.filter(learner=learner, client_id=client_id)
        .select_related("card", "question__lesson")
        .first()
    )
    if review is not None and review.question_id != question_id:
        raise Conflict(ErrorCode.CLIENT_ID_IN_USE, CLIENT_ID_IN_USE)
    return review


@transaction.atomic
def card_rebuild(*, card: ReviewCard) -> ReviewCard:
    """Recompute a card from its log (after a regrade changed a review's rating): FSRS is
    deterministic here, so the log alone decides the schedule."""
    card = ReviewCard.objects.select_for_update().get(pk=card.pk)
    reviews = list(card.reviews.order_by("reviewed_at", "pk"))
    card.state = scheduling.new_card(card.question_id, card.created_at)
    card.reviews_count = 0
    card.last_review_at = None
    for review in reviews:
        _apply(card, Rating(review.rating), review.reviewed_at)
        review.due_after = card.due_at
    card.save()
    Review.objects.bulk_update(reviews, ["due_after"])
    return card


@transaction.atomic
def reviews_regraded(*, responses: list) -> int:
    """An instructor's regrade changed these quiz responses: the reviews they made take the
    new grade (and rating), an answer now wrong that made no review gets one (and its card),
    a card left with nothing missed goes, and every other card touched is rebuilt from its
    log. Returns the cards touched."""
    graded = {
        (r.attempt_id, r.question_id): r
        for r in responses
        if r.attempt.learner_id is not None and r.attempt.submitted_at and r.answer is not None
    }
    if not graded:
        return 0
    reviews = {
        (review.attempt_id, review.question_id): review
        for review in Review.objects.select_for_update().filter(
            attempt_id__in={attempt for attempt, _q in graded},
            question_id__in={question for _a, question in graded},
        )
    }
    cards: set[int] = set()
    changed = []
    for key, response in graded.items():
        rating = scheduling.rating_for(response.points or 0, response.max_points or 0)
        review = reviews.get(key)
        if review is None:
            if response.correct:
                continue  # still known: no card is needed for it
            review = _review_for_regraded(response, rating)
        else:
            review.rating = int(rating)
            review.points, review.max_points = response.points or 0, response.max_points or 0
            review.correct, review.feedback = bool(response.correct), response.feedback or {}
            changed.append(review)
        cards.add(review.card_id)
    Review.objects.bulk_update(changed, ["rating", "points", "max_points", "correct", "feedback"])
    touched = ReviewCard.objects.filter(pk__in=cards)
    # A card whose log is now only right answers in attempts was made for a miss that is no
    # longer one: it goes (with its log), as if those answers had been right from the start.
    # A review in the review screen is the learner's own practice and keeps the card.
    touched.exclude(reviews__correct=False).exclude(reviews__source=Source.REVIEW).delete()
    for card in touched:
        card_rebuild(card=card)
    return len(cards)


def _review_for_regraded(response, rating) -> Review:
    """The review an answer now wrong should have made when its attempt was submitted."""
    attempt = response.attempt
    when = attempt.submitted_at
    card, _created = ReviewCard.objects.get_or_create(
        learner_id=attempt.learner_id,
        question_id=response.question_id,
        defaults={
            "state": scheduling.new_card(response.question_id, when),
            "due_at": when,
            "created_at": when,
        },
    )
    if card.created_at > when:  # the card came later: its log now starts with this answer
        card.created_at = when
        card.save(update_fields=["created_at"])
    return Review.objects.create(
        card=card,
        learner_id=attempt.learner_id,
        question_id=response.question_id,
        source=Source.ATTEMPT,
        attempt=attempt,
        rating=int(rating),
        reviewed_at=when,
        language=attempt.language,
        answer=response.answer,
        points=response.points or 0,
        max_points=response.max_points or 0,
        correct=bool(response.correct),
        feedback=response.feedback or {},
        due_after=when,
    )
