"""Helpers for pack tests: run loadcontent, snapshot the content tables, edit pack files; the
lesson screen's rule for which bold phrases open a glossary definition."""

import html
import io
import re
import unicodedata
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


ARTICLES = {"the", "a", "an", "el", "la", "los", "las", "un", "una", "le", "les", "une", "des"}


def term_form(text: str) -> str:
    """static/js/lesson.js termForm(): a term as a lesson may bold it (case, accents, harakat,
    a bracketed aside, a leading article, plural and feminine endings and Arabic "ال" aside)."""
    text = re.sub("\u064bا|ا\u064b", "", text.lower())  # the tanween's alef: جذرًا is جذر
    text = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M")
    )
    text = re.sub(r"^\s*[ld][’']", "", re.sub(r"\([^)]*\)", " ", text))
    words = text.split()
    if len(words) > 1 and words[0] in ARTICLES:
        words.pop(0)
    forms = []
    for word in words:
        word = re.sub(r"^ال(?=\w{3})", "", word)
        word = re.sub(r"[eة]$", "", re.sub(r"[sx]$", "", re.sub(r"z$", "c", word)))
        forms.append(word)
    return " ".join(forms)


def linked_terms(body_html: str, terms: dict[str, str]) -> set[str]:
    """The glossary keys the lesson screen turns into definitions: static/js/lesson.js
    linkTerms() links a bold phrase whose term_form() is a term's."""
    linked = set()
    for bold in re.findall(r"<strong>(.*?)</strong>", body_html, flags=re.S):
        name = term_form(html.unescape(re.sub(r"<[^>]+>", "", bold)))
        if name in terms:
            linked.add(terms[name])
    return linked
