"""Compile the project's PO catalogs: GNU msgfmt when installed, else polib (pure Python)."""

import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.files import write_whole


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
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue  # up to date, as compilemessages judges it
            try:
                write_whole(mo_path, polib.pofile(str(po_path)).to_binary())
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
        self.stdout.write("Catalogs compiled with polib (msgfmt not installed).")
