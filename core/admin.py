"""The admin's name: Rootwise, in every language (no app's admin lives here)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Rootwise")
admin.site.site_title = _("Rootwise")
admin.site.index_title = _("Course, quizzes and cohorts")
