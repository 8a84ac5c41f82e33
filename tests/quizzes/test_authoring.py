"""Writing questions in the admin: each kind's rules (the ones the content pack enforces), a
form that shows only its kind's fields, previews in every language, and a warning listing
what is still untranslated."""

import pytest

from learning.models import Section
from quizzes import authoring
from quizzes.authoring import AnswerDraft, ChoiceDraft
from quizzes.models import Kind, Question
from tests.factories import (
    AcceptedAnswerFactory,
    ChoiceFactory,
    QuestionFactory,
    QuizFactory,
)


def c(text="x", correct=False, position=0, side="", pair=""):
    return ChoiceDraft(text, correct, position, side, pair)


def pairs(*names):
    return [c(side=side, pair=name) for name in names for side in ("left", "right")]


CHOICE_CASES = [
    ("single, one right", Kind.SINGLE, [c(correct=True), c()], []),
    ("single, two right", Kind.SINGLE, [c(correct=True), c(correct=True)], ["exactly one"]),
    ("single, none right", Kind.SINGLE, [c(), c()], ["exactly one"]),
    ("single, one choice", Kind.SINGLE, [c(correct=True)], ["at least two choices"]),
    ("multiple, none right", Kind.MULTIPLE, [c(), c()], ["at least one correct"]),
    ("multiple, two right", Kind.MULTIPLE, [c(correct=True), c(correct=True), c()], []),
    ("order of one", Kind.ORDER, [c(position=1)], ["at least two items"]),
    ("order, places 1 and 2", Kind.ORDER, [c(position=2), c(position=1)], []),
    ("order, a place twice", Kind.ORDER, [c(position=1), c(position=1)], ["each once"]),
    ("match, two pairs", Kind.MATCH, pairs("a", "b"), []),
    (
        "match, a left too many",
        Kind.MATCH,
        [*pairs("a", "b"), c(side="left", pair="c")],
        ["as many right"],
    ),
    ("match, one pair", Kind.MATCH, pairs("a"), ["at least two pairs"]),
    (
        "match, names that do not meet",
        Kind.MATCH,
        [c(side="left", pair="a"), c(side="right", pair="z"), *pairs("b")],
        ["same pair name: a, z"],
    ),
    ("text takes no choices", Kind.TEXT, [], []),
]


@pytest.mark.parametrize(
    "kind, choices, problems", [pytest.param(*row[1:], id=row[0]) for row in CHOICE_CASES]
)
def test_choice_rules_per_kind(kind, choices, problems):
    found = authoring.choice_problems(kind, choices)
    assert len(found) == len(problems), found
    for message, expected in zip(found, problems, strict=True):
        assert expected in message, found


ANSWER_CASES = [
    ("text without answers", Kind.TEXT, [], None, ["accepted answer in English"]),
    ("text, an empty English", Kind.TEXT, [AnswerDraft(" \n ")], None, ["in English"]),
    ("text with one", Kind.TEXT, [AnswerDraft("piriformis")], None, []),
    ("set needs more than it has", Kind.SET, [AnswerDraft("L4")], 3, ["more than the items"]),
    ("set of three, needs 2", Kind.SET, [AnswerDraft(x) for x in ("L4", "L5", "S1")], 2, []),
]


@pytest.mark.parametrize(
    "kind, answers, needed, problems", [pytest.param(*row[1:], id=row[0]) for row in ANSWER_CASES]
)
def test_accepted_answer_rules_per_kind(kind, answers, needed, problems):
    found = authoring.answer_problems(kind, answers, needed)
    assert [any(p in m for m in found) for p in problems] == [True] * len(problems), found
    assert len(found) == len(problems), found


# --- the admin form --------------------------------------------------------------------------


@pytest.fixture
def client(instructor_client):
    return instructor_client


def management(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": 0,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def add_question(client, kind: str, *, choices=(), answers=(), **fields):
    data = {
        "key": f"new-{kind}",
        "source": Section.CAUSES,
        "points": 1,
        "prompt_en": "A new question?",
        "explanation_en": "Because.",
        **fields,
        **(management("choices", list(choices)) if kind in authoring.CHOICE_KINDS else {}),
        **(management("answers", list(answers)) if kind in authoring.ANSWER_KINDS else {}),
        **(management("wrong_answers", []) if kind in authoring.ANSWER_KINDS else {}),
    }
    return client.post(f"/en/admin/quizzes/question/add/?kind={kind}", data)


def test_a_short_answer_question_without_an_english_answer_is_refused(client):
    response = add_question(client, Kind.TEXT, answers=[])
    assert response.status_code == 200
    assert "needs an accepted answer in English" in response.content.decode()
    assert not Question.objects.filter(key="new-text").exists()
    saved = add_question(
        client, Kind.TEXT, answers=[{"key": "a", "synonyms_en": "piriformis", "position": 0}]
    )
    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert Question.objects.get(key="new-text").answers.count() == 1


def test_a_single_choice_question_needs_exactly_one_right_choice(client):
    two_right = [
        {"key": "a", "text_en": "A", "correct": "on", "position": 0},
        {"key": "b", "text_en": "B", "correct": "on", "position": 0},
    ]
    response = add_question(client, Kind.SINGLE, choices=two_right)
    assert "exactly one correct choice (it has 2)" in response.content.decode()
    assert not Question.objects.filter(key="new-single").exists()


def test_a_number_question_needs_its_answer(client):
    response = add_question(client, Kind.NUMBER, tolerance=0)
    assert "needs its answer" in response.content.decode()
    assert add_question(client, Kind.NUMBER, number_answer=3, tolerance=0).status_code == 302


def test_a_match_question_needs_as_many_right_as_left(client):
    lopsided = [
        {"key": "a-l", "text_en": "A", "side": "left", "pair": "a", "position": 0},
        {"key": "b-l", "text_en": "B", "side": "left", "pair": "b", "position": 0},
        {"key": "a-r", "text_en": "1", "side": "right", "pair": "a", "position": 0},
    ]
    response = add_question(client, Kind.MATCH, choices=lopsided)
    assert "as many right items as left ones (2 ≠ 1)" in response.content.decode()


def test_a_new_question_starts_by_choosing_its_kind(client):
    page = client.get("/en/admin/quizzes/question/add/").content.decode()
    assert "What kind of question?" in page and "?kind=set" in page


@pytest.mark.parametrize(
    "kind, shown, hidden",
    [
        (
            Kind.NUMBER,
            ["number_answer", "tolerance"],
            ["true_false_answer", "choices-TOTAL", "answers-TOTAL"],
        ),
        (
            Kind.SINGLE,
            ["choices-TOTAL", "choices-0-correct"],
            ["number_answer", "choices-0-side", "answers-TOTAL"],
        ),
        (Kind.MATCH, ["choices-0-side", "choices-0-pair"], ["choices-0-correct", "answers-TOTAL"]),
        (Kind.SET, ["needed", "answers-TOTAL"], ["choices-TOTAL", "number_answer"]),
        (Kind.TRUE_FALSE, ["true_false_answer"], ["choices-TOTAL", "answers-TOTAL", "needed"]),
    ],
)
def test_the_form_shows_only_the_fields_of_its_kind(client, kind, shown, hidden):
    page = client.get(f"/en/admin/quizzes/question/add/?kind={kind}").content.decode()
    for name in shown:
        assert f'name="{name}' in page, f"{kind}: {name} missing"
    for name in hidden:
        assert f'name="{name}' not in page, f"{kind}: {name} shown"


def test_the_change_form_previews_every_language_and_lists_what_is_untranslated(client):
    question = QuestionFactory(
        kind=Kind.SINGLE,
        prompt="Where is the piriformis?",
        prompt_es="¿Dónde está el piriforme?",
        explanation="Deep in the buttock.",
    )
    ChoiceFactory(question=question, key="buttock", text="Buttock", text_es="Glúteo", correct=True)
    ChoiceFactory(question=question, key="knee", text="Knee")
    page = client.get(f"/en/admin/quizzes/question/{question.pk}/change/").content.decode()
    assert page.count('class="question-preview"') == 4, "a preview per language"
    assert "¿Dónde está el piriforme?" in page and "Glúteo" in page
    missing = authoring.missing_translations(question)
    assert missing["es"] == ["explanation", "choice “knee”"]
    assert missing["fr"] == ["prompt", "explanation", "choice “buttock”", "choice “knee”"]
    assert "choice “knee”" in page


def test_the_whole_quiz_previews_in_any_language_before_publishing(client):
    first = QuestionFactory(kind=Kind.TEXT, prompt="Which muscle?", prompt_ar="أي عضلة؟")
    AcceptedAnswerFactory(question=first, synonyms="piriformis")
    second = QuestionFactory(kind=Kind.TRUE_FALSE, prompt="True?", true_false_answer=True)
    quiz = QuizFactory(questions=[first, second], published=False)
    page = client.get(f"/en/admin/quizzes/quiz/{quiz.pk}/preview/?lang=ar")
    assert page.status_code == 200
    html = page.content.decode()
    assert "أي عضلة؟" in html and 'lang="ar"' in html
    assert "True?" in html, "English shows where the translation is missing, as learners see it"
    assert "not published" in html
    assert "2 questions are not fully translated" in html
