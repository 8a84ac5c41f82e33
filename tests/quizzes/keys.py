"""Answer keys for the grader tests, read from the real content pack and its content.po files
(no database), composed by quizzes.keys exactly as the selector composes them from the rows:
accepted answers, known wrong answers, the question's category and the language's lexicon
(the bank's answers, choices and glossary terms, and lexicon.yaml).

So a grading test runs against the bank learners meet: change an accepted answer, a wrong
answer, a lexicon term, a prompt or a translation and the tests see it. Choices get stable ids
in pack order; write a choice answer with choice keys and resolve it with `choice_ids`. A few
synthetic keys (SYNTHETIC) test rules no question of the bank exercises; they say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import polib
from django.conf import settings

from learning.management.commands.loadcontent import DEFAULT_PACK
from learning.models import text_lines
from learning.packs import Pack, read_pack
from quizzes import grading, keys, real_words
from quizzes.content import QuestionSpec
from quizzes.grading import ChoiceKey, QuestionKey

LANGUAGES = ("en", "es", "fr", "ar")


@cache
def pack() -> Pack:
    return read_pack(DEFAULT_PACK)


@cache
def bank() -> dict[str, QuestionSpec]:
    """Every question of the pack by key."""
    return {
        question.key: question
        for quiz in pack().extensions["quizzes"]
        for question in quiz.questions
    }


@cache
def translations(language: str) -> dict[str, str]:
    """msgctxt -> translation of content.po (only finished, non-fuzzy entries)."""
    if language == keys.SOURCE_LANGUAGE:
        return {}
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "content.po"
    return {
        entry.msgctxt: entry.msgstr
        for entry in polib.pofile(str(path), wrapwidth=0)
        if entry.msgstr and not entry.fuzzy and not entry.obsolete
    }


@cache
def choice_numbers() -> dict[tuple[str, str], int]:
    """(question key, choice key) -> a stable id, unique across the bank."""
    pairs = [(q.key, c.key) for q in bank().values() for c in q.choices]
    return {pair: number for number, pair in enumerate(pairs, start=1)}


def choice_ids(question: str, *choice_keys: str) -> list[int]:
    return [choice_numbers()[question, key] for key in choice_keys]


def _translated(language: str, context: str, source: str) -> str:
    return translations(language).get(context) or source


def _spellings(language: str, context: str, english) -> dict[str, list[str]]:
    """{"en": the English spellings, language: their translation from content.po}."""
    spellings = {"en": list(english)}
    if language != keys.SOURCE_LANGUAGE:
        spellings[language] = text_lines(translations(language).get(context))
    return spellings


@cache
def lexicon(language: str) -> grading.Lexicon:
    """The known terms of `language`, as selectors.grading_lexicon loads them."""
    terms = []
    for question in bank().values():
        for answer in question.answers:
            context = f"answer:{question.key}.{answer.key}:synonyms"
            group = f"answer:{question.key}.{answer.key}"
            terms.append((_spellings(language, context, answer.synonyms), question.category, group))
        for choice in question.choices:
            context = f"choice:{question.key}.{choice.key}:text"
            terms.append((_spellings(language, context, [choice.text]), "", ""))
    for term in pack().glossary:
        terms.append((_spellings(language, f"glossary:{term.key}:term", [term.term]), "", ""))
    for term in pack().extensions["lexicon"]:
        context = f"lexicon:{term.key}:spellings"
        group = f"lexicon:{term.key}"
        terms.append((_spellings(language, context, term.spellings), term.category, group))
    return keys.lexicon(language, terms, real_words.near_answers(language))


def wrong_answers(question: QuestionSpec, language: str) -> list[keys.WrongSpellings]:
    """The question's known wrong answers that apply to `language`, hints translated."""
    found = []
    for wrong in question.wrong_answers:
        if wrong.language and wrong.language != language:
            continue
        context = f"wrong-answer:{question.key}.{wrong.key}"
        if wrong.language:
            spellings, hint = {wrong.language: list(wrong.spellings)}, wrong.hint
        else:
            spellings = _spellings(language, f"{context}:spellings", wrong.spellings)
            hint = _translated(language, f"{context}:hint", wrong.hint)
        found.append((wrong.key, spellings, hint))
    return found


@cache
def real_key(question: str, language: str) -> QuestionKey:
    """The bank's question `question` as the grader sees it for an answer in `language`."""
    spec = bank()[question]
    prompts = {"en": spec.prompt}
    if language != keys.SOURCE_LANGUAGE:
        prompts[language] = _translated(language, f"question:{question}:prompt", "")
    choices = [
        ChoiceKey(
            id=choice_numbers()[question, choice.key],
            text=_translated(language, f"choice:{question}.{choice.key}:text", choice.text),
            correct=choice.correct,
            position=choice.position,
            side=choice.side,
            pair=choice.pair,
        )
        for choice in spec.choices
    ]
    answers = [
        (
            answer.key,
            _spellings(language, f"answer:{question}.{answer.key}:synonyms", answer.synonyms),
        )
        for answer in spec.answers
    ]
    return keys.question_key(
        id=sorted(bank()).index(question) + 1,
        kind=spec.kind,
        points=spec.points,
        language=language,
        prompts=prompts,
        choices=choices,
        answers=answers,
        needed=spec.needed,
        number=spec.number,
        tolerance=spec.tolerance,
        truth=spec.truth,
        wrong_answers=wrong_answers(spec, language),
        category=spec.category,
        known=lexicon(language),
    )


def _synthetic_text(name: str, spelling: str, prompt: str) -> QuestionKey:
    return keys.question_key(
        id=900,
        kind=grading.TEXT,
        points=1,
        language="en",
        prompts={"en": prompt},
        answers=[(name, {"en": [spelling]})],
    )


# Keys the bank has no question for, each shaped to test one rule.
SYNTHETIC: dict[tuple[str, str], QuestionKey] = {
    # A code as a whole text answer: never typo-forgiven (L4 is not L5).
    ("root-level", "en"): _synthetic_text("l5", "L5", "At which level is the root squeezed?"),
    # A number inside a text answer: never typo-forgiven either.
    ("years-later", "en"): _synthetic_text("years", "25 years", "How long after?"),
    # A number with a tolerance (the bank's numbers are all exact).
    ("degrees-of-tilt", "en"): keys.question_key(
        id=901,
        kind=grading.NUMBER,
        points=2,
        language="en",
        prompts={"en": "How many degrees is the pelvis tilted?"},
        number=12.5,
        tolerance=0.5,
    ),
}


class Keys(Mapping):
    """KEYS[question, language]: a real key of the bank, or a synthetic one."""

    def __getitem__(self, item: tuple[str, str]) -> QuestionKey:
        if item in SYNTHETIC:
            return SYNTHETIC[item]
        question, language = item
        if question not in bank():
            raise KeyError(f"the pack has no question {question!r}")
        return real_key(question, language)

    def __iter__(self):
        yield from SYNTHETIC
        for question in bank():
            for language in LANGUAGES:
                yield question, language

    def __len__(self) -> int:
        return len(SYNTHETIC) + len(bank()) * len(LANGUAGES)


KEYS = Keys()


def points(question: str, language: str, answer) -> float:
    """What the bank's question `question` gives `answer` in `language`: a text answer as a
    string, a set's items as a list."""
    key = real_key(question, language)
    given = {"items": answer} if key.kind == grading.SET else {"text": answer}
    return grading.grade(key, given).points
