"""Loading the pack looks its rows up a kind at a time: reloading an unchanged pack takes as
many queries with twice the questions as with the pack as it is."""

import pytest
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import Question
from tests.learning.helpers import run_loadcontent


def reload_queries(pack) -> int:
    run_loadcontent("--pack", str(pack))
    with CaptureQueriesContext(connection) as queries:
        run_loadcontent("--pack", str(pack))
    return len(queries)


def double_the_questions(pack) -> int:
    """Every quiz gets a copy of each of its own questions under a new key."""
    added = 0
    for path in sorted((pack / "quizzes").glob("*.yaml")):
        quiz = yaml.safe_load(path.read_text(encoding="utf-8"))
        copies = [{**question, "key": f"{question['key']}-again"} for question in quiz["questions"]]
        quiz["questions"] += copies
        added += len(copies)
        path.write_text(yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return added


@pytest.mark.django_db
def test_reloading_an_unchanged_pack_takes_the_same_queries_with_twice_the_questions(pack_copy):
    as_it_is = reload_queries(pack_copy)
    questions = Question.objects.count()

    added = double_the_questions(pack_copy)
    doubled = reload_queries(pack_copy)

    assert added >= 50 and Question.objects.count() == questions + added
    assert doubled == as_it_is, (
        f"{as_it_is} queries with {questions} questions, {doubled} with {questions + added}"
    )
    assert as_it_is <= 40, f"an unchanged pack took {as_it_is} queries to reload"
