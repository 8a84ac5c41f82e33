"""Spaced review over HTTP: the learner's cards, and answering one."""

from django.utils import timezone, translation
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import error_responses
from core.throttles import RequestRateThrottle, ResponseSaveRateThrottle
from review import selectors, services
from review.api.serializers import ReviewAnswerInput, ReviewCardOutput, ReviewResultOutput


@extend_schema(
    tags=["review"], responses={200: ReviewCardOutput(many=True), **error_responses(401, 404, 429)}
)
class ReviewCardListApi(generics.ListAPIView):
    """The learner's review cards, due ones first; each question shaped as in quiz detail."""

    serializer_class = ReviewCardOutput
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return selectors.cards_of(learner=self.request.user)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "now": timezone.now()}


@extend_schema(
    tags=["review"],
    request=ReviewAnswerInput,
    parameters=[OpenApiParameter("question_id", int, OpenApiParameter.PATH)],
    responses={
        201: OpenApiResponse(ReviewResultOutput, description="Graded and rescheduled."),
        200: OpenApiResponse(ReviewResultOutput, description="This client_id's stored review."),
        **error_responses(400, 401, 404, 409, 413, 415, 429),
    },
)
class ReviewAnswerApi(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [RequestRateThrottle, ResponseSaveRateThrottle]

    def post(self, request, question_id):
        """Answer a card: graded like a quiz answer, rescheduled by FSRS; idempotent by
        client_id."""
        payload = ReviewAnswerInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        review, created = services.review_answer(
            learner=request.user,
            question_id=question_id,
            answer=data["answer"],
            client_id=data["client_id"],
            answered_at=data.get("answered_at"),
            language=translation.get_language() or "en",
        )
        return Response(
            ReviewResultOutput(review).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
