"""Input serializers that take only what the contract documents: ids are JSON integers,
UUIDs are strings, and a field the operation does not know is refused, not ignored."""

from datetime import datetime, timedelta

from rest_framework import serializers

from core.errors import NOT_AN_INTEGER, UNKNOWN_FIELD


class StrictIntegerField(serializers.IntegerField):
    """An id: a JSON integer. DRF's IntegerField also takes "19" and 19.0, which hides a client
    sending the wrong type."""

    default_error_messages = {"invalid": NOT_AN_INTEGER}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictUUIDField(serializers.UUIDField):
    """A UUID written as a string, as documented. DRF's UUIDField also takes a JSON number
    (`7` becomes 00000000-…-0007)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid", value=data)
        return super().to_internal_value(data)


class InputSerializer(serializers.Serializer):
    """A request body: unknown fields are an error (a typo must not pass as "unanswered")."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: [UNKNOWN_FIELD] for name in unknown})
        return super().to_internal_value(data)


class NoInput(InputSerializer):
    """The body of an action that takes none: absent, or `{}`."""


def no_body(request) -> None:
    """Parse and check the body of an action that takes none, before it acts: malformed or
    hostile JSON, a body that is not an object and any field answer 400, and nothing is done."""
    body = request.data
    NoInput(data={} if isinstance(body, dict) and not body else body).is_valid(raise_exception=True)


SENT_AT = (
    "The device's clock when it sent this request (ISO 8601). With it the device's other times "
    "in the request are read as how long before sending they were, so a device whose clock is "
    "wrong still orders its answers right. Without it they are taken as they are, but never "
    "later than the server's now."
)


def on_server_clock(device_time: datetime, *, sent_at: datetime | None, now: datetime) -> datetime:
    """A moment by a device's clock, on the server's. `sent_at`, the device's clock when it sent
    the request, says how far apart the clocks are (to within the request's travel): a cheap
    phone's clock may be hours or years off. Never later than `now`: nothing reaches the server
    from its future, and a clock that went back between the two counts as "just now"."""
    if sent_at is not None:
        device_time = now - max(sent_at - device_time, timedelta(0))
    return min(device_time, now)
