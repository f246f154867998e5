"""The staff-mode fixtures (a real database, a nurse, the window with staff mode), shared
with the kiosk tests."""

from tests.ui.conftest import content, no_leftover_translators
from tests.ui.staff.conftest import (
    cheap_scrypt,
    controller,
    db,
    nurse,
    sessions,
    staff_store,
    window,
)

__all__ = [
    "cheap_scrypt",
    "content",
    "controller",
    "db",
    "no_leftover_translators",
    "nurse",
    "sessions",
    "staff_store",
    "window",
]
