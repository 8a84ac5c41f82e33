from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from rosetta.signals import post_save as rosetta_saved

        from learning.catalogs import reload_after_rosetta_save

        rosetta_saved.connect(reload_after_rosetta_save, dispatch_uid="learning-rosetta-reload")
