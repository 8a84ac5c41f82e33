"""Drawing an attempt's questions and ordering its choices: pure functions over ids and keys.

Order and match items are always shuffled, and shuffled again while their order would give the
answer away; other choices only when the quiz asks for it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Protocol

from quizzes import grading


class Orderable(Protocol):
    """What the functions below read of a choice (a Choice row or a grading.ChoiceKey)."""

    position: int
    side: str
    pair: str


def gives_away(kind: str, choices: Sequence[Orderable]) -> bool:
    """Whether serving `choices` in this order reveals the key: an `order` question already in
    order, or a `match` question whose n-th left and n-th right items all belong together.

    Never true when no other order exists (items sharing one position, as the admin may save
    them, or pairs sharing one key), so shuffling until it is false always ends.
    """
    if kind == grading.ORDER:
        positions = [choice.position for choice in choices]
        return len(set(positions)) > 1 and positions == sorted(positions)
    if kind == grading.MATCH:
        left = [choice.pair for choice in choices if choice.side == "left"]
        right = [choice.pair for choice in choices if choice.side == "right"]
        return len(set(left)) > 1 and left == right
    return False


def shuffle_choices(kind: str, choices: list, rng: random.Random) -> None:
    """Shuffle in place, again while the order would give the answer away."""
    rng.shuffle(choices)
    while gives_away(kind, choices):
        rng.shuffle(choices)


def must_shuffle(kind: str, quiz_shuffles_choices: bool) -> bool:
    return kind in (grading.ORDER, grading.MATCH) or quiz_shuffles_choices


def draw_questions(
    pool: Sequence[int], *, draw_count: int | None, shuffle: bool, rng: random.Random
) -> list[int]:
    """The question ids of one attempt: `draw_count` of the pool at random (kept in pool order
    unless the quiz shuffles), or the whole pool."""
    pool = list(pool)
    if draw_count and draw_count < len(pool):
        drawn = rng.sample(pool, draw_count)
        if not shuffle:
            drawn.sort(key=pool.index)
        return drawn
    if shuffle:
        rng.shuffle(pool)
    return pool


def display_order(kind: str, choices: list, seed: int) -> list:
    """The order everyone sees outside an attempt (quiz detail, previews): the stored order,
    except order and match items, shuffled the same way for everyone by `seed`."""
    choices = list(choices)
    if kind in (grading.ORDER, grading.MATCH):
        shuffle_choices(kind, choices, random.Random(seed))
    return choices
