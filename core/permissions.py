"""Who may do what: instructors and translators are groups (made by a data migration)."""

INSTRUCTORS_GROUP = "Instructors"
TRANSLATORS_GROUP = "Translators"


def in_group(user, name: str) -> bool:
    return user.is_authenticated and user.groups.filter(name=name).exists()


def is_instructor(user) -> bool:
    """Staff in the Instructors group (superusers count as instructors everywhere)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or (user.is_staff and in_group(user, INSTRUCTORS_GROUP))


def can_translate(user) -> bool:
    """Rosetta access: superusers, and staff in the Translators group."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or (user.is_staff and in_group(user, TRANSLATORS_GROUP))
