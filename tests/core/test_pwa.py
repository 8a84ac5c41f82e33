"""What makes the app installable and usable offline, seen from the server: the service
worker, the translated manifest, the icons, the favicon, the offline screen, the shell's CSP."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from PIL import Image

from core import pwa

STATIC = Path(settings.STATICFILES_DIRS[0])
TEMPLATES = Path(settings.BASE_DIR) / "templates"
ICONS = ("icon-192.png", "icon-512.png", "maskable-512.png", "apple-touch-icon.png", "favicon.ico")


@pytest.fixture(scope="module", autouse=True)
def icons():
    """The icons are build output (`make icons`): draw them if this checkout has none yet."""
    if not all((STATIC / "icons" / name).exists() for name in ICONS):
        call_command("makeicons", verbosity=0)


def test_the_worker_is_served_from_the_root_and_never_cached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["Service-Worker-Allowed"] == "/"


def test_the_worker_precaches_the_app_and_only_the_app(client):
    body = client.get("/sw.js").content.decode()
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", body).group(1))
    for path in ("css/app.css", "js/app.js", "js/quiz.js", "js/store.js", "icons/icon-192.png"):
        assert f"/static/{path}" in precache, f"{path} is not precached"
    assert not [url for url in precache if "admin" in url or "rest_framework" in url], precache
    modules = {p.name for p in (STATIC / "js").glob("*.js")} - {"admin-tabs.js"}
    assert {url.rsplit("/", 1)[1] for url in precache if "/js/" in url} == modules


def test_the_worker_version_follows_the_static_files(tmp_path, settings):
    (tmp_path / "js").mkdir()
    module = tmp_path / "js" / "app.js"
    module.write_text("export const a = 1;\n")
    settings.STATICFILES_DIRS = [tmp_path]
    finders.get_finder.cache_clear()
    try:
        first = pwa._worker_data()
        assert pwa._worker_data()["version"] == first["version"], "same files, same version"
        module.write_text("export const a = 2;\n")
        assert pwa._worker_data()["version"] != first["version"], "a changed file kept the version"
    finally:
        finders.get_finder.cache_clear()


def test_in_production_the_version_is_the_static_manifests_hash(monkeypatch):
    monkeypatch.setattr(pwa.staticfiles_storage, "manifest_hash", "abc123", raising=False)
    assert pwa._version(("js/app.js",)) == "abc123"


@pytest.mark.parametrize("language", ["en", "es", "fr", "ar"])
def test_the_manifest_is_translated_and_installable(client, language):
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == language
    assert manifest["dir"] == ("rtl" if language == "ar" else "ltr")
    assert manifest["start_url"] == f"/{language}/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone" and manifest["theme_color"] == pwa.THEME_COLOR
    shapes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= shapes
    for icon in manifest["icons"]:
        name = icon["src"].removeprefix(settings.STATIC_URL).lstrip("/").removeprefix("static/")
        assert finders.find(name), f"{icon['src']} does not exist"


def test_the_arabic_manifest_names_the_app_in_arabic(client):
    from django.utils import translation

    manifest = json.loads(client.get("/ar/manifest.webmanifest").content)
    with translation.override("ar"):
        assert manifest["name"] == translation.gettext("Rootwise: back and foot pain")
    assert manifest["name"] != "Rootwise: back and foot pain", "the Arabic name is English"


def test_the_favicon_is_found(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert finders.find(response["Location"].split("/static/", 1)[1]), "the favicon is missing"


def test_the_icons_have_their_sizes(tmp_path):
    call_command("makeicons", "--output", str(tmp_path), verbosity=0)
    sizes = {name: Image.open(tmp_path / name).size for name in ICONS if name.endswith(".png")}
    assert sizes == {
        "icon-192.png": (192, 192),
        "icon-512.png": (512, 512),
        "maskable-512.png": (512, 512),
        "apple-touch-icon.png": (180, 180),
    }
    assert Image.open(tmp_path / "favicon.ico").format == "ICO"


def test_the_maskable_icon_keeps_its_mark_inside_the_safe_zone(tmp_path):
    """Platforms crop maskable icons to shapes as small as a circle of 80 % of the width:
    outside that circle there is only background."""
    call_command("makeicons", "--output", str(tmp_path), verbosity=0)
    image = Image.open(tmp_path / "maskable-512.png").convert("RGB")
    background = image.getpixel((0, 0))
    radius = 0.4 * 512
    outside = [
        (x, y)
        for x in range(0, 512, 4)
        for y in range(0, 512, 4)
        if (x - 256) ** 2 + (y - 256) ** 2 > radius**2 and image.getpixel((x, y)) != background
    ]
    assert outside == [], f"{len(outside)} mark pixels outside the safe zone"


def test_the_icons_are_the_same_every_time(tmp_path):
    call_command("makeicons", "--output", str(tmp_path / "a"), verbosity=0)
    call_command("makeicons", "--output", str(tmp_path / "b"), verbosity=0)
    for name in ICONS:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_icons_already_drawn_are_left_alone_and_a_changed_one_is_redrawn(tmp_path):
    """`make test` draws the icons while another test run may be reading them (CI runs two):
    files that hold the right bytes are never rewritten."""
    call_command("makeicons", "--output", str(tmp_path), verbosity=0)
    (tmp_path / "icon-192.png").write_bytes(b"stale")
    kept = {name: (tmp_path / name).stat().st_mtime_ns for name in ICONS}
    call_command("makeicons", "--output", str(tmp_path), verbosity=0)
    assert Image.open(tmp_path / "icon-192.png").size == (192, 192)
    rewritten = [name for name in ICONS if (tmp_path / name).stat().st_mtime_ns != kept[name]]
    assert rewritten == ["icon-192.png"]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(ICONS)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_offline_screen_is_a_screen_of_the_app(client, language):
    html = client.get(f"/{language}/offline/").content.decode()
    assert 'data-screen="offline"' in html and 'class="tabbar"' in html


SCREENS = ["/en/", "/es/quizzes/", "/fr/progress/", "/ar/login/", "/en/offline/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", SCREENS)
def test_every_screen_is_the_shell_in_its_language(client, path):
    language = path.split("/")[1]
    response = client.get(path)
    html = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f'src="/{language}/jsi18n/"' in html, "not this language's catalog"
    assert f'href="/{language}/manifest.webmanifest"' in html
    assert 'type="module" src="/static/js/app.js"' in html
    links = re.findall(r'href="([^"]+)" lang="(\w+)"', html)
    rest = path.split("/", 2)[2]
    assert {(f"/{code}/{rest}", code) for code in ("en", "es", "fr", "ar")} == set(links)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_no_template_has_inline_script_or_style():
    problems = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        problems += [
            f"{template}: inline script" for _ in re.findall(r"<script(?![^>]*\bsrc=)", text)
        ]
        problems += [f"{template}: style attribute" for _ in re.findall(r"\sstyle=", text)]
        problems += [f"{template}: <style>" for _ in re.findall(r"<style", text)]
    assert problems == []


def test_modules_import_each_other_by_relative_path_with_a_semicolon():
    """What the manifest storage can rewrite to hashed names (STACK-NOTES.md)."""
    problems = []
    for module in (STATIC / "js").glob("*.js"):
        for line in module.read_text().splitlines():
            if re.match(r"\s*(import|export)\b.*\bfrom\b", line):
                if not re.search(r'from "\./[\w-]+\.js";$', line):
                    problems.append(f"{module.name}: {line.strip()}")
            for target in re.findall(r"import\(([^)]*)\)", line):
                if not re.fullmatch(r'"\./[\w-]+\.js"', target):
                    problems.append(f"{module.name}: import({target})")
    assert problems == []


def test_collectstatic_rewrites_module_imports_to_hashed_names(tmp_path, settings):
    """Production's storage (hashed names, compressed) handles our ES modules, including the
    routes' dynamic imports, so a deploy never serves a stale module."""
    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "core.storage.StaticStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    routes = (tmp_path / manifest["js/routes.js"]).read_text()
    hashed_quiz = manifest["js/quiz.js"].rsplit("/", 1)[1]
    assert f'import("./{hashed_quiz}")' in routes, "routes.js still imports an unhashed quiz.js"
