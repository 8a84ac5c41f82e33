"""The question bank of the factsheet pack, loaded by loadcontent; broken quiz files refused."""

import io
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

from learning.management.commands.loadcontent import DEFAULT_PACK
from learning.models import Lesson, Section
from quizzes import grading
from quizzes.grading.lexicon import term_words
from quizzes.models import AcceptedAnswer, Choice, Kind, Question, Quiz, QuizQuestion
from quizzes.selectors import answer_key, grading_lexicon, questions_by_id
from tests.db import module_transaction
from tests.learning.helpers import (
    content_snapshot,
    edit_file,
    run_loadcontent,
    run_refused_loadcontent,
)
from tests.quizzes import keys as test_keys

QUIZZES = Path("quizzes")


@pytest.fixture(scope="module")
def bank_loaded_once(django_db_setup, django_db_blocker):
    """The real pack loaded once for this module, in a transaction rolled back at its end
    (each test still runs in its own savepoint inside it)."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            output = run_loadcontent()
        yield output


@pytest.fixture
def bank(bank_loaded_once, db):
    return bank_loaded_once


# --- what the bank holds -------------------------------------------------------------------


def test_bank_has_at_least_40_questions(bank):
    assert Question.objects.count() >= 40


def test_bank_uses_every_kind(bank):
    kinds = set(Question.objects.values_list("kind", flat=True))
    assert kinds == set(Kind.values), f"missing kinds: {set(Kind.values) - kinds}"


def test_bank_covers_every_factsheet_section(bank):
    sections = set(Question.objects.values_list("source", flat=True))
    assert sections == set(Section.values), f"uncovered: {set(Section.values) - sections}"


def slugs_in_explanation(text: str, slugs: list[str], *, english: bool) -> list[str]:
    """The lesson slugs (and `(lesson:` suffixes) an explanation spells out. A one-word slug
    ("symptoms") is an ordinary English word, so in English only a cited one counts."""
    found = ["(lesson:"] if "(lesson:" in text.casefold() else []
    for slug in slugs:
        if english and "-" not in slug:
            pattern = rf"\([^()]*:\s*{re.escape(slug)}\s*\)"
        else:
            pattern = rf"(?<![\w-]){re.escape(slug)}(?![\w-])"
        if re.search(pattern, text, re.IGNORECASE):
            found.append(slug)
    return found


def test_every_question_explains_and_cites_its_lesson(bank):
    """The lesson is cited by the question's `lesson` field (the app links its translated
    title); no explanation, in any language, spells out a raw slug."""
    call_command("loadcontent", stdout=io.StringIO(), stderr=io.StringIO())
    slugs = list(Lesson.objects.values_list("slug", flat=True))
    languages = [code for code, _name in settings.LANGUAGES]
    for question in Question.objects.select_related("lesson"):
        assert question.lesson is not None, f"{question.key} cites no lesson"
        for language in languages:
            explanation = getattr(question, f"explanation_{language}") or ""
            assert explanation.strip(), f"{question.key} has no {language} explanation"
            found = slugs_in_explanation(explanation, slugs, english=language == "en")
            assert not found, f"{question.key}'s {language} explanation spells out {found}"


def test_every_lesson_has_a_quiz(bank):
    without = Lesson.objects.filter(quizzes__isnull=True).values_list("slug", flat=True)
    assert not list(without), f"lessons without a quiz: {list(without)}"


def test_final_review_draws_from_the_whole_bank(bank):
    final = Quiz.objects.get(slug="final-review")
    pool = set(final.entries.values_list("question_id", flat=True))
    assert pool == set(Question.objects.values_list("pk", flat=True))
    assert (final.draw_count, final.published) == (15, True)


def test_choice_and_match_questions_are_well_formed(bank):
    for question in Question.objects.prefetch_related("choices"):
        choices = list(question.choices.all())
        correct = sum(choice.correct for choice in choices)
        if question.kind == Kind.SINGLE:
            assert correct == 1, question.key
        elif question.kind == Kind.MULTIPLE:
            assert correct >= 1, question.key
        elif question.kind == Kind.ORDER:
            positions = sorted(choice.position for choice in choices)
            assert positions == list(range(1, len(choices) + 1)), question.key
        elif question.kind == Kind.MATCH:
            lefts = [c for c in choices if c.side == "left"]
            assert len(lefts) >= 2 and len(lefts) * 2 == len(choices), question.key


def synonyms(question: Question) -> dict[str, list[str]]:
    return {answer.key: answer.synonym_list for answer in question.answers.all()}


def test_nerve_roots_question_names_l4_l5_s1(bank):
    question = Question.objects.get(key="foot-nerve-roots")
    assert (question.kind, question.needed) == (Kind.SET, 3)
    assert question.prompt == "Which three nerve roots does the lesson name as serving the foot?"
    items = synonyms(question)
    assert list(items) == ["l4", "l5", "s1"]
    assert [spellings[0] for spellings in items.values()] == ["L4", "L5", "S1"]


def test_local_foot_conditions_question_names_the_four_with_synonyms(bank):
    question = Question.objects.get(key="local-foot-conditions")
    assert (question.kind, question.needed) == (Kind.SET, 4)
    assert question.prompt.startswith("Name the four local foot conditions that the factsheet")
    items = synonyms(question)
    assert set(items) == {"heel-spur", "tendonitis", "plantar-fasciitis", "metatarsalgia"}
    assert {"heel spurs", "heel spur"} <= set(items["heel-spur"])
    assert {"tendonitis", "tendinitis"} <= set(items["tendonitis"])
    assert "plantar fasciitis" in items["plantar-fasciitis"]
    assert "metatarsalgia" in items["metatarsalgia"]


REQUIRED_ANSWERS = [
    ("foot-nerve-roots", "L4, L5, S1", True),
    ("foot-nerve-roots", "s1 l5 l4", True),
    ("foot-nerve-roots", "L4/5 and S1", True),
    ("foot-nerve-roots", "L4-S1", True),
    ("foot-nerve-roots", "L4–S1", True),
    ("foot-nerve-roots", "l 4, L-5, s1", True),
    ("foot-nerve-roots", "L4 L5 S1", True),
    ("foot-nerve-roots", "L4, L5 and S1 nerve roots", True),
    ("foot-nerve-roots", "L3, L4, L5", False),
    ("foot-nerve-roots", "L4, L5, S2", False),
    ("local-foot-conditions", "plantar fascitis, heel spur, tendinitis, metatarsalgia", True),
    ("local-foot-conditions", "heel spurs, tendonitis, plantar fasciitis and metatarsalgia", True),
    ("local-foot-conditions", "heel spurs, heel spurs, heel spurs, heel spurs", False),
    (
        "local-foot-conditions",
        "heel spurs, tendonitis, plantar fasciitis, metatarsalgia, neuropathy, sciatica",
        False,
    ),
]


@pytest.mark.parametrize(("key", "answer", "correct"), REQUIRED_ANSWERS)
def test_real_keys_grade_the_required_answers(bank, key, answer, correct):
    """The same answers as the pure table, through the key the selector builds from the DB
    (its filler words and synonym order included)."""
    question = Question.objects.get(key=key)
    question_key = answer_key(
        questions_by_id([question.pk], graded=True)[question.pk], "en", grading_lexicon("en")
    )
    grade = grading.grade(question_key, grading.validate_answer(question_key, {"items": [answer]}))
    assert grade.correct is correct, grade.feedback.as_dict()


def test_heel_spurs_four_times_score_one_item_on_the_real_key(bank):
    question = questions_by_id([Question.objects.get(key="local-foot-conditions").pk], graded=True)
    key = answer_key(next(iter(question.values())), "en", grading_lexicon("en"))
    grade = grading.grade(key, {"items": ["heel spurs, heel spurs, heel spurs, heel spurs"]})
    assert (grade.points, grade.max_points) == (1, 4)


def test_loading_twice_changes_nothing(bank):
    before = bank_snapshot()
    output = run_loadcontent()
    assert "No changes" in output.stdout, output.stdout
    assert bank_snapshot() == before


# --- the bank in the shipped languages -----------------------------------------------------

LANGUAGES = ("es", "fr", "ar")
AND_WORD = {"es": " y ", "fr": " et ", "ar": " و "}


NATIVE_ANSWERS = {
    ("foot-nerve-roots", "es"): ["L4, L5 y S1", "raíces nerviosas L4, L5 y S1"],
    ("foot-nerve-roots", "fr"): ["L4, L5 et S1", "racines L4, L5 et S1"],
    ("foot-nerve-roots", "ar"): ["L4 و L5 و S1", "L4، L5 وS1"],
    ("local-foot-conditions", "es"): [
        "espolón calcáneo, tendinitis, fascitis plantar y metatarsalgia",
        "espolones del talón, tendinitis, fascitis plantar e metatarsalgia",
    ],
    ("local-foot-conditions", "fr"): [
        "épine calcanéenne, tendinite, fasciite plantaire et métatarsalgie",
        "une épine calcanéenne, une tendinite, une fasciite plantaire et une métatarsalgie",
    ],
    ("local-foot-conditions", "ar"): [
        "مهماز العقب، التهاب الوتر، التهاب اللفافة الأخمصية و ألم مشط القدم",
        "شوكة العقب، التهاب الأوتار، التهاب اللفافة الأخمصية وألم مقدمة القدم",
    ],
}


def untranslated_catalogs() -> str | None:
    """Why the native-language test cannot run yet (None when every content.po is complete)."""
    locale = Path(settings.LOCALE_PATHS[0])
    for language in LANGUAGES:
        path = locale / language / "LC_MESSAGES" / "content.po"
        if not path.exists():
            return f"{path} does not exist yet"
        catalog = polib.pofile(str(path))
        entries = [entry for entry in catalog if not entry.obsolete]
        missing = [entry for entry in entries if not entry.translated()]
        if missing:
            return (
                f"locale/{language}/LC_MESSAGES/content.po is not fully translated yet "
                f"({len(missing)} of {len(entries)} entries untranslated or fuzzy)"
            )
    return None


UNTRANSLATED = untranslated_catalogs()


@pytest.mark.skipif(UNTRANSLATED is not None, reason=str(UNTRANSLATED))
@pytest.mark.parametrize("language", LANGUAGES)
def test_native_answers_to_the_set_questions_are_correct(bank, language):
    """With content.po loaded, both set questions accept answers typed in the learner's own
    language, graded through the key the selector builds."""
    call_command("loadcontent", stdout=io.StringIO(), stderr=io.StringIO())
    for key in ("foot-nerve-roots", "local-foot-conditions"):
        question = Question.objects.get(key=key)
        question = questions_by_id([question.pk], graded=True)[question.pk]
        question_key = answer_key(question, language, grading_lexicon(language))
        answers = list(question.answers.all())
        native = [answer.synonyms_in(language) for answer in answers]
        assert all(native), f"{key}: an item has no {language} synonyms"
        if key == "local-foot-conditions":
            english = {s for answer in answers for s in answer.synonyms_in("en")}
            assert any(s not in english for spellings in native for s in spellings), (
                f"the {language} synonyms of {key} repeat the English ones"
            )
        firsts = [spellings[0] for spellings in native]
        typed = [
            [", ".join(firsts[:-1]) + AND_WORD[language] + firsts[-1]],
            [spellings[-1] for spellings in reversed(native)],
            *([text] for text in NATIVE_ANSWERS[key, language]),
        ]
        for items in typed:
            answer = grading.validate_answer(question_key, {"items": items})
            grade = grading.grade(question_key, answer)
            assert grade.correct, (key, language, items, grade.feedback.as_dict())
            assert sorted(grade.feedback.right) == sorted(firsts), (
                f"{key}: feedback does not speak {language}"
            )


@pytest.mark.skipif(UNTRANSLATED is not None, reason=str(UNTRANSLATED))
@pytest.mark.parametrize("language", ["en", *LANGUAGES])
def test_the_selector_and_the_test_tables_build_the_same_keys(bank, language):
    """The grading tables run on keys built from the pack and content.po (tests/quizzes/keys.py);
    learners are graded on keys built from the rows. Both see the same lexicon, wrong answers
    and categories."""
    call_command("loadcontent", stdout=io.StringIO(), stderr=io.StringIO())
    known = grading_lexicon(language)
    assert known.categories == test_keys.lexicon(language).categories, "the lexicons differ"
    assert known.groups == test_keys.lexicon(language).groups, "the lexicons' groups differ"
    for question in Question.objects.filter(kind__in=[Kind.TEXT, Kind.SET]):
        loaded = questions_by_id([question.pk], graded=True)[question.pk]
        served = answer_key(loaded, language, known)
        tested = test_keys.KEYS[question.key, language]
        assert served.category == tested.category, question.key
        assert served.wrong_answers == tested.wrong_answers, question.key
        assert served.answers == tested.answers, question.key
        assert served.filler == tested.filler, question.key


def test_no_wrong_answer_is_also_an_accepted_answer_in_any_language():
    """A known wrong answer matched before the key would refuse a right answer."""
    for name in test_keys.bank():
        for language in ("en", *LANGUAGES):
            key = test_keys.KEYS[name, language]
            accepted = {term_words(s, language) for a in key.answers for s in a.synonyms}
            clashes = [
                spelling
                for wrong in key.wrong_answers
                for spelling in wrong.spellings
                if term_words(spelling, language) in accepted
            ]
            assert not clashes, f"{name} ({language}): also accepted: {clashes}"


# --- broken quiz files ---------------------------------------------------------------------


def bank_snapshot() -> dict[str, list[tuple]]:
    """Every quiz row (with updated_at where there is one): equal means nothing was written."""
    return {
        **content_snapshot(),
        "quizzes": list(
            Quiz.objects.order_by("slug").values_list(
                "slug", "title_en", "draw_count", "published", "updated_at"
            )
        ),
        "questions": list(
            Question.objects.order_by("key").values_list(
                "key", "kind", "prompt_en", "needed", "points", "updated_at"
            )
        ),
        "choices": list(
            Choice.objects.order_by("question__key", "key").values_list(
                "question__key", "key", "text_en", "correct", "position"
            )
        ),
        "answers": list(
            AcceptedAnswer.objects.order_by("question__key", "key").values_list(
                "question__key", "key", "synonyms_en"
            )
        ),
        "entries": list(
            QuizQuestion.objects.order_by("quiz__slug", "position").values_list(
                "quiz__slug", "question__key", "position"
            )
        ),
    }


def edit_yaml(path: Path, change: Callable[[dict], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def question_in(data: dict, key: str) -> dict:
    return next(question for question in data["questions"] if question["key"] == key)


def unknown_kind(pack: Path) -> None:
    edit_file(pack / QUIZZES / "nerve-roots-quiz.yaml", "kind: set", "kind: essay")


def single_with_two_correct_choices(pack: Path) -> None:
    edit_file(
        pack / QUIZZES / "nerve-roots-quiz.yaml",
        "text: Tight calf muscles pulling on the heel bone\n        correct: false",
        "text: Tight calf muscles pulling on the heel bone\n        correct: true",
    )


def match_with_one_pair(pack: Path) -> None:
    def keep_one_pair(data):
        question = question_in(data, "disc-and-stenosis-match")
        question["pairs"] = question["pairs"][:1]

    edit_yaml(pack / QUIZZES / "disc-herniation-and-stenosis-quiz.yaml", keep_one_pair)


def set_needing_more_than_its_items(pack: Path) -> None:
    edit_file(pack / QUIZZES / "nerve-roots-quiz.yaml", "needed: 3", "needed: 4")


def question_key_in_two_files(pack: Path) -> None:
    roots = yaml.safe_load((pack / QUIZZES / "nerve-roots-quiz.yaml").read_text())
    copy = question_in(roots, "foot-nerve-roots")
    edit_yaml(
        pack / QUIZZES / "coincidental-causes-quiz.yaml",
        lambda data: data["questions"].append(copy),
    )


def include_of_unknown_key(pack: Path) -> None:
    edit_file(pack / QUIZZES / "final-review.yaml", 'include: "*"', "include: [no-such-question]")


def draw_more_than_the_pool(pack: Path) -> None:
    edit_file(pack / QUIZZES / "nerve-roots-quiz.yaml", "draw: null", "draw: 8")


def wrong_answer_also_accepted(pack: Path) -> None:
    edit_file(
        pack / QUIZZES / "coincidental-causes-quiz.yaml",
        "spellings: [urologist, urologists]",
        "spellings: [urologist, neurologist]",
    )


def unknown_category(pack: Path) -> None:
    edit_file(pack / QUIZZES / "nerve-roots-quiz.yaml", "category: level", "category: bones")


def wrong_answer_of_an_unknown_language(pack: Path) -> None:
    edit_file(pack / QUIZZES / "coincidental-causes-quiz.yaml", "language: es", "language: pt")


def lexicon_term_without_spellings(pack: Path) -> None:
    edit_file(pack / "lexicon.yaml", "spellings: [gout]", "spellings: []")


@dataclass(frozen=True)
class Breakage:
    break_pack: Callable[[Path], None]
    file: str  # the file the problem is reported against
    problem: str  # a part of the message


BREAKAGES = {
    "unknown-kind": Breakage(unknown_kind, "nerve-roots-quiz.yaml", "unknown kind 'essay'"),
    "single-with-two-correct-choices": Breakage(
        single_with_two_correct_choices,
        "nerve-roots-quiz.yaml",
        "exactly one correct choice (has 2)",
    ),
    "match-with-one-pair": Breakage(
        match_with_one_pair,
        "disc-herniation-and-stenosis-quiz.yaml",
        "a match question needs at least two pairs",
    ),
    "set-needing-more-than-its-items": Breakage(
        set_needing_more_than_its_items,
        "nerve-roots-quiz.yaml",
        "'needed' is more than the items of the set",
    ),
    "question-key-in-two-files": Breakage(
        question_key_in_two_files,
        "nerve-roots-quiz.yaml",
        "question key also used in coincidental-causes-quiz.yaml",
    ),
    "include-of-unknown-key": Breakage(
        include_of_unknown_key, "final-review.yaml", "includes unknown question 'no-such-question'"
    ),
    "draw-more-than-the-pool": Breakage(
        draw_more_than_the_pool, "nerve-roots-quiz.yaml", "draws 8 of only 7 questions"
    ),
    "wrong-answer-also-accepted": Breakage(
        wrong_answer_also_accepted,
        "coincidental-causes-quiz.yaml",
        "wrong answer also accepted: neurologist",
    ),
    "unknown-category": Breakage(unknown_category, "nerve-roots-quiz.yaml", "unknown category"),
    "wrong-answer-of-an-unknown-language": Breakage(
        wrong_answer_of_an_unknown_language, "coincidental-causes-quiz.yaml", "unknown language"
    ),
    "lexicon-term-without-spellings": Breakage(
        lexicon_term_without_spellings, "../lexicon.yaml", "needs at least one spelling"
    ),
}


def make_valid_edit(pack: Path) -> None:
    """A change a loader that wrote before validating would save."""
    edit_file(
        pack / QUIZZES / "symptoms-quiz.yaml",
        "Besides pain, name three symptoms",
        "Besides pain, name three (edited) symptoms",
    )


@pytest.fixture
def pack_copy(tmp_path) -> Path:
    copy = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK, copy)
    make_valid_edit(copy)
    return copy


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_broken_quiz_file_is_refused_naming_file_and_problem(bank, pack_copy, breakage):
    breakage.break_pack(pack_copy)
    before = bank_snapshot()
    error, output = run_refused_loadcontent("--pack", str(pack_copy))
    assert "nothing was written" in str(error)
    path = os.path.normpath(pack_copy / QUIZZES / breakage.file)
    lines = [line for line in output.stderr.splitlines() if path in line]
    assert any(breakage.problem in line for line in lines), (
        f"stderr does not report {breakage.file}: {breakage.problem!r}:\n{output.stderr}"
    )
    assert bank_snapshot() == before, "a refused pack still changed the database"


def test_valid_edit_of_the_broken_pack_tests_would_be_written(bank, pack_copy):
    """Guards the test above: without a breakage, its copy's edit does reach the database."""
    before = bank_snapshot()
    run_loadcontent("--pack", str(pack_copy))
    assert bank_snapshot() != before
    assert "(edited)" in Question.objects.get(key="leg-and-foot-symptom-trio").prompt


def test_changing_a_quiz_pool_or_a_choice_gives_the_quiz_a_new_version(bank, tmp_path):
    """Cached quiz reads are keyed by versions: rows hanging off a quiz must move them."""
    copy = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK, copy)
    quiz = Quiz.objects.get(slug="nerve-roots-quiz")
    question = Question.objects.get(key="usual-theory-of-back-and-foot-pain")
    quiz_file = copy / QUIZZES / "nerve-roots-quiz.yaml"
    text = quiz_file.read_text()
    quiz_file.write_text(
        text.replace("include: []", "include: [muscle-that-squeezes-sciatic-nerve]")
    )
    choice = question.choices.order_by("pk").first()
    quiz_file.write_text(
        quiz_file.read_text().replace(choice.text_en, choice.text_en + " (edited)")
    )
    output = run_loadcontent("--pack", str(copy))
    assert "quiz: 0 created, 1 updated" in output.stdout, output.stdout
    assert Quiz.objects.get(pk=quiz.pk).updated_at > quiz.updated_at, "the pool changed"
    assert Question.objects.get(pk=question.pk).updated_at > question.updated_at, "a choice changed"
