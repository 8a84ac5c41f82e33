"""What instructors need for cohorts, assignments, learners' accounts and accepting answers."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

INSTRUCTORS = {
    "quizzes": {
        "cohort": ("add", "view", "change", "delete"),
        "assignment": ("add", "view", "change", "delete"),
        # Accepting a wrong answer adds an audit record; undoing it changes one.
        "answeracceptance": ("add", "view", "change"),
    },
    # The learners of their cohorts, read only (passwords are reset by the action below).
    "auth": {"user": ("view",)},
}
CUSTOM = [
    ("quizzes", "create_learner_accounts"),
    ("quizzes", "reset_learner_password"),
]


def _codenames():
    yield from (
        (app_label, f"{action}_{model}")
        for app_label, models in INSTRUCTORS.items()
        for model, actions in models.items()
        for action in actions
    )
    yield from CUSTOM


def grant(apps, schema_editor):
    for app_label in ("quizzes", "auth"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Instructors")
    for app_label, codename in _codenames():
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Instructors").first()
    if group is None:
        return
    for app_label, codename in _codenames():
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0005_cohorts_assignments_acceptances"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
