"""Joining a cohort over HTTP: sign up with a cohort's join code, or join one when signed in."""

from django.contrib.auth import login
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import SessionAuthentication, error_responses
from core.fields import InputSerializer
from core.serializers import Account, AccountOutput
from core.throttles import SignupRateThrottle
from quizzes import accounts


class SignupInput(InputSerializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=256, trim_whitespace=False)
    code = serializers.CharField(max_length=32, help_text="A cohort's join code.")


class JoinInput(InputSerializer):
    code = serializers.CharField(max_length=32, help_text="A cohort's join code.")


class CohortOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


@extend_schema(
    tags=["auth"],
    request=SignupInput,
    responses={201: AccountOutput, **error_responses(400, 403, 413, 415, 429)},
)
class SignupApi(APIView):
    """Make a learner account in the cohort of a join code, and sign in with it. CSRF applies,
    as for sign-in (get the token from auth/me first)."""

    throttle_classes = [SignupRateThrottle]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        SessionAuthentication().enforce_csrf(request)

    def post(self, request):
        payload = SignupInput(data=request.data)
        payload.is_valid(raise_exception=True)
        user = accounts.learner_signup(**payload.validated_data)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return Response(AccountOutput(Account.of(user)).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["auth"],
    request=JoinInput,
    responses={200: CohortOutput, **error_responses(400, 401, 403, 413, 415, 429)},
)
class CohortJoinApi(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        """Join the cohort of a join code (its assignments then show in me/assignments)."""
        payload = JoinInput(data=request.data)
        payload.is_valid(raise_exception=True)
        cohort = accounts.cohort_join(learner=request.user, code=payload.validated_data["code"])
        return Response(CohortOutput(cohort).data)
