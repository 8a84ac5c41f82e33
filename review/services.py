"""Write paths of spaced review: cards from submitted attempts, answering a card, rebuilding a
card from its log. Each runs in a transaction with the card rows locked."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from fsrs import Rating

from core.codes import ErrorCode
from core.errors import Conflict, NotFound
from quizzes import bank, grading
from quizzes.models import Attempt
from quizzes.models import Response as QuizResponse
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


def _replay(card: ReviewCard, reviews: list[Review]) -> None:
    """Schedule `card` anew from `reviews` (its log, in order), setting each review's
    `due_after` (neither saved): FSRS is deterministic here, so the log alone decides."""
    card.state = scheduling.new_card(card.question_id, card.created_at)
    card.due_at = card.created_at
    card.stability = card.difficulty = card.last_review_at = None
    card.reviews_count = 0
    for review in reviews:
        _apply(card, Rating(review.rating), review.reviewed_at)
        review.due_after = card.due_at


@transaction.atomic
def card_rebuild(*, card: ReviewCard) -> ReviewCard:
    """Recompute a card from its log (after a regrade changed a review's rating)."""
    card = ReviewCard.objects.select_for_update().get(pk=card.pk)
    reviews = list(card.reviews.order_by("reviewed_at", "pk"))
    _replay(card, reviews)
    card.save()
    Review.objects.bulk_update(reviews, ["due_after"])
    return card


@transaction.atomic
def reviews_regraded(*, responses: list) -> int:
    """An instructor's regrade changed these quiz responses: the card of each learner and
    question they concern is made again from that learner's submitted answers to the question
    as they are graded now (`_attempt_reviews`), and its practice in the review screen.

    The card is a function of the answers' grades, so accepting an answer and undoing the
    acceptance gives the same card back, whatever else fed it: a card removed because its
    only miss became right comes back with the reviews of the learner's other attempts too.
    Returns the cards (learner and question) looked at."""
    pairs = {
        (r.attempt.learner_id, r.question_id)
        for r in responses
        if r.attempt.learner_id is not None and r.attempt.submitted_at and r.answer is not None
    }
    if not pairs:
        return 0
    learners, questions = {p[0] for p in pairs}, {p[1] for p in pairs}
    cards = {
        (card.learner_id, card.question_id): card
        for card in ReviewCard.objects.select_for_update().filter(
            learner_id__in=learners, question_id__in=questions
        )
        if (card.learner_id, card.question_id) in pairs
    }
    logs: dict[int, list[Review]] = defaultdict(list)
    for review in Review.objects.select_for_update().filter(card__in=list(cards.values())):
        logs[review.card_id].append(review)
    answered = defaultdict(list)
    for response in (
        QuizResponse.objects.filter(
            attempt__learner_id__in=learners,
            attempt__submitted_at__isnull=False,
            question_id__in=questions,
        )
        .select_related("attempt")
        .order_by("attempt__submitted_at", "attempt_id")
    ):
        if response.answer is not None:
            answered[(response.attempt.learner_id, response.question_id)].append(response)

    gone, new_cards, new_reviews, changed, removed = [], [], [], [], []
    for pair in sorted(pairs):
        card = cards.get(pair)
        log = logs[card.pk] if card is not None else []
        reviewed = _attempt_reviews(card, log, answered[pair])
        if reviewed is None:
            if card is not None:
                gone.append(card.pk)
            continue
        start, wanted = reviewed
        if card is None:
            card = cards[pair] = _new_card(learner_id=pair[0], question_id=pair[1], when=start)
            new_cards.append(card)
        card.created_at = start
        existing = {
            review.attempt_id: review
            for review in log
            if review.source == Source.ATTEMPT and review.attempt_id is not None
        }
        for response in wanted:
            review = existing.pop(response.attempt_id, None)
            if review is None:
                new_reviews.append(_attempt_review(card, response))
            else:
                _regraded(review, response)
                changed.append(review)
        removed.extend(review.pk for review in existing.values())
    ReviewCard.objects.filter(pk__in=gone).delete()
    Review.objects.filter(pk__in=removed).delete()
    ReviewCard.objects.bulk_create(new_cards)
    Review.objects.bulk_create(new_reviews)  # each takes its card's id, now that it has one
    Review.objects.bulk_update(changed, ["rating", "points", "max_points", "correct", "feedback"])
    kept = [card for card in cards.values() if card.pk not in gone]
    logs = defaultdict(list)
    for review in Review.objects.filter(card__in=kept).order_by("reviewed_at", "pk"):
        logs[review.card_id].append(review)
    for card in kept:
        _replay(card, logs[card.pk])
    ReviewCard.objects.bulk_update(
        kept,
        ["state", "due_at", "stability", "difficulty", "last_review_at", "reviews_count",
         "created_at"],
    )  # fmt: skip
    Review.objects.bulk_update([r for log in logs.values() for r in log], ["due_after"])
    return len(pairs)


def _attempt_reviews(card, log: list[Review], answered: list) -> tuple[datetime, list] | None:
    """When a card of these answers (a learner's submitted answers to one question, in the
    order they were submitted) starts, and the answers that are its reviews; None when the
    learner needs no card.

    As when the attempts were submitted: the card starts at the first answer missed (or half
    known), and every answer from then on is a review of it, right ones included; with no
    answer missed there is no card, as if those answers had been right from the start. A card
    the learner practised in the review screen (or whose log holds the review of an attempt
    since deleted) stays from its start, those reviews being the learner's own."""
    first_miss = next((r for r in answered if not r.correct), None)
    starts = []
    if first_miss is not None:
        starts.append((first_miss.attempt.submitted_at, first_miss.attempt_id))
    if card is not None and any(
        review.source == Source.REVIEW or review.attempt_id is None for review in log
    ):
        starts.append((card.created_at, 0))
    if not starts:
        return None
    start = min(starts)
    wanted = [r for r in answered if (r.attempt.submitted_at, r.attempt_id) >= start]
    return start[0], wanted


def _regraded(review: Review, response) -> None:
    review.rating = int(scheduling.rating_for(response.points or 0, response.max_points or 0))
    review.points, review.max_points = response.points or 0, response.max_points or 0
    review.correct, review.feedback = bool(response.correct), response.feedback or {}


def _attempt_review(card: ReviewCard, response) -> Review:
    """The review an answer made (or should have made) when its attempt was submitted."""
    attempt = response.attempt
    review = Review(
        card=card,
        learner_id=attempt.learner_id,
        question_id=response.question_id,
        source=Source.ATTEMPT,
        attempt=attempt,
        reviewed_at=attempt.submitted_at,
        language=attempt.language,
        answer=response.answer,
        due_after=attempt.submitted_at,
    )
    _regraded(review, response)
    return review
