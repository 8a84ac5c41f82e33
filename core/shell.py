"""The app shell every screen is rendered into: the tab bar that apps register their tabs in,
the language menu, and `render_screen`, which page views call instead of `render`.

Apps register tabs in AppConfig.ready() (Learn, Quizzes, Review, Progress), so
the shell lists them without importing any app. The browser side mirrors this in
`static/js/routes.js`: a screen added here gets a route there.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info


@dataclass(frozen=True)
class Tab:
    """One tab of the bottom bar: `url_name` is where it leads, `screens` the URL names of the
    screens it stays current on; `icon` is the template of its SVG."""

    name: str
    label: str
    url_name: str
    icon: str
    order: int
    screens: tuple[str, ...] = ()


TABS: dict[str, Tab] = {}


def register_tab(
    name: str, *, label, url_name: str, icon: str, order: int, screens: tuple[str, ...] = ()
) -> None:
    TABS[name] = Tab(name, label, url_name, icon, order, (url_name, *screens))


def tab_bar(view_name: str) -> list[dict]:
    """The registered tabs in order, each with its URL and whether it is the current one."""
    return [
        {
            "name": tab.name,
            "label": tab.label,
            "url": reverse(tab.url_name),
            "icon": tab.icon,
            "current": view_name in tab.screens,
        }
        for tab in sorted(TABS.values(), key=lambda tab: tab.order)
    ]


def language_links(request: HttpRequest) -> list[dict]:
    """The same screen in every language (the path with another language prefix)."""
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(request.path, code),
                "current": code == current,
            }
        )
    return links


def shell_context(request: HttpRequest, screen: str) -> dict:
    """What the shell template needs around a screen. `screen` names the browser module that
    takes the screen over (`static/js/<screen>.js`)."""
    match = request.resolver_match
    return {
        "screen": screen,
        "app_tabs": tab_bar(match.view_name if match else ""),
        "app_languages": language_links(request),
    }


def render_screen(
    request: HttpRequest, template: str, context: dict | None = None, *, screen: str, status=200
) -> HttpResponse:
    """Render one screen of the app inside the shell."""
    return render(
        request, template, {**shell_context(request, screen), **(context or {})}, status=status
    )
