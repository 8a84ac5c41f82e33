"""The quizzes part of a content pack: `quizzes/<slug>.yaml`, read, validated and upserted.

Registered with learning's pack registry (apps.py), so `loadcontent` loads it in the same
transaction as the lessons.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from learning.models import Lesson, Origin
from learning.packs import Fields, Pack, Problems, read_yaml
from learning.services import (
    LoadReport,
    english,
    pack_merge,
    record_pack_values,
    rows_by_key,
    stale_pack_rows,
    upsert,
)
from quizzes import grading
from quizzes.drawing import gives_away
from quizzes.models import (
    AcceptedAnswer,
    Category,
    Choice,
    LexiconTerm,
    Question,
    Quiz,
    QuizQuestion,
    TermSource,
    WrongAnswer,
)

ALL_QUESTIONS = "*"


@dataclass(frozen=True)
class ChoiceSpec:
    key: str
    text: str
    correct: bool = False
    position: int = 0
    side: str = ""
    pair: str = ""


@dataclass(frozen=True)
class AnswerSpec:
    key: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class WrongAnswerSpec:
    key: str
    spellings: tuple[str, ...]
    hint: str
    language: str = ""  # "": every language (English source); else only this language


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    kind: str
    source: str
    lesson: str
    points: int
    prompt: str
    explanation: str
    choices: tuple[ChoiceSpec, ...] = ()
    answers: tuple[AnswerSpec, ...] = ()
    needed: int | None = None
    number: float | None = None
    tolerance: float = 0.0
    truth: bool | None = None
    category: str = ""
    wrong_answers: tuple[WrongAnswerSpec, ...] = ()


@dataclass(frozen=True)
class QuizSpec:
    key: str
    title: str
    description: str
    lesson: str
    pass_mark: int
    time_limit: int | None
    attempt_limit: int | None
    shuffle_questions: bool
    shuffle_choices: bool
    draw: int | None
    published: bool
    include: tuple[str, ...] | str
    questions: tuple[QuestionSpec, ...]
    path: Path


def read_quizzes(pack: Pack, problems: Problems) -> list[QuizSpec]:
    folder = pack.path / "quizzes"
    if not folder.is_dir():
        return []
    lessons = pack.lesson_sources
    quizzes = [
        quiz
        for path in sorted(folder.glob("*.yaml"))
        if (quiz := _read_quiz(path, lessons, problems))
    ]
    _check_bank(quizzes, problems)
    return quizzes


def _read_quiz(path: Path, lessons: dict[str, str], problems: Problems) -> QuizSpec | None:
    data = read_yaml(path, problems)
    if data is None:
        return None
    fields = Fields(data, path, problems)
    if not fields.ok:
        return None
    key = fields.slug()
    if key and key != path.stem:
        fields.problem(f"key {key!r} does not match the file name {path.name!r}")
    lesson = fields.text("lesson", required=False)
    if lesson and lesson not in lessons:
        fields.problem(f"unknown lesson {lesson!r}")
    include = fields.mapping.get("include") or ()
    if include != ALL_QUESTIONS:
        include = fields.text_list("include")
    questions = tuple(
        question
        for item in fields.list("questions")
        if (question := _read_question(item, path, lessons, problems))
    )
    return QuizSpec(
        key=key,
        title=fields.text("title", max_length=200),
        description=fields.text("description", required=False),
        lesson=lesson,
        pass_mark=fields.integer("pass_mark", default=70, low=0, high=100),
        time_limit=fields.integer("time_limit", low=1, high=600),
        attempt_limit=fields.integer("attempt_limit", low=1, high=1000),
        shuffle_questions=fields.boolean("shuffle_questions", default=False),
        shuffle_choices=fields.boolean("shuffle_choices", default=True),
        draw=fields.integer("draw", low=1, high=1000),
        published=fields.boolean("published", default=True),
        include=include,
        questions=questions,
        path=path,
    )


def _read_question(item, path: Path, lessons: dict[str, str], problems: Problems):
    fields = Fields(item, path, problems)
    if not fields.ok:
        return None
    kind = fields.text("kind")
    if kind and kind not in grading.KINDS:
        fields.problem(f"unknown kind {kind!r} (one of: {', '.join(grading.KINDS)})")
    lesson = fields.text("lesson")
    if lesson and lesson not in lessons:
        fields.problem(f"unknown lesson {lesson!r}")
    spec = dict(
        key=fields.slug(),
        kind=kind,
        source=fields.section(),
        lesson=lesson,
        points=fields.integer("points", default=1, low=1, high=100),
        prompt=fields.text("prompt"),
        explanation=fields.text("explanation"),
    )
    if kind in (grading.SINGLE, grading.MULTIPLE, grading.ORDER):
        spec["choices"] = _read_choices(fields, kind)
    elif kind in (grading.TEXT, grading.SET):
        spec["answers"] = _read_answers(fields)
        spec["category"] = _read_category(fields, required=False)
        spec["wrong_answers"] = _read_wrong_answers(fields, spec["answers"])
        if kind == grading.SET:
            spec["needed"] = fields.integer("needed", low=1, high=grading.MAX_ITEMS)
            if spec["needed"] and spec["needed"] > len(spec["answers"]):
                fields.problem("'needed' is more than the items of the set")
    elif kind == grading.MATCH:
        spec["choices"] = _read_pairs(fields)
    elif kind == grading.NUMBER:
        spec["number"] = fields.number("answer")
        spec["tolerance"] = fields.number("tolerance", required=False) or 0.0
        if spec["tolerance"] < 0:
            fields.problem("'tolerance' cannot be negative")
    elif kind == grading.TRUE_FALSE:
        spec["truth"] = fields.boolean("answer")
    if kind not in (grading.TEXT, grading.SET):
        for name in ("category", "wrong_answers"):
            if name in fields.mapping:
                fields.problem(f"'{name}' is only for text and set questions")
    return QuestionSpec(**spec)


def _unique(fields: Fields, keys: list[str], what: str) -> None:
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        fields.problem(f"duplicate {what} keys: {', '.join(duplicates)}")


def _read_choices(fields: Fields, kind: str) -> tuple[ChoiceSpec, ...]:
    choices = []
    for position, item in enumerate(fields.list("choices", required=True), start=1):
        choice = Fields(item, fields.path, fields.problems, key=fields.key)
        choices.append(
            ChoiceSpec(
                key=choice.slug(),
                text=choice.text("text", max_length=300),
                correct=bool(choice.boolean("correct", default=False)),
                position=position if kind == grading.ORDER else 0,
            )
        )
    _unique(fields, [c.key for c in choices], "choice")
    correct = sum(c.correct for c in choices)
    if len(choices) < 2:
        fields.problem("needs at least two choices")
    elif kind == grading.SINGLE and correct != 1:
        fields.problem(f"a single-choice question needs exactly one correct choice (has {correct})")
    elif kind == grading.MULTIPLE and correct < 1:
        fields.problem("a multiple-choice question needs at least one correct choice")
    return tuple(choices)


def _read_answers(fields: Fields) -> tuple[AnswerSpec, ...]:
    answers = []
    for item in fields.list("answers", required=True):
        answer = Fields(item, fields.path, fields.problems, key=fields.key)
        synonyms = answer.text_list("synonyms", required=True)
        if not synonyms:
            answer.problem("an accepted answer needs at least one synonym")
        folded = [grading.fold(synonym) for synonym in synonyms]
        repeated = sorted({s for s, f in zip(synonyms, folded, strict=True) if folded.count(f) > 1})
        if repeated:
            answer.problem(f"synonym listed twice: {', '.join(repeated)}")
        answers.append(AnswerSpec(key=answer.slug(), synonyms=synonyms))
    _unique(fields, [a.key for a in answers], "answer")
    if not answers:
        fields.problem("needs at least one accepted answer")
    return tuple(answers)


def _read_category(fields: Fields, *, required: bool) -> str:
    category = fields.text("category", required=required)
    if category and category not in Category.values:
        fields.problem(f"unknown category {category!r} (one of: {', '.join(Category.values)})")
    return category


LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def _read_wrong_answers(
    fields: Fields, answers: tuple[AnswerSpec, ...]
) -> tuple[WrongAnswerSpec, ...]:
    accepted = {grading.fold(synonym) for answer in answers for synonym in answer.synonyms}
    wrong_answers = []
    for item in fields.list("wrong_answers"):
        wrong = Fields(item, fields.path, fields.problems, key=fields.key)
        language = wrong.text("language", required=False)
        if language and language not in LANGUAGE_CODES:
            wrong.problem(f"unknown language {language!r} (one of: {', '.join(LANGUAGE_CODES)})")
        spellings = wrong.text_list("spellings", required=True)
        if not spellings:
            wrong.problem("a wrong answer needs at least one spelling")
        clashes = [spelling for spelling in spellings if grading.fold(spelling) in accepted]
        if clashes:
            wrong.problem(f"wrong answer also accepted: {', '.join(clashes)}")
        wrong_answers.append(
            WrongAnswerSpec(
                key=wrong.slug(),
                spellings=spellings,
                hint=wrong.text("hint", max_length=300),
                language=language,
            )
        )
    _unique(fields, [w.key for w in wrong_answers], "wrong answer")
    return tuple(wrong_answers)


def _read_pairs(fields: Fields) -> tuple[ChoiceSpec, ...]:
    choices = []
    pairs = fields.list("pairs", required=True)
    for item in pairs:
        pair = Fields(item, fields.path, fields.problems, key=fields.key)
        key = pair.slug()
        choices.append(
            ChoiceSpec(f"{key}-left", pair.text("left", max_length=300), side="left", pair=key)
        )
        choices.append(
            ChoiceSpec(f"{key}-right", pair.text("right", max_length=300), side="right", pair=key)
        )
    _unique(fields, [c.key for c in choices], "pair")
    if len(pairs) < 2:
        fields.problem("a match question needs at least two pairs")
    return tuple(choices)


def _check_bank(quizzes: list[QuizSpec], problems: Problems) -> None:
    seen: dict[str, Path] = {}
    for quiz in quizzes:
        for question in quiz.questions:
            if question.key in seen:
                problems.add(
                    quiz.path,
                    None,
                    question.key,
                    f"question key also used in {seen[question.key].name}",
                )
            seen[question.key] = quiz.path
    for quiz in quizzes:
        pool = len(_pool_keys(quiz, seen))
        if quiz.include != ALL_QUESTIONS:
            for key in quiz.include:
                if key not in seen:
                    problems.add(quiz.path, None, quiz.key, f"includes unknown question {key!r}")
        if pool == 0:
            problems.add(quiz.path, None, quiz.key, "the quiz has no questions")
        if quiz.draw and quiz.draw > pool:
            problems.add(quiz.path, None, quiz.key, f"draws {quiz.draw} of only {pool} questions")


def _pool_keys(quiz: QuizSpec, bank) -> list[str]:
    own = [question.key for question in quiz.questions]
    included = list(bank) if quiz.include == ALL_QUESTIONS else list(quiz.include)
    return list(dict.fromkeys(own + [key for key in included if key in bank]))


def _creation_order(question_key: str, kind: str, choices):
    """Create choices in an order unrelated to correctness or position, so that row ids
    (which learners see) reveal nothing; hashing keeps reloads deterministic."""
    ordered = sorted(
        choices, key=lambda c: hashlib.sha256(f"{question_key}/{c.key}".encode()).hexdigest()
    )
    for _turn in range(len(ordered)):
        if not gives_away(kind, ordered):
            break
        ordered = ordered[1:] + ordered[:1]
    return ordered


def write_quizzes(quizzes: list[QuizSpec], pack: Pack, report: LoadReport) -> None:
    lessons = {
        lesson.slug: lesson for lesson in Lesson.objects.filter(slug__in=pack.lesson_sources)
    }
    questions: dict[str, Question] = {}
    keys = {spec.key for quiz in quizzes for spec in quiz.questions}
    known = rows_by_key(Question.objects.filter(key__in=keys))
    parts = QuestionParts(known.values())
    for quiz in quizzes:
        for spec in quiz.questions:
            found = questions.get(spec.key, known.get(spec.key))
            questions[spec.key] = _write_question(spec, lessons, report, found=found, parts=parts)
    known_quizzes = rows_by_key(Quiz.objects.filter(slug__in=[q.key for q in quizzes]), "slug")
    for quiz in quizzes:
        obj = upsert(
            Quiz,
            lookup={"slug": quiz.key},
            values={
                **english({"title": quiz.title, "description": quiz.description}),
                "lesson": lessons.get(quiz.lesson),
                "pass_mark": quiz.pass_mark,
                "time_limit": quiz.time_limit,
                "attempt_limit": quiz.attempt_limit,
                "shuffle_questions": quiz.shuffle_questions,
                "shuffle_choices": quiz.shuffle_choices,
                "draw_count": quiz.draw,
                "published": quiz.published,
            },
            report=report,
            kind="quiz",
            found=known_quizzes.get(quiz.key),
        )
        wanted = [questions[key] for key in _pool_keys(quiz, questions)]
        current = list(obj.entries.order_by("position").values_list("question_id", flat=True))
        before = dict(obj.pack_values)
        # The pool is one field of the quiz: questions added or reordered in the admin are
        # kept, and a pack change to such a pool is reported (see pack_merge).
        pool_changes = obj.origin == Origin.PACK and pack_merge(
            obj,
            name="questions",
            current=current,
            new=[question.pk for question in wanted],
            report=report,
            kind="quiz",
        )
        record_pack_values(obj, before)
        if pool_changes:
            obj.entries.all().delete()
            QuizQuestion.objects.bulk_create(
                QuizQuestion(quiz=obj, question=question, position=position)
                for position, question in enumerate(wanted, start=1)
            )
            report.related_changed(obj, "quiz")
    retired = Quiz.objects.filter(published=True, origin=Origin.PACK).exclude(
        slug__in=[q.key for q in quizzes]
    )
    report.retired["quiz"] += retired.update(published=False)


class QuestionParts:
    """The choices, accepted answers and known wrong answers of the questions a load found,
    fetched in three queries, by question and key."""

    def __init__(self, questions):
        by_id = {question.pk: question for question in questions}
        self.of = {
            name: {pk: {} for pk in by_id} for name in ("choices", "answers", "wrong_answers")
        }
        for name, model in (
            ("choices", Choice),
            ("answers", AcceptedAnswer),
            ("wrong_answers", WrongAnswer),
        ):
            for row in model.objects.filter(question_id__in=by_id).order_by():
                row.question = by_id[row.question_id]
                self.of[name][row.question_id][row.key] = row

    def get(self, name: str, question: Question) -> dict:
        """Fresh from the database when the question is written a second time in this load."""
        rows = self.of[name].pop(question.pk, None)
        return rows if rows is not None else rows_by_key(getattr(question, name).order_by())


def _write_question(
    spec: QuestionSpec, lessons, report: LoadReport, *, found, parts: QuestionParts
) -> Question:
    question = upsert(
        Question,
        lookup={"key": spec.key},
        values={
            **english({"prompt": spec.prompt, "explanation": spec.explanation}),
            "kind": spec.kind,
            "source": spec.source,
            "lesson": lessons.get(spec.lesson),
            "points": spec.points,
            "needed": spec.needed,
            "number_answer": spec.number,
            "tolerance": spec.tolerance,
            "true_false_answer": spec.truth,
            "category": spec.category,
        },
        report=report,
        kind="question",
        found=found,
    )
    writes_before = report.writes()
    new = found is None  # nothing of its own to look up yet
    choices = {} if new else parts.get("choices", question)
    answers = {} if new else parts.get("answers", question)
    wrong_answers = {} if new else parts.get("wrong_answers", question)
    for choice in _creation_order(spec.key, spec.kind, spec.choices):
        upsert(
            Choice,
            lookup={"question": question, "key": choice.key},
            values={
                **english({"text": choice.text}),
                "correct": choice.correct,
                "position": choice.position,
                "side": choice.side,
                "pair": choice.pair,
            },
            report=report,
            kind="choice",
            found=choices.get(choice.key),
        )
    listed = {choice.key for choice in spec.choices}
    stale = [row for key, row in choices.items() if key not in listed]
    stale = stale_pack_rows(stale, report, "choice")
    report.retired["choice"] += Choice.objects.filter(pk__in=stale).delete()[0]
    for position, answer in enumerate(spec.answers, start=1):
        upsert(
            AcceptedAnswer,
            lookup={"question": question, "key": answer.key},
            values={**english({"synonyms": "\n".join(answer.synonyms)}), "position": position},
            report=report,
            kind="answer",
            found=answers.get(answer.key),
        )
    listed = {answer.key for answer in spec.answers}
    stale = [row for key, row in answers.items() if key not in listed]
    stale = stale_pack_rows(stale, report, "answer")
    report.retired["answer"] += AcceptedAnswer.objects.filter(pk__in=stale).delete()[0]
    for position, wrong in enumerate(spec.wrong_answers, start=1):
        upsert(
            WrongAnswer,
            lookup={"question": question, "key": wrong.key},
            values={
                **_wrong_answer_text(wrong),
                "language": wrong.language,
                "position": position,
            },
            report=report,
            kind="wrong answer",
            found=wrong_answers.get(wrong.key),
        )
    listed = {wrong.key for wrong in spec.wrong_answers}
    stale = [row for key, row in wrong_answers.items() if key not in listed]
    stale = stale_pack_rows(stale, report, "wrong answer")
    report.retired["wrong answer"] += WrongAnswer.objects.filter(pk__in=stale).delete()[0]
    if report.writes() != writes_before:
        report.related_changed(question, "question")  # so cached quiz reads see new choices
    return question


def _wrong_answer_text(wrong: WrongAnswerSpec) -> dict[str, str]:
    """A shared wrong answer's text is the English source (translated through content.po);
    one of a single language is written in that language's fields and nowhere else."""
    text = {"spellings": "\n".join(wrong.spellings), "hint": wrong.hint}
    if not wrong.language:
        return english(text)
    return {
        f"{name}_{code}": value if code == wrong.language else ""
        for name, value in text.items()
        for code in LANGUAGE_CODES
    }


# --- the near-miss lexicon (lexicon.yaml) ----------------------------------------------------


@dataclass(frozen=True)
class LexiconSpec:
    key: str
    category: str
    source: str
    spellings: tuple[str, ...]


def read_lexicon(pack: Pack, problems: Problems) -> list[LexiconSpec]:
    """`lexicon.yaml`: near-miss terms a learner may confuse with an answer (optional)."""
    path = pack.path / "lexicon.yaml"
    if not path.exists():
        return []
    data = read_yaml(path, problems)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.add(path, None, "", "the lexicon must be a list of terms")
        return []
    terms = []
    for item in data:
        fields = Fields(item, path, problems)
        if not fields.ok:
            continue
        source = fields.text("source")
        if source and source not in TermSource.values:
            fields.problem(f"unknown source {source!r} (one of: {', '.join(TermSource.values)})")
        spellings = fields.text_list("spellings", required=True)
        if not spellings:
            fields.problem("a lexicon term needs at least one spelling")
        terms.append(
            LexiconSpec(
                key=fields.slug(),
                category=_read_category(fields, required=True),
                source=source,
                spellings=spellings,
            )
        )
    keys = [term.key for term in terms]
    for key in sorted({key for key in keys if keys.count(key) > 1}):
        problems.add(path, None, key, f"duplicate lexicon key {key!r}")
    return terms


def write_lexicon(terms: list[LexiconSpec], pack: Pack, report: LoadReport) -> None:
    known = rows_by_key(LexiconTerm.objects.all())
    for term in terms:
        upsert(
            LexiconTerm,
            lookup={"key": term.key},
            values={
                **english({"spellings": "\n".join(term.spellings)}),
                "category": term.category,
                "source": term.source,
            },
            report=report,
            kind="lexicon",
            found=known.get(term.key),
        )
    # Only pack-owned terms the pack dropped go; terms added in the admin stay.
    listed = {term.key for term in terms}
    stale = [row for key, row in known.items() if key not in listed]
    stale = stale_pack_rows(stale, report, "lexicon")
    report.retired["lexicon"] += LexiconTerm.objects.filter(pk__in=stale).delete()[0]
