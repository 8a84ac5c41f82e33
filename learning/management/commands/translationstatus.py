"""How complete each shipped language is, per gettext domain; fails below 100% or on errors."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from learning.catalogs import check_translation, read_catalog, translated_languages

DOMAINS = ("django", "djangojs", "content")


def catalog_status(path: Path) -> tuple[dict[str, int], list[str]]:
    """Counts of translated/fuzzy/untranslated entries and the format errors of one PO file."""
    catalog, problem = read_catalog(path)
    if problem:
        return {"translated": 0, "fuzzy": 0, "untranslated": 0}, [str(problem)]
    errors = []
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for entry in catalog:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            counts["fuzzy"] += 1
            continue
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if not all(translations):
            counts["untranslated"] += 1
            continue
        counts["translated"] += 1
        field = (entry.msgctxt or "").rsplit(":", 1)[-1]
        for index, translation in enumerate(translations):
            source = entry.msgid_plural if entry.msgid_plural and index else entry.msgid
            reason = check_translation(
                source, translation, field, python_format="python-format" in entry.flags
            )
            if reason:
                errors.append(
                    f"{path}:{entry.linenum}: [{entry.msgctxt or entry.msgid[:40]}] {reason}"
                )
    return counts, errors


class Command(BaseCommand):
    help = (
        "Print translated/fuzzy/untranslated counts per language and domain (django, djangojs, "
        "content). Exits non-zero when a shipped language is below 100% or a catalog has errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", type=Path, default=Path(settings.LOCALE_PATHS[0]))

    def handle(self, *args, locale: Path, **options):
        failures = []
        self.stdout.write(
            f"{'language':<9}{'domain':<10}{'translated':>11}{'fuzzy':>7}{'untransl.':>10}{'%':>7}"
        )
        for language in translated_languages():
            for domain in DOMAINS:
                path = locale / language / "LC_MESSAGES" / f"{domain}.po"
                if not path.exists():
                    failures.append(f"{path}: missing")
                    continue
                counts, errors = catalog_status(path)
                total = sum(counts.values())
                percent = 100.0 * counts["translated"] / total if total else 100.0
                self.stdout.write(
                    f"{language:<9}{domain:<10}{counts['translated']:>11}{counts['fuzzy']:>7}"
                    f"{counts['untranslated']:>10}{percent:>7.1f}"
                )
                if percent < 100:
                    failures.append(f"{path}: {percent:.1f}% translated")
                failures.extend(errors)
        if failures:
            for failure in failures:
                self.stderr.write(failure)
            raise CommandError(f"{len(failures)} translation problem(s)")
        self.stdout.write(self.style.SUCCESS("Every shipped language is complete."))
