"""Write content.po for every translated language from the database."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from learning.catalogs import catalog_path, content_export
from learning.pack_export import pack_export


class Command(BaseCommand):
    help = (
        "Write locale/<lang>/LC_MESSAGES/content.po from every translatable content field: "
        "keeps translations, marks changed sources fuzzy and removed objects obsolete. With "
        "--pack DIR, write the database's content (admin-made included) as a content pack."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale", type=Path, default=Path(settings.LOCALE_PATHS[0]), help="locale folder"
        )
        parser.add_argument("--language", action="append", help="only these languages")
        parser.add_argument(
            "--pack",
            type=Path,
            help="write the content as a pack into this folder (English; translations stay in "
            "content.po) instead of the PO files",
        )

    def handle(self, *args, locale: Path, language: list[str] | None, pack: Path | None, **options):
        if pack is not None:
            for problem in pack_export(folder=pack):
                self.stderr.write(f"not exported: {problem}")
            self.stdout.write(f"Content pack written to {pack}.")
            return
        reports = content_export(locale_dir=locale, languages=language)
        for code, report in reports.items():
            self.stdout.write(
                f"{catalog_path(locale, code)}: {report.added} added, {report.updated} updated "
                f"({report.fuzzy} now fuzzy), {report.obsolete} obsolete, "
                f"{report.unchanged} unchanged"
            )
