"""The API's only body parser: JSON, refused whole (400 `malformed`) when it is nested too
deeply, gives a key twice, or holds text that cannot be stored (not UTF-8, or a NUL, which
PostgreSQL refuses in text and JSON), before any view sees it."""

from __future__ import annotations

import json
import math

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from core.errors import (
    DUPLICATE_KEY,
    MALFORMED,
    NOT_UNICODE,
    NUL_CHARACTER,
    TOO_DEEP,
    UNREADABLE_CHARSET,
)
from core.text import is_encodable

# Deeper than any answer shape needs (a match answer is 3 levels), far below what makes
# Python's recursive JSON handling fail (about 1,000).
MAX_JSON_DEPTH = 32


class HostileBody(ParseError):
    """A body the API refuses as malformed, with a message that says why."""


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    """A number too big for a float (1e400) would become infinity: refused like Infinity."""
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"{text} is out of range")
    return value


def _check_text(text: str) -> None:
    if not is_encodable(text):
        raise HostileBody(NOT_UNICODE)
    if "\x00" in text:
        raise HostileBody(NUL_CHARACTER)


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """An object that gives a key twice is refused: which one counts would be a guess (the
    last, for Python), and a second "responses" would silently drop the first."""
    found = {}
    for key, value in pairs:
        if key in found:
            raise HostileBody(DUPLICATE_KEY % {"key": json.dumps(key)[:60]})
        found[key] = value
    return found


def check_json_value(value, depth: int = 0) -> None:
    """Raise HostileBody when `value` nests more than MAX_JSON_DEPTH containers (objects and
    lists; `depth` is how many hold it) or holds a string (key or value) that cannot be
    stored: not encodable as UTF-8, such as a lone surrogate (`"\\ud800"`), or holding a
    NUL."""
    if isinstance(value, str):
        _check_text(value)
        return
    if not isinstance(value, dict | list):
        return
    # A scalar inside the 32nd container is not a level of its own.
    depth += 1
    if depth > MAX_JSON_DEPTH:
        raise HostileBody(TOO_DEEP % {"limit": MAX_JSON_DEPTH})
    if isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            check_json_value(item, depth)
    else:
        for item in value:
            check_json_value(item, depth)


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, plus the limits above; NaN and Infinity are refused as well, and
    so are numbers that only a float's infinity could hold."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = _charset(parser_context or {})
        try:
            text = stream.read().decode(encoding)
        except LookupError:
            raise HostileBody(UNREADABLE_CHARSET) from None
        except UnicodeError:  # bytes that are not text in `encoding`
            raise HostileBody(MALFORMED) from None
        try:
            data = json.loads(
                text,
                parse_constant=_refuse_constant,
                parse_float=_finite_float,
                object_pairs_hook=_unique_keys,
            )
        except RecursionError:
            raise HostileBody(TOO_DEEP % {"limit": MAX_JSON_DEPTH}) from None
        except ValueError:
            # json.JSONDecodeError is a ValueError, and so are huge integers (over 4,300
            # digits) and the constants refused above.
            raise HostileBody(MALFORMED) from None
        check_json_value(data)
        return data


def _charset(parser_context: dict) -> str:
    """The charset the request declares, as written: Django passes on only names it knows,
    and also codecs that are not text encodings (base64, rot13, zlib). Either way the parser
    must refuse what it cannot decode, not fall back to UTF-8 or fail with a LookupError."""
    request = parser_context.get("request")
    declared = (getattr(request, "content_params", None) or {}).get("charset")
    return declared or parser_context.get("encoding") or settings.DEFAULT_CHARSET
