"""Project wiring: settings, URLs, WSGI/ASGI entry points."""

import os

SETTINGS_BY_ENV = {
    "development": "config.settings.dev",
    "test": "config.settings.test",
    "production": "config.settings.production",
}


def settings_module() -> str:
    """The settings module named by DJANGO_ENV (development unless told otherwise)."""
    env = os.environ.get("DJANGO_ENV", "development")
    try:
        return SETTINGS_BY_ENV[env]
    except KeyError:
        known = ", ".join(SETTINGS_BY_ENV)
        raise SystemExit(f"DJANGO_ENV={env!r} is not one of: {known}") from None
