"""Assignments as learners live them: whose they are, where each learner stands, the best score.

`assignment_status` is the one rule (pure); the reads fetch what it needs in a fixed number of
queries, for a learner's list (`me/assignments`) and for the admin's status counts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quizzes.models import Assignment, Attempt, Cohort


class Status:
    """Where a learner stands on an assignment (stable values: the API serves them)."""

    UPCOMING = "upcoming"  # before opens_at: listed, cannot be started
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"  # an attempt is open, none submitted
    SUBMITTED = "submitted"  # submitted by the due date
    LATE = "late"  # submitted, but only after the due date

    ALL = (UPCOMING, NOT_STARTED, IN_PROGRESS, SUBMITTED, LATE)
    LABELS = {
        UPCOMING: _("upcoming"),
        NOT_STARTED: _("not started"),
        IN_PROGRESS: _("in progress"),
        SUBMITTED: _("submitted"),
        LATE: _("late"),
    }


@dataclass(frozen=True)
class AttemptState:
    """What the status rule needs of one attempt."""

    submitted: bool
    after_due: bool


def assignment_status(
    *, opens_at: datetime | None, attempts: Iterable[AttemptState], now: datetime
) -> str:
    """One learner's status on one assignment: a submission on time wins over a late one,
    which wins over an open attempt."""
    attempts = list(attempts)
    if any(a.submitted and not a.after_due for a in attempts):
        return Status.SUBMITTED
    if any(a.submitted for a in attempts):
        return Status.LATE
    if attempts:
        return Status.IN_PROGRESS
    if opens_at is not None and now < opens_at:
        return Status.UPCOMING
    return Status.NOT_STARTED


def assignments_of(*, learner) -> QuerySet[Assignment]:
    """Assignments given to the learner, one by one or through a cohort (no duplicates)."""
    one_by_one = Assignment.learners.through.objects.filter(user=learner).values("assignment_id")
    through_cohorts = Assignment.cohorts.through.objects.filter(
        cohort__in=Cohort.objects.filter(learners=learner)
    ).values("assignment_id")
    return Assignment.objects.filter(Q(pk__in=one_by_one) | Q(pk__in=through_cohorts))


@dataclass(frozen=True)
class LearnerAssignment:
    """One row of `me/assignments`."""

    id: int
    quiz: str
    title: str
    opens_at: datetime | None
    due_at: datetime | None
    attempt_limit: int | None
    attempts_used: int
    attempts_left: int | None
    status: str
    best_score: float | None
    max_score: float | None
    passed: bool


def learner_assignments(*, learner, now: datetime | None = None) -> list[LearnerAssignment]:
    """The learner's assignments of published quizzes, the soonest due first. Two queries."""
    now = now or timezone.now()
    assignments = list(
        assignments_of(learner=learner)
        .filter(quiz__published=True)
        .select_related("quiz")
        .order_by(F("due_at").asc(nulls_last=True), F("opens_at").asc(nulls_first=True), "pk")
    )
    attempts = defaultdict(list)
    rows = Attempt.objects.filter(learner=learner, assignment__in=assignments).values_list(
        "assignment_id", "submitted_at", "after_due", "score", "max_score", "passed"
    )
    for assignment_id, *row in rows:
        attempts[assignment_id].append(row)
    return [_learner_row(assignment, attempts[assignment.pk], now) for assignment in assignments]


def _share(score: float | None, max_score: float | None) -> float:
    return (score or 0) / max_score if max_score else 0.0


def _learner_row(assignment: Assignment, attempts: list, now: datetime) -> LearnerAssignment:
    limit = assignment.effective_attempt_limit
    submitted = [row for row in attempts if row[0] is not None]
    best = max(submitted, key=lambda row: _share(row[2], row[3]), default=None)
    return LearnerAssignment(
        id=assignment.pk,
        quiz=assignment.quiz.slug,
        title=assignment.quiz.title,
        opens_at=assignment.opens_at,
        due_at=assignment.due_at,
        attempt_limit=limit,
        attempts_used=len(attempts),
        attempts_left=None if limit is None else max(0, limit - len(attempts)),
        status=assignment_status(
            opens_at=assignment.opens_at,
            attempts=[AttemptState(row[0] is not None, row[1]) for row in attempts],
            now=now,
        ),
        best_score=best[2] if best else None,
        max_score=best[3] if best else None,
        passed=any(row[4] for row in submitted),
    )


def assignment_learner_ids(assignment_ids: Iterable[int]) -> dict[int, set[int]]:
    """Per assignment, the learners it is given to (one by one and through cohorts). Two
    queries, however many assignments."""
    ids = list(assignment_ids)
    learners: dict[int, set[int]] = defaultdict(set)
    one_by_one = Assignment.learners.through.objects.filter(assignment_id__in=ids)
    for assignment_id, user_id in one_by_one.values_list("assignment_id", "user_id"):
        learners[assignment_id].add(user_id)
    through_cohorts = Cohort.learners.through.objects.filter(
        cohort__assignments__in=ids
    ).values_list("cohort__assignments", "user_id")
    for assignment_id, user_id in through_cohorts:
        learners[assignment_id].add(user_id)
    return learners


def assignment_status_counts(
    assignments: Iterable[Assignment],
    *,
    learner_ids: set[int] | None = None,
    now: datetime | None = None,
) -> dict[int, Counter]:
    """Per assignment, how many of its learners stand at each status (learners who left the
    cohort after starting still count); only `learner_ids` when given (those the reader may
    see). Three queries, however many assignments."""
    now = now or timezone.now()
    assignments = list(assignments)
    learners = assignment_learner_ids(a.pk for a in assignments)
    states: dict[tuple[int, int], list[AttemptState]] = defaultdict(list)
    rows = Attempt.objects.filter(assignment__in=assignments, learner__isnull=False).values_list(
        "assignment_id", "learner_id", "submitted_at", "after_due"
    )
    for assignment_id, learner_id, submitted_at, after_due in rows:
        states[assignment_id, learner_id].append(AttemptState(submitted_at is not None, after_due))
        learners[assignment_id].add(learner_id)
    counts = {}
    for assignment in assignments:
        counts[assignment.pk] = Counter(
            assignment_status(
                opens_at=assignment.opens_at,
                attempts=states.get((assignment.pk, learner_id), ()),
                now=now,
            )
            for learner_id in learners[assignment.pk]
            if learner_ids is None or learner_id in learner_ids
        )
    return counts


def assignment_learner_statuses(
    assignment: Assignment, *, learner_ids: set[int] | None = None, now: datetime | None = None
) -> dict[int, str]:
    """Each learner's status on one assignment (only `learner_ids` when given). Three
    queries."""
    now = now or timezone.now()
    learners = assignment_learner_ids([assignment.pk])[assignment.pk]
    states: dict[int, list[AttemptState]] = defaultdict(list)
    rows = Attempt.objects.filter(assignment=assignment, learner__isnull=False).values_list(
        "learner_id", "submitted_at", "after_due"
    )
    for learner_id, submitted_at, after_due in rows:
        states[learner_id].append(AttemptState(submitted_at is not None, after_due))
        learners.add(learner_id)
    return {
        learner_id: assignment_status(
            opens_at=assignment.opens_at, attempts=states.get(learner_id, ()), now=now
        )
        for learner_id in learners
        if learner_ids is None or learner_id in learner_ids
    }
