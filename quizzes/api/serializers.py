"""Quiz and attempt shapes: each is served by the serializer that documents it.

Before submission nothing here carries an answer key: no correct flags, positions, pairs,
accepted answers, expected answers or explanations.
"""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.fields import (
    SENT_AT,
    InputSerializer,
    StrictIntegerField,
    StrictUUIDField,
    on_server_clock,
)
from quizzes import drawing, grading
from quizzes.assignments import Status
from quizzes.models import Attempt, Question, Quiz, Response

# --- questions, as a learner sees them before answering -------------------------------------


class ChoiceOutput(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    text = serializers.CharField()


def shown_choices(question: Question, order: list[int] | None) -> list:
    """The question's choices in the order this learner sees them: the attempt's order when
    there is one, else the same order for everyone (order and match items shuffled)."""
    choices = list(question.choices.all())
    if not order:
        return drawing.display_order(question.kind, choices, seed=question.pk)
    position = {choice_id: index for index, choice_id in enumerate(order)}
    return sorted(choices, key=lambda choice: position.get(choice.pk, len(position)))


# One instance renders every choice (a serializer per question would copy its fields again).
CHOICE = ChoiceOutput()


@extend_schema_field(ChoiceOutput(many=True))
class ShownChoicesField(serializers.Field):
    """A question's choices (or one side of a match) in the order this learner sees them."""

    def __init__(self, side: str | None = None, **kwargs):
        self.side = side
        super().__init__(source="*", required=False, **kwargs)

    def to_representation(self, question: Question) -> list:
        order = self.parent.context.get("choice_order", {}).get(str(question.pk))
        choices = shown_choices(question, order)
        if self.side is not None:
            choices = [choice for choice in choices if choice.side == self.side]
        return [CHOICE.to_representation(choice) for choice in choices]


class QuestionOutput(serializers.Serializer):
    """A question as a learner sees it before answering (DESIGN.md: quiz detail). `match`
    questions carry `left` and `right` instead of `choices`; `set` questions say how many
    items are `needed`. Context: `choice_order` ({question id: [choice ids]}) of an attempt."""

    id = serializers.IntegerField(source="pk")
    kind = serializers.ChoiceField(choices=grading.KINDS)
    prompt = serializers.CharField()
    points = serializers.IntegerField()
    needed = serializers.IntegerField(
        source="items_needed", required=False, help_text="Set questions only."
    )
    choices = ShownChoicesField(help_text="Not on match questions.")
    left = ShownChoicesField(side="left", help_text="Match questions only.")
    right = ShownChoicesField(side="right", help_text="Match questions only.")

    def to_representation(self, question: Question) -> dict:
        data = super().to_representation(question)
        if question.kind != grading.SET:
            data.pop("needed")
        data.pop("choices" if question.kind == grading.MATCH else "left")
        if question.kind != grading.MATCH:
            data.pop("right")
        return data


# --- quizzes ---------------------------------------------------------------------------------


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
    questions = serializers.SerializerMethodField(
        help_text="The whole pool; a drawn quiz asks `question_count` of them."
    )

    class Meta(QuizOutput.Meta):
        fields = [*QuizOutput.Meta.fields, "shuffle_questions", "draw_count", "questions"]

    @extend_schema_field(QuestionOutput(many=True))
    def get_questions(self, quiz) -> list[dict]:
        return QuestionOutput([entry.question for entry in quiz.entries.all()], many=True).data


class QuizAttemptsOutput(serializers.Serializer):
    """Added to a quiz's detail for a signed-in learner."""

    attempts_used = serializers.IntegerField(
        required=False, help_text="Attempts started, submitted or not (as the limit counts)."
    )
    attempts_left = serializers.IntegerField(
        required=False, allow_null=True, help_text="Null when the quiz has no attempt limit."
    )


class QuizDetailForLearnerOutput(QuizDetailOutput, QuizAttemptsOutput):
    """The quiz detail's documented shape: the shared body plus the learner's attempts."""

    class Meta(QuizDetailOutput.Meta):
        fields = [*QuizDetailOutput.Meta.fields, "attempts_used", "attempts_left"]


# --- responses -----------------------------------------------------------------------------


class TypoOutput(serializers.Serializer):
    given = serializers.CharField()
    expected = serializers.CharField()


class FeedbackOutput(serializers.Serializer):
    right = serializers.ListField(child=serializers.CharField())
    missing = serializers.ListField(child=serializers.CharField())
    wrong = serializers.ListField(child=serializers.CharField())
    typos = TypoOutput(many=True)
    duplicate = serializers.ListField(child=serializers.CharField(), required=False)
    late = serializers.BooleanField(
        required=False,
        help_text="The answer arrived after the time limit, where none was saved in time: "
        "kept on record, not counted.",
    )
    late_change = serializers.BooleanField(
        required=False,
        help_text="A change to this answer arrived after the time limit and was not counted: "
        "the answer saved in time was graded.",
    )
    expected = serializers.JSONField(
        required=False,
        allow_null=True,
        help_text="The right answer, shaped for display: a number, true/false, the right "
        "choices' texts, the items in order, [{left, right}] pairs, or the accepted text.",
    )
    hint = serializers.CharField(
        required=False, help_text="Only when a known wrong answer was given: what it misses."
    )
    summary = serializers.CharField(help_text="The feedback in words, in the request's language.")

    def to_representation(self, feedback: dict) -> dict:
        data = super().to_representation(feedback)
        for name in ("duplicate", "late", "late_change", "expected", "hint"):
            if name not in feedback:
                data.pop(name, None)
        return data


FEEDBACK = FeedbackOutput()


def listed(items) -> str:
    # Translators: what separates the items of a list in a sentence ("، " in Arabic).
    return pgettext("list separator", ", ").join(items)


def feedback_summary(feedback: dict, correct: bool) -> str:
    """Words for the feedback codes, in the active language."""
    parts = []
    if feedback.get("late"):
        parts.append(_("This answer arrived after the time limit and was not counted."))
    elif feedback.get("late_change"):
        parts.append(
            _(
                "A change to this answer arrived after the time limit and was not counted; "
                "the answer saved in time was graded."
            )
        )
    if correct:
        parts.append(_("Correct."))
    elif feedback.get("right"):
        parts.append(_("Partly right: %(right)s.") % {"right": listed(feedback["right"])})
    else:
        parts.append(_("Not correct."))
    if feedback.get("missing"):
        parts.append(_("Missing: %(items)s.") % {"items": listed(feedback["missing"])})
    if feedback.get("wrong"):
        parts.append(_("Not right: %(items)s.") % {"items": listed(feedback["wrong"])})
    for typo in feedback.get("typos", []):
        parts.append(
            _("We accepted “%(given)s”; it is spelled “%(expected)s”.")
            % {"given": typo["given"], "expected": typo["expected"]}
        )
    return " ".join(parts)


TYPED_AT = (
    "When the learner typed this answer, by the device's clock (ISO 8601; send `sent_at` with "
    "it). Of two devices' copies of one answer, the one typed later stands: a copy typed "
    "earlier changes nothing, and the answer that stands is returned. Leave it out and the "
    "save always applies. Shown back on the server's clock."
)


def typed_on_server_clock(items: list[dict], sent_at) -> None:
    """Read each item's `typed_at` (the device's clock) on the server's, in place."""
    now = timezone.now()
    for item in items:
        if item.get("typed_at") is not None:
            item["typed_at"] = on_server_clock(item["typed_at"], sent_at=sent_at, now=now)


class SavedResponseOutput(serializers.Serializer):
    """An answer the learner saved (before submission, nothing else is shown)."""

    question = serializers.IntegerField(source="question_id")
    answer = serializers.JSONField(allow_null=True)
    typed_at = serializers.DateTimeField(required=False, help_text=TYPED_AT)

    def to_representation(self, response) -> dict:
        data = super().to_representation(response)
        if data.get("typed_at") is None:
            data.pop("typed_at", None)  # only when the client sent one: the shape stays
        return data


@extend_schema_field(FeedbackOutput)
class FeedbackField(serializers.Field):
    """A graded response's stored feedback, with its summary in the request's language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", required=False, **kwargs)

    def to_representation(self, response: Response) -> dict:
        feedback = {"typos": [], **(response.feedback or {})}
        # The hint of a known wrong answer, in the request's language; the one stored at grading
        # time only if that wrong answer has since been removed.
        key = feedback.pop("hint_key", "")
        hint = known_wrong_answer_hint(response.question, key) or feedback.pop("hint", "")
        if key and hint:
            feedback["hint"] = hint
        feedback["summary"] = feedback_summary(feedback, bool(response.correct))
        return FEEDBACK.to_representation(feedback)


def known_wrong_answer_hint(question: Question, key: str) -> str:
    """The hint of the question's known wrong answer `key`, in the active language (the
    question's wrong answers prefetched, as questions_by_id(..., graded=True) does)."""
    if not key:
        return ""
    language = translation.get_language() or "en"
    for wrong in question.wrong_answers.all():
        if wrong.key == key:
            return wrong.hint_in(language)
    return ""


class GradedResponseOutput(SavedResponseOutput):
    """A response after submission: its grade, feedback, explanation and the lesson it cites.
    Its `question` must be fetched with the cited lesson (AttemptOutput does)."""

    correct = serializers.BooleanField(required=False)
    points = serializers.FloatField(required=False)
    max_points = serializers.FloatField(required=False)
    feedback = FeedbackField()
    explanation = serializers.CharField(source="question.explanation", required=False)
    lesson = serializers.CharField(
        source="question.lesson.slug",
        required=False,
        allow_null=True,
        help_text="The cited lesson's slug.",
    )
    lesson_title = serializers.CharField(
        source="question.lesson.title",
        required=False,
        allow_null=True,
        help_text="The cited lesson's title, translated.",
    )


# --- attempts -------------------------------------------------------------------------------


def seconds_left(attempt: Attempt) -> int | None:
    """Whole seconds until the deadline, by the server's clock (None: untimed or submitted)."""
    if attempt.deadline is None or attempt.is_submitted:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


class AttemptSummaryOutput(serializers.ModelSerializer):
    """One row of the learner's attempt list."""

    quiz = serializers.SlugRelatedField(read_only=True, slug_field="slug")
    assignment = serializers.IntegerField(
        source="assignment_id", allow_null=True, help_text="The assignment it was taken for."
    )
    seconds_left = serializers.SerializerMethodField()

    class Meta:
        model = Attempt
        fields = [
            "id",
            "quiz",
            "assignment",
            "client_id",
            "started_at",
            "deadline",
            "seconds_left",
            "submitted_at",
            "after_due",
            "score",
            "max_score",
            "passed",
        ]

    def get_seconds_left(self, attempt) -> int | None:
        return seconds_left(attempt)


class AttemptOutput(AttemptSummaryOutput):
    """An attempt with its drawn questions. Context: `questions` ({id: Question}), and
    `responses` (the attempt's, when the caller has them: else they are read)."""

    time_limit = serializers.IntegerField(source="quiz.time_limit", allow_null=True)
    pass_mark = serializers.IntegerField(source="quiz.pass_mark")
    questions = serializers.SerializerMethodField()
    responses = serializers.SerializerMethodField(
        help_text="Before submission: the saved answers only. After: every question of the "
        "attempt, graded (an unanswered one with a null answer and 0 points)."
    )

    class Meta(AttemptSummaryOutput.Meta):
        fields = [
            "id",
            "quiz",
            "assignment",
            "client_id",
            "language",
            "started_at",
            "deadline",
            "seconds_left",
            "time_limit",
            "pass_mark",
            "submitted_at",
            "submitted_late",
            "after_due",
            "score",
            "max_score",
            "passed",
            "questions",
            "responses",
        ]

    @extend_schema_field(QuestionOutput(many=True))
    def get_questions(self, attempt) -> list[dict]:
        questions = self.context["questions"]
        drawn = [questions[pk] for pk in attempt.question_ids if pk in questions]
        context = {"choice_order": attempt.choice_order}
        return QuestionOutput(drawn, many=True, context=context).data

    @extend_schema_field(GradedResponseOutput(many=True))
    def get_responses(self, attempt) -> list[dict]:
        known = self.context.get("responses")
        if known is None:
            known = attempt.responses.all()
        by_question = {response.question_id: response for response in known}
        responses = [by_question[pk] for pk in attempt.question_ids if pk in by_question]
        if not attempt.is_submitted:
            # An answer taken back (saved as null) is no saved answer.
            saved = [response for response in responses if response.answer is not None]
            return SavedResponseOutput(saved, many=True).data
        questions = self.context["questions"]
        for response in responses:
            response.question = questions[response.question_id]  # fetched once, with lessons
        return GradedResponseOutput(responses, many=True).data


# --- input -----------------------------------------------------------------------------------


class AttemptCreateInput(InputSerializer):
    quiz = serializers.SlugField(max_length=80)
    client_id = StrictUUIDField(help_text="Made by the device; the same id returns the attempt.")
    assignment = StrictIntegerField(required=False, allow_null=True, min_value=1)


class AttemptFilterInput(serializers.Serializer):
    """Query parameters of the attempt list (other parameters are ignored)."""

    quiz = serializers.SlugField(max_length=80, required=False, help_text="A quiz's slug.")
    open = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="true: only attempts not yet submitted; false: only submitted ones.",
    )


class ResponseSaveInput(InputSerializer):
    answer = serializers.JSONField(
        allow_null=True,
        help_text="Shaped by the question's kind; see DESIGN.md. null: the learner took the "
        "answer back (the question is unanswered again).",
    )
    typed_at = serializers.DateTimeField(required=False, allow_null=True, help_text=TYPED_AT)
    sent_at = serializers.DateTimeField(required=False, allow_null=True, help_text=SENT_AT)

    def validate(self, data: dict) -> dict:
        typed_on_server_clock([data], data.get("sent_at"))
        return data


class SubmittedResponseInput(InputSerializer):
    question = StrictIntegerField(min_value=1)
    answer = serializers.JSONField(
        allow_null=True,
        help_text=(
            "null: no answer in this body. An answer saved before stands (a phone that never "
            "saw it must not erase it); otherwise the question is unanswered. To take a saved "
            "answer back, save null to it."
        ),
    )
    typed_at = serializers.DateTimeField(required=False, allow_null=True, help_text=TYPED_AT)


class SubmitInput(InputSerializer):
    responses = SubmittedResponseInput(many=True, required=False, max_length=200)
    sent_at = serializers.DateTimeField(required=False, allow_null=True, help_text=SENT_AT)

    def validate(self, data: dict) -> dict:
        typed_on_server_clock(data.get("responses", []), data.get("sent_at"))
        return data


# --- progress and assignments ---------------------------------------------------------------


class QuizProgressOutput(serializers.Serializer):
    quiz = serializers.CharField()
    attempts = serializers.IntegerField()
    best_score = serializers.FloatField(allow_null=True)
    max_score = serializers.FloatField(allow_null=True)
    passed = serializers.BooleanField()


class AssignmentOutput(serializers.Serializer):
    """One of the learner's assignments (quizzes.assignments.LearnerAssignment)."""

    id = serializers.IntegerField()
    quiz = serializers.CharField(help_text="The quiz's slug.")
    title = serializers.CharField()
    opens_at = serializers.DateTimeField(
        allow_null=True, help_text="Before it, the assignment is listed but cannot be started."
    )
    due_at = serializers.DateTimeField(
        allow_null=True, help_text="Submissions after it are kept and marked after_due."
    )
    attempt_limit = serializers.IntegerField(
        allow_null=True, help_text="The assignment's limit (else the quiz's); null: none."
    )
    attempts_used = serializers.IntegerField(help_text="Attempts started for this assignment.")
    attempts_left = serializers.IntegerField(allow_null=True)
    status = serializers.ChoiceField(
        choices=Status.ALL,
        help_text="upcoming (not open yet), not_started, in_progress, submitted (by the due "
        "date) or late (submitted only after it).",
    )
    best_score = serializers.FloatField(allow_null=True)
    max_score = serializers.FloatField(allow_null=True, help_text="Of the best attempt.")
    passed = serializers.BooleanField(help_text="Some attempt for it passed.")
