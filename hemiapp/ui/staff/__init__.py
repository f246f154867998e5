"""Staff mode (journey 2, a nurse with a patient): sign-in with staff ID and PIN, the staff
menu (new or resumed named sessions, quiz results, teach-back), notes, sign-off, idle logoff.

The composition root calls ``attach_staff(window, staff_store, sessions)`` once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hemiapp.store.sessions import SessionStore
from hemiapp.store.staff import StaffStore

if TYPE_CHECKING:
    from hemiapp.ui.main_window import MainWindow
    from hemiapp.ui.staff.controller import StaffController


def attach_staff(
    window: MainWindow,
    staff_store: StaffStore,
    sessions: SessionStore,
    *,
    idle_seconds: float | None = None,
) -> StaffController:
    """Give ``window`` staff mode (``window.staff``); ``idle_seconds`` defaults to 5 minutes."""
    from hemiapp.ui.staff.controller import DEFAULT_IDLE_SECONDS, StaffController

    seconds = DEFAULT_IDLE_SECONDS if idle_seconds is None else idle_seconds
    return StaffController(window, staff_store, sessions, idle_seconds=seconds)


__all__ = ["attach_staff"]
