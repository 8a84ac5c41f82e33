"""Who owns content: the pack seeds it, the database is the source of truth after that.

loadcontent writes only pack-owned rows, never removes or reverts what was made in the admin,
and reports (without applying) a pack change to a field edited in the admin, unless --force.
"""

import shutil
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from learning.catalogs import catalog_path
from learning.models import Lesson, Origin
from learning.packs import read_pack
from quizzes.models import AcceptedAnswer, Choice, Question, Quiz, QuizQuestion
from tests.factories import AcceptedAnswerFactory, QuestionFactory, QuizFactory
from tests.learning.helpers import edit_file, run_loadcontent

QUIZ_FILE = Path("quizzes") / "nerve-roots-quiz.yaml"
PROMPT = "prompt: Which three nerve roots does the lesson name as serving the foot?"


def test_the_pack_owns_what_it_loads_and_remembers_what_it_loaded(loaded_factsheet):
    question = Question.objects.get(key="foot-nerve-roots")
    assert question.origin == Origin.PACK
    assert question.pack_values["prompt_en"] == question.prompt_en
    assert AcceptedAnswer.objects.filter(origin=Origin.ADMIN).count() == 0
    assert Lesson.objects.exclude(origin=Origin.PACK).count() == 0


def test_a_quiz_made_in_the_admin_survives_loadcontent(loaded_factsheet):
    """Acceptance 7: before, loadcontent unpublished every quiz the pack did not hold."""
    own = QuestionFactory(kind="text")
    AcceptedAnswerFactory(question=own, synonyms="piriformis")
    quiz = QuizFactory(slug="instructors-own-quiz", questions=[own])
    assert quiz.origin == Origin.ADMIN, "rows made outside the loader are the admin's"
    output = run_loadcontent()
    quiz.refresh_from_db()
    assert quiz.published, "an admin-made quiz was unpublished by loadcontent"
    assert list(quiz.entries.values_list("question_id", flat=True)) == [own.pk]
    assert own.answers.count() == 1, "an admin-made answer was deleted"
    assert "No changes" in output.stdout, output.stdout


def test_a_synonym_added_in_the_admin_survives_loadcontent(loaded_factsheet):
    """Acceptance 7: before, loadcontent rewrote synonyms to the pack's list."""
    answer = AcceptedAnswer.objects.get(question__key="foot-nerve-roots", key="l5")
    answer.synonyms_en += "\nfifth lumbar root"
    answer.save()
    output = run_loadcontent()
    answer.refresh_from_db()
    assert answer.synonyms_en.endswith("fifth lumbar root"), "the admin's synonym was reverted"
    assert "conflict" not in output.stdout, "the pack did not change it: nothing to report"


def test_an_answer_and_a_choice_added_in_the_admin_to_a_pack_question_survive(loaded_factsheet):
    question = Question.objects.get(key="foot-nerve-roots")
    added = AcceptedAnswer.objects.create(question=question, key="l3", synonyms_en="L3")
    single = Question.objects.get(key="usual-theory-of-back-and-foot-pain")
    choice = Choice.objects.create(question=single, key="extra", text_en="Too much walking")
    run_loadcontent()
    assert AcceptedAnswer.objects.filter(pk=added.pk).exists()
    assert Choice.objects.filter(pk=choice.pk).exists()


def test_a_question_added_to_a_pack_quiz_in_the_admin_stays_in_its_pool(loaded_factsheet):
    quiz = Quiz.objects.get(slug="nerve-roots-quiz")
    own = QuestionFactory(kind="true_false", true_false_answer=True)
    QuizQuestion.objects.create(quiz=quiz, question=own, position=99)
    run_loadcontent()
    assert quiz.entries.filter(question=own).exists(), "loadcontent reset the quiz's pool"


def test_a_pack_change_to_an_admin_edited_field_is_reported_not_applied(
    loaded_factsheet, pack_copy
):
    """Acceptance 7, second half."""
    question = Question.objects.get(key="foot-nerve-roots")
    question.prompt_en = "Which nerve roots serve the foot? (edited by an instructor)"
    question.save()
    edit_file(pack_copy / QUIZ_FILE, PROMPT, "prompt: Which roots serve the foot (pack edit)?")
    output = run_loadcontent("--pack", str(pack_copy))
    question.refresh_from_db()
    assert question.prompt_en.endswith("(edited by an instructor)"), "the admin's edit was lost"
    assert "conflict: question foot-nerve-roots prompt_en" in output.stdout, output.stdout
    assert "--force" in output.stdout

    forced = run_loadcontent("--pack", str(pack_copy), "--force")
    question.refresh_from_db()
    assert question.prompt_en == "Which roots serve the foot (pack edit)?"
    assert "conflict" not in forced.stdout
    again = run_loadcontent("--pack", str(pack_copy))
    assert "No changes" in again.stdout and "conflict" not in again.stdout, again.stdout


def test_a_pack_change_to_a_field_nobody_edited_is_applied(loaded_factsheet, pack_copy):
    edit_file(pack_copy / QUIZ_FILE, PROMPT, "prompt: Which roots serve the foot (pack edit)?")
    output = run_loadcontent("--pack", str(pack_copy))
    assert Question.objects.get(key="foot-nerve-roots").prompt_en.endswith("(pack edit)?")
    assert "conflict" not in output.stdout


def test_an_admin_edit_the_pack_later_agrees_with_is_no_conflict(loaded_factsheet, pack_copy):
    question = Question.objects.get(key="foot-nerve-roots")
    question.prompt_en = "Which roots serve the foot (pack edit)?"
    question.save()
    edit_file(pack_copy / QUIZ_FILE, PROMPT, "prompt: Which roots serve the foot (pack edit)?")
    output = run_loadcontent("--pack", str(pack_copy))
    assert "conflict" not in output.stdout
    question.refresh_from_db()
    assert question.pack_values["prompt_en"] == "Which roots serve the foot (pack edit)?"


def test_a_quiz_dropped_from_the_pack_is_unpublished_but_not_the_admins(
    loaded_factsheet, pack_copy
):
    (pack_copy / "quizzes" / "symptoms-quiz.yaml").unlink()
    own = QuizFactory(slug="instructors-own-quiz", questions=[QuestionFactory()])
    output = run_loadcontent("--pack", str(pack_copy))
    assert not Quiz.objects.get(slug="symptoms-quiz").published, output.stdout
    own.refresh_from_db()
    assert own.published


def test_an_admin_made_row_with_a_pack_key_is_reported_not_overwritten(loaded_factsheet):
    """A quiz made in the admin before the pack held one with its key: the admin's stays."""
    quiz = Quiz.objects.get(slug="nerve-roots-quiz")
    Quiz.objects.filter(pk=quiz.pk).update(origin=Origin.ADMIN, title_en="Instructor's title")
    output = run_loadcontent()
    quiz.refresh_from_db()
    assert quiz.title_en == "Instructor's title"
    assert "conflict: quiz nerve-roots-quiz: made in the admin" in output.stdout, output.stdout


def test_an_admin_made_row_holding_the_packs_values_is_adopted(loaded_factsheet):
    """An exported pack loaded back: the pack takes the rows over, nothing to report."""
    Quiz.objects.filter(slug="nerve-roots-quiz").update(origin=Origin.ADMIN, pack_values={})
    output = run_loadcontent()
    assert Quiz.objects.get(slug="nerve-roots-quiz").origin == Origin.PACK
    assert "conflict" not in output.stdout, output.stdout


# --- translations loaded from content.po -----------------------------------------------------


@pytest.fixture
def locale_dir(tmp_path):
    target = tmp_path / "locale"
    shutil.copytree(Path(settings.LOCALE_PATHS[0]), target, ignore=shutil.ignore_patterns("*.mo"))
    return target


def load_with_translations(locale: Path) -> str:
    out = StringIO()
    call_command("loadcontent", "--locale", str(locale), stdout=out)
    return out.getvalue()


def test_a_translation_edited_in_the_admin_survives_loadcontent(loaded_factsheet, locale_dir):
    """An accepted Spanish synonym lives in synonyms_es, which content.po also fills: a deploy
    must not revert it."""
    load_with_translations(locale_dir)
    answer = AcceptedAnswer.objects.get(question__key="foot-nerve-roots", key="l5")
    answer.synonyms_es = (answer.synonyms_es or "") + "\nquinta raíz lumbar"
    answer.save()
    output = load_with_translations(locale_dir)
    answer.refresh_from_db()
    assert answer.synonyms_es.endswith("quinta raíz lumbar"), "content.po reverted the admin"
    assert "conflict" not in output

    path = catalog_path(locale_dir, "es")
    catalog = polib.pofile(str(path), wrapwidth=0)
    catalog.find("answer:foot-nerve-roots.l5:synonyms", by="msgctxt").msgstr = "L5\nraíz L5"
    catalog.save(str(path))
    output = load_with_translations(locale_dir)
    answer.refresh_from_db()
    assert answer.synonyms_es.endswith("quinta raíz lumbar")
    assert "conflict: answer foot-nerve-roots.l5 synonyms_es" in output, output


# --- exportcontent --pack --------------------------------------------------------------------


def test_admin_made_content_can_be_written_out_as_a_pack(loaded_factsheet, tmp_path):
    """exportcontent --pack writes the database as a valid pack, admin-made content included;
    loaded back, the pack adopts the admin's rows with nothing to report."""
    lesson = Lesson.objects.get(slug="nerve-roots")
    own = QuestionFactory(
        key="which-level-is-lowest", kind="text", lesson=lesson, prompt="Lowest of L4, L5, S1?"
    )
    AcceptedAnswerFactory(question=own, key="s1", synonyms="S1\nS1 root")
    QuizFactory(slug="instructors-own-quiz", title="Own quiz", questions=[own])
    answer = AcceptedAnswer.objects.get(question__key="foot-nerve-roots", key="l5")
    answer.synonyms_en += "\nfifth lumbar root"
    answer.save()

    folder = tmp_path / "exported"
    call_command("exportcontent", "--pack", str(folder), stdout=StringIO())
    pack = read_pack(folder)
    by_key = {quiz.key: quiz for quiz in pack.extensions["quizzes"]}
    assert [q.key for q in by_key["instructors-own-quiz"].questions] == ["which-level-is-lowest"]
    roots = next(q for q in by_key["nerve-roots-quiz"].questions if q.key == "foot-nerve-roots")
    assert "fifth lumbar root" in next(a for a in roots.answers if a.key == "l5").synonyms
    assert "final-review" in by_key and not by_key["final-review"].questions, (
        "the review quiz should include the topical quizzes' questions by key"
    )

    output = run_loadcontent("--pack", str(folder))
    assert "conflict" not in output.stdout, output.stdout
    assert Quiz.objects.get(slug="instructors-own-quiz").origin == Origin.PACK
    assert Question.objects.get(key="which-level-is-lowest").origin == Origin.PACK
