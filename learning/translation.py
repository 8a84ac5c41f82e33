"""Fields translated with django-modeltranslation (English is the source language)."""

from modeltranslation.translator import TranslationOptions, register

from learning.models import Course, GlossaryTerm, Lesson


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("title", "description")


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("term", "definition")


@register(Lesson)
class LessonTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "body_html", "key_facts", "image_alt")
