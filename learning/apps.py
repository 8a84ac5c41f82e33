from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from rosetta.signals import post_save as rosetta_saved

        from core.conditional import watch_content
        from core.progress import register_section
        from core.shell import register_tab
        from learning.api.serializers import LessonProgressSerializer
        from learning.catalogs import reload_after_rosetta_save
        from learning.models import Course, GlossaryTerm, Lesson
        from learning.selectors import completed_lessons

        watch_content(Course, Lesson, GlossaryTerm, Lesson.glossary_terms.through)

        rosetta_saved.connect(reload_after_rosetta_save, dispatch_uid="learning-rosetta-reload")
        register_tab(
            "learn",
            label=pgettext_lazy("tab", "Learn"),
            url_name="learning:lessons",
            icon="app/icons/learn.svg",
            order=10,
            screens=("learning:lesson",),
        )
        register_section(
            "lessons",
            LessonProgressSerializer(many=True),
            lambda learner, request: completed_lessons(learner=learner).order_by("completed_at"),
        )
