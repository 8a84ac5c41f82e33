"""The Instructors and Translators groups and what they may do in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

INSTRUCTORS = {
    "learning": {
        "course": ("view", "change"),
        "lesson": ("add", "view", "change"),
        "glossaryterm": ("add", "view", "change"),
        "lessonprogress": ("view",),
    },
    "quizzes": {
        "quiz": ("add", "view", "change", "delete"),
        "question": ("add", "view", "change", "delete"),
        "choice": ("add", "view", "change", "delete"),
        "acceptedanswer": ("add", "view", "change", "delete"),
        "quizquestion": ("add", "view", "change", "delete"),
        "attempt": ("view",),
        "response": ("view",),
    },
}
TRANSLATORS = {
    "learning": {"course": ("view", "change"), "lesson": ("view", "change"),
                 "glossaryterm": ("view", "change")},
    "quizzes": {"quiz": ("view", "change"), "question": ("view", "change"),
                "choice": ("view", "change"), "acceptedanswer": ("view", "change")},
}  # fmt: skip


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    for app_label in ("learning", "quizzes"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in (("Instructors", INSTRUCTORS), ("Translators", TRANSLATORS)):
        group, _created = Group.objects.get_or_create(name=name)
        codenames = [
            (app_label, f"{action}_{model}")
            for app_label, models in grants.items()
            for model, actions in models.items()
            for action in actions
        ]
        for app_label, codename in codenames:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Instructors", "Translators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("learning", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
