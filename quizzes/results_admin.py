"""Results pages in the admin (per quiz and per assignment), their CSV exports, the whole-quiz
preview, and the actions on a common wrong answer, with the audit of accepted answers.

Every figure is read through quizzes.visibility: an instructor's results count only the
attempts of the learners they teach.

Actions on a common wrong answer are a registry (`register_wrong_answer_action`): accepting it
as a synonym (and regrading), and marking it as a known wrong answer with a hint. Each
registered action shows as a button beside every common wrong answer of its kinds (to users
with its permission), and gets a confirmation page with its form.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.errors import DomainError
from quizzes import authoring, regrade
from quizzes.assignments import Status, assignment_learner_statuses
from quizzes.charts import score_histogram
from quizzes.exports import results_csv
from quizzes.models import (
    AcceptedAnswer,
    AnswerAcceptance,
    Assignment,
    Choice,
    Cohort,
    Question,
    Quiz,
)
from quizzes.regrade import wrong_answer_mark
from quizzes.results import (
    ALL_LANGUAGES,
    QUESTION_FIGURES,
    TYPED_KINDS,
    CommonWrongAnswer,
    QuestionFigure,
    Results,
    results_fetch,
)
from quizzes.visibility import (
    assignments_for,
    attempts_for,
    cohorts_for,
    learners_for,
    sees_everything,
)

# Show this many learners on a results page; the CSV holds every attempt.
LEARNER_ROWS = 300


# --- actions on a common wrong answer --------------------------------------------------------


@dataclass(frozen=True)
class WrongAnswerAction:
    """An action offered beside each common wrong answer of `kinds`, to users who hold
    `permission`. `form(data, question=, wrong=)` asks what it needs; `perform(request, form,
    question, wrong)` does it (in a transaction) and returns the message to show."""

    name: str
    label: str
    kinds: tuple[str, ...]
    permission: str
    form: Callable[..., forms.Form]
    perform: Callable[..., str]


WRONG_ANSWER_ACTIONS: dict[str, WrongAnswerAction] = {}


def register_wrong_answer_action(action: WrongAnswerAction) -> None:
    WRONG_ANSWER_ACTIONS[action.name] = action


def actions_for(request, question_kind: str) -> list[WrongAnswerAction]:
    return [
        action
        for action in WRONG_ANSWER_ACTIONS.values()
        if question_kind in action.kinds and request.user.has_perm(action.permission)
    ]


class AcceptForm(forms.Form):
    accepted_answer = forms.ModelChoiceField(
        queryset=AcceptedAnswer.objects.none(),
        label=_("Accept it as"),
        empty_label=None,
        help_text=_("The accepted answer (or item of the set) it means."),
    )

    def __init__(self, *args, question: Question, wrong: CommonWrongAnswer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accepted_answer"].queryset = question.answers.order_by("position", "pk")


def _accept(request, form, question: Question, wrong: CommonWrongAnswer) -> str:
    acceptance = regrade.wrong_answer_accept(
        question=question,
        language=wrong.language,
        normalized=wrong.normalized,
        text=wrong.shown,
        accepted_answer=form.cleaned_data["accepted_answer"],
        by=request.user,
    )
    count = len(acceptance.regraded)
    return ngettext(
        "“%(text)s” is now accepted; %(n)s response was regraded.",
        "“%(text)s” is now accepted; %(n)s responses were regraded.",
        count,
    ) % {"text": acceptance.text, "n": count}


register_wrong_answer_action(
    WrongAnswerAction(
        name="accept",
        label=_("Accept as a synonym and regrade"),
        kinds=TYPED_KINDS,
        permission="quizzes.add_answeracceptance",
        form=AcceptForm,
        perform=_accept,
    )
)


class KnownWrongForm(forms.Form):
    hint = forms.CharField(
        max_length=300,
        label=_("Hint"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What learners who give this answer should know, in one or two sentences, in the "
            "language of the answer. It shows with their feedback; the answer scores nothing."
        ),
    )

    def __init__(self, *args, question: Question, wrong: CommonWrongAnswer, **kwargs):
        super().__init__(*args, **kwargs)


def _mark_known_wrong(request, form, question: Question, wrong: CommonWrongAnswer) -> str:
    known = wrong_answer_mark(
        question=question,
        language=wrong.language,
        text=wrong.shown,
        hint=form.cleaned_data["hint"],
    )
    return _("“%(text)s” is now a known wrong answer, with its hint.") % {
        "text": known.spellings_in(known.text_language)[0]
    }


register_wrong_answer_action(
    WrongAnswerAction(
        name="known-wrong",
        label=_("Mark as a known wrong answer, with a hint"),
        kinds=TYPED_KINDS,
        permission="quizzes.add_wronganswer",
        form=KnownWrongForm,
        perform=_mark_known_wrong,
    )
)


def _wrong_answer_from(request, quiz: Quiz) -> tuple[Question, CommonWrongAnswer]:
    """The wrong answer an action link names (question, language, normalized, shown)."""
    params = request.POST if request.method == "POST" else request.GET
    question = (
        Question.objects.filter(pk=params.get("question"), entries__quiz=quiz)
        .prefetch_related("answers")
        .first()
        if str(params.get("question", "")).isdecimal()
        else None
    )
    language = params.get("language", "")
    if question is None or language not in dict(settings.LANGUAGES):
        raise Http404
    wrong = CommonWrongAnswer(
        question_id=question.pk,
        language=language,
        normalized=params.get("normalized", "")[:500],
        shown=params.get("shown", "")[:500],
        count=0,
    )
    if not wrong.normalized or not wrong.shown:
        raise Http404
    return question, wrong


# --- pages -----------------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f} %"


def _signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code)) if code else str(_("All languages"))


def _learner_rows(results: Results) -> list[dict]:
    """Per learner: attempts, first and best score, late submissions."""
    by_learner: dict[object, list] = defaultdict(list)
    for attempt in results.attempts:
        by_learner[attempt.learner_key].append(attempt)
    rows = []
    for attempts in by_learner.values():
        first, best = attempts[0], max(attempts, key=lambda a: a.share)
        rows.append(
            {
                "learner_id": first.learner_id,
                "name": first.full_name or first.username,
                "username": first.username,
                "attempts": len(attempts),
                "first": _percent(first.share),
                "best": _percent(best.share),
                "passed": any(a.passed for a in attempts),
                "after_due": any(a.after_due for a in attempts),
                "last": attempts[-1].submitted_at,
            }
        )
    return sorted(rows, key=lambda row: (row["name"] or "~").casefold())


def _figures(request, results: Results) -> list[tuple[QuestionFigure, dict]]:
    """Every registered figure's values for these questions and the learners of these results
    (the quiz's or the assignment's, as far as the user sees them)."""
    question_ids = [stats.question.id for stats in results.by_language[0].questions]
    taken_by = {attempt.learner_id for attempt in results.attempts if attempt.learner_id}
    learners = learners_for(request.user).filter(pk__in=taken_by)
    return [
        (figure, figure.read(question_ids=question_ids, learners=learners))
        for figure in QUESTION_FIGURES
    ]


def _sections(request, quiz: Quiz, results: Results) -> list[dict]:
    sections = []
    figures = _figures(request, results) if results.by_language else []
    for group in results.by_language:
        questions = []
        for stats in group.questions:
            question = stats.question
            wrong = []
            for answer in group.wrong_answers.get(question.id, ()):
                actions = []
                if group.language != ALL_LANGUAGES and answer.typed:
                    for action in actions_for(request, question.kind):
                        query = urlencode(
                            {
                                "question": question.id,
                                "language": answer.language,
                                "normalized": answer.normalized,
                                "shown": answer.shown,
                            }
                        )
                        url = reverse(
                            "admin:quizzes_quiz_wrong_answer", args=[quiz.pk, action.name]
                        )
                        actions.append({"label": action.label, "url": f"{url}?{query}"})
                wrong.append({"answer": answer, "actions": actions})
            questions.append(
                {
                    "info": question,
                    "responses": stats.responses,
                    "facility": _percent(stats.facility),
                    "discrimination": _signed(stats.discrimination),
                    "weak": stats.discrimination is not None and stats.discrimination < 0.2,
                    "wrong": wrong,
                    "figures": [
                        values.get((question.id, group.language), 0) for _figure, values in figures
                    ],
                }
            )
        name = _language_name(group.language)
        sections.append(
            {
                "language": group.language,
                "name": name,
                "learners": group.learners,
                "mean": _percent(group.mean),
                "pass_rate": _percent(group.pass_rate),
                "chart": score_histogram(
                    group.distribution,
                    label=_("Score distribution, %(language)s") % {"language": name},
                ),
                "questions": questions,
                "figures": [figure for figure, _values in figures],
            }
        )
    return sections


def _results_page(request, admin_site, *, quiz: Quiz, results: Results, title, csv_url, **extra):
    rows = _learner_rows(results)
    context = {
        **admin_site.each_context(request),
        "title": title,
        "quiz": quiz,
        "opts": Quiz._meta,
        "sections": _sections(request, quiz, results),
        "submitted": len(results.attempts),
        "learner_rows": rows[:LEARNER_ROWS],
        "learners_cut": max(0, len(rows) - LEARNER_ROWS),
        "csv_url": csv_url,
        **extra,
    }
    return TemplateResponse(request, "admin/quizzes/results.html", context)


def _csv_response(request, results: Results, name: str) -> HttpResponse:
    learner_ids = {a.learner_id for a in results.attempts if a.learner_id}
    cohorts: dict[int, list[str]] = defaultdict(list)
    memberships = Cohort.learners.through.objects.filter(
        cohort__in=cohorts_for(request.user), user_id__in=learner_ids
    ).order_by("cohort__name")
    for user_id, cohort_name in memberships.values_list("user_id", "cohort__name"):
        cohorts[user_id].append(cohort_name)
    response = HttpResponse(results_csv(results, cohorts), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}-results.csv"'
    return response


class QuizResultsMixin:
    """Adds to the quiz admin: results, their CSV, the whole-quiz preview and the actions on
    a common wrong answer."""

    change_form_template = "admin/quizzes/quiz/change_form.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/results/", view(self.results_view), name="quizzes_quiz_results"),
            path("<int:pk>/results.csv", view(self.results_csv), name="quizzes_quiz_results_csv"),
            path("<int:pk>/preview/", view(self.preview_view), name="quizzes_quiz_preview"),
            path(
                "<int:pk>/wrong-answer/<slug:action>/",
                view(self.wrong_answer_view),
                name="quizzes_quiz_wrong_answer",
            ),
            *super().get_urls(),
        ]

    def _quiz_results(self, request, pk) -> tuple[Quiz, Results]:
        if not request.user.has_perm("quizzes.view_attempt"):
            raise PermissionDenied
        quiz = get_object_or_404(Quiz, pk=pk)
        return quiz, results_fetch(quiz=quiz, attempts=attempts_for(request.user))

    def results_view(self, request, pk):
        quiz, results = self._quiz_results(request, pk)
        return _results_page(
            request,
            self.admin_site,
            quiz=quiz,
            results=results,
            title=_("Results: %(quiz)s") % {"quiz": quiz.title},
            csv_url=reverse("admin:quizzes_quiz_results_csv", args=[quiz.pk]),
        )

    def results_csv(self, request, pk):
        quiz, results = self._quiz_results(request, pk)
        return _csv_response(request, results, quiz.slug)

    def preview_view(self, request, pk):
        """The whole quiz as learners see it, in any language, before it is published; with
        what is still untranslated in that language."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        quiz = get_object_or_404(Quiz, pk=pk)
        language = request.GET.get("lang", settings.LANGUAGE_CODE)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        entries = quiz.entries.select_related("question").prefetch_related(
            Prefetch("question__choices", queryset=Choice.objects.order_by("pk")),
            "question__answers",
        )
        questions = [
            {
                "question": entry.question,
                "preview": authoring.question_preview(entry.question, language),
                "missing": authoring.missing_translations(entry.question).get(language, []),
            }
            for entry in entries.order_by("position", "pk")
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview: %(quiz)s") % {"quiz": quiz.title},
            "opts": self.opts,
            "original": quiz,
            "quiz": quiz,
            "language": language,
            "languages": settings.LANGUAGES,
            "questions": questions,
            "missing_count": sum(bool(q["missing"]) for q in questions),
        }
        return TemplateResponse(request, "admin/quizzes/quiz/preview.html", context)

    def wrong_answer_view(self, request, pk, action):
        quiz = get_object_or_404(Quiz, pk=pk)
        chosen = WRONG_ANSWER_ACTIONS.get(action)
        if chosen is None:
            raise Http404
        question, wrong = _wrong_answer_from(request, quiz)
        if question.kind not in chosen.kinds:
            raise Http404
        if not request.user.has_perm(chosen.permission):
            raise PermissionDenied
        affected = regrade.affected_responses(
            question=question, language=wrong.language, normalized=wrong.normalized
        )
        visible = set(
            attempts_for(request.user)
            .filter(pk__in=[r.attempt_id for r in affected])
            .values_list("pk", flat=True)
        )
        if not visible and not sees_everything(request.user):
            # Only a wrong answer the reader's own learners gave: the page counts responses,
            # and would otherwise tell whether learners of other cohorts typed any text.
            raise Http404
        back = reverse("admin:quizzes_quiz_results", args=[quiz.pk])
        form = chosen.form(request.POST or None, question=question, wrong=wrong)
        if request.method == "POST" and form.is_valid():
            try:
                with transaction.atomic():
                    message = chosen.perform(request, form, question, wrong)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(back)
        context = {
            **self.admin_site.each_context(request),
            "title": chosen.label,
            "opts": self.opts,
            "original": quiz,
            "quiz": quiz,
            "question": question,
            "wrong": wrong,
            "language_name": _language_name(wrong.language),
            "form": form,
            "affected": len(affected),
            "affected_visible": sum(r.attempt_id in visible for r in affected),
            "back": back,
        }
        return TemplateResponse(request, "admin/quizzes/wrong_answer_action.html", context)


def assignment_results_urls(model_admin) -> list:
    """Results of one assignment and their CSV, for the assignment admin."""
    view = model_admin.admin_site.admin_view

    def fetch(request, pk) -> tuple[Assignment, Results]:
        if not request.user.has_perm("quizzes.view_attempt"):
            raise PermissionDenied
        assignment = assignments_for(request.user).select_related("quiz").filter(pk=pk).first()
        if assignment is None:
            raise Http404
        attempts = attempts_for(request.user).filter(assignment=assignment)
        return assignment, results_fetch(quiz=assignment.quiz, attempts=attempts)

    def results_view(request, pk):
        assignment, results = fetch(request, pk)
        visible = set(learners_for(request.user).values_list("pk", flat=True))
        statuses = assignment_learner_statuses(assignment, learner_ids=visible)
        names = dict(
            learners_for(request.user).filter(pk__in=statuses).values_list("pk", "username")
        )
        counts = {status: 0 for status in Status.ALL}
        for status in statuses.values():
            counts[status] += 1
        return _results_page(
            request,
            model_admin.admin_site,
            quiz=assignment.quiz,
            results=results,
            title=_("Results: %(assignment)s") % {"assignment": assignment},
            csv_url=reverse("admin:quizzes_assignment_results_csv", args=[assignment.pk]),
            assignment=assignment,
            status_counts=[(Status.LABELS[s], counts[s]) for s in Status.ALL],
            statuses=sorted(
                ((names.get(pk, "?"), Status.LABELS[s]) for pk, s in statuses.items()),
                key=lambda row: row[0].casefold(),
            ),
        )

    def results_csv_view(request, pk):
        assignment, results = fetch(request, pk)
        return _csv_response(request, results, f"{assignment.quiz.slug}-{assignment.pk}")

    return [
        path("<int:pk>/results/", view(results_view), name="quizzes_assignment_results"),
        path(
            "<int:pk>/results.csv",
            view(results_csv_view),
            name="quizzes_assignment_results_csv",
        ),
    ]


# --- the audit of accepted answers -----------------------------------------------------------


@admin.register(AnswerAcceptance)
class AnswerAcceptanceAdmin(admin.ModelAdmin):
    """Accepted wrong answers, read only, with an undo. An instructor sees every acceptance
    (the key is shared content) but, of its regraded attempts, only their own learners'."""

    list_display = [
        "text",
        "question",
        "language",
        "regraded_count",
        "accepted_by",
        "accepted_at",
        "undone_at",
    ]
    list_filter = ["language", "undone_at"]
    list_select_related = ["question", "accepted_by"]
    search_fields = ["text", "question__key"]
    fields = [
        "question",
        "accepted_answer",
        "language",
        "text",
        "synonyms_before",
        "accepted_by",
        "accepted_at",
        "undone_by",
        "undone_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("responses regraded"))
    def regraded_count(self, acceptance):
        return len(acceptance.regraded)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """With the regraded attempts the user may see, before and after, and the undo."""
        acceptance = self.get_object(request, object_id)
        if acceptance is None:
            return super().change_view(request, object_id, form_url, extra_context)
        by_attempt = regrade.regraded_by_attempt(acceptance)
        visible = set(
            attempts_for(request.user).filter(pk__in=list(by_attempt)).values_list("pk", flat=True)
        )
        rows = [
            {"attempt": attempt_id, "entries": entries}
            for attempt_id, entries in sorted(by_attempt.items())
            if attempt_id in visible
        ]
        extra_context = {
            **(extra_context or {}),
            "regraded_rows": rows,
            "regraded_hidden": len(by_attempt) - len(rows),
            "can_undo": acceptance.undone_at is None
            and request.user.has_perm("quizzes.change_answeracceptance"),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        return [
            path(
                "<int:pk>/undo/",
                self.admin_site.admin_view(self.undo_view),
                name="quizzes_answeracceptance_undo",
            ),
            *super().get_urls(),
        ]

    def undo_view(self, request, pk):
        if request.method != "POST":
            raise Http404
        if not request.user.has_perm("quizzes.change_answeracceptance"):
            raise PermissionDenied
        acceptance = get_object_or_404(AnswerAcceptance, pk=pk)
        try:
            regrade.wrong_answer_acceptance_undo(acceptance=acceptance, by=request.user)
        except DomainError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(
                request,
                _("Undone: “%(text)s” is no longer accepted, and the grades are restored.")
                % {"text": acceptance.text},
            )
        return HttpResponseRedirect(
            reverse("admin:quizzes_answeracceptance_change", args=[acceptance.pk])
        )
