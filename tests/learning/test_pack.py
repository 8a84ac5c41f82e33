"""The real factsheet pack: what loadcontent puts in the database, and that it is our own words."""

import re

import pytest
import yaml
from django.conf import settings

from learning.models import GlossaryTerm, Lesson, Section
from learning.packs import read_pack
from tests.learning.helpers import content_snapshot, edit_file, run_loadcontent

FACTSHEET = settings.BASE_DIR.parent / "shared" / "source" / "back-and-foot-pain-factsheet.txt"
PATIENT_ACCOUNT = "one-patients-account"
DISCLAIMER = "It is not medical advice"
# The glossary terms issue 2 names, by key.
REQUIRED_GLOSSARY_KEYS = {
    "l4", "l5", "s1", "sciatica", "cauda-equina", "herniated-disc", "foraminal-stenosis",
    "degenerative-disc-disease", "lumbar-spinal-stenosis", "central-stenosis", "piriformis",
    "neuropathy", "plantar-fasciitis", "metatarsalgia", "heel-spur", "tendonitis",
    "nerve-conduction-test",
}  # fmt: skip
# Eight words in a row shared with the factsheet is copying, not paraphrase.
COPIED_RUN = 8


@pytest.mark.parametrize("section", Section.values)
def test_every_factsheet_section_has_a_published_lesson(loaded_factsheet, section):
    assert Lesson.published_objects.filter(source=section).exists(), (
        f"no published lesson names the factsheet section {section!r} as its source"
    )


def test_pack_loads_at_least_six_published_lessons(loaded_factsheet):
    count = Lesson.published_objects.count()
    assert count >= 6, f"the course has {count} published lessons, the issue asks for at least 6"


def test_glossary_has_at_least_fifteen_terms(loaded_factsheet):
    count = GlossaryTerm.objects.count()
    assert count >= 15, f"the glossary has {count} terms, the issue asks for at least 15"


def test_glossary_includes_every_term_the_issue_names(loaded_factsheet):
    missing = REQUIRED_GLOSSARY_KEYS - set(GlossaryTerm.objects.values_list("key", flat=True))
    assert not missing, f"glossary keys missing: {sorted(missing)}"


def test_every_loaded_lesson_stores_its_rendered_body(loaded_factsheet):
    """Markdown is rendered once on load, so a request never renders it."""
    unrendered = [
        lesson.slug for lesson in Lesson.objects.all() if "<p>" not in (lesson.body_html_en or "")
    ]
    assert not unrendered, f"lessons loaded without rendered English HTML: {unrendered}"


def test_patient_account_is_presented_as_one_patients_experience(loaded_factsheet):
    lesson = Lesson.objects.get(slug=PATIENT_ACCOUNT)
    text = f"{lesson.title_en}\n{lesson.body_en}".lower()
    assert "one patient" in text or "one person" in text, (
        f"lesson {PATIENT_ACCOUNT!r} does not present the story as one patient's experience"
    )


def test_patient_account_attributes_the_story_to_the_factsheet_author(loaded_factsheet):
    lesson = Lesson.objects.get(slug=PATIENT_ACCOUNT)
    text = f"{lesson.summary_en}\n{lesson.body_en}\n{lesson.key_facts_en}".lower()
    assert "author" in text, f"lesson {PATIENT_ACCOUNT!r} never says whose account it is"


def test_every_lesson_page_shows_the_disclaimer(loaded_factsheet, client):
    lacking = [
        lesson.slug
        for lesson in Lesson.published_objects.all()
        if DISCLAIMER not in client.get(f"/en/lessons/{lesson.slug}/").content.decode()
    ]
    assert not lacking, f"lesson pages without the education-not-advice disclaimer: {lacking}"


def test_first_load_reports_that_content_was_loaded(loaded_factsheet):
    assert "Content loaded." in loaded_factsheet.stdout, (
        f"first load into an empty database did not report loading:\n{loaded_factsheet.stdout}"
    )


def test_second_load_reports_no_changes(loaded_factsheet):
    output = run_loadcontent()
    assert "No changes" in output.stdout, f"second load did not say 'No changes':\n{output.stdout}"


def test_second_load_writes_no_row(loaded_factsheet):
    before = content_snapshot()
    run_loadcontent()
    assert content_snapshot() == before, "a second load of the same pack changed the database"


def test_lesson_order_follows_course_yaml(loaded_factsheet, factsheet_pack):
    course = yaml.safe_load((factsheet_pack / "course.yaml").read_text(encoding="utf-8"))
    loaded = list(
        Lesson.published_objects.filter(course__key=course["key"])
        .order_by("order")
        .values_list("slug", flat=True)
    )
    assert loaded == course["lessons"], "lessons are not in the order course.yaml lists them"


def test_reordering_course_yaml_reorders_lessons(loaded_factsheet, pack_copy):
    course_file = pack_copy / "course.yaml"
    course = yaml.safe_load(course_file.read_text(encoding="utf-8"))
    reordered = list(reversed(course["lessons"]))
    course_file.write_text(yaml.safe_dump({**course, "lessons": reordered}), encoding="utf-8")
    run_loadcontent("--pack", str(pack_copy))
    loaded = list(Lesson.published_objects.order_by("order").values_list("slug", flat=True))
    assert loaded == reordered, "reloading a reordered course.yaml did not reorder the lessons"


def test_reload_after_editing_one_lesson_updates_only_that_lesson(loaded_factsheet, pack_copy):
    before = dict(Lesson.objects.values_list("slug", "updated_at"))
    edit_file(
        pack_copy / "lessons" / "symptoms.md",
        "summary: Common symptoms",
        "summary: Edited summary. Common symptoms",
    )
    run_loadcontent("--pack", str(pack_copy))
    changed = {
        slug for slug, updated_at in Lesson.objects.values_list("slug", "updated_at")
        if before[slug] != updated_at
    }  # fmt: skip
    assert changed == {"symptoms"}, f"editing one lesson rewrote these lessons: {sorted(changed)}"


# --- our own words -------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Lowercase words with punctuation (and Markdown markup) stripped; `patient's` → patients."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("\u2019", ""))


def runs(text: str, length: int = COPIED_RUN) -> set[str]:
    found = words(text)
    return {" ".join(found[i : i + length]) for i in range(len(found) - length + 1)}


@pytest.fixture(scope="module")
def factsheet_runs() -> set[str]:
    if not FACTSHEET.is_file():
        pytest.skip(f"the source factsheet is not on this machine ({FACTSHEET})")
    return runs(FACTSHEET.read_text(encoding="utf-8"))


def test_no_lesson_reproduces_eight_words_of_the_factsheet(factsheet_pack, factsheet_runs):
    copied = []
    for lesson in read_pack(factsheet_pack).lessons:
        texts = [("title", lesson.title), ("summary", lesson.summary), ("body", lesson.body)]
        texts += [("key_facts", fact) for fact in lesson.key_facts]
        for name, text in texts:
            copied += [(f"{lesson.key}.{name}", run) for run in sorted(runs(text) & factsheet_runs)]
    assert not copied, f"lesson text copied word for word from the factsheet: {copied}"


def test_no_glossary_definition_reproduces_eight_words_of_the_factsheet(
    factsheet_pack, factsheet_runs
):
    copied = {
        term.key: sorted(runs(term.definition) & factsheet_runs)
        for term in read_pack(factsheet_pack).glossary
        if runs(term.definition) & factsheet_runs
    }
    assert not copied, f"glossary definitions copied from the factsheet: {copied}"


def test_copy_check_detects_a_pasted_factsheet_sentence(factsheet_runs):
    """Guards the check itself: a sentence pasted from the factsheet must be caught."""
    text = FACTSHEET.read_text(encoding="utf-8")
    pasted = next(line for line in text.splitlines() if len(words(line)) >= 20)
    assert runs(f"**Note:** {pasted.upper()}") & factsheet_runs, (
        "the copy check missed a pasted factsheet sentence (case and markup changed)"
    )
