"""Translators in the admin: they edit the content's translated fields (title_es, text_fr…) and
nothing else, and each save also lands in content.po, where deploys load translations from.
Instructors keep their admin as it was."""

import hashlib

import pytest
from django.contrib.auth.models import Group
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from core.permissions import TRANSLATORS_GROUP
from learning.catalogs import (
    catalog_path,
    content_translations_load,
    in_catalog,
    open_catalog,
    translation_fields,
)
from learning.models import Course, GlossaryTerm, Lesson
from quizzes.models import Choice, LexiconTerm, Question, Quiz, WrongAnswer
from tests.factories import InstructorFactory, UserFactory
from tests.learning.conftest import LOCALE

TRANSLATOR_PERMISSIONS = {
    *(f"learning.{action}_{model}" for model in ("course", "lesson", "glossaryterm")
      for action in ("view", "change")),
    *(f"quizzes.{action}_{model}" for model in (
        "quiz", "question", "choice", "acceptedanswer", "wronganswer", "lexiconterm",
    ) for action in ("view", "change")),
}  # fmt: skip


@pytest.fixture
def translator_client(translator, course, locale_dir) -> Client:
    client = Client()
    client.force_login(translator)
    return client


@pytest.fixture
def real_catalogs():
    """Fingerprints of the repository's own catalogs, to show a test left them alone."""

    def fingerprint():
        return {
            path: hashlib.md5(path.read_bytes()).hexdigest()
            for path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))
        }

    before = fingerprint()
    yield
    assert fingerprint() == before, "a test wrote the repository's own PO files"


def change_url(obj: Model) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def _posted(value):
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, list | tuple):
        return [str(item.pk if isinstance(item, Model) else item) for item in value]
    return str(value.pk if isinstance(value, Model) else value)


def form_data(response) -> dict:
    """What the admin's change form posts as it stands: its fields and every inline's."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms += [formset.management_form, *formset.forms]
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if field.disabled or value is None or _posted(value) is None:
                continue
            data[form.add_prefix(name)] = _posted(value)
    return data


def stored(obj: Model) -> dict:
    """Every column of the row as stored, translations included."""
    obj.refresh_from_db()
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def entry(locale_dir, language: str, context: str):
    return open_catalog(catalog_path(locale_dir, language)).find(context, by="msgctxt")


# --- what translators may do ------------------------------------------------------------------


def test_the_translators_group_views_and_changes_the_content_models_only(db):
    group = Group.objects.get(name=TRANSLATORS_GROUP)
    granted = {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    assert granted == TRANSLATOR_PERMISSIONS, (
        f"extra: {sorted(granted - TRANSLATOR_PERMISSIONS)}; "
        f"missing: {sorted(TRANSLATOR_PERMISSIONS - granted)}"
    )


def test_a_translators_spanish_title_reaches_the_database_and_content_po(
    translator_client, locale_dir, real_catalogs
):
    lesson = Lesson.objects.get(slug="nerve-roots")
    page = translator_client.get(change_url(lesson))
    assert page.status_code == 200
    fields = page.context["adminform"].form.fields
    assert {"title_es", "body_fr", "key_facts_ar"} <= set(fields), "translations not editable"
    assert not {"title_en", "body_en", "slug", "order", "course"} & set(fields), (
        "translators may edit more than translations"
    )

    data = {**form_data(page), "title_es": "Las raíces nerviosas (revisado)"}
    response = translator_client.post(change_url(lesson), data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""

    lesson.refresh_from_db()
    assert lesson.title_es == "Las raíces nerviosas (revisado)", "not saved in the database"
    saved = entry(locale_dir, "es", "lesson:nerve-roots:title")
    assert saved.msgstr == "Las raíces nerviosas (revisado)", "not written to content.po"
    assert saved.msgid == lesson.title_en and not saved.fuzzy
    assert entry(locale_dir, "fr", "lesson:nerve-roots:title").msgstr != saved.msgstr

    # The next deploy's loadcontent reads the same text back: nothing lost, nothing in conflict.
    Lesson.objects.filter(pk=lesson.pk).update(title_es="")
    report = content_translations_load(locale_dir=locale_dir, languages=["es"])
    assert not report.problems and not report.conflicts
    lesson.refresh_from_db()
    assert lesson.title_es == "Las raíces nerviosas (revisado)", "lost on the next load"


@pytest.mark.parametrize(
    ("model", "lookup"),
    [
        (Course, {}),
        (Lesson, {"slug": "nerve-roots"}),
        (GlossaryTerm, {}),
        (Quiz, {}),
        (Question, {"key": "account-disc-levels"}),
        (Question, {"key": "specialist-to-consult"}),
        (LexiconTerm, {}),
    ],
    ids=["course", "lesson", "glossary", "quiz", "single-choice", "text", "lexicon"],
)
def test_a_translator_edits_only_translations_on_every_content_page(
    translator_client, model, lookup
):
    obj = model.objects.filter(**lookup).order_by("pk").first()
    page = translator_client.get(change_url(obj))
    assert page.status_code == 200
    forms = [page.context["adminform"].form] + [
        form for inline in page.context["inline_admin_formsets"] for form in inline.formset.forms
    ]
    assert len(forms) > 1 or model is not Question, "a question's inlines are missing"
    for form in forms:
        translations = set(translation_fields(form._meta.model))
        # The row's id and its parent are hidden fields an inline needs, never editable.
        hidden = {"id", "question"}
        editable = {name for name, field in form.fields.items() if not field.disabled}
        assert editable - hidden <= translations, (
            f"{form._meta.model.__name__}: translators may edit {editable - hidden - translations}"
        )
        if in_catalog(form.instance):  # a wrong answer of one language has no translation
            assert editable & translations, f"{form._meta.model.__name__}: nothing to translate"
        assert "DELETE" not in form.fields, "translators may delete"


def test_a_translators_post_cannot_change_the_english_source_or_the_lesson(
    translator_client, locale_dir
):
    lesson = Lesson.objects.get(slug="nerve-roots")
    before = stored(lesson)
    page = translator_client.get(change_url(lesson))
    tampered = {
        **form_data(page),
        "title_es": "Raíces",
        "title_en": "Hacked",
        "body_en": "Hacked",
        "slug": "hacked",
        "order": "99",
        "published": "",
        "minutes": "42",
        "glossary_terms": [],
    }
    assert translator_client.post(change_url(lesson), tampered).status_code == 302
    after = stored(lesson)
    # An untranslated field saved by any admin form goes from NULL to "": the same to readers.
    changed = {
        name
        for name in before
        if before[name] != after[name] and (before[name], after[name]) != (None, "")
    }
    assert changed == {"title_es", "updated_at"}, f"a translator changed {sorted(changed)}"
    assert lesson.glossary_terms.exists(), "a translator changed the lesson's glossary"


def test_a_translators_post_cannot_change_an_answer_key(translator_client, locale_dir):
    question = Question.objects.get(key="account-disc-levels")
    choices = list(question.choices.order_by("pk"))
    correct = [choice.correct for choice in choices]
    page = translator_client.get(change_url(question))
    assert page.status_code == 200
    index = next(i for i, choice in enumerate(choices) if not choice.correct)
    tampered = {
        **form_data(page),
        "points": "9",
        "prompt_en": "Hacked",
        f"choices-{index}-text_es": "L5-S1 y S1-S2",
        f"choices-{index}-text_en": "Hacked",
        f"choices-{index}-correct": "on",
        f"choices-{index}-key": "hacked",
        "choices-0-DELETE": "on",
        # A choice added by hand to the formset.
        "choices-TOTAL_FORMS": str(len(choices) + 1),
        f"choices-{len(choices)}-text_en": "Added",
        f"choices-{len(choices)}-key": "added",
        f"choices-{len(choices)}-correct": "on",
    }
    response = translator_client.post(change_url(question), tampered)
    assert response.status_code == 302, response.context["errors"] if response.context else ""

    question.refresh_from_db()
    assert (question.points, question.prompt_en) != (9, "Hacked"), "the question changed"
    after = list(question.choices.order_by("pk"))
    assert [choice.pk for choice in after] == [choice.pk for choice in choices], (
        "a translator added or deleted a choice"
    )
    assert [choice.correct for choice in after] == correct, "a translator changed the key"
    edited = after[index]
    assert (edited.key, edited.text_en) == (choices[index].key, choices[index].text_en)
    assert edited.text_es == "L5-S1 y S1-S2", "the translation was not saved"
    context = f"choice:{question.key}.{edited.key}:text"
    assert entry(locale_dir, "es", context).msgstr == "L5-S1 y S1-S2", "not in content.po"


def test_a_wrong_answer_written_in_one_language_is_read_only_for_translators(
    translator_client, locale_dir
):
    """content.po has no entry for it (its text is its source): instructors' work."""
    question = Question.objects.get(key="specialist-to-consult")
    spanish = WrongAnswer.objects.get(question=question, key="traumatologo")
    page = translator_client.get(change_url(question))
    inline = next(
        inline.formset
        for inline in page.context["inline_admin_formsets"]
        if inline.formset.model is WrongAnswer
    )
    form = next(form for form in inline.forms if form.instance.pk == spanish.pk)
    assert form.fields["spellings_es"].disabled and form.fields["hint_es"].disabled
    prefix = form.prefix
    data = {**form_data(page), f"{prefix}-hint_es": "Cambiado."}
    assert translator_client.post(change_url(question), data).status_code == 302
    spanish.refresh_from_db()
    assert spanish.hint_es != "Cambiado."


def test_a_translator_cannot_empty_or_break_a_translation(translator_client, locale_dir):
    lesson = Lesson.objects.get(slug="nerve-roots")
    Lesson.objects.filter(pk=lesson.pk).update(title_es="Raíces nerviosas")
    before = catalog_path(locale_dir, "es").read_bytes()
    page = translator_client.get(change_url(lesson))
    for field, value in (("title_es", ""), ("body_es", "**sin cerrar")):
        response = translator_client.post(change_url(lesson), {**form_data(page), field: value})
        assert response.status_code == 200, f"{field}={value!r} was saved"
        assert field in response.context["adminform"].form.errors
    lesson.refresh_from_db()
    assert lesson.title_es == "Raíces nerviosas"
    assert catalog_path(locale_dir, "es").read_bytes() == before, "content.po changed"


# --- what translators may not do --------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/en/admin/auth/user/",
        "/en/admin/auth/group/",
        "/en/admin/quizzes/cohort/",
        "/en/admin/quizzes/assignment/",
        "/en/admin/quizzes/attempt/",
        "/en/admin/quizzes/answeracceptance/",
        "/en/admin/learning/lessonprogress/",
        "/en/admin/learning/lesson/add/",
        "/en/admin/quizzes/question/add/?kind=set",
        "/en/admin/quizzes/quiz/add/",
        "/en/admin/quizzes/lexiconterm/add/",
    ],
)
def test_a_translator_reaches_no_other_admin_page_nor_adds(translator_client, path):
    assert translator_client.get(path).status_code == 403, f"a translator reached {path}"


def test_a_translator_deletes_nothing_and_sees_no_actions(translator_client):
    lesson = Lesson.objects.get(slug="nerve-roots")
    delete = reverse("admin:learning_lesson_delete", args=[lesson.pk])
    assert translator_client.get(delete).status_code == 403
    assert translator_client.post(delete, {"post": "yes"}).status_code == 403
    assert Lesson.objects.filter(pk=lesson.pk).exists()
    changelist = translator_client.get(reverse("admin:learning_lesson_changelist"))
    assert changelist.status_code == 200
    assert changelist.context["cl"].list_editable == (), "order and published editable"
    assert not changelist.context["action_form"], "actions offered (delete selected…)"
    index = translator_client.get(reverse("admin:index")).content.decode()
    for hidden in ("/admin/auth/user/", "/admin/quizzes/cohort/", "/admin/quizzes/attempt/"):
        assert hidden not in index, f"the index lists {hidden}"


def test_a_translator_cannot_read_results(translator_client):
    quiz = Question.objects.get(key="account-disc-levels").quizzes.first()
    url = reverse("admin:quizzes_quiz_results", args=[quiz.pk])
    assert translator_client.get(url).status_code == 403


# --- instructors keep their admin ---------------------------------------------------------------


def test_an_instructor_still_edits_everything_and_writes_no_po_file(course, locale_dir):
    client = Client()
    client.force_login(InstructorFactory(username="instructor-t"))
    lesson = Lesson.objects.get(slug="nerve-roots")
    page = client.get(change_url(lesson))
    assert {"title_en", "slug", "order", "course"} <= set(page.context["adminform"].form.fields)
    before = catalog_path(locale_dir, "es").read_bytes()
    data = {**form_data(page), "title_en": "Nerve roots, again", "title_es": "Raíces"}
    assert client.post(change_url(lesson), data).status_code == 302
    lesson.refresh_from_db()
    assert (lesson.title_en, lesson.title_es) == ("Nerve roots, again", "Raíces")
    assert catalog_path(locale_dir, "es").read_bytes() == before, (
        "an instructor's save wrote content.po (they export it: exportcontent)"
    )
    assert client.get(reverse("admin:learning_lesson_add")).status_code == 200
    changelist = client.get(reverse("admin:learning_lesson_changelist"))
    assert changelist.context["cl"].list_editable, "instructors lost list editing"


def test_a_superuser_in_the_translators_group_keeps_every_field(course, locale_dir):
    user = UserFactory(username="root-t", is_staff=True, is_superuser=True)
    user.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    client = Client()
    client.force_login(user)
    question = Question.objects.get(key="account-disc-levels")
    page = client.get(change_url(question))
    assert "points" in page.context["adminform"].form.fields
    inline = next(
        inline.formset
        for inline in page.context["inline_admin_formsets"]
        if inline.formset.model is Choice
    )
    assert "correct" in inline.forms[0].fields
