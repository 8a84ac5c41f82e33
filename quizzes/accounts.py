"""Learners' accounts around cohorts: made in bulk by an instructor (passwords shown once),
signed up or joined with a cohort's join code, reset by an instructor of their cohort.

A deleted account leaves its attempts for the statistics, anonymised: the learner link is
cleared and one random key, known to no one, keeps that former learner's attempts together
(results use each learner's first attempt), and the attempts remember the cohorts the learner
was in, so the instructors of those cohorts, and only they, keep counting them. Answers, scores
and languages stay; the name, the sign-in, lesson progress and cohort memberships go.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.codes import ErrorCode
from core.errors import DomainError, Forbidden
from quizzes import errors
from quizzes.models import Attempt, Cohort
from quizzes.visibility import addable_learners, cohorts_for, learners_for

# No 0/O, 1/l/i: read aloud or copied from paper without mistakes.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
MAX_ACCOUNTS_AT_ONCE = 200
USERNAME_TAKEN = _("This username is taken.")
NOT_YOUR_LEARNER = _("This learner is not in a cohort you teach.")
TOO_MANY_NAMES = _("At most %(limit)s accounts at once.")
NOT_ADDABLE = _(
    "Not added (no such learner, or a learner of another instructor's cohort, who joins with "
    "the cohort's join code): %(usernames)s"
)


@dataclass(frozen=True)
class Credentials:
    """A learner's sign-in, shown once to the instructor who made or reset it."""

    name: str
    username: str
    password: str
    cohort: str


def password_generate() -> str:
    """Twelve random letters and digits in three groups: `k7mq-3hxp-9tw2`."""
    groups = ("".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(3))
    return "-".join(groups)


def _username_taken(username: str) -> bool:
    return get_user_model().objects.filter(username__iexact=username).exists()


def username_for(name: str) -> str:
    """A free username made from a name ("Amira Haddad" → amira.haddad; Arabic and accented
    letters kept); a name that is a username already is kept as typed."""
    User = get_user_model()
    field = User._meta.get_field(User.USERNAME_FIELD)
    base = name if " " not in name else slugify(name, allow_unicode=True).replace("-", ".")
    try:
        for validator in field.validators:
            validator(base)
    except ValidationError:
        base = slugify(name, allow_unicode=True).replace("-", ".")
    base = (base or "learner")[: field.max_length - 4]
    candidate, number = base, 1
    while _username_taken(candidate):
        number += 1
        candidate = f"{base}.{number}"
    return candidate


@transaction.atomic
def learner_accounts_create(*, names: list[str], cohort: Cohort) -> list[Credentials]:
    """One learner account per non-blank name, each with a new password, all in `cohort`."""
    names = [" ".join(name.split()) for name in names if name.strip()]
    if len(names) > MAX_ACCOUNTS_AT_ONCE:
        raise DomainError(ErrorCode.INVALID, TOO_MANY_NAMES % {"limit": MAX_ACCOUNTS_AT_ONCE})
    User = get_user_model()
    made = []
    for name in names:
        username = username_for(name)
        first, _space, last = name.partition(" ") if " " in name else ("", "", "")
        user = User(username=username, first_name=first[:150], last_name=last[:150])
        password = password_generate()
        user.set_password(password)
        user.save()
        cohort.learners.add(user)
        made.append(Credentials(name, username, password, cohort.name))
    return made


def cohort_by_code(code: str) -> Cohort:
    cohort = Cohort.objects.filter(join_code=code.strip().upper()).first() if code.strip() else None
    if cohort is None:
        raise DomainError(
            ErrorCode.UNKNOWN_JOIN_CODE,
            errors.UNKNOWN_JOIN_CODE,
            {"code": [errors.UNKNOWN_JOIN_CODE]},
        )
    return cohort


@transaction.atomic
def learner_signup(*, username: str, password: str, code: str):
    """A new learner account in the cohort whose join code is `code`."""
    cohort = cohort_by_code(code)
    User = get_user_model()
    user = User(username=username)
    problems = {}
    try:
        user.full_clean(exclude=["password"], validate_unique=False)
    except ValidationError as error:
        problems.update(error.message_dict)
    if _username_taken(username):
        problems.setdefault("username", []).append(str(USERNAME_TAKEN))
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        problems["password"] = list(error.messages)
    if problems:
        raise DomainError(ErrorCode.INVALID, errors.INVALID_ACCOUNT, problems)
    user.set_password(password)
    user.save()
    cohort.learners.add(user)
    return user


def cohort_join(*, learner, code: str) -> Cohort:
    """Join the cohort whose join code is `code` (joining twice changes nothing)."""
    cohort = cohort_by_code(code)
    cohort.learners.add(learner)
    return cohort


def cohort_learners_add(*, cohort: Cohort, usernames: list[str], by) -> tuple[list, list[str]]:
    """Add learners to `cohort` by username (any case); returns (added users, usernames not
    added). Only learners `by` may add (visibility.addable_learners)."""
    wanted = {name.strip().lower(): name.strip() for name in usernames if name.strip()}
    if not wanted:
        return [], []
    if len(wanted) > MAX_ACCOUNTS_AT_ONCE:
        raise DomainError(ErrorCode.INVALID, TOO_MANY_NAMES % {"limit": MAX_ACCOUNTS_AT_ONCE})
    matching = Q()
    for username in wanted.values():
        matching |= Q(username__iexact=username)
    found = list(addable_learners(by).filter(matching))
    cohort.learners.add(*found)
    seen = {user.username.lower() for user in found}
    return found, sorted(original for key, original in wanted.items() if key not in seen)


@transaction.atomic
def learner_password_reset(*, learner, by) -> Credentials:
    """A new password for a learner of a cohort `by` teaches (shown once)."""
    if learner.is_staff or not learners_for(by).filter(pk=learner.pk).exists():
        raise Forbidden(ErrorCode.PERMISSION_DENIED, NOT_YOUR_LEARNER)
    password = password_generate()
    learner.set_password(password)
    learner.save(update_fields=["password"])
    # Only the cohorts `by` teaches: another instructor's cohort is not theirs to see.
    taught = cohorts_for(by).filter(learners=learner).order_by("name")
    cohorts = ", ".join(taught.values_list("name", flat=True))
    return Credentials(learner.get_full_name(), learner.get_username(), password, cohorts)


def anonymise_attempts(sender, instance, **kwargs) -> None:
    """pre_delete of an account (the API, the admin or the shell alike): its attempts stay,
    under one random key, and remember the cohorts the learner was in (its memberships are
    deleted after this signal), so the instructors who saw them still do, and no other."""
    attempts = Attempt.objects.filter(learner=instance)
    cohort_ids = list(
        Cohort.learners.through.objects.filter(user=instance).values_list("cohort_id", flat=True)
    )
    Former = Attempt.former_cohorts.through
    Former.objects.bulk_create(
        [
            Former(attempt_id=attempt_id, cohort_id=cohort_id)
            for attempt_id in attempts.values_list("pk", flat=True)
            for cohort_id in cohort_ids
        ],
        ignore_conflicts=True,
    )
    attempts.update(learner=None, anonymous_key=uuid.uuid4())
