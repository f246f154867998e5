"""Print records. No record, no print: a printout is recorded before a page comes out.

Every print, from the app or from ``hemiapp print``, leaves two audit rows of one
shape:

- ``print`` (the attempt), written first, before any file is made or any job is sent:
  ``{"target": "pdf"|"printer", "to": FILE-or-PRINTER, "pages": N, "checklists": [...],
  "language": "en", "blank": false}``. If it cannot be written, nothing is printed.
- ``print-result`` (the outcome), written after: ``{"attempt": ROW-ID, "outcome":
  "printed"|"failed", "reason": "..."}``.

A session's print is recorded with the session (an anonymous kiosk session gets its
row in the same transaction, see ``SessionStore.print_started``); a blank checklist
has no session.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from hemiapp.store import audit
from hemiapp.store.db import Connection, Database

if TYPE_CHECKING:
    from hemiapp.content.session import Session

PRINT = "print"
PRINT_RESULT = "print-result"
PRINTED, FAILED = "printed", "failed"


@dataclass(frozen=True)
class PrintRequest:
    """What is about to be printed, and where."""

    target: str  # "pdf" or "printer"
    to: str  # the PDF file, or the printer's name
    pages: int
    checklists: tuple[str, ...]
    language: str
    blank: bool = False

    def detail(self) -> dict[str, object]:
        return {
            "target": self.target,
            "to": self.to,
            "pages": self.pages,
            "checklists": list(self.checklists),
            "language": self.language,
            "blank": self.blank,
        }


def append_attempt(
    db: Database,
    conn: Connection,
    request: PrintRequest,
    *,
    actor: str,
    session_id: int | None,
) -> int:
    """The ``print`` row, inside the caller's transaction; its row id."""
    return audit.append(
        db, conn, PRINT, actor=actor, session_id=session_id, detail=request.detail()
    )


def append_outcome(
    db: Database,
    conn: Connection,
    attempt: int,
    error: str,
    *,
    actor: str,
    session_id: int | None,
) -> int:
    """The ``print-result`` row for the attempt ``attempt`` (``error`` "" : printed)."""
    detail = {"attempt": attempt, "outcome": FAILED if error else PRINTED, "reason": error}
    return audit.append(db, conn, PRINT_RESULT, actor=actor, session_id=session_id, detail=detail)


class BlankPrintLog:
    """The recorder of a blank checklist's print (no session): ``hemiapp print --blank``."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    def started(self, request: PrintRequest) -> int:
        with self.db.transaction() as conn:
            return append_attempt(self.db, conn, request, actor=self.actor, session_id=None)

    def finished(self, attempt: int, error: str) -> None:
        with self.db.transaction() as conn:
            append_outcome(self.db, conn, attempt, error, actor=self.actor, session_id=None)


class SessionPrints(Protocol):
    """Where a session's prints are recorded (``hemiapp.store.sessions.SessionStore``; a
    protocol here, so that this module does not import the one that imports it)."""

    def print_started(
        self, session: Session, request: PrintRequest, *, actor: str | None = None
    ) -> int: ...

    def print_finished(
        self, session: Session, attempt: int, error: str, *, actor: str | None = None
    ) -> None: ...


class SessionPrintLog:
    """The recorder of a session's print (the app's, or ``hemiapp print SESSION_ID``)."""

    def __init__(self, sessions: SessionPrints, session: Session, actor: str | None = None) -> None:
        self.sessions = sessions
        self.session = session
        self.actor = actor  # None: the session's actor (the patient, or the staff member)

    def started(self, request: PrintRequest) -> int:
        return self.sessions.print_started(self.session, request, actor=self.actor)

    def finished(self, attempt: int, error: str) -> None:
        self.sessions.print_finished(self.session, attempt, error, actor=self.actor)
