"""The OpenAPI schema's view inspector (REST_FRAMEWORK's DEFAULT_SCHEMA_CLASS)."""

import drf_spectacular.openapi
from drf_spectacular.utils import OpenApiResponse

from core.conditional import ConditionalReadMixin
from core.errors import ErrorSerializer


class AutoSchema(drf_spectacular.openapi.AutoSchema):
    """drf-spectacular's schema, plus the answers every operation of ours can give whatever its
    own documentation says: 406 (content negotiation runs first in every view), and for a
    conditional read (core.conditional) 304 and 412."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        added = {406: OpenApiResponse(ErrorSerializer, description="not_acceptable")}
        if self.method == "GET" and isinstance(self.view, ConditionalReadMixin):
            added[304] = OpenApiResponse(
                description="Not modified: If-None-Match holds the ETag (or If-Modified-Since "
                "is not older than Last-Modified); no body."
            )
            added[412] = OpenApiResponse(
                ErrorSerializer,
                description="precondition_failed: If-Match or If-Unmodified-Since names "
                "another version.",
            )
        for code, response in added.items():
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(
                    response, str(code), direction=direction
                )
        # drf-spectacular's private hook, kept small: it has no public one for answers added
        # to what @extend_schema declares.
        return dict(sorted(responses.items()))
