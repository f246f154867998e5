"""Listing sessions for ``hemiapp sessions list``: to find a session's id for printing.

Patient details are read only when asked for (``with_names``), so a plain listing
never holds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hemiapp.store.db import Database, stored_time
from hemiapp.store.sessions import fold


@dataclass(frozen=True)
class SessionRow:
    id: int
    kind: str  # named or anonymous
    created_at: datetime  # UTC
    closed_at: datetime | None
    language: str
    done: int  # items marked done
    name: str = ""  # only when asked for
    date_of_birth: str = ""
    mrn: str = ""


def list_sessions(
    db: Database,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    name: str | None = None,
    with_names: bool = False,
) -> list[SessionRow]:
    """Sessions by id, started in [since, until) (UTC, when given), whose patient's name
    contains ``name`` (accents and case ignored, as in the staff search; named sessions
    only) when given."""
    where, params = ["1 = 1"], []
    if since is not None:
        where.append("s.created_at >= ?")
        params.append(stored_time(since))  # as stored: UTC
    if until is not None:
        where.append("s.created_at < ?")
        params.append(stored_time(until))
    if name is not None:
        where.append("s.kind = 'named'")
    details = "s.patient_name, s.date_of_birth, s.mrn" if with_names else "NULL, NULL, NULL"
    rows = db.read(
        f"SELECT s.id, s.kind, s.created_at, s.closed_at, s.language, {details}, "
        "(SELECT count(*) FROM item_states i WHERE i.session_id = s.id AND i.status = 'done'), "
        f"{'s.patient_name' if name is not None else 'NULL'} "
        f"FROM sessions s WHERE {' AND '.join(where)} ORDER BY s.id",
        tuple(params),
    )
    return [
        SessionRow(
            r[0],
            r[1],
            datetime.fromisoformat(r[2]),
            datetime.fromisoformat(r[3]) if r[3] else None,
            r[4],
            r[8],
            r[5] or "",
            r[6] or "",
            r[7] or "",
        )
        for r in rows
        if name is None or fold(name) in fold(r[9] or "")
    ]
