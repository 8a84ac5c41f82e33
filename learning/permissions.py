"""Who may do what outside the API: translators and instructors are groups."""

INSTRUCTORS_GROUP = "Instructors"
TRANSLATORS_GROUP = "Translators"


def can_translate(user) -> bool:
    """Rosetta access: superusers, and staff in the Translators group."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.is_staff and user.groups.filter(name=TRANSLATORS_GROUP).exists()
