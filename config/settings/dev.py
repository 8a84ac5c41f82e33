"""Local development: DEBUG on, an insecure key unless one is given."""

from .base import *  # noqa: F403
from .base import os

DEBUG = os.environ.get("DEBUG", "1") == "1"
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-rootwise-development-only"
