"""Django's makemessages, writing the project's PO format: every line at settings.PO_WRAP_WIDTH
(unwrapped), as exportcontent and rosetta write, so a translator's save is a small diff."""

from pathlib import Path

from django.conf import settings
from django.core.management.commands import makemessages

from learning.catalogs import rewrap_catalogs


class Command(makemessages.Command):
    help = f"{makemessages.Command.help} PO files are written unwrapped (settings.PO_WRAP_WIDTH)."

    def handle(self, *args, **options):
        # gettext's --no-wrap leaves the "#:" reference lines wrapped; polib rewrites them.
        options["no_wrap"] = not settings.PO_WRAP_WIDTH
        super().handle(*args, **options)
        for locale in settings.LOCALE_PATHS:
            rewrap_catalogs(Path(locale), options["domain"])
