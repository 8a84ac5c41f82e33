"""WSGI entry point (gunicorn config.wsgi)."""

import os

from config import settings_module
from core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module())
application = get_wsgi_application()
