from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        # The quizzes of a content pack load through learning's extension registry,
        # so learning never imports this app.
        from learning.packs import PackExtension, register_extension
        from quizzes.content import read_quizzes, write_quizzes

        register_extension(PackExtension("quizzes", read_quizzes, write_quizzes))
