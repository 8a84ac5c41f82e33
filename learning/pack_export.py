"""The database's content written out as a pack (`exportcontent --pack`): the database is the
source of truth once the course is seeded, so content made in the admin can be committed to
the repository as pack files; loaded back, the pack adopts those rows (learning.services)."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

import yaml
from django.core.files.storage import default_storage

from learning.models import Course, GlossaryTerm, Lesson, text_lines
from learning.packs import EXTENSIONS


def dump_yaml(data) -> str:
    """YAML as people write packs: keys in order, Unicode as is, long text folded."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def pack_export(*, folder: Path) -> list[str]:
    """Write the course, glossary, published lessons and every extension's part (quizzes)
    into `folder`. Returns what could not be written, each with its reason."""
    folder = Path(folder)
    skipped: list[str] = []
    course = Course.objects.order_by("key").first()
    if course is None:
        return ["no course in the database"]
    lessons = list(
        Lesson.objects.filter(course=course, published=True)
        .order_by("order", "slug")
        .prefetch_related("glossary_terms")
    )
    (folder / "lessons").mkdir(parents=True, exist_ok=True)
    (folder / "course.yaml").write_text(
        dump_yaml(
            {
                "key": course.key,
                "title": course.title_en,
                "description": course.description_en or "",
                "lessons": [lesson.slug for lesson in lessons],
            }
        ),
        encoding="utf-8",
    )
    terms = [
        {"key": term.key, "term": term.term_en, "definition": term.definition_en}
        for term in GlossaryTerm.objects.order_by("key")
    ]
    (folder / "glossary.yaml").write_text(dump_yaml(terms), encoding="utf-8")
    for lesson in lessons:
        _write_lesson(folder, lesson)
    for extension in EXTENSIONS.values():
        if extension.export is not None:
            skipped += extension.export(folder)
    return skipped


def _write_lesson(folder: Path, lesson: Lesson) -> None:
    meta = {
        "key": lesson.slug,
        "source": lesson.source,
        "title": lesson.title_en,
        "summary": lesson.summary_en or "",
        "minutes": lesson.minutes,
        "key_facts": text_lines(lesson.key_facts_en),
        "glossary": sorted(term.key for term in lesson.glossary_terms.all()),
    }
    if lesson.image:
        name = f"images/{PurePosixPath(lesson.image.name).name}"
        (folder / "images").mkdir(exist_ok=True)
        with default_storage.open(lesson.image.name, "rb") as source:
            with open(folder / name, "wb") as target:
                shutil.copyfileobj(source, target)
        meta.update(image=name, image_alt=lesson.image_alt_en or "")
    text = f"---\n{dump_yaml(meta)}---\n{lesson.body_en.strip()}\n"
    (folder / "lessons" / f"{lesson.slug}.md").write_text(text, encoding="utf-8")
