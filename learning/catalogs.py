"""Content translations in gettext PO files: `locale/<lang>/LC_MESSAGES/content.po`.

Every field registered with modeltranslation on a content model becomes one entry whose
msgctxt is `<kind>:<key>:<field>` (e.g. `lesson:nerve-roots:title`) and whose msgid is the English
source. Models are found through modeltranslation's registry, so this module never imports
another app's models.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings
from django.db import models, transaction
from modeltranslation.translator import translator

from learning.models import ContentKeyed
from learning.services import pack_merge, record_pack_values

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")
POSITIONAL = re.compile(r"%[sd]")
HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b")
LIST_FIELDS = {"synonyms", "key_facts", "spellings"}
COMMENTS = {
    "synonyms": "Accepted answers, one per line: list every spelling a learner may type "
    "(singular and plural). Spinal levels stay as codes: L4, L5, S1.",
    "spellings": "One per line: every way a learner may type this term in your language "
    "(singular and plural, lay words, abbreviations). Not a translation of each line: list "
    "what people really write; the grader knows it is not the answer.",
    "hint": "Short feedback for a learner who gave this wrong answer: say what it misses, "
    "in the course's words.",
    "key_facts": "One key fact per line; keep the same number of lines.",
    "body": "Markdown: keep **bold**, lists (- item) and ## headings.",
}


def open_catalog(path: Path) -> polib.POFile:
    """A PO file, to be saved at the project's one width (settings.PO_WRAP_WIDTH)."""
    return polib.pofile(str(path), wrapwidth=settings.PO_WRAP_WIDTH)


def rewrap_catalogs(locale_dir: Path, domain: str) -> list[Path]:
    """Rewrite every `<lang>/LC_MESSAGES/<domain>.po` at the project's width, as rosetta
    and exportcontent write; return the files that changed."""
    changed = []
    for path in sorted(Path(locale_dir).glob(f"*/LC_MESSAGES/{domain}.po")):
        before = path.read_text(encoding="utf-8")
        open_catalog(path).save(str(path))
        if path.read_text(encoding="utf-8") != before:
            changed.append(path)
    return changed


def translated_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


def catalog_path(locale_dir: Path, language: str) -> Path:
    return Path(locale_dir) / language / "LC_MESSAGES" / "content.po"


def content_models() -> dict[str, tuple[type[ContentKeyed], list[str]]]:
    """content_kind -> (model, translatable field names), from modeltranslation's registry."""
    found = {}
    for model in translator.get_registered_models(abstract=False):
        if not issubclass(model, ContentKeyed) or not model.content_kind:
            continue
        options = translator.get_options_for_model(model)
        names = [name for name in options.fields if name not in model.content_derived_fields]
        found[model.content_kind] = (model, sorted(names))
    return dict(sorted(found.items()))


def translation_fields(model: type[models.Model]) -> dict[str, tuple[str, str]]:
    """A content model's translated fields, by attribute (`title_es` -> ("title", "es")): the
    fields content.po holds, in every language but the source."""
    names = next((names for found, names in content_models().values() if found is model), [])
    return {
        f"{name}_{language}": (name, language)
        for name in names
        for language in translated_languages()
    }


def in_catalog(obj: ContentKeyed) -> bool:
    """Whether content.po holds the object's translations (a wrong answer written in one
    language has none)."""
    return obj.pk is not None and type(obj).content_queryset().filter(pk=obj.pk).exists()


@dataclass(frozen=True)
class SourceEntry:
    context: str
    field: str
    source: str
    translations: dict[str, str]


def source_entries() -> list[SourceEntry]:
    """Every translatable field of every content object, with its current translations."""
    languages = translated_languages()
    entries = []
    for kind, (model, names) in content_models().items():
        for obj in model.content_queryset().order_by("pk"):
            for name in names:
                source = getattr(obj, f"{name}_{SOURCE_LANGUAGE}") or ""
                if not source.strip():
                    continue
                entries.append(
                    SourceEntry(
                        context=f"{kind}:{obj.content_key}:{name}",
                        field=name,
                        source=source,
                        translations={
                            code: getattr(obj, f"{name}_{code}") or "" for code in languages
                        },
                    )
                )
    return entries


@dataclass
class ExportReport:
    added: int = 0
    updated: int = 0
    fuzzy: int = 0
    obsolete: int = 0
    unchanged: int = 0


def content_export(
    *, locale_dir: Path, languages: list[str] | None = None
) -> dict[str, ExportReport]:
    """Write content.po for each language from the database.

    Existing translations are kept; an entry whose English source changed gets the new msgid,
    keeps its old translation and is marked fuzzy; entries for removed objects become obsolete.
    A translation edited in the admin (the database differs from the PO file) is written out.
    """
    entries = source_entries()
    reports = {}
    for language in languages or translated_languages():
        path = catalog_path(locale_dir, language)
        catalog = open_catalog(path) if path.exists() else _new_catalog(language)
        report = ExportReport()
        existing = {entry.msgctxt: entry for entry in catalog}
        for source in entries:
            po_entry = existing.pop(source.context, None)
            from_db = source.translations.get(language, "")
            if po_entry is None:
                catalog.append(_new_entry(source, from_db))
                report.added += 1
                continue
            before = (po_entry.msgid, po_entry.msgstr, po_entry.fuzzy, po_entry.obsolete)
            po_entry.obsolete = False
            if po_entry.msgid != source.source:
                po_entry.previous_msgid = po_entry.msgid
                po_entry.msgid = source.source
                if po_entry.msgstr or from_db:
                    po_entry.flags = sorted(set(po_entry.flags) | {"fuzzy"})
            elif from_db and from_db != po_entry.msgstr and not po_entry.fuzzy:
                po_entry.msgstr = from_db
            if from_db and not po_entry.msgstr:
                po_entry.msgstr = from_db
            after = (po_entry.msgid, po_entry.msgstr, po_entry.fuzzy, po_entry.obsolete)
            if after == before:
                report.unchanged += 1
            else:
                report.updated += 1
                report.fuzzy += po_entry.fuzzy and not before[2]
        for leftover in existing.values():
            if not leftover.obsolete:
                leftover.obsolete = True
                report.obsolete += 1
        catalog.sort(key=_catalog_order)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog.save(str(path))
        reports[language] = report
    return reports


def content_translations_write(
    *, locale_dir: Path, fields: list[tuple[ContentKeyed, str, str]]
) -> int:
    """Write translations just saved in the admin into content.po: the reverse of
    `reload_after_rosetta_save`, so the PO files stay the translations' home.

    Each (object, field, language) becomes its entry's msgstr under the object's English source
    as it is now, no longer fuzzy (the translator translated the English they saw); an entry
    content.po lacks is added. A field with no English source is skipped, as the export skips
    it. Returns how many entries were written.
    """
    by_language: dict[str, list[SourceEntry]] = {}
    for obj, name, language in fields:
        source = getattr(obj, f"{name}_{SOURCE_LANGUAGE}") or ""
        if not source.strip():
            continue
        by_language.setdefault(language, []).append(
            SourceEntry(
                context=f"{obj.content_kind}:{obj.content_key}:{name}",
                field=name,
                source=source,
                translations={language: getattr(obj, f"{name}_{language}") or ""},
            )
        )
    for language, sources in by_language.items():
        path = catalog_path(locale_dir, language)
        catalog = open_catalog(path) if path.exists() else _new_catalog(language)
        existing = {entry.msgctxt: entry for entry in catalog}
        for source in sources:
            translation = source.translations[language]
            po_entry = existing.get(source.context)
            if po_entry is None:
                catalog.append(_new_entry(source, translation))
                continue
            po_entry.msgid, po_entry.msgstr, po_entry.obsolete = source.source, translation, False
            po_entry.flags = [flag for flag in po_entry.flags if flag != "fuzzy"]
            po_entry.previous_msgid = po_entry.previous_msgctxt = None
        catalog.sort(key=_catalog_order)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog.save(str(path))
    return sum(len(sources) for sources in by_language.values())


def _catalog_order(entry: polib.POEntry) -> tuple:
    """The order content.po is written in: live entries by msgctxt, then obsolete ones."""
    return (entry.obsolete, entry.msgctxt or "")


def unexported_fields(*, locale_dir: Path, languages: list[str] | None = None) -> int:
    """How many translatable content fields changed since content.po was last exported: an
    English source that is new, changed or gone (counted once), or a translation edited in the
    admin (counted per language). Zero when exportcontent would write nothing new."""
    sources = {source.context: source for source in source_entries()}
    changed: set = set()
    for language in languages or translated_languages():
        catalog = _exported(catalog_path(locale_dir, language))
        changed.update(context for context in catalog if context not in sources)
        for context, source in sources.items():
            msgid, msgstr, fuzzy = catalog.get(context, (None, "", False))
            if msgid != source.source:
                changed.add(context)
                continue
            translation = source.translations.get(language, "")
            if translation and translation != msgstr and not fuzzy:
                changed.add((context, language))
    return len(changed)


_EXPORTED: dict[Path, tuple[tuple[int, int], dict]] = {}


def _exported(path: Path) -> dict[str, tuple[str, str, bool]]:
    """msgctxt -> (msgid, msgstr, fuzzy) of a content.po, parsed again only when the file
    changes (parsing takes longer than the admin page that asks)."""
    if not path.exists():
        return {}
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _EXPORTED.get(path)
    if cached is None or cached[0] != stamp:
        entries = {
            entry.msgctxt: (entry.msgid, entry.msgstr, entry.fuzzy)
            for entry in open_catalog(path)
            if not entry.obsolete
        }
        _EXPORTED[path] = cached = (stamp, entries)
    return cached[1]


def _new_catalog(language: str) -> polib.POFile:
    catalog = polib.POFile(wrapwidth=settings.PO_WRAP_WIDTH)
    catalog.metadata = {
        "Project-Id-Version": "Rootwise content",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return catalog


def _new_entry(source: SourceEntry, translation: str) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=source.context,
        msgid=source.source,
        msgstr=translation,
        comment=COMMENTS.get(source.field, ""),
    )


@dataclass
class CatalogProblem:
    path: Path
    line: int | None
    context: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: [{self.context or '-'}] {self.message}"


@dataclass
class ApplyReport:
    updated: Counter = field(default_factory=Counter)
    problems: list[CatalogProblem] = field(default_factory=list)
    skipped_files: list[Path] = field(default_factory=list)
    # Translations edited in the admin since content.po last loaded them are kept (see
    # learning.services.pack_merge); a PO change to one is listed here, applied with `force`.
    conflicts: list = field(default_factory=list)
    force: bool = False


def check_translation(
    source: str, translation: str, field_name: str = "", *, python_format: bool = False
) -> str | None:
    """Why a translation cannot be used as it is (None when it can)."""
    if python_format and len(POSITIONAL.findall(source)) != len(POSITIONAL.findall(translation)):
        return "positional placeholders (%s, %d) differ from the source"
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
        expected = ", ".join(sorted(set(PLACEHOLDER.findall(source)))) or "none"
        return f"placeholders differ from the source (expected: {expected})"
    if sorted(HTML_TAG.findall(source)) != sorted(HTML_TAG.findall(translation)):
        return "HTML tags differ from the source"
    if translation.count("**") % 2:
        return "unbalanced Markdown bold (**)"
    if translation.count("`") % 2:
        return "unbalanced Markdown code (`)"
    if field_name in LIST_FIELDS and not [
        line for line in translation.splitlines() if line.strip()
    ]:
        return "an empty list"
    return None


def read_catalog(path: Path) -> tuple[polib.POFile | None, CatalogProblem | None]:
    try:
        return open_catalog(path), None
    except (OSError, ValueError) as error:
        match = re.search(r"line (\d+)", str(error))
        line = int(match.group(1)) if match else None
        return None, CatalogProblem(path, line, "", f"malformed PO file: {error}")


def catalog_problems(catalog: polib.POFile, path: Path, known: dict) -> list[CatalogProblem]:
    """Everything wrong with one content.po, checked against the objects in `known`."""
    problems = []
    models_by_kind = content_models()
    for entry in catalog:
        if entry.obsolete:
            continue
        parts = (entry.msgctxt or "").split(":")
        if len(parts) != 3:
            problems.append(
                CatalogProblem(
                    path, entry.linenum, entry.msgctxt or "", "msgctxt is not kind:key:field"
                )
            )
            continue
        kind, key, name = parts
        if kind not in models_by_kind or name not in models_by_kind[kind][1]:
            problems.append(
                CatalogProblem(path, entry.linenum, entry.msgctxt, f"unknown field {kind}:{name}")
            )
        elif key not in known.get(kind, {}):
            problems.append(
                CatalogProblem(path, entry.linenum, entry.msgctxt, f"no {kind} with key {key!r}")
            )
        elif entry.msgstr and not entry.fuzzy:
            reason = check_translation(entry.msgid, entry.msgstr, name)
            if reason:
                problems.append(CatalogProblem(path, entry.linenum, entry.msgctxt, reason))
    return problems


def _objects_by_key() -> dict[str, dict[str, models.Model]]:
    return {
        kind: {obj.content_key: obj for obj in model.content_queryset()}
        for kind, (model, _names) in content_models().items()
    }


@transaction.atomic
def content_translations_load(
    *, locale_dir: Path, languages: list[str] | None = None, force: bool = False
) -> ApplyReport:
    """Read every content.po into the translated fields.

    A file with any problem (malformed, broken placeholder, unknown object) is named with its
    lines and loads nothing; the other files still load. Untranslated and fuzzy entries clear
    the field, so learners see the English source instead of a stale translation. A field
    edited in the admin since the last load keeps the admin's text (reported when the PO file
    changed it too), unless `force`.
    """
    report = ApplyReport(force=force)
    known = _objects_by_key()
    dirty: dict[int, models.Model] = {}
    bases: dict[int, tuple[models.Model, dict]] = {}
    for language in languages or translated_languages():
        path = catalog_path(locale_dir, language)
        if not path.exists():
            continue
        catalog, problem = read_catalog(path)
        problems = [problem] if problem else catalog_problems(catalog, path, known)
        if problems:
            report.problems.extend(problems)
            report.skipped_files.append(path)
            continue
        for entry in catalog:
            if entry.obsolete:
                continue
            kind, key, name = entry.msgctxt.split(":")
            obj = known[kind][key]
            value = entry.msgstr if entry.msgstr and not entry.fuzzy else ""
            current = getattr(obj, f"{name}_{SOURCE_LANGUAGE}") or ""
            if value and entry.msgid != current:
                value = ""  # translated from an older source: wait for the translator
            attribute = f"{name}_{language}"
            bases.setdefault(id(obj), (obj, dict(obj.pack_values)))
            current = getattr(obj, attribute) or ""
            if pack_merge(
                obj, name=attribute, current=current, new=value, report=report, kind=kind
            ):
                setattr(obj, attribute, value)
                dirty[id(obj)] = obj
                report.updated[kind] += 1
    for obj in dirty.values():
        obj.save()
    for key, (obj, before) in bases.items():
        if key not in dirty:
            record_pack_values(obj, before)
    return report


def reload_after_rosetta_save(sender, language_code: str, request=None, **kwargs) -> None:
    """A translator saved a catalog in rosetta: load that language's content.po at once, so
    content edits show without a deploy (interface strings need a process reload)."""
    report = content_translations_load(
        locale_dir=Path(settings.LOCALE_PATHS[0]), languages=[language_code]
    )
    for problem in report.problems:
        logger.warning("content translation not loaded: %s", problem)
    for conflict in report.conflicts:
        logger.warning("content translation kept as edited in the admin: %s", conflict)
