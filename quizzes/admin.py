"""Instructor admin: author quizzes and questions (choices and answers inline, tabbed languages).

Cohorts, assignments, learners, attempts and results live in their own modules, imported at
the end: cohort_admin, attempt_admin, results_admin.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from learning.translator_admin import TranslatorAdminMixin, TranslatorInlineMixin
from quizzes import authoring
from quizzes.models import (
    AcceptedAnswer,
    Choice,
    Kind,
    LexiconTerm,
    Question,
    Quiz,
    QuizQuestion,
    WrongAnswer,
)
from quizzes.results_admin import QuizResultsMixin


def _kind(request, question) -> str:
    """The kind being written: the question's own, or the one chosen for a new question."""
    return question.kind if question is not None else request.GET.get("kind", "")


class ChoiceInline(TranslatorInlineMixin, TranslationTabularInline):
    model = Choice
    formset = authoring.ChoiceFormSet
    extra = 0
    fields = ["key", "text", "correct", "position", "side", "pair"]

    def get_fields(self, request, obj=None):
        return authoring.CHOICE_FIELDS.get(_kind(request, obj), self.fields)

    def get_extra(self, request, obj=None, **kwargs):
        return 4 if obj is None else 0


class AcceptedAnswerInline(TranslatorInlineMixin, TranslationTabularInline):
    model = AcceptedAnswer
    formset = authoring.AcceptedAnswerFormSet
    extra = 0
    fields = ["key", "synonyms", "position"]

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None else 0


class WrongAnswerInline(TranslatorInlineMixin, TranslationTabularInline):
    """Wrong answers learners really give, each with the hint they get back."""

    model = WrongAnswer
    extra = 0
    fields = ["key", "language", "spellings", "hint", "position"]


@admin.register(Question)
class QuestionAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    form = authoring.QuestionForm
    list_display = ["key", "kind", "source", "lesson", "points", "origin"]
    list_filter = ["kind", "source", "origin", "lesson"]
    search_fields = ["key", "prompt"]
    list_select_related = ["lesson"]
    inlines = [ChoiceInline, AcceptedAnswerInline, WrongAnswerInline]
    readonly_fields = ["preview", "translations_missing", "origin"]

    def add_view(self, request, form_url="", extra_context=None):
        """A new question starts with its kind, so the form shows only that kind's fields."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.GET.get("kind") not in dict(authoring.KIND_FIELDS):
            return self.kind_chooser(request)
        return super().add_view(request, form_url, extra_context)

    def kind_chooser(self, request):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("What kind of question?"),
            "kinds": Kind.choices,
        }
        return TemplateResponse(request, "admin/quizzes/question/kind_chooser.html", context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None and "kind" in form.base_fields:
            form.base_fields["kind"].initial = request.GET.get("kind")
            form.base_fields["kind"].disabled = True  # chosen before: the fields follow it
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # A question's kind is fixed once saved: attempts were graded under it.
        return [*readonly, "kind"] if obj is not None else readonly

    def get_fieldsets(self, request, obj=None):
        kind = _kind(request, obj)
        key_fields = authoring.KIND_FIELDS.get(kind, [])
        fieldsets = [
            (None, {"fields": ["key", "kind", "source", "lesson", "points"]}),
            (_("Text"), {"fields": ["prompt", "explanation"]}),
        ]
        if key_fields:
            fieldsets.append((_("Answer key"), {"fields": list(key_fields)}))
        if obj is not None:
            fieldsets.append(
                (_("How a learner sees it"), {"fields": ["translations_missing", "preview"]})
            )
            fieldsets.append((_("History"), {"fields": ["origin"]}))
        return self._patch_fieldsets(fieldsets)

    def get_inlines(self, request, obj):
        kind = _kind(request, obj)
        hidden = set()
        if kind not in authoring.CHOICE_KINDS:
            hidden.add(ChoiceInline)
        if kind not in authoring.ANSWER_KINDS:
            hidden.update({AcceptedAnswerInline, WrongAnswerInline})
        return [inline for inline in self.inlines if inline not in hidden]

    @admin.display(description=_("preview"))
    def preview(self, question):
        """The question as a learner sees it before answering, in every language."""
        if not question.pk:
            return "—"
        return format_html_join(
            "",
            '<section class="preview-language"><h4>{}</h4>{}</section>',
            (
                (name, authoring.question_preview(question, code))
                for code, name in settings.LANGUAGES
            ),
        )

    @admin.display(description=_("missing translations"))
    def translations_missing(self, question):
        """Fields still in English only, per language: learners there see English."""
        missing = authoring.missing_translations(question)
        if not missing:
            return _("Every field is translated.")
        return format_html(
            '<ul class="translation-warning">{}</ul>',
            format_html_join(
                "",
                "<li><strong>{}</strong>: {}</li>",
                ((code, ", ".join(fields)) for code, fields in missing.items()),
            ),
        )


@admin.register(LexiconTerm)
class LexiconTermAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    """Near-miss terms the grader knows, so they are never taken for a typo of a key."""

    list_display = ["key", "category", "source", "updated_at"]
    list_filter = ["category", "source"]
    search_fields = ["key", "spellings"]


class QuizQuestionInline(admin.TabularInline):
    model = QuizQuestion
    extra = 0
    autocomplete_fields = ["question"]
    fields = ["position", "question"]


@admin.register(Quiz)
class QuizAdmin(QuizResultsMixin, TranslatorAdminMixin, TabbedTranslationAdmin):
    list_display = ["title", "slug", "lesson", "pass_mark", "time_limit", "published", "origin"]
    list_filter = ["published", "origin", "lesson"]
    search_fields = ["slug", "title"]
    list_select_related = ["lesson"]
    inlines = [QuizQuestionInline]
    readonly_fields = ["origin"]


# The instructors' admin: cohorts, assignments, learners, attempts, results (registered there).
from quizzes import attempt_admin, cohort_admin  # noqa: E402, F401
