"""Attempts in the admin, read only: each answer as the learner saw and gave it (choice texts,
the order they put items in, the pairs, the text typed) beside the key, in the attempt's
language. An instructor sees the attempts of the learners they teach (quizzes.visibility)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from quizzes import grading
from quizzes.models import Attempt
from quizzes.selectors import questions_by_id, shape_key
from quizzes.services import GRACE_PERIOD
from quizzes.visibility import assignments_for, attempts_for, cohorts_for

# An untimed attempt left open this long is taken as abandoned.
ABANDONED_AFTER = timedelta(days=1)


def abandoned(now) -> Q:
    """Open attempts nobody will submit: past their deadline, or untimed and left a day."""
    return Q(submitted_at__isnull=True) & (
        Q(deadline__lt=now - GRACE_PERIOD)
        | Q(deadline__isnull=True, started_at__lt=now - ABANDONED_AFTER)
    )


class StateFilter(admin.SimpleListFilter):
    """Submitted attempts by default, so opened-and-left ones do not clutter the list."""

    title = _("state")
    parameter_name = "state"
    DEFAULT = "submitted"

    def lookups(self, request, model_admin):
        return [
            ("submitted", _("submitted")),
            ("open", _("in progress")),
            ("abandoned", _("abandoned")),
            ("all", _("all")),
        ]

    def value(self):
        return super().value() or self.DEFAULT

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "submitted":
            return queryset.filter(submitted_at__isnull=False)
        if self.value() == "open":
            return queryset.filter(submitted_at__isnull=True).exclude(abandoned(now))
        if self.value() == "abandoned":
            return queryset.filter(abandoned(now))
        return queryset


class CohortFilter(admin.SimpleListFilter):
    title = _("cohort")
    parameter_name = "cohort"

    def lookups(self, request, model_admin):
        return [(str(c.pk), c.name) for c in cohorts_for(request.user)]

    def queryset(self, request, queryset):
        if self.value():
            cohort = cohorts_for(request.user).filter(pk=self.value()).first()
            if cohort is None:
                return queryset.none()
            # A deleted learner's attempts stay with the cohorts they were in (former_cohorts).
            return queryset.filter(
                Q(learner__cohorts=cohort) | Q(learner__isnull=True, former_cohorts=cohort)
            ).distinct()
        return queryset


class AssignmentFilter(admin.SimpleListFilter):
    title = _("assignment")
    parameter_name = "assignment"

    def lookups(self, request, model_admin):
        return [(str(a.pk), str(a)) for a in assignments_for(request.user).select_related("quiz")]

    def queryset(self, request, queryset):
        if self.value():
            chosen = assignments_for(request.user).filter(pk=self.value())
            return queryset.filter(assignment__in=chosen)
        return queryset


class LanguageFilter(admin.SimpleListFilter):
    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset


def _choice_texts(question, ids) -> list[str]:
    by_id = {choice.pk: choice.text for choice in question.choices.all()}
    return [by_id.get(pk, "?") for pk in ids]


def shown_answer(question, answer) -> list[str]:
    """A stored answer as the learner gave it, in the active language: one line per item."""
    if answer is None:
        return []
    kind = question.kind
    if kind == grading.SINGLE:
        return _choice_texts(question, [answer.get("choice")])
    if kind in (grading.MULTIPLE,):
        return _choice_texts(question, answer.get("choices", []))
    if kind == grading.ORDER:
        texts = _choice_texts(question, answer.get("order", []))
        return [f"{number}. {text}" for number, text in enumerate(texts, start=1)]
    if kind == grading.MATCH:
        by_id = {choice.pk: choice.text for choice in question.choices.all()}
        return [
            f"{by_id.get(int(left), '?')} → {by_id.get(right, '?')}"
            for left, right in answer.get("pairs", {}).items()
        ]
    if kind == grading.TRUE_FALSE:
        return [str(_("True") if answer.get("value") else _("False"))]
    if kind == grading.NUMBER:
        return [str(answer.get("value"))]
    if kind == grading.TEXT:
        return [answer.get("text", "")]
    if kind == grading.SET:
        return list(answer.get("items", []))
    return [str(answer)]


def shown_key(question, language: str) -> list[str]:
    """The key, shaped as learners see it after submitting, in the active language."""
    key = shape_key(question, language)
    kind = question.kind
    if kind in (grading.TEXT, grading.SET):
        # Each accepted answer's first spelling, in the attempt's language where it has one.
        return [answer.synonyms[0] for answer in key.answers if answer.synonyms]
    expected = grading.expected_answer(key)
    if kind == grading.TRUE_FALSE:
        return [str(_("True") if expected else _("False"))]
    if kind == grading.NUMBER:
        tolerance = question.tolerance
        return [f"{expected} ± {tolerance:g}" if tolerance else str(expected)]
    if kind == grading.MATCH:
        return [f"{pair['left']} → {pair['right']}" for pair in expected or []]
    if kind == grading.ORDER:
        return [f"{number}. {text}" for number, text in enumerate(expected, start=1)]
    return [str(item) for item in expected or []]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = [
        "learner_name",
        "quiz",
        "assignment",
        "language",
        "started_at",
        "submitted_at",
        "score_shown",
        "passed",
        "after_due",
    ]
    list_filter = [StateFilter, "quiz", CohortFilter, AssignmentFilter, "passed", LanguageFilter]
    list_select_related = ["learner", "quiz", "assignment__quiz"]
    search_fields = ["learner__username", "learner__first_name", "learner__last_name"]
    date_hierarchy = "started_at"
    fieldsets = [
        (None, {"fields": ["learner", "quiz", "assignment", "language", "client_id"]}),
        (
            _("Time"),
            {"fields": ["started_at", "deadline", "submitted_at", "submitted_late", "after_due"]},
        ),
        (_("Result"), {"fields": ["score", "max_score", "passed"]}),
        (_("Answers"), {"fields": ["answers"]}),
    ]
    readonly_fields = [
        "learner",
        "quiz",
        "assignment",
        "language",
        "client_id",
        "started_at",
        "deadline",
        "submitted_at",
        "submitted_late",
        "after_due",
        "score",
        "max_score",
        "passed",
        "answers",
    ]

    def get_queryset(self, request):
        return attempts_for(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("learner"), ordering="learner__username")
    def learner_name(self, attempt):
        if attempt.learner is None:
            return _("deleted account")
        return attempt.learner.get_full_name() or attempt.learner.get_username()

    @admin.display(description=_("score"), ordering="score")
    def score_shown(self, attempt):
        if attempt.score is None:
            return "—"
        return f"{attempt.score:g} / {attempt.max_score:g}"

    @admin.display(description=_("answers"))
    def answers(self, attempt):
        """Each question of the attempt in its order: the answer given beside the key."""
        questions = questions_by_id(attempt.question_ids)
        responses = {r.question_id: r for r in attempt.responses.all()}
        rows = []
        with translation.override(attempt.language):
            for question_id in attempt.question_ids:
                question = questions.get(question_id)
                if question is None:
                    continue
                response = responses.get(question_id)
                rows.append(
                    {
                        "question": question,
                        "prompt": question.prompt,
                        "given": shown_answer(question, response.answer if response else None),
                        "key": shown_key(question, attempt.language),
                        "response": response,
                    }
                )
        return render_to_string(
            "admin/quizzes/attempt/answers.html", {"rows": rows, "attempt": attempt}
        )
