"""Shapes of the account endpoints."""

from dataclasses import dataclass

from rest_framework import serializers

from core.fields import InputSerializer, NoInput
from core.permissions import is_instructor


@dataclass(frozen=True)
class Account:
    """Who is signed in, as the app needs to know it."""

    authenticated: bool
    id: int | None = None
    username: str | None = None
    is_instructor: bool = False

    @classmethod
    def of(cls, user) -> "Account":
        if not user.is_authenticated:
            return cls(authenticated=False)
        return cls(True, user.pk, user.get_username(), is_instructor(user))


class AccountOutput(serializers.Serializer):
    authenticated = serializers.BooleanField()
    id = serializers.IntegerField(allow_null=True)
    username = serializers.CharField(allow_null=True)
    is_instructor = serializers.BooleanField()


class LoginInput(InputSerializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=256, trim_whitespace=False)


class PasswordChangeInput(InputSerializer):
    old_password = serializers.CharField(max_length=256, trim_whitespace=False)
    new_password = serializers.CharField(max_length=256, trim_whitespace=False)


class AccountDeleteInput(NoInput):
    """Deleting one's account takes no fields (a body, if any, is `{}`)."""
