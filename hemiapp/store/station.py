"""Events of a station rather than of a patient's visit: a staff member signs out (or is
signed out when idle), leaves kiosk mode, or quits the app.

Each is one method that writes its audit row in its own transaction, in one shape;
nothing outside ``hemiapp.store`` writes to the audit log.
"""

from __future__ import annotations

from typing import Literal

from hemiapp.store import audit
from hemiapp.store.db import Database

SignOutReason = Literal["logout", "idle-logoff"]


class StationLog:
    """The audit rows of a station's own events."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def signed_out(
        self, staff_id: str, reason: SignOutReason, session_id: int | None = None
    ) -> None:
        """``staff_id`` signed out (``logout``) or was signed out for being idle."""
        with self.db.transaction() as conn:
            audit.append(self.db, conn, reason, actor=staff_id, session_id=session_id)

    def left_kiosk(self, staff_id: str) -> None:
        """``staff_id`` took the station out of kiosk mode."""
        with self.db.transaction() as conn:
            audit.append(self.db, conn, "kiosk-unlock", actor=staff_id)

    def quit(self, staff_id: str) -> None:
        """``staff_id`` closed the app."""
        with self.db.transaction() as conn:
            audit.append(self.db, conn, "quit", actor=staff_id)
