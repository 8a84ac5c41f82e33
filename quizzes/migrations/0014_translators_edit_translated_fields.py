"""Translators edit the content's translated fields in the admin (DESIGN: "edits PO files and
translated fields in the admin").

0008 took their admin permissions away because a plain change permission also let them change
answer keys and the English source; the content admins now make every other field read only
for translators (learning.translator_admin), so view and change are safe to give back.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRANSLATORS = {
    "learning": {"course": ("view", "change"), "lesson": ("view", "change"),
                 "glossaryterm": ("view", "change")},
    "quizzes": {"quiz": ("view", "change"), "question": ("view", "change"),
                "choice": ("view", "change"), "acceptedanswer": ("view", "change"),
                "wronganswer": ("view", "change"), "lexiconterm": ("view", "change")},
}  # fmt: skip


def _permissions(apps):
    for app_label in TRANSLATORS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
        for app_label, models in TRANSLATORS.items()
        for model, actions in models.items()
        for action in actions
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    translators, _created = Group.objects.get_or_create(name="Translators")
    translators.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get(name="Translators").permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0013_term_category_treatment"),
        ("learning", "0003_content_origin"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
