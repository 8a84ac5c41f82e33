"""Health and readiness checks, sign-in and the learner's own account: plumbing no app owns."""

from django.contrib.auth import (
    authenticate,
    login,
    logout,
    password_validation,
    update_session_auth_hash,
)
from django.core.cache import caches
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, connection, transaction
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import SessionAuthentication, error_responses
from core.cache import ResilientRedisCache
from core.cache import health as cache_health
from core.codes import ErrorCode
from core.errors import Forbidden
from core.fields import no_body
from core.progress import learner_progress, progress_serializer
from core.schema import AutoSchema
from core.serializers import (
    Account,
    AccountDeleteInput,
    AccountOutput,
    LoginInput,
    PasswordChangeInput,
)
from core.throttles import LoginAccountRateThrottle, LoginRateThrottle, PasswordRateThrottle

BAD_CREDENTIALS = _("That username and password do not match an account.")
WRONG_PASSWORD = _("This is not your current password.")
STAFF_NOT_DELETED = _("Staff accounts are deleted by an administrator, not here.")


@never_cache
def healthz(request):
    """Liveness: answers without touching the database or the cache."""
    return JsonResponse({"status": "ok"})


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "unavailable"
    return "ok"


def _cache_state() -> str:
    backend = caches["default"]
    if not isinstance(backend, ResilientRedisCache):
        return "local"  # a per-process cache: nothing to lose but speed
    backend.get("readyz")
    return "ok" if cache_health.up else "unavailable"


@never_cache
def readyz(request):
    """Readiness, for a load balancer: 503 when this node cannot serve learners (its database
    does not answer), 200 otherwise. The cache's state is reported, not required: without it
    the node still serves, only slower."""
    database, shared_cache = _database_state(), _cache_state()
    ready = database == "ok"
    body = {"status": "ready" if ready else "unavailable", "database": database}
    body["cache"] = shared_cache
    return JsonResponse(body, status=200 if ready else 503)


@extend_schema(
    tags=["auth"],
    request=LoginInput,
    responses={200: AccountOutput, **error_responses(400, 403, 413, 415, 429)},
)
class LoginApi(APIView):
    """Sign in with the session. CSRF applies even before sign-in, so no other site can sign
    a learner into an account of its own (get the token from auth/me first)."""

    throttle_classes = [LoginRateThrottle, LoginAccountRateThrottle]

    def get_throttles(self):
        # The same instances that counted this request, so a sign-in can take its hits back.
        if not hasattr(self, "_throttles"):
            self._throttles = super().get_throttles()
        return self._throttles

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        SessionAuthentication().enforce_csrf(request)

    def post(self, request):
        payload = LoginInput(data=request.data)
        payload.is_valid(raise_exception=True)
        user = authenticate(request, **payload.validated_data)
        if user is None:
            raise ValidationError({"non_field_errors": [BAD_CREDENTIALS]})
        login(request, user)
        for throttle in self.get_throttles():
            throttle.signed_in()  # a sign-in that succeeded guessed nothing
        return Response(AccountOutput(Account.of(user)).data)


@extend_schema(
    tags=["auth"], request=None, responses={204: None, **error_responses(400, 403, 413, 415, 429)}
)
class LogoutApi(APIView):
    def post(self, request):
        no_body(request)
        logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["auth"], responses={200: AccountOutput, **error_responses(429)})
@method_decorator(ensure_csrf_cookie, name="dispatch")
class WhoamiApi(APIView):
    """Who is signed in; also sets the CSRF cookie the app sends back on writes."""

    def get(self, request):
        return Response(AccountOutput(Account.of(request.user)).data)


class ProgressSchema(AutoSchema):
    """The progress page's shape is known only once every app has registered its section."""

    def get_response_serializers(self):
        return {200: progress_serializer(), **error_responses(401, 429)}


@extend_schema(tags=["progress"])
class ProgressApi(APIView):
    permission_classes = [IsAuthenticated]
    schema = ProgressSchema()

    def get(self, request):
        """The learner's progress: lessons completed, quiz results and more, by section."""
        return Response(learner_progress(request.user, request))


@extend_schema(
    tags=["auth"],
    request=PasswordChangeInput,
    responses={200: AccountOutput, **error_responses(400, 401, 403, 413, 415, 429)},
)
class PasswordChangeApi(APIView):
    """Change one's own password; this session stays signed in, other sessions end."""

    permission_classes = [IsAuthenticated]
    throttle_classes = [PasswordRateThrottle]

    def post(self, request):
        payload = PasswordChangeInput(data=request.data)
        payload.is_valid(raise_exception=True)
        user, data = request.user, payload.validated_data
        if not user.check_password(data["old_password"]):
            raise ValidationError({"old_password": [WRONG_PASSWORD]})
        try:
            password_validation.validate_password(data["new_password"], user)
        except DjangoValidationError as error:
            raise ValidationError({"new_password": list(error.messages)}) from None
        user.set_password(data["new_password"])
        user.save(update_fields=["password"])
        update_session_auth_hash(request, user)
        return Response(AccountOutput(Account.of(user)).data)


@extend_schema(
    tags=["auth"],
    request=AccountDeleteInput,
    responses={204: None, **error_responses(400, 401, 403, 413, 415, 429)},
)
class MeApi(APIView):
    permission_classes = [IsAuthenticated]

    def delete(self, request):
        """Delete one's own account and data: progress and sign-in go; attempts stay for the
        statistics, anonymised (no name, no link to the account). No body, or `{}`."""
        no_body(request)
        user = request.user
        if user.is_staff or user.is_superuser:
            raise Forbidden(ErrorCode.PERMISSION_DENIED, STAFF_NOT_DELETED)
        with transaction.atomic():
            logout(request)
            user.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
