"""Fixtures for the learning app: the real factsheet pack, loaded or copied to be changed."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings

from learning.management.commands.loadcontent import DEFAULT_PACK
from tests.db import module_transaction
from tests.learning.helpers import CommandOutput, run_loadcontent

LOCALE = Path(settings.LOCALE_PATHS[0])


@pytest.fixture(scope="module")
def factsheet_loaded_once(django_db_setup, django_db_blocker) -> CommandOutput:
    """The real pack loaded once per test module, in a transaction rolled back at its end.

    Loading takes about half a second; each test still runs in its own savepoint (the `db`
    fixture nests inside this transaction, as Django's TestCase does with setUpTestData).
    """
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            output = run_loadcontent()
        yield output


@pytest.fixture
def loaded_factsheet(factsheet_loaded_once, db) -> CommandOutput:
    """The real factsheet pack loaded into an otherwise empty database; what that load printed."""
    return factsheet_loaded_once


@pytest.fixture
def factsheet_pack() -> Path:
    """The real course pack in the repository (read only: copy it before changing anything)."""
    return Path(DEFAULT_PACK)


@pytest.fixture
def pack_copy(tmp_path, factsheet_pack) -> Path:
    """A writable copy of the real pack."""
    copy = tmp_path / "pack"
    shutil.copytree(factsheet_pack, copy)
    return copy


@pytest.fixture
def locale_dir(tmp_path, settings):
    """A writable copy of the project's locale folder, the one the app (and rosetta, and the
    translators' admin) writes: tests never change the real catalogs."""
    target = tmp_path / "locale"
    shutil.copytree(LOCALE, target, ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [target]
    return target


@pytest.fixture
def translator(db, django_user_model):
    """Staff in the Translators group (the group and its permissions come from migrations)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("translator-x", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    return user
