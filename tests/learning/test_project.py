"""Project wiring: health check, migrations, environment-driven settings, languages."""

import importlib
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

import config.settings.base

GOOD_SECRET_KEY = secrets.token_urlsafe(45)  # 60 characters
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def run_python(*args: str, **env: str | None) -> subprocess.CompletedProcess:
    """Run the project's Python in a clean environment: `None` removes a variable."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name
        not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DJANGO_ENV", "ALLOWED_HOSTS", "DEBUG"}
    }
    for name, value in env.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- health check ----------------------------------------------------------------------------


def test_healthz_answers_ok_as_json(client):
    """No `db` fixture: the view would fail here if it touched the database."""
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"}), (
        f"/healthz answered {response.status_code}: {response.content!r}"
    )


@pytest.mark.django_db
def test_healthz_runs_no_database_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.get("/healthz")


# --- migrations ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_models_have_no_missing_migrations(capsys):
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=1)
    except SystemExit:
        pytest.fail(f"models changed without a migration:\n{capsys.readouterr().out}")


# --- production settings ---------------------------------------------------------------------

WEAK_SECRET_KEYS = {
    "unset": None,
    "empty": "",
    "short": secrets.token_urlsafe(20),
    "django-insecure": "django-insecure-" + secrets.token_urlsafe(45),
    "one-character-repeated": "a" * 60,
}


@pytest.mark.parametrize("secret_key", WEAK_SECRET_KEYS.values(), ids=WEAK_SECRET_KEYS.keys())
def test_production_settings_refuse_a_weak_secret_key_naming_it(secret_key):
    result = run_python(
        "-c", "import config.settings.production", DJANGO_ENV="production", SECRET_KEY=secret_key
    )
    refused = result.returncode != 0 and "SECRET_KEY" in result.stderr
    assert refused, f"not refused naming SECRET_KEY (exit {result.returncode}): {result.stderr}"


def test_production_settings_accept_a_random_secret_key():
    result = run_python(
        "-c",
        "import config.settings.production",
        DJANGO_ENV="production",
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS="rootwise.example.org",
    )
    assert result.returncode == 0, f"a 60-character random key was refused:\n{result.stderr}"


UNSAFE_PRODUCTION = {
    # case: (environment, the variable the refusal must name)
    "debug on": ({"DEBUG": "1", "ALLOWED_HOSTS": "rootwise.example.org"}, "DEBUG"),
    "debug true": ({"DEBUG": "true", "ALLOWED_HOSTS": "rootwise.example.org"}, "DEBUG"),
    "no allowed hosts": ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
    "empty allowed hosts": ({"ALLOWED_HOSTS": " , "}, "ALLOWED_HOSTS"),
}


@pytest.mark.parametrize("env, variable", UNSAFE_PRODUCTION.values(), ids=UNSAFE_PRODUCTION.keys())
def test_production_settings_refuse_an_unsafe_setting_naming_it(env, variable):
    result = run_python(
        "-c",
        "import config.settings.production",
        DJANGO_ENV="production",
        SECRET_KEY=GOOD_SECRET_KEY,
        **env,
    )
    refused = result.returncode != 0 and variable in result.stderr.splitlines()[-1]
    assert refused, f"not refused naming {variable} (exit {result.returncode}): {result.stderr}"


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, f"check --deploy failed:\n{result.stdout}{result.stderr}"


ADMIN_INDEX_UNDER_PRODUCTION = """
import django
from django.core.management import call_command
django.setup()
from django.contrib.auth import get_user_model
from django.conf import settings
from django.test import Client, override_settings
# Static files as collected in a deploy are not what this test is about.
override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
call_command("migrate", verbosity=0)
admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "not-used-1")
client = Client(HTTP_HOST="example.org", HTTP_X_FORWARDED_PROTO="https")
client.force_login(admin)
page = client.get("/en/admin/")
print(page.status_code, "/rosetta/" in page.content.decode())
"""


@pytest.mark.parametrize("rosetta, links_to_rosetta", [("0", False), ("1", True)])
def test_the_admin_index_renders_in_production_with_rosetta_off_or_on(
    tmp_path, rosetta, links_to_rosetta
):
    # Found by following the README's "Running in production": with rosetta off, its link on
    # the admin's index named a URL that did not exist, and the index answered 500.
    result = run_python(
        "-c",
        ADMIN_INDEX_UNDER_PRODUCTION,
        DJANGO_ENV="production",
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS="example.org",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL=None,
        ROSETTA=rosetta,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == ["200", str(links_to_rosetta)], result.stdout


# --- DATABASE_URL ----------------------------------------------------------------------------


@pytest.fixture
def reload_base_settings(monkeypatch):
    """Re-read config/settings/base.py under a patched environment, then restore it."""

    def reload(**env: str | None):
        for name, value in env.items():
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        return importlib.reload(config.settings.base)

    yield reload
    monkeypatch.undo()
    importlib.reload(config.settings.base)


DATABASE_URLS = {
    "default-sqlite": (
        {"DATABASE_URL": None, "CONN_MAX_AGE": None},
        {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(settings.BASE_DIR / "db.sqlite3"),
            "CONN_MAX_AGE": 0,
        },
    ),
    "sqlite-file": (
        {"DATABASE_URL": "sqlite:////srv/rootwise/db.sqlite3"},
        {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/rootwise/db.sqlite3"},
    ),
    "postgres": (
        {"DATABASE_URL": POSTGRES_URL, "CONN_MAX_AGE": "60"},
        {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "postgres",
            "USER": "postgres",
            "HOST": "127.0.0.1",
            "PORT": 5432,
            "CONN_MAX_AGE": 60,
        },
    ),
}


@pytest.mark.parametrize(("env", "expected"), DATABASE_URLS.values(), ids=DATABASE_URLS.keys())
def test_database_comes_from_database_url(reload_base_settings, env, expected):
    database = reload_base_settings(**env).DATABASES["default"]
    got = {name: database.get(name) for name in expected}
    assert got == expected, f"DATABASES['default'] for {env}: {got}"


# --- languages -------------------------------------------------------------------------------


def test_languages_are_english_spanish_french_arabic():
    codes = [code for code, _name in settings.LANGUAGES]
    assert codes == ["en", "es", "fr", "ar"], f"LANGUAGES are {codes}"


CONTENT_LANGUAGE = {
    "accept-language-on-a-page": ("/", "es", "es"),
    "lang-query-beats-accept-language-on-a-page": ("/?lang=fr", "es", "fr"),
    "accept-language-outside-i18n-patterns": ("/healthz", "es", "es"),
    "lang-query-beats-accept-language": ("/healthz?lang=fr", "es", "fr"),
    "lang-query-with-region": ("/healthz?lang=fr-CA", "es", "fr"),
    "unknown-lang-query-is-ignored": ("/healthz?lang=xx", "es", "es"),
    "path-prefix": ("/ar/", "es", "ar"),
    "path-prefix-beats-lang-query": ("/en/?lang=fr", "es", "en"),
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "accept_language", "expected"),
    CONTENT_LANGUAGE.values(),
    ids=CONTENT_LANGUAGE.keys(),
)
def test_response_content_language(client, path, accept_language, expected):
    response = client.get(path, headers={"accept-language": accept_language}, follow=True)
    got = (response.status_code, response.get("Content-Language"))
    assert got == (200, expected), f"GET {path} (Accept-Language {accept_language}) gave {got}"


def test_response_varies_on_accept_language(client):
    response = client.get("/healthz", headers={"accept-language": "es"})
    assert "Accept-Language" in response.get("Vary", ""), "Vary lacks Accept-Language"


@pytest.mark.django_db
def test_arabic_page_is_right_to_left(client):
    page = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page, "the Arabic page is not marked lang=ar dir=rtl"
