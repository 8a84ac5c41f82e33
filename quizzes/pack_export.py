"""The quizzes part of `exportcontent --pack`: every quiz as `quizzes/<slug>.yaml`, in the
format quizzes/content.py reads (docs/content-pack.md), English only.

A question is written once, in the smallest quiz that holds it (so a review quiz that holds
the whole bank includes the topical quizzes' questions by key); a question in no quiz cannot
be written, since a pack defines questions inside quizzes.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from django.db.models import Prefetch

from learning.models import text_lines
from learning.pack_export import dump_yaml
from quizzes import grading
from quizzes.models import (
    AcceptedAnswer,
    Choice,
    LexiconTerm,
    Question,
    Quiz,
    QuizQuestion,
    WrongAnswer,
)

IN_NO_QUIZ = "question {key}: in no quiz (a pack defines questions inside a quiz)"
NO_LESSON = "question {key}: cites no lesson (the pack needs one; set it, then export again)"


def _question(question: Question) -> dict:
    spec = {
        "key": question.key,
        "kind": question.kind,
        "source": question.source,
        "lesson": question.lesson.slug if question.lesson else "",
        "points": question.points,
        "prompt": question.prompt_en,
        "explanation": question.explanation_en,
    }
    choices = list(question.choices.all())
    kind = question.kind
    if kind in (grading.SINGLE, grading.MULTIPLE):
        spec["choices"] = [{"key": c.key, "text": c.text_en, "correct": c.correct} for c in choices]
    elif kind == grading.ORDER:
        ordered = sorted(choices, key=lambda c: (c.position, c.pk))
        spec["choices"] = [{"key": c.key, "text": c.text_en} for c in ordered]
    elif kind == grading.MATCH:
        sides = defaultdict(dict)
        for choice in choices:
            sides[choice.pair][choice.side] = choice.text_en
        spec["pairs"] = [
            {"key": pair, "left": texts.get("left", ""), "right": texts.get("right", "")}
            for pair, texts in sides.items()
        ]
    elif kind in (grading.TEXT, grading.SET):
        if question.category:
            spec["category"] = question.category
        spec["answers"] = [
            {"key": a.key, "synonyms": text_lines(a.synonyms_en)} for a in question.answers.all()
        ]
        if kind == grading.SET and question.needed:
            spec["needed"] = question.needed
        wrong_answers = [_wrong_answer(wrong) for wrong in question.wrong_answers.all()]
        if wrong_answers:
            spec["wrong_answers"] = wrong_answers
    elif kind == grading.NUMBER:
        spec["answer"] = question.number_answer
        spec["tolerance"] = question.tolerance
    elif kind == grading.TRUE_FALSE:
        spec["answer"] = question.true_false_answer
    return spec


def _wrong_answer(wrong: WrongAnswer) -> dict:
    """A shared wrong answer in English; one of a single language in that language."""
    code = wrong.language or "en"
    spec = {
        "key": wrong.key,
        "spellings": text_lines(getattr(wrong, f"spellings_{code}")),
        "hint": getattr(wrong, f"hint_{code}") or "",
    }
    if wrong.language:
        spec["language"] = wrong.language
    return spec


def export_lexicon(folder: Path) -> list[str]:
    """`lexicon.yaml`: every near-miss term, English spellings (translations: content.po)."""
    terms = [
        {
            "key": term.key,
            "category": term.category,
            "source": term.source,
            "spellings": text_lines(term.spellings_en),
        }
        for term in LexiconTerm.objects.order_by("category", "key")
    ]
    if terms:
        (folder / "lexicon.yaml").write_text(dump_yaml(terms), encoding="utf-8")
    return []


def export_quizzes(folder: Path) -> list[str]:
    """Write every quiz; return the questions that could not be written."""
    quizzes = list(
        Quiz.objects.select_related("lesson")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=QuizQuestion.objects.select_related("question__lesson")
                .prefetch_related(
                    Prefetch("question__choices", queryset=Choice.objects.order_by("pk")),
                    Prefetch(
                        "question__answers",
                        queryset=AcceptedAnswer.objects.order_by("position", "pk"),
                    ),
                    Prefetch(
                        "question__wrong_answers",
                        queryset=WrongAnswer.objects.order_by("position", "pk"),
                    ),
                )
                .order_by("position", "pk"),
            )
        )
        .order_by("slug")
    )
    home: dict[int, str] = {}
    for quiz in sorted(quizzes, key=lambda q: (len(q.entries.all()), q.slug)):
        for entry in quiz.entries.all():
            home.setdefault(entry.question_id, quiz.slug)
    (folder / "quizzes").mkdir(parents=True, exist_ok=True)
    for quiz in quizzes:
        entries = list(quiz.entries.all())
        spec = {
            "key": quiz.slug,
            "title": quiz.title_en,
            "description": quiz.description_en or "",
            "lesson": quiz.lesson.slug if quiz.lesson else None,
            "pass_mark": quiz.pass_mark,
            "time_limit": quiz.time_limit,
            "attempt_limit": quiz.attempt_limit,
            "shuffle_questions": quiz.shuffle_questions,
            "shuffle_choices": quiz.shuffle_choices,
            "draw": quiz.draw_count,
            "published": quiz.published,
            "include": [e.question.key for e in entries if home[e.question_id] != quiz.slug],
            "questions": [
                _question(e.question) for e in entries if home[e.question_id] == quiz.slug
            ],
        }
        if spec["lesson"] is None:
            del spec["lesson"]
        path = folder / "quizzes" / f"{quiz.slug}.yaml"
        path.write_text(dump_yaml(spec), encoding="utf-8")
    orphans = Question.objects.exclude(pk__in=home).order_by("key").values_list("key", flat=True)
    uncited = Question.objects.filter(pk__in=home, lesson__isnull=True).order_by("key")
    return [IN_NO_QUIZ.format(key=key) for key in orphans] + [
        NO_LESSON.format(key=key) for key in uncited.values_list("key", flat=True)
    ]
