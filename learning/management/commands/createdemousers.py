"""Development only: a demo instructor, translator and learner, with credentials printed."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from core.permissions import INSTRUCTORS_GROUP, TRANSLATORS_GROUP

DEMO_USERS = [
    {"username": "instructor", "password": "rootwise-instructor", "group": INSTRUCTORS_GROUP},
    {"username": "translator", "password": "rootwise-translator", "group": TRANSLATORS_GROUP},
    {"username": "learner", "password": "rootwise-learner", "group": None},
]


class Command(BaseCommand):
    help = "Create the demo instructor, translator and learner (development only; idempotent)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo users are for development only (DEBUG is off)")
        User = get_user_model()
        for demo in DEMO_USERS:
            staff = demo["group"] is not None  # the admin and rosetta are for staff
            user, created = User.objects.get_or_create(
                username=demo["username"], defaults={"is_staff": staff}
            )
            if created:
                user.set_password(demo["password"])
                user.save()
            if demo["group"]:
                user.groups.add(Group.objects.get_or_create(name=demo["group"])[0])
            state = "created" if created else "exists"
            self.stdout.write(
                f"demo {demo['username']} ({state}): "
                f"username {demo['username']!r}, password {demo['password']!r}"
            )
