"""What makes the app installable and usable offline: the service worker and the manifest
(templates rendered by small views), the favicon, and the offline fallback screen.

The worker is served from the site root so that its scope covers every language prefix. Its
version comes from the static files it precaches (the manifest storage's hash in production),
so a deploy that changes any of them installs a new worker, which refreshes every client.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import FileSystemFinder
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import get_language, get_language_bidi
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from core.shell import render_screen

# Static folders of the app itself: the worker precaches every file in them (the admin's,
# rosetta's and the API docs' static files are not part of the app).
PRECACHE_DIRS = ("css/", "js/", "icons/")
NOT_PRECACHED = frozenset({"js/admin-tabs.js", "css/admin.css"})  # the admin's, not the app's

THEME_COLOR = "#0b6e4f"
BACKGROUND_COLOR = "#fdfcf9"
ICONS = (
    {"src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": "icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {
        "src": "icons/maskable-512.png",
        "sizes": "512x512",
        "type": "image/png",
        "purpose": "maskable",
    },
)


def _precache_paths() -> tuple[str, ...]:
    """The app's own static files (relative names, `/`-separated), sorted."""
    paths = {
        path.replace(os.sep, "/")
        for path, _storage in FileSystemFinder().list(ignore_patterns=["*~", ".*"])
    }
    return tuple(sorted(p for p in paths if p.startswith(PRECACHE_DIRS) and p not in NOT_PRECACHED))


def _version(paths: tuple[str, ...]) -> str:
    """The manifest storage's hash of every static file when there is one (production);
    otherwise a hash of the precached files' bytes (development and tests)."""
    manifest_hash = getattr(staticfiles_storage, "manifest_hash", "")
    if manifest_hash:
        return manifest_hash
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.encode())
        digest.update(Path(finders.find(path)).read_bytes())
    return digest.hexdigest()[:16]


def _worker_data() -> dict:
    paths = _precache_paths()
    return {"version": _version(paths), "precache": [static(path) for path in paths]}


# Static files change only with a deploy (a new process); in DEBUG they change while we work.
_cached_worker_data = cache(_worker_data)


def worker_data() -> dict:
    """The worker's version and the URLs it precaches."""
    return _worker_data() if settings.DEBUG else _cached_worker_data()


@require_safe
@never_cache  # the browser compares the worker byte for byte on every visit
def service_worker(request):
    data = worker_data()
    languages = [code for code, _name in settings.LANGUAGES]
    context = {
        "version": data["version"],
        "precache_json": json.dumps(data["precache"]),
        "languages_json": json.dumps(languages),
    }
    response = render(request, "pwa/sw.js", context, content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
@cache_control(max_age=60 * 60)
def manifest(request):
    """The web app manifest in the language of its URL (`/<lang>/manifest.webmanifest`)."""
    context = {
        "language": get_language(),
        "direction": "rtl" if get_language_bidi() else "ltr",
        "start_url": f"/{get_language()}/",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [{**icon, "src": static(icon["src"])} for icon in ICONS],
    }
    return render(
        request, "pwa/manifest.webmanifest", context, content_type="application/manifest+json"
    )


@require_safe
@cache_control(max_age=60 * 60 * 24)
def favicon(request):
    """Browsers ask for /favicon.ico on their own: send them to the generated icon."""
    return HttpResponseRedirect(static("icons/favicon.ico"))


@require_safe
def offline(request):
    """The screen the worker shows for a page this device has never loaded."""
    return render_screen(request, "app/offline.html", screen="offline")
