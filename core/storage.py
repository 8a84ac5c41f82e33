"""Static files storage for production: hashed names, compressed copies, and ES module
imports rewritten to the hashed names (Django does that only when asked: STACK-NOTES.md)."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    support_js_module_import_aggregation = True
