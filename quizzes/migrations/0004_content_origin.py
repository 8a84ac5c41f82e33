"""Who owns each quiz content row: the pack or the admin (see learning.models.ContentKeyed)."""

from django.db import migrations, models

# Rows that exist before this migration were loaded from the content pack (nothing else could
# make them until now); rows made from here on are the admin's unless loadcontent makes them.
ORIGIN = dict(
    choices=[("pack", "content pack"), ("admin", "admin")],
    editable=False,
    max_length=5,
    verbose_name="made in",
)


def origin_operations(models_):
    for name in models_:
        yield migrations.AddField(
            model_name=name,
            name="origin",
            field=models.CharField(default="pack", **ORIGIN),
        )
        yield migrations.AlterField(
            model_name=name,
            name="origin",
            field=models.CharField(default="admin", **ORIGIN),
        )
        yield migrations.AddField(
            model_name=name,
            name="pack_values",
            field=models.JSONField(
                blank=True,
                default=dict,
                editable=False,
                verbose_name="values last loaded from the pack",
            ),
        )


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0003_attempt_started_at_default")]

    operations = list(origin_operations(["quiz", "question", "choice", "acceptedanswer"]))
