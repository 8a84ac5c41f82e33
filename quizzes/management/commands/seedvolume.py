"""Seed a realistic volume for the benchmark (make bench): learners, cohorts with assignments,
and submitted attempts with graded responses. Idempotent: it only adds what is missing.

Not for production data: the accounts it makes share one password.
"""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from quizzes import drawing, grading
from quizzes.models import Assignment, Attempt, Cohort, Quiz, Response
from quizzes.selectors import answer_key, grading_lexicon, questions_by_id

PREFIX = "bench-learner-"
BATCH = 2000


def sample_answers(question) -> list[dict]:
    """A right and a wrong answer of the right shape for `question` (what a class gives)."""
    choices = list(question.choices.all())
    kind = question.kind
    if kind == grading.SINGLE:
        right = next(c.pk for c in choices if c.correct)
        return [{"choice": right}, {"choice": next(c.pk for c in choices if not c.correct)}]
    if kind == grading.MULTIPLE:
        return [{"choices": [c.pk for c in choices if c.correct]}, {"choices": [choices[0].pk]}]
    if kind == grading.TRUE_FALSE:
        return [{"value": question.true_false_answer}, {"value": not question.true_false_answer}]
    if kind == grading.NUMBER:
        return [{"value": question.number_answer}, {"value": (question.number_answer or 0) + 7}]
    if kind == grading.ORDER:
        ordered = [c.pk for c in sorted(choices, key=lambda c: c.position)]
        return [{"order": ordered}, {"order": ordered[::-1]}]
    if kind == grading.MATCH:
        rights = {c.pair: c.pk for c in choices if c.side == "right"}
        lefts = [c for c in choices if c.side == "left"]
        right = {str(c.pk): rights[c.pair] for c in lefts}
        shifted = list(rights.values())[1:] + list(rights.values())[:1]
        return [
            {"pairs": right},
            {"pairs": {str(c.pk): r for c, r in zip(lefts, shifted, strict=True)}},
        ]
    answers = list(question.answers.all())
    if kind == grading.TEXT:
        return [{"text": answers[0].synonym_list[0]}, {"text": "I do not know"}]
    return [{"items": [a.synonym_list[0] for a in answers]}, {"items": ["sciatica"]}]


class Command(BaseCommand):
    help = "Seed learners, cohorts, assignments and submitted attempts for the benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=1000)
        parser.add_argument("--cohorts", type=int, default=50)
        parser.add_argument("--attempts", type=int, default=20000)
        parser.add_argument("--password", default="bench-learner-password")
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, learners, cohorts, attempts, password, seed, **options):
        if not settings.DEBUG and "bench" not in str(settings.DATABASES["default"]["NAME"]):
            raise CommandError("seedvolume writes throwaway data: use a database named *bench*")
        rng = random.Random(seed)
        users = self.learners(learners, password)
        self.cohorts(users, cohorts, rng)
        made = self.attempts(users, attempts, rng)
        self.stdout.write(
            f"{len(users)} learners, {Cohort.objects.filter(name__startswith='Bench').count()} "
            f"cohorts, {made} attempts added "
            f"({Attempt.objects.filter(learner__in=users).count()} in all)."
        )

    def learners(self, count: int, password: str) -> list:
        User = get_user_model()
        names = [f"{PREFIX}{n}" for n in range(count)]
        have = set(User.objects.filter(username__in=names).values_list("username", flat=True))
        hashed = make_password(password)
        User.objects.bulk_create(
            [User(username=name, password=hashed) for name in names if name not in have],
            batch_size=BATCH,
        )
        by_name = User.objects.in_bulk(names, field_name="username")
        return [by_name[name] for name in names]

    @transaction.atomic
    def cohorts(self, users: list, count: int, rng: random.Random) -> None:
        quizzes = list(Quiz.published_objects.order_by("slug"))
        size = max(1, len(users) // max(count, 1))
        now = timezone.now()
        for number in range(count):
            name = f"Bench cohort {number + 1}"
            if Cohort.objects.filter(name=name).exists():
                continue
            cohort = Cohort.objects.create(name=name)
            cohort.learners.set(users[number * size : (number + 1) * size])
            assignment = Assignment.objects.create(
                quiz=quizzes[number % len(quizzes)],
                opens_at=now - timedelta(days=rng.randint(1, 30)),
                due_at=now + timedelta(days=rng.randint(1, 30)),
            )
            assignment.cohorts.set([cohort])

    def attempts(self, users: list, wanted: int, rng: random.Random) -> int:
        missing = wanted - Attempt.objects.filter(learner__in=users).count()
        if missing <= 0:
            return 0
        quizzes = list(Quiz.published_objects.prefetch_related("entries"))
        pools = {quiz.pk: [entry.question_id for entry in quiz.entries.all()] for quiz in quizzes}
        questions = questions_by_id([pk for pool in pools.values() for pk in pool], graded=True)
        languages = [code for code, _name in settings.LANGUAGES]
        lexicons = {language: grading_lexicon(language) for language in languages}
        # Each question's right and wrong answer, graded once per language.
        graded = {
            (pk, language): [
                (answer, grading.grade(answer_key(question, language, lexicons[language]), answer))
                for answer in sample_answers(question)
            ]
            for pk, question in questions.items()
            for language in languages
        }
        now = timezone.now()
        made = 0
        while made < missing:
            batch = min(BATCH, missing - made)
            new_attempts, grades = [], []
            for _ in range(batch):
                quiz = rng.choice(quizzes)
                drawn = drawing.draw_questions(
                    pools[quiz.pk], draw_count=quiz.draw_count, shuffle=False, rng=rng
                )
                language = rng.choice(languages)
                knows = rng.random()  # how well this learner knows the course
                picks = [graded[pk, language][0 if rng.random() < knows else 1] for pk in drawn]
                score = sum(result.points for _answer, result in picks)
                top = sum(result.max_points for _answer, result in picks)
                submitted = now - timedelta(minutes=rng.randint(10, 60 * 24 * 60))
                new_attempts.append(
                    Attempt(
                        learner=rng.choice(users),
                        quiz=quiz,
                        client_id=uuid.uuid4(),
                        language=language,
                        question_ids=drawn,
                        started_at=submitted - timedelta(minutes=rng.randint(2, 30)),
                        submitted_at=submitted,
                        score=round(score, 2),
                        max_score=top,
                        passed=top > 0 and score * 100 >= quiz.pass_mark * top,
                    )
                )
                grades.append(list(zip(drawn, picks, strict=True)))
            with transaction.atomic():
                Attempt.objects.bulk_create(new_attempts, batch_size=BATCH)
                Response.objects.bulk_create(
                    (
                        Response(
                            attempt=attempt,
                            question_id=pk,
                            answer=answer,
                            points=result.points,
                            max_points=result.max_points,
                            correct=result.correct,
                            feedback=result.feedback.as_dict(),
                        )
                        for attempt, picks in zip(new_attempts, grades, strict=True)
                        for pk, (answer, result) in picks
                    ),
                    batch_size=BATCH,
                )
            made += batch
            self.stdout.write(f"  {made}/{missing} attempts", ending="\r")
        self.stdout.write("")
        return made
