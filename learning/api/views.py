"""Course reads, lesson completion and sign-in: thin views over selectors and services."""

from django.contrib.auth import authenticate, login, logout
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from learning import selectors, services
from learning.api.common import (
    USER_SCHEMA,
    ConditionalReadMixin,
    LoginRateThrottle,
    SessionAuthentication,
    error_responses,
)
from learning.api.serializers import (
    CourseSerializer,
    GlossaryTermSerializer,
    LessonDetailSerializer,
    LessonProgressSerializer,
    LessonSerializer,
    LoginSerializer,
)
from learning.models import Course, GlossaryTerm, Lesson
from learning.permissions import INSTRUCTORS_GROUP

BAD_CREDENTIALS = _("That username and password do not match an account.")


@extend_schema(
    tags=["course"], responses={200: CourseSerializer(many=True), **error_responses(404, 429)}
)
class CourseListApi(ConditionalReadMixin, generics.ListAPIView):
    serializer_class = CourseSerializer

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

    def get_queryset(self):
        return selectors.glossary()

    def content_version(self):
        return selectors.versions(GlossaryTerm)


@extend_schema(
    tags=["progress"],
    request=None,
    responses={200: LessonProgressSerializer, **error_responses(401, 403, 404, 429)},
)
class LessonCompleteApi(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request, slug):
        lesson = get_object_or_404(Lesson.published_objects, slug=slug)
        progress = services.lesson_complete(learner=request.user, lesson=lesson)
        return Response(LessonProgressSerializer(progress).data)


def whoami(user) -> dict:
    if not user.is_authenticated:
        return {"authenticated": False, "id": None, "username": None, "is_instructor": False}
    is_instructor = user.is_staff and user.groups.filter(name=INSTRUCTORS_GROUP).exists()
    return {
        "authenticated": True,
        "id": user.pk,
        "username": user.get_username(),
        "is_instructor": is_instructor,
    }


@extend_schema(
    tags=["auth"],
    request=LoginSerializer,
    responses={200: USER_SCHEMA, **error_responses(400, 403, 413, 429)},
)
class LoginApi(APIView):
    """Sign in with the session. CSRF applies even before sign-in, so no other site can sign
    a learner into an account of its own (get the token from auth/me first)."""

    throttle_classes = [LoginRateThrottle]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        SessionAuthentication().enforce_csrf(request)

    def post(self, request):
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(request, **serializer.validated_data)
        if user is None:
            raise ValidationError({"non_field_errors": [BAD_CREDENTIALS]})
        login(request, user)
        return Response(whoami(user))


@extend_schema(tags=["auth"], request=None, responses={204: None, **error_responses(403, 429)})
class LogoutApi(APIView):
    def post(self, request):
        logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["auth"], responses={200: USER_SCHEMA, **error_responses(429)})
@method_decorator(ensure_csrf_cookie, name="dispatch")
class WhoamiApi(APIView):
    """Who is signed in; also sets the CSRF cookie the app sends back on writes."""

    def get(self, request):
        return Response(whoami(request.user))
