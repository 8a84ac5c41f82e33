"""Instructor admin: author quizzes and questions (choices and answers inline, tabbed languages)."""

from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from quizzes.models import (
    AcceptedAnswer,
    Attempt,
    Choice,
    LexiconTerm,
    Question,
    Quiz,
    QuizQuestion,
    Response,
    WrongAnswer,
)


class ChoiceInline(TranslationTabularInline):
    model = Choice
    extra = 0
    fields = ["key", "text", "correct", "position", "side", "pair"]


class AcceptedAnswerInline(TranslationTabularInline):
    model = AcceptedAnswer
    extra = 0
    fields = ["key", "synonyms", "position"]


class WrongAnswerInline(TranslationTabularInline):
    """Wrong answers learners really give, each with the hint they get back."""

    model = WrongAnswer
    extra = 0
    fields = ["key", "language", "spellings", "hint", "position"]


@admin.register(Question)
class QuestionAdmin(TabbedTranslationAdmin):
    list_display = ["key", "kind", "source", "lesson", "points"]
    list_filter = ["kind", "source", "lesson"]
    search_fields = ["key", "prompt"]
    list_select_related = ["lesson"]
    inlines = [ChoiceInline, AcceptedAnswerInline, WrongAnswerInline]
    readonly_fields = ["preview"]
    fieldsets = [
        (None, {"fields": ["key", "kind", "source", "lesson", "points"]}),
        (_("Text"), {"fields": ["prompt", "explanation"]}),
        (
            _("Answer key by kind"),
            {
                "fields": [
                    "needed",
                    "number_answer",
                    "tolerance",
                    "true_false_answer",
                    "category",
                ]
            },
        ),
        (_("How a learner sees it"), {"fields": ["preview"]}),
    ]

    @admin.display(description=_("preview"))
    def preview(self, question):
        """The question as a learner sees it before answering: prompt and choices, no key."""
        if not question.pk:
            return "—"
        choices = list(question.choices.order_by("pk"))
        return render_to_string(
            "quizzes/question_preview.html",
            {
                "question": question,
                "choices": [c for c in choices if c.side != Choice.Side.RIGHT],
                "rights": [c for c in choices if c.side == Choice.Side.RIGHT],
            },
        )


@admin.register(LexiconTerm)
class LexiconTermAdmin(TabbedTranslationAdmin):
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
class QuizAdmin(TabbedTranslationAdmin):
    list_display = ["title", "slug", "lesson", "pass_mark", "time_limit", "draw_count", "published"]
    list_filter = ["published", "lesson"]
    search_fields = ["slug", "title"]
    list_select_related = ["lesson"]
    inlines = [QuizQuestionInline]


class ResponseInline(admin.TabularInline):
    model = Response
    extra = 0
    can_delete = False
    fields = ["question", "answer", "points", "max_points", "correct"]
    readonly_fields = fields


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["learner", "quiz", "started_at", "submitted_at", "score", "max_score", "passed"]
    list_filter = ["quiz", "passed"]
    list_select_related = ["learner", "quiz"]
    search_fields = ["learner__username", "quiz__slug", "client_id"]
    readonly_fields = [field.name for field in Attempt._meta.fields]
    inlines = [ResponseInline]

    def has_add_permission(self, request):
        return False
