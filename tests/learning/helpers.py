"""Helpers for pack tests: run loadcontent, snapshot the content tables, edit pack files."""

import io
from dataclasses import dataclass
from pathlib import Path

from django.core.management import CommandError, call_command

from learning.models import Course, GlossaryTerm, Lesson


@dataclass(frozen=True)
class CommandOutput:
    stdout: str
    stderr: str


def run_loadcontent(*args: str) -> CommandOutput:
    """Run loadcontent (English only) and return what it printed; CommandError propagates."""
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("loadcontent", *args, "--no-translations", stdout=stdout, stderr=stderr)
    return CommandOutput(stdout.getvalue(), stderr.getvalue())


def content_snapshot() -> dict[str, list[tuple]]:
    """Every content row with its updated_at: equal snapshots mean nothing was written."""
    lesson_terms = Lesson.glossary_terms.through.objects.order_by(
        "lesson__slug", "glossaryterm__key"
    )
    return {
        "courses": list(Course.objects.order_by("key").values_list("key", "title", "updated_at")),
        "glossary": list(
            GlossaryTerm.objects.order_by("key").values_list("key", "definition", "updated_at")
        ),
        "lessons": list(
            Lesson.objects.order_by("slug").values_list(
                "slug", "summary", "order", "published", "updated_at"
            )
        ),
        "lesson_terms": list(lesson_terms.values_list("lesson__slug", "glossaryterm__key")),
    }


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace one exact snippet in a pack file; fail loudly when the pack no longer has it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}: update the test's edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_refused_loadcontent(*args: str) -> tuple[CommandError, CommandOutput]:
    """Run loadcontent that must refuse its pack; return the error and what was printed."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("loadcontent", *args, "--no-translations", stdout=stdout, stderr=stderr)
    except CommandError as error:
        return error, CommandOutput(stdout.getvalue(), stderr.getvalue())
    raise AssertionError(f"loadcontent accepted the pack:\n{stdout.getvalue()}")
