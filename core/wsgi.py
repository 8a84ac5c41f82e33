"""Django's WSGI handler, with a request that survives a charset it cannot decode text in."""

from __future__ import annotations

import django
from django.core.handlers.wsgi import WSGIHandler as DjangoWSGIHandler
from django.core.handlers.wsgi import WSGIRequest
from django.utils.http import parse_header_parameters

from core.text import is_text_encoding


class Request(WSGIRequest):
    """A request whose Content-Type names a codec that is not a text encoding (`charset=base64`)
    keeps the default encoding for its query string and form data.

    Django takes any codec Python knows and decodes the query string in it while it builds
    the request, before any middleware could answer: a LookupError and a 500 from the server.
    It already ignores names it does not know; this ignores codecs that are not text as well.
    The declared charset stays in `content_params`, where the API's parser refuses it.
    """

    def _set_content_type_params(self, meta):
        self.content_type, self.content_params = parse_header_parameters(
            meta.get("CONTENT_TYPE", "")
        )
        charset = self.content_params.get("charset")
        if charset and is_text_encoding(charset):
            self.encoding = charset


class WSGIHandler(DjangoWSGIHandler):
    request_class = Request


def get_wsgi_application() -> WSGIHandler:
    """As django.core.wsgi.get_wsgi_application, with our handler."""
    django.setup(set_prefix=False)
    return WSGIHandler()
