"""URL wiring: pages under a language prefix, the API and health check at fixed paths."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth.views import LogoutView
from django.urls import include, path, re_path
from django.views.decorators.gzip import gzip_page
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from core import pwa
from core.api import api_not_found
from core.pages import SignInView
from core.views import healthz, readyz

handler400 = "core.api.bad_request"

api_v1 = [
    path("", include("core.urls")),
    path("", include("learning.api.urls")),
    path("", include("quizzes.api.urls")),
    path("", include("review.api.urls")),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # At the root, so the worker's scope covers every language.
    path("sw.js", pwa.service_worker, name="service-worker"),
    path("favicon.ico", pwa.favicon, name="favicon"),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^api/", api_not_found),
    path("i18n/", include("django.conf.urls.i18n")),
]
if settings.ROSETTA_ENABLED:
    urlpatterns.append(path("rosetta/", include("rosetta.urls")))

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    # Only the project's djangojs catalog (LOCALE_PATHS), not every app's: the admin's date
    # pickers would triple the app's first load. Compressed here: it is part of every first load.
    path(
        "jsi18n/",
        gzip_page(JavaScriptCatalog.as_view(packages=["core"])),
        name="javascript-catalog",
    ),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("offline/", pwa.offline, name="offline"),
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("", include("learning.urls")),
    path("", include("quizzes.urls")),
    path("", include("review.urls")),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
