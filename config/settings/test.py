"""The test suite: fast hashing, local-memory cache, no throttling surprises from other tests."""

from .base import *  # noqa: F403
from .base import os

SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-rootwise-tests-only"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests edit content and read it back at once, also through other means than a save.
CONTENT_VERSION_SECONDS = 0
