"""The question bank as the write paths read it: every question with its answer key, kept per
process and checked against the content's version with one query per request.

Starting, saving and submitting an attempt need the questions with their choices, accepted and
known wrong answers and cited lesson, and grading needs the language's lexicon of known terms:
read from the database each time, that is five queries and hundreds of ORM objects per request
(most of a submit's cost). Here they are read once per content version, and the keys built from
them once per question and language. The version is the count and latest `updated_at` of every
table the keys are made of: a saved row moves its table's latest update, a deleted one its
count, so the next request anywhere reloads the bank. A save or delete in this process forgets
the bank at once; and a bank older than MAX_AGE is reloaded whatever the version says, which
bounds how long a change committed later than a newer one (its timestamp older than the
latest) could go unseen.

The questions are shared by the requests of a process: read them, never change them.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from django.db.models.signals import post_delete, post_save

from learning.models import GlossaryTerm, Lesson
from learning.selectors import versions
from quizzes import grading
from quizzes.models import AcceptedAnswer, Choice, LexiconTerm, Question, WrongAnswer
from quizzes.selectors import answer_key, grading_lexicon, question_bank, shape_key

# Every table an answer key, a lexicon or a graded response's question is read from.
TABLES = (Question, Choice, AcceptedAnswer, WrongAnswer, LexiconTerm, GlossaryTerm, Lesson)
MAX_AGE = 60.0


class Bank:
    """One version of the bank: questions by id ({id: Question}, as
    `selectors.questions_by_id(..., graded=True)` fetches them), and the keys and lexicons
    made from them on first use."""

    def __init__(self, version: str, questions: dict[int, Question]):
        self.version = version
        self.loaded_at = time.monotonic()
        self.questions = questions
        # Made on first use; two requests making the same one at once both get an equal one.
        self._made: dict[tuple, object] = {}

    def questions_of(self, ids: Iterable[int]) -> dict[int, Question]:
        """The questions among `ids` that exist (a deleted one is left out)."""
        return {pk: self.questions[pk] for pk in ids if pk in self.questions}

    def lexicon(self, language: str) -> grading.Lexicon:
        return self._once(("lexicon", language), lambda: grading_lexicon(language))

    def answer_key(self, question_id: int, language: str) -> grading.QuestionKey:
        """The key for grading an answer in `language` (known wrong answers and lexicon)."""
        return self._once(
            ("answer", question_id, language),
            lambda: answer_key(self.questions[question_id], language, self.lexicon(language)),
        )

    def shape_key(self, question_id: int, language: str) -> grading.QuestionKey:
        """The key for checking an answer's shape (no wrong answers, no lexicon)."""
        return self._once(
            ("shape", question_id, language),
            lambda: shape_key(self.questions[question_id], language),
        )

    def _once(self, name: tuple, make):
        found = self._made.get(name)
        if found is None:
            found = self._made[name] = make()
        return found


_current: Bank | None = None


def current() -> Bank:
    """The bank as the database holds it now: one query, plus a reload when it changed."""
    global _current
    version, _latest = versions(*TABLES)
    bank = _current
    if bank is None or bank.version != version or time.monotonic() - bank.loaded_at > MAX_AGE:
        bank = _current = Bank(version, question_bank())
    return bank


def forget(**kwargs) -> None:
    """Reload on next use (a row of the bank was saved or deleted in this process)."""
    global _current
    _current = None


def watch() -> None:
    """Forget the bank whenever a row of its tables is saved or deleted (QuizzesConfig.ready)."""
    for model in TABLES:
        uid = f"question-bank-{model._meta.label_lower}"
        post_save.connect(forget, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(forget, sender=model, dispatch_uid=f"{uid}-delete")
