"""Who sees what of learners' data in the admin: an instructor sees the cohorts they teach,
their learners and every attempt of those learners (assigned or not), and nothing of anyone
else's cohorts; superusers see everything. Every admin page and export reads through here."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from quizzes.models import Assignment, Attempt, Cohort


def sees_everything(user) -> bool:
    return user.is_active and user.is_superuser


def cohorts_for(user) -> QuerySet[Cohort]:
    """The cohorts the user teaches (all of them for a superuser)."""
    if sees_everything(user):
        return Cohort.objects.all()
    return Cohort.objects.filter(instructors=user)


def _taught_learner_ids(user) -> QuerySet:
    return Cohort.learners.through.objects.filter(cohort__instructors=user).values("user_id")


def learners_for(user) -> QuerySet:
    """Accounts of the learners in the cohorts the user teaches (everyone for a superuser)."""
    users = get_user_model().objects.all()
    if sees_everything(user):
        return users
    return users.filter(pk__in=_taught_learner_ids(user))


def addable_learners(user) -> QuerySet:
    """Learners the user may put in a cohort: their own learners, and learners in no cohort
    yet (signed up without a code, or made by an administrator). A learner of another
    instructor's cohort joins a second cohort only with its join code."""
    users = get_user_model().objects.filter(is_active=True, is_staff=False, is_superuser=False)
    if sees_everything(user):
        return users
    in_a_cohort = Cohort.learners.through.objects.values("user_id")
    return users.filter(Q(pk__in=_taught_learner_ids(user)) | ~Q(pk__in=in_a_cohort))


def assignments_for(user) -> QuerySet[Assignment]:
    """Assignments the user made or that are given to a cohort they teach."""
    if sees_everything(user):
        return Assignment.objects.all()
    taught = Assignment.cohorts.through.objects.filter(cohort__instructors=user)
    return Assignment.objects.filter(Q(created_by=user) | Q(pk__in=taught.values("assignment_id")))


def attempts_for(user) -> QuerySet[Attempt]:
    """Every attempt of the learners the user teaches, assigned or not; of a deleted account
    (anonymised), every attempt if the learner was in a cohort the user teaches when the
    account was deleted, so the figures keep counting what the user saw before. Which
    assignment an attempt was for decides nothing: an assignment may reach other
    instructors' cohorts too."""
    if sees_everything(user):
        return Attempt.objects.all()
    former = Attempt.former_cohorts.through.objects.filter(cohort__instructors=user)
    return Attempt.objects.filter(
        Q(learner__in=_taught_learner_ids(user))
        | Q(learner__isnull=True, pk__in=former.values("attempt_id"))
    )
