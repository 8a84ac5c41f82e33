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


def is_translator(user) -> bool:
    """A translator and nothing more (not an instructor, not a superuser): in the admin they
    edit translated fields only. Cached on the user, as Django caches permissions: the admin
    asks many times per page."""
    if not hasattr(user, "_is_translator"):
        user._is_translator = can_translate(user) and not is_instructor(user)
    return user._is_translator
