"""Production: refuses to start when a setting would make it unsafe, naming the variable;
HTTPS-only cookies and HSTS; persistent database connections; sessions that every app server
shares (cached_db); compressed, hashed static files served by whitenoise."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES, env_list, os

MISSING_SECRET_KEY = (
    "Production needs a real SECRET_KEY: set the SECRET_KEY environment variable to a random "
    "string of at least 50 characters, e.g. the output of "
    "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
)
DEBUG_REFUSED = (
    "Production never runs with DEBUG on (it shows settings and code to anyone): unset the DEBUG "
    "environment variable or set DEBUG=0."
)
MISSING_ALLOWED_HOSTS = (
    "Production needs ALLOWED_HOSTS: set the ALLOWED_HOSTS environment variable to the site's "
    "host names, comma-separated (e.g. ALLOWED_HOSTS=rootwise.example.org)."
)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(MISSING_SECRET_KEY)
if os.environ.get("DEBUG", "0").lower() not in ("", "0", "false", "no", "off"):
    raise ImproperlyConfigured(DEBUG_REFUSED)
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(MISSING_ALLOWED_HOSTS)

# One connection per worker, kept between requests: opening one per request costs most of a
# cached read (DESIGN.md: 6 % of /healthz with CONN_MAX_AGE=0). A connection broken by a
# database restart fails one request (503, core.middleware) and is replaced on the next.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "600"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = os.environ.get("CONN_HEALTH_CHECKS", "0") == "1"

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "core.storage.StaticStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# The load balancer's probes come over plain HTTP from inside: never redirect them.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Rosetta writes PO files to one server's disk: off unless this server is the one named for
# translators (ROSETTA=1). Production translations arrive as committed PO files.
ROSETTA_ENABLED = os.environ.get("ROSETTA", "0") == "1"
# Its link on the admin's index goes with it (the link to a missing URL would break the index).
ROSETTA_SHOW_AT_ADMIN_PANEL = ROSETTA_ENABLED
