"""Results for instructors (issue 15, acceptance 2, 4 and 6): facility, discrimination and
common wrong answers match values computed by hand on a small data set, per language too; a
results page of 2,000 attempts runs the same few queries as one of 20; the CSV starts with a
BOM and keeps Arabic and accented names."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes import services
from quizzes.models import Attempt, Kind
from quizzes.models import Response as QuizResponse
from quizzes.results import (
    ALL_LANGUAGES,
    group_size,
    results_fetch,
    score_distribution,
)
from tests.factories import (
    AcceptedAnswerFactory,
    CohortFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
)
from tests.quizzes.conftest import signed_in

# (learner, language, answer to the text question, items of the set question)
FIRST_ATTEMPTS = [
    ("e1", "en", "piriformis", ["L4, L5, S1"]),  # 1 + 3 = 4 of 4
    ("e2", "en", "piriformis", ["L4, L5"]),  # 1 + 2 = 3
    ("e3", "en", "sciatic", ["L4", "L5", "S1"]),  # 0 + 3 = 3
    ("e4", "en", "Sciatic!", ["L4"]),  # 0 + 1 = 1
    ("s1", "es", "glúteo", ["L4 y L5 y S1"]),  # 0 + 3 = 3
    ("s2", "es", "Glúteo", ["L5, S1, L3"]),  # 0 + 3 × 2 ÷ max(3, 2 + 1) = 2
]


@pytest.fixture
def data(db):
    text = QuestionFactory(key="which-muscle", kind=Kind.TEXT, prompt="Which muscle is it?")
    AcceptedAnswerFactory(question=text, key="piriformis", synonyms="piriformis")
    roots = QuestionFactory(key="foot-roots", kind=Kind.SET, points=3, needed=3, prompt="Roots?")
    for level in ("L4", "L5", "S1"):
        AcceptedAnswerFactory(question=roots, key=level.lower(), synonyms=level)
    quiz = QuizFactory(questions=[text, roots])
    learners = {}
    for name, language, typed, items in FIRST_ATTEMPTS:
        learners[name] = UserFactory(username=name)
        take(learners[name], quiz, language, {text.pk: {"text": typed}, roots.pk: {"items": items}})
    # A second attempt counts in the CSV but not in the figures (first attempts only).
    take(learners["e4"], quiz, "en", {text.pk: {"text": "piriformis"}})
    return quiz, text, roots, learners


def take(learner, quiz, language, answers: dict) -> Attempt:
    attempt, _ = services.attempt_start(
        learner=learner, quiz=quiz, client_id=uuid.uuid4(), language=language
    )
    body = [{"question": pk, "answer": answer} for pk, answer in answers.items()]
    return services.attempt_submit(learner=learner, attempt_id=attempt.pk, answers=body)


def by_language(results):
    return {group.language: group for group in results.by_language}


def figures(group, question) -> tuple:
    stats = next(s for s in group.questions if s.question.id == question.pk)
    return stats.facility, stats.discrimination


def test_the_data_set_scores_as_computed_by_hand(data):
    quiz, *_ = data
    firsts = [
        a.score for a in Attempt.objects.filter(quiz=quiz).order_by("pk")[: len(FIRST_ATTEMPTS)]
    ]
    assert firsts == [4, 3, 3, 1, 3, 2]


def test_facility_and_discrimination_match_hand_computed_values(data):
    """All six learners: top and bottom groups of round(0.27 × 6) = 2 (e1, e2 | s2, e4).
    English: groups of 1 (e1 | e4). Spanish: groups of 1 (s1 | s2)."""
    quiz, text, roots, _ = data
    groups = by_language(results_fetch(quiz=quiz, attempts=Attempt.objects.all()))
    assert set(groups) == {ALL_LANGUAGES, "en", "es"}
    expected = {
        ALL_LANGUAGES: {
            text: (2 / 6, 1.0),
            roots: (14 / 18, (1 + 2 / 3) / 2 - (2 / 3 + 1 / 3) / 2),
        },
        "en": {text: (2 / 4, 1.0), roots: (3 / 4, 1 - 1 / 3)},
        "es": {text: (0.0, 0.0), roots: ((1 + 2 / 3) / 2, 1 - 2 / 3)},
    }
    for language, questions in expected.items():
        for question, (facility, discrimination) in questions.items():
            got = figures(groups[language], question)
            assert got == pytest.approx((facility, discrimination)), (language, question.key)
    assert [g.learners for g in groups.values()] == [6, 4, 2], "first attempts only"


def test_common_wrong_answers_are_normalized_and_counted_per_language(data):
    quiz, text, roots, _ = data
    groups = by_language(results_fetch(quiz=quiz, attempts=Attempt.objects.all()))

    def wrong(language, question):
        return [
            (w.normalized, w.shown, w.count) for w in groups[language].wrong_answers[question.pk]
        ]

    assert wrong("en", text) == [("sciatic", "sciatic", 2)], "“Sciatic!” is “sciatic”"
    assert wrong("es", text) == [("gluteo", "glúteo", 2)]
    assert wrong("es", roots) == [("l3", "L3", 1)]
    assert wrong("en", roots) == [], "missing items are not wrong answers"
    assert [w[0] for w in wrong(ALL_LANGUAGES, text)] == ["gluteo", "sciatic"]


def test_score_distribution_per_language(data):
    quiz, *_ = data
    groups = by_language(results_fetch(quiz=quiz, attempts=Attempt.objects.all()))
    assert groups[ALL_LANGUAGES].distribution == (0, 0, 1, 0, 0, 1, 0, 3, 0, 1)
    assert groups["es"].distribution == (0, 0, 0, 0, 0, 1, 0, 1, 0, 0)
    assert groups["en"].pass_rate == pytest.approx(3 / 4), "pass mark 70 %: all but e4"


@pytest.mark.parametrize(
    "count, size", [(0, 0), (1, 0), (2, 1), (4, 1), (6, 2), (10, 3), (100, 27)]
)
def test_groups_are_27_percent_rounded(count, size):
    assert group_size(count) == size


def test_full_marks_fall_in_the_last_bin():
    assert score_distribution([0.0, 0.1, 0.3, 0.7, 0.99, 1.0]) == (1, 1, 0, 1, 0, 0, 0, 1, 0, 2)


def test_the_results_page_shows_the_figures_and_a_server_made_chart(data, instructor):
    quiz, _text, _roots, learners = data
    CohortFactory(learners=list(learners.values()), instructors=[instructor])
    page = signed_in(instructor).get(f"/en/admin/quizzes/quiz/{quiz.pk}/results/")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('<svg class="score-histogram"') == 3, "one chart per language and all"
    assert "“glúteo” × 2" in html and "“sciatic” × 2" in html
    assert "Accept as a synonym and regrade" in html
    assert "<script" not in html.split('id="content"')[1], "no script on the results page"


def test_the_results_csv_has_a_bom_and_keeps_arabic_and_accented_names(data, instructor):
    """Acceptance 6."""
    quiz, _text, _roots, learners = data
    learners["e1"].first_name, learners["e1"].last_name = "أميرة", "حداد"
    learners["e1"].save()
    learners["s1"].first_name, learners["s1"].last_name = "José", "Núñez"
    learners["s1"].save()
    CohortFactory(name="Grupo ñandú", learners=list(learners.values()), instructors=[instructor])
    response = signed_in(instructor).get(f"/en/admin/quizzes/quiz/{quiz.pk}/results.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark"
    text = content.decode("utf-8")
    assert "أميرة حداد" in text and "José Núñez" in text and "Grupo ñandú" in text
    lines = text.splitlines()
    assert lines[0].endswith("which-muscle,foot-roots"), lines[0]
    assert len(lines) == 1 + len(FIRST_ATTEMPTS) + 1, "every submitted attempt, one per row"


# --- 2,000 attempts --------------------------------------------------------------------------


def bulk_attempts(quiz, questions, learners, count: int) -> None:
    """`count` submitted attempts with graded responses, written in bulk."""
    now = timezone.now()
    attempts = Attempt.objects.bulk_create(
        Attempt(
            learner=learners[n % len(learners)],
            quiz=quiz,
            client_id=uuid.uuid4(),
            language=("en", "es", "fr", "ar")[n % 4],
            question_ids=[q.pk for q in questions],
            started_at=now,
            submitted_at=now,
            score=n % 5,
            max_score=4,
            passed=n % 5 >= 3,
        )
        for n in range(count)
    )
    QuizResponse.objects.bulk_create(
        QuizResponse(
            attempt=attempt,
            question=question,
            answer={"text": f"wrong {n % 7}"} if question.kind == Kind.TEXT else {"items": ["L4"]},
            points=float(n % 2) * question.points,
            max_points=question.points,
            correct=bool(n % 2),
            feedback={"wrong": [f"wrong {n % 7}"]} if not n % 2 else {},
        )
        for n, attempt in enumerate(attempts)
        for question in questions
    )


def page_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_a_results_page_of_2000_attempts_runs_a_bounded_number_of_queries(data, instructor):
    """Acceptance 4: the same queries for 20 attempts as for 2,000, and few of them."""
    quiz, text, roots, learners = data
    many = UserFactory.create_batch(40)
    CohortFactory(learners=[*learners.values(), *many], instructors=[instructor])
    client = signed_in(instructor)
    url = f"/en/admin/quizzes/quiz/{quiz.pk}/results/"
    bulk_attempts(quiz, [text, roots], many, 20)
    small = page_queries(client, url)
    bulk_attempts(quiz, [text, roots], many, 2000 - 20)
    assert Attempt.objects.filter(quiz=quiz).count() >= 2000
    large = page_queries(client, url)
    assert large == small, f"queries grow with attempts: {small} for 20, {large} for 2,000"
    assert large <= 15, f"{large} queries for one results page"
    csv_queries = page_queries(client, f"/en/admin/quizzes/quiz/{quiz.pk}/results.csv")
    assert csv_queries <= 15
