"""Reads of the learning app, with their related rows already fetched."""

from django.db.models import Prefetch, QuerySet

from learning.models import Course, GlossaryTerm, Lesson, LessonProgress


def published_lessons() -> QuerySet[Lesson]:
    return (
        Lesson.published_objects.select_related("course")
        .prefetch_related(Prefetch("glossary_terms", queryset=GlossaryTerm.objects.order_by("key")))
        .order_by("course__key", "order", "slug")
    )


def courses() -> QuerySet[Course]:
    return Course.objects.order_by("key")


def glossary() -> QuerySet[GlossaryTerm]:
    return GlossaryTerm.objects.order_by("key")


def completed_lessons(*, learner) -> QuerySet[LessonProgress]:
    return LessonProgress.objects.filter(
        learner=learner, completed_at__isnull=False, lesson__published=True
    ).select_related("lesson")
