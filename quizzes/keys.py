"""Answer keys for the grader, composed from plain data: a question's rows (selectors) or a
content pack read from disk (tests). Pure, like grading.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from quizzes import grading
from quizzes.grading import AnswerKey, ChoiceKey, KnownTerm, QuestionKey, WrongAnswerKey

SOURCE_LANGUAGE = "en"

# Spellings per language ({"en": [...], "es": [...]}).
Spellings = Mapping[str, Sequence[str]]
# An accepted answer: its key and its spellings per language.
AnswerSpellings = tuple[str, Spellings]
# A known wrong answer: its key, spellings per language, and its hint in the learner's language.
WrongSpellings = tuple[str, Spellings, str]
# A known term: its spellings per language, its category ("" when none is known) and the
# group its spellings share ("lexicon:feet", "answer:<question>.<answer>"; "" for none).
TermSpellings = tuple[Spellings, str, str]


def spellings_for(language: str, spellings: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The learner's language's spellings first (so feedback speaks it), then the English
    ones it lacks: answers are graded against the learner's language and English."""
    ordered = list(spellings.get(language, ())) if language != SOURCE_LANGUAGE else []
    ordered += [s for s in spellings.get(SOURCE_LANGUAGE, ()) if s not in ordered]
    return tuple(ordered)


def lexicon(
    language: str, terms: Iterable[TermSpellings], real_words: frozenset[str] = frozenset()
) -> grading.Lexicon:
    """The known terms of `language` (and English), for every question graded in it: the
    bank's accepted answers, choices and glossary terms, and the pack's near-miss lexicon;
    with the real words of the language that typo tolerance must not reach."""
    known = {
        KnownTerm(spelling, category, group)
        for spellings, category, group in terms
        for spelling in spellings_for(language, spellings)
    }
    ordered = sorted(known, key=lambda t: (t.spelling, t.category, t.group))
    return grading.Lexicon(language, tuple(ordered), real_words)


def prompt_words(prompts: Mapping[str, str], language: str) -> frozenset[str]:
    """Folded words of the prompt in the learner's language and English, minus those with
    digits (a level named in the prompt is never filler)."""
    found = set()
    for code in {language, SOURCE_LANGUAGE}:
        found.update(grading.words(prompts.get(code) or "", code))
    return frozenset(word for word in found if not any(char.isdigit() for char in word))


def prompt_phrases(
    prompts: Mapping[str, str], language: str, known: frozenset[str]
) -> tuple[tuple[str, ...], ...]:
    """Each word for "and" or "or" of the prompt (in the learner's language and English) with
    the word after it, so an answer that repeats "… or rule out" is one piece; not where that
    word is one of a known term's (`known`: "… and upper back pain" still lists two things)."""
    found = set()
    for code in {language, SOURCE_LANGUAGE}:
        tokens = grading.words(prompts.get(code) or "", code)
        separators = grading.list_words(code)
        for index in range(len(tokens) - 1):
            following = tokens[index + 1]
            if tokens[index] in separators and following not in known and following.isalpha():
                found.add((tokens[index], following))
    return tuple(sorted(found))


def _term_words(known: grading.Lexicon, answers: Sequence[AnswerKey], language: str):
    """Words of the terms that name something (of a category) and of the question's answers."""
    named = known.named_words
    own = {
        word
        for answer in answers
        for synonym in answer.synonyms
        for word in grading.words(synonym, language)
    }
    return frozenset(named | own)


def distinguishing_words(answers: Sequence[AnswerKey], language: str) -> frozenset[str]:
    """Words that tell one accepted answer from another never count as filler, even when the
    prompt uses them ("foot" of "ball of foot pain"); a word every answer shares ("nerve" of
    "L4/L5/S1 nerve root") may, so "L4, L5 and S1 nerve roots" names three items."""
    per_answer = [
        frozenset(word for synonym in answer.synonyms for word in grading.words(synonym, language))
        for answer in answers
    ]
    if not per_answer:
        return frozenset()
    return frozenset().union(*per_answer) - frozenset.intersection(*per_answer)


def question_key(
    *,
    id: int,
    kind: str,
    points: float,
    language: str,
    prompts: Mapping[str, str],
    choices: Sequence[ChoiceKey] = (),
    answers: Sequence[AnswerSpellings] = (),
    needed: int | None = None,
    number: float | None = None,
    tolerance: float = 0.0,
    truth: bool | None = None,
    wrong_answers: Sequence[WrongSpellings] = (),
    category: str = "",
    known: grading.Lexicon = grading.NO_LEXICON,
) -> QuestionKey:
    """The key of one question for grading an answer given in `language`; `known` is the
    language's lexicon (one for all the questions of a request)."""
    answer_keys = tuple(
        AnswerKey(key, spellings_for(language, spellings)) for key, spellings in answers
    )
    return QuestionKey(
        id=id,
        kind=kind,
        points=points,
        language=language,
        choices=tuple(choices),
        answers=answer_keys,
        needed=needed,
        number=number,
        tolerance=tolerance,
        truth=truth,
        filler=prompt_words(prompts, language) - distinguishing_words(answer_keys, language),
        prompt_phrases=prompt_phrases(prompts, language, _term_words(known, answer_keys, language)),
        prompt_texts=tuple(
            grading.words(prompts.get(code) or "", code)
            for code in sorted({language, SOURCE_LANGUAGE})
        ),
        wrong_answers=tuple(
            WrongAnswerKey(key, spellings_for(language, spellings), hint)
            for key, spellings, hint in wrong_answers
        ),
        category=category,
        lexicon=known,
    )
