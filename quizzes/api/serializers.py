"""Quiz and attempt shapes. Before submission nothing here carries an answer key: no correct
flags, positions, pairs, accepted answers or explanations."""

from __future__ import annotations

import random

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from quizzes import grading
from quizzes.models import Attempt, Question, Quiz
from quizzes.services import shuffle_choices


class ChoiceOutput(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()


class QuestionOutput(serializers.Serializer):
    """A question as a learner sees it before answering (DESIGN.md: quiz detail)."""

    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=grading.KINDS)
    prompt = serializers.CharField()
    points = serializers.IntegerField()
    needed = serializers.IntegerField(allow_null=True, required=False)
    choices = ChoiceOutput(many=True, required=False, help_text="Not on match questions.")
    left = ChoiceOutput(many=True, required=False, help_text="Match questions only.")
    right = ChoiceOutput(many=True, required=False, help_text="Match questions only.")


def question_data(question: Question, order: list[int] | None = None) -> dict:
    """Shape one question; `order` is the attempt's choice order (else the stored order, with
    order and match items shuffled the same way for everyone)."""
    choices = list(question.choices.all())
    if order:
        position = {choice_id: index for index, choice_id in enumerate(order)}
        choices.sort(key=lambda choice: position.get(choice.pk, len(position)))
    elif question.kind in (grading.ORDER, grading.MATCH):
        shuffle_choices(question.kind, choices, random.Random(question.pk))
    data = {
        "id": question.pk,
        "kind": question.kind,
        "prompt": question.prompt,
        "points": question.points,
    }
    if question.kind == grading.SET:
        data["needed"] = question.needed or len(question.answers.all())
    if question.kind == grading.MATCH:
        data["left"] = [{"id": c.pk, "text": c.text} for c in choices if c.side == "left"]
        data["right"] = [{"id": c.pk, "text": c.text} for c in choices if c.side == "right"]
    else:
        data["choices"] = [{"id": c.pk, "text": c.text} for c in choices]
    return data


class QuizOutput(serializers.ModelSerializer):
    lesson = serializers.SlugRelatedField(read_only=True, slug_field="slug", allow_null=True)
    question_count = serializers.SerializerMethodField()

    class Meta:
        model = Quiz
        fields = [
            "slug",
            "title",
            "description",
            "lesson",
            "time_limit",
            "attempt_limit",
            "pass_mark",
            "question_count",
            "updated_at",
        ]

    def get_question_count(self, quiz) -> int:
        """Questions a learner will answer: the draw, or the whole pool."""
        count = getattr(quiz, "entry_count", None)
        if count is None:
            count = len(quiz.entries.all())
        return min(quiz.draw_count or count, count)


class QuizDetailOutput(QuizOutput):
    questions = serializers.SerializerMethodField()

    class Meta(QuizOutput.Meta):
        fields = [*QuizOutput.Meta.fields, "shuffle_questions", "draw_count", "questions"]

    @extend_schema_field(QuestionOutput(many=True))
    def get_questions(self, quiz) -> list[dict]:
        return [question_data(entry.question) for entry in quiz.entries.all()]


class TypoOutput(serializers.Serializer):
    given = serializers.CharField()
    expected = serializers.CharField()


class FeedbackOutput(serializers.Serializer):
    right = serializers.ListField(child=serializers.CharField())
    missing = serializers.ListField(child=serializers.CharField())
    wrong = serializers.ListField(child=serializers.CharField())
    typos = TypoOutput(many=True)
    duplicate = serializers.ListField(child=serializers.CharField(), required=False)
    late = serializers.BooleanField(required=False)
    summary = serializers.CharField(help_text="The feedback in words, in the request's language.")


class ResponseOutput(serializers.Serializer):
    """A response; after submission it carries its grade, feedback and explanation."""

    question = serializers.IntegerField()
    answer = serializers.JSONField(allow_null=True)
    correct = serializers.BooleanField(required=False, allow_null=True)
    points = serializers.FloatField(required=False, allow_null=True)
    max_points = serializers.FloatField(required=False, allow_null=True)
    feedback = FeedbackOutput(required=False, allow_null=True)
    explanation = serializers.CharField(required=False)
    lesson = serializers.CharField(required=False, allow_null=True)


def feedback_summary(feedback: dict, correct: bool) -> str:
    """Words for the feedback codes, in the active language."""
    parts = []
    if feedback.get("late"):
        parts.append(_("This answer arrived after the time limit and was not counted."))
    if correct:
        parts.append(_("Correct."))
    elif feedback.get("right"):
        parts.append(_("Partly right: %(right)s.") % {"right": ", ".join(feedback["right"])})
    else:
        parts.append(_("Not correct."))
    if feedback.get("missing"):
        parts.append(_("Missing: %(items)s.") % {"items": ", ".join(feedback["missing"])})
    if feedback.get("wrong"):
        parts.append(_("Not right: %(items)s.") % {"items": ", ".join(feedback["wrong"])})
    for typo in feedback.get("typos", []):
        parts.append(
            _("We accepted “%(given)s”; it is spelled “%(expected)s”.")
            % {"given": typo["given"], "expected": typo["expected"]}
        )
    return " ".join(parts)


class AttemptOutput(serializers.ModelSerializer):
    quiz = serializers.SlugRelatedField(read_only=True, slug_field="slug")
    time_limit = serializers.IntegerField(source="quiz.time_limit", allow_null=True)
    pass_mark = serializers.IntegerField(source="quiz.pass_mark")
    questions = serializers.SerializerMethodField()
    responses = serializers.SerializerMethodField()

    class Meta:
        model = Attempt
        fields = [
            "id",
            "quiz",
            "client_id",
            "language",
            "started_at",
            "deadline",
            "time_limit",
            "pass_mark",
            "submitted_at",
            "submitted_late",
            "score",
            "max_score",
            "passed",
            "questions",
            "responses",
        ]

    def _questions(self, attempt) -> dict[int, Question]:
        return self.context["questions"]

    @extend_schema_field(QuestionOutput(many=True))
    def get_questions(self, attempt) -> list[dict]:
        questions = self._questions(attempt)
        return [
            question_data(questions[question_id], attempt.choice_order.get(str(question_id)))
            for question_id in attempt.question_ids
            if question_id in questions
        ]

    @extend_schema_field(ResponseOutput(many=True))
    def get_responses(self, attempt) -> list[dict]:
        saved = {response.question_id: response for response in attempt.responses.all()}
        if not attempt.is_submitted:
            return [
                {"question": question_id, "answer": saved[question_id].answer}
                for question_id in attempt.question_ids
                if question_id in saved
            ]
        questions = self._questions(attempt)
        graded = []
        for question_id in attempt.question_ids:
            response = saved.get(question_id)
            question = questions.get(question_id)
            if response is None or question is None:
                continue
            feedback = dict(response.feedback or {})
            feedback.setdefault("typos", [])
            feedback["summary"] = feedback_summary(feedback, bool(response.correct))
            graded.append(
                {
                    "question": question_id,
                    "answer": response.answer,
                    "correct": bool(response.correct),
                    "points": response.points,
                    "max_points": response.max_points,
                    "feedback": feedback,
                    "explanation": question.explanation,
                    "lesson": question.lesson.slug if question.lesson else None,
                }
            )
        return graded


class StrictUUIDField(serializers.UUIDField):
    """A UUID written as a string, as documented. DRF's UUIDField also takes a JSON number
    (`7` becomes 00000000-…-0007), which hides a client sending the wrong type."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid", value=data)
        return super().to_internal_value(data)


class AttemptCreateInput(serializers.Serializer):
    quiz = serializers.SlugField(max_length=80)
    client_id = StrictUUIDField()
    assignment = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class ResponseSaveInput(serializers.Serializer):
    answer = serializers.JSONField(help_text="Shaped by the question's kind; see DESIGN.md.")


class SubmittedResponseInput(serializers.Serializer):
    question = serializers.IntegerField(min_value=1)
    answer = serializers.JSONField(allow_null=True)


class SubmitInput(serializers.Serializer):
    responses = SubmittedResponseInput(many=True, required=False, max_length=200)


class QuizProgressOutput(serializers.Serializer):
    quiz = serializers.CharField()
    attempts = serializers.IntegerField()
    best_score = serializers.FloatField(allow_null=True)
    max_score = serializers.FloatField(allow_null=True)
    passed = serializers.BooleanField()


class AssignmentOutput(serializers.Serializer):
    id = serializers.IntegerField()
    quiz = serializers.CharField()
    title = serializers.CharField()
    opens_at = serializers.DateTimeField(allow_null=True)
    due_at = serializers.DateTimeField(allow_null=True)
    attempt_limit = serializers.IntegerField(allow_null=True)
    attempts_used = serializers.IntegerField()
