"""Instructors author known wrong answers and the lexicon; translators work in rosetta only.

Translators translate every content field in content.po through rosetta, whose saves load at
once; in the admin they could also change answer keys and lessons, which is instructors' work,
so they keep no admin permission.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

INSTRUCTORS = {
    "quizzes": {
        "wronganswer": ("add", "view", "change", "delete"),
        "lexiconterm": ("add", "view", "change", "delete"),
    },
}
# What 0002_groups gave translators, taken back (and given back on reverse).
TRANSLATORS = {
    "learning": {"course": ("view", "change"), "lesson": ("view", "change"),
                 "glossaryterm": ("view", "change")},
    "quizzes": {"quiz": ("view", "change"), "question": ("view", "change"),
                "choice": ("view", "change"), "acceptedanswer": ("view", "change")},
}  # fmt: skip


def _permissions(apps, grants):
    for app_label in grants:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
        for app_label, models in grants.items()
        for model, actions in models.items()
        for action in actions
    ]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    instructors, _created = Group.objects.get_or_create(name="Instructors")
    instructors.permissions.add(*_permissions(apps, INSTRUCTORS))
    translators, _created = Group.objects.get_or_create(name="Translators")
    translators.permissions.remove(*_permissions(apps, TRANSLATORS))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get(name="Instructors").permissions.remove(*_permissions(apps, INSTRUCTORS))
    Group.objects.get(name="Translators").permissions.add(*_permissions(apps, TRANSLATORS))


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0007_wrong_answers_lexicon_question_category")]

    operations = [migrations.RunPython(forwards, backwards)]
