"""Scheduling with FSRS, as pure functions over the library's card dict: a grade becomes a
rating, a rating at a time becomes the card's next state. No ORM, no clock of its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fsrs import Card, Rating, Scheduler

# Fuzzing off: the same reviews always give the same schedule, so a card can be rebuilt from
# its log (after an instructor's regrade) and tests compare with the library exactly.
SCHEDULER = Scheduler(enable_fuzzing=False)


def rating_for(points: float, max_points: float) -> Rating:
    """DESIGN.md: no points → Again, partial credit → Hard, full points → Good."""
    if points <= 0:
        return Rating.Again
    if points < max_points:
        return Rating.Hard
    return Rating.Good


def new_card(card_id: int, when: datetime) -> dict:
    """A card never reviewed, due at once."""
    return Card(card_id=card_id, due=when.astimezone(UTC)).to_dict()


def schedule(state: dict, rating: Rating, when: datetime) -> dict:
    """The card's state after a review rated `rating` at `when` (any aware time; the
    library takes UTC)."""
    card = Card.from_dict(state)
    card, _log = SCHEDULER.review_card(card, rating, review_datetime=when.astimezone(UTC))
    return card.to_dict()


@dataclass(frozen=True)
class Scheduled:
    due: datetime
    stability: float | None
    difficulty: float | None
    last_review: datetime | None


def read(state: dict) -> Scheduled:
    card = Card.from_dict(state)
    return Scheduled(card.due, card.stability, card.difficulty, card.last_review)


def clamp(answered_at: datetime | None, *, earliest: datetime | None, now: datetime) -> datetime:
    """When a review counts as done: the time the learner answered (sent by the app, perhaps
    from offline), never before the card's last review and never in the server's future."""
    when = answered_at or now
    if earliest is not None and when < earliest:
        when = earliest
    return min(when, now)
