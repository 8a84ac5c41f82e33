"""Quizzes and attempts over HTTP: thin views that validate input, call a service or selector,
and answer with the serializer that documents the output."""

from django.http import Http404
from django.utils import translation
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import error_responses, page_of
from core.codes import ErrorCode
from core.conditional import PAGE_PARAMETERS, ConditionalReadMixin
from core.errors import DomainError
from core.throttles import RequestRateThrottle, ResponseSaveRateThrottle, SubmitRateThrottle
from learning.selectors import versions
from quizzes import bank, errors, selectors, services
from quizzes.api.serializers import (
    AssignmentOutput,
    AttemptCreateInput,
    AttemptFilterInput,
    AttemptOutput,
    AttemptSummaryOutput,
    QuizAttemptsOutput,
    QuizDetailForLearnerOutput,
    QuizDetailOutput,
    QuizOutput,
    ResponseSaveInput,
    SavedResponseOutput,
    SubmitInput,
)
from quizzes.assignments import learner_assignments
from quizzes.models import Assignment, Attempt, Question, Quiz


@extend_schema(
    tags=["quizzes"], responses={200: QuizOutput(many=True), **error_responses(404, 429)}
)
class QuizListApi(ConditionalReadMixin, generics.ListAPIView):
    """Published quizzes in course order (a quiz follows its lesson)."""

    serializer_class = QuizOutput
    query_parameters = PAGE_PARAMETERS

    def get_queryset(self):
        return selectors.quiz_list()

    def content_version(self):
        return versions(Quiz, Question)


@extend_schema(
    tags=["quizzes"],
    responses={200: QuizDetailForLearnerOutput, **error_responses(404, 429)},
)
class QuizDetailApi(ConditionalReadMixin, generics.RetrieveAPIView):
    """A quiz with its whole pool of questions and choices, and no answer keys; for a signed-in
    learner also how many attempts they used and have left."""

    serializer_class = QuizDetailOutput
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.quiz_with_questions()

    def content_version(self):
        version = selectors.quiz_version(self.kwargs["slug"])
        if version is None:
            raise Http404
        return version

    def personal_data(self, request) -> dict:
        if not request.user.is_authenticated:
            return {}
        attempts = selectors.quiz_attempts_of(learner=request.user, slug=self.kwargs["slug"])
        return QuizAttemptsOutput(attempts).data


def own_attempt(*, learner, attempt_id: int) -> Attempt:
    """The learner's attempt; anyone else's answers 404, like a missing one."""
    try:
        return selectors.attempt_for_learner(learner=learner, attempt_id=attempt_id)
    except Attempt.DoesNotExist:
        raise Http404 from None


def attempt_response(*, learner, attempt_id: int) -> Response:
    """The learner's attempt with its questions; answer keys only once it is submitted."""
    attempt = own_attempt(learner=learner, attempt_id=attempt_id)
    questions = bank.current().questions_of(attempt.question_ids)
    return Response(AttemptOutput(attempt, context={"questions": questions}).data)


def attempt_body(attempt: Attempt, *, questions: dict, responses: list) -> dict:
    """The attempt's body from what a write path already holds (nothing is read again)."""
    return AttemptOutput(attempt, context={"questions": questions, "responses": responses}).data


class AttemptWriteApi(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [RequestRateThrottle, SubmitRateThrottle]


@extend_schema(tags=["attempts"])
class AttemptListCreateApi(AttemptWriteApi, generics.GenericAPIView):
    serializer_class = AttemptSummaryOutput

    def get_throttles(self):
        # Listing is a read: it must not spend the learner's budget of writes.
        if self.request.method == "POST":
            return super().get_throttles()
        return [throttle() for throttle in APIView.throttle_classes]

    @extend_schema(
        request=AttemptCreateInput,
        responses={
            201: OpenApiResponse(AttemptOutput, description="A new attempt."),
            200: OpenApiResponse(AttemptOutput, description="This client_id's existing attempt."),
            **error_responses(400, 401, 403, 404, 409, 413, 415, 429),
        },
    )
    def post(self, request):
        """Start an attempt; idempotent by the device's client_id."""
        payload = AttemptCreateInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        quiz = selectors.quiz_to_start(
            learner=request.user, slug=data["quiz"], client_id=data["client_id"]
        )
        if quiz is None:
            raise ValidationError({"quiz": [errors.QUIZ_NOT_FOUND]})
        assignment = None
        if data.get("assignment") is not None:
            assignment = (
                Assignment.objects.select_related("quiz").filter(pk=data["assignment"]).first()
            )
            if assignment is None:
                # Word for word what services.start answers for someone else's assignment:
                # whether an id exists must not show.
                raise DomainError(
                    ErrorCode.INVALID,
                    errors.UNKNOWN_ASSIGNMENT,
                    {"assignment": [errors.UNKNOWN_ASSIGNMENT]},
                )
        started = services.start(
            learner=request.user,
            quiz=quiz,
            client_id=data["client_id"],
            language=translation.get_language() or "en",
            assignment=assignment,
        )
        return Response(
            attempt_body(started.attempt, questions=started.questions, responses=started.responses),
            status=status.HTTP_201_CREATED if started.created else status.HTTP_200_OK,
        )

    @extend_schema(
        operation_id="attempts_list",
        parameters=[AttemptFilterInput],
        responses={
            200: page_of("AttemptSummaryPage", AttemptSummaryOutput(many=True)),
            **error_responses(400, 401, 404, 429),
        },
    )
    def get(self, request):
        """The learner's own attempts, newest first; `?quiz=<slug>&open=true` finds the one to
        resume."""
        filters = AttemptFilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        attempts = selectors.learner_attempts(learner=request.user, **filters.validated_data)
        page = self.paginate_queryset(attempts)
        return self.get_paginated_response(AttemptSummaryOutput(page, many=True).data)


@extend_schema(tags=["attempts"], responses={200: AttemptOutput, **error_responses(401, 404, 429)})
class AttemptDetailApi(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request, pk):
        """Only the learner's own attempt; anyone else's answers 404."""
        return attempt_response(learner=request.user, attempt_id=pk)


@extend_schema(
    tags=["attempts"],
    request=ResponseSaveInput,
    responses={
        200: SavedResponseOutput,
        **error_responses(400, 401, 403, 404, 409, 413, 415, 429),
    },
)
class ResponseSaveApi(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [ResponseSaveRateThrottle]

    def put(self, request, pk, question_id):
        """Save (or replace) one answer while the attempt is open."""
        payload = ResponseSaveInput(data=request.data)
        payload.is_valid(raise_exception=True)
        response = services.response_save(
            learner=request.user,
            attempt_id=pk,
            question_id=question_id,
            answer=payload.validated_data["answer"],
            typed_at=payload.validated_data.get("typed_at"),
        )
        return Response(SavedResponseOutput(response).data)


@extend_schema(
    tags=["attempts"],
    request=SubmitInput,
    responses={200: AttemptOutput, **error_responses(400, 401, 403, 404, 413, 415, 429)},
)
class AttemptSubmitApi(AttemptWriteApi):
    def post(self, request, pk):
        """Grade and close the attempt; a repeat returns the stored result, whatever its body."""

        def answers() -> list[dict]:
            # Read only while the attempt is open: a replay's body is never read.
            payload = SubmitInput(data=request.data)
            payload.is_valid(raise_exception=True)
            return payload.validated_data.get("responses", [])

        submission = services.submit(
            learner=request.user,
            attempt_id=pk,
            answers=answers,
            language=translation.get_language(),
        )
        return Response(
            attempt_body(
                submission.attempt, questions=submission.questions, responses=submission.responses
            )
        )


@extend_schema(
    tags=["progress"],
    responses={
        200: page_of("AssignmentPage", AssignmentOutput(many=True)),
        **error_responses(401, 429),
    },
)
class AssignmentListApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        """Quizzes assigned to the learner (to them or to a cohort of theirs), the soonest due
        first, with where they stand and their best score."""
        page = self.paginate_queryset(learner_assignments(learner=request.user))
        return self.get_paginated_response(AssignmentOutput(page, many=True).data)
