"""Compile the project's PO catalogs: GNU msgfmt when installed, else polib (pure Python)."""

import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo (msgfmt if present, else polib)."

    def handle(self, *args, **options):
        locale = Path(settings.LOCALE_PATHS[0])
        if shutil.which("msgfmt"):
            call_command(
                "compilemessages", locale=[], ignore_patterns=[".venv", "staticfiles"], verbosity=0
            )
            self.stdout.write("Catalogs compiled with msgfmt.")
            return
        for po_path in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            try:
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
        self.stdout.write("Catalogs compiled with polib (msgfmt not installed).")
