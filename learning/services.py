"""Write paths of the learning app: loading a content pack, recording lesson progress."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from learning.models import Course, GlossaryTerm, Lesson, LessonProgress
from learning.packs import EXTENSIONS, Pack


@dataclass
class LoadReport:
    """What a load did, per kind of object: created, updated, unchanged."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    retired: Counter = field(default_factory=Counter)
    # (kind, pk) of the objects counted unchanged, in case their related rows change later.
    untouched: set = field(default_factory=set)

    @property
    def changed(self) -> bool:
        return bool(+self.created or +self.updated or +self.retired)

    def writes(self) -> int:
        """How many rows this load has written so far (to tell whether a step wrote any)."""
        return sum((self.created + self.updated + self.retired).values())

    def related_changed(self, obj: models.Model, kind: str) -> None:
        """Rows hanging off `obj` changed: an object counted unchanged is saved after all,
        so it gets a new version (readers' ETags and caches follow it), and counts updated."""
        if (kind, obj.pk) not in self.untouched:
            return
        self.untouched.discard((kind, obj.pk))
        obj.save()
        self.unchanged[kind] -= 1
        self.updated[kind] += 1

    def lines(self) -> list[str]:
        kinds = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, "
            f"{self.unchanged[kind]} unchanged"
            + (f", {self.retired[kind]} unpublished" if self.retired[kind] else "")
            for kind in kinds
        ]


def upsert(
    model: type[models.Model],
    *,
    lookup: dict,
    values: dict,
    report: LoadReport,
    kind: str,
    m2m: dict[str, list] | None = None,
):
    """Create or update one object by its stable key; save only when something differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean(exclude=list(m2m or ()), validate_unique=False)
        obj.save()
        status = "created"
    else:
        changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
        for name, value in changed.items():
            setattr(obj, name, value)
        if changed:
            obj.full_clean(exclude=list(m2m or ()), validate_unique=False)
            obj.save()
        status = "updated" if changed else "unchanged"
    getattr(report, status)[kind] += 1
    if status == "unchanged":
        report.untouched.add((kind, obj.pk))
    for name, related in (m2m or {}).items():
        manager = getattr(obj, name)
        if {item.pk for item in manager.all()} != {item.pk for item in related}:
            manager.set(related)
            report.related_changed(obj, kind)
    return obj


def english(fields: dict[str, str]) -> dict[str, str]:
    """Pack text is the English source; translations come from content.po (learning.catalogs)."""
    return {f"{name}_en": value for name, value in fields.items()}


@transaction.atomic
def content_pack_load(*, pack: Pack) -> LoadReport:
    """Upsert a validated pack's English content in one transaction."""
    report = LoadReport()
    spec = pack.course
    course = upsert(
        Course,
        lookup={"key": spec.key},
        values=english({"title": spec.title, "description": spec.description}),
        report=report,
        kind="course",
    )
    terms = {}
    for term in pack.glossary:
        terms[term.key] = upsert(
            GlossaryTerm,
            lookup={"key": term.key},
            values=english({"term": term.term, "definition": term.definition}),
            report=report,
            kind="glossary",
        )
    order = {key: position for position, key in enumerate(pack.course.lessons, start=1)}
    for lesson in pack.lessons:
        values = english(
            {
                "title": lesson.title,
                "summary": lesson.summary,
                "body": lesson.body,
                "key_facts": "\n".join(lesson.key_facts),
                "image_alt": lesson.image_alt,
            },
        )
        values.update(
            course=course,
            order=order[lesson.key],
            source=lesson.source,
            minutes=lesson.minutes,
            published=True,
        )
        obj = upsert(
            Lesson,
            lookup={"slug": lesson.key},
            values=values,
            report=report,
            kind="lesson",
            m2m={"glossary_terms": [terms[key] for key in lesson.glossary]},
        )
        _attach_image(obj, lesson.image, report)
    retired = (
        Lesson.objects.filter(course=course, published=True)
        .exclude(slug__in=order)
        .update(published=False)
    )
    report.retired["lesson"] += retired
    for extension in EXTENSIONS.values():
        extension.write(pack.extensions[extension.name], pack, report)
    return report


def _attach_image(lesson: Lesson, image: Path | None, report: LoadReport) -> None:
    """Copy a pack image into media storage when it is new or its bytes changed: the stored
    name carries the lesson key and a hash of the file, so a reload copies nothing."""
    if image is None:
        if lesson.image:
            lesson.image = ""
            lesson.save()
            report.updated["lesson image"] += 1
        return
    data = image.read_bytes()
    stem = f"{lesson.slug}-{hashlib.sha256(data).hexdigest()[:12]}"
    if lesson.image and Path(lesson.image.name).name.startswith(stem):
        return
    lesson.image.save(f"{stem}{image.suffix.lower()}", ContentFile(data), save=True)
    report.updated["lesson image"] += 1


def lesson_complete(*, learner, lesson: Lesson) -> LessonProgress:
    """Mark a lesson completed for a learner; repeating it keeps the first completion time."""
    progress, _created = LessonProgress.objects.get_or_create(learner=learner, lesson=lesson)
    if progress.completed_at is None:
        progress.completed_at = timezone.now()
    progress.save()
    return progress


def lesson_seen(*, learner, lesson: Lesson) -> LessonProgress:
    progress, _created = LessonProgress.objects.get_or_create(learner=learner, lesson=lesson)
    if not _created:
        progress.save(update_fields=["last_seen_at"])
    return progress
