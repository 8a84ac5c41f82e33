"""Content translations in PO files: export, load, round trip, bad catalogs, status, RTL pages."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from learning.catalogs import catalog_path
from learning.models import GlossaryTerm, Lesson
from quizzes.models import AcceptedAnswer
from tests.learning.helpers import linked_terms, term_form

LOCALE = Path(settings.LOCALE_PATHS[0])


@pytest.fixture
def locale_dir(tmp_path):
    """A writable copy of the project's locale folder."""
    target = tmp_path / "locale"
    shutil.copytree(LOCALE, target, ignore=shutil.ignore_patterns("*.mo"))
    return target


@pytest.fixture
def course(db):
    call_command("loadcontent", "--no-translations", verbosity=0)


def entry(path: Path, context: str) -> polib.POEntry:
    found = polib.pofile(str(path), wrapwidth=0).find(
        context, by="msgctxt", include_obsolete_entries=True
    )
    assert found is not None, f"{path} has no entry {context}"
    return found


def edit_entry(path: Path, context: str, **changes) -> None:
    catalog = polib.pofile(str(path), wrapwidth=0)
    found = catalog.find(context, by="msgctxt")
    for name, value in changes.items():
        setattr(found, name, value)
    catalog.save(str(path))


def test_export_writes_every_translatable_field_with_stable_contexts(course, tmp_path):
    locale = tmp_path / "fresh"
    call_command("exportcontent", "--locale", str(locale), verbosity=0)
    for language in ("es", "fr", "ar"):
        catalog = polib.pofile(str(catalog_path(locale, language)))
        contexts = {e.msgctxt for e in catalog}
        assert "lesson:nerve-roots:title" in contexts
        assert "lesson:nerve-roots:body" in contexts
        assert "glossary:l4:definition" in contexts
        assert "question:foot-nerve-roots:prompt" in contexts
        assert "answer:local-foot-conditions.heel-spur:synonyms" in contexts
        assert not any(c.endswith(":body_html") for c in contexts), "derived HTML is not translated"
        lesson = Lesson.objects.get(slug="nerve-roots")
        assert (
            entry(catalog_path(locale, language), "lesson:nerve-roots:title").msgid
            == lesson.title_en
        )


def test_edit_in_po_then_load_changes_the_model_field(course, locale_dir):
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    path = catalog_path(locale_dir, "es")
    edit_entry(path, "glossary:piriformis:term", msgstr="Músculo piriforme (editado)", flags=[])
    call_command("loadcontent", "--locale", str(locale_dir), verbosity=0)
    assert GlossaryTerm.objects.get(key="piriformis").term_es == "Músculo piriforme (editado)"


def test_lesson_html_is_rendered_for_the_translated_body(course, locale_dir):
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    path = catalog_path(locale_dir, "fr")
    source = entry(path, "lesson:symptoms:body").msgid
    edit_entry(
        path, "lesson:symptoms:body", msgstr="Les **racines** nerveuses.\n\n" + source, flags=[]
    )
    call_command("loadcontent", "--locale", str(locale_dir), verbosity=0)
    lesson = Lesson.objects.get(slug="symptoms")
    assert "<strong>racines</strong>" in lesson.body_html_fr


def test_edit_in_database_then_export_updates_the_po_entry(course, locale_dir):
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    term = GlossaryTerm.objects.get(key="sciatica")
    term.definition_fr = "Douleur le long du nerf sciatique (modifiée dans l'admin)."
    term.save()
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    found = entry(catalog_path(locale_dir, "fr"), "glossary:sciatica:definition")
    assert found.msgstr == "Douleur le long du nerf sciatique (modifiée dans l'admin)."
    assert not found.fuzzy, "the source did not change, so the entry stays exact"


def test_changed_source_marks_the_entry_fuzzy_and_keeps_the_old_translation(course, locale_dir):
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    path = catalog_path(locale_dir, "es")
    edit_entry(path, "glossary:l5:term", msgstr="L5 (vértebra)", flags=[])
    call_command("loadcontent", "--locale", str(locale_dir), verbosity=0)
    term = GlossaryTerm.objects.get(key="l5")
    term.term_en = "L5 vertebra"
    term.save()
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    found = entry(path, "glossary:l5:term")
    assert found.msgid == "L5 vertebra"
    assert found.fuzzy, "a changed source must be marked fuzzy"
    assert found.msgstr == "L5 (vértebra)", "the old translation is kept for the translator"
    assert found.previous_msgid == "L5"


def test_fuzzy_translation_is_not_shown_to_learners(course, locale_dir):
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    path = catalog_path(locale_dir, "es")
    edit_entry(path, "glossary:s1:term", msgstr="S1 traducido", flags=["fuzzy"])
    call_command("loadcontent", "--locale", str(locale_dir), verbosity=0)
    term = GlossaryTerm.objects.get(key="s1")
    assert not term.term_es, "fuzzy entries clear the field so English shows instead"


def test_removed_object_becomes_obsolete(course, locale_dir):
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    GlossaryTerm.objects.filter(key="bilateral").delete()
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    found = entry(catalog_path(locale_dir, "ar"), "glossary:bilateral:term")
    assert found.obsolete


def test_export_twice_changes_nothing(course, locale_dir):
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    before = {lang: catalog_path(locale_dir, lang).read_text() for lang in ("es", "fr", "ar")}
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    after = {lang: catalog_path(locale_dir, lang).read_text() for lang in ("es", "fr", "ar")}
    assert before == after


BROKEN_CATALOGS = [
    pytest.param(
        lambda path: edit_entry(
            path, "glossary:l4:definition", msgstr="Texto con %(nombre)s roto", flags=[]
        ),
        "placeholders differ",
        id="broken-placeholder",
    ),
    pytest.param(
        lambda path: path.write_text(
            path.read_text()
            + '\nmsgctxt "glossary:no-such-term:term"\nmsgid "Ghost"\nmsgstr "Fantasma"\n'
        ),
        "no glossary with key 'no-such-term'",
        id="object-no-longer-exists",
    ),
    pytest.param(
        lambda path: path.write_text(path.read_text() + "\nthis line is not PO syntax\n"),
        "malformed PO file",
        id="malformed-syntax",
    ),
    pytest.param(
        lambda path: edit_entry(
            path, "lesson:symptoms:summary", msgstr="Un **resumen roto", flags=[]
        ),
        "unbalanced Markdown bold",
        id="broken-markdown",
    ),
    pytest.param(
        lambda path: edit_entry(
            path, "glossary:l4:term", msgstr="<script>alert(1)</script>L4", flags=[]
        ),
        "HTML tags differ",
        id="injected-html",
    ),
]


@pytest.mark.parametrize(("breakage", "message"), BROKEN_CATALOGS)
def test_broken_catalog_is_named_and_loads_nothing(course, locale_dir, capsys, breakage, message):
    call_command("exportcontent", "--locale", str(locale_dir), verbosity=0)
    good = catalog_path(locale_dir, "fr")
    edit_entry(good, "glossary:neuropathy:term", msgstr="Neuropathie (fr)", flags=[])
    broken = catalog_path(locale_dir, "es")
    edit_entry(broken, "glossary:neuropathy:term", msgstr="Neuropatía (es)", flags=[])
    breakage(broken)
    with pytest.raises(CommandError, match="translations not loaded"):
        call_command("loadcontent", "--locale", str(locale_dir))
    errors = capsys.readouterr().err
    assert str(broken) in errors and message in errors, errors
    assert any(char.isdigit() for char in errors.split(str(broken))[1][:8]), "names the line"
    term = GlossaryTerm.objects.get(key="neuropathy")
    assert term.term_es in (None, ""), "nothing is loaded from the broken file"
    assert term.term_fr == "Neuropathie (fr)", "the other files still load"


def test_translationstatus_reports_every_language_and_domain_complete(capsys):
    call_command("translationstatus")
    output = capsys.readouterr().out
    for language in ("es", "fr", "ar"):
        for domain in ("django", "djangojs", "content"):
            line = next(
                (row for row in output.splitlines() if row.split()[:2] == [language, domain]), ""
            )
            assert line.endswith("100.0"), f"{language}/{domain} is not complete: {line!r}"


def test_translationstatus_fails_below_100_percent(locale_dir, capsys):
    path = locale_dir / "fr" / "LC_MESSAGES" / "django.po"
    catalog = polib.pofile(str(path))
    catalog.translated_entries()[0].msgstr = ""
    catalog.save(str(path))
    with pytest.raises(CommandError):
        call_command("translationstatus", "--locale", str(locale_dir))
    assert f"{path}:" in capsys.readouterr().err


def test_translationstatus_fails_on_a_broken_placeholder(locale_dir, capsys):
    path = locale_dir / "es" / "LC_MESSAGES" / "djangojs.po"
    catalog = polib.pofile(str(path))
    target = next(e for e in catalog if "%(" in e.msgid)
    target.msgstr = "sin marcador"
    catalog.save(str(path))
    with pytest.raises(CommandError):
        call_command("translationstatus", "--locale", str(locale_dir))
    assert "placeholders" in capsys.readouterr().err


@pytest.fixture
def translated_course(db):
    call_command("loadcontent", verbosity=0)


def test_arabic_lesson_page_is_right_to_left_and_translated(translated_course, client):
    lesson = Lesson.objects.get(slug="nerve-roots")
    response = client.get("/ar/lessons/nerve-roots/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert lesson.title_ar and lesson.title_ar in html, "the Arabic lesson title is shown"
    assert "Key facts" not in html, "interface strings are translated"
    assert "L4" in html, "spinal codes stay in Latin letters"


def test_arabic_quiz_page_is_right_to_left_and_translated(translated_course, client):
    response = client.get("/ar/quizzes/nerve-roots-quiz/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert "Pass mark" not in html and "Sign in to take this quiz" not in html
    assert "/ar/jsi18n/" in html, "the quiz screen loads the Arabic JavaScript catalog"
    catalog = client.get("/ar/jsi18n/").content.decode()
    assert "Submit answers" in catalog and "\\u" in catalog, "the JS catalog carries Arabic"


def test_english_pages_are_left_to_right(translated_course, client):
    html = client.get("/en/lessons/nerve-roots/").content.decode()
    assert '<html lang="en" dir="ltr">' in html


def test_native_answers_to_the_two_set_questions(translated_course):
    """Acceptance: the factsheet's two set questions, answered natively in es, fr and ar."""
    from quizzes import grading
    from quizzes.models import Question
    from quizzes.selectors import answer_key, grading_lexicon, questions_by_id

    roots = Question.objects.get(key="foot-nerve-roots")
    feet = Question.objects.get(key="local-foot-conditions")
    questions = questions_by_id([roots.pk, feet.pk], graded=True)
    native = {
        "es": (["L4, L5 y S1"], [_first_synonyms(feet, "es", joiner=", ")]),
        "fr": (["L4, L5 et S1"], [_first_synonyms(feet, "fr", joiner=", ")]),
        "ar": (["L4 و L5 وS1"], [_first_synonyms(feet, "ar", joiner=" و ")]),
    }
    for language, (root_answer, feet_answer) in native.items():
        for question, items in (
            (questions[roots.pk], root_answer),
            (questions[feet.pk], feet_answer),
        ):
            key = answer_key(question, language, grading_lexicon(language))
            result = grading.grade(key, grading.validate_answer(key, {"items": items}))
            assert result.correct, f"{language}: {items} graded {result}"


def _first_synonyms(question, language: str, joiner: str) -> str:
    answers = AcceptedAnswer.objects.filter(question=question).order_by("position")
    spellings = [answer.synonyms_in(language)[0] for answer in answers]
    assert all(spellings), f"{language} synonyms missing"
    return joiner.join(spellings)


@pytest.fixture
def translator(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("translator", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    return user


def test_translators_reach_rosetta_and_see_the_content_catalog(translator, client):
    client.force_login(translator)
    response = client.get("/rosetta/files/project/")
    assert response.status_code == 200
    html = response.content.decode()
    for language in ("es", "fr", "ar"):
        for domain in ("django", "djangojs", "content"):
            assert f"locale/{language}/LC_MESSAGES/{domain}.po" in html, (language, domain)


def test_learners_are_kept_out_of_rosetta(db, django_user_model, client):
    client.force_login(django_user_model.objects.create_user("learner-x", password="pw"))
    response = client.get("/rosetta/files/project/")
    assert response.status_code in (302, 403)


def test_saving_in_rosetta_loads_that_languages_content(translated_course, settings, tmp_path):
    from rosetta.signals import post_save as rosetta_saved

    locale = tmp_path / "locale"
    shutil.copytree(LOCALE, locale, ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [locale]
    edit_entry(
        catalog_path(locale, "fr"), "glossary:l4:term", msgstr="L4 (quatrième lombaire)", flags=[]
    )
    rosetta_saved.send(sender=None, language_code="fr", request=None)
    assert GlossaryTerm.objects.get(key="l4").term_fr == "L4 (quatrième lombaire)"


def test_tabbed_translation_admin_loads_nothing_from_a_cdn(
    translated_course, django_user_model, client
):
    admin = django_user_model.objects.create_superuser("root", password="pw")
    client.force_login(admin)
    lesson = Lesson.objects.get(slug="nerve-roots")
    html = client.get(f"/en/admin/learning/lesson/{lesson.pk}/change/").content.decode()
    assert "js/admin-tabs.js" in html, "the local stand-in for jQuery UI tabs is loaded"
    assert "googleapis" not in html and "//ajax." not in html, "no script from a CDN"
    for language in ("en", "es", "fr", "ar"):
        assert f'name="title_{language}"' in html


TERM_FORMS = [
    ("Nerve roots", "Nerve root"),
    ("raíces nerviosas", "Raíz nerviosa"),
    ("Espolones calcáneos", "Espolón calcáneo"),
    ("cola de caballo", "Cola de caballo (cauda equina)"),
    ("racines nerveuses", "Racine nerveuse"),
    ("L’étude de la conduction nerveuse", "Étude de la conduction nerveuse"),
    ("La corrélation clinique", "Corrélation clinique"),
    ("bilatérales", "Bilatéral"),
    ("Épines calcanéennes", "Épine calcanéenne"),
    ("طبيب أعصاب", "طبيب الأعصاب"),
    ("الجهازية", "جهازي"),
    ("جذرًا", "جذر"),
]


@pytest.mark.parametrize(("bold", "term"), TERM_FORMS)
def test_a_term_bolded_in_its_sentences_form_is_the_term(bold, term):
    assert term_form(bold) == term_form(term)


@pytest.mark.parametrize(("one", "other"), [("L4", "L5"), ("Stenosis", "Central stenosis")])
def test_other_terms_stay_apart(one, other):
    assert term_form(one) != term_form(other)


# Arabic broken plurals are no ending a rule can take off: "الجذور العصبية" (nerve roots) and
# "أشواك العقب" (heel spurs) open no definition; the lesson's glossary list still holds them.
BROKEN_PLURALS = {"ar": {"nerve-root", "heel-spur"}}


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_every_term_a_lesson_explains_in_english_is_explained_in_translation(
    translated_course, language
):
    """A bold glossary term opens its definition in English; the translated lesson must bold
    the same term in a form of it, or the learner loses the definition."""
    missing = {}
    for lesson in Lesson.objects.prefetch_related("glossary_terms"):
        glossary = list(lesson.glossary_terms.all())
        forms = {term_form(getattr(term, f"term_{language}")): term.key for term in glossary}
        assert len(forms) == len(glossary), f"{language}: two terms of {lesson.slug} look alike"
        english = linked_terms(
            lesson.body_html_en, {term_form(term.term_en): term.key for term in glossary}
        )
        translated = linked_terms(getattr(lesson, f"body_html_{language}"), forms)
        lost = english - translated - BROKEN_PLURALS.get(language, set())
        if lost:
            missing[lesson.slug] = sorted(lost)
    assert not missing, f"{language}: bold terms that open no definition: {missing}"
