"""`compilecatalogs` without GNU msgfmt (polib): it compiles what changed, and only that."""

import io
import os
import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command

from learning.management.commands import compilecatalogs


def test_without_msgfmt_only_changed_catalogs_are_compiled(tmp_path, monkeypatch):
    locale = tmp_path / "locale"
    shutil.copytree(Path(settings.LOCALE_PATHS[0]), locale, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(compilecatalogs.shutil, "which", lambda name: None)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [str(locale)])
    catalogs = sorted(locale.glob("*/LC_MESSAGES/*.po"))
    assert len(catalogs) >= 8

    call_command("compilecatalogs", stdout=io.StringIO())
    compiled = {po: po.with_suffix(".mo").stat().st_mtime_ns for po in catalogs}
    spanish = locale / "es" / "LC_MESSAGES" / "django.po"
    assert polib.mofile(str(spanish.with_suffix(".mo"))).percent_translated() == 100

    later = spanish.with_suffix(".mo").stat().st_mtime + 10
    os.utime(spanish, (later, later))  # a translator saved the Spanish catalog
    call_command("compilecatalogs", stdout=io.StringIO())

    rewritten = [po for po in catalogs if po.with_suffix(".mo").stat().st_mtime_ns != compiled[po]]
    assert rewritten == [spanish]
    assert not list(locale.rglob(".*.new")), "a half-written catalog was left behind"
