"""Write paths of the learning app: loading a content pack, recording lesson progress."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from learning.models import ContentKeyed, Course, GlossaryTerm, Lesson, LessonProgress, Origin
from learning.packs import EXTENSIONS, Pack

MISSING = object()


@dataclass(frozen=True)
class PackConflict:
    """A pack change loadcontent did not apply, because the admin owns what it would change."""

    kind: str
    key: str
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.kind} {self.key}" + (f" {self.field}" if self.field else "")
        return f"{where}: {self.reason}"


EDITED_IN_ADMIN = "edited in the admin; the pack's change was not applied"
MADE_IN_ADMIN = "made in the admin with other values; the pack's version was not applied"
DROPPED_BUT_EDITED = "dropped from the pack but edited in the admin; kept"


@dataclass
class LoadReport:
    """What a load did, per kind of object: created, updated, unchanged; and the pack changes
    it left alone because the admin owns them (`force` applies them anyway)."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    retired: Counter = field(default_factory=Counter)
    # (kind, pk) of the objects counted unchanged, in case their related rows change later.
    untouched: set = field(default_factory=set)
    conflicts: list[PackConflict] = field(default_factory=list)
    force: bool = False

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


def stored(value):
    """A field's value as pack_values keeps it (JSON): related objects by primary key."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set):
        return sorted(stored(item) for item in value)
    return value


def current_value(obj: models.Model, name: str):
    """A field's value as pack_values keeps it, read without a query for a foreign key."""
    field_ = obj._meta.get_field(name)
    if field_.many_to_one or field_.one_to_one:
        return getattr(obj, field_.attname)
    return getattr(obj, name)


def pack_merge(obj: ContentKeyed, *, name: str, current, new, report, kind: str) -> bool:
    """Whether loading may write the pack's `new` value over `current` (both as `stored`).

    A three-way merge whose base is what the pack last loaded (`obj.pack_values[name]`):
    unchanged since then, the field takes the pack's value; edited in the admin, it keeps the
    admin's, and a pack change to it is reported as a conflict (applied only with `force`).
    Records the base for the next load in `obj.pack_values`.
    """
    last = obj.pack_values.get(name, MISSING)
    if current == new:
        obj.pack_values[name] = new
        return False
    if last is MISSING or current == last or report.force:
        obj.pack_values[name] = new
        return True
    if new != last:
        report.conflicts.append(PackConflict(kind, obj.content_key, name, EDITED_IN_ADMIN))
    return False


def edited_in_admin(obj: ContentKeyed) -> bool:
    """Some field differs from what the pack last loaded into it."""
    return any(
        current_value(obj, name) != last
        for name, last in obj.pack_values.items()
        if name in {f.name for f in obj._meta.concrete_fields}
    )


def record_pack_values(obj: ContentKeyed, before: dict) -> None:
    """Store pack_values when only the merge base moved, without touching `updated_at` (the
    content did not change, so readers' versions must not)."""
    if obj.pack_values != before:
        type(obj).objects.filter(pk=obj.pk).update(pack_values=obj.pack_values)


NOT_LOOKED_UP = object()


def rows_by_key(queryset, field: str = "key") -> dict:
    """The rows of `queryset` by their key, in one query: a load looks its rows up at once
    instead of once per object."""
    return {getattr(row, field): row for row in queryset}


def validate(obj: ContentKeyed, *, m2m: dict) -> None:
    """full_clean, less what the load has settled already: whether the related rows it was
    handed exist (it wrote or read them in this transaction), and whether the key is unique
    (upsert looked the row up by its key, its question's included, before creating it)."""
    held = [
        field.name
        for field in obj._meta.concrete_fields
        if field.is_relation
        and field.is_cached(obj)
        and getattr(obj, field.name) is not None
        and getattr(obj, field.name).pk is not None
    ]
    obj.full_clean(exclude=[*m2m, *held], validate_unique=False)


def upsert(
    model: type[ContentKeyed],
    *,
    lookup: dict,
    values: dict,
    report: LoadReport,
    kind: str,
    m2m: dict[str, list] | None = None,
    found=NOT_LOOKED_UP,
):
    """Create or update one pack object by its stable key; save only when something differs.
    `found` is the row for `lookup` (or None) when the caller fetched its rows at once.

    A row made in the admin is adopted by the pack only when it already holds the pack's
    values (an exported pack loaded back); otherwise it is reported and left alone.
    """
    m2m = m2m or {}
    obj = model.objects.filter(**lookup).first() if found is NOT_LOOKED_UP else found
    if obj is None:
        obj = model(**lookup, **values, origin=Origin.PACK)
        obj.pack_values = {name: stored(value) for name, value in {**values, **m2m}.items()}
        validate(obj, m2m=m2m)
        obj.save()
        for name, related in m2m.items():
            getattr(obj, name).set(related)
        report.created[kind] += 1
        return obj
    if obj.origin != Origin.PACK:
        return _adopt(obj, values=values, m2m=m2m, report=report, kind=kind)
    before = dict(obj.pack_values)
    changed = {
        name: value
        for name, value in values.items()
        if pack_merge(
            obj,
            name=name,
            current=stored(current_value(obj, name)),
            new=stored(value),
            report=report,
            kind=kind,
        )
    }
    related_changed = {
        name: related
        for name, related in m2m.items()
        if pack_merge(
            obj,
            name=name,
            current=stored(getattr(obj, name).all()),
            new=stored(related),
            report=report,
            kind=kind,
        )
    }
    for name, value in changed.items():
        setattr(obj, name, value)
    if changed:
        validate(obj, m2m=m2m)
        obj.save()
        report.updated[kind] += 1
    else:
        record_pack_values(obj, before)
        report.unchanged[kind] += 1
        report.untouched.add((kind, obj.pk))
    for name, related in related_changed.items():
        getattr(obj, name).set(related)
        report.related_changed(obj, kind)
    return obj


def _adopt(obj: ContentKeyed, *, values: dict, m2m: dict, report: LoadReport, kind: str):
    """The pack holds an object the admin made with the same key."""
    differs = [
        name
        for name, value in values.items()
        if name not in obj.pack_ordering_fields
        and stored(current_value(obj, name)) != stored(value)
    ] + [
        name for name, related in m2m.items() if stored(getattr(obj, name).all()) != stored(related)
    ]
    if differs and not report.force:
        report.conflicts.append(PackConflict(kind, obj.content_key, "", MADE_IN_ADMIN))
        report.unchanged[kind] += 1
        return obj
    for name, value in values.items():
        setattr(obj, name, value)
    obj.origin = Origin.PACK
    obj.pack_values = {name: stored(value) for name, value in {**values, **m2m}.items()}
    validate(obj, m2m=m2m)
    obj.save()
    for name, related in m2m.items():
        getattr(obj, name).set(related)
    report.updated[kind] += 1
    return obj


def stale_pack_rows(rows, report: LoadReport, kind: str) -> list:
    """Of `rows` the pack no longer lists, the pack-owned ones, minus those edited in the
    admin since (kept, and reported, unless `force`)."""
    stale = []
    for obj in rows:
        if obj.origin != Origin.PACK:
            continue
        if edited_in_admin(obj) and not report.force:
            report.conflicts.append(PackConflict(kind, obj.content_key, "", DROPPED_BUT_EDITED))
        else:
            stale.append(obj.pk)
    return stale


def english(fields: dict[str, str]) -> dict[str, str]:
    """Pack text is the English source; translations come from content.po (learning.catalogs)."""
    return {f"{name}_en": value for name, value in fields.items()}


@transaction.atomic
def content_pack_load(*, pack: Pack, force: bool = False) -> LoadReport:
    """Upsert a validated pack's English content in one transaction. Only pack-owned rows are
    written; a pack change to a field edited in the admin is reported in `conflicts` and left
    alone, unless `force`."""
    report = LoadReport(force=force)
    spec = pack.course
    course = upsert(
        Course,
        lookup={"key": spec.key},
        values=english({"title": spec.title, "description": spec.description}),
        report=report,
        kind="course",
    )
    terms = {}
    known_terms = rows_by_key(GlossaryTerm.objects.filter(key__in=[t.key for t in pack.glossary]))
    for term in pack.glossary:
        terms[term.key] = upsert(
            GlossaryTerm,
            lookup={"key": term.key},
            values=english({"term": term.term, "definition": term.definition}),
            report=report,
            kind="glossary",
            found=known_terms.get(term.key),
        )
    order = {key: position for position, key in enumerate(pack.course.lessons, start=1)}
    known_lessons = rows_by_key(
        Lesson.objects.filter(slug__in=[lesson.key for lesson in pack.lessons]), "slug"
    )
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
            found=known_lessons.get(lesson.key),
        )
        _attach_image(obj, lesson.image, report)
    retired = (
        Lesson.objects.filter(course=course, published=True, origin=Origin.PACK)
        .exclude(slug__in=order)
        .update(published=False)
    )
    report.retired["lesson"] += retired
    for extension in EXTENSIONS.values():
        extension.write(pack.extensions[extension.name], pack, report)
    return report


def _attach_image(lesson: Lesson, image: Path | None, report: LoadReport) -> None:
    """Copy a pack image into media storage when it is new or its bytes changed: the stored
    name carries the lesson key and a hash of the file, so a reload copies nothing. An image
    changed in the admin since the last load is kept (a changed pack image is reported)."""
    if lesson.origin != Origin.PACK:
        return
    current = lesson.image.name or ""
    last = lesson.pack_values.get("image", MISSING)
    if image is None:
        wanted, data = "", None
    else:
        data = image.read_bytes()
        wanted = f"{lesson.slug}-{hashlib.sha256(data).hexdigest()[:12]}"
    same = Path(current).name.startswith(wanted) if wanted else not current
    edited = last is not MISSING and current != last
    if edited and not report.force:
        last_stem = Path(last).name.split(".")[0] if last else ""
        if not (last_stem.startswith(wanted) if wanted else not last):
            report.conflicts.append(PackConflict("lesson", lesson.slug, "image", EDITED_IN_ADMIN))
        return
    if not same:
        if data is None:
            lesson.image = ""
            lesson.save()
        else:
            lesson.image.save(f"{wanted}{image.suffix.lower()}", ContentFile(data), save=True)
        report.updated["lesson image"] += 1
    if lesson.pack_values.get("image") != (lesson.image.name or ""):
        lesson.pack_values["image"] = lesson.image.name or ""
        Lesson.objects.filter(pk=lesson.pk).update(pack_values=lesson.pack_values)


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
