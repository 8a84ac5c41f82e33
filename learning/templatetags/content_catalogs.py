"""The state of the content catalogs, for the admin's index."""

from pathlib import Path

from django import template
from django.conf import settings

from learning.catalogs import unexported_fields

register = template.Library()


@register.simple_tag
def unexported_content_fields() -> int:
    """Translatable content fields changed since content.po was last exported."""
    return unexported_fields(locale_dir=Path(settings.LOCALE_PATHS[0]))
