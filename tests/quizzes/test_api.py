"""The quiz API: a learner's walk from lesson to graded result (English and Spanish), answer
keys kept secret until submission, other learners' attempts out of reach, safe replays,
throttles, error shapes and a fixed number of queries per request."""

import io
import json
import uuid
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.throttles import SubmitRateThrottle
from quizzes import errors
from quizzes.models import AcceptedAnswer, Attempt, Choice, Kind, Question, Quiz, QuizQuestion
from quizzes.models import Response as QuizResponse
from tests.api import assert_error, save, shaped_answer, start, submit
from tests.factories import (
    AcceptedAnswerFactory,
    ChoiceFactory,
    LessonFactory,
    QuestionFactory,
    QuizFactory,
)
from tests.quizzes.answers import right_answer

GRADED_KEYS = {
    "question",
    "answer",
    "correct",
    "points",
    "max_points",
    "feedback",
    "explanation",
    "lesson",
}
FEEDBACK_KEYS = {"right", "missing", "wrong", "typos"}
# Between them these quizzes ask every kind of question (nerve roots: all but match).
WALK_QUIZZES = ["nerve-roots-quiz", "one-patients-account-quiz"]
LANGUAGES = [
    # (language, request headers, query string)
    pytest.param("en", {}, "", id="english"),
    pytest.param("es", {"HTTP_ACCEPT_LANGUAGE": "es"}, "", id="spanish-accept-language"),
    pytest.param("es", {}, "?lang=es", id="spanish-lang-parameter"),
]


def queries_of(request) -> tuple[int, object]:
    """Run `request()` on an empty cache; return how many SQL queries it ran, and its answer."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = request()
    return len(captured), response


# --- the walk-through ---------------------------------------------------------------------------


def spanish_content() -> dict[str, str]:
    """Load the Spanish content catalog, if it loads, and return its translated strings by
    msgctxt ({} when it does not load: then every field must fall back to English)."""
    path = Path(settings.LOCALE_PATHS[0]) / "es" / "LC_MESSAGES" / "content.po"
    try:
        call_command("loadcontent", stdout=io.StringIO(), stderr=io.StringIO())
    except CommandError:
        return {}
    catalog = polib.pofile(str(path))
    return {
        entry.msgctxt: entry.msgstr
        for entry in catalog
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


@pytest.mark.parametrize("quiz_slug", WALK_QUIZZES)
@pytest.mark.parametrize(("language", "headers", "query"), LANGUAGES)
def test_learner_reads_the_lesson_takes_the_quiz_and_sees_the_graded_result(
    learner_client, course, quiz_slug, language, headers, query
):
    catalog = spanish_content() if language == "es" else {}

    def expect(context: str, english: str) -> str:
        """What a field should read in the request's language."""
        return catalog.get(context) or english

    def call(method, path, body=None):
        response = getattr(learner_client, method)(f"{path}{query}", body, format="json", **headers)
        assert response["Content-Language"] == language, (
            f"{method} {path}: Content-Language {response['Content-Language']!r}"
        )
        assert "Accept-Language" in response["Vary"], f"{method} {path}: no Vary on language"
        return response

    quiz = Quiz.objects.select_related("lesson").get(slug=quiz_slug)
    lesson = quiz.lesson
    questions = Question.objects.in_bulk(quiz.questions.values_list("pk", flat=True))

    lessons = call("get", "/api/v1/lessons/")
    assert lessons.status_code == 200, lessons.content
    listed = {item["slug"]: item for item in lessons.json()["results"]}
    assert listed[lesson.slug]["title"] == expect(f"lesson:{lesson.slug}:title", lesson.title_en)

    detail = call("get", f"/api/v1/lessons/{lesson.slug}/").json()
    assert detail["title"] == expect(f"lesson:{lesson.slug}:title", lesson.title_en)
    assert detail["body_html"].strip(), "the lesson has no body"

    served = call("get", f"/api/v1/quizzes/{quiz_slug}/").json()
    assert served["title"] == expect(f"quiz:{quiz_slug}:title", quiz.title_en)

    created = call("post", "/api/v1/attempts/", {"quiz": quiz_slug, "client_id": str(uuid.uuid4())})
    assert created.status_code == 201, created.content
    attempt = created.json()
    assert {q["kind"] for q in attempt["questions"]} == {q.kind for q in questions.values()}, (
        "the attempt does not ask every kind of question of its quiz"
    )
    for question in attempt["questions"]:
        key = questions[question["id"]].key
        assert question["prompt"] == expect(
            f"question:{key}:prompt", questions[question["id"]].prompt_en
        ), f"prompt of {key} in the wrong language"
        answer = right_answer(questions[question["id"]])
        saved = call(
            "put",
            f"/api/v1/attempts/{attempt['id']}/responses/{question['id']}/",
            {"answer": answer},
        )
        assert saved.status_code == 200, f"{key}: {saved.content}"
        assert saved.json() == {"question": question["id"], "answer": answer}, saved.json()

    submitted = call("post", f"/api/v1/attempts/{attempt['id']}/submit/", {})
    assert submitted.status_code == 200, submitted.content
    result = call("get", f"/api/v1/attempts/{attempt['id']}/").json()
    assert result == submitted.json(), "reading the attempt differs from the submit's answer"

    total = sum(question.points for question in questions.values())
    assert result["submitted_at"], "the attempt is not marked submitted"
    assert (result["score"], result["max_score"], result["passed"]) == (total, total, True)
    assert [r["question"] for r in result["responses"]] == [q["id"] for q in attempt["questions"]]
    for response in result["responses"]:
        question = questions[response["question"]]
        assert GRADED_KEYS <= set(response), f"{question.key}: {sorted(response)}"
        assert response["correct"] is True, f"{question.key} graded wrong: {response['feedback']}"
        assert response["points"] == response["max_points"] == question.points, response
        assert FEEDBACK_KEYS <= set(response["feedback"]), response["feedback"]
        assert all(isinstance(response["feedback"][k], list) for k in FEEDBACK_KEYS)
        assert response["explanation"] == expect(
            f"question:{question.key}:explanation", question.explanation_en
        ), f"explanation of {question.key} in the wrong language"
        assert response["lesson"] == question.lesson.slug, response["lesson"]

    refused = call(
        "put",
        f"/api/v1/attempts/{attempt['id']}/responses/{attempt['questions'][0]['id']}/",
        {"answer": right_answer(questions[attempt["questions"][0]["id"]])},
    )
    body = assert_error(refused, 409, "already_submitted")
    with translation.override(language):
        assert body["message"] == str(errors.ALREADY_SUBMITTED), "message not in its language"


def test_a_forgiven_typo_is_shown_with_its_right_spelling(learner_client, course):
    attempt = start(learner_client, "nerve-roots-quiz").json()
    text = next(q for q in attempt["questions"] if q["kind"] == "text")
    result = submit(
        learner_client,
        attempt["id"],
        {"responses": [{"question": text["id"], "answer": {"text": "lumbagp"}}]},
    ).json()
    graded = next(r for r in result["responses"] if r["question"] == text["id"])
    assert graded["correct"] is True, graded["feedback"]
    assert graded["feedback"]["typos"] == [{"given": "lumbagp", "expected": "lumbago"}]


def test_unanswered_questions_appear_in_the_result_with_no_points(learner_client, course):
    attempt = start(learner_client, "nerve-roots-quiz").json()
    result = submit(learner_client, attempt["id"]).json()
    assert len(result["responses"]) == len(attempt["questions"]), "a question is missing"
    assert all(r["answer"] is None and r["points"] == 0 for r in result["responses"]), result
    assert result["score"] == 0 and result["passed"] is False, result


def test_the_submitted_body_wins_over_saved_responses(learner_client, course):
    attempt = start(learner_client, "nerve-roots-quiz").json()
    single = next(q for q in attempt["questions"] if q["kind"] == "single")
    right = right_answer(Question.objects.get(pk=single["id"]))
    wrong = next(c["id"] for c in single["choices"] if c["id"] != right["choice"])
    save(learner_client, attempt["id"], single["id"], {"choice": wrong})
    result = submit(
        learner_client, attempt["id"], {"responses": [{"question": single["id"], "answer": right}]}
    ).json()
    graded = next(r for r in result["responses"] if r["question"] == single["id"])
    assert graded["answer"] == right and graded["correct"] is True, graded


def test_an_answer_taken_back_is_unanswered_again(learner_client, course):
    """Clearing an answer in the app saves null: the older saved answer is not graded."""
    attempt = start(learner_client, "nerve-roots-quiz").json()
    single = next(q for q in attempt["questions"] if q["kind"] == "single")
    right = right_answer(Question.objects.get(pk=single["id"]))
    save(learner_client, attempt["id"], single["id"], right)
    cleared = save(learner_client, attempt["id"], single["id"], None)
    assert cleared.status_code == 200, cleared.content
    body = learner_client.get(f"/api/v1/attempts/{attempt['id']}/").json()
    assert body["responses"] == [], "a taken-back answer is no saved answer"
    result = submit(learner_client, attempt["id"]).json()
    graded = next(r for r in result["responses"] if r["question"] == single["id"])
    assert (graded["answer"], graded["points"]) == (None, 0), graded


# --- secrecy ------------------------------------------------------------------------------------

FORBIDDEN_WORDS = ("correct", "explanation", "position", "pair", "synonyms")
FORBIDDEN_KEYS = {
    "correct",
    "is_correct",
    "explanation",
    "position",
    "pair",
    "synonyms",
    "answers",
    "accepted_answers",
    "number_answer",
    "tolerance",
    "true_false_answer",
    "feedback",
    "points_awarded",
    "max_points",
}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def json_keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in json_keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in json_keys(item)}
    return set()


def translations(obj, field: str) -> list[str]:
    return [text for code in LANGUAGE_CODES if (text := getattr(obj, f"{field}_{code}", ""))]


def quiz_secrets(quiz: Quiz) -> tuple[list[str], list[str]]:
    """What a learner must not see before submitting, and the texts they are shown.

    Secrets: every synonym (4+ characters, every language) not also found in the quiz's own
    title, description, prompts or choices, and every explanation."""
    pool = list(quiz.questions.all())
    shown = translations(quiz, "title") + translations(quiz, "description")
    for question in pool:
        shown += translations(question, "prompt")
    for choice in Choice.objects.filter(question__in=pool):
        shown += translations(choice, "text")
    shown_folded = " ".join(shown).casefold()
    secrets = [text for question in pool for text in translations(question, "explanation")]
    for answer in AcceptedAnswer.objects.filter(question__in=pool):
        for synonyms in translations(answer, "synonyms"):
            secrets += [
                synonym.strip()
                for synonym in synonyms.splitlines()
                if len(synonym.strip()) >= 4 and synonym.strip().casefold() not in shown_folded
            ]
    return secrets, shown


def leaks(raw: str, secrets: list[str], shown: list[str]) -> list[str]:
    """Secrets (and tell-tale words) in a raw JSON body once the shown texts are taken out."""
    rest = raw
    for text in sorted(shown, key=len, reverse=True):
        rest = rest.replace(json.dumps(text, ensure_ascii=False)[1:-1], " ")
    rest = rest.casefold()
    found = [word for word in FORBIDDEN_WORDS if word in rest]
    return found + [secret for secret in secrets if secret.casefold() in rest]


def order_and_match_giveaways(questions: list[dict]) -> list[str]:
    """Order questions served already in order; match sides served so that the n-th items
    pair up, or whose ids pair up by arithmetic (right id - left id the same for every pair)."""
    found = []
    choices = Choice.objects.in_bulk(
        [
            c["id"]
            for q in questions
            for c in q.get("choices", []) + q.get("left", []) + q.get("right", [])
        ]
    )
    for question in questions:
        if question["kind"] == "order":
            positions = [choices[c["id"]].position for c in question["choices"]]
            if positions == sorted(positions):
                found.append(f"order question {question['id']} served in order")
        if question["kind"] == "match":
            left = [choices[c["id"]] for c in question["left"]]
            right = [choices[c["id"]] for c in question["right"]]
            if [c.pair for c in left] == [c.pair for c in right]:
                found.append(f"match question {question['id']} served side by side")
            by_pair = {c.pair: c.pk for c in right}
            if len({by_pair[c.pair] - c.pk for c in left}) == 1:
                found.append(f"match question {question['id']} pairs up by id arithmetic")
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_nothing_served_before_submission_gives_an_answer_away(
    learner_client, learner, course, language
):
    """For every published quiz: its detail, a new attempt and that attempt read back."""
    if language != "en":
        spanish_content()
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    problems = []
    quizzes = list(Quiz.published_objects.order_by("slug"))
    assert len(quizzes) >= 9, "the bank is not loaded"
    for quiz in quizzes:
        secrets, shown = quiz_secrets(quiz)
        created = start(learner_client, quiz.slug, **headers)
        assert created.status_code == 201, f"{quiz.slug}: {created.content}"
        read = learner_client.get(f"/api/v1/attempts/{created.json()['id']}/", **headers)
        for name, response in [
            ("quiz detail", learner_client.get(f"/api/v1/quizzes/{quiz.slug}/", **headers)),
            ("new attempt", created),
            ("attempt read", read),
        ]:
            assert response.status_code in (200, 201), f"{quiz.slug} {name}: {response.content}"
            body = response.json()
            where = f"{quiz.slug} {name}"
            problems += [
                f"{where}: {found!r}" for found in leaks(response.content.decode(), secrets, shown)
            ]
            problems += [f"{where}: key {key!r}" for key in json_keys(body) & FORBIDDEN_KEYS]
            problems += [
                f"{where}: {found}" for found in order_and_match_giveaways(body["questions"])
            ]
            if name != "quiz detail":
                graded = (body["score"], body["max_score"], body["passed"], body["responses"])
                if graded != (None, None, None, []):
                    problems.append(f"{where}: graded before submission {graded}")
    assert not problems, "answer keys reach the learner:\n" + "\n".join(problems)


def test_saved_responses_carry_only_what_the_learner_saved(learner_client, course):
    attempt = start(learner_client, "nerve-roots-quiz").json()
    question = attempt["questions"][0]
    save(learner_client, attempt["id"], question["id"], shaped_answer(question))
    body = learner_client.get(f"/api/v1/attempts/{attempt['id']}/").json()
    assert body["responses"] == [{"question": question["id"], "answer": shaped_answer(question)}]
    assert (body["score"], body["max_score"], body["passed"]) == (None, None, None), body


# --- authorization ------------------------------------------------------------------------------

SOMEONE_ELSES = [
    pytest.param(lambda c, a, q: c.get(f"/api/v1/attempts/{a}/"), id="read"),
    pytest.param(lambda c, a, q: save(c, a, q, {"value": True}), id="save"),
    pytest.param(lambda c, a, q: submit(c, a), id="submit"),
]


@pytest.mark.parametrize("action", SOMEONE_ELSES)
def test_another_learners_attempt_is_not_found(
    learner_client, other_learner_client, course, action
):
    attempt = start(learner_client, "nerve-roots-quiz").json()
    question = attempt["questions"][0]["id"]
    theirs = assert_error(action(other_learner_client, attempt["id"], question), 404)
    missing = assert_error(action(other_learner_client, 10**9, question), 404)
    assert theirs == missing, "someone else's attempt answers unlike a missing one"
    assert not QuizResponse.objects.filter(attempt_id=attempt["id"]).exists(), "it changed"
    assert Attempt.objects.get(pk=attempt["id"]).submitted_at is None, "it was submitted"


def test_the_attempt_list_shows_only_the_learners_own(learner_client, other_learner_client, course):
    mine = start(learner_client, "nerve-roots-quiz").json()["id"]
    start(other_learner_client, "nerve-roots-quiz")
    listed = learner_client.get("/api/v1/attempts/").json()["results"]
    assert [attempt["id"] for attempt in listed] == [mine], listed


ANONYMOUS_WRITES = [
    pytest.param(lambda c: start(c, "nerve-roots-quiz"), id="create"),
    pytest.param(lambda c: c.get("/api/v1/attempts/"), id="list"),
    pytest.param(lambda c: c.get("/api/v1/attempts/1/"), id="read"),
    pytest.param(lambda c: save(c, 1, 1, {"value": True}), id="save"),
    pytest.param(lambda c: submit(c, 1), id="submit"),
]


@pytest.mark.parametrize("action", ANONYMOUS_WRITES)
def test_anonymous_users_cannot_touch_attempts(api_client, course, action):
    assert_error(action(api_client), 401, "not_authenticated")
    assert not Attempt.objects.exists(), "an anonymous request created an attempt"


# --- replay -------------------------------------------------------------------------------------


def test_the_same_create_three_times_makes_one_attempt(learner_client, learner, course):
    client_id = str(uuid.uuid4())
    responses = [start(learner_client, "nerve-roots-quiz", client_id) for _ in range(3)]
    assert [r.status_code for r in responses] == [201, 200, 200], [r.content for r in responses]
    assert responses[0].json() == responses[1].json() == responses[2].json(), "replays differ"
    assert Attempt.objects.filter(learner=learner).count() == 1, "a replay made an attempt"


def test_the_same_client_id_for_another_quiz_conflicts(learner_client, course):
    client_id = str(uuid.uuid4())
    start(learner_client, "nerve-roots-quiz", client_id)
    assert_error(start(learner_client, "symptoms-quiz", client_id), 409)


def test_a_client_id_is_per_learner(learner_client, other_learner_client, course):
    client_id = str(uuid.uuid4())
    mine = start(learner_client, "nerve-roots-quiz", client_id)
    theirs = start(other_learner_client, "nerve-roots-quiz", client_id)
    assert (mine.status_code, theirs.status_code) == (201, 201), theirs.content
    assert mine.json()["id"] != theirs.json()["id"], "two learners share an attempt"


def response_rows(attempt_id: int) -> list[dict]:
    return list(QuizResponse.objects.filter(attempt_id=attempt_id).order_by("pk").values())


def test_the_same_submit_three_times_grades_once_and_answers_alike(learner_client, course):
    attempt = start(learner_client, "nerve-roots-quiz").json()
    questions = Question.objects.in_bulk([q["id"] for q in attempt["questions"]])
    body = {
        "responses": [{"question": pk, "answer": right_answer(q)} for pk, q in questions.items()]
    }
    first = submit(learner_client, attempt["id"], body)
    assert first.status_code == 200, first.content
    graded = Attempt.objects.get(pk=attempt["id"])
    rows = response_rows(attempt["id"])

    replays = [
        submit(learner_client, attempt["id"], body),
        submit(learner_client, attempt["id"], {"responses": []}),
        submit(
            learner_client,
            attempt["id"],
            {
                "responses": [
                    {"question": q["id"], "answer": shaped_answer(q)} for q in attempt["questions"]
                ]
            },
        ),
        submit(learner_client, attempt["id"], {"responses": "not a list"}),
    ]
    for replay in replays:
        assert replay.status_code == 200, replay.content
        assert replay.json() == first.json(), "a replay answered differently"
    again = Attempt.objects.get(pk=attempt["id"])
    assert (again.submitted_at, again.score) == (graded.submitted_at, graded.score), "regraded"
    assert response_rows(attempt["id"]) == rows, "a replay changed the responses"


# --- refusals -----------------------------------------------------------------------------------

BAD_STARTS = [
    pytest.param(
        {"quiz": "no-such-quiz", "client_id": str(uuid.uuid4())}, "quiz", id="unknown-quiz"
    ),
    pytest.param({"quiz": "nerve-roots-quiz", "client_id": "nope"}, "client_id", id="bad-uuid"),
    pytest.param({"quiz": "nerve-roots-quiz"}, "client_id", id="no-client-id"),
    pytest.param({"client_id": str(uuid.uuid4())}, "quiz", id="no-quiz"),
    pytest.param({"quiz": "nerve-roots-quiz", "client_id": 7}, "client_id", id="number-uuid"),
    pytest.param(
        {"quiz": ["nerve-roots-quiz"], "client_id": str(uuid.uuid4())}, "quiz", id="list-slug"
    ),
]


@pytest.mark.parametrize(("body", "field"), BAD_STARTS)
def test_a_bad_start_is_refused_naming_the_field(learner_client, course, body, field):
    response = learner_client.post("/api/v1/attempts/", body, format="json")
    assert field in assert_error(response, 400, "invalid")["details"], response.json()
    assert not Attempt.objects.exists(), "a refused start created an attempt"


def test_an_unpublished_quiz_cannot_be_read_or_started(learner_client, course):
    Quiz.objects.filter(slug="symptoms-quiz").update(published=False)
    assert_error(learner_client.get("/api/v1/quizzes/symptoms-quiz/"), 404, "not_found")
    assert_error(start(learner_client, "symptoms-quiz"), 400)


BAD_ANSWERS = [
    pytest.param("single", {"choices": [1]}, id="wrong-shape"),
    pytest.param("single", {"choice": 10**9}, id="unknown-choice"),
    pytest.param("single", "B", id="not-an-object"),
    pytest.param("set", {"items": ["x" * 501]}, id="item-over-500-characters"),
    pytest.param("set", {"items": ["L4"] * 51}, id="over-50-items"),
    pytest.param("number", {"value": "three"}, id="number-as-text"),
    pytest.param("true_false", {"value": "yes"}, id="boolean-as-text"),
]


@pytest.mark.parametrize(("kind", "answer"), BAD_ANSWERS)
def test_a_badly_shaped_answer_is_refused_and_nothing_is_saved(
    learner_client, course, kind, answer
):
    attempt = start(learner_client, "nerve-roots-quiz").json()
    question = next(q for q in attempt["questions"] if q["kind"] == kind)
    assert_error(save(learner_client, attempt["id"], question["id"], answer), 400)
    refused = submit(
        learner_client,
        attempt["id"],
        {
            "responses": [
                {"question": q["id"], "answer": right_answer(Question.objects.get(pk=q["id"]))}
                for q in attempt["questions"]
                if q["id"] != question["id"]
            ]
            + [{"question": question["id"], "answer": answer}]
        },
    )
    assert_error(refused, 400)
    assert not QuizResponse.objects.filter(attempt_id=attempt["id"]).exists(), "a refusal wrote"
    assert Attempt.objects.get(pk=attempt["id"]).submitted_at is None, "a refused submit closed it"


def test_answering_a_question_outside_the_attempt_is_not_found(learner_client, course):
    attempt = start(learner_client, "nerve-roots-quiz").json()
    outside = Question.objects.exclude(pk__in=[q["id"] for q in attempt["questions"]]).first()
    assert_error(save(learner_client, attempt["id"], outside.pk, {"value": True}), 404)


# --- throttling ---------------------------------------------------------------------------------


def test_attempt_writes_are_throttled_per_user_not_per_address(
    learner_client, other_learner_client, course, monkeypatch
):
    monkeypatch.setattr(SubmitRateThrottle, "rate", "2/min", raising=False)
    cache.clear()
    same_address = {"REMOTE_ADDR": "10.1.2.3"}
    attempt = start(learner_client, "nerve-roots-quiz", **same_address).json()
    assert submit(learner_client, attempt["id"], **same_address).status_code == 200
    throttled = start(learner_client, "nerve-roots-quiz", **same_address)
    assert_error(throttled, 429, "throttled")
    assert int(throttled["Retry-After"]) > 0, "a 429 without Retry-After"
    theirs = start(other_learner_client, "nerve-roots-quiz", **same_address)
    assert theirs.status_code == 201, "one learner's writes throttled another at that address"
    assert submit(other_learner_client, theirs.json()["id"], **same_address).status_code == 200


def test_reading_attempts_does_not_spend_the_write_budget(learner_client, course, monkeypatch):
    monkeypatch.setattr(SubmitRateThrottle, "rate", "2/min", raising=False)
    cache.clear()
    for _ in range(3):
        assert learner_client.get("/api/v1/attempts/").status_code == 200
    attempt = start(learner_client, "nerve-roots-quiz")
    assert attempt.status_code == 201, "reads were counted as writes"
    assert learner_client.get(f"/api/v1/attempts/{attempt.json()['id']}/").status_code == 200
    assert submit(learner_client, attempt.json()["id"]).status_code == 200


# --- query budgets ------------------------------------------------------------------------------


def add_questions(quiz: Quiz, lesson, *, per_kind: int, items: int) -> None:
    """`per_kind` questions of every kind, each with `items` choices, pairs or answers."""
    position = QuizQuestion.objects.filter(quiz=quiz).count()
    for kind in Kind.values:
        for _ in range(per_kind):
            question = QuestionFactory(
                kind=kind,
                lesson=lesson,
                true_false_answer=True if kind == Kind.TRUE_FALSE else None,
                number_answer=3 if kind == Kind.NUMBER else None,
            )
            for n in range(items):
                if kind in (Kind.SINGLE, Kind.MULTIPLE):
                    ChoiceFactory(question=question, correct=n == 0)
                elif kind == Kind.ORDER:
                    ChoiceFactory(question=question, position=n + 1)
                elif kind == Kind.MATCH:
                    ChoiceFactory(question=question, side="left", pair=f"pair-{n}")
                    ChoiceFactory(question=question, side="right", pair=f"pair-{n}")
                elif kind in (Kind.TEXT, Kind.SET):
                    AcceptedAnswerFactory(question=question)
            position += 1
            QuizQuestion.objects.create(quiz=quiz, question=question, position=position)


def measure(client, quiz: Quiz) -> dict[str, int]:
    """Queries of each quiz request, each on an empty cache."""
    counts = {}
    counts["quiz detail"], response = queries_of(
        lambda: client.get(f"/api/v1/quizzes/{quiz.slug}/")
    )
    assert response.status_code == 200, response.content
    counts["attempt create"], created = queries_of(lambda: start(client, quiz.slug))
    assert created.status_code == 201, created.content
    attempt = created.json()
    counts["attempt detail"], response = queries_of(
        lambda: client.get(f"/api/v1/attempts/{attempt['id']}/")
    )
    assert response.status_code == 200, response.content
    question = attempt["questions"][0]
    counts["response save"], response = queries_of(
        lambda: save(client, attempt["id"], question["id"], shaped_answer(question))
    )
    assert response.status_code == 200, response.content
    body = {
        "responses": [
            {"question": q["id"], "answer": shaped_answer(q)} for q in attempt["questions"]
        ]
    }
    counts["submit"], response = queries_of(lambda: submit(client, attempt["id"], body))
    assert response.status_code == 200, response.content
    counts["graded attempt detail"], response = queries_of(
        lambda: client.get(f"/api/v1/attempts/{attempt['id']}/")
    )
    assert response.status_code == 200, response.content
    counts["quiz list"], response = queries_of(lambda: client.get("/api/v1/quizzes/"))
    assert response.status_code == 200, response.content
    return counts


def test_quiz_and_attempt_requests_run_the_same_queries_with_five_times_the_data(
    learner_client, db
):
    lesson = LessonFactory()
    quiz = QuizFactory(slug="budget")
    add_questions(quiz, lesson, per_kind=1, items=3)
    base = measure(learner_client, quiz)

    add_questions(quiz, lesson, per_kind=4, items=15)
    QuizFactory.create_batch(4)
    bigger = measure(learner_client, quiz)
    assert bigger == base, f"queries grew with 5x the questions and choices: {base} -> {bigger}"


@pytest.mark.parametrize("path", ["/api/v1/quizzes/", "/api/v1/quizzes/nerve-roots-quiz/"])
def test_quiz_reads_from_the_cache_and_304s_run_at_most_two_queries(api_client, course, path):
    cache.clear()
    first = api_client.get(path)
    with CaptureQueriesContext(connection) as cached:
        assert api_client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as conditional:
        assert api_client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert len(cached) <= 2, f"{path}: the cached read ran {len(cached)} queries"
    assert len(conditional) <= 2, f"{path}: the 304 ran {len(conditional)} queries"


def test_editing_a_question_refreshes_the_cached_quiz(api_client, course):
    before = api_client.get("/api/v1/quizzes/nerve-roots-quiz/")
    question = Quiz.objects.get(slug="nerve-roots-quiz").questions.first()
    question.prompt = "An edited prompt?"
    question.save()
    after = api_client.get("/api/v1/quizzes/nerve-roots-quiz/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200, "the quiz still answers 304 after a question changed"
    assert "An edited prompt?" in after.content.decode(), "the cache served the old prompt"


def test_unknown_or_malformed_attempt_ids_answer_the_json_404(learner_client, course):
    assert_error(learner_client.get("/api/v1/attempts/999999999/"), 404, "not_found")
    assert_error(learner_client.get("/api/v1/attempts/abc/"), 404, "not_found")
    assert_error(submit(learner_client, "abc"), 404, "not_found")
