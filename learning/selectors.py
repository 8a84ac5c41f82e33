"""Reads of the learning app, with their related rows already fetched."""

from datetime import UTC, datetime

from django.db import connection
from django.db.models import Model, Prefetch, QuerySet
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_aware, make_aware

from learning.models import Course, GlossaryTerm, Lesson, LessonProgress


def published_lessons() -> QuerySet[Lesson]:
    return (
        Lesson.published_objects.select_related("course")
        .prefetch_related(Prefetch("glossary_terms", queryset=GlossaryTerm.objects.order_by("key")))
        .order_by("course__key", "order", "slug")
    )


def lesson_list() -> QuerySet[Lesson]:
    """Published lessons in course order, without their glossary (for lists)."""
    return Lesson.published_objects.order_by("course__key", "order", "slug")


def lesson_outline() -> list[tuple[str, str]]:
    """(slug, title) of every published lesson in course order, in one query."""
    return list(lesson_list().values_list("slug", "title"))


def completed_lesson_ids(*, learner) -> set[int]:
    """Ids of the lessons the learner marked done (empty for a visitor, without a query)."""
    if not learner.is_authenticated:
        return set()
    return set(
        LessonProgress.objects.filter(learner=learner, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )


def courses() -> QuerySet[Course]:
    return Course.objects.order_by("key")


def glossary() -> QuerySet[GlossaryTerm]:
    return GlossaryTerm.objects.order_by("key")


def completed_lessons(*, learner) -> QuerySet[LessonProgress]:
    return LessonProgress.objects.filter(
        learner=learner, completed_at__isnull=False, lesson__published=True
    ).select_related("lesson")


def _as_datetime(value) -> datetime | None:
    """SQLite hands back text or naive UTC where PostgreSQL hands back an aware datetime."""
    if value is None:
        return None
    parsed = value if isinstance(value, datetime) else parse_datetime(value)
    return parsed if parsed is None or is_aware(parsed) else make_aware(parsed, UTC)


def versions(*models: type[Model]) -> tuple[str, datetime | None]:
    """Count and latest update of whole tables, in one raw query: an ETag's worth of data
    without building an ORM query on every read. Each row carries its table's position: the
    rows of a UNION ALL come in no fixed order (PostgreSQL may run its parts in parallel), and
    the same data must give the same version. (A UNION ALL costs about half as much as one row
    of scalar subqueries, and every write checks the question bank with it.)"""
    sql = " UNION ALL ".join(
        f"SELECT {position}, COUNT(*), MAX(updated_at) "
        f"FROM {connection.ops.quote_name(model._meta.db_table)}"
        for position, model in enumerate(models)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        found = sorted(cursor.fetchall(), key=lambda row: row[0])
    rows = [(count, _as_datetime(latest)) for _position, count, latest in found]
    latest = max((when for _count, when in rows if when), default=None)
    return "|".join(f"{count}:{when.isoformat() if when else '-'}" for count, when in rows), latest


def row_version(sql: str, params: list) -> tuple[str, datetime | None] | None:
    """The version of one published object from a raw `SELECT updated_at…` (None: not found)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    stamps = [_as_datetime(value) for value in row]
    latest = max((stamp for stamp in stamps if stamp), default=None)
    return "|".join(stamp.isoformat() if stamp else "-" for stamp in stamps), latest


def lesson_version(slug: str) -> tuple[str, datetime | None] | None:
    table = connection.ops.quote_name(Lesson._meta.db_table)
    return row_version(
        f"SELECT updated_at FROM {table} WHERE slug = %s AND published = %s", [slug, True]
    )
