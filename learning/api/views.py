"""Course reads and lesson completion: thin views over selectors and services."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import error_responses
from core.conditional import PAGE_PARAMETERS, ConditionalReadMixin
from core.fields import no_body
from learning import selectors, services
from learning.api.serializers import (
    CourseSerializer,
    GlossaryTermSerializer,
    LessonDetailSerializer,
    LessonProgressSerializer,
    LessonSerializer,
)
from learning.models import Course, GlossaryTerm, Lesson


@extend_schema(
    tags=["course"], responses={200: CourseSerializer(many=True), **error_responses(404, 429)}
)
class CourseListApi(ConditionalReadMixin, generics.ListAPIView):
    serializer_class = CourseSerializer
    query_parameters = PAGE_PARAMETERS

    def get_queryset(self):
        published = Lesson.published_objects.order_by("order", "slug")
        return selectors.courses().prefetch_related(Prefetch("lessons", queryset=published))

    def content_version(self):
        return selectors.versions(Course, Lesson)


@extend_schema(
    tags=["course"], responses={200: LessonSerializer(many=True), **error_responses(404, 429)}
)
class LessonListApi(ConditionalReadMixin, generics.ListAPIView):
    serializer_class = LessonSerializer
    query_parameters = PAGE_PARAMETERS

    def get_queryset(self):
        return selectors.published_lessons()

    def content_version(self):
        return selectors.versions(Lesson)


@extend_schema(
    tags=["course"], responses={200: LessonDetailSerializer, **error_responses(404, 429)}
)
class LessonDetailApi(ConditionalReadMixin, generics.RetrieveAPIView):
    serializer_class = LessonDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.published_lessons()

    def content_version(self):
        version = selectors.lesson_version(self.kwargs["slug"])
        if version is None:
            raise Http404
        # The detail embeds glossary terms: editing any of them must change the version too.
        terms_version, terms_modified = selectors.versions(GlossaryTerm)
        lesson_version, modified = version
        return f"{lesson_version}|{terms_version}", max(filter(None, [modified, terms_modified]))


@extend_schema(
    tags=["course"],
    responses={200: GlossaryTermSerializer(many=True), **error_responses(404, 429)},
)
class GlossaryListApi(ConditionalReadMixin, generics.ListAPIView):
    serializer_class = GlossaryTermSerializer
    query_parameters = PAGE_PARAMETERS

    def get_queryset(self):
        return selectors.glossary()

    def content_version(self):
        return selectors.versions(GlossaryTerm)


@extend_schema(
    tags=["progress"],
    request=None,
    responses={200: LessonProgressSerializer, **error_responses(400, 401, 403, 404, 413, 415, 429)},
)
class LessonCompleteApi(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request, slug):
        no_body(request)
        lesson = get_object_or_404(Lesson.published_objects, slug=slug)
        progress = services.lesson_complete(learner=request.user, lesson=lesson)
        return Response(LessonProgressSerializer(progress).data)
