"""Versions: two stations changing the same session never overwrite each other silently.

Every row a person edits carries a version (schema migration 3: ``item_states.version``
and ``sessions.version``), and the session in memory knows the version of each row it
shows (``ItemState.version``, ``Session.version``; 0 while there is no row). A change
is written only where the row is still at that version: ``UPDATE … SET …, version =
version + 1 WHERE … AND version = ?``, or an ``INSERT`` that adds nothing if the row is
there already. A change that finds no row to write was based on a state another
station has changed since: StaleError, and its transaction (everything it wrote, its
audit rows too) is rolled back.

A sign-off is checked by its row id: a station signs off, or sets a sign-off aside with
a change, only if the checklist's current sign-off is the one it shows. Signing off
also needs every item of the checklist to be as the station shows it: a nurse attests
to what is on her screen.

Everything here runs inside the caller's transaction, after ``Database.lock_audit``:
what is checked stays true until the change commits, on SQLite and on PostgreSQL.
Portable SQL only (``?`` placeholders).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hemiapp.content.session import ItemState, Session, SignOff
from hemiapp.store.base import Connection, StaleError


@dataclass
class SessionRow:
    """The session's row as a change writes it: ``version`` follows each update, and is
    handed to the session in memory once the change has committed."""

    id: int
    version: int

    def update(self, conn: Connection, assignments: str, values: Sequence[object]) -> None:
        """``UPDATE sessions SET <assignments>`` if the row is still at ``version``."""
        cursor = conn.execute(
            f"UPDATE sessions SET {assignments}, version = version + 1 "
            "WHERE id = ? AND version = ?",
            (*values, self.id, self.version),
        )
        if cursor.rowcount != 1:
            raise StaleError("session")
        self.version += 1


def write_item(
    conn: Connection,
    session_id: int,
    checklist_id: str,
    item_id: str,
    old: ItemState,
    new: ItemState,
    *,
    changed_at: str,
    changed_by: int | None,
) -> None:
    """Write an item's new state over ``old``, which must still be the stored one."""
    values = (new.status.value, int(new.question), new.note, changed_at, changed_by)
    key = (session_id, checklist_id, item_id)
    if old.version == 0:  # no row yet, as far as this station knows
        cursor = conn.execute(
            "INSERT INTO item_states (status, question, note, changed_at, changed_by, "
            "session_id, checklist_id, item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (session_id, checklist_id, item_id) DO NOTHING",
            (*values, *key),
        )
    else:
        cursor = conn.execute(
            "UPDATE item_states SET status = ?, question = ?, note = ?, changed_at = ?, "
            "changed_by = ?, version = version + 1 "
            "WHERE session_id = ? AND checklist_id = ? AND item_id = ? AND version = ?",
            (*values, *key, old.version),
        )
    if cursor.rowcount != 1:
        raise StaleError(f"{checklist_id}/{item_id}")


def current_signoff(conn: Connection, session_id: int, checklist_id: str) -> int | None:
    """The id of the checklist's sign-off in force in the store, if it has one."""
    row = conn.execute(
        "SELECT max(id) FROM signoffs WHERE session_id = ? AND checklist_id = ? "
        "AND superseded_at IS NULL",
        (session_id, checklist_id),
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def check_superseding(
    conn: Connection, session: Session, session_id: int, checklist_id: str
) -> None:
    """An item change sets the checklist's sign-off aside: only the one this station
    shows (a sign-off made elsewhere since is not undone unseen)."""
    stored = current_signoff(conn, session_id, checklist_id)
    if stored is not None and stored != _shown_id(session.signoffs.get(checklist_id)):
        raise StaleError(f"sign-off {checklist_id}")


def check_signing(
    conn: Connection, session: Session, session_id: int, checklist_id: str, shown: SignOff | None
) -> None:
    """A sign-off replaces the one this station shows (``shown``, or none), and attests
    to the checklist's items as this station shows them."""
    stored = current_signoff(conn, session_id, checklist_id)
    if stored != _shown_id(shown):
        raise StaleError(f"sign-off {checklist_id}")
    rows = conn.execute(
        "SELECT item_id, version FROM item_states WHERE session_id = ? AND checklist_id = ?",
        (session_id, checklist_id),
    ).fetchall()
    in_store = {str(r[0]): int(r[1]) for r in rows}
    on_screen = {
        item: state.version
        for (checklist, item), state in session.items.items()
        if checklist == checklist_id and state.version
    }
    if in_store != on_screen:
        raise StaleError(f"items of {checklist_id}")


def _shown_id(signoff: SignOff | None) -> int | None:
    return None if signoff is None else signoff.id
