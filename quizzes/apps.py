from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        # The quizzes of a content pack load through learning's extension registry, and their
        # results join me/progress through core's registry: neither imports this app.
        from django.conf import settings
        from django.db.models.signals import pre_delete

        from core.conditional import watch_content
        from core.progress import register_section
        from core.shell import register_tab
        from learning.links import register_lesson_link
        from learning.packs import PackExtension, register_extension
        from quizzes import bank
        from quizzes.accounts import anonymise_attempts
        from quizzes.api.serializers import QuizProgressOutput
        from quizzes.content import read_lexicon, read_quizzes, write_lexicon, write_quizzes
        from quizzes.models import (
            AcceptedAnswer,
            Choice,
            LexiconTerm,
            Question,
            Quiz,
            QuizQuestion,
            WrongAnswer,
        )
        from quizzes.pack_export import export_lexicon, export_quizzes
        from quizzes.selectors import quiz_progress
        from quizzes.views import lesson_quiz_link

        watch_content(
            Quiz, QuizQuestion, Question, Choice, AcceptedAnswer, WrongAnswer, LexiconTerm
        )
        bank.watch()

        register_extension(PackExtension("quizzes", read_quizzes, write_quizzes, export_quizzes))
        register_extension(PackExtension("lexicon", read_lexicon, write_lexicon, export_lexicon))
        register_section(
            "quizzes",
            QuizProgressOutput(many=True),
            lambda learner, request: quiz_progress(learner=learner),
        )
        # A deleted account leaves its attempts anonymised, whoever deletes it and how.
        pre_delete.connect(
            anonymise_attempts, sender=settings.AUTH_USER_MODEL, dispatch_uid="anonymise_attempts"
        )
        # Review (spaced repetition, its own app) takes order 30, between Quizzes and Progress.
        register_tab(
            "quizzes",
            label=pgettext_lazy("tab", "Quizzes"),
            url_name="quizzes:quizzes",
            icon="app/icons/quizzes.svg",
            order=20,
            screens=("quizzes:quiz", "quizzes:assignments"),
        )
        register_tab(
            "progress",
            label=pgettext_lazy("tab", "Progress"),
            url_name="quizzes:progress",
            icon="app/icons/progress.svg",
            order=40,
        )

        register_lesson_link("quiz", lesson_quiz_link)
