"""The translator's workflow: one width for every PO file, so a rosetta save is a small diff; a
demo translator who reaches rosetta and the content admin (to translate only: see
test_translator_admin.py); questions made in the admin reach content.po; the admin's index counts
what changed since the last export."""

import difflib
import hashlib
import io
import shutil
from pathlib import Path
from urllib.parse import urlencode

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from rosetta.poutil import find_pos
from rosetta.views import get_app_name

from learning.catalogs import catalog_path, open_catalog, unexported_fields
from quizzes.models import Kind, LexiconTerm, Question, Quiz, WrongAnswer
from tests.factories import UserFactory

LOCALE = Path(settings.LOCALE_PATHS[0])
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a diff of the two texts removes or adds."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


# --- one width --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: "/".join(path.parts[-3:]))
def test_every_catalog_is_written_as_rosetta_writes_it(path, tmp_path):
    """makemessages, exportcontent and rosetta write at settings.PO_WRAP_WIDTH: a catalog read
    and saved again by polib, as rosetta does, is byte for byte the same."""
    assert settings.ROSETTA_POFILE_WRAP_WIDTH == settings.PO_WRAP_WIDTH
    saved = tmp_path / path.name
    polib.pofile(str(path), wrapwidth=settings.ROSETTA_POFILE_WRAP_WIDTH).save(str(saved))
    before, after = path.read_text(encoding="utf-8"), saved.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [], f"{path} would be rewrapped"


def rosetta_form_url(path: Path, language: str) -> str:
    files = find_pos(language, project_apps=True, django_apps=False, third_party_apps=False)
    files.sort(key=get_app_name)  # the order rosetta's form view numbers them in
    index = [Path(found).resolve() for found in files].index(path.resolve())
    return reverse(
        "rosetta-form", kwargs={"po_filter": "project", "lang_id": language, "idx": index}
    )


@pytest.mark.parametrize(
    ("domain", "context", "msgid"),
    [
        ("content", "glossary:sciatica:definition", None),
        ("django", None, "Not found."),
    ],
)
def test_editing_one_string_in_rosetta_changes_a_few_lines(
    locale_dir, translator, client, domain, context, msgid
):
    client.force_login(translator)
    path = locale_dir / "es" / "LC_MESSAGES" / f"{domain}.po"
    before = path.read_text(encoding="utf-8")
    catalog = open_catalog(path)
    entry = catalog.find(context, by="msgctxt") if context else catalog.find(msgid)
    assert entry is not None
    md5 = hashlib.md5((entry.msgid + entry.msgstr + (entry.msgctxt or "")).encode()).hexdigest()
    # As a translator does: search for the string (the catalog has hundreds, on many pages).
    url = rosetta_form_url(path, "es") + "?" + urlencode({"query": context or msgid})
    assert client.get(url).status_code == 200
    response = client.post(url, {f"m_{md5}": entry.msgstr + " (revisado)"})
    assert response.status_code == 302, response.content[:300]
    after = path.read_text(encoding="utf-8")
    assert "(revisado)" in after, "rosetta did not save the edit"
    changed = changed_lines(before, after)
    assert len(changed) <= 10, "rosetta rewrote more than the edit:\n" + "\n".join(changed)


# --- the demo translator --------------------------------------------------------------------


def test_demo_translator_reaches_rosetta_and_the_content_admin_to_translate_only(
    db, client, settings
):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("createdemousers", stdout=output)
    assert "translator" in output.getvalue()
    assert client.login(username="translator", password="rootwise-translator")
    assert client.get("/rosetta/files/project/").status_code == 200, "no rosetta"
    for model in (Quiz, Question, LexiconTerm):
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert client.get(changelist).status_code == 200, f"translator cannot open {changelist}"
        add = reverse(f"admin:{meta.app_label}_{meta.model_name}_add")
        assert client.get(add).status_code == 403, f"translator reached {add}"
    index = client.get(reverse("admin:index")).content.decode()
    assert "/admin/quizzes/question/" in index, "the admin index lists no content to translate"
    assert "/admin/quizzes/cohort/" not in index, "the admin index lists the instructors' models"
    assert "rosetta" in index, "the admin index links rosetta"


def test_demo_users_are_created_once(db, settings):
    settings.DEBUG = True
    call_command("createdemousers", stdout=io.StringIO())
    call_command("createdemousers", stdout=io.StringIO())
    users = get_user_model().objects.filter(username__in=["instructor", "translator", "learner"])
    assert users.count() == 3
    translator = users.get(username="translator")
    assert translator.is_staff and translator.groups.filter(name="Translators").exists()


# --- questions made in the admin reach content.po -------------------------------------------


@pytest.fixture
def instructor_client(client, course):
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


def inline(prefix: str, rows: list[dict]) -> dict:
    """POST data of an admin inline formset."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def test_a_question_made_in_the_admin_is_exported_to_content_po(instructor_client, locale_dir):
    data = {
        "key": "admin-made-question",
        "kind": Kind.TEXT,
        "source": "causes",
        "points": "1",
        "prompt_en": "Which specialist runs nerve conduction tests?",
        "explanation_en": "A neurologist does.",
        "tolerance": "0",
        "category": "specialty",
        **inline("choices", []),
        **inline("answers", [{"key": "neurologist", "synonyms_en": "neurologist", "position": 1}]),
        **inline(
            "wrong_answers",
            [
                {
                    "key": "urologist",
                    "spellings_en": "urologist",
                    "hint_en": "A urologist treats the urinary tract.",
                    "position": 1,
                },
                {
                    "key": "traumatologo",
                    "language": "es",
                    "spellings_es": "traumatólogo",
                    "hint_es": "El traumatólogo trata huesos.",
                    "position": 2,
                },
            ],
        ),
    }
    # The kind is chosen first (the form then shows that kind's fields only).
    response = instructor_client.post(reverse("admin:quizzes_question_add") + "?kind=text", data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    question = Question.objects.get(key="admin-made-question")
    assert question.wrong_answers.count() == 2

    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    contexts = {entry.msgctxt for entry in open_catalog(catalog_path(locale_dir, "fr"))}
    for expected in (
        "question:admin-made-question:prompt",
        "question:admin-made-question:explanation",
        "answer:admin-made-question.neurologist:synonyms",
        "wrong-answer:admin-made-question.urologist:spellings",
        "wrong-answer:admin-made-question.urologist:hint",
    ):
        assert expected in contexts, f"{expected} not exported"
    assert not any("traumatologo" in context for context in contexts), (
        "a Spanish-only wrong answer is written in Spanish: nothing to translate"
    )


# --- the admin's index counts what is not exported yet ---------------------------------------


def test_admin_index_counts_fields_changed_since_the_last_export(instructor_client, locale_dir):
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    assert unexported_fields(locale_dir=locale_dir) == 0
    index = instructor_client.get(reverse("admin:index")).content.decode()
    assert "content.po holds every translatable field" in index

    question = Question.objects.get(key="specialist-to-consult")
    question.prompt_en = "Which specialist does the factsheet recommend?"
    question.save()
    WrongAnswer.objects.filter(question=question, key="urologist").update(hint_fr="Modifié.")
    assert unexported_fields(locale_dir=locale_dir) == 2, "a source and a translation changed"
    index = instructor_client.get(reverse("admin:index")).content.decode()
    assert "2 translatable content fields changed since content.po was last exported" in index

    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    assert unexported_fields(locale_dir=locale_dir) == 0, "the export wrote both"


# --- complete catalogs ------------------------------------------------------------------------


@pytest.fixture
def source_copy(tmp_path, settings, monkeypatch):
    """The project's sources and catalogs, copied: makemessages writes to the catalogs beside
    the files it reads, so it runs on the copy."""
    root = Path(settings.BASE_DIR)
    copy = tmp_path / "source"
    shutil.copytree(
        root,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "staticfiles", "media", "tests", "*.mo", "*.sqlite3", "__pycache__"
        ),
    )
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    return copy


@pytest.mark.skipif(not shutil.which("xgettext"), reason="makemessages needs GNU gettext")
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_catalogs_hold_every_string_the_code_marks_for_translation(source_copy, domain):
    """A string marked in the code but missing from the committed catalogs reaches every
    learner in English, and translationstatus cannot see it (it reads the catalogs)."""
    committed = {
        (entry.msgctxt, entry.msgid)
        for entry in polib.pofile(str(LOCALE / "es" / "LC_MESSAGES" / f"{domain}.po"))
        if not entry.obsolete
    }
    call_command("makemessages", locale=["es"], domain=domain, no_obsolete=True, verbosity=0)
    made = polib.pofile(str(source_copy / "locale" / "es" / "LC_MESSAGES" / f"{domain}.po"))
    missing = sorted(
        f"{entry.msgctxt or ''}|{entry.msgid}"
        for entry in made
        if not entry.obsolete and (entry.msgctxt, entry.msgid) not in committed
    )
    assert len(made) > 100, "makemessages found nothing to translate"
    assert missing == [], f"run `make messages` and translate: {missing}"
