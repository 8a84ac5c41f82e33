"""Write content.po for every translated language from the database."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from learning.catalogs import catalog_path, content_export


class Command(BaseCommand):
    help = (
        "Write locale/<lang>/LC_MESSAGES/content.po from every translatable content field: "
        "keeps translations, marks changed sources fuzzy and removed objects obsolete."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale", type=Path, default=Path(settings.LOCALE_PATHS[0]), help="locale folder"
        )
        parser.add_argument("--language", action="append", help="only these languages")

    def handle(self, *args, locale: Path, language: list[str] | None, **options):
        reports = content_export(locale_dir=locale, languages=language)
        for code, report in reports.items():
            self.stdout.write(
                f"{catalog_path(locale, code)}: {report.added} added, {report.updated} updated "
                f"({report.fuzzy} now fuzzy), {report.obsolete} obsolete, "
                f"{report.unchanged} unchanged"
            )
