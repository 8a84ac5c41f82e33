"""Load a content pack and its translations, idempotently."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from learning.catalogs import content_translations_load
from learning.packs import PackInvalid, read_pack
from learning.services import content_pack_load

DEFAULT_PACK = Path(settings.BASE_DIR) / "learning" / "content" / "factsheet"


class Command(BaseCommand):
    help = (
        "Load a content pack (YAML + Markdown) and its content.po translations. Upserts by "
        "stable key: a second run changes nothing. An invalid pack writes nothing. Only rows the "
        "pack made are written; a pack change to a field edited in the admin is reported and "
        "left alone unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pack", type=Path, default=DEFAULT_PACK, help="pack folder")
        parser.add_argument(
            "--locale", type=Path, default=Path(settings.LOCALE_PATHS[0]), help="locale folder"
        )
        parser.add_argument(
            "--no-translations", action="store_true", help="load the English pack only"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="apply the pack's changes to fields and rows edited or made in the admin too",
        )

    def handle(
        self, *args, pack: Path, locale: Path, no_translations: bool, force: bool, **options
    ):
        try:
            content = read_pack(pack)
        except PackInvalid as invalid:
            for problem in invalid.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"content pack {pack} is invalid ({len(invalid.problems)} problem(s)); "
                "nothing was written"
            ) from None
        report = content_pack_load(pack=content, force=force)
        detailed = options["verbosity"] >= 1  # -v0: only conflicts, problems and the outcome
        for line in report.lines() if detailed else ():
            self.stdout.write(line)
        changed = report.changed
        conflicts = list(report.conflicts)
        if not no_translations:
            translations = content_translations_load(locale_dir=locale, force=force)
            for kind, count in sorted(translations.updated.items()) if detailed else ():
                self.stdout.write(f"translations: {count} {kind} field(s) updated")
            changed = changed or bool(translations.updated)
            conflicts += translations.conflicts
            if translations.problems:
                for problem in translations.problems:
                    self.stderr.write(str(problem))
                skipped = ", ".join(str(path) for path in translations.skipped_files)
                raise CommandError(f"translations not loaded from: {skipped}")
        for conflict in conflicts:
            self.stdout.write(self.style.WARNING(f"conflict: {conflict}"))
        if conflicts:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(conflicts)} pack change(s) left alone: the admin owns them "
                    "(--force applies them)."
                )
            )
        if changed:
            self.stdout.write(self.style.SUCCESS("Content loaded."))
        else:
            self.stdout.write(self.style.SUCCESS("No changes: the database already matches."))
