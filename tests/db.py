"""Database helpers for fixtures."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def module_transaction(django_db_blocker):
    """Hold a transaction open for a whole test module and roll it back at its end: data loaded
    inside it once serves every test, each in its own savepoint (as setUpTestData does)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
