"""Authoring the course in the admin, with modeltranslation's tabbed language fields."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from learning.models import Course, GlossaryTerm, Lesson, LessonProgress
from learning.translator_admin import TranslatorAdminMixin
from learning.uploads import SafeImageField


@admin.register(Course)
class CourseAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    list_display = ["title", "key", "updated_at"]
    search_fields = ["key", "title"]


@admin.register(Lesson)
class LessonAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    list_display = ["title", "slug", "course", "order", "source", "minutes", "published"]
    list_filter = ["course", "source", "published"]
    list_editable = ["order", "published"]
    search_fields = ["slug", "title", "summary"]
    filter_horizontal = ["glossary_terms"]
    readonly_fields = ["updated_at", "origin"]
    # Uploads are checked and cleaned (learning.uploads) before anything is stored.
    formfield_overrides = {models.ImageField: {"form_class": SafeImageField}}
    fieldsets = [
        (None, {"fields": ["course", "slug", "order", "source", "published", "minutes"]}),
        (_("Text"), {"fields": ["title", "summary", "body", "key_facts"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Glossary"), {"fields": ["glossary_terms"]}),
        (_("History"), {"fields": ["updated_at", "origin"]}),
    ]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    list_display = ["term", "key"]
    search_fields = ["key", "term", "definition"]


@admin.register(LessonProgress)
class LessonProgressAdmin(admin.ModelAdmin):
    list_display = ["learner", "lesson", "completed_at", "last_seen_at"]
    list_filter = ["lesson"]
    list_select_related = ["learner", "lesson"]
    search_fields = ["learner__username", "lesson__slug"]
    raw_id_fields = ["learner"]
