"""Django's CSRF refusals, worded in the request's language.

Django's CSRF check gives its reason in English only (constants in django.middleware.csrf,
some with a value inside), and DRF wraps it as 'CSRF Failed: <reason>'. The API's messages
are in the request's language, so each reason is read back and said again here.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

CSRF_FAILED = _("CSRF Failed: %(reason)s")

# The token's source as Django names it: POST data, or "the 'X-Csrftoken' HTTP header".
_SOURCE = r"(?:(?P<post>POST)|the '(?P<header>[^']*)' HTTP header)"
TOKEN_FROM_POST = _("the POST data")
TOKEN_FROM_HEADER = _("the %(header)s HTTP header")

# (Django's reason as a pattern, our words for it)
REASONS = [
    (r"CSRF cookie not set\.", _("CSRF cookie not set.")),
    (r"CSRF token missing\.", _("CSRF token missing.")),
    (r"CSRF cookie has incorrect length\.", _("CSRF cookie has incorrect length.")),
    (r"CSRF cookie has invalid characters\.", _("CSRF cookie has invalid characters.")),
    (
        rf"CSRF token from {_SOURCE} has incorrect length\.",
        _("CSRF token from %(source)s has incorrect length."),
    ),
    (
        rf"CSRF token from {_SOURCE} has invalid characters\.",
        _("CSRF token from %(source)s has invalid characters."),
    ),
    (rf"CSRF token from {_SOURCE} incorrect\.", _("CSRF token from %(source)s incorrect.")),
    (
        r"Origin checking failed - (?P<origin>.*) does not match any trusted origins\.",
        _("Origin checking failed - %(origin)s does not match any trusted origins."),
    ),
    (r"Referer checking failed - no Referer\.", _("Referer checking failed - no Referer.")),
    (
        r"Referer checking failed - Referer is malformed\.",
        _("Referer checking failed - Referer is malformed."),
    ),
    (
        r"Referer checking failed - Referer is insecure while host is secure\.",
        _("Referer checking failed - Referer is insecure while host is secure."),
    ),
    (
        r"Referer checking failed - (?P<referer>.*) does not match any trusted origins\.",
        _("Referer checking failed - %(referer)s does not match any trusted origins."),
    ),
]
_COMPILED = [(re.compile(pattern, re.DOTALL), words) for pattern, words in REASONS]


def translated_reason(reason: str) -> str:
    """Django's English `reason` in the active language (as it is, if Django added one)."""
    for pattern, words in _COMPILED:
        match = pattern.fullmatch(reason)
        if match is None:
            continue
        values = {k: v for k, v in match.groupdict().items() if v is not None}
        if "post" in values or "header" in values:
            source = (
                TOKEN_FROM_POST
                if "post" in values
                else TOKEN_FROM_HEADER % {"header": values["header"]}
            )
            return str(words) % {"source": source}
        return str(words) % values if values else str(words)
    return reason


def csrf_failed(reason: str) -> str:
    """DRF's 'CSRF Failed: <reason>', in the active language."""
    return CSRF_FAILED % {"reason": translated_reason(reason)}
