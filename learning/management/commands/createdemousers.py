"""Development only: a demo instructor and a demo learner, with credentials printed."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from core.permissions import INSTRUCTORS_GROUP

DEMO_USERS = [
    {"username": "instructor", "password": "rootwise-instructor", "is_staff": True},
    {"username": "learner", "password": "rootwise-learner", "is_staff": False},
]


class Command(BaseCommand):
    help = "Create the demo instructor and learner (development only; idempotent)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo users are for development only (DEBUG is off)")
        User = get_user_model()
        instructors, _created = Group.objects.get_or_create(name=INSTRUCTORS_GROUP)
        for demo in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=demo["username"], defaults={"is_staff": demo["is_staff"]}
            )
            if created:
                user.set_password(demo["password"])
                user.save()
            if demo["is_staff"]:
                user.groups.add(instructors)
            state = "created" if created else "exists"
            self.stdout.write(
                f"demo {demo['username']} ({state}): "
                f"username {demo['username']!r}, password {demo['password']!r}"
            )
